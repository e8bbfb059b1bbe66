/* SPDX-License-Identifier: MIT */
/* Query: GraphML written by vnkg_export_graphml read back attribute for
 * attribute; GraphML from other tools; malformed files; the searches and
 * both output formats; allocation failures. */
#undef NDEBUG
#include "failalloc.h"
#include "testutil.h"

#include <vnkg/export.h>
#include <vnkg/query.h>

#include <cjson/cJSON.h>
#include <libxml/parser.h>

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char tmpdir[] = "/tmp/vnkg-test-query-XXXXXX";

static void
path_in_tmp(char *out, size_t cap, const char *name)
{
    snprintf(out, cap, "%s/%s", tmpdir, name);
}

static void
write_file(const char *path, const char *text)
{
    FILE *fp = fopen(path, "w");
    assert(fp);
    assert(fputs(text, fp) >= 0);
    assert(fclose(fp) == 0);
}

/* ---- a hand-built graph ------------------------------------------------ */

typedef struct {
    const char *id, *label;
    VnkgEntityType type;
    const char *aliases, *sources;
    size_t mentions;
    const char *merged_into, *valid_until;
    double score; /* every centrality derives from it */
    long community;
} NodeSpec;

/* sorted by id, as graph.h requires */
static const NodeSpec node_specs[] = {
    {"ministry/bo-cong-thuong", "Bộ Công Thương", VNKG_TYPE_MINISTRY,
     "Bộ Công thương|MOIT", "a1", 3, NULL, NULL, 0.125, 1},
    {"ministry/bo-thong-tin", "Bộ Thông tin và Truyền thông",
     VNKG_TYPE_MINISTRY, "", "a2", 1, "ministry/bo-cong-thuong", "2025-02-28",
     0.0625, 1},
    {"official/bui-thanh-son", "Bùi Thanh Sơn", VNKG_TYPE_OFFICIAL, "", "a1|a2",
     4, NULL, NULL, 0.25, 0},
    {"official/nguyen-van-a", "Nguyễn Văn A", VNKG_TYPE_OFFICIAL, "", "a3", 1,
     NULL, NULL, 0.25, 2},
    {"partner/hoa-ky", "Hoa Kỳ", VNKG_TYPE_PARTNER, "Mỹ|USA", "a1", 2, NULL,
     NULL, 0.5, 0},
    {"province/cao-bang", "Cao Bằng", VNKG_TYPE_PROVINCE, "", "a3", 1, NULL,
     NULL, 0.0, 2},
};
#define N_NODES (sizeof node_specs / sizeof *node_specs)

typedef struct {
    size_t source, target;
    VnkgRelation relation;
    const char *role, *sources, *evidence, *first, *last;
    double weight;
} EdgeSpec;

/* sorted by (source id, target id, relation, role) */
static const EdgeSpec edge_specs[] = {
    {1, 0, VNKG_REL_CO_MENTION, NULL, "a2", "Bộ TT&TT <sáp nhập>", NULL, NULL,
     1},
    {2, 0, VNKG_REL_HOLDS_OFFICE, "Bộ trưởng", "a1|a2", "\"Ông\" Sơn & Bộ",
     "2024-07-18", "2025-01-02", 2},
    {2, 0, VNKG_REL_CO_MENTION, NULL, "a1", NULL, "2024-07-18", "2024-07-18",
     3},
    {2, 4, VNKG_REL_CO_MENTION, NULL, "a1", "câu", NULL, NULL, 1.5},
    {3, 5, VNKG_REL_REPRESENTS, NULL, "a3", "điểm cầu", "2025-07-22",
     "2025-07-22", 1},
};
#define N_EDGES (sizeof edge_specs / sizeof *edge_specs)

static VnkgGraph *
build_graph(VnkgContext *ctx)
{
    VnkgGraph *g;
    assert(vnkg_graph_new(ctx, &g) == VNKG_SUCCESS);
    g->nodes = vnkg_calloc(ctx, N_NODES, sizeof *g->nodes);
    g->edges = vnkg_calloc(ctx, N_EDGES, sizeof *g->edges);
    assert(g->nodes && g->edges);
    for (size_t i = 0; i < N_NODES; ++i) {
        const NodeSpec *s = &node_specs[i];
        VnkgNode *n = &g->nodes[g->n_nodes++];
        n->id = xdup(ctx, s->id);
        n->label = xdup(ctx, s->label);
        n->type = s->type;
        n->aliases = xdup(ctx, s->aliases);
        n->sources = xdup(ctx, s->sources);
        n->mentions = s->mentions;
        n->documents = i + 1;
        n->merged_into = xdup(ctx, s->merged_into);
        n->valid_until = xdup(ctx, s->valid_until);
        n->degree = s->score * 8;
        n->in_degree = s->score * 4;
        n->out_degree = s->score * 2;
        n->strength = s->score * 16;
        n->pagerank = s->score;
        n->betweenness = s->score * 32;
        n->harmonic = s->score / 2;
        n->eigenvector = s->score / 4;
        n->component = i == 3 || i == 5;
        n->community = s->community;
        n->x = -1.5 * (double)i;
        n->y = 2.25 * (double)i;
        n->size = 10 + (double)i;
        n->r = (unsigned char)(10 * i);
        n->g = (unsigned char)(20 * i);
        n->b = 255;
    }
    for (size_t i = 0; i < N_EDGES; ++i) {
        const EdgeSpec *s = &edge_specs[i];
        VnkgEdge *e = &g->edges[g->n_edges++];
        e->source = s->source;
        e->target = s->target;
        e->relation = s->relation;
        e->role = xdup(ctx, s->role);
        e->weight = s->weight;
        e->sources = xdup(ctx, s->sources);
        e->evidence = xdup(ctx, s->evidence);
        e->first_date = xdup(ctx, s->first);
        e->last_date = xdup(ctx, s->last);
    }
    return g;
}

