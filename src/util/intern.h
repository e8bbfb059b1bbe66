/* SPDX-License-Identifier: MIT */
/* Internal: a string pool. Each distinct string is stored once, in large
 * chunks, and lives until the pool is cleared; equal strings get the same
 * pointer, so pooled strings compare by address. */
#ifndef VNKG_UTIL_INTERN_H
#define VNKG_UTIL_INTERN_H

#include "strmap.h"

#include <vnkg/context.h>

typedef struct VnkgInternChunk VnkgInternChunk;

typedef struct {
    VnkgStrMap map;          /* string -> unused value; keys are pooled */
    VnkgInternChunk *chunks; /* newest first */
    size_t next_cap;         /* size of the next chunk */
    size_t bytes;            /* bytes of strings stored */
} VnkgIntern;

void vnkg_intern_init(VnkgIntern *pool);
/* Frees every pooled string. */
void vnkg_intern_clear(VnkgContext *ctx, VnkgIntern *pool);
/* The pooled copy of `len` bytes at `s` (NUL-terminated) in *out; the pool
 * owns it: the caller neither frees nor changes it. Returns
 * VNKG_ERR_NO_MEMORY or VNKG_ERR_LIMIT. */
VnkgStatus vnkg_intern(VnkgContext *ctx, VnkgIntern *pool, const char *s,
                       size_t len, char **out);
/* A copy in the pool's chunks without looking for an equal string first
 * (and without a map entry): for strings that seldom repeat. NULL gives
 * NULL. Returns VNKG_ERR_NO_MEMORY or VNKG_ERR_LIMIT. */
VnkgStatus vnkg_intern_copy(VnkgContext *ctx, VnkgIntern *pool, const char *s,
                            char **out);
/* vnkg_intern for a NUL-terminated string; NULL gives NULL. */
VnkgStatus vnkg_intern_str(VnkgContext *ctx, VnkgIntern *pool, const char *s,
                           char **out);

#endif
