/* SPDX-License-Identifier: MIT */
#include "strmap.h"

#include <string.h>

/* FNV-1a, 64 bit: short keys, no adversary needing SipHash here. */
uint64_t
vnkg_hash_bytes(const void *data, size_t len)
{
    const unsigned char *p = data;
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < len; ++i) {
        h ^= p[i];
        h *= 1099511628211ULL;
    }
    return h;
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
vnkg_strmap_get(const VnkgStrMap *map, const char *key, size_t len, size_t *out)
{
    if (map->cap == 0) {
        return VNKG_FAILURE;
    }
    uint64_t h = vnkg_hash_bytes(key, len);
    size_t i = find_slot(map->slots, map->cap, key, len, h);
    if (!map->slots[i].key) {
        return VNKG_FAILURE;
    }
    *out = map->slots[i].value;
    return VNKG_SUCCESS;
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
vnkg_strmap_put(VnkgContext *ctx, VnkgStrMap *map, const char *key, size_t len,
                size_t value)
{
    if ((map->count + 1) * 4 >= map->cap * 3) {
        VNKG_TRY(grow(ctx, map));
    }
    uint64_t h = vnkg_hash_bytes(key, len);
    size_t i = find_slot(map->slots, map->cap, key, len, h);
    if (!map->slots[i].key) {
        map->count++;
    }
    map->slots[i] = (VnkgStrMapSlot){key, len, value, h};
    return VNKG_SUCCESS;
}
