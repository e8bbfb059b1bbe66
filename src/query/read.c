/* SPDX-License-Identifier: MIT */
/* GraphML back into a VnkgGraph, on libxml2's streaming xmlTextReader so
 * that memory stays proportional to the graph, not to the document tree.
 * GraphML Primer (Brandes et al., graphdrawing.org): <key> declares an
 * attribute (id, for, attr.name, attr.type, optional <default>), <data
 * key=...> carries a value; data precedes a nested <graph>, so a flat
 * "current node or edge" is enough to read nested graphs flattened. */
#include "query_internal.h"

#include <libxml/xmlreader.h>

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef enum {
    F_STR,
    F_SIZE,
    F_LONG,
    F_DOUBLE,
    F_UCHAR,
    F_TYPE,
    F_RELATION
} FieldKind;

typedef struct {
    const char *name; /* attr.name */
    FieldKind kind;
    size_t offset; /* in VnkgNode or VnkgEdge */
} Field;

#define NF(name, kind, member)                                                 \
    {                                                                          \
        name, kind, offsetof(VnkgNode, member)                                 \
    }
#define EF(name, kind, member)                                                 \
    {                                                                          \
        name, kind, offsetof(VnkgEdge, member)                                 \
    }

static const Field node_fields[] = {
    NF("label", F_STR, label),
    NF("type", F_TYPE, type),
    NF("aliases", F_STR, aliases),
    NF("sources", F_STR, sources),
    NF("mentions", F_SIZE, mentions),
    NF("documents", F_SIZE, documents),
    NF("merged_into", F_STR, merged_into),
    NF("valid_until", F_STR, valid_until),
    NF("degree", F_DOUBLE, degree),
    NF("in_degree", F_DOUBLE, in_degree),
    NF("out_degree", F_DOUBLE, out_degree),
    NF("strength", F_DOUBLE, strength),
    NF("pagerank", F_DOUBLE, pagerank),
    NF("betweenness", F_DOUBLE, betweenness),
    NF("harmonic", F_DOUBLE, harmonic),
    NF("eigenvector", F_DOUBLE, eigenvector),
    NF("component", F_LONG, component),
    NF("community", F_LONG, community),
    NF("x", F_DOUBLE, x),
    NF("y", F_DOUBLE, y),
    NF("size", F_DOUBLE, size),
    NF("r", F_UCHAR, r),
    NF("g", F_UCHAR, g),
    NF("b", F_UCHAR, b),
};

static const Field edge_fields[] = {
    EF("relation", F_RELATION, relation), EF("role", F_STR, role),
    EF("weight", F_DOUBLE, weight),       EF("sources", F_STR, sources),
    EF("evidence", F_STR, evidence),      EF("first_date", F_STR, first_date),
    EF("last_date", F_STR, last_date),
};

enum { ON_NODE = 0, ON_EDGE = 1 };

typedef struct {
    char *id;
    const Field *field[2]; /* ON_NODE, ON_EDGE; NULL when not for it */
    char *deflt;           /* <default> text or NULL */
} Key;

typedef struct {
    VnkgNode node;
    long line;
    int has_colour; /* r, g or b given */
} RNode;

typedef struct {
    VnkgEdge edge;
    char *source; /* node ids until resolved */
    char *target;
    long line;
    size_t order; /* file order, the last sort key */
} REdge;

typedef struct {
    VnkgContext *ctx;
    const char *path;
    xmlTextReaderPtr xr;
    char *error; /* first libxml2 error message */
    long error_line;
    Key *keys;
    size_t n_keys, cap_keys;
    RNode *nodes;
    size_t n_nodes, cap_nodes;
    REdge *edges;
    size_t n_edges, cap_edges;
    int cur;     /* -1, ON_NODE or ON_EDGE */
    long in_key; /* index of the <key> being read, or -1 */
    int seen_root;
} Reader;

/* The line of the node being read: the parser runs ahead of the reader,
 * so its own line number is where the parser is, not where the node is. */
