/* SPDX-License-Identifier: MIT */
/* igraph 0.10 analysis. Attributes stay in our arrays (DESIGN.md); igraph
 * only sees the edge list and weight vectors. */
#include "paths.h"

#include <vnkg/analyse.h>

#include <igraph.h>

#ifdef _OPENMP
#include <omp.h>
#endif

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define IG(expr) ((expr) == IGRAPH_SUCCESS ? VNKG_SUCCESS : VNKG_ERR_GRAPH)

void
vnkg_analyse_options_init(VnkgAnalyseOptions *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->betweenness_cutoff = -1.0;
    opts->layout = 1;
    opts->auto_budget = 1e7;
    opts->auto_samples_min = 100;
    opts->threads = 1;
}

typedef struct {
    igraph_t g;              /* undirected view of the kept edges */
    igraph_vector_t weights; /* strengths */
    igraph_vector_t lengths; /* 1/weight, for path-based measures */
    int ready;
} View;

static int
edge_kept(const VnkgGraph *graph, const VnkgEdge *e,
          const VnkgAnalyseOptions *o)
{
    if (o->relations && !(o->relations & (1u << e->relation))) {
        return 0;
    }
    if (o->types && (!(o->types & (1u << graph->nodes[e->source].type)) ||
                     !(o->types & (1u << graph->nodes[e->target].type)))) {
        return 0;
    }
    return e->source != e->target;
}

static VnkgStatus
build_view(const VnkgGraph *graph, const VnkgAnalyseOptions *o, View *v)
{
    igraph_vector_int_t el;
    if (igraph_vector_int_init(&el, 0) != IGRAPH_SUCCESS) {
        return VNKG_ERR_NO_MEMORY;
    }
    if (igraph_vector_init(&v->weights, 0) != IGRAPH_SUCCESS) {
        igraph_vector_int_destroy(&el);
        return VNKG_ERR_NO_MEMORY;
    }
    VnkgStatus st = VNKG_SUCCESS;
    for (size_t i = 0; st == VNKG_SUCCESS && i < graph->n_edges; ++i) {
        const VnkgEdge *e = &graph->edges[i];
        if (!edge_kept(graph, e, o)) {
            continue;
        }
        double w = e->weight > 0 ? e->weight : 1.0;
        if (igraph_vector_int_push_back(&el, (igraph_integer_t)e->source) ||
            igraph_vector_int_push_back(&el, (igraph_integer_t)e->target) ||
            igraph_vector_push_back(&v->weights, w)) {
            st = VNKG_ERR_NO_MEMORY;
        }
    }
    if (st == VNKG_SUCCESS) {
        st = IG(igraph_create(&v->g, &el, (igraph_integer_t)graph->n_nodes,
                              IGRAPH_UNDIRECTED));
    }
    igraph_vector_int_destroy(&el);
    if (st != VNKG_SUCCESS) {
        igraph_vector_destroy(&v->weights);
        return st;
    }
    igraph_integer_t m = igraph_vector_size(&v->weights);
    if (igraph_vector_init(&v->lengths, m) != IGRAPH_SUCCESS) {
        igraph_destroy(&v->g);
        igraph_vector_destroy(&v->weights);
        return VNKG_ERR_NO_MEMORY;
    }
    for (igraph_integer_t k = 0; k < m; ++k) {
        VECTOR(v->lengths)[k] = 1.0 / VECTOR(v->weights)[k];
    }
    v->ready = 1;
    return VNKG_SUCCESS;
}

static void
view_destroy(View *v)
{
    if (v->ready) {
        igraph_destroy(&v->g);
        igraph_vector_destroy(&v->weights);
        igraph_vector_destroy(&v->lengths);
        v->ready = 0;
    }
}

/* In and out degree come from the directed edge list itself. */
static void
directed_degrees(VnkgGraph *graph, const VnkgAnalyseOptions *o)
{
    for (size_t i = 0; i < graph->n_edges; ++i) {
        const VnkgEdge *e = &graph->edges[i];
        if (edge_kept(graph, e, o)) {
            graph->nodes[e->source].out_degree += 1;
            graph->nodes[e->target].in_degree += 1;
        }
    }
}

