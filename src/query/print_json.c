/* SPDX-License-Identifier: MIT */
/* Answers as JSON (cJSON): one object per answer, keys in insertion
 * order, UTF-8 as is, numbers with 10 significant digits like the
 * GraphML, null for what is unknown.
 *
 * cJSON copies strings without checking them and keeps numbers as
 * doubles, printed with up to 17 digits (integers through an int). So
 * strings are checked here (RFC 3629) and numbers are written here and
 * added as raw text: integers exact, reals always with a '.' or an
 * exponent so that readers keep them reals. cJSON allocates with malloc;
 * its global hooks are left alone. */
#include "../util/number.h"
#include "query_internal.h"

#include <vnkg/normalise.h>

#include <cjson/cJSON.h>

#include <math.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    VnkgContext *ctx;
    int failed; /* an allocation failed somewhere */
} J;

/* Sets obj[key] = val (taken, and deleted when it cannot be stored);
 * remembers a failure instead of returning it, so that objects are built
 * in straight lines. */
static void
set(J *j, cJSON *obj, const char *key, cJSON *val)
{
    if (!obj || !val || !cJSON_AddItemToObject(obj, key, val)) {
        cJSON_Delete(val);
        j->failed = 1;
    }
}

static void
push(J *j, cJSON *arr, cJSON *val)
{
    if (!arr || !val || !cJSON_AddItemToArray(arr, val)) {
        cJSON_Delete(val);
        j->failed = 1;
    }
}

/* True when the `n` bytes at `s` are UTF-8 (Unicode table 3-7: no
 * overlong forms, no surrogates, nothing above U+10FFFF). */
static int
is_utf8(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    while (p < end) {
        unsigned c = *p++;
        if (c < 0x80) {
            continue;
        }
        size_t more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
        unsigned lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
        unsigned hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
        if (c < 0xC2 || c > 0xF4 || (size_t)(end - p) < more || *p < lo ||
            *p > hi) {
            return 0;
        }
        for (size_t i = 1; i < more; ++i) {
            if ((p[i] & 0xC0) != 0x80) {
                return 0;
            }
        }
        p += more;
    }
    return 1;
}

/* A JSON string, null for NULL; text that is not valid UTF-8 (possible
 * only in graphs built in memory) is repaired first. */
static cJSON *
str(J *j, const char *s)
{
    if (!s) {
        return cJSON_CreateNull();
    }
    size_t n = strlen(s);
    if (is_utf8(s, n)) {
        return cJSON_CreateString(s);
    }
    cJSON *v = NULL;
    char *safe = NULL;
    if (vnkg_normalise_xml_safe(j->ctx, s, n, &safe) == VNKG_SUCCESS) {
        v = cJSON_CreateString(safe);
    }
    vnkg_free(j->ctx, safe);
    return v;
}

/* A string, null for NULL or "". */
static cJSON *
opt(J *j, const char *s)
{
    return s && *s ? str(j, s) : cJSON_CreateNull();
}

static cJSON *
real(double v)
{
    char text[VNKG_NUM_CAP + 2];
    vnkg_format_g(v, 10, text);
    if (!text[0]) { /* NaN, infinities */
        return cJSON_CreateNull();
    }
    if (!strpbrk(text, ".e")) {
        strcat(text, ".0");
    }
    return cJSON_CreateRaw(text);
}

static cJSON *
integer(long long v)
{
    char text[24];
    snprintf(text, sizeof text, "%lld", v);
    return cJSON_CreateRaw(text);
}

/* The '|'-separated list as an array of strings; an item that is not
 * UTF-8 becomes U+FFFD. */
static cJSON *
list(J *j, const char *s)
{
    char *items = vnkg_strdup(j->ctx, s ? s : "");
    cJSON *arr = items ? cJSON_CreateArray() : NULL;
    for (char *p = items; arr && *p;) {
        size_t n = strcspn(p, "|");
        int more = p[n] == '|';
        p[n] = '\0';
        push(j, arr, cJSON_CreateString(is_utf8(p, n) ? p : "\xEF\xBF\xBD"));
        p += n + more;
    }
    vnkg_free(j->ctx, items);
    return arr;
}

/* {"id", "label", "type"}: how other nodes are named inside answers. */
static cJSON *
ref(J *j, const VnkgGraph *g, size_t node)
{
    const VnkgNode *n = &g->nodes[node];
    cJSON *o = cJSON_CreateObject();
    set(j, o, "id", str(j, n->id));
    set(j, o, "label", str(j, n->label));
    set(j, o, "type", str(j, vnkg_entity_type_name(n->type)));
    return o;
}

