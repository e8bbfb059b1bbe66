/* SPDX-License-Identifier: MIT */
/* top_entities: the smallest complete use of libvnkg.
 *
 * Builds a knowledge graph from one short Vietnamese article embedded below
 * and prints its five most central entities by PageRank:
 *
 *     cc top_entities.c $(pkg-config --cflags --libs vnkg) -o top_entities
 *     ./top_entities [ONTOLOGY_DIR]
 *
 * The pipeline is the one `vnkg build` runs for every article:
 *
 *     vnkg_ingest_text        bytes           -> VnkgDocument
 *     vnkg_normalise_document VnkgDocument    -> the same, NFC and clean
 *     vnkg_extract_document   + VnkgLexicon   -> VnkgFacts
 *     vnkg_graph_build        VnkgFacts       -> VnkgGraph
 *     vnkg_analyse_run        VnkgGraph       -> centralities on its nodes
 *
 * Exit status: 0 when the graph holds the minister the article names, 1 on
 * any error or when he is missing (the test suite runs this program). */
#include <vnkg/vnkg.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An article as plain text: the first line is the title. It names a minister
 * chairing a conference, a province taking part from a bridge point (điểm
 * cầu) and two partners. */
static const char ARTICLE[] =
    "Hội nghị xúc tiến thương mại Việt Nam - Hoa Kỳ\n"
    "\n"
    "Sáng 18/7/2025, Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên chủ trì Hội "
    "nghị xúc tiến thương mại với Hoa Kỳ, kết nối trực tuyến tới các điểm "
    "cầu địa phương. Tại điểm cầu tỉnh Cao Bằng, Chủ tịch UBND tỉnh Lê Hải "
    "Hòa tham dự hội nghị. Bộ trưởng Nguyễn Hồng Diên đề nghị các doanh "
    "nghiệp tận dụng cơ hội từ thị trường Hoa Kỳ và Hiệp định EVFTA với "
    "EU.\n";

/* The official the extraction must find (canonical label, NFC). */
static const char EXPECTED[] = "Nguyễn Hồng Diên";

enum { TOP_K = 5 };

/* Prints a failed step and its status; returns the status unchanged. */
static VnkgStatus
check(VnkgStatus st, const char *step)
{
    if (st != VNKG_SUCCESS) {
        fprintf(stderr, "top_entities: %s: %s\n", step, vnkg_strerror(st));
    }
    return st;
}

/* Descending PageRank, then ascending id so that ties print in a stable
 * order. */
static int
by_pagerank(const void *a, const void *b)
{
    const VnkgNode *x = *(const VnkgNode *const *)a;
    const VnkgNode *y = *(const VnkgNode *const *)b;
    if (x->pagerank != y->pagerank) {
        return x->pagerank > y->pagerank ? -1 : 1;
    }
    return strcmp(x->id, y->id);
}

/* Prints the TOP_K nodes with the highest PageRank. The graph owns its nodes:
 * we sort an array of pointers to them rather than the nodes themselves,
 * since node index i is igraph vertex i and edges refer to nodes by index. */
static VnkgStatus
print_top(const VnkgGraph *graph)
{
    const VnkgNode **order = malloc((graph->n_nodes + 1) * sizeof *order);
    if (!order) {
        return VNKG_ERR_NO_MEMORY;
    }
    for (size_t i = 0; i < graph->n_nodes; ++i) {
        order[i] = &graph->nodes[i];
    }
    qsort((void *)order, graph->n_nodes, sizeof *order, by_pagerank);
    printf("Top entities by PageRank (%zu nodes, %zu edges):\n", graph->n_nodes,
           graph->n_edges);
    for (size_t i = 0; i < graph->n_nodes && i < TOP_K; ++i) {
        printf("  %zu. %s (%s) %.4f\n", i + 1, order[i]->label,
               vnkg_entity_type_name(order[i]->type), order[i]->pagerank);
    }
    free((void *)order);
    return VNKG_SUCCESS;
}