static VnkgStatus
degrees(View *v, VnkgGraph *graph)
{
    igraph_vector_t res;
    if (igraph_vector_init(&res, 0) != IGRAPH_SUCCESS) {
        return VNKG_ERR_NO_MEMORY;
    }
    VnkgStatus st =
        IG(igraph_strength(&v->g, &res, igraph_vss_all(), IGRAPH_ALL, 1, NULL));
    for (size_t i = 0; st == VNKG_SUCCESS && i < graph->n_nodes; ++i) {
        graph->nodes[i].degree = VECTOR(res)[i];
    }
    if (st == VNKG_SUCCESS) {
        st = IG(igraph_strength(&v->g, &res, igraph_vss_all(), IGRAPH_ALL, 1,
                                &v->weights));
    }
    for (size_t i = 0; st == VNKG_SUCCESS && i < graph->n_nodes; ++i) {
        graph->nodes[i].strength = VECTOR(res)[i];
    }
    igraph_vector_destroy(&res);
    return st;
}

static VnkgStatus
spectral(View *v, VnkgGraph *graph)
{
    igraph_vector_t res;
    igraph_real_t value;
    if (igraph_vector_init(&res, 0) != IGRAPH_SUCCESS) {
        return VNKG_ERR_NO_MEMORY;
    }
#ifdef _OPENMP
    /* PRPACK sums in an OpenMP team when igraph has OpenMP: the order of
     * the partial sums, and so the last digits, would change from run to
     * run. One thread (this thread's setting only) keeps the bytes. */
    omp_set_num_threads(1);
#endif
    VnkgStatus st =
        IG(igraph_pagerank(&v->g, IGRAPH_PAGERANK_ALGO_PRPACK, &res, &value,
                           igraph_vss_all(), 0, 0.85, &v->weights, NULL));
    for (size_t i = 0; st == VNKG_SUCCESS && i < graph->n_nodes; ++i) {
        graph->nodes[i].pagerank = VECTOR(res)[i];
    }
    if (st == VNKG_SUCCESS && igraph_ecount(&v->g) > 0) {
        st = IG(igraph_eigenvector_centrality(&v->g, &res, &value, 0, 1,
                                              &v->weights, NULL));
        for (size_t i = 0; st == VNKG_SUCCESS && i < graph->n_nodes; ++i) {
            graph->nodes[i].eigenvector = VECTOR(res)[i];
        }
    }
    igraph_vector_destroy(&res);
    return st;
}

/* Betweenness from k sources drawn with the seeded RNG, scaled by n/k:
 * the estimator of Brandes & Pich (2007), "Centrality estimation in large
 * networks". */
/* The view as arcs for src/analyse/paths.c: each edge both ways. */
static VnkgStatus
path_graph(VnkgContext *ctx, View *v, VnkgPathGraph *pg, void **mem)
{
    size_t n = (size_t)igraph_vcount(&v->g), m = (size_t)igraph_ecount(&v->g);
    size_t bytes, arcs = 2 * m;
    VNKG_TRY(
        vnkg_size_mul(&bytes, arcs + n + 1, sizeof(size_t) + sizeof(double)));
    char *p = *mem = vnkg_malloc(ctx, bytes);
    if (!p) {
        return VNKG_ERR_NO_MEMORY;
    }
    size_t *off = (size_t *)p, *head = off + n + 1;
    double *len = (double *)(head + arcs);
    memset(off, 0, (n + 1) * sizeof *off);
    for (size_t e = 0; e < m; ++e) {
        off[IGRAPH_FROM(&v->g, e) + 1]++;
        off[IGRAPH_TO(&v->g, e) + 1]++;
    }
    for (size_t i = 0; i < n; ++i) {
        off[i + 1] += off[i];
    }
    /* fill by a moving cursor per node, then restore the offsets */
    for (size_t e = 0; e < m; ++e) {
        size_t a = (size_t)IGRAPH_FROM(&v->g, e),
               b = (size_t)IGRAPH_TO(&v->g, e);
        double l = VECTOR(v->lengths)[e];
        head[off[a]] = b;
        len[off[a]++] = l;
        head[off[b]] = a;
        len[off[b]++] = l;
    }
    for (size_t i = n; i > 0; --i) {
        off[i] = off[i - 1];
    }
    off[0] = 0;
    *pg = (VnkgPathGraph){n, off, head, len};
    return VNKG_SUCCESS;
}

