/* SPDX-License-Identifier: MIT */
/* nodes.csv / edges.csv in Gephi's spreadsheet conventions (Id, Label,
 * Source, Target, Type, Kind, Weight: REFERENCE.md §1.5), RFC 4180 quoting,
 * UTF-8 without BOM, LF line ends; centrality.tsv and mentions.tsv with
 * tabs and newlines inside fields turned into spaces. */
#include "export_internal.h"

#include <stdlib.h>
#include <string.h>

enum { CSV = 0, TSV = 1 };

static const char nodes_header[] =
    "Id,Label,type,aliases,mentions,documents,degree,in_degree,out_degree,"
    "strength,pagerank,betweenness,harmonic,eigenvector,component,"
    "community,merged_into,valid_until\n";
static const char edges_header[] =
    "Id,Source,Target,Type,Kind,Label,relation,role,Weight,sources,evidence,"
    "first_date,last_date,inferred\n";
static const char centrality_header[] =
    "id\tlabel\ttype\tdegree\tin_degree\tout_degree\tstrength\tpagerank\t"
    "betweenness\tharmonic\teigenvector\tcomponent\tcommunity\n";
static const char mentions_header[] = "article\tstart\tend\tsurface\tentity\n";

/* A record being written: fields go out one by one, separated. */
typedef struct {
    VnkgOut *o;
    int mode;
    size_t col;
} Row;

static void
sep(Row *r)
{
    if (r->col++ > 0) {
        vnkg_out_putc(r->o, r->mode == TSV ? '\t' : ',');
    }
}

/* A text field; NULL is empty. */
static VnkgStatus
cell(Row *r, const char *s)
{
    sep(r);
    if (!s) {
        return VNKG_SUCCESS;
    }
    return r->mode == TSV ? vnkg_out_tsv(r->o, s) : vnkg_out_csv(r->o, s);
}

/* Numbers need neither quoting nor cleaning. */
static void
cell_double(Row *r, double v)
{
    sep(r);
    vnkg_out_double(r->o, v);
}

static void
cell_ll(Row *r, long long v)
{
    sep(r);
    vnkg_out_ll(r->o, v);
}

static void
cell_size(Row *r, size_t v)
{
    sep(r);
    vnkg_out_size(r->o, v);
}

/* Ends the record; stops the writer early once the output failed. */
static VnkgStatus
row_end(Row *r)
{
    vnkg_out_putc(r->o, '\n');
    r->col = 0;
    return vnkg_out_status(r->o);
}

/* The eight scores and two ids shared by nodes.csv and centrality.tsv. */
static void
cell_scores(Row *r, const VnkgNode *n)
{
    const double d[8] = {n->degree,   n->in_degree,  n->out_degree,
                         n->strength, n->pagerank,   n->betweenness,
                         n->harmonic, n->eigenvector};
    for (int i = 0; i < 8; ++i) {
        cell_double(r, d[i]);
    }
    cell_ll(r, n->component);
    cell_ll(r, n->community);
}

static VnkgStatus
write_nodes_body(VnkgOut *o, const void *data)
{
    const VnkgGraph *g = data;
    Row r = {o, CSV, 0};
    vnkg_out_puts(o, nodes_header);
    for (size_t i = 0; i < g->n_nodes; ++i) {
        const VnkgNode *n = &g->nodes[i];
        VNKG_TRY(cell(&r, n->id));
        VNKG_TRY(cell(&r, n->label));
        VNKG_TRY(cell(&r, vnkg_entity_type_name(n->type)));
        VNKG_TRY(cell(&r, n->aliases));
        cell_size(&r, n->mentions);
        cell_size(&r, n->documents);
        cell_scores(&r, n);
        VNKG_TRY(cell(&r, n->merged_into));
        VNKG_TRY(cell(&r, n->valid_until));
        VNKG_TRY(row_end(&r));
    }
    return VNKG_SUCCESS;
}

static VnkgStatus
write_edge_row(Row *r, const VnkgGraph *g, size_t i)
{
    const VnkgEdge *e = &g->edges[i];
    const char *rel = vnkg_relation_name(e->relation);
    sep(r);
    vnkg_out_putc(r->o, 'e');
    vnkg_out_size(r->o, i);
    VNKG_TRY(cell(r, g->nodes[e->source].id));
    VNKG_TRY(cell(r, g->nodes[e->target].id));
    VNKG_TRY(cell(r, "Directed"));
    for (int k = 0; k < 3; ++k) { /* Kind, Label, relation */
        VNKG_TRY(cell(r, rel));
    }
    VNKG_TRY(cell(r, e->role));
    cell_double(r, e->weight);
    VNKG_TRY(cell(r, e->sources));
    VNKG_TRY(cell(r, e->evidence));
    VNKG_TRY(cell(r, e->first_date));
    VNKG_TRY(cell(r, e->last_date));
    VNKG_TRY(cell(r, e->inferred ? "true" : "false"));
    return row_end(r);
}

