/* SPDX-License-Identifier: MIT */
/* Internal: a region allocator. Everything allocated through an arena's
 * VnkgAllocator is given back at once by vnkg_arena_reset; its free_fn
 * only takes back the newest block. Made for memory that lives and dies
 * with one article: its fact store and the extraction's scratch arrays,
 * ~200 small blocks that malloc would hand out and take back one by one. */
#ifndef VNKG_UTIL_ARENA_H
#define VNKG_UTIL_ARENA_H

#include <vnkg/context.h>

typedef struct VnkgArena VnkgArena;

/* A new, empty arena whose chunks come from `parent`'s allocator (so a
 * failing allocator fails the arena too). Returns VNKG_ERR_NO_MEMORY. */
VnkgStatus vnkg_arena_new(VnkgContext *parent, VnkgArena **out);

/* The allocator handing out the arena's memory; valid while it lives.
 * Its blocks are aligned for any type. */
const VnkgAllocator *vnkg_arena_allocator(VnkgArena *arena);

/* Forgets every block handed out; keeps one chunk for the next use. */
void vnkg_arena_reset(VnkgArena *arena);

/* Frees the arena and all its chunks; accepts NULL. */
void vnkg_arena_free(VnkgArena *arena);

#endif