/* The path measures: exact ones (igraph) at once; sampled ones (our
 * Dijkstras) started on helper threads by paths_start, so that the
 * igraph measures that follow run beside them, and collected by
 * paths_finish. The seeded sources are drawn in paths_start either way,
 * so the random numbers the later measures draw do not change. */
typedef struct {
    VnkgPathsJob *job; /* sampled run under way, or NULL */
    VnkgPathGraph pg;
    void *mem; /* pg's arrays */
    size_t *sources;
    size_t samples;
    double *sums;  /* n betweenness sums, n harmonic sums, then the sums of
                      their terms' squares */
    int automatic; /* harmonic from the same sources */
} Paths;

static VnkgStatus
sample_sources(VnkgContext *ctx, size_t n, size_t samples, size_t **out)
{
    igraph_vector_int_t src;
    if (igraph_vector_int_init(&src, 0) != IGRAPH_SUCCESS) {
        return VNKG_ERR_NO_MEMORY;
    }
    VnkgStatus st = IG(igraph_random_sample(&src, 0, (igraph_integer_t)n - 1,
                                            (igraph_integer_t)samples));
    size_t k = st == VNKG_SUCCESS ? (size_t)igraph_vector_int_size(&src) : 0;
    *out = vnkg_malloc(ctx, (k + 1) * sizeof **out);
    if (!*out && st == VNKG_SUCCESS) {
        st = VNKG_ERR_NO_MEMORY;
    }
    for (size_t i = 0; st == VNKG_SUCCESS && i < k; ++i) {
        (*out)[i] = (size_t)VECTOR(src)[i];
    }
    igraph_vector_int_destroy(&src);
    return st;
}

/* Exact betweenness (with the cutoff, if any) and harmonic centrality. */
static VnkgStatus
exact_paths(View *v, VnkgGraph *graph, double cutoff)
{
    igraph_vector_t res;
    if (igraph_vector_init(&res, 0) != IGRAPH_SUCCESS) {
        return VNKG_ERR_NO_MEMORY;
    }
    VnkgStatus st = IG(igraph_betweenness_cutoff(&v->g, &res, igraph_vss_all(),
                                                 0, &v->lengths, cutoff));
    graph->betweenness_cutoff = cutoff;
    for (size_t i = 0; st == VNKG_SUCCESS && i < graph->n_nodes; ++i) {
        graph->nodes[i].betweenness = VECTOR(res)[i];
    }
    if (st == VNKG_SUCCESS) {
        st = IG(igraph_harmonic_centrality(&v->g, &res, igraph_vss_all(),
                                           IGRAPH_ALL, &v->lengths, 1));
    }
    for (size_t i = 0; st == VNKG_SUCCESS && i < graph->n_nodes; ++i) {
        graph->nodes[i].harmonic = VECTOR(res)[i];
    }
    igraph_vector_destroy(&res);
    return st;
}

