/* SPDX-License-Identifier: MIT */
/* Internal: ranks of strings, so that records are sorted by integers
 * instead of strcmp in every comparison. */
#ifndef VNKG_UTIL_RANK_H
#define VNKG_UTIL_RANK_H

#include <stddef.h>

typedef struct {
    const char *s;
    size_t index; /* the record the string belongs to */
} VnkgRanked;

/* Sorts v[0..n) by string, then index (the order of a stable sort on the
 * strings), and sets rank[v[k].index] to the number of distinct strings
 * before v[k].s: equal strings get equal ranks. */
void vnkg_rank_sorted(VnkgRanked *v, size_t n, size_t *rank);

#endif