/* VNKG_SUCCESS when an official labelled EXPECTED is in the graph. */
static VnkgStatus
find_expected(const VnkgGraph *graph)
{
    for (size_t i = 0; i < graph->n_nodes; ++i) {
        const VnkgNode *n = &graph->nodes[i];
        if (n->type == VNKG_TYPE_OFFICIAL && strcmp(n->label, EXPECTED) == 0) {
            return VNKG_SUCCESS;
        }
    }
    fprintf(stderr, "top_entities: official '%s' not found\n", EXPECTED);
    return VNKG_FAILURE;
}

/* The per-article steps: text -> document -> facts. The document is ours
 * until freed here; the facts belong to the caller. */
static VnkgStatus
extract_article(VnkgContext *ctx, const VnkgLexicon *lex, VnkgFacts *facts)
{
    VnkgDocument *doc = NULL;
    /* The name becomes the article id ("example") in the graph's sources. */
    VnkgStatus st = check(
        vnkg_ingest_text(ctx, "example.txt", ARTICLE, sizeof ARTICLE - 1, &doc),
        "ingest");
    if (st == VNKG_SUCCESS) {
        /* NFC and cleaning: extraction expects normalised text. */
        st = check(vnkg_normalise_document(ctx, doc), "normalise");
    }
    if (st == VNKG_SUCCESS) {
        st = check(vnkg_extract_document(ctx, lex, doc, facts), "extract");
    }
    vnkg_document_free(ctx, doc); /* accepts NULL */
    return st;
}

/* Facts -> graph -> analysis -> output. The graph is freed here. */
static VnkgStatus
analyse_and_print(VnkgContext *ctx, const VnkgFacts *facts)
{
    VnkgGraph *graph = NULL;
    VnkgStatus st = check(vnkg_graph_build(ctx, facts, &graph), "graph");
    if (st == VNKG_SUCCESS) {
        /* Defaults: every relation and type, exact betweenness, layout. */
        VnkgAnalyseOptions opts;
        vnkg_analyse_options_init(&opts);
        st = check(vnkg_analyse_run(ctx, graph, &opts), "analyse");
    }
    if (st == VNKG_SUCCESS) {
        st = check(print_top(graph), "print");
    }
    if (st == VNKG_SUCCESS) {
        st = find_expected(graph);
    }
    vnkg_graph_free(ctx, graph);
    return st;
}

int
main(int argc, char **argv)
{
    VnkgContext *ctx = NULL;
    VnkgLexicon *lex = NULL;
    VnkgFacts *facts = NULL;

    /* The context holds the allocator, limits, diagnostics (stderr by
     * default) and the seed that makes communities reproducible. Without
     * a context there is nowhere to report anything, hence no check(). */
    VnkgStatus st = vnkg_context_new(&ctx);
    if (st != VNKG_SUCCESS) {
        fprintf(stderr, "top_entities: %s\n", vnkg_strerror(st));
        return 1;
    }
    /* The lexicons (gazetteers, titles, cues, surnames) are data files:
     * an ontology directory given on the command line, else the default. */
    const char *dir = argc > 1 ? argv[1] : vnkg_lexicon_default_dir();
    st = check(vnkg_lexicon_load(ctx, dir, &lex), dir);
    if (st == VNKG_SUCCESS) {
        /* One store for the whole run; with several articles, extract each
         * into a fresh store and vnkg_facts_merge it into this one. */
        st = check(vnkg_facts_new(ctx, &facts), "facts");
    }
    if (st == VNKG_SUCCESS) {
        st = extract_article(ctx, lex, facts);
    }
    if (st == VNKG_SUCCESS) {
        st = analyse_and_print(ctx, facts);
    }
    /* Every _free accepts NULL, so one cleanup path serves every outcome;
     * the context goes last because the others free through it. */
    vnkg_facts_free(ctx, facts);
    vnkg_lexicon_free(ctx, lex);
    vnkg_context_free(ctx);
    return st == VNKG_SUCCESS ? 0 : 1;
}