static int
same_str(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "") == 0;
}

static void
check_node(const VnkgNode *a, const VnkgNode *b)
{
    assert(strcmp(a->id, b->id) == 0);
    assert(strcmp(a->label, b->label) == 0);
    assert(a->type == b->type);
    assert(strcmp(a->aliases, b->aliases) == 0);
    assert(strcmp(a->sources, b->sources) == 0);
    assert(a->mentions == b->mentions && a->documents == b->documents);
    assert(same_str(a->merged_into, b->merged_into));
    assert(same_str(a->valid_until, b->valid_until));
    assert(a->degree == b->degree && a->in_degree == b->in_degree);
    assert(a->out_degree == b->out_degree && a->strength == b->strength);
    assert(a->pagerank == b->pagerank && a->betweenness == b->betweenness);
    assert(a->harmonic == b->harmonic && a->eigenvector == b->eigenvector);
    assert(a->component == b->component && a->community == b->community);
    assert(a->x == b->x && a->y == b->y && a->size == b->size);
    assert(a->r == b->r && a->g == b->g && a->b == b->b);
}

static void
check_edge(const VnkgEdge *a, const VnkgEdge *b)
{
    assert(a->source == b->source && a->target == b->target);
    assert(a->relation == b->relation);
    assert(same_str(a->role, b->role));
    assert(a->weight == b->weight);
    assert(strcmp(a->sources, b->sources) == 0);
    assert(same_str(a->evidence, b->evidence));
    assert(same_str(a->first_date, b->first_date));
    assert(same_str(a->last_date, b->last_date));
}

static void
test_round_trip(const VnkgGraph *g, const char *file)
{
    VnkgContext *ctx = new_ctx();
    VnkgGraph *back = NULL;
    assert(vnkg_query_read_graphml(ctx, file, &back) == VNKG_SUCCESS);
    assert(back->n_nodes == g->n_nodes && back->n_edges == g->n_edges);
    for (size_t i = 0; i < g->n_nodes; ++i) {
        check_node(&g->nodes[i], &back->nodes[i]);
    }
    for (size_t i = 0; i < g->n_edges; ++i) {
        check_edge(&g->edges[i], &back->edges[i]);
    }
    assert(back->n_components == 2 && back->n_communities == 3);
    size_t k;
    assert(vnkg_graph_find(back, "province/cao-bang", &k) == VNKG_SUCCESS);
    assert(k == 5);
    vnkg_graph_free(ctx, back);
    vnkg_context_free(ctx);
}

/* ---- GraphML from other tools ------------------------------------------ */

static const char foreign[] =
    "<?xml version='1.0' encoding='utf-8'?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
    "<key id=\"d0\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
    "<key id=\"d1\" for=\"node\" attr.name=\"pagerank\" "
    "attr.type=\"double\"><default>0.5</default></key>\n"
    "<key id=\"d2\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
    "<key id=\"d3\" for=\"all\" attr.name=\"colour\" attr.type=\"string\"/>\n"
    "<key id=\"d4\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
    "<key id=\"d5\" for=\"edge\" attr.name=\"relation\" "
    "attr.type=\"string\"/>\n"
    "<graph edgedefault=\"undirected\">\n"
    "<edge source=\"z\" target=\"a\" label=\"issued_by\">"
    "<data key=\"d2\"> 2.5 </data><data key=\"d3\">red</data></edge>\n"
    "<edge source=\"a\" target=\"z\" label=\"knows\"/>\n"
    "<edge source=\"a\" target=\"m\"><data key=\"d5\">chairs</data></edge>\n"
    "<node id=\"z\"><data key=\"d0\"><![CDATA[Zeta & co]]></data>"
    "<data key=\"d4\">person</data></node>\n"
    "<node id=\"a\"><data key=\"d1\">0.25</data><data key=\"d4\"> partner"
    "</data>\n"
    "  <graph><node id=\"m\"><data key=\"d0\">Mü</data></node></graph>\n"
    "</node>\n"
    "</graph></graphml>\n";

static void
test_foreign(void)
{
    char file[512];
    path_in_tmp(file, sizeof file, "foreign.graphml");
    write_file(file, foreign);
    VnkgContext *ctx = new_ctx();
    VnkgGraph *g = NULL;
    assert(vnkg_query_read_graphml(ctx, file, &g) == VNKG_SUCCESS);
    assert(g->n_nodes == 3 && g->n_edges == 3);
    /* sorted by id; missing label = id; unknown type = organization */
    const VnkgNode *a = &g->nodes[0], *m = &g->nodes[1], *z = &g->nodes[2];
    assert(strcmp(a->id, "a") == 0 && strcmp(a->label, "a") == 0);
    assert(a->type == VNKG_TYPE_PARTNER && a->pagerank == 0.25);
    assert(strcmp(m->id, "m") == 0 && strcmp(m->label, "Mü") == 0);
    assert(m->type == VNKG_TYPE_ORGANIZATION && m->pagerank == 0.5);
    assert(strcmp(z->label, "Zeta & co") == 0);
    assert(z->type == VNKG_TYPE_ORGANIZATION);
    assert(strcmp(z->aliases, "") == 0 && strcmp(z->sources, "") == 0);
    assert(z->community == -1 && z->size == 1.0);
    unsigned char r, gr, b;
    vnkg_graph_type_colour(VNKG_TYPE_PARTNER, &r, &gr, &b);
    assert(a->r == r && a->g == gr && a->b == b);
    /* edges sorted by (source, target, relation); label as fallback */
    const VnkgEdge *e = g->edges;
    assert(e[0].source == 0 && e[0].target == 1);
    assert(e[0].relation == VNKG_REL_CHAIRS);
    assert(e[1].source == 0 && e[1].target == 2);
    assert(e[1].relation == VNKG_REL_CO_MENTION && e[1].weight == 1.0);
    assert(e[2].source == 2 && e[2].relation == VNKG_REL_ISSUED_BY);
    assert(e[2].weight == 2.5 && strcmp(e[2].sources, "") == 0);
    assert(g->n_components == 1 && g->n_communities == 0);
    vnkg_graph_free(ctx, g);
    vnkg_context_free(ctx);
}

