#ifndef KASHUV_CNCURSESW_SHIM_H
#define KASHUV_CNCURSESW_SHIM_H
// SwiftPM drops pkg-config's -D flags; the wide-character API needs this defined first.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <wchar.h>
#include <signal.h>
#include <ncursesw/curses.h>

// Macros and C globals do not import into Swift 6 (or are refused as not concurrency-safe);
// these wrappers give them names. They read the *current* screen (see set_term).

/// Bold attribute.
static inline attr_t kashuv_a_bold(void) { return A_BOLD; }
/// Reverse-video attribute.
static inline attr_t kashuv_a_reverse(void) { return A_REVERSE; }
/// Underline attribute.
static inline attr_t kashuv_a_underline(void) { return A_UNDERLINE; }
/// Dim attribute.
static inline attr_t kashuv_a_dim(void) { return A_DIM; }
/// No attribute.
static inline attr_t kashuv_a_normal(void) { return A_NORMAL; }
/// The attribute for colour pair n.
static inline attr_t kashuv_color_pair(int n) { return (attr_t)COLOR_PAIR(n); }
/// The key code of function key n (F1 is 1).
static inline int kashuv_key_f(int n) { return KEY_F0 + n; }
/// Window height in rows.
static inline int kashuv_getmaxy(const WINDOW *w) { return getmaxy(w); }
/// Window width in columns.
static inline int kashuv_getmaxx(const WINDOW *w) { return getmaxx(w); }
/// The current screen's standard window.
static inline WINDOW *kashuv_stdscr(void) { return stdscr; }
/// The current screen's number of lines.
static inline int kashuv_lines(void) { return LINES; }
/// The current screen's number of columns.
static inline int kashuv_cols(void) { return COLS; }
/// Whether the C library's character type is UTF-8 (after setlocale).
static inline int kashuv_codeset_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset && (codeset[0] == 'U' || codeset[0] == 'u') && (codeset[1] == 'T' || codeset[1] == 't')
        && (codeset[2] == 'F' || codeset[2] == 'f');
}
/// The cells a character takes in the current locale (glibc hides the prototype without _XOPEN_SOURCE).
extern int wcwidth(wchar_t c);
static inline int kashuv_wcwidth(unsigned int c) { return wcwidth((wchar_t)c); }
#endif
