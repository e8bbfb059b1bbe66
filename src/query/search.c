/* SPDX-License-Identifier: MIT */
/* The questions: which node a name means, its neighbours, a shortest path,
 * the top nodes by a measure, and the counts of the whole graph. */
#include "query_internal.h"

#include <vnkg/normalise.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const match_names[] = {"label", "id", "folded_label",
                                          "alias", "folded_id"};

const char *
vnkg_query_match_name(VnkgMatch how)
{
    unsigned i = (unsigned)how;
    return i < sizeof match_names / sizeof *match_names ? match_names[i] : NULL;
}

void
vnkg_query_matches_clear(VnkgContext *ctx, VnkgQueryMatches *m)
{
    vnkg_free(ctx, m->nodes);
    m->nodes = NULL;
    m->count = 0;
}

void
vnkg_query_steps_clear(VnkgContext *ctx, VnkgQuerySteps *s)
{
    vnkg_free(ctx, s->steps);
    s->steps = NULL;
    s->count = 0;
}

/* Folded form for loose comparison: vnkg_normalise_fold, then every run of
 * spaces (and of '-' and '_' when `dashes`) becomes one space, trimmed. */
static VnkgStatus
fold(VnkgContext *ctx, const char *s, size_t len, int dashes, char **out)
{
    VNKG_TRY(vnkg_normalise_fold(ctx, s, len, out));
    char *p = *out;
    size_t w = 0;
    int space = 0;
    for (size_t i = 0; p[i]; ++i) {
        char c = p[i];
        if (c == ' ' || c == '\t' || c == '\n' ||
            (dashes && (c == '-' || c == '_'))) {
            space = w > 0;
            continue;
        }
        if (space) {
            p[w++] = ' ';
            space = 0;
        }
        p[w++] = c;
    }
    p[w] = '\0';
    return VNKG_SUCCESS;
}

/* 1 when the folded `s` (of `len` bytes) equals `key`, 0 when not. */
static VnkgStatus
folded_equal(VnkgContext *ctx, const char *s, size_t len, int dashes,
             const char *key, int *out)
{
    char *f;
    VNKG_TRY(fold(ctx, s, len, dashes, &f));
    *out = strcmp(f, key) == 0;
    vnkg_free(ctx, f);
    return VNKG_SUCCESS;
}

static VnkgStatus
alias_matches(VnkgContext *ctx, const char *aliases, const char *key, int *out)
{
    *out = 0;
    const char *p = aliases ? aliases : "";
    while (*p && !*out) {
        size_t n = strcspn(p, "|");
        VNKG_TRY(folded_equal(ctx, p, n, 0, key, out));
        p += n + (p[n] == '|');
    }
    return VNKG_SUCCESS;
}

/* Whether node `n` matches at `level`; `key` is the folded name for the
 * label and alias levels and the dash-folded name for the id level. */
static VnkgStatus
matches(VnkgContext *ctx, const VnkgNode *n, VnkgMatch level, const char *name,
        const char *key, const char *id_key, int *out)
{
    *out = 0;
    switch (level) {
    case VNKG_MATCH_LABEL:
        *out = n->label && strcmp(n->label, name) == 0;
        return VNKG_SUCCESS;
    case VNKG_MATCH_ID:
        *out = strcmp(n->id, name) == 0;
        return VNKG_SUCCESS;
    case VNKG_MATCH_FOLDED_LABEL:
        return n->label
                   ? folded_equal(ctx, n->label, strlen(n->label), 0, key, out)
                   : VNKG_SUCCESS;
    case VNKG_MATCH_ALIAS:
        return alias_matches(ctx, n->aliases, key, out);
    case VNKG_MATCH_FOLDED_ID: {
        const char *slash = strrchr(n->id, '/');
        VNKG_TRY(folded_equal(ctx, n->id, strlen(n->id), 1, id_key, out));
        if (!*out && slash) {
            VNKG_TRY(folded_equal(ctx, slash + 1, strlen(slash + 1), 1, id_key,
                                  out));
        }
        return VNKG_SUCCESS;
    }
    }
    return VNKG_SUCCESS;
}

static VnkgStatus
find_at(VnkgContext *ctx, const VnkgGraph *g, VnkgMatch level, const char *name,
        const char *key, const char *id_key, VnkgQueryMatches *out)
{
    for (size_t i = 0; i < g->n_nodes; ++i) {
        int hit;
        VNKG_TRY(matches(ctx, &g->nodes[i], level, name, key, id_key, &hit));
        if (hit) {
            out->nodes[out->count++] = i;
        }
    }
    out->how = level;
    return VNKG_SUCCESS;
}

