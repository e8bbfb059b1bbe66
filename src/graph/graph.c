/* SPDX-License-Identifier: MIT */
/* Facts to a graph in a stable order: nodes by id, edges by endpoints,
 * relation and role, so that the same facts always give the same file. */
#include "../util/intern.h"

#include <vnkg/graph.h>

#include <stdlib.h>
#include <string.h>

/* Okabe & Ito (2008), "Color Universal Design": distinguishable with the
 * common colour-vision deficiencies. One colour per type, fixed. */
static const unsigned char palette[VNKG_TYPE_COUNT][3] = {
    {213, 94, 0},    /* official: vermillion */
    {0, 158, 115},   /* province: bluish green */
    {0, 114, 178},   /* ministry: blue */
    {230, 159, 0},   /* partner: orange */
    {204, 121, 167}, /* agreement: reddish purple */
    {86, 180, 233},  /* organization: sky blue */
    {240, 228, 66},  /* document: yellow */
    {0, 0, 0},       /* event: black */
};

void
vnkg_graph_type_colour(VnkgEntityType type, unsigned char *r, unsigned char *g,
                       unsigned char *b)
{
    unsigned t = (unsigned)type < VNKG_TYPE_COUNT ? (unsigned)type : 0;
    *r = palette[t][0];
    *g = palette[t][1];
    *b = palette[t][2];
}

VnkgStatus
vnkg_graph_new(VnkgContext *ctx, VnkgGraph **out)
{
    *out = vnkg_calloc(ctx, 1, sizeof **out);
    if (!*out) {
        return VNKG_ERR_NO_MEMORY;
    }
    (*out)->betweenness_cutoff = -1; /* not analysed: nothing cut off */
    (*out)->harmonic_cutoff = -1;
    return VNKG_SUCCESS;
}

void
vnkg_graph_free(VnkgContext *ctx, VnkgGraph *graph)
{
    if (!graph) {
        return;
    }
    if (graph->pool) { /* a built graph: every string is pooled */
        vnkg_intern_clear(ctx, graph->pool);
        vnkg_free(ctx, graph->pool);
        vnkg_free(ctx, graph->nodes);
        vnkg_free(ctx, graph->edges);
        vnkg_free(ctx, graph->articles);
        vnkg_free(ctx, graph);
        return;
    }
    for (size_t i = 0; i < graph->n_nodes; ++i) {
        VnkgNode *n = &graph->nodes[i];
        vnkg_free(ctx, n->id);
        vnkg_free(ctx, n->label);
        vnkg_free(ctx, n->aliases);
        vnkg_free(ctx, n->sources);
        vnkg_free(ctx, n->merged_into);
        vnkg_free(ctx, n->valid_until);
    }
    for (size_t i = 0; i < graph->n_edges; ++i) {
        VnkgEdge *e = &graph->edges[i];
        vnkg_free(ctx, e->role);
        vnkg_free(ctx, e->sources);
        vnkg_free(ctx, e->evidence);
        vnkg_free(ctx, e->first_date);
        vnkg_free(ctx, e->last_date);
    }
    for (size_t i = 0; i < graph->n_articles; ++i) {
        VnkgArticle *a = &graph->articles[i];
        vnkg_free(ctx, a->id);
        vnkg_free(ctx, a->url);
        vnkg_free(ctx, a->title);
        vnkg_free(ctx, a->date);
    }
    vnkg_free(ctx, graph->nodes);
    vnkg_free(ctx, graph->edges);
    vnkg_free(ctx, graph->articles);
    vnkg_free(ctx, graph);
}

