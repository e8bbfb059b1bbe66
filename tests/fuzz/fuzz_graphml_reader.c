/* SPDX-License-Identifier: MIT */
/* Fuzz target: the GraphML reader of `vnkg query`, on the input written to
 * a file. A graph it accepts must be consistent, export to well-formed
 * GraphML and RDF/XML, and read back with as many nodes and edges. */
#include "fuzz_common.h"

#include <string.h>

static void
write_input(const char *path, const uint8_t *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    FUZZ_CHECK(f != NULL);
    FUZZ_CHECK(fwrite(data, 1, size, f) == size);
    FUZZ_CHECK(fclose(f) == 0);
}

static void
check_sorted(const VnkgGraph *g)
{
    for (size_t i = 0; i < g->n_nodes; ++i) {
        FUZZ_CHECK(g->nodes[i].id != NULL && g->nodes[i].label != NULL);
        FUZZ_CHECK(g->nodes[i].type < VNKG_TYPE_COUNT);
        if (i > 0) {
            FUZZ_CHECK(strcmp(g->nodes[i - 1].id, g->nodes[i].id) < 0);
        }
        size_t at = 0;
        FUZZ_CHECK(vnkg_graph_find(g, g->nodes[i].id, &at) == VNKG_SUCCESS);
        FUZZ_CHECK(at == i);
    }
    for (size_t i = 0; i < g->n_edges; ++i) {
        FUZZ_CHECK(g->edges[i].relation < VNKG_REL_COUNT);
    }
}

static void
round_trip(VnkgContext *ctx, const VnkgGraph *g)
{
    const char *out = fuzz_tmp_path("graph.graphml");
    FUZZ_CHECK(vnkg_export_graphml(ctx, g, out) == VNKG_SUCCESS);
    fuzz_check_xml_file(out);
    VnkgGraph *back = NULL;
    FUZZ_CHECK(vnkg_query_read_graphml(ctx, out, &back) == VNKG_SUCCESS);
    FUZZ_CHECK(back->n_nodes == g->n_nodes && back->n_edges == g->n_edges);
    vnkg_graph_free(ctx, back);
    const char *rdf = fuzz_tmp_path("graph.rdf");
    FUZZ_CHECK(vnkg_export_rdfxml(ctx, g, NULL, rdf) == VNKG_SUCCESS);
    fuzz_check_xml_file(rdf);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    VnkgContext *ctx = fuzz_context();
    const char *path = fuzz_tmp_path("input.graphml");
    write_input(path, data, size);
    VnkgGraph *g = NULL;
    VnkgStatus st = vnkg_query_read_graphml(ctx, path, &g);
    if (st == VNKG_SUCCESS) {
        fuzz_check_graph(g, 0);
        check_sorted(g);
        round_trip(ctx, g);
    } else {
        FUZZ_CHECK(g == NULL);
        FUZZ_CHECK(st == VNKG_ERR_BAD_SYNTAX || st == VNKG_ERR_LIMIT);
    }
    vnkg_graph_free(ctx, g);
    vnkg_context_free(ctx);
    return 0;
}
