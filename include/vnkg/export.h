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
/* mentions.tsv: article, start, end, surface, entity id. */
VNKG_API VnkgStatus vnkg_export_mentions_tsv(VnkgContext *ctx,
                                             const VnkgFacts *facts,
                                             const char *path);

#ifdef __cplusplus
}
#endif
#endif
