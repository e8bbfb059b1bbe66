/* SPDX-License-Identifier: MIT */
/* Answers as JSON (jansson): one object per answer, keys in insertion
 * order, UTF-8 as is (no JSON_ENSURE_ASCII), numbers with 10 significant
 * digits like the GraphML, null for what is unknown. */
#include "query_internal.h"

#include <vnkg/normalise.h>

#include <jansson.h>

#include <math.h>
#include <string.h>

typedef struct {
    VnkgContext *ctx;
    int failed; /* an allocation failed somewhere */
} J;

/* Sets obj[key] = val (taken); remembers a failure instead of returning
 * it, so that objects are built in straight lines. */
static void
set(J *j, json_t *obj, const char *key, json_t *val)
{
    /* jansson releases `val` when it cannot store it (obj NULL included) */
    if (json_object_set_new(obj, key, val) != 0) {
        j->failed = 1;
    }
}

static void
push(J *j, json_t *arr, json_t *val)
{
    if (json_array_append_new(arr, val) != 0) {
        j->failed = 1;
    }
}

/* A JSON string, null for NULL; text that is not valid UTF-8 (possible
 * only in graphs built in memory) is repaired first. */
static json_t *
str(J *j, const char *s)
{
    if (!s) {
        return json_null();
    }
    json_t *v = json_string(s);
    if (v) {
        return v;
    }
    char *safe = NULL;
    if (vnkg_normalise_xml_safe(j->ctx, s, strlen(s), &safe) == VNKG_SUCCESS) {
        v = json_string(safe);
    }
    vnkg_free(j->ctx, safe);
    return v;
}

/* A string, null for NULL or "". */
static json_t *
opt(J *j, const char *s)
{
    return s && *s ? str(j, s) : json_null();
}

static json_t *
real(double v)
{
    return isfinite(v) ? json_real(v) : json_null();
}

static json_t *
integer(long long v)
{
    return json_integer((json_int_t)v);
}

/* The '|'-separated list as an array of strings. */
static json_t *
list(J *j, const char *s)
{
    json_t *arr = json_array();
    for (const char *p = s ? s : ""; *p && arr;) {
        size_t n = strcspn(p, "|");
        json_t *item = json_stringn(p, n);
        push(j, arr, item ? item : str(j, "\xEF\xBF\xBD"));
        p += n + (p[n] == '|');
    }
    return arr;
}

/* {"id", "label", "type"}: how other nodes are named inside answers. */
static json_t *
ref(J *j, const VnkgGraph *g, size_t node)
{
    const VnkgNode *n = &g->nodes[node];
    json_t *o = json_object();
    set(j, o, "id", str(j, n->id));
    set(j, o, "label", str(j, n->label));
    set(j, o, "type", str(j, vnkg_entity_type_name(n->type)));
    return o;
}