/* ---- malformed files --------------------------------------------------- */

static void
expect_bad(const char *name, const char *text, VnkgStatus want,
           const char *diag)
{
    char file[512];
    path_in_tmp(file, sizeof file, name);
    write_file(file, text);
    VnkgContext *ctx = new_ctx();
    VnkgGraph *g = (VnkgGraph *)&g; /* must come back NULL */
    assert(vnkg_query_read_graphml(ctx, file, &g) == want);
    assert(g == NULL);
    assert(strstr(last_diag, file));
    if (!strstr(last_diag, diag)) {
        fprintf(stderr, "diagnostic '%s' lacks '%s'\n", last_diag, diag);
        abort();
    }
    vnkg_context_free(ctx);
}

#define HEAD                                                                   \
    "<?xml version=\"1.0\"?>\n<graphml "                                       \
    "xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"

static void
test_malformed(void)
{
    expect_bad("trunc.graphml", HEAD "<graph>\n<node id=\"a\">\n",
               VNKG_ERR_BAD_SYNTAX, ":4:");
    expect_bad("mismatch.graphml", HEAD "<graph>\n<node id=\"a\"></edge>",
               VNKG_ERR_BAD_SYNTAX, ":4:");
    expect_bad("empty.graphml", "", VNKG_ERR_BAD_SYNTAX, ":");
    expect_bad("html.graphml", "<html><body/></html>", VNKG_ERR_BAD_SYNTAX,
               "not GraphML");
    expect_bad("dup.graphml",
               HEAD "<graph>\n<node id=\"a\"/>\n<node id=\"a\"/>\n"
                    "</graph></graphml>",
               VNKG_ERR_BAD_SYNTAX, ":5: node id 'a' already used on line 4");
    expect_bad("dangling.graphml",
               HEAD "<graph>\n<node id=\"a\"/>\n<edge source=\"a\" "
                    "target=\"b\"/>\n</graph></graphml>",
               VNKG_ERR_BAD_SYNTAX, ":5: edge refers to unknown node 'b'");
    expect_bad("noid.graphml", HEAD "<graph>\n<node/>\n</graph></graphml>",
               VNKG_ERR_BAD_SYNTAX, ":4: <node> without an id");
    expect_bad("number.graphml",
               HEAD "<key id=\"p\" for=\"node\" attr.name=\"pagerank\"/>\n"
                    "<graph>\n<node id=\"a\"><data key=\"p\">0,5</data>"
                    "</node>\n</graph></graphml>",
               VNKG_ERR_BAD_SYNTAX, "'0,5' is not a number");
    /* an entity bomb never gets expanded: DTDs are refused */
    expect_bad("bomb.graphml",
               "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml [\n"
               "<!ENTITY a \"aaaaaaaaaa\">\n"
               "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n]>\n"
               "<graphml><graph><node id=\"&b;\"/></graph></graphml>\n",
               VNKG_ERR_BAD_SYNTAX, "DOCTYPE");

    VnkgContext *ctx = new_ctx();
    VnkgGraph *g = NULL;
    char file[512];
    path_in_tmp(file, sizeof file, "missing.graphml");
    assert(vnkg_query_read_graphml(ctx, file, &g) == VNKG_ERR_IO);
    assert(g == NULL && strstr(last_diag, "missing.graphml"));
    assert(vnkg_query_read_graphml(ctx, tmpdir, &g) == VNKG_ERR_IO);
    path_in_tmp(file, sizeof file, "foreign.graphml");
    vnkg_context_limits(ctx)->max_file_bytes = 100;
    assert(vnkg_query_read_graphml(ctx, file, &g) == VNKG_ERR_LIMIT);
    assert(g == NULL && strstr(last_diag, "limit"));
    vnkg_context_free(ctx);
}

/* ---- searches ---------------------------------------------------------- */

static void
expect_find(VnkgContext *ctx, const VnkgGraph *g, const char *name,
            VnkgMatch how, size_t count, size_t first)
{
    VnkgQueryMatches m = {NULL, 0, VNKG_MATCH_LABEL};
    assert(vnkg_query_find(ctx, g, name, &m) == VNKG_SUCCESS);
    assert(m.how == how && m.count == count && m.nodes[0] == first);
    vnkg_query_matches_clear(ctx, &m);
}