static long
line_of(const Reader *r)
{
    xmlNodePtr node = xmlTextReaderCurrentNode(r->xr);
    long line = node ? xmlGetLineNo(node) : -1;
    return line > 0 ? line : xmlTextReaderGetParserLineNumber(r->xr);
}

static VnkgStatus
syntax(Reader *r, const char *what, const char *detail)
{
    return vnkg_diag(r->ctx, VNKG_ERR_BAD_SYNTAX, "%s:%ld: %s%s", r->path,
                     line_of(r), what, detail ? detail : "");
}

/* Keeps the first error for the diagnostic; warnings are not errors. */
static void
on_xml_error(void *user, xmlErrorPtr err)
{
    Reader *r = user;
    if (!err || err->level < XML_ERR_ERROR || r->error) {
        return;
    }
    const char *msg = err->message ? err->message : "malformed XML";
    size_t len = strlen(msg);
    while (len && (msg[len - 1] == '\n' || msg[len - 1] == ' ')) {
        --len;
    }
    r->error = vnkg_strndup(r->ctx, msg, len);
    r->error_line = err->line;
}

static VnkgStatus
xml_failed(Reader *r)
{
    if (r->error) {
        return vnkg_diag(r->ctx, VNKG_ERR_BAD_SYNTAX, "%s:%ld: %s", r->path,
                         r->error_line, r->error);
    }
    return syntax(r, "malformed XML", NULL);
}

/* Reads the text content of the current element (entity references are
 * not expanded) into a new string. */
static VnkgStatus
read_text(Reader *r, char **out)
{
    *out = NULL;
    VnkgQueryBuf buf = {0};
    VnkgStatus st = vnkg_query_buf_append(r->ctx, &buf, "", 0);
    if (st != VNKG_SUCCESS || xmlTextReaderIsEmptyElement(r->xr)) {
        *out = buf.ptr;
        return st;
    }
    int depth = xmlTextReaderDepth(r->xr);
    int rc;
    while (st == VNKG_SUCCESS && (rc = xmlTextReaderRead(r->xr)) == 1) {
        int t = xmlTextReaderNodeType(r->xr);
        if (t == XML_READER_TYPE_END_ELEMENT &&
            xmlTextReaderDepth(r->xr) == depth) {
            break;
        }
        if (t == XML_READER_TYPE_TEXT || t == XML_READER_TYPE_CDATA ||
            t == XML_READER_TYPE_WHITESPACE ||
            t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) {
            const char *v = (const char *)xmlTextReaderConstValue(r->xr);
            st = vnkg_query_buf_append(r->ctx, &buf, v ? v : "",
                                       v ? strlen(v) : 0);
        }
    }
    if (st == VNKG_SUCCESS && rc != 1) {
        st = xml_failed(r);
    }
    if (st != VNKG_SUCCESS) {
        vnkg_query_buf_clear(r->ctx, &buf);
        return st;
    }
    *out = buf.ptr;
    return VNKG_SUCCESS;
}

/* A copy of attribute `name` of the current element, or NULL (absent).
 * Sets *st to VNKG_ERR_NO_MEMORY when the copy fails. */
static char *
attr(Reader *r, const char *name, VnkgStatus *st)
{
    xmlChar *v = xmlTextReaderGetAttribute(r->xr, BAD_CAST name);
    if (!v) {
        return NULL;
    }
    char *copy = vnkg_strdup(r->ctx, (const char *)v);
    xmlFree(v);
    if (!copy) {
        *st = VNKG_ERR_NO_MEMORY;
    }
    return copy;
}

static const Field *
find_field(const Field *fields, size_t n, const char *name)
{
    for (size_t i = 0; i < n; ++i) {
        if (strcmp(fields[i].name, name) == 0) {
            return &fields[i];
        }
    }
    return NULL;
}

