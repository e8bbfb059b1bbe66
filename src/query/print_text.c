/* SPDX-License-Identifier: MIT */
/* Answers as text for people: aligned tables (display width, so that
 * Vietnamese labels line up), "-" for what is unknown; and the public
 * printers, which pick text or JSON. */
#include "../util/number.h"
#include "query_internal.h"

#include <string.h>

int
vnkg_query_is_office(const VnkgGraph *g, const VnkgQueryStep *s)
{
    return s->outgoing && g->edges[s->edge].relation == VNKG_REL_HOLDS_OFFICE;
}

static const char *
dash(const char *s)
{
    return s && *s ? s : "-";
}

static const char *
type_name(const VnkgNode *n)
{
    return dash(vnkg_entity_type_name(n->type));
}

static VnkgStatus
put(FILE *fp, const char *s)
{
    return fputs(s, fp) < 0 ? VNKG_ERR_WRITE : VNKG_SUCCESS;
}

/* The scalar attributes of one entity, one per row. */
static VnkgStatus
add_attributes(VnkgContext *ctx, VnkgQueryTable *t, const VnkgGraph *g,
               const VnkgNode *n)
{
    char a[512], b[VNKG_NUM_CAP];
#define ROW(k, v) VNKG_TRY(vnkg_query_table_add(ctx, t, (const char *[]){k, v}))
    ROW("id", n->id);
    ROW("type", type_name(n));
    ROW("aliases", dash(n->aliases));
    snprintf(a, sizeof a, "%zu in %zu article%s", n->mentions, n->documents,
             n->documents == 1 ? "" : "s");
    ROW("mentions", a);
    ROW("articles", dash(n->sources));
    static const VnkgMeasure shown[] = {
        VNKG_MEASURE_PAGERANK, VNKG_MEASURE_BETWEENNESS,
        VNKG_MEASURE_DEGREE,   VNKG_MEASURE_STRENGTH,
        VNKG_MEASURE_HARMONIC, VNKG_MEASURE_EIGENVECTOR};
    for (size_t i = 0; i < sizeof shown / sizeof *shown; ++i) {
        vnkg_format_g(vnkg_query_measure_value(n, shown[i]), 6, b);
        ROW(vnkg_query_measure_name(shown[i]), dash(b));
    }
    snprintf(a, sizeof a, "%ld", n->community);
    ROW("community", n->community >= 0 ? a : "-");
    if (n->merged_into) {
        size_t k;
        int known = vnkg_graph_find(g, n->merged_into, &k) == VNKG_SUCCESS;
        snprintf(a, sizeof a, "%s%s%s", known ? g->nodes[k].label : "",
                 known ? " " : "", n->merged_into);
        ROW("merged into", a);
    }
    if (n->valid_until) {
        ROW("valid until", n->valid_until);
    }
#undef ROW
    return VNKG_SUCCESS;
}

static VnkgStatus
add_office(VnkgContext *ctx, VnkgQueryTable *t, const VnkgGraph *g,
           const VnkgQueryStep *s)
{
    const VnkgEdge *e = &g->edges[s->edge];
    const VnkgNode *o = &g->nodes[s->node];
    const char *row[] = {dash(e->role),      o->label,
                         type_name(o),       dash(e->first_date),
                         dash(e->last_date), dash(e->sources)};
    return vnkg_query_table_add(ctx, t, row);
}

/* One edge from the entity's side: direction arrow, relation, the other
 * node, role, weight and dates. */
static VnkgStatus
add_link(VnkgContext *ctx, VnkgQueryTable *t, const VnkgGraph *g,
         const VnkgQueryStep *s)
{
    const VnkgEdge *e = &g->edges[s->edge];
    const VnkgNode *o = &g->nodes[s->node];
    char w[VNKG_NUM_CAP];
    vnkg_format_g(e->weight, 6, w);
    const char *row[] = {vnkg_relation_name(e->relation),
                         s->outgoing ? "->" : "<-",
                         o->label,
                         type_name(o),
                         o->id,
                         dash(e->role),
                         dash(w),
                         dash(e->first_date),
                         dash(e->last_date)};
    return vnkg_query_table_add(ctx, t, row);
}