VnkgStatus
vnkg_query_find(VnkgContext *ctx, const VnkgGraph *graph, const char *name,
                VnkgQueryMatches *out)
{
    memset(out, 0, sizeof *out);
    char *key = NULL, *id_key = NULL;
    VnkgStatus st = fold(ctx, name, strlen(name), 0, &key);
    if (st == VNKG_SUCCESS) {
        st = fold(ctx, name, strlen(name), 1, &id_key);
    }
    if (st == VNKG_SUCCESS) {
        out->nodes = vnkg_calloc(ctx, graph->n_nodes + 1, sizeof *out->nodes);
        st = out->nodes ? VNKG_SUCCESS : VNKG_ERR_NO_MEMORY;
    }
    for (int level = VNKG_MATCH_LABEL;
         st == VNKG_SUCCESS && out->count == 0 && level <= VNKG_MATCH_FOLDED_ID;
         ++level) {
        st = find_at(ctx, graph, (VnkgMatch)level, name, key, id_key, out);
    }
    vnkg_free(ctx, key);
    vnkg_free(ctx, id_key);
    if (st == VNKG_SUCCESS && out->count == 0) {
        st = VNKG_FAILURE;
    }
    if (st != VNKG_SUCCESS) {
        vnkg_query_matches_clear(ctx, out);
    }
    return st;
}

VnkgStatus
vnkg_query_neighbours(VnkgContext *ctx, const VnkgGraph *graph, size_t node,
                      const VnkgRelation *relation, VnkgQuerySteps *out)
{
    memset(out, 0, sizeof *out);
    size_t n = 0;
    for (size_t i = 0; i < graph->n_edges; ++i) {
        const VnkgEdge *e = &graph->edges[i];
        n += (e->source == node || e->target == node) &&
             (!relation || e->relation == *relation);
    }
    out->steps = vnkg_calloc(ctx, n + 1, sizeof *out->steps);
    if (!out->steps) {
        return VNKG_ERR_NO_MEMORY;
    }
    for (size_t i = 0; i < graph->n_edges; ++i) {
        const VnkgEdge *e = &graph->edges[i];
        if ((e->source != node && e->target != node) ||
            (relation && e->relation != *relation)) {
            continue;
        }
        int outgoing = e->source == node;
        out->steps[out->count++] =
            (VnkgQueryStep){i, outgoing ? e->target : e->source, outgoing};
    }
    return VNKG_SUCCESS;
}

/* Edges by node, in edge order: CSR (offsets into one array), built in two
 * passes so that each node's list keeps the global edge order. */
typedef struct {
    size_t *start; /* n_nodes + 1 */
    size_t *edges; /* 2 * n_edges */
} Adjacency;

static VnkgStatus
adjacency_build(VnkgContext *ctx, const VnkgGraph *g, Adjacency *a)
{
    size_t slots;
    VNKG_TRY(vnkg_size_mul(&slots, g->n_edges, 2));
    a->start = vnkg_calloc(ctx, g->n_nodes + 2, sizeof *a->start);
    a->edges = vnkg_calloc(ctx, slots + 1, sizeof *a->edges);
    if (!a->start || !a->edges) {
        return VNKG_ERR_NO_MEMORY;
    }
    for (size_t i = 0; i < g->n_edges; ++i) {
        a->start[g->edges[i].source + 2]++;
        if (g->edges[i].target != g->edges[i].source) {
            a->start[g->edges[i].target + 2]++;
        }
    }
    for (size_t v = 2; v < g->n_nodes + 2; ++v) {
        a->start[v] += a->start[v - 1];
    }
    /* start[v + 1] is now the fill position of v; it ends at v's end */
    for (size_t i = 0; i < g->n_edges; ++i) {
        a->edges[a->start[g->edges[i].source + 1]++] = i;
        if (g->edges[i].target != g->edges[i].source) {
            a->edges[a->start[g->edges[i].target + 1]++] = i;
        }
    }
    return VNKG_SUCCESS;
}

static void
adjacency_clear(VnkgContext *ctx, Adjacency *a)
{
    vnkg_free(ctx, a->start);
    vnkg_free(ctx, a->edges);
}

/* Breadth-first search from `from`; prev[v] is the edge that reached v
 * (SIZE_MAX for unreached, from's own is unused). */
static void
bfs(const VnkgGraph *g, const Adjacency *a, size_t from, size_t to,
    size_t *queue, size_t *prev)
{
    for (size_t v = 0; v < g->n_nodes; ++v) {
        prev[v] = SIZE_MAX;
    }
    size_t head = 0, tail = 0;
    queue[tail++] = from;
    prev[from] = 0;
    while (head < tail && prev[to] == SIZE_MAX) {
        size_t v = queue[head++];
        for (size_t k = a->start[v]; k < a->start[v + 1]; ++k) {
            const VnkgEdge *e = &g->edges[a->edges[k]];
            size_t w = e->source == v ? e->target : e->source;
            if (prev[w] == SIZE_MAX) {
                prev[w] = a->edges[k];
                queue[tail++] = w;
            }
        }
    }
}

