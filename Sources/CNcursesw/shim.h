#ifndef KASHUV_CNCURSESW_SHIM_H
#define KASHUV_CNCURSESW_SHIM_H
// SwiftPM drops pkg-config's -D flags; the wide-character API needs this defined first.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#endif
