/* SPDX-License-Identifier: MIT */
/* GEXF 1.3 for Gephi (REFERENCE.md §1.4): what GraphML cannot carry, namely
 * time spans (timeformat="date", start/end on nodes and edges) and edge
 * kinds (kind="<relation>", so Gephi keeps parallel edges of different
 * relations apart), plus the viz namespace (colour, position, size). Node
 * and edge attributes are declared in <attributes class=...>; ids equal
 * their titles. "label", "weight", "start" and "end" are never attribute
 * titles because readers (networkx) store the XML attributes by those names.
 */
#include "export_internal.h"

#include <stdio.h>
#include <string.h>

#define GEXF_NS "http://gexf.net/1.3"
#define GEXF_VIZ_NS "http://gexf.net/1.3/viz"
#define XSI_NS "http://www.w3.org/2001/XMLSchema-instance"

typedef struct {
    const char *id;
    const char *type;
} AttrDef;

static const AttrDef node_attrs[] = {
    {"type", "string"},        {"aliases", "string"},
    {"sources", "string"},     {"mentions", "integer"},
    {"documents", "integer"},  {"merged_into", "string"},
    {"valid_until", "string"}, {"degree", "double"},
    {"in_degree", "double"},   {"out_degree", "double"},
    {"strength", "double"},    {"pagerank", "double"},
    {"betweenness", "double"}, {"harmonic", "double"},
    {"eigenvector", "double"}, {"component", "long"},
    {"community", "long"},
};

static const AttrDef edge_attrs[] = {
    {"relation", "string"}, {"role", "string"},       {"sources", "string"},
    {"evidence", "string"}, {"first_date", "string"}, {"last_date", "string"},
};

/* A node's time span: borrowed pointers to ISO dates, NULL when unknown. */
typedef struct {
    const char *start;
    const char *end;
} Span;

typedef struct {
    VnkgContext *ctx;
    xmlTextWriterPtr w;
    const VnkgGraph *g;
    Span *spans;
} Out;

static VnkgStatus
end_element(Out *o)
{
    return xmlTextWriterEndElement(o->w) < 0 ? VNKG_ERR_WRITE : VNKG_SUCCESS;
}

static VnkgStatus
start_element(Out *o, const char *name)
{
    return xmlTextWriterStartElement(o->w, BAD_CAST name) < 0 ? VNKG_ERR_WRITE
                                                              : VNKG_SUCCESS;
}

/* ---- time spans ---------------------------------------------------------- */

static void
widen(Span *s, const char *date)
{
    if (!vnkg_export_is_date(date)) {
        return;
    }
    /* ISO 8601 calendar dates compare as strings. */
    if (!s->start || strcmp(date, s->start) < 0) {
        s->start = date;
    }
    if (!s->end || strcmp(date, s->end) > 0) {
        s->end = date;
    }
}

/* The article with the id s[0..len) (articles are sorted by id). */
static const VnkgArticle *
find_article(const VnkgGraph *g, const char *s, size_t len)
{
    size_t lo = 0, hi = g->n_articles;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *id = g->articles[mid].id ? g->articles[mid].id : "";
        int c = strncmp(id, s, len);
        if (c == 0) {
            c = id[len] != '\0'; /* a longer id sorts after */
        }
        if (c == 0) {
            return &g->articles[mid];
        }
        if (c < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return NULL;
}

static void
span_from_sources(const VnkgGraph *g, const char *sources, Span *s)
{
    for (const char *p = sources; p && *p;) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        const VnkgArticle *a = find_article(g, p, len);
        if (a) {
            widen(s, a->date);
        }
        p = bar ? bar + 1 : p + len;
    }
}

/* A node lives from the first to the last date of the articles that
 * mention it, widened to cover its edges' dates so that Gephi's timeline
 * never shows an edge whose endpoints are hidden. */
static VnkgStatus
compute_spans(VnkgContext *ctx, const VnkgGraph *g, Span **out)
{
    *out = NULL;
    if (g->n_nodes == 0) {
        return VNKG_SUCCESS;
    }
    Span *spans = vnkg_calloc(ctx, g->n_nodes, sizeof *spans);
    if (!spans) {
        return vnkg_diag(ctx, VNKG_ERR_NO_MEMORY, "GEXF: out of memory");
    }
    for (size_t i = 0; i < g->n_nodes; ++i) {
        span_from_sources(g, g->nodes[i].sources, &spans[i]);
    }
    for (size_t i = 0; i < g->n_edges; ++i) {
        const VnkgEdge *e = &g->edges[i];
        if (e->source < g->n_nodes && e->target < g->n_nodes) {
            widen(&spans[e->source], e->first_date);
            widen(&spans[e->source], e->last_date);
            widen(&spans[e->target], e->first_date);
            widen(&spans[e->target], e->last_date);
        }
    }
    *out = spans;
    return VNKG_SUCCESS;
}

