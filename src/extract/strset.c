/* SPDX-License-Identifier: MIT */
/* String sets in insertion order. Small sets are scanned from the newest
 * item (articles arrive in order: the likeliest match); from
 * INDEX_MIN items on, a set keeps an index of 32-bit item numbers in open
 * addressing — by content for sets that own their strings, by address for
 * the fact store's pooled ones. At 100k articles the store's sets hold
 * ~5M items: 8 bytes per item of index, not a 32-byte map slot.
 * Items appended as known-new (vnkg_strset_append_pooled: a merge adding
 * an article seen for the first time) are indexed only when a lookup
 * next needs them, so a set that only grows that way has no index. */
#include "strset.h"

#include "../util/strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define INDEX_MIN 32

typedef struct {
    uint32_t *slots; /* item number + 1, 0 when empty */
    size_t cap;      /* a power of two */
    size_t indexed;  /* items [0, indexed) are in `slots` */
    int by_address;  /* pooled items: compare pointers */
} Index;

static uint64_t
address_hash(const char *p)
{
    uint64_t h = (uint64_t)(uintptr_t)p * 0x9e3779b97f4a7c15ULL;
    return h ^ (h >> 31);
}

static uint64_t
item_hash(const Index *ix, const char *s)
{
    return ix->by_address ? address_hash(s) : vnkg_hash_bytes(s, strlen(s));
}

static int
same(const Index *ix, const char *a, const char *b)
{
    return ix->by_address ? a == b : strcmp(a, b) == 0;
}

/* The slot holding `s`, or the empty slot where it would go. */
static size_t
find(const Index *ix, char *const *items, const char *s)
{
    size_t mask = ix->cap - 1, i = (size_t)item_hash(ix, s) & mask;
    while (ix->slots[i] && !same(ix, items[ix->slots[i] - 1], s)) {
        i = (i + 1) & mask;
    }
    return i;
}

/* (Re)builds the index with room for twice the items. */
static VnkgStatus
reindex(VnkgContext *ctx, VnkgStrSet *set, int by_address)
{
    if (set->count >= UINT32_MAX / 2) {
        return VNKG_ERR_LIMIT;
    }
    size_t cap = 64;
    while (cap < set->count * 2 + 2) {
        cap *= 2;
    }
    Index *ix = set->index;
    if (!ix) {
        ix = vnkg_calloc(ctx, 1, sizeof *ix);
        if (!ix) {
            return VNKG_ERR_NO_MEMORY;
        }
        ix->by_address = by_address;
    }
    uint32_t *slots = vnkg_calloc(ctx, cap, sizeof *slots);
    if (!slots) {
        if (!set->index) {
            vnkg_free(ctx, ix);
        }
        return VNKG_ERR_NO_MEMORY;
    }
    vnkg_free(ctx, ix->slots);
    ix->slots = slots;
    ix->cap = cap;
    for (size_t k = 0; k < set->count; ++k) {
        slots[find(ix, set->items, set->items[k])] = (uint32_t)(k + 1);
    }
    ix->indexed = set->count;
    set->index = ix;
    return VNKG_SUCCESS;
}

/* Indexes the items appended unindexed, growing the index as needed; a
 * set that reached INDEX_MIN that way gets its index now. */
static VnkgStatus
catch_up(VnkgContext *ctx, VnkgStrSet *set, int by_address)
{
    Index *ix = set->index;
    if (!ix) {
        return set->count >= INDEX_MIN ? reindex(ctx, set, by_address)
                                       : VNKG_SUCCESS;
    }
    if (ix->indexed == set->count) {
        return VNKG_SUCCESS;
    }
    if (set->count * 2 > ix->cap) {
        return reindex(ctx, set, by_address);
    }
    for (size_t k = ix->indexed; k < set->count; ++k) {
        ix->slots[find(ix, set->items, set->items[k])] = (uint32_t)(k + 1);
    }
    ix->indexed = set->count;
    return VNKG_SUCCESS;
}

static int
has(const VnkgStrSet *set, const char *s, int by_address)
{
    const Index *ix = set->index;
    size_t scan_from = 0;
    if (ix && ix->by_address == by_address) {
        if (ix->slots[find(ix, set->items, s)] != 0) {
            return 1;
        }
        scan_from = ix->indexed; /* items appended since */
    }
    for (size_t i = set->count; i-- > scan_from;) {
        if (by_address ? set->items[i] == s : strcmp(set->items[i], s) == 0) {
            return 1;
        }
    }
    return 0;
}

/* Room for one more item. */
static VnkgStatus
room(VnkgContext *ctx, VnkgStrSet *set)
{
    if (set->count == set->cap) {
        size_t cap = set->cap ? set->cap * 2 : 4;
        char **items = vnkg_realloc(ctx, set->items, cap * sizeof *items);
        if (!items) {
            return VNKG_ERR_NO_MEMORY;
        }
        set->items = items;
        set->cap = cap;
    }
    return VNKG_SUCCESS;
}

