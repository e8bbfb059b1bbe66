/* SPDX-License-Identifier: MIT */
/* facts -> graph -> analysis -> GraphML read back by igraph's C reader. */
#undef NDEBUG
#include "failalloc.h"

#include <vnkg/analyse.h>
#include <vnkg/export.h>
#include <vnkg/graph.h>

#include <igraph.h>

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static VnkgContext *ctx;

static size_t
add(VnkgFacts *f, const char *id, VnkgEntityType t, const char *label)
{
    size_t i;
    assert(vnkg_facts_entity(ctx, f, id, t, label, &i) == VNKG_SUCCESS);
    return i;
}

/* Two articles' worth of facts, merged as the CLI does. */
static VnkgFacts *
sample_facts(void)
{
    VnkgFacts *a, *b, *all;
    assert(vnkg_facts_new(ctx, &a) == VNKG_SUCCESS);
    assert(vnkg_facts_new(ctx, &b) == VNKG_SUCCESS);
    assert(vnkg_facts_new(ctx, &all) == VNKG_SUCCESS);
    size_t s =
        add(a, "official/bui-thanh-son", VNKG_TYPE_OFFICIAL, "Bùi Thanh Sơn");
    size_t m =
        add(a, "ministry/bo-ngoai-giao", VNKG_TYPE_MINISTRY, "Bộ Ngoại giao");
    size_t j = add(a, "partner/nhat-ban", VNKG_TYPE_PARTNER, "Nhật Bản");
    assert(vnkg_facts_add_alias(ctx, a, m, "Bộ ngoại giao") == VNKG_SUCCESS);
    assert(vnkg_facts_add_alias(ctx, a, m, "Bộ Ngoại giao") == VNKG_SUCCESS);
    assert(vnkg_facts_relate(ctx, a, s, m, VNKG_REL_HOLDS_OFFICE, "Bộ trưởng",
                             1, "a1", "2024-07-18", "câu 1") == VNKG_SUCCESS);
    assert(vnkg_facts_relate(ctx, a, m, s, VNKG_REL_CO_MENTION, NULL, 1, "a1",
                             "2024-07-18", "câu 1") == VNKG_SUCCESS);
    assert(vnkg_facts_relate(ctx, a, j, s, VNKG_REL_CO_MENTION, NULL, 1, "a1",
                             "2024-07-18", "câu 2") == VNKG_SUCCESS);
    /* the second article repeats the office later and adds a partner */
    size_t s2 =
        add(b, "official/bui-thanh-son", VNKG_TYPE_OFFICIAL, "Bùi Thanh Sơn");
    size_t m2 =
        add(b, "ministry/bo-ngoai-giao", VNKG_TYPE_MINISTRY, "Bộ Ngoại giao");
    size_t e = add(b, "partner/eu", VNKG_TYPE_PARTNER, "EU");
    assert(vnkg_facts_relate(ctx, b, s2, m2, VNKG_REL_HOLDS_OFFICE, "Bộ trưởng",
                             1, "a2", "2025-01-02", "câu 3") == VNKG_SUCCESS);
    assert(vnkg_facts_relate(ctx, b, s2, m2, VNKG_REL_HOLDS_OFFICE,
                             "Phó Thủ tướng", 1, "a2", "2025-01-02",
                             "câu 3") == VNKG_SUCCESS);
    assert(vnkg_facts_relate(ctx, b, e, s2, VNKG_REL_CO_MENTION, NULL, 1, "a2",
                             NULL, "câu 4") == VNKG_SUCCESS);
    assert(vnkg_facts_merge(ctx, all, a) == VNKG_SUCCESS);
    assert(vnkg_facts_merge(ctx, all, b) == VNKG_SUCCESS);
    vnkg_facts_free(ctx, a);
    vnkg_facts_free(ctx, b);
    return all;
}