static VnkgStatus
paths_start(VnkgContext *ctx, View *v, VnkgGraph *graph,
            const VnkgAnalyseOptions *o, Paths *p)
{
    size_t n = graph->n_nodes, samples = o->betweenness_samples;
    double cutoff = o->betweenness_cutoff;
    double work = (double)n * (double)igraph_ecount(&v->g);
    p->automatic = o->auto_budget > 0 && work > o->auto_budget &&
                   samples == 0 && cutoff < 0;
    if (p->automatic) { /* exact path measures are O(|V||E|) */
        double k = o->auto_budget / (double)(igraph_ecount(&v->g) + 1);
        samples =
            k > (double)o->auto_samples_min ? (size_t)k : o->auto_samples_min;
    }
    if (samples == 0 || samples >= n) {
        return exact_paths(v, graph, cutoff);
    }
    VNKG_TRY(sample_sources(ctx, n, samples, &p->sources));
    p->samples = samples;
    VNKG_TRY(path_graph(ctx, v, &p->pg, &p->mem));
    p->sums = vnkg_calloc(ctx, 4 * n, sizeof *p->sums);
    if (!p->sums) {
        return VNKG_ERR_NO_MEMORY;
    }
    /* the helpers take the other -j threads; this one joins them in
     * paths_finish, after the igraph measures */
    size_t helpers = o->threads > 1 ? o->threads - 1 : 0;
    VNKG_TRY(vnkg_paths_start(ctx, &p->pg, p->sources, samples, helpers, 1,
                              &p->job));
    if (p->automatic) {
        return VNKG_SUCCESS;
    }
    /* samples asked for betweenness only: harmonic stays exact */
    igraph_vector_t res;
    if (igraph_vector_init(&res, 0) != IGRAPH_SUCCESS) {
        return VNKG_ERR_NO_MEMORY;
    }
    VnkgStatus st = IG(igraph_harmonic_centrality(&v->g, &res, igraph_vss_all(),
                                                  IGRAPH_ALL, &v->lengths, 1));
    for (size_t i = 0; st == VNKG_SUCCESS && i < n; ++i) {
        graph->nodes[i].harmonic = VECTOR(res)[i];
    }
    igraph_vector_destroy(&res);
    return st;
}

typedef struct {
    double value;
    size_t index;
} Scored;

static int
cmp_scored_desc(const void *a, const void *b)
{
    const Scored *x = a, *y = b;
    if (x->value != y->value) {
        return x->value > y->value ? -1 : 1;
    }
    return (x->index > y->index) - (x->index < y->index);
}

static int
cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The estimated relative standard error of the estimate scale * sum at
 * node v, from the k sampled terms (sum, sum of squares) and the finite
 * population of n sources; 0 where the estimate is 0. */
static double
rel_error(double sum, double sum2, size_t k, size_t n)
{
    if (sum <= 0 || k < 2) {
        return 0;
    }
    double mean = sum / (double)k;
    double var = sum2 / (double)k - mean * mean;
    if (var <= 0) {
        return 0;
    }
    double fpc = n > 1 ? (double)(n - k) / (double)(n - 1) : 0;
    /* sd of the mean of k draws, relative to the mean */
    return sqrt(var / (double)k * fpc) / mean;
}

/* The median of x[0..n) (sorted in place), 0 for none. */
static double
median(double *x, size_t n)
{
    if (n == 0) {
        return 0;
    }
    qsort(x, n, sizeof *x, cmp_double);
    return n % 2 ? x[n / 2] : (x[n / 2 - 1] + x[n / 2]) / 2;
}

/* Medians of the relative errors over the VNKG_ERROR_TOP and the ten
 * nodes with the highest sums. `sum`, `sum2`: n each. */
static VnkgStatus
summarise_error(VnkgContext *ctx, const double *sum, const double *sum2,
                size_t n, size_t k, double *top, double *top10)
{
    Scored *s = vnkg_malloc(ctx, (n + 1) * sizeof *s);
    double *e = vnkg_malloc(ctx, (VNKG_ERROR_TOP + 1) * sizeof *e);
    if (!s || !e) {
        vnkg_free(ctx, s);
        vnkg_free(ctx, e);
        return VNKG_ERR_NO_MEMORY;
    }
    for (size_t i = 0; i < n; ++i) {
        s[i] = (Scored){sum[i], i};
    }
    qsort(s, n, sizeof *s, cmp_scored_desc);
    size_t m = 0;
    for (size_t i = 0; i < n && m < VNKG_ERROR_TOP && s[i].value > 0; ++i) {
        e[m++] = rel_error(sum[s[i].index], sum2[s[i].index], k, n);
    }
    double e10[10];
    size_t m10 = m < 10 ? m : 10;
    memcpy(e10, e, m10 * sizeof *e10);
    *top10 = median(e10, m10);
    *top = median(e, m);
    vnkg_free(ctx, s);
    vnkg_free(ctx, e);
    return VNKG_SUCCESS;
}

/* Betweenness (Brandes & Pich 2007: scaled by n/k) and harmonic
 * centrality (Eppstein & Wang 2004: H(v) ~ (n-1)/k * sum of 1/d(s, v)
 * over the sampled s != v, normalised like igraph's by n-1, so 1/k) from
 * the k sampled sources. The view is undirected: like igraph, a pair's
 * paths count half from each end. Frees what paths_start made, on
 * success or not. */