/* ---- header -------------------------------------------------------------- */

static VnkgStatus
write_attr_defs(Out *o, const char *cls, const AttrDef *defs, size_t n)
{
    VNKG_TRY(start_element(o, "attributes"));
    VNKG_TRY(vnkg_export_xml_attr(o->ctx, o->w, "class", cls));
    VNKG_TRY(vnkg_export_xml_attr(o->ctx, o->w, "mode", "static"));
    for (size_t i = 0; i < n; ++i) {
        VNKG_TRY(start_element(o, "attribute"));
        VNKG_TRY(vnkg_export_xml_attr(o->ctx, o->w, "id", defs[i].id));
        VNKG_TRY(vnkg_export_xml_attr(o->ctx, o->w, "title", defs[i].id));
        VNKG_TRY(vnkg_export_xml_attr(o->ctx, o->w, "type", defs[i].type));
        VNKG_TRY(end_element(o));
    }
    return end_element(o);
}

/* No lastmodifieddate: the output must not depend on the clock. */
static VnkgStatus
write_meta(Out *o)
{
    VNKG_TRY(start_element(o, "meta"));
    VNKG_TRY(start_element(o, "creator"));
    VNKG_TRY(vnkg_export_xml_text(o->ctx, o->w, "vnkg"));
    VNKG_TRY(end_element(o));
    VNKG_TRY(start_element(o, "description"));
    VNKG_TRY(vnkg_export_xml_text(o->ctx, o->w,
                                  "Knowledge graph of Vietnamese news (vnkg)"));
    VNKG_TRY(end_element(o));
    return end_element(o);
}

static VnkgStatus
write_root(Out *o)
{
    VNKG_TRY(start_element(o, "gexf"));
    VNKG_TRY(vnkg_export_xml_attr(o->ctx, o->w, "xmlns", GEXF_NS));
    VNKG_TRY(vnkg_export_xml_attr(o->ctx, o->w, "xmlns:viz", GEXF_VIZ_NS));
    VNKG_TRY(vnkg_export_xml_attr(o->ctx, o->w, "xmlns:xsi", XSI_NS));
    VNKG_TRY(vnkg_export_xml_attr(o->ctx, o->w, "xsi:schemaLocation",
                                  GEXF_NS " " GEXF_NS "/gexf.xsd"));
    VNKG_TRY(vnkg_export_xml_attr(o->ctx, o->w, "version", "1.3"));
    VNKG_TRY(write_meta(o));
    VNKG_TRY(start_element(o, "graph"));
    VNKG_TRY(vnkg_export_xml_attr(o->ctx, o->w, "mode", "dynamic"));
    VNKG_TRY(vnkg_export_xml_attr(o->ctx, o->w, "defaultedgetype", "directed"));
    VNKG_TRY(vnkg_export_xml_attr(o->ctx, o->w, "timeformat", "date"));
    VNKG_TRY(write_attr_defs(o, "node", node_attrs,
                             sizeof node_attrs / sizeof node_attrs[0]));
    return write_attr_defs(o, "edge", edge_attrs,
                           sizeof edge_attrs / sizeof edge_attrs[0]);
}

/* ---- values -------------------------------------------------------------- */

/* <attvalue for= value=/>, omitted for NULL or "". */
static VnkgStatus
write_value(Out *o, const char *id, const char *value)
{
    if (!value || !*value) {
        return VNKG_SUCCESS;
    }
    VNKG_TRY(start_element(o, "attvalue"));
    VNKG_TRY(vnkg_export_xml_attr(o->ctx, o->w, "for", id));
    VNKG_TRY(vnkg_export_xml_attr(o->ctx, o->w, "value", value));
    return end_element(o);
}

/* NaN and infinities are omitted (the formatter writes ""). */
static VnkgStatus
write_double(Out *o, const char *id, double v)
{
    char num[VNKG_EXPORT_NUM_CAP];
    vnkg_export_format_double(v, num);
    return write_value(o, id, num);
}

