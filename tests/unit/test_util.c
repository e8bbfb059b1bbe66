/* SPDX-License-Identifier: MIT */
/* The string hash, the string map, the arena and derived contexts under
 * every other module. */
#undef NDEBUG
#include "../../src/util/arena.h"
#include "../../src/util/strmap.h"
#include "failalloc.h"

#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* vnkg_hash_bytes as first written: the tail copied into a zeroed word.
 * The hash is not part of any output, but the lexicon, the fact store and
 * the interned pools all hash the same strings with it; a change of the
 * tail's reading must not change a value. */
static uint64_t
reference_hash(const void *data, size_t len)
{
    const unsigned char *p = data;
    uint64_t h = 0x9e3779b97f4a7c15ULL ^ (uint64_t)len;
    while (len >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        h = (h ^ w) * 0xff51afd7ed558ccdULL;
        h ^= h >> 32;
        p += 8;
        len -= 8;
    }
    uint64_t w = 0;
    memcpy(&w, p, len);
    uint64_t x = h ^ w;
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

static void
test_hash_tail(void)
{
    unsigned char buf[96];
    for (size_t k = 0; k < sizeof buf; ++k) {
        buf[k] = (unsigned char)(k * 37 + 11); /* every byte distinct-ish */
    }
    for (size_t align = 0; align < 8; ++align) {
        for (size_t len = 0; len <= 64; ++len) {
            assert(vnkg_hash_bytes(buf + align, len) ==
                   reference_hash(buf + align, len));
        }
    }
    /* the bytes past the end are not read into the value */
    unsigned char a[16] = "hà nội", b[16] = "hà nội";
    memset(b + 9, 0x5A, sizeof b - 9);
    size_t n = strlen((const char *)a);
    assert(vnkg_hash_bytes(a, n) == vnkg_hash_bytes(b, n));
    /* nor is a byte inside ignored: each short length, each position */
    for (size_t len = 1; len < 8; ++len) {
        for (size_t at = 0; at < len; ++at) {
            unsigned char c[8] = {0};
            memcpy(c, "abcdefg", len);
            uint64_t before = vnkg_hash_bytes(c, len);
            c[at] ^= 0x20;
            assert(vnkg_hash_bytes(c, len) != before);
        }
    }
}

static void
test_strmap(void)
{
    VnkgContext *ctx;
    assert(vnkg_context_new(&ctx) == VNKG_SUCCESS);
    VnkgStrMap map;
    vnkg_strmap_init(&map);
    size_t v = 0;
    assert(vnkg_strmap_get(&map, "x", 1, &v) == VNKG_FAILURE);
    enum { N = 5000 };
    static char keys[N][16];
    for (size_t i = 0; i < N; ++i) {
        snprintf(keys[i], sizeof keys[i], "k%zu", i * 7919);
        assert(vnkg_strmap_put(ctx, &map, keys[i], strlen(keys[i]), i) ==
               VNKG_SUCCESS);
    }
    assert(map.count == N);
    for (size_t i = 0; i < N; ++i) {
        char probe[16]; /* another address, same bytes */
        memcpy(probe, keys[i], sizeof probe);
        assert(vnkg_strmap_get(&map, probe, strlen(probe), &v) == VNKG_SUCCESS);
        assert(v == i);
        /* a key's prefix finds only a key equal to it */
        size_t n = strlen(probe) - 1;
        if (vnkg_strmap_get(&map, probe, n, &v) == VNKG_SUCCESS) {
            assert(strlen(keys[v]) == n && memcmp(keys[v], probe, n) == 0);
        }
    }
    assert(vnkg_strmap_get(&map, "absent", 6, &v) == VNKG_FAILURE);
    /* replacing keeps one entry */
    assert(vnkg_strmap_put(ctx, &map, keys[3], strlen(keys[3]), 42) ==
           VNKG_SUCCESS);
    assert(map.count == N);
    assert(vnkg_strmap_get(&map, keys[3], strlen(keys[3]), &v) ==
               VNKG_SUCCESS &&
           v == 42);
    char *stored = NULL;
    assert(vnkg_strmap_find_hashed(&map, keys[9], strlen(keys[9]),
                                   vnkg_hash_bytes(keys[9], strlen(keys[9])),
                                   &v, &stored) == VNKG_SUCCESS);
    assert(stored == keys[9] && v == 9);
    size_t cap = map.cap;
    assert(vnkg_strmap_reserve(ctx, &map, cap * 4) == VNKG_SUCCESS);
    assert(map.cap >= cap * 4 && map.count == N);
    assert(vnkg_strmap_get(&map, keys[N - 1], strlen(keys[N - 1]), &v) ==
               VNKG_SUCCESS &&
           v == N - 1);
    vnkg_strmap_clear(ctx, &map);
    assert(map.cap == 0 && map.count == 0);
    vnkg_context_free(ctx);
}

/* Blocks from the arena: aligned, separate, grown in place when newest,
 * copied otherwise, all given back by a reset; chunks from the parent's
 * allocator, whose failure is the arena's. */
static void
test_arena(void)
{
    FailAlloc fa = {-1, 0, 0};
    VnkgAllocator parent = {fa_malloc, fa_realloc, fa_free, &fa};
    VnkgContext *ctx;
    assert(vnkg_context_new_with(&ctx, &parent) == VNKG_SUCCESS);
    long before = fa.live;
    VnkgArena *arena;
    assert(vnkg_arena_new(ctx, &arena) == VNKG_SUCCESS);
    const VnkgAllocator *a = vnkg_arena_allocator(arena);
    char *x = a->malloc_fn(3, a->user), *y = a->malloc_fn(40, a->user);
    assert(x && y && x != y);
    assert((uintptr_t)x % 16 == 0 && (uintptr_t)y % 16 == 0);
    assert(y >= x + 3 || x >= y + 40); /* not overlapping */
    memcpy(x, "ab", 3);
    memset(y, 'y', 40);
    /* the newest grows where it is; an older one moves, keeping its bytes */
    char *y2 = a->realloc_fn(y, 4000, a->user);
    assert(y2 == y && y2[39] == 'y');
    char *x2 = a->realloc_fn(x, 100, a->user);
    assert(x2 != x && strcmp(x2, "ab") == 0);
    assert(a->realloc_fn(y2, 10, a->user) == y2); /* shrinking keeps it */
    /* freeing the newest block gives its room to the next one */
    char *z = a->malloc_fn(64, a->user);
    a->free_fn(z, a->user);
    assert(a->malloc_fn(64, a->user) == z);
    /* a block bigger than a chunk, then many small ones */
    char *big = a->malloc_fn((size_t)3 << 20, a->user);
    assert(big);
    memset(big, 1, (size_t)3 << 20);
    for (int i = 0; i < 20000; ++i) {
        char *p = a->malloc_fn(24, a->user);
        assert(p && (uintptr_t)p % 16 == 0);
        memset(p, i & 0xff, 24);
    }
    assert(fa.live > before + 2);
    /* a reset keeps one chunk at most (and the arena) */
    vnkg_arena_reset(arena);
    assert(fa.live <= before + 2);
    char *again = a->malloc_fn(10, a->user);
    assert(again);
    /* a parent that fails: the arena's next chunk fails, nothing else */
    fa.fail_at = 0;
    fa.count = 0;
    assert(a->malloc_fn((size_t)2 << 20, a->user) == NULL);
    assert(a->malloc_fn(16, a->user) != NULL); /* the kept chunk serves */
    fa.fail_at = -1;
    vnkg_arena_free(arena);
    assert(fa.live == before);
    vnkg_context_free(ctx);
    assert(fa.live == 0);
}

static int derived_diags;

static void
count_diag(VnkgStatus st, const char *message, void *user)
{
    (void)st;
    (void)message;
    (void)user;
    derived_diags++;
}

/* A derived context: the parent's settings, its own allocator, itself
 * from the parent's allocator. */
static void
test_context_derived(void)
{
    FailAlloc fa = {-1, 0, 0};
    VnkgAllocator parent = {fa_malloc, fa_realloc, fa_free, &fa};
    VnkgContext *ctx, *child;
    assert(vnkg_context_new_with(&ctx, &parent) == VNKG_SUCCESS);
    vnkg_context_set_seed(ctx, 7);
    vnkg_context_set_strict(ctx, 1);
    vnkg_context_limits(ctx)->max_articles = 3;
    vnkg_context_set_diag(ctx, count_diag, NULL);
    VnkgArena *arena;
    assert(vnkg_arena_new(ctx, &arena) == VNKG_SUCCESS);
    long live = fa.live;
    assert(vnkg_context_new_derived(&child, ctx, vnkg_arena_allocator(arena)) ==
           VNKG_SUCCESS);
    assert(fa.live == live + 1); /* the context: the parent's */
    assert(vnkg_context_seed(child) == 7 && vnkg_context_strict(child));
    assert(vnkg_context_limits(child)->max_articles == 3);
    vnkg_diag(child, VNKG_ERR_IO, "to the parent's sink");
    assert(derived_diags == 1);
    char *p = vnkg_malloc(child, 1000);
    assert(p && fa.live == live + 2); /* the arena's first chunk */
    vnkg_free(child, p);
    vnkg_context_free(child);
    assert(fa.live == live + 1); /* the chunk stays with the arena */
    /* NULL: the parent's allocator */
    assert(vnkg_context_new_derived(&child, ctx, NULL) == VNKG_SUCCESS);
    p = vnkg_malloc(child, 10);
    assert(p && fa.live == live + 3);
    vnkg_free(child, p);
    vnkg_context_free(child);
    assert(fa.live == live + 1);
    /* the parent's allocator failing */
    fa.fail_at = 0;
    fa.count = 0;
    assert(vnkg_context_new_derived(&child, ctx, NULL) == VNKG_ERR_NO_MEMORY &&
           child == NULL);
    fa.fail_at = -1;
    vnkg_arena_free(arena);
    vnkg_context_free(ctx);
    assert(fa.live == 0);
}

int
main(void)
{
    test_hash_tail();
    test_strmap();
    test_arena();
    test_context_derived();
    puts("util: ok");
    return 0;
}