static const char *const link_header[] = {
    "relation", "dir",    "label",      "type",     "id",
    "role",     "weight", "first_date", "last_date"};

static VnkgStatus
print_offices(VnkgContext *ctx, FILE *fp, const VnkgGraph *g,
              const VnkgQuerySteps *steps)
{
    VnkgQueryTable t;
    vnkg_query_table_init(&t, 6);
    static const char *const header[] = {
        "role", "organisation", "type", "first_date", "last_date", "sources"};
    VnkgStatus st = vnkg_query_table_add(ctx, &t, header);
    for (size_t i = 0; st == VNKG_SUCCESS && i < steps->count; ++i) {
        if (vnkg_query_is_office(g, &steps->steps[i])) {
            st = add_office(ctx, &t, g, &steps->steps[i]);
        }
    }
    if (st == VNKG_SUCCESS && t.rows > 1) {
        st = put(fp, "\nOffices:\n");
        if (st == VNKG_SUCCESS) {
            st = vnkg_query_table_print(&t, fp, 2);
        }
    }
    vnkg_query_table_clear(ctx, &t);
    return st;
}

/* Every other edge, grouped by relation (vocabulary order). */
static VnkgStatus
print_relations(VnkgContext *ctx, FILE *fp, const VnkgGraph *g,
                const VnkgQuerySteps *steps)
{
    VnkgQueryTable t;
    vnkg_query_table_init(&t, 9);
    VnkgStatus st = vnkg_query_table_add(ctx, &t, link_header);
    for (int r = 0; st == VNKG_SUCCESS && r < VNKG_REL_COUNT; ++r) {
        for (size_t i = 0; st == VNKG_SUCCESS && i < steps->count; ++i) {
            const VnkgQueryStep *s = &steps->steps[i];
            if (g->edges[s->edge].relation == (VnkgRelation)r &&
                !vnkg_query_is_office(g, s)) {
                st = add_link(ctx, &t, g, s);
            }
        }
    }
    if (st == VNKG_SUCCESS && t.rows > 1) {
        st = put(fp, "\nRelations:\n");
        if (st == VNKG_SUCCESS) {
            st = vnkg_query_table_print(&t, fp, 2);
        }
    }
    vnkg_query_table_clear(ctx, &t);
    return st;
}

static VnkgStatus
print_one(VnkgContext *ctx, FILE *fp, const VnkgGraph *g, size_t node)
{
    const VnkgNode *n = &g->nodes[node];
    if (fprintf(fp, "%s\n", n->label) < 0) {
        return VNKG_ERR_WRITE;
    }
    VnkgQueryTable t;
    vnkg_query_table_init(&t, 2);
    VnkgStatus st = add_attributes(ctx, &t, g, n);
    if (st == VNKG_SUCCESS) {
        st = vnkg_query_table_print(&t, fp, 2);
    }
    vnkg_query_table_clear(ctx, &t);
    VnkgQuerySteps steps = {NULL, 0};
    if (st == VNKG_SUCCESS) {
        st = vnkg_query_neighbours(ctx, g, node, NULL, &steps);
    }
    if (st == VNKG_SUCCESS) {
        st = print_offices(ctx, fp, g, &steps);
    }
    if (st == VNKG_SUCCESS) {
        st = print_relations(ctx, fp, g, &steps);
    }
    vnkg_query_steps_clear(ctx, &steps);
    return st;
}

static VnkgStatus
print_candidates(VnkgContext *ctx, FILE *fp, const VnkgGraph *g,
                 const char *query, const VnkgQueryMatches *m)
{
    if (fprintf(fp, "%zu entities match \"%s\" (by %s):\n", m->count, query,
                vnkg_query_match_name(m->how)) < 0) {
        return VNKG_ERR_WRITE;
    }
    VnkgQueryTable t;
    vnkg_query_table_init(&t, 3);
    static const char *const header[] = {"label", "type", "id"};
    VnkgStatus st = vnkg_query_table_add(ctx, &t, header);
    for (size_t i = 0; st == VNKG_SUCCESS && i < m->count; ++i) {
        const VnkgNode *n = &g->nodes[m->nodes[i]];
        const char *row[] = {n->label, type_name(n), n->id};
        st = vnkg_query_table_add(ctx, &t, row);
    }
    if (st == VNKG_SUCCESS) {
        st = vnkg_query_table_print(&t, fp, 2);
    }
    vnkg_query_table_clear(ctx, &t);
    return st;
}

