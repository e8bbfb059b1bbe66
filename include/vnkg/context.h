/* SPDX-License-Identifier: MIT */
/* The caller-created context: allocator, limits, diagnostics, mode, seed. */
#ifndef VNKG_CONTEXT_H
#define VNKG_CONTEXT_H

#include <vnkg/status.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Pluggable allocator; tests plug in one that fails on the n-th call. */
typedef struct {
    void *(*malloc_fn)(size_t size, void *user);
    void *(*realloc_fn)(void *ptr, size_t size, void *user);
    void (*free_fn)(void *ptr, void *user);
    void *user;
} VnkgAllocator;

/* Limits applied to untrusted input; exceeding one is VNKG_ERR_LIMIT. */
typedef struct {
    size_t max_article_bytes; /* one article's text (default 16 MiB) */
    size_t max_file_bytes;    /* one input file (default 4 GiB) */
    size_t max_articles;      /* articles per run (default 10,000,000) */
    size_t max_html_depth;    /* HTML element nesting (default 256) */
} VnkgLimits;

/* Receives one diagnostic line (no trailing newline). */
typedef void (*VnkgDiagFn)(VnkgStatus st, const char *message, void *user);

/* Told about each temporary output file: `created` is 1 right after the
 * file `path` is created and 0 once it has been renamed over its target or
 * removed. `path` is borrowed for the duration of the call. A program uses
 * it to remove unfinished files when a signal ends it. */
typedef void (*VnkgTempFileFn)(const char *path, int created, void *user);

typedef struct VnkgContext VnkgContext;

/* Creates a context with the default allocator and limits, strict mode off
 * (lax: invalid UTF-8 becomes U+FFFD and is reported), diagnostics written to
 * stderr, seed 42. The result belongs to the caller (vnkg_context_free).
 * Returns VNKG_ERR_NO_MEMORY. */
VNKG_API VnkgStatus vnkg_context_new(VnkgContext **out);

/* As vnkg_context_new with a caller-supplied allocator (copied). */
VNKG_API VnkgStatus vnkg_context_new_with(VnkgContext **out,
                                          const VnkgAllocator *alloc);

/* A context with the settings of `parent` as they are now (limits,
 * diagnostics sink, mode, seed, temporary-file hook) that allocates
 * through `alloc` (copied; NULL: the parent's allocator). The context
 * itself comes from the parent's allocator, which must outlive it. A
 * thread or an output job gets its own this way. Returns
 * VNKG_ERR_NO_MEMORY. */
VNKG_API VnkgStatus vnkg_context_new_derived(VnkgContext **out,
                                             const VnkgContext *parent,
                                             const VnkgAllocator *alloc);

/* Frees the context; accepts NULL. */
VNKG_API void vnkg_context_free(VnkgContext *ctx);

VNKG_API void vnkg_context_set_diag(VnkgContext *ctx, VnkgDiagFn fn,
                                    void *user);
/* The diagnostics sink (and its `user` in *user), to restore it later. */
VNKG_API VnkgDiagFn vnkg_context_diag(const VnkgContext *ctx, void **user);
VNKG_API void vnkg_context_set_strict(VnkgContext *ctx, int strict);
VNKG_API int vnkg_context_strict(const VnkgContext *ctx);
VNKG_API void vnkg_context_set_seed(VnkgContext *ctx, uint64_t seed);
VNKG_API uint64_t vnkg_context_seed(const VnkgContext *ctx);
VNKG_API VnkgLimits *vnkg_context_limits(VnkgContext *ctx);

/* Sets the temporary-file hook (NULL, the default, for none). */
VNKG_API void vnkg_context_set_tempfile_hook(VnkgContext *ctx,
                                             VnkgTempFileFn fn, void *user);
/* The temporary-file hook, or NULL; its user pointer goes to *user. */
VNKG_API VnkgTempFileFn vnkg_context_tempfile_hook(const VnkgContext *ctx,
                                                   void **user);
VNKG_API const VnkgAllocator *vnkg_context_allocator(const VnkgContext *ctx);

/* Formats a diagnostic and sends it to the context's sink; returns `st` so
 * that callers can write `return vnkg_diag(ctx, VNKG_ERR_IO, "...")`. */
VNKG_API VnkgStatus vnkg_diag(VnkgContext *ctx, VnkgStatus st, const char *fmt,
                              ...)
#ifdef __GNUC__
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Allocation through the context's allocator. */
VNKG_API void *vnkg_malloc(VnkgContext *ctx, size_t size);
VNKG_API void *vnkg_calloc(VnkgContext *ctx, size_t n, size_t size);
VNKG_API void *vnkg_realloc(VnkgContext *ctx, void *ptr, size_t size);
VNKG_API void vnkg_free(VnkgContext *ctx, void *ptr);
/* A NUL-terminated copy of `len` bytes at `s`; NULL on allocation failure. */
VNKG_API char *vnkg_strndup(VnkgContext *ctx, const char *s, size_t len);
VNKG_API char *vnkg_strdup(VnkgContext *ctx, const char *s);

/* Overflow-checked size arithmetic: VNKG_ERR_LIMIT on overflow. */
VNKG_API VnkgStatus vnkg_size_add(size_t *out, size_t a, size_t b);
VNKG_API VnkgStatus vnkg_size_mul(size_t *out, size_t a, size_t b);

#ifdef __cplusplus
}
#endif
#endif
