/* SPDX-License-Identifier: MIT */
/* Internal: numbers written the same whatever the locale. */
#ifndef VNKG_UTIL_NUMBER_H
#define VNKG_UTIL_NUMBER_H

#include <stddef.h>

/* Room for any number vnkg_format_g writes (digits <= 17). */
#define VNKG_NUM_CAP 40

/* `v` as printf's "%.*g" with `digits` significant digits, but with '.'
 * as the decimal point whatever the locale (',' in vi_VN, maybe several
 * bytes) and "0" for -0 ("0.25", "3", "1.5e-12"). Writes "" and returns 0
 * for NaN and infinities, else returns the length. */
size_t vnkg_format_g(double v, int digits, char out[VNKG_NUM_CAP]);

#endif
