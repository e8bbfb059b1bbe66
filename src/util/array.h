/* SPDX-License-Identifier: MIT */
/* Internal: growing a caller-owned array by doubling. */
#ifndef VNKG_UTIL_ARRAY_H
#define VNKG_UTIL_ARRAY_H

#include <vnkg/context.h>

/* Makes room for item `count` in `*arr` (capacity `*cap` items of `size`
 * bytes), doubling from `first` items. Returns VNKG_ERR_NO_MEMORY or
 * VNKG_ERR_LIMIT (size overflow); on failure `*arr` is unchanged. */
VnkgStatus vnkg_array_reserve(VnkgContext *ctx, void **arr, size_t *cap,
                              size_t count, size_t size, size_t first);

#endif