/* Among the edges between `v` and `w`, the most specific: the lowest
 * relation in vocabulary order (co_mention last), then edge order. The
 * path's length does not change, its hops say more. */
static size_t
best_edge(const VnkgGraph *g, const Adjacency *a, size_t v, size_t w,
          size_t found)
{
    size_t best = found;
    for (size_t k = a->start[v]; k < a->start[v + 1]; ++k) {
        const VnkgEdge *e = &g->edges[a->edges[k]];
        int joins = (e->source == v && e->target == w) ||
                    (e->source == w && e->target == v);
        if (joins && e->relation < g->edges[best].relation) {
            best = a->edges[k];
        }
    }
    return best;
}

/* Walks prev[] back from `to` and stores the hops from `from`. */
static VnkgStatus
unwind(VnkgContext *ctx, const VnkgGraph *g, const Adjacency *a, size_t from,
       size_t to, const size_t *prev, VnkgQuerySteps *out)
{
    size_t hops = 0;
    for (size_t v = to; v != from; ++hops) {
        const VnkgEdge *e = &g->edges[prev[v]];
        v = e->target == v ? e->source : e->target;
    }
    out->steps = vnkg_calloc(ctx, hops + 1, sizeof *out->steps);
    if (!out->steps) {
        return VNKG_ERR_NO_MEMORY;
    }
    out->count = hops;
    for (size_t v = to, i = hops; v != from; --i) {
        const VnkgEdge *e = &g->edges[prev[v]];
        size_t u = e->target == v ? e->source : e->target;
        size_t edge = best_edge(g, a, u, v, prev[v]);
        out->steps[i - 1] =
            (VnkgQueryStep){edge, v, g->edges[edge].target == v};
        v = u;
    }
    return VNKG_SUCCESS;
}

VnkgStatus
vnkg_query_path(VnkgContext *ctx, const VnkgGraph *graph, size_t from,
                size_t to, VnkgQuerySteps *out)
{
    memset(out, 0, sizeof *out);
    Adjacency a = {NULL, NULL};
    size_t *queue = vnkg_calloc(ctx, graph->n_nodes + 1, sizeof *queue);
    size_t *prev = vnkg_calloc(ctx, graph->n_nodes + 1, sizeof *prev);
    VnkgStatus st = queue && prev ? VNKG_SUCCESS : VNKG_ERR_NO_MEMORY;
    if (st == VNKG_SUCCESS) {
        st = adjacency_build(ctx, graph, &a);
    }
    if (st == VNKG_SUCCESS) {
        bfs(graph, &a, from, to, queue, prev);
        st = prev[to] == SIZE_MAX ? VNKG_FAILURE
                                  : unwind(ctx, graph, &a, from, to, prev, out);
    }
    adjacency_clear(ctx, &a);
    vnkg_free(ctx, queue);
    vnkg_free(ctx, prev);
    return st;
}

static const char *const measure_names[VNKG_MEASURE_COUNT] = {
    "pagerank", "betweenness", "degree",   "strength",
    "harmonic", "eigenvector", "mentions", "documents",
};

const char *
vnkg_query_measure_name(VnkgMeasure m)
{
    return (unsigned)m < VNKG_MEASURE_COUNT ? measure_names[m] : NULL;
}

VnkgStatus
vnkg_query_measure_parse(const char *name, VnkgMeasure *out)
{
    for (int i = 0; i < VNKG_MEASURE_COUNT; ++i) {
        if (strcmp(name, measure_names[i]) == 0) {
            *out = (VnkgMeasure)i;
            return VNKG_SUCCESS;
        }
    }
    return VNKG_FAILURE;
}

double
vnkg_query_measure_value(const VnkgNode *node, VnkgMeasure m)
{
    switch (m) {
    case VNKG_MEASURE_PAGERANK:
        return node->pagerank;
    case VNKG_MEASURE_BETWEENNESS:
        return node->betweenness;
    case VNKG_MEASURE_DEGREE:
        return node->degree;
    case VNKG_MEASURE_STRENGTH:
        return node->strength;
    case VNKG_MEASURE_HARMONIC:
        return node->harmonic;
    case VNKG_MEASURE_EIGENVECTOR:
        return node->eigenvector;
    case VNKG_MEASURE_MENTIONS:
        return (double)node->mentions;
    case VNKG_MEASURE_DOCUMENTS:
        return (double)node->documents;
    default:
        return NAN;
    }
}