static void
test_merge(const VnkgFacts *f)
{
    assert(vnkg_facts_entity_count(f) == 4);
    /* same (from, to, relation, role) merged; another role stays apart */
    size_t offices = 0;
    for (size_t i = 0; i < vnkg_facts_fact_count(f); ++i) {
        const VnkgFact *x = vnkg_facts_fact_at(f, i);
        if (x->relation == VNKG_REL_HOLDS_OFFICE &&
            strcmp(x->role, "Bộ trưởng") == 0) {
            offices++;
            assert(x->weight == 2);
            assert(x->sources.count == 2);
            assert(strcmp(x->first_date, "2024-07-18") == 0);
            assert(strcmp(x->last_date, "2025-01-02") == 0);
            assert(strcmp(x->evidence, "câu 1") == 0);
        }
    }
    assert(offices == 1);
    size_t m;
    assert(vnkg_facts_find(f, "ministry/bo-ngoai-giao", &m) == VNKG_SUCCESS);
    const VnkgEntity *e = vnkg_facts_entity_at(f, m);
    assert(e->aliases.count == 1); /* the label itself is not an alias */
    assert(vnkg_facts_find(f, "nope", &m) == VNKG_FAILURE);
}

static void
test_graph_and_analysis(const VnkgFacts *f, VnkgGraph **out)
{
    VnkgGraph *g;
    assert(vnkg_graph_build(ctx, f, &g) == VNKG_SUCCESS);
    assert(g->n_nodes == 4 && g->n_edges == 5);
    for (size_t i = 1; i < g->n_nodes; ++i) {
        assert(strcmp(g->nodes[i - 1].id, g->nodes[i].id) < 0);
    }
    size_t k;
    assert(vnkg_graph_find(g, "partner/eu", &k) == VNKG_SUCCESS);
    assert(strcmp(g->nodes[k].label, "EU") == 0);
    assert(vnkg_graph_find(g, "x", &k) == VNKG_FAILURE);
    VnkgAnalyseOptions o;
    vnkg_analyse_options_init(&o);
    assert(vnkg_analyse_run(ctx, g, &o) == VNKG_SUCCESS);
    double sum = 0;
    for (size_t i = 0; i < g->n_nodes; ++i) {
        const VnkgNode *n = &g->nodes[i];
        sum += n->pagerank;
        assert(n->betweenness >= 0 && n->harmonic >= 0);
        assert(n->community >= 0 && n->component == 0);
        assert(isfinite(n->x) && isfinite(n->y) && n->size >= 5);
    }
    assert(fabs(sum - 1.0) < 1e-9);
    /* Bùi Thanh Sơn is the hub: every path between the others crosses him */
    assert(vnkg_graph_find(g, "official/bui-thanh-son", &k) == VNKG_SUCCESS);
    assert(g->nodes[k].betweenness > 0);
    assert(g->nodes[k].degree == 5);
    assert(g->nodes[k].out_degree == 2 && g->nodes[k].in_degree == 3);
    assert(g->n_components == 1);
    /* the same seed gives the same layout and communities */
    double x0 = g->nodes[0].x;
    long c0 = g->nodes[0].community;
    assert(vnkg_analyse_run(ctx, g, &o) == VNKG_SUCCESS);
    assert(g->nodes[0].x == x0 && g->nodes[0].community == c0);
    /* a relation subset: only holds_office */
    o.relations = 1u << VNKG_REL_HOLDS_OFFICE;
    assert(vnkg_analyse_run(ctx, g, &o) == VNKG_SUCCESS);
    assert(vnkg_graph_find(g, "partner/eu", &k) == VNKG_SUCCESS);
    assert(g->nodes[k].degree == 0);
    vnkg_analyse_options_init(&o);
    assert(vnkg_analyse_run(ctx, g, &o) == VNKG_SUCCESS);
    *out = g;
}

