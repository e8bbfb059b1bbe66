/* SPDX-License-Identifier: MIT */
/* Network analysis with igraph 0.10: centralities, components,
 * communities (Leiden) and a layout, stored on the graph's nodes. */
#ifndef VNKG_ANALYSE_H
#define VNKG_ANALYSE_H

#include <vnkg/graph.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    unsigned
        relations;  /* bit (1u << VnkgRelation) per relation kept; 0 = all */
    unsigned types; /* bit (1u << VnkgEntityType) per node type; 0 = all */
    double betweenness_cutoff;  /* < 0: exact; else paths up to this length */
    size_t betweenness_samples; /* 0: all sources; else k sampled sources */
    int layout;                 /* compute x/y positions */
    /* When nodes x edges exceeds this work budget (default 1e7: a fraction of a
     * second of exact betweenness), and neither a cutoff nor a sample was
     * asked for, betweenness and harmonic centrality are estimated from
     * sampled sources, as many as the budget allows (at least
     * `auto_samples_min`, default 100): exact path measures are
     * O(|V||E|). 0 disables the automatic choice. */
    double auto_budget;
    size_t auto_samples_min;
    /* Threads for the sampled path measures (default 1); the results do
     * not depend on it. */
    size_t threads;
} VnkgAnalyseOptions;

/* Defaults: every relation and type, exact betweenness, layout on. */
VNKG_API void vnkg_analyse_options_init(VnkgAnalyseOptions *opts);

/* Fills each node's degree, in/out degree, strength, PageRank (PRPACK),
 * eigenvector centrality, betweenness and harmonic centrality (lengths =
 * 1/weight), component and Leiden community (modularity objective on the
 * undirected projection, seeded by the context's seed), and x/y/size for
 * Gephi; the graph gets modularity and the counts. Centralities are read
 * on the undirected view (co-mentions have no direction). Nodes and
 * edges left out by the options get zero scores and community -1.
 * Returns VNKG_ERR_GRAPH, VNKG_ERR_NO_MEMORY. */
VNKG_API VnkgStatus vnkg_analyse_run(VnkgContext *ctx, VnkgGraph *graph,
                                     const VnkgAnalyseOptions *opts);

#ifdef __cplusplus
}
#endif
#endif
