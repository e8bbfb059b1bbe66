/* SPDX-License-Identifier: MIT */
/* Internal: betweenness and harmonic centrality from sampled sources, one
 * Dijkstra per source for both, sources shared out among threads. */
#ifndef VNKG_ANALYSE_PATHS_H
#define VNKG_ANALYSE_PATHS_H

#include <vnkg/context.h>

#include <stddef.h>

/* An undirected graph as arcs (each edge twice), compressed by tail. */
typedef struct {
    size_t n;          /* nodes */
    const size_t *off; /* n + 1 offsets into `head` and `len` */
    const size_t *head;
    const double *len; /* arc lengths, > 0 */
} VnkgPathGraph;

/* For the `k` sources: btw[v] += the dependency of each source on v
 * (Brandes 2001; Brandes & Pich 2007 for sampling; shortest paths whose
 * lengths agree to 1e-10 relative count as equal, as in igraph), and
 * harm[v] += 1/d(s, v) for every reachable v != s. `btw` and `harm` hold
 * g->n values, zeroed by the caller. Sources are cut into a fixed number
 * of blocks summed in block order, so the sums do not depend on
 * `threads` (>= 1). Returns VNKG_ERR_NO_MEMORY or VNKG_ERR_INTERNAL. */
VnkgStatus vnkg_paths_from_sources(VnkgContext *ctx, const VnkgPathGraph *g,
                                   const size_t *sources, size_t k,
                                   size_t threads, double *btw, double *harm);

#endif