VnkgStatus
vnkg_graph_find(const VnkgGraph *graph, const char *id, size_t *out)
{
    size_t lo = 0, hi = graph->n_nodes;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(graph->nodes[mid].id, id);
        if (c == 0) {
            *out = mid;
            return VNKG_SUCCESS;
        }
        if (c < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return VNKG_FAILURE;
}

/* The graph's pooled copy of `s` (NULL stays NULL): shared with equal
 * strings (evidence, dates, roles repeat), or not looked up (`keep`). */
static VnkgStatus
dup(VnkgContext *ctx, VnkgGraph *g, char **out, const char *s)
{
    return vnkg_intern_str(ctx, g->pool, s, out);
}

static VnkgStatus
keep(VnkgContext *ctx, VnkgGraph *g, char **out, const char *s)
{
    return vnkg_intern_copy(ctx, g->pool, s, out);
}

/* Sorted copy joined with '|', without `skip` (the label). */
static VnkgStatus
join_sorted(VnkgContext *ctx, VnkgGraph *g, const VnkgStrSet *set,
            const char *skip, char **out)
{
    VnkgStrSet copy = {NULL, 0, 0, NULL}; /* no index: it is set's */
    char **items = NULL;
    if (set->count) {
        items = vnkg_malloc(ctx, set->count * sizeof *items);
        if (!items) {
            return VNKG_ERR_NO_MEMORY;
        }
        for (size_t i = 0; i < set->count; ++i) {
            if (!skip || strcmp(set->items[i], skip) != 0) {
                items[copy.count++] = set->items[i];
            }
        }
    }
    copy.items = items;
    vnkg_strset_sort(&copy);
    char *joined = NULL;
    VnkgStatus st = vnkg_strset_join(ctx, &copy, "|", &joined);
    vnkg_free(ctx, items);
    if (st == VNKG_SUCCESS) {
        st = keep(ctx, g, out, joined);
    }
    vnkg_free(ctx, joined);
    return st;
}

typedef struct {
    const VnkgFacts *facts;
    size_t index;
} Ref;

static int
cmp_entity(const void *a, const void *b)
{
    const Ref *x = a, *y = b;
    return strcmp(vnkg_facts_entity_at(x->facts, x->index)->id,
                  vnkg_facts_entity_at(y->facts, y->index)->id);
}

static VnkgStatus
build_nodes(VnkgContext *ctx, const VnkgFacts *facts, VnkgGraph *g,
            size_t *node_of)
{
    size_t n = vnkg_facts_entity_count(facts);
    Ref *refs = vnkg_calloc(ctx, n + 1, sizeof *refs);
    g->nodes = vnkg_calloc(ctx, n + 1, sizeof *g->nodes);
    if (!refs || !g->nodes) {
        vnkg_free(ctx, refs);
        return VNKG_ERR_NO_MEMORY;
    }
    for (size_t i = 0; i < n; ++i) {
        refs[i] = (Ref){facts, i};
    }
    if (n > 1) { /* qsort must not see a NULL base */
        qsort(refs, n, sizeof *refs, cmp_entity);
    }
    VnkgStatus st = VNKG_SUCCESS;
    for (size_t i = 0; st == VNKG_SUCCESS && i < n; ++i) {
        const VnkgEntity *e = vnkg_facts_entity_at(facts, refs[i].index);
        VnkgNode *node = &g->nodes[i];
        g->n_nodes = i + 1;
        node_of[refs[i].index] = i;
        node->type = e->type;
        node->mentions = e->mentions;
        node->documents = e->sources.count;
        node->size = 1.0;
        node->community = -1;
        vnkg_graph_type_colour(e->type, &node->r, &node->g, &node->b);
        st = keep(ctx, g, &node->id, e->id);
        if (st == VNKG_SUCCESS) {
            st = keep(ctx, g, &node->label, e->label);
        }
        if (st == VNKG_SUCCESS) {
            st = join_sorted(ctx, g, &e->aliases, e->label, &node->aliases);
        }
        if (st == VNKG_SUCCESS) {
            st = join_sorted(ctx, g, &e->sources, NULL, &node->sources);
        }
        if (st == VNKG_SUCCESS) {
            st = dup(ctx, g, &node->merged_into, e->merged_into);
        }
        if (st == VNKG_SUCCESS) {
            st = dup(ctx, g, &node->valid_until, e->valid_until);
        }
    }
    vnkg_free(ctx, refs);
    return st;
}

static int
cmp_str_null(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "");
}

static int
cmp_edge(const void *a, const void *b)
{
    const VnkgEdge *x = a, *y = b;
    if (x->source != y->source) {
        return x->source < y->source ? -1 : 1;
    }
    if (x->target != y->target) {
        return x->target < y->target ? -1 : 1;
    }
    if (x->relation != y->relation) {
        return x->relation < y->relation ? -1 : 1;
    }
    return cmp_str_null(x->role, y->role);
}