static void
test_find(VnkgContext *ctx, const VnkgGraph *g)
{
    expect_find(ctx, g, "Bùi Thanh Sơn", VNKG_MATCH_LABEL, 1, 2);
    expect_find(ctx, g, "official/bui-thanh-son", VNKG_MATCH_ID, 1, 2);
    expect_find(ctx, g, "bui  THANH son ", VNKG_MATCH_FOLDED_LABEL, 1, 2);
    expect_find(ctx, g, "Bộ Công thương", VNKG_MATCH_FOLDED_LABEL, 1, 0);
    expect_find(ctx, g, "my", VNKG_MATCH_ALIAS, 1, 4);
    expect_find(ctx, g, "moit", VNKG_MATCH_ALIAS, 1, 0);
    expect_find(ctx, g, "nguyen-van-a", VNKG_MATCH_FOLDED_ID, 1, 3);
    expect_find(ctx, g, "cao bang", VNKG_MATCH_FOLDED_LABEL, 1, 5);
    VnkgQueryMatches m = {NULL, 0, VNKG_MATCH_LABEL};
    assert(vnkg_query_find(ctx, g, "nobody", &m) == VNKG_FAILURE);
    assert(m.nodes == NULL && m.count == 0);
    assert(strcmp(vnkg_query_match_name(VNKG_MATCH_ALIAS), "alias") == 0);
    assert(vnkg_query_match_name((VnkgMatch)99) == NULL);
}

static void
test_find_several(VnkgContext *ctx)
{
    VnkgGraph *g;
    assert(vnkg_graph_new(ctx, &g) == VNKG_SUCCESS);
    g->nodes = vnkg_calloc(ctx, 2, sizeof *g->nodes);
    assert(g->nodes);
    const char *ids[] = {"official/tran-van-a", "official/tran-van-a-2"};
    for (size_t i = 0; i < 2; ++i) {
        g->nodes[i].id = xdup(ctx, ids[i]);
        g->nodes[i].label = xdup(ctx, i ? "Trần Văn Á" : "Trần Văn A");
        g->nodes[i].aliases = xdup(ctx, "");
        g->n_nodes++;
    }
    expect_find(ctx, g, "tran van a", VNKG_MATCH_FOLDED_LABEL, 2, 0);
    vnkg_graph_free(ctx, g);
}

static void
test_neighbours(VnkgContext *ctx, const VnkgGraph *g)
{
    VnkgQuerySteps s = {NULL, 0};
    assert(vnkg_query_neighbours(ctx, g, 0, NULL, &s) == VNKG_SUCCESS);
    assert(s.count == 3); /* three edges into Bộ Công Thương */
    assert(s.steps[0].edge == 0 && s.steps[0].node == 1 &&
           !s.steps[0].outgoing);
    vnkg_query_steps_clear(ctx, &s);
    VnkgRelation rel = VNKG_REL_CO_MENTION;
    assert(vnkg_query_neighbours(ctx, g, 2, &rel, &s) == VNKG_SUCCESS);
    assert(s.count == 2 && s.steps[0].outgoing && s.steps[1].node == 4);
    vnkg_query_steps_clear(ctx, &s);
    rel = VNKG_REL_CHAIRS;
    assert(vnkg_query_neighbours(ctx, g, 2, &rel, &s) == VNKG_SUCCESS);
    assert(s.count == 0);
    vnkg_query_steps_clear(ctx, &s);
}

static void
test_path(VnkgContext *ctx, const VnkgGraph *g)
{
    VnkgQuerySteps p = {NULL, 0};
    /* Bộ Thông tin -> Bộ Công Thương <- Bùi Thanh Sơn -> Hoa Kỳ */
    assert(vnkg_query_path(ctx, g, 1, 4, &p) == VNKG_SUCCESS);
    assert(p.count == 3);
    assert(p.steps[0].node == 0 && p.steps[0].outgoing);
    /* two edges join Sơn and the ministry: the office, not co_mention */
    assert(p.steps[1].node == 2 && !p.steps[1].outgoing);
    assert(g->edges[p.steps[1].edge].relation == VNKG_REL_HOLDS_OFFICE);
    assert(p.steps[2].node == 4 && p.steps[2].outgoing);
    vnkg_query_steps_clear(ctx, &p);
    assert(vnkg_query_path(ctx, g, 4, 4, &p) == VNKG_SUCCESS);
    assert(p.count == 0);
    vnkg_query_steps_clear(ctx, &p);
    assert(vnkg_query_path(ctx, g, 0, 5, &p) == VNKG_FAILURE);
    assert(p.steps == NULL && p.count == 0);
}

static void
test_top(VnkgContext *ctx, VnkgGraph *g)
{
    size_t *top = NULL, n = 0;
    assert(vnkg_query_top(ctx, g, VNKG_MEASURE_PAGERANK, NULL, 3, &top, &n) ==
           VNKG_SUCCESS);
    /* 0.5, then a tie at 0.25 broken by id */
    assert(n == 3 && top[0] == 4 && top[1] == 2 && top[2] == 3);
    vnkg_free(ctx, top);
    VnkgEntityType t = VNKG_TYPE_MINISTRY;
    assert(vnkg_query_top(ctx, g, VNKG_MEASURE_MENTIONS, &t, 10, &top, &n) ==
           VNKG_SUCCESS);
    assert(n == 2 && top[0] == 0 && top[1] == 1);
    vnkg_free(ctx, top);
    t = VNKG_TYPE_EVENT;
    assert(vnkg_query_top(ctx, g, VNKG_MEASURE_DEGREE, &t, 10, &top, &n) ==
           VNKG_SUCCESS);
    assert(n == 0);
    vnkg_free(ctx, top);
    double saved = g->nodes[4].harmonic;
    g->nodes[4].harmonic = NAN; /* NaN ranks last */
    assert(vnkg_query_top(ctx, g, VNKG_MEASURE_HARMONIC, NULL, 10, &top, &n) ==
           VNKG_SUCCESS);
    assert(n == N_NODES && top[N_NODES - 1] == 4);
    vnkg_free(ctx, top);
    g->nodes[4].harmonic = saved;
    VnkgMeasure m;
    assert(vnkg_query_measure_parse("eigenvector", &m) == VNKG_SUCCESS);
    assert(m == VNKG_MEASURE_EIGENVECTOR);
    assert(vnkg_query_measure_parse("closeness", &m) == VNKG_FAILURE);
    assert(strcmp(vnkg_query_measure_name(VNKG_MEASURE_DOCUMENTS),
                  "documents") == 0);
    assert(vnkg_query_measure_name(VNKG_MEASURE_COUNT) == NULL);
    assert(vnkg_query_measure_value(&g->nodes[0], VNKG_MEASURE_DOCUMENTS) ==
           1.0);
}