static VnkgStatus
on_key(Reader *r)
{
    void *items = r->keys;
    VNKG_TRY(vnkg_query_grow(r->ctx, &items, &r->cap_keys, r->n_keys + 1,
                             sizeof *r->keys));
    r->keys = items;
    VnkgStatus st = VNKG_SUCCESS;
    Key *k = &r->keys[r->n_keys];
    memset(k, 0, sizeof *k);
    k->id = attr(r, "id", &st);
    char *name = attr(r, "attr.name", &st);
    char *domain = attr(r, "for", &st);
    if (st == VNKG_SUCCESS && !k->id) {
        st = syntax(r, "<key> without an id", NULL);
    }
    if (st == VNKG_SUCCESS) {
        const char *n = name ? name : k->id;
        const char *d = domain ? domain : "all";
        int all = strcmp(d, "all") == 0;
        if (all || strcmp(d, "node") == 0) {
            k->field[ON_NODE] = find_field(
                node_fields, sizeof node_fields / sizeof *node_fields, n);
        }
        if (all || strcmp(d, "edge") == 0) {
            k->field[ON_EDGE] = find_field(
                edge_fields, sizeof edge_fields / sizeof *edge_fields, n);
        }
        r->n_keys++;
        r->in_key =
            xmlTextReaderIsEmptyElement(r->xr) ? -1 : (long)r->n_keys - 1;
    } else {
        vnkg_free(r->ctx, k->id);
    }
    vnkg_free(r->ctx, name);
    vnkg_free(r->ctx, domain);
    return st;
}

static const Key *
find_key(const Reader *r, const char *id)
{
    for (size_t i = 0; i < r->n_keys; ++i) {
        if (strcmp(r->keys[i].id, id) == 0) {
            return &r->keys[i];
        }
    }
    return NULL;
}

static VnkgStatus
bad_number(Reader *r, const Field *f, const char *text)
{
    return vnkg_diag(r->ctx, VNKG_ERR_BAD_SYNTAX,
                     "%s:%ld: key '%s': '%s' is not a number", r->path,
                     line_of(r), f->name, text);
}

/* `s` without leading and trailing XML white space (cut in place). */
static char *
trim(char *s)
{
    s += strspn(s, " \t\r\n");
    size_t len = strlen(s);
    while (len && strchr(" \t\r\n", s[len - 1])) {
        s[--len] = '\0';
    }
    return s;
}

/* Stores `text` (taken) in the field at `base + f->offset`; numbers, types
 * and relations may have white space around them. */
static VnkgStatus
set_field(Reader *r, char *base, const Field *f, char *text)
{
    void *p = base + f->offset;
    double v = 0;
    int empty = text[strspn(text, " \t\r\n")] == '\0';
    if (f->kind == F_STR) {
        vnkg_free(r->ctx, *(char **)p);
        *(char **)p = empty ? NULL : text;
        if (empty) {
            vnkg_free(r->ctx, text);
        }
        return VNKG_SUCCESS;
    }
    VnkgStatus st = VNKG_SUCCESS;
    char *word = trim(text);
    if (f->kind == F_TYPE) {
        /* the catch-all type for what vnkg does not know */
        if (vnkg_entity_type_parse(word, (VnkgEntityType *)p) != VNKG_SUCCESS) {
            *(VnkgEntityType *)p = VNKG_TYPE_ORGANIZATION;
        }
    } else if (f->kind == F_RELATION) {
        if (vnkg_relation_parse(word, (VnkgRelation *)p) != VNKG_SUCCESS) {
            *(VnkgRelation *)p = VNKG_REL_CO_MENTION;
        }
    } else if (empty) {
        /* no value: the default stays */
    } else if (!vnkg_query_parse_double(text, &v)) {
        st = bad_number(r, f, word);
    } else if (f->kind == F_DOUBLE) {
        *(double *)p = v;
    } else if (f->kind == F_SIZE) {
        *(size_t *)p = v > 0 && v < 9007199254740992.0 ? (size_t)v : 0;
    } else if (f->kind == F_LONG) {
        *(long *)p = v > -2147483648.0 && v < 2147483648.0 ? (long)v : -1;
    } else {
        *(unsigned char *)p = (unsigned char)(v < 0 ? 0 : v > 255 ? 255 : v);
    }
    vnkg_free(r->ctx, text);
    return st;
}