static VnkgStatus
paths_finish(VnkgContext *ctx, VnkgGraph *graph, Paths *p)
{
    size_t n = graph->n_nodes, k = p->samples;
    VnkgStatus st = VNKG_SUCCESS;
    if (p->job) {
        double *b = p->sums, *h = b + n, *b2 = h + n, *h2 = b2 + n;
        st = vnkg_paths_finish(ctx, p->job, b, h, b2, h2);
        if (st == VNKG_SUCCESS) {
            double bscale = 0.5 * (double)n / (double)k;
            for (size_t i = 0; i < n; ++i) {
                graph->nodes[i].betweenness = b[i] * bscale;
            }
            graph->betweenness_sources = k;
            st = summarise_error(ctx, b, b2, n, k, &graph->betweenness_error,
                                 &graph->betweenness_error_top10);
        }
        if (st == VNKG_SUCCESS && p->automatic) {
            /* else the exact harmonic centrality */
            double hscale = 1.0 / (double)k;
            for (size_t i = 0; i < n; ++i) {
                graph->nodes[i].harmonic = h[i] * hscale;
            }
            graph->harmonic_sources = k;
            st = summarise_error(ctx, h, h2, n, k, &graph->harmonic_error,
                                 &graph->harmonic_error_top10);
        }
    }
    vnkg_free(ctx, p->sums);
    vnkg_free(ctx, p->mem);
    vnkg_free(ctx, p->sources);
    memset(p, 0, sizeof *p);
    return st;
}

typedef struct {
    long id;
    size_t size;
    size_t first;
} Group;

static int
cmp_group(const void *a, const void *b)
{
    const Group *x = a, *y = b;
    if (x->size != y->size) {
        return x->size > y->size ? -1 : 1;
    }
    return (x->first > y->first) - (x->first < y->first);
}

/* Renumbers a membership so that 0 is the largest group, ties broken by
 * the smallest node index: the same partition always prints the same. */
static VnkgStatus
renumber(VnkgContext *ctx, igraph_vector_int_t *mem, long *out_count)
{
    igraph_integer_t n = igraph_vector_int_size(mem);
    igraph_integer_t groups = n ? igraph_vector_int_max(mem) + 1 : 0;
    Group *g = vnkg_calloc(ctx, (size_t)groups + 1, sizeof *g);
    long *map = vnkg_calloc(ctx, (size_t)groups + 1, sizeof *map);
    if (!g || !map) {
        vnkg_free(ctx, g);
        vnkg_free(ctx, map);
        return VNKG_ERR_NO_MEMORY;
    }
    for (igraph_integer_t k = 0; k < groups; ++k) {
        g[k] = (Group){(long)k, 0, SIZE_MAX};
    }
    for (igraph_integer_t i = 0; i < n; ++i) {
        Group *x = &g[VECTOR(*mem)[i]];
        if (x->size++ == 0) {
            x->first = (size_t)i;
        }
    }
    qsort(g, (size_t)groups, sizeof *g, cmp_group);
    for (igraph_integer_t k = 0; k < groups; ++k) {
        map[g[k].id] = (long)k;
    }
    for (igraph_integer_t i = 0; i < n; ++i) {
        VECTOR(*mem)[i] = map[VECTOR(*mem)[i]];
    }
    *out_count = (long)groups;
    vnkg_free(ctx, g);
    vnkg_free(ctx, map);
    return VNKG_SUCCESS;
}

static VnkgStatus
components(VnkgContext *ctx, View *v, VnkgGraph *graph)
{
    igraph_vector_int_t mem;
    igraph_integer_t no;
    if (igraph_vector_int_init(&mem, 0) != IGRAPH_SUCCESS) {
        return VNKG_ERR_NO_MEMORY;
    }
    VnkgStatus st =
        IG(igraph_connected_components(&v->g, &mem, NULL, &no, IGRAPH_WEAK));
    if (st == VNKG_SUCCESS) {
        st = renumber(ctx, &mem, &graph->n_components);
    }
    for (size_t i = 0; st == VNKG_SUCCESS && i < graph->n_nodes; ++i) {
        graph->nodes[i].component = VECTOR(mem)[i];
    }
    igraph_vector_int_destroy(&mem);
    return st;
}

