/* SPDX-License-Identifier: MIT */
/* Buffers, counts, numbers, display width and tables for src/query/. */
#include "query_internal.h"

#include <assert.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

VnkgStatus
vnkg_query_grow(VnkgContext *ctx, void **items, size_t *cap, size_t need,
                size_t size)
{
    if (need <= *cap) {
        return VNKG_SUCCESS;
    }
    size_t n = *cap ? *cap : 16;
    while (n < need) {
        VNKG_TRY(vnkg_size_mul(&n, n, 2));
    }
    size_t bytes;
    VNKG_TRY(vnkg_size_mul(&bytes, n, size));
    void *p = vnkg_realloc(ctx, *items, bytes);
    if (!p) {
        return VNKG_ERR_NO_MEMORY;
    }
    *items = p;
    *cap = n;
    return VNKG_SUCCESS;
}

VnkgStatus
vnkg_query_buf_append(VnkgContext *ctx, VnkgQueryBuf *buf, const char *s,
                      size_t len)
{
    size_t need;
    VNKG_TRY(vnkg_size_add(&need, buf->len, len));
    VNKG_TRY(vnkg_size_add(&need, need, 1));
    void *items = buf->ptr;
    VNKG_TRY(vnkg_query_grow(ctx, &items, &buf->cap, need, 1));
    buf->ptr = items;
    memcpy(buf->ptr + buf->len, s, len);
    buf->len += len;
    buf->ptr[buf->len] = '\0';
    return VNKG_SUCCESS;
}

void
vnkg_query_buf_clear(VnkgContext *ctx, VnkgQueryBuf *buf)
{
    vnkg_free(ctx, buf->ptr);
    buf->ptr = NULL;
    buf->len = buf->cap = 0;
}

/* Union-find with path halving (Tarjan 1975). */
static size_t
find_root(size_t *parent, size_t x)
{
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

VnkgStatus
vnkg_query_count_components(VnkgContext *ctx, const VnkgGraph *g, size_t *out)
{
    *out = 0;
    size_t *parent = vnkg_calloc(ctx, g->n_nodes + 1, sizeof *parent);
    if (!parent) {
        return VNKG_ERR_NO_MEMORY;
    }
    for (size_t i = 0; i < g->n_nodes; ++i) {
        parent[i] = i;
    }
    size_t components = g->n_nodes;
    for (size_t i = 0; i < g->n_edges; ++i) {
        size_t a = find_root(parent, g->edges[i].source);
        size_t b = find_root(parent, g->edges[i].target);
        if (a != b) {
            parent[a < b ? b : a] = a < b ? a : b;
            components--;
        }
    }
    vnkg_free(ctx, parent);
    *out = components;
    return VNKG_SUCCESS;
}

static int
cmp_long(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

VnkgStatus
vnkg_query_count_communities(VnkgContext *ctx, const VnkgGraph *g, size_t *out)
{
    *out = 0;
    long *values = vnkg_calloc(ctx, g->n_nodes + 1, sizeof *values);
    if (!values) {
        return VNKG_ERR_NO_MEMORY;
    }
    size_t n = 0;
    for (size_t i = 0; i < g->n_nodes; ++i) {
        if (g->nodes[i].community >= 0) {
            values[n++] = g->nodes[i].community;
        }
    }
    if (n > 1) { /* qsort must not see a NULL base */
        qsort(values, n, sizeof *values, cmp_long);
    }
    for (size_t i = 0; i < n; ++i) {
        *out += i == 0 || values[i] != values[i - 1];
    }
    vnkg_free(ctx, values);
    return VNKG_SUCCESS;
}

int
vnkg_query_parse_double(const char *s, double *out)
{
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
        ++s;
    }
    size_t len = strlen(s);
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' ||
                   s[len - 1] == '\n' || s[len - 1] == '\r')) {
        --len;
    }
    /* strtod follows LC_NUMERIC: write the locale's decimal point for '.'. */
    const char *point = localeconv()->decimal_point;
    size_t plen = point && *point ? strlen(point) : 1;
    char buf[128];
    size_t w = 0;
    if (len == 0 || len >= 64 || plen > 8) {
        return 0;
    }
    for (size_t i = 0; i < len; ++i) {
        if (s[i] == ',') {
            return 0;
        }
        if (s[i] == '.' && point && *point) {
            memcpy(buf + w, point, plen);
            w += plen;
        } else {
            buf[w++] = s[i];
        }
    }
    buf[w] = '\0';
    char *end = NULL;
    double v = strtod(buf, &end);
    if (end != buf + w) {
        return 0;
    }
    *out = v;
    return 1;
}

