/* SPDX-License-Identifier: MIT */
/* GraphML for Gephi, networkx and igraph (DESIGN.md "GraphML"). Key ids
 * equal their attr.name so that Gephi, which matches keys by id first
 * (REFERENCE.md §1.1), maps label/x/y/size/r/g/b/weight to its built-in
 * properties; an edge key whose name also exists on nodes gets an "e_" id
 * because a key id can be declared only once. */
#include "export_internal.h"

#include <stdio.h>

#define GRAPHML_NS "http://graphml.graphdrawing.org/xmlns"

typedef struct {
    const char *id;
    const char *name;
    const char *type;
} KeyDef;

static const KeyDef node_keys[] = {
    {"label", "label", "string"},
    {"type", "type", "string"},
    {"aliases", "aliases", "string"},
    {"mentions", "mentions", "int"},
    {"documents", "documents", "int"},
    {"sources", "sources", "string"},
    {"merged_into", "merged_into", "string"},
    {"valid_until", "valid_until", "string"},
    {"degree", "degree", "double"},
    {"in_degree", "in_degree", "double"},
    {"out_degree", "out_degree", "double"},
    {"strength", "strength", "double"},
    {"pagerank", "pagerank", "double"},
    {"betweenness", "betweenness", "double"},
    {"harmonic", "harmonic", "double"},
    {"eigenvector", "eigenvector", "double"},
    {"component", "component", "int"},
    {"community", "community", "int"},
    {"x", "x", "float"},
    {"y", "y", "float"},
    {"size", "size", "float"},
    {"r", "r", "int"},
    {"g", "g", "int"},
    {"b", "b", "int"},
};

static const KeyDef edge_keys[] = {
    {"relation", "relation", "string"},
    {"role", "role", "string"},
    {"weight", "weight", "double"},
    {"e_sources", "sources", "string"},
    {"evidence", "evidence", "string"},
    {"first_date", "first_date", "string"},
    {"last_date", "last_date", "string"},
    {"inferred", "inferred", "boolean"},
};

typedef struct {
    VnkgContext *ctx;
    xmlTextWriterPtr w;
} Out;

static VnkgStatus
write_key(Out *o, const KeyDef *k, const char *domain)
{
    if (xmlTextWriterStartElement(o->w, BAD_CAST "key") < 0) {
        return VNKG_ERR_WRITE;
    }
    VNKG_TRY(vnkg_export_xml_attr(o->ctx, o->w, "id", k->id));
    VNKG_TRY(vnkg_export_xml_attr(o->ctx, o->w, "for", domain));
    VNKG_TRY(vnkg_export_xml_attr(o->ctx, o->w, "attr.name", k->name));
    VNKG_TRY(vnkg_export_xml_attr(o->ctx, o->w, "attr.type", k->type));
    return xmlTextWriterEndElement(o->w) < 0 ? VNKG_ERR_WRITE : VNKG_SUCCESS;
}

static VnkgStatus
write_keys(Out *o)
{
    for (size_t i = 0; i < sizeof node_keys / sizeof node_keys[0]; ++i) {
        VNKG_TRY(write_key(o, &node_keys[i], "node"));
    }
    for (size_t i = 0; i < sizeof edge_keys / sizeof edge_keys[0]; ++i) {
        VNKG_TRY(write_key(o, &edge_keys[i], "edge"));
    }
    return VNKG_SUCCESS;
}

/* <data key="key">value</data>, omitted for NULL or "". */
static VnkgStatus
write_data(Out *o, const char *key, const char *value)
{
    if (!value || !*value) {
        return VNKG_SUCCESS;
    }
    if (xmlTextWriterStartElement(o->w, BAD_CAST "data") < 0) {
        return VNKG_ERR_WRITE;
    }
    VNKG_TRY(vnkg_export_xml_attr(o->ctx, o->w, "key", key));
    VNKG_TRY(vnkg_export_xml_text(o->ctx, o->w, value));
    return xmlTextWriterEndElement(o->w) < 0 ? VNKG_ERR_WRITE : VNKG_SUCCESS;
}

static VnkgStatus
write_double(Out *o, const char *key, double v)
{
    char num[VNKG_EXPORT_NUM_CAP];
    vnkg_export_format_double(v, num);
    return write_data(o, key, num);
}

static VnkgStatus
write_long(Out *o, const char *key, long v)
{
    char num[VNKG_EXPORT_NUM_CAP];
    snprintf(num, sizeof num, "%ld", v);
    return write_data(o, key, num);
}

static VnkgStatus
write_node_scores(Out *o, const VnkgNode *n)
{
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
    VNKG_TRY(write_double(o, "x", n->x));
    VNKG_TRY(write_double(o, "y", n->y));
    VNKG_TRY(write_double(o, "size", n->size));
    VNKG_TRY(write_long(o, "r", n->r));
    VNKG_TRY(write_long(o, "g", n->g));
    return write_long(o, "b", n->b);
}

