/* SPDX-License-Identifier: MIT */
#include "array.h"

VnkgStatus
vnkg_array_reserve(VnkgContext *ctx, void **arr, size_t *cap, size_t count,
                   size_t size, size_t first)
{
    if (count < *cap) {
        return VNKG_SUCCESS;
    }
    size_t ncap = *cap ? *cap : first;
    if (*cap) {
        VNKG_TRY(vnkg_size_mul(&ncap, *cap, 2));
    }
    size_t bytes;
    VNKG_TRY(vnkg_size_mul(&bytes, ncap, size));
    void *p = vnkg_realloc(ctx, *arr, bytes);
    if (!p) {
        return VNKG_ERR_NO_MEMORY;
    }
    *arr = p;
    *cap = ncap;
    return VNKG_SUCCESS;
}
