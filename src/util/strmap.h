/* SPDX-License-Identifier: MIT */
/* Internal: an open-addressing map from byte strings to size_t values.
 * Keys are borrowed: the caller keeps them alive while they are mapped. */
#ifndef VNKG_UTIL_STRMAP_H
#define VNKG_UTIL_STRMAP_H

#include <vnkg/context.h>

typedef struct {
    const char *key;
    size_t key_len;
    size_t value;
    uint64_t hash;
} VnkgStrMapSlot;

typedef struct {
    VnkgStrMapSlot *slots; /* key == NULL means empty */
    size_t cap;            /* a power of two, or 0 */
    size_t count;
} VnkgStrMap;

uint64_t vnkg_hash_bytes(const void *data, size_t len);
void vnkg_strmap_init(VnkgStrMap *map);
void vnkg_strmap_clear(VnkgContext *ctx, VnkgStrMap *map);
/* VNKG_SUCCESS and *out when found, VNKG_FAILURE when absent. */
VnkgStatus vnkg_strmap_get(const VnkgStrMap *map, const char *key, size_t len,
                           size_t *out);
/* The same with the key's vnkg_hash_bytes already computed; *stored (when
 * not NULL) gets the mapped key pointer. */
VnkgStatus vnkg_strmap_find_hashed(const VnkgStrMap *map, const char *key,
                                   size_t len, uint64_t hash, size_t *value,
                                   char **stored);
/* Inserts or replaces. Returns VNKG_ERR_NO_MEMORY. */
VnkgStatus vnkg_strmap_put(VnkgContext *ctx, VnkgStrMap *map, const char *key,
                           size_t len, size_t value);

VnkgStatus vnkg_strmap_put_hashed(VnkgContext *ctx, VnkgStrMap *map,
                                  const char *key, size_t len, uint64_t hash,
                                  size_t value);

/* Grows the map to at least `cap` slots (a lookup that fails probes fewer
 * slots in a sparser map). Returns VNKG_ERR_NO_MEMORY. */
VnkgStatus vnkg_strmap_reserve(VnkgContext *ctx, VnkgStrMap *map, size_t cap);

#endif
