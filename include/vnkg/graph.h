/* SPDX-License-Identifier: MIT */
/* The graph: nodes and edges in a stable order, with the attributes every
 * exporter writes. Node index i is igraph vertex i in analyse. */
#ifndef VNKG_GRAPH_H
#define VNKG_GRAPH_H

#include <vnkg/facts.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    char *id; /* entity slug; nodes are sorted by id */
    char *label;
    VnkgEntityType type;
    char *aliases; /* '|'-separated, sorted; "" when none */
    char *sources; /* '|'-separated article ids, sorted */
    size_t mentions;
    size_t documents;
    char *merged_into; /* NULL when none */
    char *valid_until; /* NULL when none */
    /* filled by vnkg_analyse_run */
    double degree, in_degree, out_degree, strength;
    double pagerank, betweenness, harmonic, eigenvector;
    long component, community;
    /* visual hints for Gephi */
    double x, y, size;
    unsigned char r, g, b;
} VnkgNode;

typedef struct {
    size_t source; /* node index */
    size_t target;
    VnkgRelation relation;
    char *role; /* NULL unless holds_office */
    double weight;
    char *sources; /* '|'-separated article ids, sorted */
    char *evidence;
    char *first_date; /* NULL when unknown */
    char *last_date;
    int inferred; /* see VnkgFact */
} VnkgEdge;

#define VNKG_ERROR_TOP 100

typedef struct {
    VnkgNode *nodes;
    size_t n_nodes;
    VnkgEdge *edges; /* sorted by (source id, target id, relation, role) */
    size_t n_edges;
    VnkgArticle *articles; /* sorted by id */
    size_t n_articles;
    /* filled by vnkg_analyse_run */
    double modularity;
    long n_communities;
    long n_components;
    size_t betweenness_sources; /* sources sampled; 0 = exact */
    double betweenness_cutoff;  /* < 0: no cutoff */
    double harmonic_cutoff;     /* < 0: no cutoff */
    size_t harmonic_sources;    /* sources sampled; 0 = exact */
    /* when sampled: the estimated relative standard error (from the spread
     * of the sampled sources' terms), the median over the nodes with the
     * VNKG_ERROR_TOP highest estimates, and over the ten highest; else 0 */
    double betweenness_error, betweenness_error_top10;
    double harmonic_error, harmonic_error_top10;
    void *pool; /* private: where a built graph keeps its strings */
} VnkgGraph;

/* Builds the graph from resolved facts. Its strings are copies kept once
 * each in the graph's own pool (an evidence sentence shared by many edges
 * is stored once): read them, never free or replace them. Node visual
 * hints get type colours and unit size until analysis lays the graph out.
 * Returns VNKG_ERR_NO_MEMORY. */
VNKG_API VnkgStatus vnkg_graph_build(VnkgContext *ctx, const VnkgFacts *facts,
                                     VnkgGraph **out);
/* An empty graph (for readers that fill it themselves): without a pool,
 * vnkg_graph_free frees each string with the context's allocator. */
VNKG_API VnkgStatus vnkg_graph_new(VnkgContext *ctx, VnkgGraph **out);
VNKG_API void vnkg_graph_free(VnkgContext *ctx, VnkgGraph *graph);
/* Index of the node with `id`; VNKG_FAILURE when absent (binary search). */
VNKG_API VnkgStatus vnkg_graph_find(const VnkgGraph *graph, const char *id,
                                    size_t *out);
/* The palette colour of a type (colour-blind-safe, Okabe-Ito). */
VNKG_API void vnkg_graph_type_colour(VnkgEntityType type, unsigned char *r,
                                     unsigned char *g, unsigned char *b);

#ifdef __cplusplus
}
#endif
#endif