/* The fields of the current node or edge, and the field `k` names there
 * (NULL when none). A colour counts as given once its field is looked up. */
static char *
current(Reader *r, const Key *k, const Field **f)
{
    *f = k->field[r->cur];
    if (r->cur == ON_NODE) {
        RNode *n = &r->nodes[r->n_nodes - 1];
        n->has_colour |= *f && (*f)->kind == F_UCHAR;
        return (char *)&n->node;
    }
    return (char *)&r->edges[r->n_edges - 1].edge;
}

static VnkgStatus
apply_defaults(Reader *r)
{
    for (size_t i = 0; i < r->n_keys; ++i) {
        const Field *f;
        if (!r->keys[i].deflt) {
            continue;
        }
        char *base = current(r, &r->keys[i], &f);
        if (f) {
            char *copy = vnkg_strdup(r->ctx, r->keys[i].deflt);
            if (!copy) {
                return VNKG_ERR_NO_MEMORY;
            }
            VNKG_TRY(set_field(r, base, f, copy));
        }
    }
    return VNKG_SUCCESS;
}

static VnkgStatus
on_data(Reader *r)
{
    VnkgStatus st = VNKG_SUCCESS;
    char *id = attr(r, "key", &st);
    if (st == VNKG_SUCCESS && !id) {
        st = syntax(r, "<data> without a key", NULL);
    }
    const Key *k = st == VNKG_SUCCESS ? find_key(r, id) : NULL;
    vnkg_free(r->ctx, id);
    const Field *f = NULL;
    char *base = k ? current(r, k, &f) : NULL;
    char *text = NULL;
    if (st == VNKG_SUCCESS) {
        st = read_text(r, &text);
    }
    if (st == VNKG_SUCCESS && f) {
        return set_field(r, base, f, text);
    }
    vnkg_free(r->ctx, text);
    return st;
}

static VnkgStatus
on_node(Reader *r)
{
    void *items = r->nodes;
    VNKG_TRY(vnkg_query_grow(r->ctx, &items, &r->cap_nodes, r->n_nodes + 1,
                             sizeof *r->nodes));
    r->nodes = items;
    VnkgStatus st = VNKG_SUCCESS;
    char *id = attr(r, "id", &st);
    if (st == VNKG_SUCCESS && !id) {
        return syntax(r, "<node> without an id", NULL);
    }
    VNKG_TRY(st);
    RNode *n = &r->nodes[r->n_nodes++];
    memset(n, 0, sizeof *n);
    n->line = line_of(r);
    n->node.id = id;
    n->node.type = VNKG_TYPE_ORGANIZATION;
    n->node.community = n->node.component = -1;
    n->node.size = 1.0;
    r->cur = ON_NODE;
    return apply_defaults(r);
}

static VnkgStatus
on_edge(Reader *r)
{
    void *items = r->edges;
    VNKG_TRY(vnkg_query_grow(r->ctx, &items, &r->cap_edges, r->n_edges + 1,
                             sizeof *r->edges));
    r->edges = items;
    REdge *e = &r->edges[r->n_edges++];
    memset(e, 0, sizeof *e);
    e->line = line_of(r);
    e->order = r->n_edges - 1;
    e->edge.relation = VNKG_REL_CO_MENTION;
    e->edge.weight = 1.0;
    VnkgStatus st = VNKG_SUCCESS;
    e->source = attr(r, "source", &st);
    e->target = attr(r, "target", &st);
    char *label = attr(r, "label", &st);
    if (st == VNKG_SUCCESS && (!e->source || !e->target)) {
        st = syntax(r, "<edge> without source or target", NULL);
    }
    r->cur = ON_EDGE;
    if (st == VNKG_SUCCESS) {
        st = apply_defaults(r);
    }
    VnkgRelation rel;
    if (st == VNKG_SUCCESS && label &&
        vnkg_relation_parse(label, &rel) == VNKG_SUCCESS) {
        e->edge.relation = rel; /* Gephi's edge label, before any <data> */
    }
    vnkg_free(r->ctx, label);
    return st;
}