static void
test_stats(VnkgContext *ctx, const VnkgGraph *g)
{
    VnkgQueryStats s;
    assert(vnkg_query_stats(ctx, g, &s) == VNKG_SUCCESS);
    assert(s.nodes == 6 && s.edges == 5);
    assert(s.per_type[VNKG_TYPE_MINISTRY] == 2);
    assert(s.per_type[VNKG_TYPE_OFFICIAL] == 2);
    assert(s.per_type[VNKG_TYPE_EVENT] == 0);
    assert(s.per_relation[VNKG_REL_CO_MENTION] == 3);
    assert(s.per_relation[VNKG_REL_HOLDS_OFFICE] == 1);
    assert(s.components == 2 && s.communities == 3 && s.articles == 3);
    assert(fabs(s.density - 5.0 / 30.0) < 1e-12);
}

/* ---- printing ---------------------------------------------------------- */

/* Runs `print` into memory and returns the text (free). */
static char *
capture_output(VnkgStatus (*print)(VnkgContext *, FILE *, const VnkgGraph *,
                                   VnkgQueryFormat),
               VnkgContext *ctx, const VnkgGraph *g, VnkgQueryFormat f)
{
    char *text = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&text, &len);
    assert(fp);
    assert(print(ctx, fp, g, f) == VNKG_SUCCESS);
    assert(fclose(fp) == 0);
    return text;
}

static VnkgStatus
print_top(VnkgContext *ctx, FILE *fp, const VnkgGraph *g, VnkgQueryFormat f)
{
    size_t *top = NULL, n = 0;
    VNKG_TRY(vnkg_query_top(ctx, g, VNKG_MEASURE_PAGERANK, NULL, 10, &top, &n));
    VnkgStatus st = vnkg_query_print_top(ctx, fp, g, VNKG_MEASURE_PAGERANK,
                                         NULL, top, n, f);
    vnkg_free(ctx, top);
    return st;
}

static VnkgStatus
print_entity(VnkgContext *ctx, FILE *fp, const VnkgGraph *g, VnkgQueryFormat f)
{
    VnkgQueryMatches m = {NULL, 0, VNKG_MATCH_LABEL};
    VNKG_TRY(vnkg_query_find(ctx, g, "bui thanh son", &m));
    VnkgStatus st = vnkg_query_print_entity(ctx, fp, g, "bui thanh son", &m, f);
    vnkg_query_matches_clear(ctx, &m);
    return st;
}

static VnkgStatus
print_merged(VnkgContext *ctx, FILE *fp, const VnkgGraph *g, VnkgQueryFormat f)
{
    VnkgQueryMatches m = {NULL, 0, VNKG_MATCH_LABEL};
    VNKG_TRY(vnkg_query_find(ctx, g, "ministry/bo-thong-tin", &m));
    VnkgStatus st = vnkg_query_print_entity(ctx, fp, g, "x", &m, f);
    vnkg_query_matches_clear(ctx, &m);
    return st;
}

static VnkgStatus
print_neighbours(VnkgContext *ctx, FILE *fp, const VnkgGraph *g,
                 VnkgQueryFormat f)
{
    VnkgQuerySteps s = {NULL, 0};
    VnkgRelation rel = VNKG_REL_REPRESENTS;
    VNKG_TRY(vnkg_query_neighbours(ctx, g, 5, &rel, &s));
    VnkgStatus st = vnkg_query_print_neighbours(ctx, fp, g, 5, &rel, &s, f);
    vnkg_query_steps_clear(ctx, &s);
    return st;
}

static VnkgStatus
print_path(VnkgContext *ctx, FILE *fp, const VnkgGraph *g, VnkgQueryFormat f)
{
    VnkgQuerySteps p = {NULL, 0};
    VNKG_TRY(vnkg_query_path(ctx, g, 1, 4, &p));
    VnkgStatus st = vnkg_query_print_path(ctx, fp, g, 1, 4, &p, f);
    vnkg_query_steps_clear(ctx, &p);
    return st;
}

static VnkgStatus
print_stats(VnkgContext *ctx, FILE *fp, const VnkgGraph *g, VnkgQueryFormat f)
{
    VnkgQueryStats s;
    VNKG_TRY(vnkg_query_stats(ctx, g, &s));
    return vnkg_query_print_stats(ctx, fp, &s, f);
}

