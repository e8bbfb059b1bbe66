/* SPDX-License-Identifier: MIT */
/* Answers for scripts from a graph file: read GraphML back into a
 * VnkgGraph, find entities by name, list neighbours, rank by a measure, find
 * a shortest path, count; print the answers as an aligned text table or as
 * JSON (UTF-8, stable key order). */
#ifndef VNKG_QUERY_H
#define VNKG_QUERY_H

#include <vnkg/graph.h>

#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Reads GraphML into a new graph (*out, owned by the caller, freed with
 * vnkg_graph_free). Data values are matched to fields by the key's
 * attr.name (or its id when attr.name is absent), so files written by
 * vnkg_export_graphml round-trip and files from other tools (networkx,
 * igraph, Gephi) load too: unknown keys, ports, hyperedges and graph-level
 * data are ignored, key defaults apply, nested graphs are flattened. Node
 * ids may be any string. A node without a `type` (or with a type vnkg does
 * not know) becomes VNKG_TYPE_ORGANIZATION, the catch-all type; a node
 * without a `label` is labelled with its id; an edge without a `relation`
 * takes its `label` XML attribute, else co_mention (the relation that makes
 * no claim). Edges are read as source -> target whatever edgedefault says.
 * Missing scores are 0, community and component -1, colours the
 * type's, size 1. Nodes are sorted by id (vnkg_graph_find works), edges by
 * (source id, target id, relation, role), file order breaking ties.
 * graph->n_components counts weakly connected components and
 * graph->n_communities distinct community values >= 0. The parser never
 * loads DTDs, expands entities or uses the network.
 * Returns VNKG_ERR_IO (cannot open or read), VNKG_ERR_BAD_SYNTAX (not
 * well-formed, not GraphML, duplicate node id, edge to an unknown node, a
 * number that does not parse), VNKG_ERR_LIMIT (file larger than
 * max_file_bytes), VNKG_ERR_NO_MEMORY; each diagnosed with the path and
 * line. */
VNKG_API VnkgStatus vnkg_query_read_graphml(VnkgContext *ctx, const char *path,
                                            VnkgGraph **out);

/* How vnkg_query_find matched, in the order it tries. */
typedef enum {
    VNKG_MATCH_LABEL = 0,    /* the label, byte for byte */
    VNKG_MATCH_ID,           /* the id, byte for byte */
    VNKG_MATCH_FOLDED_LABEL, /* the label ignoring case, accents, spacing */
    VNKG_MATCH_ALIAS,        /* an alias, folded likewise */
    VNKG_MATCH_FOLDED_ID     /* the id or its part after the last '/' */
} VnkgMatch;

/* "label", "id", "folded_label", "alias", "folded_id". */
VNKG_API const char *vnkg_query_match_name(VnkgMatch how);

/* Nodes matching a name; zero-initialise, then vnkg_query_matches_clear. */
typedef struct {
    size_t *nodes; /* node indices, ascending */
    size_t count;
    VnkgMatch how;
} VnkgQueryMatches;

/* Finds the nodes that `name` names: every node matching at the first
 * level of VnkgMatch that matches any. A folded comparison ignores case,
 * Vietnamese tone and vowel marks (vnkg_normalise_fold), and runs of
 * spaces; a folded id compares '-' and '_' as spaces, so "bui thanh son"
 * finds "official/bui-thanh-son". Clears *out first.
 * Returns VNKG_FAILURE (nothing matches), VNKG_ERR_NO_MEMORY. */
VNKG_API VnkgStatus vnkg_query_find(VnkgContext *ctx, const VnkgGraph *graph,
                                    const char *name, VnkgQueryMatches *out);
VNKG_API void vnkg_query_matches_clear(VnkgContext *ctx, VnkgQueryMatches *m);

/* One edge as seen from one of its ends. */
typedef struct {
    size_t edge;  /* index into graph->edges */
    size_t node;  /* the node reached: the other end */
    int outgoing; /* 1 when walked from source to target */
} VnkgQueryStep;

/* Zero-initialise, then vnkg_query_steps_clear. */
typedef struct {
    VnkgQueryStep *steps;
    size_t count;
} VnkgQuerySteps;

VNKG_API void vnkg_query_steps_clear(VnkgContext *ctx, VnkgQuerySteps *s);

/* The edges at `node` in edge order, both directions (a self-loop once,
 * outgoing), restricted to `*relation` unless it is NULL. Clears *out
 * first. Returns VNKG_ERR_NO_MEMORY. */
VNKG_API VnkgStatus vnkg_query_neighbours(VnkgContext *ctx,
                                          const VnkgGraph *graph, size_t node,
                                          const VnkgRelation *relation,
                                          VnkgQuerySteps *out);