/* Leiden with the modularity objective: node weights = strengths and
 * resolution 1/(2m) (igraph 0.10 docs, community_leiden). Passes stop
 * when one gains less than LEIDEN_GAIN in modularity: on the 10k and 100k
 * bench graphs the fifth pass gains 2-3e-6 and the next five 5e-6 in all,
 * at 0.2 s a pass on the larger. */
#define LEIDEN_GAIN 1e-5
#define LEIDEN_PASSES 10
static VnkgStatus
communities(VnkgContext *ctx, View *v, VnkgGraph *graph)
{
    igraph_vector_int_t mem;
    igraph_vector_t nodew;
    igraph_integer_t nb;
    igraph_real_t quality, q = 0;
    if (igraph_vector_int_init(&mem, 0) != IGRAPH_SUCCESS) {
        return VNKG_ERR_NO_MEMORY;
    }
    if (igraph_vector_init(&nodew, 0) != IGRAPH_SUCCESS) {
        igraph_vector_int_destroy(&mem);
        return VNKG_ERR_NO_MEMORY;
    }
    double m = igraph_vector_sum(&v->weights);
    VnkgStatus st = IG(igraph_strength(&v->g, &nodew, igraph_vss_all(),
                                       IGRAPH_ALL, 1, &v->weights));
    if (st == VNKG_SUCCESS && m > 0) {
        /* 0.10.2 does not iterate to convergence with n < 0: one pass at a
         * time, each from the last one's partition (what its own loop
         * does), until a pass gains less than LEIDEN_GAIN or
         * LEIDEN_PASSES were made */
        double last = -INFINITY;
        for (int pass = 0; st == VNKG_SUCCESS && pass < LEIDEN_PASSES; ++pass) {
            st = IG(igraph_community_leiden(&v->g, &v->weights, &nodew,
                                            1.0 / (2.0 * m), 0.01, pass > 0, 1,
                                            &mem, &nb, &quality));
            if (quality - last < LEIDEN_GAIN) {
                break;
            }
            last = quality;
        }
        if (st == VNKG_SUCCESS) {
            st = IG(igraph_modularity(&v->g, &mem, &v->weights, 1.0, 0, &q));
        }
    } else if (st == VNKG_SUCCESS) {
        st = IG(igraph_vector_int_resize(&mem, igraph_vcount(&v->g)));
        for (igraph_integer_t i = 0; i < igraph_vcount(&v->g); ++i) {
            VECTOR(mem)[i] = i;
        }
    }
    if (st == VNKG_SUCCESS) {
        st = renumber(ctx, &mem, &graph->n_communities);
    }
    for (size_t i = 0; st == VNKG_SUCCESS && i < graph->n_nodes; ++i) {
        graph->nodes[i].community = VECTOR(mem)[i];
    }
    graph->modularity = isfinite(q) ? q : 0.0;
    igraph_vector_int_destroy(&mem);
    igraph_vector_destroy(&nodew);
    return st;
}

/* A force-directed layout (Fruchterman-Reingold, igraph 0.10) so Gephi
 * opens a laid-out graph; coordinates scaled for Gephi's canvas. */
static VnkgStatus
layout(View *v, VnkgGraph *graph)
{
    igraph_matrix_t pos;
    if (igraph_matrix_init(&pos, 0, 0) != IGRAPH_SUCCESS) {
        return VNKG_ERR_NO_MEMORY;
    }
    /* Fruchterman-Reingold on a grid above 1,000 nodes; fewer passes as the
     * graph grows (measured: DrL took 9 s on 3,000 nodes, this < 1 s) */
    igraph_integer_t n = igraph_vcount(&v->g);
    igraph_integer_t passes = n <= 1000 ? 500 : n <= 10000 ? 150 : 60;
    VnkgStatus st = IG(igraph_layout_fruchterman_reingold(
        &v->g, &pos, 0, passes, sqrt((double)n), IGRAPH_LAYOUT_AUTOGRID,
        &v->weights, NULL, NULL, NULL, NULL));
    for (igraph_integer_t i = 0; st == VNKG_SUCCESS && i < n; ++i) {
        graph->nodes[i].x = MATRIX(pos, i, 0) * 50.0;
        graph->nodes[i].y = MATRIX(pos, i, 1) * 50.0;
    }
    igraph_matrix_destroy(&pos);
    return st;
}