typedef struct {
    double value; /* NaN became -inf so that it sorts last */
    size_t node;
} Ranked;

static int
cmp_ranked(const void *a, const void *b)
{
    const Ranked *x = a, *y = b;
    if (x->value != y->value) {
        return x->value > y->value ? -1 : 1;
    }
    /* nodes are sorted by id: the lower index has the lower id */
    return (x->node > y->node) - (x->node < y->node);
}

VnkgStatus
vnkg_query_top(VnkgContext *ctx, const VnkgGraph *graph, VnkgMeasure m,
               const VnkgEntityType *type, size_t k, size_t **out,
               size_t *count)
{
    *out = NULL;
    *count = 0;
    Ranked *r = vnkg_calloc(ctx, graph->n_nodes + 1, sizeof *r);
    if (!r) {
        return VNKG_ERR_NO_MEMORY;
    }
    size_t n = 0;
    for (size_t i = 0; i < graph->n_nodes; ++i) {
        if (!type || graph->nodes[i].type == *type) {
            double v = vnkg_query_measure_value(&graph->nodes[i], m);
            r[n++] = (Ranked){isnan(v) ? -INFINITY : v, i};
        }
    }
    if (n > 1) { /* qsort must not see a NULL base */
        qsort(r, n, sizeof *r, cmp_ranked);
    }
    n = n < k ? n : k;
    *out = vnkg_calloc(ctx, n + 1, sizeof **out);
    if (!*out) {
        vnkg_free(ctx, r);
        return VNKG_ERR_NO_MEMORY;
    }
    for (size_t i = 0; i < n; ++i) {
        (*out)[i] = r[i].node;
    }
    *count = n;
    vnkg_free(ctx, r);
    return VNKG_SUCCESS;
}

static int
cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Adds the '|'-separated ids of `list` to the growing array `ids`. */
static VnkgStatus
collect(VnkgContext *ctx, const char *list, char ***ids, size_t *n, size_t *cap)
{
    for (const char *p = list ? list : ""; *p;) {
        size_t len = strcspn(p, "|");
        if (len) {
            void *items = *ids;
            VNKG_TRY(vnkg_query_grow(ctx, &items, cap, *n + 1, sizeof **ids));
            *ids = items;
            (*ids)[*n] = vnkg_strndup(ctx, p, len);
            if (!(*ids)[*n]) {
                return VNKG_ERR_NO_MEMORY;
            }
            ++*n;
        }
        p += len + (p[len] == '|');
    }
    return VNKG_SUCCESS;
}

static VnkgStatus
count_articles(VnkgContext *ctx, const VnkgGraph *g, size_t *out)
{
    char **ids = NULL;
    size_t n = 0, cap = 0;
    VnkgStatus st = VNKG_SUCCESS;
    for (size_t i = 0; st == VNKG_SUCCESS && i < g->n_nodes; ++i) {
        st = collect(ctx, g->nodes[i].sources, &ids, &n, &cap);
    }
    for (size_t i = 0; st == VNKG_SUCCESS && i < g->n_edges; ++i) {
        st = collect(ctx, g->edges[i].sources, &ids, &n, &cap);
    }
    if (st == VNKG_SUCCESS && n > 1) {
        if (n > 1) { /* qsort must not see a NULL base */
            qsort(ids, n, sizeof *ids, cmp_str);
        }
    }
    *out = 0;
    for (size_t i = 0; i < n; ++i) {
        *out += i == 0 || strcmp(ids[i], ids[i - 1]) != 0;
    }
    for (size_t i = 0; i < n; ++i) {
        vnkg_free(ctx, ids[i]);
    }
    vnkg_free(ctx, ids);
    return st;
}

VnkgStatus
vnkg_query_stats(VnkgContext *ctx, const VnkgGraph *graph, VnkgQueryStats *out)
{
    memset(out, 0, sizeof *out);
    out->nodes = graph->n_nodes;
    out->edges = graph->n_edges;
    for (size_t i = 0; i < graph->n_nodes; ++i) {
        if ((unsigned)graph->nodes[i].type < VNKG_TYPE_COUNT) {
            out->per_type[graph->nodes[i].type]++;
        }
    }
    for (size_t i = 0; i < graph->n_edges; ++i) {
        if ((unsigned)graph->edges[i].relation < VNKG_REL_COUNT) {
            out->per_relation[graph->edges[i].relation]++;
        }
    }
    if (graph->n_nodes > 1) {
        double n = (double)graph->n_nodes;
        out->density = (double)graph->n_edges / (n * (n - 1));
    }
    VNKG_TRY(vnkg_query_count_components(ctx, graph, &out->components));
    VNKG_TRY(vnkg_query_count_communities(ctx, graph, &out->communities));
    return count_articles(ctx, graph, &out->articles);
}
