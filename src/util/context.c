/* SPDX-License-Identifier: MIT */
#include <vnkg/context.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct VnkgContext {
    VnkgAllocator alloc;
    VnkgAllocator self; /* the one the context itself came from */
    VnkgLimits limits;
    VnkgDiagFn diag;
    void *diag_user;
    VnkgTempFileFn tempfile;
    void *tempfile_user;
    int strict;
    uint64_t seed;
};

static void *
default_malloc(size_t size, void *user)
{
    (void)user;
    return malloc(size ? size : 1);
}

static void *
default_realloc(void *ptr, size_t size, void *user)
{
    (void)user;
    return realloc(ptr, size ? size : 1);
}

static void
default_free(void *ptr, void *user)
{
    (void)user;
    free(ptr);
}

static void
stderr_diag(VnkgStatus st, const char *message, void *user)
{
    (void)st;
    (void)user;
    fprintf(stderr, "vnkg: %s\n", message);
}

VnkgStatus
vnkg_context_new_with(VnkgContext **out, const VnkgAllocator *alloc)
{
    *out = NULL;
    VnkgContext *ctx = alloc->malloc_fn(sizeof *ctx, alloc->user);
    if (!ctx) {
        return VNKG_ERR_NO_MEMORY;
    }
    memset(ctx, 0, sizeof *ctx);
    ctx->alloc = *alloc;
    ctx->self = *alloc;
    ctx->limits.max_article_bytes = (size_t)16 << 20;
    ctx->limits.max_file_bytes = (size_t)4 << 30;
    ctx->limits.max_articles = 10000000;
    ctx->limits.max_html_depth = 256;
    ctx->diag = stderr_diag;
    ctx->seed = 42;
    *out = ctx;
    return VNKG_SUCCESS;
}

VnkgStatus
vnkg_context_new(VnkgContext **out)
{
    static const VnkgAllocator def = {default_malloc, default_realloc,
                                      default_free, NULL};
    return vnkg_context_new_with(out, &def);
}

VnkgStatus
vnkg_context_new_derived(VnkgContext **out, const VnkgContext *parent,
                         const VnkgAllocator *alloc)
{
    *out = NULL;
    VnkgContext *ctx = parent->alloc.malloc_fn(sizeof *ctx, parent->alloc.user);
    if (!ctx) {
        return VNKG_ERR_NO_MEMORY;
    }
    *ctx = *parent;
    ctx->self = parent->alloc;
    ctx->alloc = alloc ? *alloc : parent->alloc;
    *out = ctx;
    return VNKG_SUCCESS;
}

void
vnkg_context_free(VnkgContext *ctx)
{
    if (ctx) {
        ctx->self.free_fn(ctx, ctx->self.user);
    }
}

void
vnkg_context_set_diag(VnkgContext *ctx, VnkgDiagFn fn, void *user)
{
    ctx->diag = fn;
    ctx->diag_user = user;
}

VnkgDiagFn
vnkg_context_diag(const VnkgContext *ctx, void **user)
{
    *user = ctx->diag_user;
    return ctx->diag;
}

void
vnkg_context_set_strict(VnkgContext *ctx, int strict)
{
    ctx->strict = strict != 0;
}

int
vnkg_context_strict(const VnkgContext *ctx)
{
    return ctx->strict;
}

void
vnkg_context_set_seed(VnkgContext *ctx, uint64_t seed)
{
    ctx->seed = seed;
}

uint64_t
vnkg_context_seed(const VnkgContext *ctx)
{
    return ctx->seed;
}

VnkgLimits *
vnkg_context_limits(VnkgContext *ctx)
{
    return &ctx->limits;
}

void
vnkg_context_set_tempfile_hook(VnkgContext *ctx, VnkgTempFileFn fn, void *user)
{
    ctx->tempfile = fn;
    ctx->tempfile_user = user;
}

VnkgTempFileFn
vnkg_context_tempfile_hook(const VnkgContext *ctx, void **user)
{
    *user = ctx->tempfile_user;
    return ctx->tempfile;
}

const VnkgAllocator *
vnkg_context_allocator(const VnkgContext *ctx)
{
    return &ctx->alloc;
}

VnkgStatus
vnkg_diag(VnkgContext *ctx, VnkgStatus st, const char *fmt, ...)
{
    if (!ctx || !ctx->diag) {
        return st;
    }
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    /* One line per diagnostic: a newline inside the message would split it. */
    for (char *p = buf; *p; ++p) {
        if (*p == '\n' || *p == '\r') {
            *p = ' ';
        }
    }
    ctx->diag(st, buf, ctx->diag_user);
    return st;
}

void *
vnkg_malloc(VnkgContext *ctx, size_t size)
{
    return ctx->alloc.malloc_fn(size, ctx->alloc.user);
}

void *
vnkg_calloc(VnkgContext *ctx, size_t n, size_t size)
{
    size_t total;
    if (vnkg_size_mul(&total, n, size) != VNKG_SUCCESS) {
        return NULL;
    }
    void *p = ctx->alloc.malloc_fn(total, ctx->alloc.user);
    if (p) {
        memset(p, 0, total);
    }
    return p;
}

void *
vnkg_realloc(VnkgContext *ctx, void *ptr, size_t size)
{
    return ctx->alloc.realloc_fn(ptr, size, ctx->alloc.user);
}

void
vnkg_free(VnkgContext *ctx, void *ptr)
{
    if (ptr) {
        ctx->alloc.free_fn(ptr, ctx->alloc.user);
    }
}

char *
vnkg_strndup(VnkgContext *ctx, const char *s, size_t len)
{
    if (len == SIZE_MAX) {
        return NULL;
    }
    char *p = ctx->alloc.malloc_fn(len + 1, ctx->alloc.user);
    if (p) {
        memcpy(p, s, len);
        p[len] = '\0';
    }
    return p;
}

char *
vnkg_strdup(VnkgContext *ctx, const char *s)
{
    return vnkg_strndup(ctx, s, strlen(s));
}

VnkgStatus
vnkg_size_add(size_t *out, size_t a, size_t b)
{
    if (a > SIZE_MAX - b) {
        return VNKG_ERR_LIMIT;
    }
    *out = a + b;
    return VNKG_SUCCESS;
}

VnkgStatus
vnkg_size_mul(size_t *out, size_t a, size_t b)
{
    if (b != 0 && a > SIZE_MAX / b) {
        return VNKG_ERR_LIMIT;
    }
    *out = a * b;
    return VNKG_SUCCESS;
}
