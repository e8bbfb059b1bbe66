/* SPDX-License-Identifier: MIT */
#include "rank.h"

#include <stdlib.h>
#include <string.h>

static int
cmp_ranked(const void *a, const void *b)
{
    const VnkgRanked *x = a, *y = b;
    int c = strcmp(x->s, y->s);
    if (c) {
        return c;
    }
    return x->index < y->index ? -1 : x->index > y->index;
}

void
vnkg_rank_sorted(VnkgRanked *v, size_t n, size_t *rank)
{
    if (n > 1) {
        qsort(v, n, sizeof *v, cmp_ranked);
    }
    size_t r = 0;
    for (size_t k = 0; k < n; ++k) {
        if (k > 0 && strcmp(v[k - 1].s, v[k].s) != 0) {
            ++r;
        }
        rank[v[k].index] = r;
    }
}