static VnkgStatus
on_start(Reader *r, const char *name)
{
    if (!r->seen_root) {
        r->seen_root = 1;
        if (strcmp(name, "graphml") != 0) {
            return syntax(r, "not GraphML: the root element is ", name);
        }
        return VNKG_SUCCESS;
    }
    if (strcmp(name, "key") == 0) {
        return on_key(r);
    }
    if (strcmp(name, "default") == 0 && r->in_key >= 0) {
        Key *k = &r->keys[r->in_key];
        vnkg_free(r->ctx, k->deflt);
        return read_text(r, &k->deflt);
    }
    if (strcmp(name, "node") == 0) {
        return on_node(r);
    }
    if (strcmp(name, "edge") == 0) {
        return on_edge(r);
    }
    if (strcmp(name, "data") == 0 && r->cur >= 0) {
        return on_data(r);
    }
    return VNKG_SUCCESS;
}

static void
on_end(Reader *r, const char *name)
{
    if (strcmp(name, "node") == 0 || strcmp(name, "edge") == 0) {
        r->cur = -1;
    } else if (strcmp(name, "key") == 0) {
        r->in_key = -1;
    }
}

static VnkgStatus
read_loop(Reader *r)
{
    int rc;
    while ((rc = xmlTextReaderRead(r->xr)) == 1) {
        int t = xmlTextReaderNodeType(r->xr);
        const char *name = (const char *)xmlTextReaderConstLocalName(r->xr);
        if (t == XML_READER_TYPE_DOCUMENT_TYPE) {
            /* GraphML needs no DTD, and a DTD is how entity bombs come */
            return syntax(r, "a DOCTYPE is not accepted in GraphML", NULL);
        }
        if (t == XML_READER_TYPE_ELEMENT) {
            int empty = xmlTextReaderIsEmptyElement(r->xr) == 1;
            VNKG_TRY(on_start(r, name ? name : ""));
            if (empty) {
                on_end(r, name ? name : "");
            }
        } else if (t == XML_READER_TYPE_END_ELEMENT) {
            on_end(r, name ? name : "");
        }
    }
    if (rc < 0) {
        return xml_failed(r);
    }
    if (!r->seen_root) {
        return syntax(r, "not GraphML: no root element", NULL);
    }
    return VNKG_SUCCESS;
}

static int
cmp_rnode(const void *a, const void *b)
{
    const RNode *x = a, *y = b;
    int c = strcmp(x->node.id, y->node.id);
    return c ? c : (x->line > y->line) - (x->line < y->line);
}

/* Sorts the nodes by id into the graph; a repeated id is an error. */
static VnkgStatus
finish_nodes(Reader *r, VnkgGraph *g)
{
    if (r->n_nodes > 1) { /* qsort must not see a NULL base */
        qsort(r->nodes, r->n_nodes, sizeof *r->nodes, cmp_rnode);
    }
    for (size_t i = 1; i < r->n_nodes; ++i) {
        if (strcmp(r->nodes[i].node.id, r->nodes[i - 1].node.id) == 0) {
            return vnkg_diag(r->ctx, VNKG_ERR_BAD_SYNTAX,
                             "%s:%ld: node id '%s' already used on line %ld",
                             r->path, r->nodes[i].line, r->nodes[i].node.id,
                             r->nodes[i - 1].line);
        }
    }
    g->nodes = vnkg_calloc(r->ctx, r->n_nodes + 1, sizeof *g->nodes);
    if (!g->nodes) {
        return VNKG_ERR_NO_MEMORY;
    }
    for (size_t i = 0; i < r->n_nodes; ++i) {
        VnkgNode *n = &r->nodes[i].node;
        if (!r->nodes[i].has_colour) {
            vnkg_graph_type_colour(n->type, &n->r, &n->g, &n->b);
        }
        g->nodes[i] = *n;
    }
    g->n_nodes = r->n_nodes;
    r->n_nodes = 0; /* the graph owns the strings now */
    return VNKG_SUCCESS;
}

