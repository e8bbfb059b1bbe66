/* SPDX-License-Identifier: MIT */
/* Helpers shared by the files of src/query/: a growable string, graph
 * counts used by the reader and by stats, locale-free numbers, display
 * width and aligned text tables. */
#ifndef VNKG_QUERY_INTERNAL_H
#define VNKG_QUERY_INTERNAL_H

#include <vnkg/query.h>

#include <stddef.h>
#include <stdio.h>

/* A growable NUL-terminated byte string; zero-initialise, then clear. */
typedef struct {
    char *ptr;
    size_t len;
    size_t cap;
} VnkgQueryBuf;

/* Appends `len` bytes. Returns VNKG_ERR_NO_MEMORY, VNKG_ERR_LIMIT. */
VnkgStatus vnkg_query_buf_append(VnkgContext *ctx, VnkgQueryBuf *buf,
                                 const char *s, size_t len);
void vnkg_query_buf_clear(VnkgContext *ctx, VnkgQueryBuf *buf);

/* Grows the array *items of *cap elements of `size` bytes so that it holds
 * at least `need`. Returns VNKG_ERR_NO_MEMORY, VNKG_ERR_LIMIT. */
VnkgStatus vnkg_query_grow(VnkgContext *ctx, void **items, size_t *cap,
                           size_t need, size_t size);

/* Weakly connected components of the graph (union-find over the edges).
 * Returns VNKG_ERR_NO_MEMORY. */
VnkgStatus vnkg_query_count_components(VnkgContext *ctx, const VnkgGraph *g,
                                       size_t *out);
/* Distinct community values >= 0. Returns VNKG_ERR_NO_MEMORY. */
VnkgStatus vnkg_query_count_communities(VnkgContext *ctx, const VnkgGraph *g,
                                        size_t *out);

/* Parses a number written in the C locale ("0.25", "1e-12", " 3 ").
 * Returns 1 on success, 0 when `s` is not a number. */
int vnkg_query_parse_double(const char *s, double *out);

/* Display width of UTF-8 text: code points, combining marks (U+0300 to
 * U+036F) counting 0, so NFC and NFD Vietnamese line up alike. */
size_t vnkg_query_display_width(const char *s);

/* Rows of text cells printed as aligned columns. */
#define VNKG_QUERY_TABLE_MAX_COLS 16
typedef struct {
    char **cells; /* rows * cols, owned */
    size_t cols;
    size_t rows;
    size_t cap; /* rows allocated */
} VnkgQueryTable;

void vnkg_query_table_init(VnkgQueryTable *t, size_t cols);
/* Appends a row of `t->cols` cells (copied; NULL is ""). Returns
 * VNKG_ERR_NO_MEMORY. */
VnkgStatus vnkg_query_table_add(VnkgContext *ctx, VnkgQueryTable *t,
                                const char *const *cells);
/* Prints every row after `indent` spaces, columns two spaces apart, padded
 * to the widest cell of the column (the last column is not padded).
 * Returns VNKG_ERR_WRITE. */
VnkgStatus vnkg_query_table_print(const VnkgQueryTable *t, FILE *fp,
                                  size_t indent);
void vnkg_query_table_clear(VnkgContext *ctx, VnkgQueryTable *t);

/* 1 when the step is an office the node holds (outgoing holds_office). */
int vnkg_query_is_office(const VnkgGraph *g, const VnkgQueryStep *s);

/* The JSON printers (print_json.c) behind vnkg_query_print_*. */
VnkgStatus vnkg_query_json_entity(VnkgContext *ctx, FILE *fp,
                                  const VnkgGraph *g, const char *query,
                                  const VnkgQueryMatches *m);
VnkgStatus vnkg_query_json_neighbours(VnkgContext *ctx, FILE *fp,
                                      const VnkgGraph *g, size_t node,
                                      const VnkgRelation *relation,
                                      const VnkgQuerySteps *steps);
VnkgStatus vnkg_query_json_top(VnkgContext *ctx, FILE *fp, const VnkgGraph *g,
                               VnkgMeasure m, const VnkgEntityType *type,
                               const size_t *nodes, size_t count);
VnkgStatus vnkg_query_json_path(VnkgContext *ctx, FILE *fp, const VnkgGraph *g,
                                size_t from, size_t to,
                                const VnkgQuerySteps *path);
VnkgStatus vnkg_query_json_stats(VnkgContext *ctx, FILE *fp,
                                 const VnkgQueryStats *s);

#endif
