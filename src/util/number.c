/* SPDX-License-Identifier: MIT */
#include "number.h"

#include <math.h>
#include <stdio.h>

size_t
vnkg_format_g(double v, int digits, char out[VNKG_NUM_CAP])
{
    out[0] = '\0';
    if (!isfinite(v)) {
        return 0;
    }
    if (v == 0) {
        v = 0; /* no "-0" */
    }
    int n = snprintf(out, VNKG_NUM_CAP, "%.*g", digits, v);
    if (n <= 0 || n >= VNKG_NUM_CAP) {
        out[0] = '\0';
        return 0;
    }
    /* Whatever is not part of a C-locale number is the locale's decimal
     * separator: it becomes '.'. */
    size_t w = 0;
    int in_sep = 0;
    for (size_t r = 0; out[r]; ++r) {
        char c = out[r];
        if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == 'e') {
            out[w++] = c;
            in_sep = 0;
        } else if (!in_sep) {
            out[w++] = '.';
            in_sep = 1;
        }
    }
    out[w] = '\0';
    return w;
}