static VnkgStatus
build_edges(VnkgContext *ctx, const VnkgFacts *facts, VnkgGraph *g,
            const size_t *node_of)
{
    size_t n = vnkg_facts_fact_count(facts);
    g->edges = vnkg_calloc(ctx, n + 1, sizeof *g->edges);
    if (!g->edges) {
        return VNKG_ERR_NO_MEMORY;
    }
    VnkgStatus st = VNKG_SUCCESS;
    for (size_t i = 0; st == VNKG_SUCCESS && i < n; ++i) {
        const VnkgFact *f = vnkg_facts_fact_at(facts, i);
        VnkgEdge *e = &g->edges[i];
        g->n_edges = i + 1;
        e->source = node_of[f->from];
        e->target = node_of[f->to];
        e->relation = f->relation;
        e->weight = f->weight;
        e->inferred = f->inferred;
        st = dup(ctx, g, &e->role, f->role);
        if (st == VNKG_SUCCESS) {
            st = join_sorted(ctx, g, &f->sources, NULL, &e->sources);
        }
        if (st == VNKG_SUCCESS) {
            st = dup(ctx, g, &e->evidence, f->evidence);
        }
        if (st == VNKG_SUCCESS) {
            st = dup(ctx, g, &e->first_date, f->first_date);
        }
        if (st == VNKG_SUCCESS) {
            st = dup(ctx, g, &e->last_date, f->last_date);
        }
    }
    if (st == VNKG_SUCCESS && g->n_edges > 1) {
        qsort(g->edges, g->n_edges, sizeof *g->edges, cmp_edge);
    }
    return st;
}

static int
cmp_article(const void *a, const void *b)
{
    return strcmp(((const VnkgArticle *)a)->id, ((const VnkgArticle *)b)->id);
}

static VnkgStatus
build_articles(VnkgContext *ctx, const VnkgFacts *facts, VnkgGraph *g)
{
    size_t n = vnkg_facts_article_count(facts);
    g->articles = vnkg_calloc(ctx, n + 1, sizeof *g->articles);
    if (!g->articles) {
        return VNKG_ERR_NO_MEMORY;
    }
    VnkgStatus st = VNKG_SUCCESS;
    for (size_t i = 0; st == VNKG_SUCCESS && i < n; ++i) {
        const VnkgArticle *src = vnkg_facts_article_at(facts, i);
        VnkgArticle *a = &g->articles[i];
        g->n_articles = i + 1;
        a->date_inferred = src->date_inferred;
        st = keep(ctx, g, &a->id, src->id);
        if (st == VNKG_SUCCESS) {
            st = keep(ctx, g, &a->url, src->url);
        }
        if (st == VNKG_SUCCESS) {
            st = keep(ctx, g, &a->title, src->title);
        }
        if (st == VNKG_SUCCESS) {
            st = dup(ctx, g, &a->date, src->date);
        }
    }
    if (st == VNKG_SUCCESS && g->n_articles > 1) {
        qsort(g->articles, g->n_articles, sizeof *g->articles, cmp_article);
    }
    return st;
}

VnkgStatus
vnkg_graph_build(VnkgContext *ctx, const VnkgFacts *facts, VnkgGraph **out)
{
    *out = NULL;
    VnkgGraph *g;
    VNKG_TRY(vnkg_graph_new(ctx, &g));
    g->pool = vnkg_calloc(ctx, 1, sizeof(VnkgIntern));
    if (!g->pool) {
        vnkg_graph_free(ctx, g);
        return VNKG_ERR_NO_MEMORY;
    }
    vnkg_intern_init(g->pool);
    size_t n = vnkg_facts_entity_count(facts);
    size_t *node_of = vnkg_calloc(ctx, n + 1, sizeof *node_of);
    VnkgStatus st = node_of ? VNKG_SUCCESS : VNKG_ERR_NO_MEMORY;
    if (st == VNKG_SUCCESS) {
        st = build_nodes(ctx, facts, g, node_of);
    }
    if (st == VNKG_SUCCESS) {
        st = build_edges(ctx, facts, g, node_of);
    }
    if (st == VNKG_SUCCESS) {
        st = build_articles(ctx, facts, g);
    }
    vnkg_free(ctx, node_of);
    if (st != VNKG_SUCCESS) {
        vnkg_graph_free(ctx, g);
        return st;
    }
    *out = g;
    return VNKG_SUCCESS;
}