static VnkgStatus
write_node(Out *o, const VnkgNode *n)
{
    if (xmlTextWriterStartElement(o->w, BAD_CAST "node") < 0) {
        return VNKG_ERR_WRITE;
    }
    char num[VNKG_EXPORT_NUM_CAP];
    VNKG_TRY(vnkg_export_xml_attr(o->ctx, o->w, "id", n->id));
    VNKG_TRY(write_data(o, "label", n->label));
    VNKG_TRY(write_data(o, "type", vnkg_entity_type_name(n->type)));
    VNKG_TRY(write_data(o, "aliases", n->aliases));
    snprintf(num, sizeof num, "%zu", n->mentions);
    VNKG_TRY(write_data(o, "mentions", num));
    snprintf(num, sizeof num, "%zu", n->documents);
    VNKG_TRY(write_data(o, "documents", num));
    VNKG_TRY(write_data(o, "sources", n->sources));
    VNKG_TRY(write_data(o, "merged_into", n->merged_into));
    VNKG_TRY(write_data(o, "valid_until", n->valid_until));
    VNKG_TRY(write_node_scores(o, n));
    return xmlTextWriterEndElement(o->w) < 0 ? VNKG_ERR_WRITE : VNKG_SUCCESS;
}

static VnkgStatus
write_edge(Out *o, const VnkgGraph *g, size_t i)
{
    const VnkgEdge *e = &g->edges[i];
    if (e->source >= g->n_nodes || e->target >= g->n_nodes) {
        return vnkg_diag(o->ctx, VNKG_ERR_INTERNAL,
                         "edge %zu: endpoint out of range", i);
    }
    const char *rel = vnkg_relation_name(e->relation);
    char id[VNKG_EXPORT_NUM_CAP];
    snprintf(id, sizeof id, "e%zu", i);
    if (xmlTextWriterStartElement(o->w, BAD_CAST "edge") < 0) {
        return VNKG_ERR_WRITE;
    }
    VNKG_TRY(vnkg_export_xml_attr(o->ctx, o->w, "id", id));
    VNKG_TRY(
        vnkg_export_xml_attr(o->ctx, o->w, "source", g->nodes[e->source].id));
    VNKG_TRY(
        vnkg_export_xml_attr(o->ctx, o->w, "target", g->nodes[e->target].id));
    /* Gephi's edge type: keeps parallel edges of different relations. */
    VNKG_TRY(vnkg_export_xml_attr(o->ctx, o->w, "label", rel ? rel : ""));
    VNKG_TRY(write_data(o, "relation", rel));
    VNKG_TRY(write_data(o, "role", e->role));
    VNKG_TRY(write_double(o, "weight", e->weight));
    VNKG_TRY(write_data(o, "e_sources", e->sources));
    VNKG_TRY(write_data(o, "evidence", e->evidence));
    VNKG_TRY(write_data(o, "first_date", e->first_date));
    VNKG_TRY(write_data(o, "last_date", e->last_date));
    VNKG_TRY(write_data(o, "inferred", e->inferred ? "true" : "false"));
    return xmlTextWriterEndElement(o->w) < 0 ? VNKG_ERR_WRITE : VNKG_SUCCESS;
}

static VnkgStatus
write_body(Out *o, const VnkgGraph *g)
{
    if (xmlTextWriterStartDocument(o->w, NULL, "UTF-8", NULL) < 0 ||
        xmlTextWriterStartElement(o->w, BAD_CAST "graphml") < 0) {
        return VNKG_ERR_WRITE;
    }
    VNKG_TRY(vnkg_export_xml_attr(o->ctx, o->w, "xmlns", GRAPHML_NS));
    VNKG_TRY(write_keys(o));
    if (xmlTextWriterStartElement(o->w, BAD_CAST "graph") < 0) {
        return VNKG_ERR_WRITE;
    }
    VNKG_TRY(vnkg_export_xml_attr(o->ctx, o->w, "id", "G"));
    VNKG_TRY(vnkg_export_xml_attr(o->ctx, o->w, "edgedefault", "directed"));
    for (size_t i = 0; i < g->n_nodes; ++i) {
        VNKG_TRY(write_node(o, &g->nodes[i]));
    }
    for (size_t i = 0; i < g->n_edges; ++i) {
        VNKG_TRY(write_edge(o, g, i));
    }
    if (xmlTextWriterEndDocument(o->w) < 0 || xmlTextWriterFlush(o->w) < 0) {
        return VNKG_ERR_WRITE;
    }
    return VNKG_SUCCESS;
}

static VnkgStatus
write_graphml(VnkgContext *ctx, FILE *fp, const void *data)
{
    Out o = {ctx, NULL};
    VNKG_TRY(vnkg_export_xml_open(ctx, fp, &o.w));
    VnkgStatus st = write_body(&o, data);
    xmlFreeTextWriter(o.w);
    return st;
}

VnkgStatus
vnkg_export_graphml(VnkgContext *ctx, const VnkgGraph *graph, const char *path)
{
    return vnkg_export_atomic(ctx, path, write_graphml, graph);
}
