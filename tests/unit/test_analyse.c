/* SPDX-License-Identifier: MIT */
/* src/analyse/paths.c against igraph: with every node as a source, the
 * one-Dijkstra-per-source betweenness and harmonic sums must be igraph's
 * exact values; and the thread count must not change a bit. */
#undef NDEBUG
#include "../../src/analyse/paths.h"
#include "failalloc.h"

#include <igraph.h>

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static VnkgContext *ctx;

typedef struct {
    size_t n;
    size_t *off, *head;
    double *len;
} Arcs;

/* Both directions of each edge of `g`, lengths from `lengths`. */
static void
arcs_of(const igraph_t *g, const igraph_vector_t *lengths, Arcs *a)
{
    size_t n = (size_t)igraph_vcount(g), m = (size_t)igraph_ecount(g);
    a->n = n;
    a->off = calloc(n + 1, sizeof *a->off);
    a->head = malloc((2 * m + 1) * sizeof *a->head);
    a->len = malloc((2 * m + 1) * sizeof *a->len);
    assert(a->off && a->head && a->len);
    size_t *fill = calloc(n + 1, sizeof *fill);
    assert(fill);
    for (size_t e = 0; e < m; ++e) {
        a->off[IGRAPH_FROM(g, e) + 1]++;
        a->off[IGRAPH_TO(g, e) + 1]++;
    }
    for (size_t i = 0; i < n; ++i) {
        a->off[i + 1] += a->off[i];
        fill[i] = a->off[i];
    }
    for (size_t e = 0; e < m; ++e) {
        size_t x = (size_t)IGRAPH_FROM(g, e), y = (size_t)IGRAPH_TO(g, e);
        double l = VECTOR(*lengths)[e];
        a->head[fill[x]] = y;
        a->len[fill[x]++] = l;
        a->head[fill[y]] = x;
        a->len[fill[y]++] = l;
    }
    free(fill);
}

static void
arcs_free(Arcs *a)
{
    free(a->off);
    free(a->head);
    free(a->len);
}

static double
rel_err(double x, double y)
{
    double scale = fmax(fabs(x), fabs(y));
    return scale < 1e-12 ? fabs(x - y) : fabs(x - y) / scale;
}

/* A random multigraph (parallel edges, several components) with lengths
 * drawn from `levels` values: few levels make many equally short paths. */