/* Appends `item` (not in the set), indexed; the set's index is caught up
 * (catch_up). On failure the set is unchanged. */
static VnkgStatus
push(VnkgContext *ctx, VnkgStrSet *set, char *item, int by_address)
{
    VNKG_TRY(room(ctx, set));
    Index *ix = set->index;
    size_t n = set->count + 1;
    if ((ix && n * 2 > ix->cap) || (!ix && n >= INDEX_MIN)) {
        set->items[set->count] = item; /* indexed with the others */
        set->count = n;
        VnkgStatus st = reindex(ctx, set, by_address);
        if (st != VNKG_SUCCESS) {
            set->count = n - 1;
        }
        return st;
    }
    if (ix) {
        ix->slots[find(ix, set->items, item)] = (uint32_t)n;
        ix->indexed = n;
    }
    set->items[set->count++] = item;
    return VNKG_SUCCESS;
}

static void
drop_index(VnkgContext *ctx, VnkgStrSet *set)
{
    Index *ix = set->index;
    if (ix) {
        vnkg_free(ctx, ix->slots);
        vnkg_free(ctx, ix);
    }
}

int
vnkg_strset_has(const VnkgStrSet *set, const char *s)
{
    return has(set, s, 0);
}

VnkgStatus
vnkg_strset_add(VnkgContext *ctx, VnkgStrSet *set, const char *s)
{
    VNKG_TRY(catch_up(ctx, set, 0));
    if (has(set, s, 0)) {
        return VNKG_SUCCESS;
    }
    char *copy = vnkg_strdup(ctx, s);
    if (!copy) {
        return VNKG_ERR_NO_MEMORY;
    }
    VnkgStatus st = push(ctx, set, copy, 0);
    if (st != VNKG_SUCCESS) {
        vnkg_free(ctx, copy);
    }
    return st;
}

int
vnkg_strset_has_pooled(const VnkgStrSet *set, const char *item)
{
    return has(set, item, 1);
}

VnkgStatus
vnkg_strset_add_pooled(VnkgContext *ctx, VnkgStrSet *set, char *item)
{
    VNKG_TRY(catch_up(ctx, set, 1));
    return has(set, item, 1) ? VNKG_SUCCESS : push(ctx, set, item, 1);
}

VnkgStatus
vnkg_strset_append_pooled(VnkgContext *ctx, VnkgStrSet *set, char *item)
{
    VNKG_TRY(room(ctx, set));
    set->items[set->count++] = item;
    return VNKG_SUCCESS;
}

void
vnkg_strset_reset_pooled(VnkgContext *ctx, VnkgStrSet *set)
{
    drop_index(ctx, set);
    vnkg_free(ctx, set->items);
    memset(set, 0, sizeof *set);
}

static int
cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

void
vnkg_strset_sort(VnkgStrSet *set)
{
    if (set->count > 1) {
        qsort(set->items, set->count, sizeof *set->items, cmp_str);
    }
    Index *ix = set->index;
    if (ix) { /* the item numbers moved: index them all if they fit, else
                 none (catch_up rebuilds it at the next add) */
        memset(ix->slots, 0, ix->cap * sizeof *ix->slots);
        ix->indexed = set->count * 2 <= ix->cap ? set->count : 0;
        for (size_t k = 0; k < ix->indexed; ++k) {
            ix->slots[find(ix, set->items, set->items[k])] = (uint32_t)(k + 1);
        }
    }
}

void
vnkg_strset_clear(VnkgContext *ctx, VnkgStrSet *set)
{
    drop_index(ctx, set);
    for (size_t i = 0; i < set->count; ++i) {
        vnkg_free(ctx, set->items[i]);
    }
    vnkg_free(ctx, set->items);
    memset(set, 0, sizeof *set);
}

VnkgStatus
vnkg_strset_join(VnkgContext *ctx, const VnkgStrSet *set, const char *sep,
                 char **out)
{
    size_t seplen = strlen(sep);
    size_t total = 1;
    for (size_t i = 0; i < set->count; ++i) {
        VNKG_TRY(vnkg_size_add(&total, total, strlen(set->items[i]) + seplen));
    }
    char *p = vnkg_malloc(ctx, total);
    if (!p) {
        return VNKG_ERR_NO_MEMORY;
    }
    size_t k = 0;
    for (size_t i = 0; i < set->count; ++i) {
        if (i) {
            memcpy(p + k, sep, seplen);
            k += seplen;
        }
        size_t n = strlen(set->items[i]);
        memcpy(p + k, set->items[i], n);
        k += n;
    }
    p[k] = '\0';
    *out = p;
    return VNKG_SUCCESS;
}
