/* SPDX-License-Identifier: MIT */
/* Internal: string sets (VnkgStrSet) that own their strings, and the
 * fact store's sets, whose strings are pooled: one address per string, so
 * membership is a pointer test. */
#ifndef VNKG_EXTRACT_STRSET_H
#define VNKG_EXTRACT_STRSET_H

#include <vnkg/facts.h>

/* True when the pooled string `item` is in the set (pointer equality);
 * every item of the set must be pooled in the same pool. */
int vnkg_strset_has_pooled(const VnkgStrSet *set, const char *item);
/* Adds the pooled string `item` unless present. Returns
 * VNKG_ERR_NO_MEMORY (the set is unchanged). */
VnkgStatus vnkg_strset_add_pooled(VnkgContext *ctx, VnkgStrSet *set,
                                  char *item);
/* Appends the pooled string `item`, which the caller knows is not in the
 * set, without looking it up. Returns VNKG_ERR_NO_MEMORY (the set is
 * unchanged). */
VnkgStatus vnkg_strset_append_pooled(VnkgContext *ctx, VnkgStrSet *set,
                                     char *item);
/* Frees the set's arrays, not its (pooled) strings. */
void vnkg_strset_reset_pooled(VnkgContext *ctx, VnkgStrSet *set);

#endif