static void
check_graph(unsigned seed, igraph_integer_t n, igraph_integer_t m, int levels)
{
    igraph_rng_seed(igraph_rng_default(), seed);
    igraph_t g;
    assert(igraph_erdos_renyi_game_gnm(&g, n, m, IGRAPH_UNDIRECTED,
                                       IGRAPH_NO_LOOPS) == IGRAPH_SUCCESS);
    /* parallel edges: repeat a few */
    igraph_vector_int_t extra;
    igraph_vector_int_init(&extra, 0);
    for (igraph_integer_t e = 0; e < igraph_ecount(&g); e += 7) {
        igraph_vector_int_push_back(&extra, IGRAPH_FROM(&g, e));
        igraph_vector_int_push_back(&extra, IGRAPH_TO(&g, e));
    }
    igraph_add_edges(&g, &extra, NULL);
    igraph_vector_int_destroy(&extra);
    igraph_integer_t ec = igraph_ecount(&g);
    igraph_vector_t lengths;
    igraph_vector_init(&lengths, ec);
    for (igraph_integer_t e = 0; e < ec; ++e) {
        /* 1/weight as analyse.c makes them: weights are small integers */
        double w = 1 + (double)RNG_INTEGER(0, levels - 1);
        VECTOR(lengths)[e] = 1.0 / w;
    }
    igraph_vector_t ib, ih;
    igraph_vector_init(&ib, 0);
    igraph_vector_init(&ih, 0);
    assert(igraph_betweenness(&g, &ib, igraph_vss_all(), 0, &lengths) ==
           IGRAPH_SUCCESS);
    assert(igraph_harmonic_centrality(&g, &ih, igraph_vss_all(), IGRAPH_ALL,
                                      &lengths, 0) == IGRAPH_SUCCESS);
    Arcs a;
    arcs_of(&g, &lengths, &a);
    VnkgPathGraph pg = {a.n, a.off, a.head, a.len};
    size_t *src = malloc((size_t)n * sizeof *src);
    assert(src);
    for (size_t i = 0; i < (size_t)n; ++i) {
        src[i] = i;
    }
    double *b1 = calloc((size_t)n, sizeof *b1), *h1 = calloc((size_t)n, 8);
    double *b3 = calloc((size_t)n, sizeof *b3), *h3 = calloc((size_t)n, 8);
    assert(b1 && h1 && b3 && h3);
    assert(vnkg_paths_from_sources(ctx, &pg, src, (size_t)n, 1, b1, h1) ==
           VNKG_SUCCESS);
    assert(vnkg_paths_from_sources(ctx, &pg, src, (size_t)n, 3, b3, h3) ==
           VNKG_SUCCESS);
    double worst_b = 0, worst_h = 0;
    for (igraph_integer_t v = 0; v < n; ++v) {
        /* undirected: every pair is seen from both ends */
        worst_b = fmax(worst_b, rel_err(0.5 * b1[v], VECTOR(ib)[v]));
        worst_h = fmax(worst_h, rel_err(h1[v], VECTOR(ih)[v]));
        assert(memcmp(&b1[v], &b3[v], sizeof(double)) == 0);
        assert(memcmp(&h1[v], &h3[v], sizeof(double)) == 0);
    }
    printf("n=%ld m=%ld levels=%d: max relative difference from igraph: "
           "betweenness %.2e, harmonic %.2e\n",
           (long)n, (long)ec, levels, worst_b, worst_h);
    assert(worst_b < 1e-9);
    assert(worst_h < 1e-9);
    free(src);
    free(b1);
    free(h1);
    free(b3);
    free(h3);
    arcs_free(&a);
    igraph_vector_destroy(&ib);
    igraph_vector_destroy(&ih);
    igraph_vector_destroy(&lengths);
    igraph_destroy(&g);
}

/* Each allocation failing in turn: VNKG_ERR_NO_MEMORY, nothing leaked,
 * and with threads too (the workers allocate nothing themselves). */
static void
check_no_memory(void)
{
    size_t off[] = {0, 1, 3, 4}, head[] = {1, 0, 2, 1}, src[] = {0, 1, 2};
    double len[] = {1, 1, 1, 1};
    VnkgPathGraph pg = {3, off, head, len};
    int succeeded = 0;
    for (long n = 0; !succeeded && n < 1000; ++n) {
        FailAlloc s = {n, 0, 0};
        VnkgAllocator a = {fa_malloc, fa_realloc, fa_free, &s};
        VnkgContext *fctx;
        if (vnkg_context_new_with(&fctx, &a) != VNKG_SUCCESS) {
            continue;
        }
        double b[3] = {0}, h[3] = {0};
        VnkgStatus st = vnkg_paths_from_sources(fctx, &pg, src, 3, 2, b, h);
        assert(st == VNKG_SUCCESS || st == VNKG_ERR_NO_MEMORY);
        if (st == VNKG_SUCCESS) {
            succeeded = 1;
            /* the path 0 - 1 - 2: node 1 lies between 0 and 2 */
            assert(b[1] == 2 && b[0] == 0 && b[2] == 0);
            assert(h[0] == 1.5 && h[1] == 2 && h[2] == 1.5);
        }
        vnkg_context_free(fctx);
        assert(s.live == 0);
    }
    assert(succeeded);
}

int
main(void)
{
    assert(vnkg_context_new(&ctx) == VNKG_SUCCESS);
    check_graph(1, 60, 90, 1);    /* unit lengths: many ties */
    check_graph(2, 300, 900, 3);  /* lengths 1, 1/2, 1/3 */
    check_graph(3, 500, 700, 50); /* sparse, several components */
    check_graph(4, 200, 3000, 2); /* dense */
    check_no_memory();
    /* nothing to do is not an error */
    VnkgPathGraph empty = {0, NULL, NULL, NULL};
    assert(vnkg_paths_from_sources(ctx, &empty, NULL, 0, 2, NULL, NULL) ==
           VNKG_SUCCESS);
    vnkg_context_free(ctx);
    printf("ok\n");
    return 0;
}