static VnkgStatus
write_edges_body(VnkgOut *o, const void *data)
{
    const VnkgGraph *g = data;
    Row r = {o, CSV, 0};
    vnkg_out_puts(o, edges_header);
    for (size_t i = 0; i < g->n_edges; ++i) {
        const VnkgEdge *e = &g->edges[i];
        if (e->source >= g->n_nodes || e->target >= g->n_nodes) {
            return vnkg_diag(o->ctx, VNKG_ERR_INTERNAL,
                             "edge %zu: endpoint out of range", i);
        }
        VNKG_TRY(write_edge_row(&r, g, i));
    }
    return VNKG_SUCCESS;
}

static VnkgStatus
write_centrality_body(VnkgOut *o, const void *data)
{
    const VnkgGraph *g = data;
    Row r = {o, TSV, 0};
    vnkg_out_puts(o, centrality_header);
    for (size_t i = 0; i < g->n_nodes; ++i) {
        const VnkgNode *n = &g->nodes[i];
        VNKG_TRY(cell(&r, n->id));
        VNKG_TRY(cell(&r, n->label));
        VNKG_TRY(cell(&r, vnkg_entity_type_name(n->type)));
        cell_scores(&r, n);
        VNKG_TRY(row_end(&r));
    }
    return VNKG_SUCCESS;
}

/* One row per mention, in `order` (vnkg_facts_mention_order: by article,
 * start, end and entity id, whatever order the articles were read or
 * merged in). */
static VnkgStatus
write_mention_rows(VnkgOut *o, const VnkgFacts *facts, const size_t *order,
                   size_t n)
{
    Row r = {o, TSV, 0};
    for (size_t i = 0; i < n; ++i) {
        const VnkgMention *m = vnkg_facts_mention_at(facts, order[i]);
        VNKG_TRY(cell(&r, m->article));
        cell_size(&r, m->start);
        cell_size(&r, m->end);
        VNKG_TRY(cell(&r, m->surface));
        VNKG_TRY(cell(&r, vnkg_facts_entity_at(facts, m->entity)->id));
        VNKG_TRY(row_end(&r));
    }
    return VNKG_SUCCESS;
}

static VnkgStatus
write_mentions_body(VnkgOut *o, const void *data)
{
    const VnkgFacts *facts = data;
    VnkgContext *ctx = o->ctx;
    size_t n_entities = vnkg_facts_entity_count(facts);
    size_t n = vnkg_facts_mention_count(facts);
    vnkg_out_puts(o, mentions_header);
    VnkgStatus st = VNKG_SUCCESS;
    for (size_t i = 0; i < n && st == VNKG_SUCCESS; ++i) {
        if (vnkg_facts_mention_at(facts, i)->entity >= n_entities) {
            st = vnkg_diag(ctx, VNKG_ERR_INTERNAL,
                           "mention %zu: entity out of range", i);
        }
    }
    size_t *order = NULL;
    if (st == VNKG_SUCCESS) {
        st = vnkg_facts_mention_order(ctx, facts, &order);
    }
    if (st == VNKG_SUCCESS) {
        st = write_mention_rows(o, facts, order, n);
    }
    vnkg_free(ctx, order);
    return st;
}

VnkgStatus
vnkg_export_nodes_csv(VnkgContext *ctx, const VnkgGraph *graph,
                      const char *path)
{
    return vnkg_out_write_file(ctx, path, write_nodes_body, graph);
}

VnkgStatus
vnkg_export_edges_csv(VnkgContext *ctx, const VnkgGraph *graph,
                      const char *path)
{
    return vnkg_out_write_file(ctx, path, write_edges_body, graph);
}

VnkgStatus
vnkg_export_centrality_tsv(VnkgContext *ctx, const VnkgGraph *graph,
                           const char *path)
{
    return vnkg_out_write_file(ctx, path, write_centrality_body, graph);
}

VnkgStatus
vnkg_export_mentions_tsv(VnkgContext *ctx, const VnkgFacts *facts,
                         const char *path)
{
    return vnkg_out_write_file(ctx, path, write_mentions_body, facts);
}