/* Display column (code points) where `needle` starts on the line. */
static size_t
column_of(const char *line, const char *needle)
{
    const char *at = strstr(line, needle);
    assert(at);
    size_t col = 0;
    for (const char *p = line; p < at; ++p) {
        col += ((unsigned char)*p & 0xC0) != 0x80;
    }
    return col;
}

static void
test_print_text(VnkgContext *ctx, const VnkgGraph *g)
{
    char *t = capture_output(print_top, ctx, g, VNKG_QUERY_TEXT);
    /* the type column lines up although the labels differ in bytes */
    char *l1 = strstr(t, "\n1 "), *l2 = strstr(t, "\n2 ");
    assert(l1 && l2);
    *strchr(l2 + 1, '\n') = '\0';
    l2[0] = '\0';
    assert(column_of(l1 + 1, "partner") == column_of(l2 + 1, "official"));
    free(t);
    t = capture_output(print_entity, ctx, g, VNKG_QUERY_TEXT);
    assert(strncmp(t, "Bùi Thanh Sơn\n", strlen("Bùi Thanh Sơn\n")) == 0);
    assert(strstr(t, "Offices:") && strstr(t, "Bộ trưởng"));
    assert(strstr(t, "2024-07-18  2025-01-02"));
    assert(strstr(t, "Relations:") && strstr(t, "Hoa Kỳ"));
    assert(!strstr(t, " \n")); /* no trailing spaces */
    free(t);
    t = capture_output(print_merged, ctx, g, VNKG_QUERY_TEXT);
    assert(strstr(t, "merged into  Bộ Công Thương ministry/bo-cong-thuong"));
    assert(strstr(t, "valid until  2025-02-28"));
    free(t);
    t = capture_output(print_neighbours, ctx, g, VNKG_QUERY_TEXT);
    assert(strstr(t, "1 neighbour of Cao Bằng") && strstr(t, "Nguyễn Văn A"));
    free(t);
    t = capture_output(print_path, ctx, g, VNKG_QUERY_TEXT);
    assert(strstr(t, "3 hops") && strstr(t, "<-[holds_office: Bộ trưởng]-"));
    free(t);
    t = capture_output(print_stats, ctx, g, VNKG_QUERY_TEXT);
    assert(strstr(t, "nodes           6\n") &&
           strstr(t, "co_mention      3\n"));
    free(t);
}

static cJSON *
parse_json(char *text)
{
    cJSON *root = cJSON_Parse(text);
    if (!root) {
        fprintf(stderr, "bad JSON:\n%s\n", text);
        abort();
    }
    /* UTF-8 as is, not \u escapes */
    assert(!strstr(text, "\\u"));
    free(text);
    return root;
}

static const cJSON *
get(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    assert(v);
    return v;
}

/* The string at o[key], which must be one. */
static const char *
sget(const cJSON *o, const char *key)
{
    const char *s = cJSON_GetStringValue(get(o, key));
    assert(s);
    return s;
}

/* The number at o[key], which must be one. */
static double
nget(const cJSON *o, const char *key)
{
    const cJSON *v = get(o, key);
    assert(cJSON_IsNumber(v));
    return v->valuedouble;
}

static const char *
item_str(const cJSON *arr, int i)
{
    const char *s = cJSON_GetStringValue(cJSON_GetArrayItem(arr, i));
    assert(s);
    return s;
}

/* The text of the number after "key": in `text` (the first occurrence),
 * up to what ends it. */
static size_t
number_text(const char *text, const char *key, char *out, size_t cap)
{
    char quoted[64];
    snprintf(quoted, sizeof quoted, "\"%s\":", key);
    const char *p = strstr(text, quoted);
    assert(p);
    p += strlen(quoted);
    p += strspn(p, " \t\n");
    size_t n = strspn(p, "0123456789+-.eE");
    assert(n > 0 && n < cap);
    memcpy(out, p, n);
    out[n] = '\0';
    return n;
}

static void
test_print_json(VnkgContext *ctx, const VnkgGraph *g)
{
    cJSON *r =
        parse_json(capture_output(print_entity, ctx, g, VNKG_QUERY_JSON));
    assert(strcmp(sget(r, "matched_by"), "folded_label") == 0);
    const cJSON *e = cJSON_GetArrayItem(get(r, "entities"), 0);
    assert(strcmp(sget(e, "label"), "Bùi Thanh Sơn") == 0);
    assert(cJSON_GetArraySize(get(e, "sources")) == 2);
    const cJSON *o = cJSON_GetArrayItem(get(e, "offices"), 0);
    assert(strcmp(sget(o, "role"), "Bộ trưởng") == 0);
    assert(cJSON_GetArraySize(get(o, "sources")) == 2);
    const cJSON *rel = get(e, "relations");
    assert(cJSON_GetArraySize(get(rel, "co_mention")) == 2);
    assert(nget(get(e, "scores"), "pagerank") == 0.25);
    cJSON_Delete(r);

    r = parse_json(capture_output(print_stats, ctx, g, VNKG_QUERY_JSON));
    assert(nget(r, "nodes") == 6);
    assert(nget(get(r, "types"), "ministry") == 2);
    /* keys in a fixed order */
    assert(r->child && strcmp(r->child->string, "nodes") == 0);
    cJSON_Delete(r);

    r = parse_json(capture_output(print_path, ctx, g, VNKG_QUERY_JSON));
    assert(nget(r, "length") == 3);
    const cJSON *hop = cJSON_GetArrayItem(get(r, "hops"), 1);
    assert(strcmp(sget(hop, "direction"), "backward") == 0);
    cJSON_Delete(r);

    r = parse_json(capture_output(print_top, ctx, g, VNKG_QUERY_JSON));
    assert(cJSON_GetArraySize(get(r, "results")) == N_NODES);
    assert(cJSON_IsNull(get(r, "type")));
    cJSON_Delete(r);

    r = parse_json(capture_output(print_neighbours, ctx, g, VNKG_QUERY_JSON));
    assert(nget(r, "count") == 1);
    cJSON_Delete(r);
}