static json_t *
scores(const VnkgNode *n)
{
    J j = {NULL, 0};
    json_t *o = json_object();
    set(&j, o, "pagerank", real(n->pagerank));
    set(&j, o, "betweenness", real(n->betweenness));
    set(&j, o, "degree", real(n->degree));
    set(&j, o, "in_degree", real(n->in_degree));
    set(&j, o, "out_degree", real(n->out_degree));
    set(&j, o, "strength", real(n->strength));
    set(&j, o, "harmonic", real(n->harmonic));
    set(&j, o, "eigenvector", real(n->eigenvector));
    if (j.failed) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* One edge seen from a node: relation, direction, the other node, role,
 * weight, dates, sources. */
static json_t *
link(J *j, const VnkgGraph *g, const VnkgQueryStep *s)
{
    const VnkgEdge *e = &g->edges[s->edge];
    json_t *o = json_object();
    set(j, o, "relation", str(j, vnkg_relation_name(e->relation)));
    set(j, o, "direction", str(j, s->outgoing ? "out" : "in"));
    set(j, o, "node", ref(j, g, s->node));
    set(j, o, "role", opt(j, e->role));
    set(j, o, "weight", real(e->weight));
    set(j, o, "first_date", opt(j, e->first_date));
    set(j, o, "last_date", opt(j, e->last_date));
    set(j, o, "sources", list(j, e->sources));
    return o;
}

static json_t *
office(J *j, const VnkgGraph *g, const VnkgQueryStep *s)
{
    const VnkgEdge *e = &g->edges[s->edge];
    json_t *o = json_object();
    set(j, o, "role", opt(j, e->role));
    set(j, o, "organisation", ref(j, g, s->node));
    set(j, o, "first_date", opt(j, e->first_date));
    set(j, o, "last_date", opt(j, e->last_date));
    set(j, o, "sources", list(j, e->sources));
    return o;
}

/* "offices": outgoing holds_office; "relations": every other edge grouped
 * by relation name, relations in vocabulary order. */
static void
facts(J *j, json_t *o, const VnkgGraph *g, const VnkgQuerySteps *steps)
{
    json_t *offices = json_array();
    json_t *groups = json_object();
    for (size_t i = 0; i < steps->count; ++i) {
        if (vnkg_query_is_office(g, &steps->steps[i])) {
            push(j, offices, office(j, g, &steps->steps[i]));
        }
    }
    for (int r = 0; r < VNKG_REL_COUNT; ++r) {
        json_t *arr = NULL;
        for (size_t i = 0; i < steps->count; ++i) {
            const VnkgQueryStep *s = &steps->steps[i];
            if (g->edges[s->edge].relation != (VnkgRelation)r ||
                vnkg_query_is_office(g, s)) {
                continue;
            }
            if (!arr) {
                arr = json_array();
                set(j, groups, vnkg_relation_name((VnkgRelation)r), arr);
            }
            push(j, arr, link(j, g, s));
        }
    }
    set(j, o, "offices", offices);
    set(j, o, "relations", groups);
}

static json_t *
entity(J *j, const VnkgGraph *g, size_t node)
{
    const VnkgNode *n = &g->nodes[node];
    json_t *o = ref(j, g, node);
    set(j, o, "aliases", list(j, n->aliases));
    set(j, o, "mentions", integer((long long)n->mentions));
    set(j, o, "documents", integer((long long)n->documents));
    set(j, o, "sources", list(j, n->sources));
    set(j, o, "scores", scores(n));
    set(j, o, "community", integer(n->community));
    set(j, o, "component", integer(n->component));
    set(j, o, "merged_into", opt(j, n->merged_into));
    set(j, o, "valid_until", opt(j, n->valid_until));
    VnkgQuerySteps steps = {NULL, 0};
    VnkgStatus st = vnkg_query_neighbours(j->ctx, g, node, NULL, &steps);
    if (st == VNKG_SUCCESS) {
        facts(j, o, g, &steps);
    } else {
        j->failed = 1;
    }
    vnkg_query_steps_clear(j->ctx, &steps);
    return o;
}

/* Dumps and frees `root`. */
static VnkgStatus
finish(J *j, json_t *root, FILE *fp)
{
    VnkgStatus st = VNKG_SUCCESS;
    if (j->failed || !root) {
        st = VNKG_ERR_NO_MEMORY;
    } else if (json_dumpf(root, fp,
                          JSON_INDENT(2) | JSON_PRESERVE_ORDER |
                              JSON_REAL_PRECISION(10)) != 0 ||
               fputc('\n', fp) == EOF) {
        st = VNKG_ERR_WRITE;
    }
    json_decref(root);
    return st;
}

VnkgStatus
vnkg_query_json_entity(VnkgContext *ctx, FILE *fp, const VnkgGraph *g,
                       const char *query, const VnkgQueryMatches *m)
{
    J j = {ctx, 0};
    json_t *root = json_object();
    json_t *arr = json_array();
    set(&j, root, "query", str(&j, query));
    set(&j, root, "matched_by", str(&j, vnkg_query_match_name(m->how)));
    set(&j, root, "entities", arr);
    for (size_t i = 0; i < m->count && !j.failed; ++i) {
        push(&j, arr, entity(&j, g, m->nodes[i]));
    }
    return finish(&j, root, fp);
}

VnkgStatus
vnkg_query_json_neighbours(VnkgContext *ctx, FILE *fp, const VnkgGraph *g,
                           size_t node, const VnkgRelation *relation,
                           const VnkgQuerySteps *steps)
{
    J j = {ctx, 0};
    json_t *root = json_object();
    json_t *arr = json_array();
    set(&j, root, "entity", ref(&j, g, node));
    set(&j, root, "relation",
        relation ? str(&j, vnkg_relation_name(*relation)) : json_null());
    set(&j, root, "count", integer((long long)steps->count));
    set(&j, root, "neighbours", arr);
    for (size_t i = 0; i < steps->count && !j.failed; ++i) {
        push(&j, arr, link(&j, g, &steps->steps[i]));
    }
    return finish(&j, root, fp);
}

VnkgStatus
vnkg_query_json_top(VnkgContext *ctx, FILE *fp, const VnkgGraph *g,
                    VnkgMeasure m, const VnkgEntityType *type,
                    const size_t *nodes, size_t count)
{
    J j = {ctx, 0};
    json_t *root = json_object();
    json_t *arr = json_array();
    int counted = m == VNKG_MEASURE_MENTIONS || m == VNKG_MEASURE_DOCUMENTS;
    set(&j, root, "measure", str(&j, vnkg_query_measure_name(m)));
    set(&j, root, "type",
        type ? str(&j, vnkg_entity_type_name(*type)) : json_null());
    set(&j, root, "count", integer((long long)count));
    set(&j, root, "results", arr);
    for (size_t i = 0; i < count && !j.failed; ++i) {
        double v = vnkg_query_measure_value(&g->nodes[nodes[i]], m);
        json_t *o = json_object();
        set(&j, o, "rank", integer((long long)i + 1));
        set(&j, o, "id", str(&j, g->nodes[nodes[i]].id));
        set(&j, o, "label", str(&j, g->nodes[nodes[i]].label));
        set(&j, o, "type",
            str(&j, vnkg_entity_type_name(g->nodes[nodes[i]].type)));
        set(&j, o, "value", counted ? integer((long long)v) : real(v));
        push(&j, arr, o);
    }
    return finish(&j, root, fp);
}

VnkgStatus
vnkg_query_json_path(VnkgContext *ctx, FILE *fp, const VnkgGraph *g,
                     size_t from, size_t to, const VnkgQuerySteps *path)
{
    J j = {ctx, 0};
    json_t *root = json_object();
    json_t *arr = json_array();
    set(&j, root, "from", ref(&j, g, from));
    set(&j, root, "to", ref(&j, g, to));
    set(&j, root, "length", integer((long long)path->count));
    set(&j, root, "hops", arr);
    size_t at = from;
    for (size_t i = 0; i < path->count && !j.failed; ++i) {
        const VnkgQueryStep *s = &path->steps[i];
        const VnkgEdge *e = &g->edges[s->edge];
        json_t *o = json_object();
        set(&j, o, "from", ref(&j, g, at));
        set(&j, o, "to", ref(&j, g, s->node));
        set(&j, o, "relation", str(&j, vnkg_relation_name(e->relation)));
        set(&j, o, "role", opt(&j, e->role));
        set(&j, o, "direction", str(&j, s->outgoing ? "forward" : "backward"));
        set(&j, o, "first_date", opt(&j, e->first_date));
        set(&j, o, "last_date", opt(&j, e->last_date));
        push(&j, arr, o);
        at = s->node;
    }
    return finish(&j, root, fp);
}

VnkgStatus
vnkg_query_json_stats(VnkgContext *ctx, FILE *fp, const VnkgQueryStats *s)
{
    J j = {ctx, 0};
    json_t *root = json_object();
    json_t *types = json_object();
    json_t *relations = json_object();
    set(&j, root, "nodes", integer((long long)s->nodes));
    set(&j, root, "edges", integer((long long)s->edges));
    set(&j, root, "density", real(s->density));
    set(&j, root, "components", integer((long long)s->components));
    set(&j, root, "communities", integer((long long)s->communities));
    set(&j, root, "articles", integer((long long)s->articles));
    set(&j, root, "types", types);
    set(&j, root, "relations", relations);
    for (int t = 0; t < VNKG_TYPE_COUNT; ++t) {
        set(&j, types, vnkg_entity_type_name((VnkgEntityType)t),
            integer((long long)s->per_type[t]));
    }
    for (int r = 0; r < VNKG_REL_COUNT; ++r) {
        set(&j, relations, vnkg_relation_name((VnkgRelation)r),
            integer((long long)s->per_relation[r]));
    }
    return finish(&j, root, fp);
}
