// Snowball stemmers (Debian package `libstemmer-dev`), UTF-8.
#include <libstemmer.h>
