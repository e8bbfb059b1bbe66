/* SPDX-License-Identifier: MIT */
/* For unit tests: a context whose last diagnostic is kept in last_diag,
 * an asserting strdup and a whole-file reader. */
#ifndef VNKG_TEST_TESTUTIL_H
#define VNKG_TEST_TESTUTIL_H

#include <vnkg/context.h>

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

static char last_diag[1024];

static inline void
capture(VnkgStatus st, const char *msg, void *user)
{
    (void)st;
    (void)user;
    snprintf(last_diag, sizeof last_diag, "%s", msg);
}

static inline VnkgContext *
new_ctx(void)
{
    VnkgContext *ctx;
    assert(vnkg_context_new(&ctx) == VNKG_SUCCESS);
    vnkg_context_set_diag(ctx, capture, NULL);
    last_diag[0] = '\0';
    return ctx;
}

/* A copy through the context's allocator (NULL stays NULL). */
static inline char *
xdup(VnkgContext *ctx, const char *s)
{
    if (!s) {
        return NULL;
    }
    char *p = vnkg_strdup(ctx, s);
    assert(p);
    return p;
}

/* The whole file, NUL-terminated, from malloc. */
static inline char *
slurp(const char *path)
{
    FILE *fp = fopen(path, "rb");
    assert(fp);
    assert(fseek(fp, 0, SEEK_END) == 0);
    long n = ftell(fp);
    assert(n >= 0);
    rewind(fp);
    char *buf = malloc((size_t)n + 1);
    assert(buf);
    assert(fread(buf, 1, (size_t)n, fp) == (size_t)n);
    buf[n] = '\0';
    fclose(fp);
    return buf;
}

#endif
