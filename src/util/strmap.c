/* SPDX-License-Identifier: MIT */
#include "strmap.h"

#include <string.h>

/* Eight bytes at a time with a multiply-xorshift mix (the finaliser of
 * splitmix64): fast on 200-byte evidence sentences as on 3-byte syllable
 * keys; no adversary here needs SipHash. Iteration order never depends on
 * it: no caller walks the slots. */
static uint64_t
mix64(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

/* The last `len` (< 8) bytes as a little-endian word, as memcpy into a
 * zeroed word gives it, but from whole loads: a byte-wise copy read back
 * as one word stalls store-to-load forwarding on every short key. Loads
 * that overlap put the same byte in the same place, so OR joins them. */
static uint64_t
tail_word(const unsigned char *p, size_t len)
{
    if (len >= 4) {
        uint32_t a, b;
        memcpy(&a, p, 4);
        memcpy(&b, p + len - 4, 4);
        return a | (uint64_t)b << (8 * (len - 4));
    }
    if (len == 0) {
        return 0;
    }
    return p[0] | (uint64_t)p[len / 2] << (8 * (len / 2)) |
           (uint64_t)p[len - 1] << (8 * (len - 1));
}

uint64_t
vnkg_hash_bytes(const void *data, size_t len)
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
    return mix64(h ^ tail_word(p, len));
}

void
vnkg_strmap_init(VnkgStrMap *map)
{
    map->slots = NULL;
    map->cap = 0;
    map->count = 0;
}

void
vnkg_strmap_clear(VnkgContext *ctx, VnkgStrMap *map)
{
    vnkg_free(ctx, map->slots);
    vnkg_strmap_init(map);
}

static size_t
find_slot(const VnkgStrMapSlot *slots, size_t cap, const char *key, size_t len,
          uint64_t hash)
{
    size_t mask = cap - 1;
    size_t i = (size_t)hash & mask;
    while (slots[i].key) {
        if (slots[i].hash == hash && slots[i].key_len == len &&
            memcmp(slots[i].key, key, len) == 0) {
            return i;
        }
        i = (i + 1) & mask;
    }
    return i;
}

VnkgStatus
vnkg_strmap_find_hashed(const VnkgStrMap *map, const char *key, size_t len,
                        uint64_t hash, size_t *value, char **stored)
{
    if (map->cap == 0) {
        return VNKG_FAILURE;
    }
    size_t i = find_slot(map->slots, map->cap, key, len, hash);
    if (!map->slots[i].key) {
        return VNKG_FAILURE;
    }
    *value = map->slots[i].value;
    if (stored) {
        *stored = (char *)map->slots[i].key;
    }
    return VNKG_SUCCESS;
}

VnkgStatus
vnkg_strmap_get(const VnkgStrMap *map, const char *key, size_t len, size_t *out)
{
    if (map->cap == 0) {
        return VNKG_FAILURE;
    }
    return vnkg_strmap_find_hashed(map, key, len, vnkg_hash_bytes(key, len),
                                   out, NULL);
}

static VnkgStatus
grow(VnkgContext *ctx, VnkgStrMap *map)
{
    size_t cap = map->cap ? map->cap * 2 : 64;
    VnkgStrMapSlot *slots = vnkg_calloc(ctx, cap, sizeof *slots);
    if (!slots) {
        return VNKG_ERR_NO_MEMORY;
    }
    for (size_t i = 0; i < map->cap; ++i) {
        const VnkgStrMapSlot *s = &map->slots[i];
        if (s->key) {
            slots[find_slot(slots, cap, s->key, s->key_len, s->hash)] = *s;
        }
    }
    vnkg_free(ctx, map->slots);
    map->slots = slots;
    map->cap = cap;
    return VNKG_SUCCESS;
}

VnkgStatus
vnkg_strmap_reserve(VnkgContext *ctx, VnkgStrMap *map, size_t cap)
{
    while (map->cap < cap) {
        VNKG_TRY(grow(ctx, map));
    }
    return VNKG_SUCCESS;
}

VnkgStatus
vnkg_strmap_put_hashed(VnkgContext *ctx, VnkgStrMap *map, const char *key,
                       size_t len, uint64_t hash, size_t value)
{
    if ((map->count + 1) * 4 >= map->cap * 3) {
        VNKG_TRY(grow(ctx, map));
    }
    size_t i = find_slot(map->slots, map->cap, key, len, hash);
    if (!map->slots[i].key) {
        map->count++;
    }
    map->slots[i] = (VnkgStrMapSlot){key, len, value, hash};
    return VNKG_SUCCESS;
}

VnkgStatus
vnkg_strmap_put(VnkgContext *ctx, VnkgStrMap *map, const char *key, size_t len,
                size_t value)
{
    return vnkg_strmap_put_hashed(ctx, map, key, len, vnkg_hash_bytes(key, len),
                                  value);
}