static VnkgStatus
write_long(Out *o, const char *id, long v)
{
    char num[VNKG_EXPORT_NUM_CAP];
    snprintf(num, sizeof num, "%ld", v);
    return write_value(o, id, num);
}

static VnkgStatus
write_size(Out *o, const char *id, size_t v)
{
    char num[VNKG_EXPORT_NUM_CAP];
    snprintf(num, sizeof num, "%zu", v);
    return write_value(o, id, num);
}

/* start/end when known. */
static VnkgStatus
write_span(Out *o, const char *start, const char *end)
{
    if (vnkg_export_is_date(start)) {
        VNKG_TRY(vnkg_export_xml_attr(o->ctx, o->w, "start", start));
    }
    if (vnkg_export_is_date(end)) {
        VNKG_TRY(vnkg_export_xml_attr(o->ctx, o->w, "end", end));
    }
    return VNKG_SUCCESS;
}

/* ---- nodes --------------------------------------------------------------- */

static VnkgStatus
write_node_values(Out *o, const VnkgNode *n)
{
    VNKG_TRY(start_element(o, "attvalues"));
    VNKG_TRY(write_value(o, "type", vnkg_entity_type_name(n->type)));
    VNKG_TRY(write_value(o, "aliases", n->aliases));
    VNKG_TRY(write_value(o, "sources", n->sources));
    VNKG_TRY(write_size(o, "mentions", n->mentions));
    VNKG_TRY(write_size(o, "documents", n->documents));
    VNKG_TRY(write_value(o, "merged_into", n->merged_into));
    VNKG_TRY(write_value(o, "valid_until", n->valid_until));
    VNKG_TRY(write_double(o, "degree", n->degree));
    VNKG_TRY(write_double(o, "in_degree", n->in_degree));
    VNKG_TRY(write_double(o, "out_degree", n->out_degree));
    VNKG_TRY(write_double(o, "strength", n->strength));
    VNKG_TRY(write_double(o, "pagerank", n->pagerank));
    VNKG_TRY(write_double(o, "betweenness", n->betweenness));
    VNKG_TRY(write_double(o, "harmonic", n->harmonic));
    VNKG_TRY(write_double(o, "eigenvector", n->eigenvector));
    VNKG_TRY(write_long(o, "component", n->component));
    VNKG_TRY(write_long(o, "community", n->community));
    return end_element(o);
}

/* An attribute holding a number; a non-finite value becomes `fallback`. */
static VnkgStatus
write_num_attr(Out *o, const char *name, double v, const char *fallback)
{
    char num[VNKG_EXPORT_NUM_CAP];
    if (vnkg_export_format_double(v, num) == 0) {
        snprintf(num, sizeof num, "%s", fallback);
    }
    return vnkg_export_xml_attr(o->ctx, o->w, name, num);
}

/* Gephi's own export order: size, position, colour. */
static VnkgStatus
write_node_viz(Out *o, const VnkgNode *n)
{
    VNKG_TRY(start_element(o, "viz:size"));
    VNKG_TRY(write_num_attr(o, "value", n->size, "1"));
    VNKG_TRY(end_element(o));
    VNKG_TRY(start_element(o, "viz:position"));
    VNKG_TRY(write_num_attr(o, "x", n->x, "0"));
    VNKG_TRY(write_num_attr(o, "y", n->y, "0"));
    VNKG_TRY(vnkg_export_xml_attr(o->ctx, o->w, "z", "0"));
    VNKG_TRY(end_element(o));
    VNKG_TRY(start_element(o, "viz:color"));
    char num[VNKG_EXPORT_NUM_CAP];
    snprintf(num, sizeof num, "%u", (unsigned)n->r);
    VNKG_TRY(vnkg_export_xml_attr(o->ctx, o->w, "r", num));
    snprintf(num, sizeof num, "%u", (unsigned)n->g);
    VNKG_TRY(vnkg_export_xml_attr(o->ctx, o->w, "g", num));
    snprintf(num, sizeof num, "%u", (unsigned)n->b);
    VNKG_TRY(vnkg_export_xml_attr(o->ctx, o->w, "b", num));
    return end_element(o);
}