static int
cmp_str_null(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "");
}

/* graph.h's edge order: (source id, target id, relation, role); node
 * indices follow id order, so indices compare like ids. */
static int
cmp_redge(const void *a, const void *b)
{
    const REdge *x = a, *y = b;
    const VnkgEdge *e = &x->edge, *f = &y->edge;
    if (e->source != f->source) {
        return e->source < f->source ? -1 : 1;
    }
    if (e->target != f->target) {
        return e->target < f->target ? -1 : 1;
    }
    if (e->relation != f->relation) {
        return e->relation < f->relation ? -1 : 1;
    }
    int c = cmp_str_null(e->role, f->role);
    return c ? c : (x->order > y->order) - (x->order < y->order);
}

static VnkgStatus
resolve_end(Reader *r, const VnkgGraph *g, const REdge *e, const char *id,
            size_t *out)
{
    if (vnkg_graph_find(g, id, out) != VNKG_SUCCESS) {
        return vnkg_diag(r->ctx, VNKG_ERR_BAD_SYNTAX,
                         "%s:%ld: edge refers to unknown node '%s'", r->path,
                         e->line, id);
    }
    return VNKG_SUCCESS;
}

static VnkgStatus
finish_edges(Reader *r, VnkgGraph *g)
{
    for (size_t i = 0; i < r->n_edges; ++i) {
        REdge *e = &r->edges[i];
        VNKG_TRY(resolve_end(r, g, e, e->source, &e->edge.source));
        VNKG_TRY(resolve_end(r, g, e, e->target, &e->edge.target));
    }
    if (r->n_edges > 1) { /* qsort must not see a NULL base */
        qsort(r->edges, r->n_edges, sizeof *r->edges, cmp_redge);
    }
    g->edges = vnkg_calloc(r->ctx, r->n_edges + 1, sizeof *g->edges);
    if (!g->edges) {
        return VNKG_ERR_NO_MEMORY;
    }
    for (size_t i = 0; i < r->n_edges; ++i) {
        g->edges[i] = r->edges[i].edge;
        vnkg_free(r->ctx, r->edges[i].source);
        vnkg_free(r->ctx, r->edges[i].target);
    }
    g->n_edges = r->n_edges;
    r->n_edges = 0;
    return VNKG_SUCCESS;
}

/* What graph_build guarantees: a label, "" for no aliases or sources. */
static VnkgStatus
fill_blanks(VnkgContext *ctx, VnkgGraph *g)
{
    for (size_t i = 0; i < g->n_nodes; ++i) {
        VnkgNode *n = &g->nodes[i];
        char **slots[] = {&n->label, &n->aliases, &n->sources};
        for (size_t k = 0; k < 3; ++k) {
            if (!*slots[k]) {
                *slots[k] = vnkg_strdup(ctx, k == 0 ? n->id : "");
            }
            if (!*slots[k]) {
                return VNKG_ERR_NO_MEMORY;
            }
        }
    }
    for (size_t i = 0; i < g->n_edges; ++i) {
        if (!g->edges[i].sources) {
            g->edges[i].sources = vnkg_strdup(ctx, "");
        }
        if (!g->edges[i].sources) {
            return VNKG_ERR_NO_MEMORY;
        }
    }
    return VNKG_SUCCESS;
}

static VnkgStatus
finish(Reader *r, VnkgGraph *g)
{
    VNKG_TRY(finish_nodes(r, g));
    VNKG_TRY(finish_edges(r, g));
    VNKG_TRY(fill_blanks(r->ctx, g));
    size_t components, communities;
    VNKG_TRY(vnkg_query_count_components(r->ctx, g, &components));
    VNKG_TRY(vnkg_query_count_communities(r->ctx, g, &communities));
    g->n_components = (long)components;
    g->n_communities = (long)communities;
    return VNKG_SUCCESS;
}