/* A graph of one node with odd text and numbers. */
static VnkgGraph *
odd_graph(VnkgContext *ctx)
{
    VnkgGraph *g;
    assert(vnkg_graph_new(ctx, &g) == VNKG_SUCCESS);
    g->nodes = vnkg_calloc(ctx, 1, sizeof *g->nodes);
    assert(g->nodes);
    g->n_nodes = 1;
    VnkgNode *n = &g->nodes[0];
    n->id = xdup(ctx, "official/x");
    n->label = xdup(ctx, "Ab\xFF"
                         "c");
    n->type = VNKG_TYPE_OFFICIAL;
    n->aliases = xdup(ctx, "Sơn \"A\"|\xC3(|a\\b");
    n->sources = xdup(ctx, "t\x01\tu|\xEF\xBF\xBF");
    n->pagerank = NAN;
    n->betweenness = INFINITY;
    n->degree = 3;
    n->strength = 12345678901234.0;
    n->harmonic = 0.1234567890123;
    n->eigenvector = 1.5e-7;
    n->mentions = (size_t)1 << 60; /* beyond a double's integers */
    n->community = -1;
    return g;
}

/* Odd text and numbers in a graph built in memory: bytes that are not
 * UTF-8 are repaired (a list item wholly), controls and quotes escaped,
 * UTF-8 kept as is, NaN and infinities null, reals with 10 significant
 * digits and kept reals, integers exact. */
static void
test_print_json_odd(void)
{
    VnkgContext *ctx = new_ctx();
    VnkgGraph *g = odd_graph(ctx);
    size_t node = 0;
    VnkgQueryMatches m = {&node, 1, VNKG_MATCH_ID};
    char *text = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&text, &len);
    assert(fp);
    assert(vnkg_query_print_entity(ctx, fp, g, "\xE1", &m, VNKG_QUERY_JSON) ==
           VNKG_SUCCESS);
    assert(fclose(fp) == 0);
    assert(len > 2 && text[len - 1] == '\n' && text[len - 2] != '\n');
    cJSON *r = cJSON_Parse(text);
    assert(r);
    assert(strcmp(sget(r, "query"), "\xEF\xBF\xBD") == 0);
    const cJSON *e = cJSON_GetArrayItem(get(r, "entities"), 0);
    assert(strcmp(sget(e, "label"), "Ab\xEF\xBF\xBD"
                                    "c") == 0);
    const cJSON *a = get(e, "aliases");
    assert(cJSON_GetArraySize(a) == 3);
    assert(strcmp(item_str(a, 0), "Sơn \"A\"") == 0);
    assert(strcmp(item_str(a, 1), "\xEF\xBF\xBD") == 0);
    assert(strcmp(item_str(a, 2), "a\\b") == 0);
    const cJSON *s = get(e, "sources");
    assert(strcmp(item_str(s, 0), "t\x01\tu") == 0);
    assert(strcmp(item_str(s, 1), "\xEF\xBF\xBF") == 0);
    const cJSON *sc = get(e, "scores");
    assert(cJSON_IsNull(get(sc, "pagerank")));
    assert(cJSON_IsNull(get(sc, "betweenness")));
    assert(nget(sc, "degree") == 3);
    assert(nget(sc, "strength") == 1.23456789e13);
    assert(nget(sc, "harmonic") == 0.123456789);
    assert(nget(sc, "eigenvector") == 1.5e-7);
    assert(nget(e, "community") == -1);
    assert(cJSON_IsNull(get(e, "merged_into")));
    assert(cJSON_GetArraySize(get(e, "relations")) == 0);
    cJSON_Delete(r);
    char num[64];
    number_text(text, "degree", num, sizeof num);
    assert(strcmp(num, "3.0") == 0); /* a real, not the integer 3 */
    number_text(text, "mentions", num, sizeof num);
    assert(strcmp(num, "1152921504606846976") == 0);
    free(text);
    /* a stream that refuses writes */
    fp = fopen("/dev/null", "r");
    assert(fp);
    assert(vnkg_query_print_entity(ctx, fp, g, "x", &m, VNKG_QUERY_JSON) ==
           VNKG_ERR_WRITE);
    fclose(fp);
    vnkg_graph_free(ctx, g);
    vnkg_context_free(ctx);
}

/* cJSON allocates with malloc unless hooks say otherwise, which only a test
 * may do: the n-th cJSON allocation fails, and live blocks are counted. */
static long cjson_fail_at = -1, cjson_count, cjson_live;

static void *
cjson_malloc(size_t size)
{
    if (cjson_fail_at >= 0 && cjson_count++ == cjson_fail_at) {
        return NULL;
    }
    void *p = malloc(size);
    cjson_live += p != NULL;
    return p;
}

static void
cjson_free(void *p)
{
    cjson_live -= p != NULL;
    free(p);
}