static cJSON *
scores(const VnkgNode *n)
{
    J j = {NULL, 0};
    cJSON *o = cJSON_CreateObject();
    set(&j, o, "pagerank", real(n->pagerank));
    set(&j, o, "betweenness", real(n->betweenness));
    set(&j, o, "degree", real(n->degree));
    set(&j, o, "in_degree", real(n->in_degree));
    set(&j, o, "out_degree", real(n->out_degree));
    set(&j, o, "strength", real(n->strength));
    set(&j, o, "harmonic", real(n->harmonic));
    set(&j, o, "eigenvector", real(n->eigenvector));
    if (j.failed) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

/* One edge seen from a node: relation, direction, the other node, role,
 * weight, dates, sources. */
static cJSON *
link(J *j, const VnkgGraph *g, const VnkgQueryStep *s)
{
    const VnkgEdge *e = &g->edges[s->edge];
    cJSON *o = cJSON_CreateObject();
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

static cJSON *
office(J *j, const VnkgGraph *g, const VnkgQueryStep *s)
{
    const VnkgEdge *e = &g->edges[s->edge];
    cJSON *o = cJSON_CreateObject();
    set(j, o, "role", opt(j, e->role));
    set(j, o, "organisation", ref(j, g, s->node));
    set(j, o, "first_date", opt(j, e->first_date));
    set(j, o, "last_date", opt(j, e->last_date));
    set(j, o, "sources", list(j, e->sources));
    return o;
}

/* "offices": outgoing holds_office; "relations": every other edge grouped
 * by relation name, relations in vocabulary order, none empty. Here as
 * everywhere, a container is filled before it is stored, since set()
 * deletes what it cannot store. */
static void
facts(J *j, cJSON *o, const VnkgGraph *g, const VnkgQuerySteps *steps)
{
    cJSON *offices = cJSON_CreateArray();
    cJSON *groups = cJSON_CreateObject();
    for (size_t i = 0; i < steps->count; ++i) {
        if (vnkg_query_is_office(g, &steps->steps[i])) {
            push(j, offices, office(j, g, &steps->steps[i]));
        }
    }
    for (int r = 0; r < VNKG_REL_COUNT; ++r) {
        cJSON *arr = cJSON_CreateArray();
        for (size_t i = 0; i < steps->count; ++i) {
            const VnkgQueryStep *s = &steps->steps[i];
            if (g->edges[s->edge].relation == (VnkgRelation)r &&
                !vnkg_query_is_office(g, s)) {
                push(j, arr, link(j, g, s));
            }
        }
        if (arr && !arr->child) {
            cJSON_Delete(arr);
        } else {
            set(j, groups, vnkg_relation_name((VnkgRelation)r), arr);
        }
    }
    set(j, o, "offices", offices);
    set(j, o, "relations", groups);
}

static cJSON *
entity(J *j, const VnkgGraph *g, size_t node)
{
    const VnkgNode *n = &g->nodes[node];
    cJSON *o = ref(j, g, node);
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

/* Prints `root` and a newline to `fp`, and deletes `root`. */
static VnkgStatus
finish(J *j, cJSON *root, FILE *fp)
{
    char *text = j->failed || !root ? NULL : cJSON_Print(root);
    VnkgStatus st = VNKG_SUCCESS;
    if (!text) {
        st = VNKG_ERR_NO_MEMORY;
    } else if (fputs(text, fp) == EOF || fputc('\n', fp) == EOF) {
        st = VNKG_ERR_WRITE;
    }
    if (text) {
        cJSON_free(text);
    }
    cJSON_Delete(root);
    return st;
}

VnkgStatus
vnkg_query_json_entity(VnkgContext *ctx, FILE *fp, const VnkgGraph *g,
                       const char *query, const VnkgQueryMatches *m)
{
    J j = {ctx, 0};
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; i < m->count && !j.failed; ++i) {
        push(&j, arr, entity(&j, g, m->nodes[i]));
    }
    cJSON *root = cJSON_CreateObject();
    set(&j, root, "query", str(&j, query));
    set(&j, root, "matched_by", str(&j, vnkg_query_match_name(m->how)));
    set(&j, root, "entities", arr);
    return finish(&j, root, fp);
}

VnkgStatus
vnkg_query_json_neighbours(VnkgContext *ctx, FILE *fp, const VnkgGraph *g,
                           size_t node, const VnkgRelation *relation,
                           const VnkgQuerySteps *steps)
{
    J j = {ctx, 0};
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; i < steps->count && !j.failed; ++i) {
        push(&j, arr, link(&j, g, &steps->steps[i]));
    }
    cJSON *root = cJSON_CreateObject();
    set(&j, root, "entity", ref(&j, g, node));
    set(&j, root, "relation",
        relation ? str(&j, vnkg_relation_name(*relation)) : cJSON_CreateNull());
    set(&j, root, "count", integer((long long)steps->count));
    set(&j, root, "neighbours", arr);
    return finish(&j, root, fp);
}

/* One row of a ranking. */
static cJSON *
ranked(J *j, const VnkgGraph *g, VnkgMeasure m, size_t node, size_t rank)
{
    const VnkgNode *n = &g->nodes[node];
    double v = vnkg_query_measure_value(n, m);
    int counted = m == VNKG_MEASURE_MENTIONS || m == VNKG_MEASURE_DOCUMENTS;
    cJSON *o = cJSON_CreateObject();
    set(j, o, "rank", integer((long long)rank));
    set(j, o, "id", str(j, n->id));
    set(j, o, "label", str(j, n->label));
    set(j, o, "type", str(j, vnkg_entity_type_name(n->type)));
    set(j, o, "value", counted ? integer((long long)v) : real(v));
    return o;
}

VnkgStatus
vnkg_query_json_top(VnkgContext *ctx, FILE *fp, const VnkgGraph *g,
                    VnkgMeasure m, const VnkgEntityType *type,
                    const size_t *nodes, size_t count)
{
    J j = {ctx, 0};
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; i < count && !j.failed; ++i) {
        push(&j, arr, ranked(&j, g, m, nodes[i], i + 1));
    }
    cJSON *root = cJSON_CreateObject();
    set(&j, root, "measure", str(&j, vnkg_query_measure_name(m)));
    set(&j, root, "type",
        type ? str(&j, vnkg_entity_type_name(*type)) : cJSON_CreateNull());
    set(&j, root, "count", integer((long long)count));
    set(&j, root, "results", arr);
    return finish(&j, root, fp);
}

