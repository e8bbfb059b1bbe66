/* SPDX-License-Identifier: MIT */
/* Fuzz target: the whole build. The input is split at form feeds into up
 * to 8 plain-text articles; each is ingested, normalised and extracted
 * with the real lexicon, the facts merged, the graph built, analysed and
 * exported as GraphML and RDF/XML, and both files parsed back. */
#include "fuzz_common.h"
#include "fuzz_lexicon.h"

#include <string.h>

#define MAX_ARTICLES 8

typedef struct {
    char id[16];
    size_t len; /* bytes as read */
} ArticleLen;

/* The length as read of the article a mention names. */
static size_t
article_len(const ArticleLen *arts, size_t n, const char *id)
{
    for (size_t i = 0; i < n; ++i) {
        if (strcmp(arts[i].id, id) == 0) {
            return arts[i].len;
        }
    }
    fprintf(stderr, "mention of an unknown article %s\n", id);
    abort();
}

static void
extract_one(VnkgContext *ctx, const VnkgLexicon *lex, VnkgFacts *all,
            ArticleLen *art, const char *data, size_t len)
{
    char name[32];
    snprintf(name, sizeof name, "%s.txt", art->id);
    VnkgDocument *doc = NULL;
    VnkgFacts *facts = NULL;
    FUZZ_CHECK(vnkg_ingest_text(ctx, name, data, len, &doc) == VNKG_SUCCESS);
    FUZZ_CHECK(strcmp(doc->id, art->id) == 0);
    art->len = len;
    FUZZ_CHECK(vnkg_normalise_document(ctx, doc) == VNKG_SUCCESS);
    FUZZ_CHECK(vnkg_facts_new(ctx, &facts) == VNKG_SUCCESS);
    FUZZ_CHECK(vnkg_extract_document(ctx, lex, doc, facts) == VNKG_SUCCESS);
    fuzz_check_mentions(facts, len);
    FUZZ_CHECK(vnkg_facts_merge(ctx, all, facts) == VNKG_SUCCESS);
    vnkg_facts_free(ctx, facts);
    vnkg_document_free(ctx, doc);
}

static void
check_mentions(const VnkgFacts *facts, const ArticleLen *arts, size_t n)
{
    for (size_t i = 0; i < vnkg_facts_mention_count(facts); ++i) {
        const VnkgMention *m = vnkg_facts_mention_at(facts, i);
        FUZZ_CHECK(m->start <= m->end);
        FUZZ_CHECK(m->end <= article_len(arts, n, m->article));
    }
}

/* Exports, checks both files are well-formed XML, reads the GraphML back. */
static void
export_and_read(VnkgContext *ctx, const VnkgGraph *g)
{
    const char *graphml = fuzz_tmp_path("graph.graphml");
    FUZZ_CHECK(vnkg_export_graphml(ctx, g, graphml) == VNKG_SUCCESS);
    fuzz_check_xml_file(graphml);
    VnkgGraph *back = NULL;
    FUZZ_CHECK(vnkg_query_read_graphml(ctx, graphml, &back) == VNKG_SUCCESS);
    FUZZ_CHECK(back->n_nodes == g->n_nodes && back->n_edges == g->n_edges);
    fuzz_check_graph(back, 0);
    vnkg_graph_free(ctx, back);
    const char *rdf = fuzz_tmp_path("graph.rdf");
    FUZZ_CHECK(vnkg_export_rdfxml(ctx, g, NULL, rdf) == VNKG_SUCCESS);
    fuzz_check_xml_file(rdf);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const VnkgLexicon *lex = fuzz_lexicon();
    VnkgContext *ctx = fuzz_context();
    VnkgFacts *facts = NULL;
    FUZZ_CHECK(vnkg_facts_new(ctx, &facts) == VNKG_SUCCESS);
    ArticleLen arts[MAX_ARTICLES];
    size_t n = 0, start = 0;
    for (size_t i = 0; i <= size && n < MAX_ARTICLES; ++i) {
        if (i == size || data[i] == '\f' || n == MAX_ARTICLES - 1) {
            size_t end = n == MAX_ARTICLES - 1 ? size : i;
            snprintf(arts[n].id, sizeof arts[n].id, "a%zu", n);
            extract_one(ctx, lex, facts, &arts[n], (const char *)data + start,
                        end - start);
            ++n;
            start = end + 1;
            i = end;
        }
    }
    check_mentions(facts, arts, n);
    VnkgGraph *g = NULL;
    FUZZ_CHECK(vnkg_graph_build(ctx, facts, &g) == VNKG_SUCCESS);
    fuzz_check_graph(g, 0);
    VnkgAnalyseOptions opts;
    vnkg_analyse_options_init(&opts);
    FUZZ_CHECK(vnkg_analyse_run(ctx, g, &opts) == VNKG_SUCCESS);
    fuzz_check_graph(g, 1);
    export_and_read(ctx, g);
    vnkg_graph_free(ctx, g);
    vnkg_facts_free(ctx, facts);
    vnkg_context_free(ctx);
    return 0;
}
