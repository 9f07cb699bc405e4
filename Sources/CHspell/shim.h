// Debian's hspell (package `hspell`): the Hebrew spell checker and morphological analyser.
// Strings are ISO-8859-8 (one byte a letter); KashuvCore converts at the boundary.
#include <hspell.h>
#include <linginfo.h>