VnkgStatus
vnkg_query_print_entity(VnkgContext *ctx, FILE *fp, const VnkgGraph *graph,
                        const char *query, const VnkgQueryMatches *m,
                        VnkgQueryFormat format)
{
    if (format == VNKG_QUERY_JSON) {
        return vnkg_query_json_entity(ctx, fp, graph, query, m);
    }
    if (m->count == 1) {
        return print_one(ctx, fp, graph, m->nodes[0]);
    }
    return print_candidates(ctx, fp, graph, query, m);
}

VnkgStatus
vnkg_query_print_neighbours(VnkgContext *ctx, FILE *fp, const VnkgGraph *graph,
                            size_t node, const VnkgRelation *relation,
                            const VnkgQuerySteps *steps, VnkgQueryFormat format)
{
    if (format == VNKG_QUERY_JSON) {
        return vnkg_query_json_neighbours(ctx, fp, graph, node, relation,
                                          steps);
    }
    const VnkgNode *n = &graph->nodes[node];
    if (fprintf(fp, "%zu neighbour%s of %s (%s)%s%s:\n", steps->count,
                steps->count == 1 ? "" : "s", n->label, n->id,
                relation ? " by " : "",
                relation ? vnkg_relation_name(*relation) : "") < 0) {
        return VNKG_ERR_WRITE;
    }
    VnkgQueryTable t;
    vnkg_query_table_init(&t, 9);
    VnkgStatus st = vnkg_query_table_add(ctx, &t, link_header);
    for (size_t i = 0; st == VNKG_SUCCESS && i < steps->count; ++i) {
        st = add_link(ctx, &t, graph, &steps->steps[i]);
    }
    if (st == VNKG_SUCCESS && steps->count) {
        st = vnkg_query_table_print(&t, fp, 2);
    }
    vnkg_query_table_clear(ctx, &t);
    return st;
}

VnkgStatus
vnkg_query_print_top(VnkgContext *ctx, FILE *fp, const VnkgGraph *graph,
                     VnkgMeasure m, const VnkgEntityType *type,
                     const size_t *nodes, size_t count, VnkgQueryFormat format)
{
    if (format == VNKG_QUERY_JSON) {
        return vnkg_query_json_top(ctx, fp, graph, m, type, nodes, count);
    }
    VnkgQueryTable t;
    vnkg_query_table_init(&t, 5);
    const char *header[] = {"rank", "label", "type", "id",
                            vnkg_query_measure_name(m)};
    VnkgStatus st = vnkg_query_table_add(ctx, &t, header);
    for (size_t i = 0; st == VNKG_SUCCESS && i < count; ++i) {
        const VnkgNode *n = &graph->nodes[nodes[i]];
        char rank[24], v[VNKG_NUM_CAP];
        snprintf(rank, sizeof rank, "%zu", i + 1);
        vnkg_format_g(vnkg_query_measure_value(n, m), 6, v);
        const char *row[] = {rank, n->label, type_name(n), n->id, dash(v)};
        st = vnkg_query_table_add(ctx, &t, row);
    }
    if (st == VNKG_SUCCESS) {
        st = vnkg_query_table_print(&t, fp, 0);
    }
    vnkg_query_table_clear(ctx, &t);
    return st;
}

/* One hop: "A -[relation: role]-> B" along the edge, "A <-[...]- B"
 * against it. */
static VnkgStatus
add_hop(VnkgContext *ctx, VnkgQueryTable *t, const VnkgGraph *g, size_t i,
        size_t at, const VnkgQueryStep *s)
{
    const VnkgEdge *e = &g->edges[s->edge];
    char num[24], rel[512];
    snprintf(num, sizeof num, "%zu", i + 1);
    snprintf(rel, sizeof rel, "%s[%s%s%s]%s", s->outgoing ? "-" : "<-",
             vnkg_relation_name(e->relation), e->role ? ": " : "",
             e->role ? e->role : "", s->outgoing ? "->" : "-");
    const char *row[] = {num, g->nodes[at].label, rel, g->nodes[s->node].label,
                         g->nodes[s->node].id};
    return vnkg_query_table_add(ctx, t, row);
}

