/* SPDX-License-Identifier: MIT */
/* For unit tests: an allocator whose n-th call fails, counting the blocks
 * still live, so that "every allocation failing in turn gives
 * VNKG_ERR_NO_MEMORY and leaks nothing" can be checked. */
#ifndef VNKG_TEST_FAILALLOC_H
#define VNKG_TEST_FAILALLOC_H

#include <vnkg/context.h>

#include <stdlib.h>

typedef struct {
    long fail_at; /* the n-th call fails; -1: never */
    long count;   /* calls while a failure is armed (fail_at >= 0) */
    long live;    /* blocks allocated and not freed */
} FailAlloc;

static void *
fa_malloc(size_t size, void *user)
{
    FailAlloc *fa = user;
    if (fa->fail_at >= 0 && fa->count++ == fa->fail_at) {
        return NULL;
    }
    void *p = malloc(size ? size : 1);
    fa->live += p != NULL;
    return p;
}

static void *
fa_realloc(void *ptr, size_t size, void *user)
{
    FailAlloc *fa = user;
    if (fa->fail_at >= 0 && fa->count++ == fa->fail_at) {
        return NULL;
    }
    void *p = realloc(ptr, size ? size : 1);
    fa->live += p != NULL && ptr == NULL;
    return p;
}

static void
fa_free(void *ptr, void *user)
{
    FailAlloc *fa = user;
    fa->live -= ptr != NULL;
    free(ptr);
}

#endif
