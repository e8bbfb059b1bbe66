/* SPDX-License-Identifier: MIT */
/* Blocks are bumped out of chunks taken from the parent allocator, each
 * behind a header holding its size (for realloc). The newest block can
 * grow in place or be given back; any other free is a no-op until reset.
 * Under AddressSanitizer the memory not handed out is poisoned, so a
 * block read after its reset (or past its end) is still reported. */
#include "arena.h"

#include <stdalign.h>
#include <stddef.h>
#include <string.h>

#if defined(__SANITIZE_ADDRESS__)
#define ARENA_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_ASAN 1
#endif
#endif
#ifdef ARENA_ASAN
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

#define ALIGN alignof(max_align_t)
#define CHUNK_FIRST ((size_t)64 << 10)
#define CHUNK_MAX ((size_t)1 << 20)
#define KEEP_MAX ((size_t)256 << 10) /* the most a reset arena holds on to */

typedef union {
    size_t size; /* as asked for */
    max_align_t align;
} Header;

typedef struct Chunk {
    struct Chunk *next;
    size_t cap, used;   /* bytes of data */
    max_align_t data[]; /* headers and blocks */
} Chunk;

struct VnkgArena {
    VnkgAllocator parent;
    VnkgAllocator alloc; /* hands out this arena's blocks */
    Chunk *chunks;       /* newest first; blocks come from the first */
    void *last;          /* the newest block, or NULL */
    size_t next_cap;
};

static char *
bytes(Chunk *c)
{
    return (char *)c->data;
}

static Header *
header(void *block)
{
    return (Header *)block - 1;
}

/* A new first chunk with room for `need` bytes, or NULL. */
static Chunk *
grow(VnkgArena *a, size_t need)
{
    size_t cap = a->next_cap > need ? a->next_cap : need;
    if (cap > SIZE_MAX - sizeof(Chunk)) {
        return NULL;
    }
    Chunk *c = a->parent.malloc_fn(sizeof *c + cap, a->parent.user);
    if (!c) {
        return NULL;
    }
    c->cap = cap;
    c->used = 0;
    c->next = a->chunks;
    a->chunks = c;
    if (a->next_cap < CHUNK_MAX) {
        a->next_cap *= 2;
    }
    POISON(bytes(c), cap);
    return c;
}

/* The header and the block rounded up to ALIGN, or 0 on overflow. */
static size_t
footprint(size_t size)
{
    size_t n = size ? size : 1;
    if (n > SIZE_MAX - sizeof(Header) - ALIGN) {
        return 0;
    }
    return sizeof(Header) + (n + ALIGN - 1) / ALIGN * ALIGN;
}

static void *
arena_malloc(size_t size, void *user)
{
    VnkgArena *a = user;
    size_t need = footprint(size);
    if (need == 0) {
        return NULL;
    }
    Chunk *c = a->chunks;
    if (!c || c->cap - c->used < need) {
        c = grow(a, need);
        if (!c) {
            return NULL;
        }
    }
    Header *h = (Header *)(bytes(c) + c->used);
    UNPOISON(h, sizeof *h + size);
    h->size = size;
    c->used += need;
    a->last = h + 1;
    return a->last;
}

static void
arena_free(void *ptr, void *user)
{
    VnkgArena *a = user;
    if (!ptr) {
        return;
    }
    Header *h = header(ptr);
    if (ptr == a->last) { /* the newest block: its room is free again */
        Chunk *c = a->chunks;
        c->used = (size_t)((char *)h - bytes(c));
        a->last = NULL;
        POISON(h, c->cap - c->used);
    } else {
        POISON(ptr, h->size);
    }
}

static void *
arena_realloc(void *ptr, size_t size, void *user)
{
    VnkgArena *a = user;
    if (!ptr) {
        return arena_malloc(size, user);
    }
    Header *h = header(ptr);
    size_t old = h->size;
    if (ptr == a->last) { /* grows in place while the chunk has room */
        Chunk *c = a->chunks;
        size_t at = (size_t)((char *)h - bytes(c)), need = footprint(size);
        if (need != 0 && need <= c->cap - at) {
            UNPOISON(h, sizeof *h + size);
            h->size = size;
            c->used = at + need;
            return ptr;
        }
    } else if (size <= old) {
        h->size = size; /* keeps its room */
        return ptr;
    }
    void *fresh = arena_malloc(size, user);
    if (fresh) {
        memcpy(fresh, ptr, old < size ? old : size);
        POISON(ptr, old);
    }
    return fresh;
}

VnkgStatus
vnkg_arena_new(VnkgContext *parent, VnkgArena **out)
{
    const VnkgAllocator *pa = vnkg_context_allocator(parent);
    VnkgArena *a = pa->malloc_fn(sizeof *a, pa->user);
    *out = a;
    if (!a) {
        return VNKG_ERR_NO_MEMORY;
    }
    memset(a, 0, sizeof *a);
    a->parent = *pa;
    a->alloc =
        (VnkgAllocator){arena_malloc, arena_realloc, arena_free, (void *)a};
    a->next_cap = CHUNK_FIRST;
    return VNKG_SUCCESS;
}

const VnkgAllocator *
vnkg_arena_allocator(VnkgArena *arena)
{
    return &arena->alloc;
}

static void
free_chunk(VnkgArena *a, Chunk *c)
{
    UNPOISON(bytes(c), c->cap);
    a->parent.free_fn(c, a->parent.user);
}

void
vnkg_arena_reset(VnkgArena *arena)
{
    Chunk *keep = NULL;
    for (Chunk *c = arena->chunks, *next; c; c = next) {
        next = c->next;
        if (c->cap <= KEEP_MAX && (!keep || c->cap > keep->cap)) {
            if (keep) {
                free_chunk(arena, keep);
            }
            keep = c;
        } else {
            free_chunk(arena, c);
        }
    }
    arena->chunks = keep;
    arena->last = NULL;
    arena->next_cap = CHUNK_FIRST;
    while (keep && arena->next_cap <= keep->cap &&
           arena->next_cap < CHUNK_MAX) {
        arena->next_cap *= 2; /* the next chunk outgrows the one kept */
    }
    if (keep) {
        keep->next = NULL;
        keep->used = 0;
        POISON(bytes(keep), keep->cap);
    }
}

void
vnkg_arena_free(VnkgArena *arena)
{
    if (!arena) {
        return;
    }
    vnkg_arena_reset(arena);
    if (arena->chunks) {
        free_chunk(arena, arena->chunks);
    }
    arena->parent.free_fn(arena, arena->parent.user);
}
