#ifndef KASHUV_CFRIBIDI_SHIM_H
#define KASHUV_CFRIBIDI_SHIM_H
#include <fribidi/fribidi.h>

// Macros built from other macros do not import into Swift; these wrappers give them names.

/// Paragraph base direction: left to right.
static inline FriBidiParType kashuv_fribidi_par_ltr(void) { return FRIBIDI_PAR_LTR; }
/// Paragraph base direction: right to left.
static inline FriBidiParType kashuv_fribidi_par_rtl(void) { return FRIBIDI_PAR_RTL; }
/// Paragraph base direction: neutral (no strong character found).
static inline FriBidiParType kashuv_fribidi_par_on(void) { return FRIBIDI_PAR_ON; }
/// Flags for fribidi_reorder_line: keep combining marks after their base in visual order.
static inline FriBidiFlags kashuv_fribidi_reorder_flags(void) { return FRIBIDI_FLAG_REORDER_NSM; }
/// Whether an embedding level is right to left.
static inline int kashuv_fribidi_level_is_rtl(FriBidiLevel level) { return FRIBIDI_LEVEL_IS_RTL(level); }
/// Whether a bidi type is a strong type (L, R or AL).
static inline int kashuv_fribidi_type_is_strong(FriBidiCharType type) { return FRIBIDI_IS_STRONG(type); }
/// Whether a bidi type is right to left (R, AL, RLE, RLO…).
static inline int kashuv_fribidi_type_is_rtl(FriBidiCharType type) { return FRIBIDI_IS_RTL(type); }
#endif