static void
sizes(VnkgGraph *graph)
{
    double max = 0;
    for (size_t i = 0; i < graph->n_nodes; ++i) {
        max = fmax(max, graph->nodes[i].pagerank);
    }
    for (size_t i = 0; i < graph->n_nodes; ++i) {
        double r = max > 0 ? graph->nodes[i].pagerank / max : 0;
        graph->nodes[i].size = 5.0 + 45.0 * sqrt(r);
    }
}

static void
reset_scores(VnkgGraph *graph)
{
    graph->betweenness_sources = 0;
    graph->betweenness_cutoff = -1;
    graph->harmonic_cutoff = -1;
    graph->harmonic_sources = 0;
    graph->betweenness_error = graph->betweenness_error_top10 = 0;
    graph->harmonic_error = graph->harmonic_error_top10 = 0;
    graph->modularity = 0;
    graph->n_communities = 0;
    graph->n_components = 0;
    for (size_t i = 0; i < graph->n_nodes; ++i) {
        VnkgNode *n = &graph->nodes[i];
        n->degree = n->in_degree = n->out_degree = n->strength = 0;
        n->pagerank = n->betweenness = n->harmonic = n->eigenvector = 0;
        n->component = n->community = -1;
    }
}

static VnkgStatus
run(VnkgContext *ctx, View *v, VnkgGraph *graph, const VnkgAnalyseOptions *o)
{
    VNKG_TRY(degrees(v, graph));
    directed_degrees(graph, o);
    VNKG_TRY(spectral(v, graph));
    /* sampled path measures run on helper threads beside the rest */
    Paths p;
    memset(&p, 0, sizeof p);
    VnkgStatus st = paths_start(ctx, v, graph, o, &p);
    if (st == VNKG_SUCCESS) {
        st = components(ctx, v, graph);
    }
    if (st == VNKG_SUCCESS) {
        st = communities(ctx, v, graph);
    }
    if (st == VNKG_SUCCESS && o->layout) {
        st = layout(v, graph);
    }
    VnkgStatus fin = paths_finish(ctx, graph, &p); /* also on failure */
    if (st == VNKG_SUCCESS) {
        st = fin;
    }
    if (st == VNKG_SUCCESS) {
        sizes(graph);
    }
    return st;
}

VnkgStatus
vnkg_analyse_run(VnkgContext *ctx, VnkgGraph *graph,
                 const VnkgAnalyseOptions *opts)
{
    VnkgAnalyseOptions def;
    if (!opts) {
        vnkg_analyse_options_init(&def);
        opts = &def;
    }
    reset_scores(graph);
    if (graph->n_nodes == 0) {
        return VNKG_SUCCESS;
    }
    /* Leiden, sampling and layout draw from igraph's default RNG, which is
     * process-wide: install our own seeded one for the call and put the
     * previous one back, so runs are reproducible and callers unaffected.
     * igraph 0.10 copies the struct in igraph_rng_set_default, so the
     * previous one is kept as a copy: a pointer to the default would see
     * ours, freed below. */
    igraph_rng_t rng, prev = *igraph_rng_default();
    if (igraph_rng_init(&rng, &igraph_rngtype_pcg32) != IGRAPH_SUCCESS) {
        return VNKG_ERR_NO_MEMORY;
    }
    igraph_rng_seed(&rng, (igraph_uint_t)vnkg_context_seed(ctx));
    igraph_rng_set_default(&rng);
    View v;
    memset(&v, 0, sizeof v);
    VnkgStatus st = build_view(graph, opts, &v);
    if (st == VNKG_SUCCESS) {
        st = run(ctx, &v, graph, opts);
    }
    view_destroy(&v);
    igraph_rng_set_default(&prev);
    igraph_rng_destroy(&rng);
    if (st == VNKG_ERR_GRAPH) {
        vnkg_diag(ctx, st, "igraph failed during analysis");
    }
    return st;
}