/* Every JSON printer, the n-th cJSON allocation failing in turn. */
static void
test_json_alloc_failures(VnkgContext *ctx, const VnkgGraph *g)
{
    VnkgStatus (*printers[])(VnkgContext *, FILE *, const VnkgGraph *,
                             VnkgQueryFormat) = {print_top,    print_entity,
                                                 print_merged, print_neighbours,
                                                 print_path,   print_stats};
    FILE *sink = fopen("/dev/null", "w");
    assert(sink);
    cJSON_Hooks hooks = {cjson_malloc, cjson_free};
    cJSON_InitHooks(&hooks);
    for (size_t i = 0; i < 6; ++i) {
        VnkgStatus st = VNKG_ERR_NO_MEMORY;
        long n;
        for (n = 0; st == VNKG_ERR_NO_MEMORY && n < 100000; ++n) {
            cjson_fail_at = n;
            cjson_count = 0;
            st = printers[i](ctx, sink, g, VNKG_QUERY_JSON);
            assert(st == VNKG_SUCCESS || st == VNKG_ERR_NO_MEMORY);
            assert(cjson_live == 0);
        }
        assert(st == VNKG_SUCCESS && n > 5);
    }
    VnkgGraph *odd = odd_graph(ctx);
    size_t node = 0;
    VnkgQueryMatches m = {&node, 1, VNKG_MATCH_ID};
    VnkgStatus st = VNKG_ERR_NO_MEMORY;
    for (long n = 0; st == VNKG_ERR_NO_MEMORY; ++n) {
        cjson_fail_at = n;
        cjson_count = 0;
        st = vnkg_query_print_entity(ctx, sink, odd, "\xE1", &m,
                                     VNKG_QUERY_JSON);
        assert(st == VNKG_SUCCESS || st == VNKG_ERR_NO_MEMORY);
        assert(cjson_live == 0);
    }
    vnkg_graph_free(ctx, odd);
    cJSON_InitHooks(NULL);
    cjson_fail_at = -1;
    fclose(sink);
}

static void
test_null_safe(void)
{
    VnkgContext *ctx = new_ctx();
    vnkg_graph_free(ctx, NULL);
    VnkgQueryMatches m = {NULL, 0, VNKG_MATCH_LABEL};
    vnkg_query_matches_clear(ctx, &m);
    VnkgQuerySteps s = {NULL, 0};
    vnkg_query_steps_clear(ctx, &s);
    vnkg_context_free(ctx);
}

/* ---- allocation failures ----------------------------------------------- */

/* Reads the file and asks every question, printing to /dev/null. */
static VnkgStatus
read_and_query(VnkgContext *ctx, const char *file, FILE *sink)
{
    VnkgGraph *g = NULL;
    VNKG_TRY(vnkg_query_read_graphml(ctx, file, &g));
    VnkgStatus (*printers[])(VnkgContext *, FILE *, const VnkgGraph *,
                             VnkgQueryFormat) = {print_top,    print_entity,
                                                 print_merged, print_neighbours,
                                                 print_path,   print_stats};
    VnkgStatus st = VNKG_SUCCESS;
    for (size_t i = 0; st == VNKG_SUCCESS && i < 6; ++i) {
        st = printers[i](ctx, sink, g, VNKG_QUERY_TEXT);
        if (st == VNKG_SUCCESS) {
            st = printers[i](ctx, sink, g, VNKG_QUERY_JSON);
        }
    }
    vnkg_graph_free(ctx, g);
    return st;
}

static void
test_alloc_failures(const char *file)
{
    FILE *sink = fopen("/dev/null", "w");
    assert(sink);
    FailAlloc fa = {-1, 0, 0};
    VnkgAllocator alloc = {fa_malloc, fa_realloc, fa_free, &fa};
    VnkgStatus st = VNKG_ERR_NO_MEMORY;
    long n;
    for (n = 0; st == VNKG_ERR_NO_MEMORY && n < 100000; ++n) {
        fa.fail_at = -1; /* the context itself does not fail */
        fa.count = 0;
        VnkgContext *ctx = NULL;
        assert(vnkg_context_new_with(&ctx, &alloc) == VNKG_SUCCESS);
        vnkg_context_set_diag(ctx, capture, NULL);
        fa.fail_at = n;
        st = read_and_query(ctx, file, sink);
        assert(st == VNKG_SUCCESS || st == VNKG_ERR_NO_MEMORY);
        vnkg_context_free(ctx);
        assert(fa.live == 0);
    }
    assert(st == VNKG_SUCCESS && n > 50);
    fclose(sink);
}

int
main(void)
{
    xmlInitParser();
    assert(mkdtemp(tmpdir));
    VnkgContext *ctx = new_ctx();
    VnkgGraph *g = build_graph(ctx);
    char file[512];
    path_in_tmp(file, sizeof file, "graph.graphml");
    assert(vnkg_export_graphml(ctx, g, file) == VNKG_SUCCESS);
    test_round_trip(g, file);
    test_foreign();
    test_malformed();
    test_find(ctx, g);
    test_find_several(ctx);
    test_neighbours(ctx, g);
    test_path(ctx, g);
    test_top(ctx, g);
    test_stats(ctx, g);
    test_print_text(ctx, g);
    test_print_json(ctx, g);
    test_print_json_odd();
    test_json_alloc_failures(ctx, g);
    test_null_safe();
    test_alloc_failures(file);
    vnkg_graph_free(ctx, g);
    vnkg_context_free(ctx);
    if (getenv("VNKG_KEEP_TEST_OUTPUT")) {
        printf("test_query: output kept in %s\n", tmpdir);
    } else {
        char cmd[600];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
        assert(system(cmd) == 0);
    }
    xmlCleanupParser();
    printf("test_query: all tests passed\n");
    return 0;
}