/* A shortest path from `from` to `to` ignoring edge direction: breadth-first
 * search that visits each node's edges in edge order, so the answer is the
 * same on every run. Where several edges join two consecutive nodes, the
 * hop takes the most specific (lowest relation in vocabulary order, so
 * co_mention last; then edge order). out->steps[i] is hop i+1; an empty path
 * when from == to. Clears *out first. Returns VNKG_FAILURE (no path),
 * VNKG_ERR_NO_MEMORY. */
VNKG_API VnkgStatus vnkg_query_path(VnkgContext *ctx, const VnkgGraph *graph,
                                    size_t from, size_t to,
                                    VnkgQuerySteps *out);

/* What `top` ranks by. */
typedef enum {
    VNKG_MEASURE_PAGERANK = 0,
    VNKG_MEASURE_BETWEENNESS,
    VNKG_MEASURE_DEGREE,
    VNKG_MEASURE_STRENGTH,
    VNKG_MEASURE_HARMONIC,
    VNKG_MEASURE_EIGENVECTOR,
    VNKG_MEASURE_MENTIONS,
    VNKG_MEASURE_DOCUMENTS,
    VNKG_MEASURE_COUNT
} VnkgMeasure;

/* "pagerank", ...; NULL when out of range. */
VNKG_API const char *vnkg_query_measure_name(VnkgMeasure m);
/* Parses a measure name; VNKG_FAILURE when unknown. */
VNKG_API VnkgStatus vnkg_query_measure_parse(const char *name,
                                             VnkgMeasure *out);
/* The node's value of `m` (counts as doubles). */
VNKG_API double vnkg_query_measure_value(const VnkgNode *node, VnkgMeasure m);

/* The (at most) `k` nodes with the highest `m`, of type `*type` unless it is
 * NULL, highest first, ties broken by ascending id; NaN ranks last.
 * *out (node indices, vnkg_free) may be NULL when *count is 0.
 * Returns VNKG_ERR_NO_MEMORY. */
VNKG_API VnkgStatus vnkg_query_top(VnkgContext *ctx, const VnkgGraph *graph,
                                   VnkgMeasure m, const VnkgEntityType *type,
                                   size_t k, size_t **out, size_t *count);

typedef struct {
    size_t nodes;
    size_t edges;
    size_t per_type[VNKG_TYPE_COUNT];
    size_t per_relation[VNKG_REL_COUNT];
    size_t components;  /* weakly connected, computed from the edges */
    size_t communities; /* distinct community values >= 0 */
    double density;     /* edges / (nodes * (nodes - 1)), directed; 0 if < 2 */
    size_t articles;    /* distinct article ids in node and edge sources */
} VnkgQueryStats;

/* Counts for `stats`. Returns VNKG_ERR_NO_MEMORY. */
VNKG_API VnkgStatus vnkg_query_stats(VnkgContext *ctx, const VnkgGraph *graph,
                                     VnkgQueryStats *out);

/* Output formats of the printers. */
typedef enum { VNKG_QUERY_TEXT = 0, VNKG_QUERY_JSON } VnkgQueryFormat;

/* The printers write one answer to `fp`: text is a table aligned by display
 * width (code points, combining marks count 0); JSON is one indented object
 * with keys in a fixed order and UTF-8 unescaped. Each returns
 * VNKG_ERR_WRITE when the stream fails, VNKG_ERR_NO_MEMORY. */

/* One entity with its facts, or, for several matches, the candidates (text)
 * or every one of them in full (JSON). `query` is the name looked up. */
VNKG_API VnkgStatus vnkg_query_print_entity(VnkgContext *ctx, FILE *fp,
                                            const VnkgGraph *graph,
                                            const char *query,
                                            const VnkgQueryMatches *m,
                                            VnkgQueryFormat format);
/* The steps of vnkg_query_neighbours(node, relation). */
VNKG_API VnkgStatus vnkg_query_print_neighbours(VnkgContext *ctx, FILE *fp,
                                                const VnkgGraph *graph,
                                                size_t node,
                                                const VnkgRelation *relation,
                                                const VnkgQuerySteps *steps,
                                                VnkgQueryFormat format);
/* The ranking of vnkg_query_top. */
VNKG_API VnkgStatus vnkg_query_print_top(VnkgContext *ctx, FILE *fp,
                                         const VnkgGraph *graph, VnkgMeasure m,
                                         const VnkgEntityType *type,
                                         const size_t *nodes, size_t count,
                                         VnkgQueryFormat format);
/* The path of vnkg_query_path(from, to), hop by hop. */
VNKG_API VnkgStatus vnkg_query_print_path(VnkgContext *ctx, FILE *fp,
                                          const VnkgGraph *graph, size_t from,
                                          size_t to, const VnkgQuerySteps *path,
                                          VnkgQueryFormat format);
/* The counts of vnkg_query_stats. */
VNKG_API VnkgStatus vnkg_query_print_stats(VnkgContext *ctx, FILE *fp,
                                           const VnkgQueryStats *stats,
                                           VnkgQueryFormat format);

#ifdef __cplusplus
}
#endif
#endif