/* One hop of a path, walked from `at`. */
static cJSON *
hop(J *j, const VnkgGraph *g, size_t at, const VnkgQueryStep *s)
{
    const VnkgEdge *e = &g->edges[s->edge];
    cJSON *o = cJSON_CreateObject();
    set(j, o, "from", ref(j, g, at));
    set(j, o, "to", ref(j, g, s->node));
    set(j, o, "relation", str(j, vnkg_relation_name(e->relation)));
    set(j, o, "role", opt(j, e->role));
    set(j, o, "direction", str(j, s->outgoing ? "forward" : "backward"));
    set(j, o, "first_date", opt(j, e->first_date));
    set(j, o, "last_date", opt(j, e->last_date));
    return o;
}

VnkgStatus
vnkg_query_json_path(VnkgContext *ctx, FILE *fp, const VnkgGraph *g,
                     size_t from, size_t to, const VnkgQuerySteps *path)
{
    J j = {ctx, 0};
    cJSON *arr = cJSON_CreateArray();
    size_t at = from;
    for (size_t i = 0; i < path->count && !j.failed; ++i) {
        push(&j, arr, hop(&j, g, at, &path->steps[i]));
        at = path->steps[i].node;
    }
    cJSON *root = cJSON_CreateObject();
    set(&j, root, "from", ref(&j, g, from));
    set(&j, root, "to", ref(&j, g, to));
    set(&j, root, "length", integer((long long)path->count));
    set(&j, root, "hops", arr);
    return finish(&j, root, fp);
}

VnkgStatus
vnkg_query_json_stats(VnkgContext *ctx, FILE *fp, const VnkgQueryStats *s)
{
    J j = {ctx, 0};
    cJSON *types = cJSON_CreateObject();
    cJSON *relations = cJSON_CreateObject();
    for (int t = 0; t < VNKG_TYPE_COUNT; ++t) {
        set(&j, types, vnkg_entity_type_name((VnkgEntityType)t),
            integer((long long)s->per_type[t]));
    }
    for (int r = 0; r < VNKG_REL_COUNT; ++r) {
        set(&j, relations, vnkg_relation_name((VnkgRelation)r),
            integer((long long)s->per_relation[r]));
    }
    cJSON *root = cJSON_CreateObject();
    set(&j, root, "nodes", integer((long long)s->nodes));
    set(&j, root, "edges", integer((long long)s->edges));
    set(&j, root, "density", real(s->density));
    set(&j, root, "components", integer((long long)s->components));
    set(&j, root, "communities", integer((long long)s->communities));
    set(&j, root, "articles", integer((long long)s->articles));
    set(&j, root, "types", types);
    set(&j, root, "relations", relations);
    return finish(&j, root, fp);
}
