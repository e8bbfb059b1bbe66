/* SPDX-License-Identifier: MIT */
/* GraphML for Gephi, networkx and igraph (DESIGN.md "GraphML"). Key ids
 * equal their attr.name so that Gephi, which matches keys by id first
 * (REFERENCE.md §1.1), maps label/x/y/size/r/g/b/weight to its built-in
 * properties; an edge key whose name also exists on nodes gets an "e_" id
 * because a key id can be declared only once. */
#include "export_internal.h"

#include <math.h>

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

static VnkgStatus
write_key(VnkgOut *o, const KeyDef *k, const char *domain)
{
    vnkg_out_xml_start(o, NULL, "key");
    VNKG_TRY(vnkg_out_xml_attr(o, "id", k->id));
    VNKG_TRY(vnkg_out_xml_attr(o, "for", domain));
    VNKG_TRY(vnkg_out_xml_attr(o, "attr.name", k->name));
    VNKG_TRY(vnkg_out_xml_attr(o, "attr.type", k->type));
    vnkg_out_xml_end(o);
    return VNKG_SUCCESS;
}

static VnkgStatus
write_keys(VnkgOut *o)
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
write_data(VnkgOut *o, const char *key, const char *value)
{
    if (!value || !*value) {
        return VNKG_SUCCESS;
    }
    vnkg_out_xml_start(o, NULL, "data");
    VNKG_TRY(vnkg_out_xml_attr(o, "key", key));
    VNKG_TRY(vnkg_out_xml_text(o, value));
    vnkg_out_xml_end(o);
    return VNKG_SUCCESS;
}

/* A number needs no escaping; the key is one of ours. */
static void
start_number(VnkgOut *o, const char *key)
{
    vnkg_out_xml_start(o, NULL, "data");
    vnkg_out_xml_attr_open(o, "key");
    vnkg_out_puts(o, key);
    vnkg_out_xml_attr_close(o);
    vnkg_out_xml_open_text(o);
}

/* Omitted when not finite (vnkg_export_format_double writes ""). */
static void
write_double(VnkgOut *o, const char *key, double v)
{
    if (isfinite(v)) {
        start_number(o, key);
        vnkg_out_double(o, v);
        vnkg_out_xml_end(o);
    }
}

static void
write_long(VnkgOut *o, const char *key, long long v)
{
    start_number(o, key);
    vnkg_out_ll(o, v);
    vnkg_out_xml_end(o);
}

static void
write_size(VnkgOut *o, const char *key, size_t v)
{
    start_number(o, key);
    vnkg_out_size(o, v);
    vnkg_out_xml_end(o);
}

static void
write_node_scores(VnkgOut *o, const VnkgNode *n)
{
    write_double(o, "degree", n->degree);
    write_double(o, "in_degree", n->in_degree);
    write_double(o, "out_degree", n->out_degree);
    write_double(o, "strength", n->strength);
    write_double(o, "pagerank", n->pagerank);
    write_double(o, "betweenness", n->betweenness);
    write_double(o, "harmonic", n->harmonic);
    write_double(o, "eigenvector", n->eigenvector);
    write_long(o, "component", n->component);
    write_long(o, "community", n->community);
    write_double(o, "x", n->x);
    write_double(o, "y", n->y);
    write_double(o, "size", n->size);
    write_long(o, "r", n->r);
    write_long(o, "g", n->g);
    write_long(o, "b", n->b);
}

static VnkgStatus
write_node(VnkgOut *o, const VnkgNode *n)
{
    vnkg_out_xml_start(o, NULL, "node");
    VNKG_TRY(vnkg_out_xml_attr(o, "id", n->id));
    VNKG_TRY(write_data(o, "label", n->label));
    VNKG_TRY(write_data(o, "type", vnkg_entity_type_name(n->type)));
    VNKG_TRY(write_data(o, "aliases", n->aliases));
    write_size(o, "mentions", n->mentions);
    write_size(o, "documents", n->documents);
    VNKG_TRY(write_data(o, "sources", n->sources));
    VNKG_TRY(write_data(o, "merged_into", n->merged_into));
    VNKG_TRY(write_data(o, "valid_until", n->valid_until));
    write_node_scores(o, n);
    vnkg_out_xml_end(o);
    return vnkg_out_status(o);
}

static VnkgStatus
write_edge(VnkgOut *o, const VnkgGraph *g, size_t i)
{
    const VnkgEdge *e = &g->edges[i];
    if (e->source >= g->n_nodes || e->target >= g->n_nodes) {
        return vnkg_diag(o->ctx, VNKG_ERR_INTERNAL,
                         "edge %zu: endpoint out of range", i);
    }
    const char *rel = vnkg_relation_name(e->relation);
    vnkg_out_xml_start(o, NULL, "edge");
    vnkg_out_xml_attr_open(o, "id");
    vnkg_out_putc(o, 'e');
    vnkg_out_size(o, i);
    vnkg_out_xml_attr_close(o);
    VNKG_TRY(vnkg_out_xml_attr(o, "source", g->nodes[e->source].id));
    VNKG_TRY(vnkg_out_xml_attr(o, "target", g->nodes[e->target].id));
    /* Gephi's edge type: keeps parallel edges of different relations. */
    VNKG_TRY(vnkg_out_xml_attr(o, "label", rel ? rel : ""));
    VNKG_TRY(write_data(o, "relation", rel));
    VNKG_TRY(write_data(o, "role", e->role));
    write_double(o, "weight", e->weight);
    VNKG_TRY(write_data(o, "e_sources", e->sources));
    VNKG_TRY(write_data(o, "evidence", e->evidence));
    VNKG_TRY(write_data(o, "first_date", e->first_date));
    VNKG_TRY(write_data(o, "last_date", e->last_date));
    VNKG_TRY(write_data(o, "inferred", e->inferred ? "true" : "false"));
    vnkg_out_xml_end(o);
    return vnkg_out_status(o);
}

static VnkgStatus
write_body(VnkgOut *o, const void *data)
{
    const VnkgGraph *g = data;
    vnkg_out_xml_decl(o);
    vnkg_out_xml_start(o, NULL, "graphml");
    VNKG_TRY(vnkg_out_xml_attr(o, "xmlns", GRAPHML_NS));
    VNKG_TRY(write_keys(o));
    vnkg_out_xml_start(o, NULL, "graph");
    VNKG_TRY(vnkg_out_xml_attr(o, "id", "G"));
    VNKG_TRY(vnkg_out_xml_attr(o, "edgedefault", "directed"));
    for (size_t i = 0; i < g->n_nodes; ++i) {
        VNKG_TRY(write_node(o, &g->nodes[i]));
    }
    for (size_t i = 0; i < g->n_edges; ++i) {
        VNKG_TRY(write_edge(o, g, i));
    }
    vnkg_out_xml_end_document(o);
    return VNKG_SUCCESS;
}

VnkgStatus
vnkg_export_graphml(VnkgContext *ctx, const VnkgGraph *graph, const char *path)
{
    return vnkg_out_write_file(ctx, path, write_body, graph);
}