size_t
vnkg_query_display_width(const char *s)
{
    size_t width = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        unsigned cp = *p;
        size_t n = 1;
        if (cp >= 0xC0 && cp < 0xE0 && (p[1] & 0xC0) == 0x80) {
            cp = ((cp & 0x1Fu) << 6) | (p[1] & 0x3Fu);
            n = 2;
        } else if (cp >= 0xE0) {
            /* 3- and 4-byte sequences are never combining marks here */
            while ((p[n] & 0xC0) == 0x80 && n < 4) {
                ++n;
            }
        }
        width += !(cp >= 0x300 && cp <= 0x36F);
        p += n;
    }
    return width;
}

void
vnkg_query_table_init(VnkgQueryTable *t, size_t cols)
{
    assert(cols > 0 && cols <= VNKG_QUERY_TABLE_MAX_COLS);
    memset(t, 0, sizeof *t);
    t->cols = cols;
}

VnkgStatus
vnkg_query_table_add(VnkgContext *ctx, VnkgQueryTable *t,
                     const char *const *cells)
{
    size_t need;
    VNKG_TRY(vnkg_size_mul(&need, t->rows + 1, t->cols));
    size_t cap = t->cap * t->cols;
    void *items = t->cells;
    VNKG_TRY(vnkg_query_grow(ctx, &items, &cap, need, sizeof *t->cells));
    t->cells = items;
    t->cap = cap / t->cols;
    char **row = t->cells + t->rows * t->cols;
    for (size_t c = 0; c < t->cols; ++c) {
        row[c] = vnkg_strdup(ctx, cells[c] ? cells[c] : "");
        if (!row[c]) {
            for (size_t k = 0; k < c; ++k) {
                vnkg_free(ctx, row[k]);
            }
            return VNKG_ERR_NO_MEMORY;
        }
    }
    t->rows++;
    return VNKG_SUCCESS;
}

static size_t
column_width(const VnkgQueryTable *t, size_t c)
{
    size_t w = 0;
    for (size_t r = 0; r < t->rows; ++r) {
        size_t cw = vnkg_query_display_width(t->cells[r * t->cols + c]);
        w = cw > w ? cw : w;
    }
    return w;
}

static int
print_row(const VnkgQueryTable *t, FILE *fp, size_t indent, size_t r,
          const size_t *widths)
{
    /* the last non-empty cell ends the line: no trailing spaces */
    size_t last = t->cols;
    while (last > 0 && !t->cells[r * t->cols + last - 1][0]) {
        --last;
    }
    if (fprintf(fp, "%*s", (int)indent, "") < 0) {
        return -1;
    }
    for (size_t c = 0; c < last; ++c) {
        const char *cell = t->cells[r * t->cols + c];
        size_t pad =
            c + 1 < last ? widths[c] - vnkg_query_display_width(cell) : 0;
        if (fprintf(fp, "%s%s%*s", c ? "  " : "", cell, (int)pad, "") < 0) {
            return -1;
        }
    }
    return fputc('\n', fp) == EOF ? -1 : 0;
}

VnkgStatus
vnkg_query_table_print(const VnkgQueryTable *t, FILE *fp, size_t indent)
{
    size_t widths[VNKG_QUERY_TABLE_MAX_COLS] = {0};
    for (size_t c = 0; c < t->cols; ++c) {
        widths[c] = column_width(t, c);
    }
    for (size_t r = 0; r < t->rows; ++r) {
        if (print_row(t, fp, indent, r, widths) < 0) {
            return VNKG_ERR_WRITE;
        }
    }
    return VNKG_SUCCESS;
}

void
vnkg_query_table_clear(VnkgContext *ctx, VnkgQueryTable *t)
{
    for (size_t i = 0; i < t->rows * t->cols; ++i) {
        vnkg_free(ctx, t->cells[i]);
    }
    vnkg_free(ctx, t->cells);
    t->cells = NULL;
    t->rows = t->cap = 0;
}
