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

/* The same in two steps, so the caller's thread can do other work while
 * `helpers` threads start on the sources: vnkg_paths_start launches them
 * (g and sources must stay alive until finish); vnkg_paths_finish works
 * on what is left in the calling thread, waits for the helpers, adds the
 * sums to `btw` and `harm` (g->n values each) and frees the job. With
 * `squares`, the squares of the same terms (each source's dependency, and
 * 1/d) are summed too and added to `btw2` and `harm2`, for the spread of
 * the sampled terms; without, those may be NULL. Finish must be called
 * for every started job, even to abandon it. vnkg_paths_start returns
 * VNKG_ERR_NO_MEMORY or VNKG_ERR_LIMIT (no job); a failure while setting
 * up is reported by finish. */
typedef struct VnkgPathsJob VnkgPathsJob;
VnkgStatus vnkg_paths_start(VnkgContext *ctx, const VnkgPathGraph *g,
                            const size_t *sources, size_t k, size_t helpers,
                            int squares, VnkgPathsJob **out);
VnkgStatus vnkg_paths_finish(VnkgContext *ctx, VnkgPathsJob *job, double *btw,
                             double *harm, double *btw2, double *harm2);

#endif
