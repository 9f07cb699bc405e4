#ifndef KASHUV_CFRIBIDI_SHIM_H
#define KASHUV_CFRIBIDI_SHIM_H
#include <fribidi/fribidi.h>
#endif