static VnkgStatus
write_node(Out *o, size_t i)
{
    const VnkgNode *n = &o->g->nodes[i];
    VNKG_TRY(start_element(o, "node"));
    VNKG_TRY(vnkg_export_xml_attr(o->ctx, o->w, "id", n->id));
    VNKG_TRY(vnkg_export_xml_attr(o->ctx, o->w, "label",
                                  n->label ? n->label : n->id));
    VNKG_TRY(write_span(o, o->spans[i].start, o->spans[i].end));
    VNKG_TRY(write_node_values(o, n));
    VNKG_TRY(write_node_viz(o, n));
    return end_element(o);
}

/* ---- edges --------------------------------------------------------------- */

static VnkgStatus
write_edge_values(Out *o, const VnkgEdge *e, const char *rel)
{
    VNKG_TRY(start_element(o, "attvalues"));
    VNKG_TRY(write_value(o, "relation", rel));
    VNKG_TRY(write_value(o, "role", e->role));
    VNKG_TRY(write_value(o, "sources", e->sources));
    VNKG_TRY(write_value(o, "evidence", e->evidence));
    VNKG_TRY(write_value(o, "first_date", e->first_date));
    VNKG_TRY(write_value(o, "last_date", e->last_date));
    return end_element(o);
}

static VnkgStatus
write_edge(Out *o, size_t i)
{
    const VnkgGraph *g = o->g;
    const VnkgEdge *e = &g->edges[i];
    if (e->source >= g->n_nodes || e->target >= g->n_nodes) {
        return vnkg_diag(o->ctx, VNKG_ERR_INTERNAL,
                         "edge %zu: endpoint out of range", i);
    }
    const char *rel = vnkg_relation_name(e->relation);
    rel = rel ? rel : "";
    char id[VNKG_EXPORT_NUM_CAP];
    snprintf(id, sizeof id, "e%zu", i);
    VNKG_TRY(start_element(o, "edge"));
    VNKG_TRY(vnkg_export_xml_attr(o->ctx, o->w, "id", id));
    VNKG_TRY(
        vnkg_export_xml_attr(o->ctx, o->w, "source", g->nodes[e->source].id));
    VNKG_TRY(
        vnkg_export_xml_attr(o->ctx, o->w, "target", g->nodes[e->target].id));
    /* kind: Gephi's edge type, so relations between the same two nodes
     * stay separate edges instead of being merged (REFERENCE.md §1.3). */
    VNKG_TRY(vnkg_export_xml_attr(o->ctx, o->w, "kind", rel));
    VNKG_TRY(vnkg_export_xml_attr(o->ctx, o->w, "label", rel));
    VNKG_TRY(write_num_attr(o, "weight", e->weight, "1"));
    VNKG_TRY(write_span(o, e->first_date, e->last_date));
    VNKG_TRY(write_edge_values(o, e, rel));
    return end_element(o);
}

/* ---- document ------------------------------------------------------------ */

static VnkgStatus
write_body(Out *o)
{
    if (xmlTextWriterStartDocument(o->w, NULL, "UTF-8", NULL) < 0) {
        return VNKG_ERR_WRITE;
    }
    VNKG_TRY(write_root(o));
    VNKG_TRY(start_element(o, "nodes"));
    for (size_t i = 0; i < o->g->n_nodes; ++i) {
        VNKG_TRY(write_node(o, i));
    }
    VNKG_TRY(end_element(o));
    VNKG_TRY(start_element(o, "edges"));
    for (size_t i = 0; i < o->g->n_edges; ++i) {
        VNKG_TRY(write_edge(o, i));
    }
    VNKG_TRY(end_element(o));
    if (xmlTextWriterEndDocument(o->w) < 0 || xmlTextWriterFlush(o->w) < 0) {
        return VNKG_ERR_WRITE;
    }
    return VNKG_SUCCESS;
}

static VnkgStatus
write_gexf(VnkgContext *ctx, FILE *fp, const void *data)
{
    Out o = {ctx, NULL, data, NULL};
    VNKG_TRY(compute_spans(ctx, o.g, &o.spans));
    VnkgStatus st = vnkg_export_xml_open(ctx, fp, &o.w);
    if (st == VNKG_SUCCESS) {
        st = write_body(&o);
        xmlFreeTextWriter(o.w);
    }
    vnkg_free(ctx, o.spans);
    return st;
}

VnkgStatus
vnkg_export_gexf(VnkgContext *ctx, const VnkgGraph *graph, const char *path)
{
    return vnkg_export_atomic(ctx, path, write_gexf, graph);
}
