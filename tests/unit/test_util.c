/* SPDX-License-Identifier: MIT */
/* The string hash and the string map under every other module. */
#undef NDEBUG
#include "../../src/util/strmap.h"

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

int
main(void)
{
    test_hash_tail();
    test_strmap();
    puts("util: ok");
    return 0;
}
