/* SPDX-License-Identifier: MIT */
/* Writers: GraphML (Gephi-ready), RDF/XML, CSV and TSV tables. Every writer
 * writes to a temporary file beside `path` and renames it over `path` only
 * when complete; on failure the temporary file is removed and an existing
 * `path` is untouched. */
#ifndef VNKG_EXPORT_H
#define VNKG_EXPORT_H

#include <vnkg/graph.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Default base IRI for minted resources. */
#define VNKG_DEFAULT_BASE_IRI "https://vnkg.example.org/id/"
/* The ontology namespace (ontology/vnkg.owl). */
#define VNKG_ONTOLOGY_NS "https://vnkg.example.org/ontology#"

/* GraphML per DESIGN.md: typed keys, stable node ids, edge ids and
 * label="<relation>". Returns VNKG_ERR_IO, VNKG_ERR_WRITE, VNKG_ERR_NO_MEMORY.
 */
VNKG_API VnkgStatus vnkg_export_graphml(VnkgContext *ctx,
                                        const VnkgGraph *graph,
                                        const char *path);
/* RDF/XML using the classes and properties of ontology/vnkg.owl, W3C ORG,
 * PROV-O and SKOS; `base_iri` NULL means VNKG_DEFAULT_BASE_IRI. */
VNKG_API VnkgStatus vnkg_export_rdfxml(VnkgContext *ctx, const VnkgGraph *graph,
                                       const char *base_iri, const char *path);
/* nodes.csv and edges.csv in Gephi's spreadsheet conventions. */
VNKG_API VnkgStatus vnkg_export_nodes_csv(VnkgContext *ctx,
                                          const VnkgGraph *graph,
                                          const char *path);
VNKG_API VnkgStatus vnkg_export_edges_csv(VnkgContext *ctx,
                                          const VnkgGraph *graph,
                                          const char *path);
/* centrality.tsv: one row per node with every score. */
VNKG_API VnkgStatus vnkg_export_centrality_tsv(VnkgContext *ctx,
                                               const VnkgGraph *graph,
                                               const char *path);
/* facts.vnkg: the merged facts in the facts-file format (facts.h), so a
 * later `vnkg build --append` or `vnkg merge` can go on from them. */
VNKG_API VnkgStatus vnkg_export_facts(VnkgContext *ctx, const VnkgFacts *facts,
                                      const char *path);

/* mentions.tsv: article, start, end, surface, entity id. */
VNKG_API VnkgStatus vnkg_export_mentions_tsv(VnkgContext *ctx,
                                             const VnkgFacts *facts,
                                             const char *path);

/* GEXF 1.3 for Gephi: node attributes, viz:color/position/size, edges with
 * kind="<relation>" and label, and time spans (timeformat "date"): an edge
 * lives from first_date to last_date, a node from the first to the last
 * date of the articles that mention it (widened to its edges' dates);
 * unknown dates are omitted. Returns VNKG_ERR_IO, VNKG_ERR_WRITE,
 * VNKG_ERR_NO_MEMORY. */
VNKG_API VnkgStatus vnkg_export_gexf(VnkgContext *ctx, const VnkgGraph *graph,
                                     const char *path);
/* An SVG picture of the `top_n` nodes with the highest PageRank (ties by
 * id; 0 means all nodes) and the edges among them, at most one line per
 * pair: co_mention thin grey, other relations dark with a tooltip. Nodes
 * are placed by their x/y, sized by `size` and filled with their colour;
 * a legend gives the type colours. Returns VNKG_ERR_IO, VNKG_ERR_WRITE,
 * VNKG_ERR_NO_MEMORY. */
VNKG_API VnkgStatus vnkg_export_svg(VnkgContext *ctx, const VnkgGraph *graph,
                                    size_t top_n, const char *path);
/* report.md: the run's parameters (`params`, a preformatted line; NULL
 * for none), counts by type and relation, modularity, communities and
 * components, per type the top 10 by PageRank, betweenness and degree, and
 * the 10 largest communities. Returns VNKG_ERR_IO, VNKG_ERR_WRITE,
 * VNKG_ERR_NO_MEMORY. */
VNKG_API VnkgStatus vnkg_export_report(VnkgContext *ctx, const VnkgGraph *graph,
                                       const char *params, const char *path);

#ifdef __cplusplus
}
#endif
#endif