static void
free_node(VnkgContext *ctx, VnkgNode *n)
{
    char *strings[] = {n->id,      n->label,       n->aliases,
                       n->sources, n->merged_into, n->valid_until};
    for (size_t i = 0; i < sizeof strings / sizeof *strings; ++i) {
        vnkg_free(ctx, strings[i]);
    }
}

static void
free_edge(VnkgContext *ctx, REdge *e)
{
    char *strings[] = {e->source,        e->target,        e->edge.role,
                       e->edge.sources,  e->edge.evidence, e->edge.first_date,
                       e->edge.last_date};
    for (size_t i = 0; i < sizeof strings / sizeof *strings; ++i) {
        vnkg_free(ctx, strings[i]);
    }
}

static void
reader_clear(Reader *r)
{
    for (size_t i = 0; i < r->n_keys; ++i) {
        vnkg_free(r->ctx, r->keys[i].id);
        vnkg_free(r->ctx, r->keys[i].deflt);
    }
    for (size_t i = 0; i < r->n_nodes; ++i) {
        free_node(r->ctx, &r->nodes[i].node);
    }
    for (size_t i = 0; i < r->n_edges; ++i) {
        free_edge(r->ctx, &r->edges[i]);
    }
    vnkg_free(r->ctx, r->keys);
    vnkg_free(r->ctx, r->nodes);
    vnkg_free(r->ctx, r->edges);
    vnkg_free(r->ctx, r->error);
}

/* Opens `path` and checks its size against the limits. */
static VnkgStatus
open_input(VnkgContext *ctx, const char *path, int *out)
{
    *out = open(path, O_RDONLY | O_CLOEXEC);
    if (*out < 0) {
        return vnkg_diag(ctx, VNKG_ERR_IO, "%s: %s", path, strerror(errno));
    }
    struct stat sb;
    VnkgStatus st = VNKG_SUCCESS;
    size_t max = vnkg_context_limits(ctx)->max_file_bytes;
    if (fstat(*out, &sb) != 0) {
        st = vnkg_diag(ctx, VNKG_ERR_IO, "%s: %s", path, strerror(errno));
    } else if (S_ISDIR(sb.st_mode)) {
        st = vnkg_diag(ctx, VNKG_ERR_IO, "%s: is a directory", path);
    } else if (S_ISREG(sb.st_mode) && (unsigned long long)sb.st_size > max) {
        st = vnkg_diag(ctx, VNKG_ERR_LIMIT,
                       "%s: %lld bytes, over the limit of %zu", path,
                       (long long)sb.st_size, max);
    }
    if (st != VNKG_SUCCESS) {
        close(*out);
        *out = -1;
    }
    return st;
}

VnkgStatus
vnkg_query_read_graphml(VnkgContext *ctx, const char *path, VnkgGraph **out)
{
    *out = NULL;
    int fd;
    VNKG_TRY(open_input(ctx, path, &fd));
    Reader r = {.ctx = ctx, .path = path, .cur = -1, .in_key = -1};
    VnkgGraph *g = NULL;
    /* NONET, and neither NOENT nor DTDLOAD: no entity is expanded and
     * nothing outside the file is loaded; never XML_PARSE_HUGE. */
    r.xr =
        xmlReaderForFd(fd, path, NULL, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
    VnkgStatus st = r.xr ? vnkg_graph_new(ctx, &g) : VNKG_ERR_NO_MEMORY;
    if (st == VNKG_SUCCESS) {
        xmlTextReaderSetStructuredErrorHandler(r.xr, on_xml_error, &r);
        st = read_loop(&r);
    }
    if (st == VNKG_SUCCESS) {
        st = finish(&r, g);
    }
    xmlFreeTextReader(r.xr);
    close(fd);
    reader_clear(&r);
    if (st != VNKG_SUCCESS) {
        vnkg_graph_free(ctx, g);
        return st;
    }
    *out = g;
    return VNKG_SUCCESS;
}