VnkgStatus
vnkg_query_print_path(VnkgContext *ctx, FILE *fp, const VnkgGraph *graph,
                      size_t from, size_t to, const VnkgQuerySteps *path,
                      VnkgQueryFormat format)
{
    if (format == VNKG_QUERY_JSON) {
        return vnkg_query_json_path(ctx, fp, graph, from, to, path);
    }
    if (fprintf(fp, "Path from %s to %s: %zu hop%s\n", graph->nodes[from].label,
                graph->nodes[to].label, path->count,
                path->count == 1 ? "" : "s") < 0) {
        return VNKG_ERR_WRITE;
    }
    VnkgQueryTable t;
    vnkg_query_table_init(&t, 5);
    VnkgStatus st = VNKG_SUCCESS;
    size_t at = from;
    for (size_t i = 0; st == VNKG_SUCCESS && i < path->count; ++i) {
        st = add_hop(ctx, &t, graph, i, at, &path->steps[i]);
        at = path->steps[i].node;
    }
    if (st == VNKG_SUCCESS) {
        st = vnkg_query_table_print(&t, fp, 2);
    }
    vnkg_query_table_clear(ctx, &t);
    return st;
}

static VnkgStatus
add_count(VnkgContext *ctx, VnkgQueryTable *t, const char *name, size_t n)
{
    char num[24];
    snprintf(num, sizeof num, "%zu", n);
    return vnkg_query_table_add(ctx, t, (const char *[]){name, num});
}

static VnkgStatus
add_stats(VnkgContext *ctx, VnkgQueryTable *t, const VnkgQueryStats *s)
{
    char d[VNKG_NUM_CAP];
    vnkg_format_g(s->density, 6, d);
    VNKG_TRY(add_count(ctx, t, "nodes", s->nodes));
    VNKG_TRY(add_count(ctx, t, "edges", s->edges));
    VNKG_TRY(vnkg_query_table_add(ctx, t, (const char *[]){"density", d}));
    VNKG_TRY(add_count(ctx, t, "components", s->components));
    VNKG_TRY(add_count(ctx, t, "communities", s->communities));
    VNKG_TRY(add_count(ctx, t, "articles", s->articles));
    VNKG_TRY(vnkg_query_table_add(ctx, t, (const char *[]){"", ""}));
    VNKG_TRY(vnkg_query_table_add(ctx, t, (const char *[]){"type", "nodes"}));
    for (int i = 0; i < VNKG_TYPE_COUNT; ++i) {
        VNKG_TRY(add_count(ctx, t, vnkg_entity_type_name((VnkgEntityType)i),
                           s->per_type[i]));
    }
    VNKG_TRY(vnkg_query_table_add(ctx, t, (const char *[]){"", ""}));
    VNKG_TRY(
        vnkg_query_table_add(ctx, t, (const char *[]){"relation", "edges"}));
    for (int i = 0; i < VNKG_REL_COUNT; ++i) {
        VNKG_TRY(add_count(ctx, t, vnkg_relation_name((VnkgRelation)i),
                           s->per_relation[i]));
    }
    return VNKG_SUCCESS;
}

VnkgStatus
vnkg_query_print_stats(VnkgContext *ctx, FILE *fp, const VnkgQueryStats *stats,
                       VnkgQueryFormat format)
{
    if (format == VNKG_QUERY_JSON) {
        return vnkg_query_json_stats(ctx, fp, stats);
    }
    VnkgQueryTable t;
    vnkg_query_table_init(&t, 2);
    VnkgStatus st = add_stats(ctx, &t, stats);
    if (st == VNKG_SUCCESS) {
        st = vnkg_query_table_print(&t, fp, 0);
    }
    vnkg_query_table_clear(ctx, &t);
    return st;
}