/* DESIGN.md: our GraphML must parse with igraph's own C reader. */
static void
test_igraph_reads_graphml(const VnkgGraph *g)
{
    char dir[] = "/tmp/vnkg-graph-XXXXXX";
    assert(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/g.graphml", dir);
    assert(vnkg_export_graphml(ctx, g, path) == VNKG_SUCCESS);
    FILE *fp = fopen(path, "r");
    assert(fp);
    igraph_t ig;
    assert(igraph_read_graph_graphml(&ig, fp, 0) == IGRAPH_SUCCESS);
    fclose(fp);
    assert(igraph_vcount(&ig) == (igraph_integer_t)g->n_nodes);
    assert(igraph_ecount(&ig) == (igraph_integer_t)g->n_edges);
    assert(igraph_is_directed(&ig));
    igraph_destroy(&ig);
    unlink(path);
    rmdir(dir);
}

static void
test_empty(void)
{
    VnkgFacts *f;
    VnkgGraph *g;
    assert(vnkg_facts_new(ctx, &f) == VNKG_SUCCESS);
    assert(vnkg_graph_build(ctx, f, &g) == VNKG_SUCCESS);
    assert(g->n_nodes == 0);
    assert(vnkg_analyse_run(ctx, g, NULL) == VNKG_SUCCESS);
    vnkg_graph_free(ctx, g);
    vnkg_facts_free(ctx, f);
    vnkg_graph_free(ctx, NULL);
    vnkg_facts_free(ctx, NULL);
}

/* An igraph graph as a VnkgGraph of partners (co_mention edges, weight
 * 1). */
static VnkgGraph *
from_igraph(const igraph_t *ig)
{
    size_t n = (size_t)igraph_vcount(ig);
    VnkgGraph *g;
    assert(vnkg_graph_new(ctx, &g) == VNKG_SUCCESS);
    g->n_nodes = n;
    g->nodes = vnkg_calloc(ctx, n, sizeof *g->nodes);
    for (size_t i = 0; i < n; ++i) {
        char id[32];
        snprintf(id, sizeof id, "partner/n%06zu", i);
        g->nodes[i].id = vnkg_strdup(ctx, id);
        g->nodes[i].label = vnkg_strdup(ctx, id);
        g->nodes[i].type = VNKG_TYPE_PARTNER;
    }
    g->n_edges = (size_t)igraph_ecount(ig);
    g->edges = vnkg_calloc(ctx, g->n_edges, sizeof *g->edges);
    for (size_t k = 0; k < g->n_edges; ++k) {
        igraph_integer_t from, to;
        igraph_edge(ig, (igraph_integer_t)k, &from, &to);
        g->edges[k].source = (size_t)from;
        g->edges[k].target = (size_t)to;
        g->edges[k].relation = VNKG_REL_CO_MENTION;
        g->edges[k].weight = 1;
    }
    return g;
}

/* A preferential-attachment graph of n nodes as a VnkgGraph, built with
 * igraph's generator and a fixed seed. */
static VnkgGraph *
ba_graph(size_t n)
{
    igraph_t ig;
    igraph_rng_seed(igraph_rng_default(), 7);
    assert(igraph_barabasi_game(&ig, (igraph_integer_t)n, 1, 3, NULL, 1, 1, 0,
                                IGRAPH_BARABASI_PSUMTREE,
                                NULL) == IGRAPH_SUCCESS);
    VnkgGraph *g = from_igraph(&ig);
    igraph_destroy(&ig);
    return g;
}

/* Leiden stops once a pass gains little: on planted groups (dense inside,
 * a few edges across) it finds the groups, and its modularity is what
 * igraph's own ten passes reach. */
static void
test_communities_planted(void)
{
    enum { GROUPS = 12, SIZE = 40, N = GROUPS * SIZE };
    igraph_t ig;
    igraph_matrix_t pref;
    igraph_vector_int_t sizes;
    igraph_rng_seed(igraph_rng_default(), 11);
    assert(igraph_matrix_init(&pref, GROUPS, GROUPS) == IGRAPH_SUCCESS);
    assert(igraph_vector_int_init(&sizes, GROUPS) == IGRAPH_SUCCESS);
    for (int a = 0; a < GROUPS; ++a) {
        VECTOR(sizes)[a] = SIZE;
        for (int b = 0; b < GROUPS; ++b) {
            MATRIX(pref, a, b) = a == b ? 0.3 : 0.004;
        }
    }
    assert(igraph_sbm_game(&ig, N, &pref, &sizes, 0, 0) == IGRAPH_SUCCESS);
    VnkgGraph *g = from_igraph(&ig);
    VnkgAnalyseOptions o;
    vnkg_analyse_options_init(&o);
    assert(vnkg_analyse_run(ctx, g, &o) == VNKG_SUCCESS);
    assert(g->n_communities == GROUPS);
    for (size_t i = 0; i < N; ++i) { /* each group is one community */
        assert(g->nodes[i].community == g->nodes[i - i % SIZE].community);
    }
    for (size_t a = 1; a < GROUPS; ++a) { /* all twelve are told apart */
        for (size_t b = 0; b < a; ++b) {
            assert(g->nodes[a * SIZE].community !=
                   g->nodes[b * SIZE].community);
        }
    }
    /* igraph's fixed ten passes on the same graph (all weights 1) */
    igraph_vector_int_t mem;
    igraph_vector_t strength;
    igraph_integer_t nb;
    igraph_real_t quality, q;
    assert(igraph_vector_int_init(&mem, 0) == IGRAPH_SUCCESS);
    assert(igraph_vector_init(&strength, 0) == IGRAPH_SUCCESS);
    assert(igraph_strength(&ig, &strength, igraph_vss_all(), IGRAPH_ALL, 1,
                           NULL) == IGRAPH_SUCCESS);
    assert(igraph_community_leiden(
               &ig, NULL, &strength, 1.0 / (2.0 * (double)igraph_ecount(&ig)),
               0.01, 0, 10, &mem, &nb, &quality) == IGRAPH_SUCCESS);
    assert(igraph_modularity(&ig, &mem, NULL, 1.0, 0, &q) == IGRAPH_SUCCESS);
    assert(g->modularity > 0.75 && fabs(g->modularity - q) < 1e-4);
    igraph_vector_int_destroy(&mem);
    igraph_vector_destroy(&strength);
    igraph_vector_int_destroy(&sizes);
    igraph_matrix_destroy(&pref);
    igraph_destroy(&ig);
    vnkg_graph_free(ctx, g);
}

/* Sampled path measures run on helper threads while igraph computes
 * communities and the layout: every score must come out the same, bit
 * for bit, whatever the thread count. */
static void
test_threads_same_bits(void)
{
    enum { N = 1500 };
    VnkgGraph *g = ba_graph(N);
    VnkgAnalyseOptions o;
    vnkg_analyse_options_init(&o);
    o.auto_budget = 1; /* sampled */
    o.auto_samples_min = 300;
    o.threads = 1;
    assert(vnkg_analyse_run(ctx, g, &o) == VNKG_SUCCESS);
    assert(g->betweenness_sources == 300 && g->harmonic_sources == 300);
    VnkgNode *one = malloc(N * sizeof *one);
    assert(one);
    memcpy(one, g->nodes, N * sizeof *one);
    for (size_t threads = 2; threads <= 5; threads += 3) {
        o.threads = threads;
        assert(vnkg_analyse_run(ctx, g, &o) == VNKG_SUCCESS);
        for (size_t i = 0; i < N; ++i) {
            const VnkgNode *a = &one[i], *b = &g->nodes[i];
            assert(memcmp(&a->betweenness, &b->betweenness, 8) == 0);
            assert(memcmp(&a->harmonic, &b->harmonic, 8) == 0);
            assert(memcmp(&a->pagerank, &b->pagerank, 8) == 0);
            assert(memcmp(&a->x, &b->x, 8) == 0 &&
                   memcmp(&a->y, &b->y, 8) == 0);
            assert(a->community == b->community);
        }
    }
    free(one);
    vnkg_graph_free(ctx, g);
}

/* The analysis draws from its own seeded RNG: the caller's default RNG
 * comes back as it was, usable and where it stood. */
static void
test_rng_untouched(void)
{
    VnkgGraph *g = ba_graph(200);
    igraph_rng_seed(igraph_rng_default(), 42);
    igraph_integer_t want = RNG_INTEGER(0, 1000000);
    igraph_rng_seed(igraph_rng_default(), 42);
    VnkgAnalyseOptions o;
    vnkg_analyse_options_init(&o);
    assert(vnkg_analyse_run(ctx, g, &o) == VNKG_SUCCESS);
    assert(RNG_INTEGER(0, 1000000) == want);
    igraph_rng_seed(igraph_rng_default(), 7); /* its state is still live */
    vnkg_graph_free(ctx, g);
}

/* Each allocation of the analysis failing in turn, with the sampled path
 * measures on a helper thread: VNKG_ERR_NO_MEMORY (reported, no helper
 * left running), nothing leaked, and then success. */
static void
test_analyse_no_memory(void)
{
    VnkgGraph *g = ba_graph(300);
    VnkgAnalyseOptions o;
    vnkg_analyse_options_init(&o);
    o.auto_budget = 1;
    o.auto_samples_min = 50;
    o.threads = 2;
    o.layout = 0;
    int succeeded = 0;
    for (long n = 0; !succeeded && n < 1000; ++n) {
        FailAlloc s = {n, 0, 0};
        VnkgAllocator a = {fa_malloc, fa_realloc, fa_free, &s};
        VnkgContext *fctx;
        if (vnkg_context_new_with(&fctx, &a) != VNKG_SUCCESS) {
            continue;
        }
        vnkg_context_set_diag(fctx, NULL, NULL);
        long before = s.live;
        VnkgStatus st = vnkg_analyse_run(fctx, g, &o);
        assert(st == VNKG_SUCCESS || st == VNKG_ERR_NO_MEMORY);
        assert(s.live == before);
        succeeded = st == VNKG_SUCCESS;
        vnkg_context_free(fctx);
        assert(s.live == 0);
    }
    assert(succeeded && g->betweenness_sources == 50);
    vnkg_graph_free(ctx, g);
}

/* Betweenness from sampled sources against the exact value: the error
 * README.md documents. On a 2,000-node preferential-attachment graph,
 * 200 sources (10%) estimate the ten most central nodes within a few per
 * cent; the test bounds the mean relative error at 15%. */
static void
test_sampled_betweenness(void)
{
    enum { N = 2000, TOP = 10 };
    VnkgGraph *g = ba_graph(N);
    VnkgAnalyseOptions o;
    vnkg_analyse_options_init(&o);
    o.layout = 0;
    o.auto_budget = 0; /* the exact reference */
    assert(vnkg_analyse_run(ctx, g, &o) == VNKG_SUCCESS);
    double *exact = malloc(N * sizeof *exact);
    for (size_t i = 0; i < N; ++i) {
        exact[i] = g->nodes[i].betweenness;
    }
    o.betweenness_samples = N / 10;
    assert(vnkg_analyse_run(ctx, g, &o) == VNKG_SUCCESS);
    /* the TOP nodes by exact betweenness */
    size_t top[TOP];
    for (size_t t = 0; t < TOP; ++t) {
        size_t best = 0;
        double bv = -1;
        for (size_t i = 0; i < N; ++i) {
            int taken = 0;
            for (size_t u = 0; u < t; ++u) {
                taken |= top[u] == i;
            }
            if (!taken && exact[i] > bv) {
                bv = exact[i];
                best = i;
            }
        }
        top[t] = best;
    }
    double err = 0;
    for (size_t t = 0; t < TOP; ++t) {
        err +=
            fabs(g->nodes[top[t]].betweenness - exact[top[t]]) / exact[top[t]];
    }
    err /= TOP;
    printf("sampled betweenness (%d of %d sources): mean relative error of "
           "the top %d = %.3f; estimated (median relative standard error) "
           "%.3f, top %d: %.3f\n",
           N / 10, N, TOP, err, g->betweenness_error_top10, VNKG_ERROR_TOP,
           g->betweenness_error);
    assert(err < 0.15);
    /* the estimated error is the error's order of magnitude: the mean
     * absolute error of a normal estimate is 0.8 standard errors */
    assert(g->betweenness_error_top10 > err / 3);
    assert(g->betweenness_error_top10 < err * 3);
    assert(g->betweenness_error > 0 && g->harmonic_error == 0);
    /* with a cutoff every value is a lower bound of the exact one */
    o.betweenness_samples = 0;
    o.betweenness_cutoff = 3;
    assert(vnkg_analyse_run(ctx, g, &o) == VNKG_SUCCESS);
    for (size_t i = 0; i < N; ++i) {
        assert(g->nodes[i].betweenness <= exact[i] + 1e-6);
    }
    /* over the work budget both path measures are sampled automatically,
     * and the graph says so (report.md prints it) */
    double *harmonic = malloc(N * sizeof *harmonic);
    vnkg_analyse_options_init(&o);
    o.layout = 0;
    o.auto_budget = 1e12;
    assert(vnkg_analyse_run(ctx, g, &o) == VNKG_SUCCESS); /* within budget */
    assert(g->betweenness_sources == 0 && g->harmonic_sources == 0);
    for (size_t i = 0; i < N; ++i) {
        harmonic[i] = g->nodes[i].harmonic;
    }
    o.auto_budget = 1;
    o.auto_samples_min = N / 10;
    assert(vnkg_analyse_run(ctx, g, &o) == VNKG_SUCCESS);
    assert(g->betweenness_sources == N / 10);
    assert(g->harmonic_sources == N / 10);
    double herr = 0;
    for (size_t i = 0; i < N; ++i) {
        herr += fabs(g->nodes[i].harmonic - harmonic[i]) / harmonic[i];
    }
    herr /= N;
    /* the same over the nodes with the highest estimates, against the
     * estimated error */
    double htop = 0;
    size_t counted = 0;
    for (size_t i = 0; i < N; ++i) {
        size_t higher = 0;
        for (size_t j = 0; j < N && higher < VNKG_ERROR_TOP; ++j) {
            higher += g->nodes[j].harmonic > g->nodes[i].harmonic;
        }
        if (higher < VNKG_ERROR_TOP) {
            htop += fabs(g->nodes[i].harmonic - harmonic[i]) / harmonic[i];
            counted++;
        }
    }
    htop /= (double)counted;
    printf("sampled harmonic centrality (%d of %d sources): mean relative "
           "error over all nodes = %.3f, over the top %d = %.3f; estimated "
           "%.3f\n",
           N / 10, N, herr, VNKG_ERROR_TOP, htop, g->harmonic_error);
    assert(herr < 0.05);
    assert(g->harmonic_error > htop / 3 && g->harmonic_error < htop * 3);
    /* sources asked for sample betweenness only: harmonic stays exact */
    o.auto_budget = 1e7;
    o.betweenness_samples = N / 10;
    assert(vnkg_analyse_run(ctx, g, &o) == VNKG_SUCCESS);
    assert(g->betweenness_sources == N / 10 && g->harmonic_sources == 0);
    for (size_t i = 0; i < N; ++i) {
        assert(g->nodes[i].harmonic == harmonic[i]);
    }
    o.betweenness_samples = 0;
    o.auto_budget = 0;
    assert(vnkg_analyse_run(ctx, g, &o) == VNKG_SUCCESS);
    assert(g->betweenness_sources == 0 && g->harmonic_sources == 0);
    for (size_t i = 0; i < N; ++i) {
        assert(fabs(g->nodes[i].betweenness - exact[i]) < 1e-6);
    }
    free(harmonic);
    free(exact);
    vnkg_graph_free(ctx, g);
}

int
main(void)
{
    igraph_set_error_handler(igraph_error_handler_ignore);
    assert(vnkg_context_new(&ctx) == VNKG_SUCCESS);
    VnkgFacts *f = sample_facts();
    test_merge(f);
    VnkgGraph *g;
    test_graph_and_analysis(f, &g);
    test_igraph_reads_graphml(g);
    test_empty();
    test_sampled_betweenness();
    test_threads_same_bits();
    test_communities_planted();
    test_analyse_no_memory();
    test_rng_untouched();
    vnkg_graph_free(ctx, g);
    vnkg_facts_free(ctx, f);
    vnkg_context_free(ctx);
    puts("graph: ok");
    return 0;
}
