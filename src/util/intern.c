/* SPDX-License-Identifier: MIT */
#include "intern.h"

#include <string.h>

struct VnkgInternChunk {
    VnkgInternChunk *next;
    size_t used;
    size_t cap;
    char data[];
};

/* Chunks double from 4 KiB (a one-article store stays small) to 1 MiB. */
#define CHUNK_FIRST 4096
#define CHUNK_MAX (1u << 20)

void
vnkg_intern_init(VnkgIntern *pool)
{
    memset(pool, 0, sizeof *pool);
    vnkg_strmap_init(&pool->map);
}

void
vnkg_intern_clear(VnkgContext *ctx, VnkgIntern *pool)
{
    VnkgInternChunk *c = pool->chunks;
    while (c) {
        VnkgInternChunk *next = c->next;
        vnkg_free(ctx, c);
        c = next;
    }
    vnkg_strmap_clear(ctx, &pool->map);
    vnkg_intern_init(pool);
}

/* Room for `need` bytes: the newest chunk, or a new one. */
static char *
room(VnkgContext *ctx, VnkgIntern *pool, size_t need)
{
    VnkgInternChunk *c = pool->chunks;
    if (c && c->cap - c->used >= need) {
        char *p = c->data + c->used;
        c->used += need;
        return p;
    }
    size_t cap = pool->next_cap ? pool->next_cap : CHUNK_FIRST;
    if (cap < CHUNK_MAX) {
        pool->next_cap = cap * 2;
    }
    if (need > cap / 4) {
        cap = need; /* a long string gets a chunk of its own */
    }
    size_t total;
    if (vnkg_size_add(&total, sizeof *c, cap) != VNKG_SUCCESS) {
        return NULL;
    }
    VnkgInternChunk *fresh = vnkg_malloc(ctx, total);
    if (!fresh) {
        return NULL;
    }
    fresh->cap = cap;
    fresh->used = need;
    if (c && cap == need && c->cap - c->used > 0) {
        /* keep filling the older chunk: put the big one behind it */
        fresh->next = c->next;
        c->next = fresh;
    } else {
        fresh->next = c;
        pool->chunks = fresh;
    }
    return fresh->data;
}

/* A NUL-terminated copy of `len` bytes at `s` in the pool's chunks. */
static VnkgStatus
store(VnkgContext *ctx, VnkgIntern *pool, const char *s, size_t len, char **out)
{
    size_t need;
    VNKG_TRY(vnkg_size_add(&need, len, 1));
    char *p = room(ctx, pool, need);
    if (!p) {
        return VNKG_ERR_NO_MEMORY;
    }
    memcpy(p, s, len);
    p[len] = '\0';
    pool->bytes += len;
    *out = p;
    return VNKG_SUCCESS;
}

VnkgStatus
vnkg_intern(VnkgContext *ctx, VnkgIntern *pool, const char *s, size_t len,
            char **out)
{
    size_t found;
    uint64_t h = vnkg_hash_bytes(s, len);
    if (vnkg_strmap_find_hashed(&pool->map, s, len, h, &found, out) ==
        VNKG_SUCCESS) {
        return VNKG_SUCCESS;
    }
    char *p;
    VNKG_TRY(store(ctx, pool, s, len, &p));
    /* the bytes stay in the chunk if the map cannot grow: harmless */
    VNKG_TRY(vnkg_strmap_put_hashed(ctx, &pool->map, p, len, h, 0));
    *out = p;
    return VNKG_SUCCESS;
}

VnkgStatus
vnkg_intern_copy(VnkgContext *ctx, VnkgIntern *pool, const char *s, char **out)
{
    *out = NULL;
    if (!s) {
        return VNKG_SUCCESS;
    }
    return store(ctx, pool, s, strlen(s), out);
}

VnkgStatus
vnkg_intern_str(VnkgContext *ctx, VnkgIntern *pool, const char *s, char **out)
{
    if (!s) {
        *out = NULL;
        return VNKG_SUCCESS;
    }
    return vnkg_intern(ctx, pool, s, strlen(s), out);
}
