/* SPDX-License-Identifier: MIT */
/* nodes.csv / edges.csv in Gephi's spreadsheet conventions (Id, Label,
 * Source, Target, Type, Kind, Weight: REFERENCE.md §1.5), RFC 4180 quoting,
 * UTF-8 without BOM, LF line ends; centrality.tsv and mentions.tsv with
 * tabs and newlines inside fields turned into spaces. */
#include "export_internal.h"

#include <stdlib.h>
#include <string.h>

enum { CSV = 0, TSV = 1 };

#define NUM VNKG_EXPORT_NUM_CAP

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

static int
put_csv(FILE *fp, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        return fputs(s, fp);
    }
    if (putc('"', fp) == EOF) {
        return EOF;
    }
    for (const char *p = s; *p; ++p) {
        if ((*p == '"' && putc('"', fp) == EOF) || putc(*p, fp) == EOF) {
            return EOF;
        }
    }
    return putc('"', fp);
}

static int
put_tsv(FILE *fp, const char *s)
{
    for (const char *p = s; *p; ++p) {
        char c = (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p;
        if (putc(c, fp) == EOF) {
            return EOF;
        }
    }
    return 0;
}

/* One record; NULL fields are empty. */
static VnkgStatus
write_row(VnkgContext *ctx, FILE *fp, const char *const *fields, size_t n,
          int mode)
{
    for (size_t i = 0; i < n; ++i) {
        const char *safe = NULL;
        char *tmp = NULL;
        VNKG_TRY(
            vnkg_export_safe(ctx, fields[i] ? fields[i] : "", &safe, &tmp));
        int rc = 0;
        if (i > 0) {
            rc = putc(mode == TSV ? '\t' : ',', fp);
        }
        if (rc != EOF) {
            rc = mode == TSV ? put_tsv(fp, safe) : put_csv(fp, safe);
        }
        vnkg_free(ctx, tmp);
        if (rc == EOF) {
            return VNKG_ERR_WRITE;
        }
    }
    return putc('\n', fp) == EOF ? VNKG_ERR_WRITE : VNKG_SUCCESS;
}

static VnkgStatus
write_header(FILE *fp, const char *header)
{
    return fputs(header, fp) == EOF ? VNKG_ERR_WRITE : VNKG_SUCCESS;
}

/* The eight scores and two ids shared by nodes.csv and centrality.tsv. */
typedef struct {
    char v[10][NUM];
} Scores;

static void
format_scores(const VnkgNode *n, Scores *s)
{
    const double d[8] = {n->degree,   n->in_degree,  n->out_degree,
                         n->strength, n->pagerank,   n->betweenness,
                         n->harmonic, n->eigenvector};
    for (int i = 0; i < 8; ++i) {
        vnkg_export_format_double(d[i], s->v[i]);
    }
    snprintf(s->v[8], NUM, "%ld", n->component);
    snprintf(s->v[9], NUM, "%ld", n->community);
}

static VnkgStatus
write_nodes(VnkgContext *ctx, FILE *fp, const void *data)
{
    const VnkgGraph *g = data;
    VNKG_TRY(write_header(fp, nodes_header));
    for (size_t i = 0; i < g->n_nodes; ++i) {
        const VnkgNode *n = &g->nodes[i];
        Scores s;
        char mentions[NUM], documents[NUM];
        format_scores(n, &s);
        snprintf(mentions, NUM, "%zu", n->mentions);
        snprintf(documents, NUM, "%zu", n->documents);
        const char *f[] = {
            n->id,      n->label,       vnkg_entity_type_name(n->type),
            n->aliases, mentions,       documents,
            s.v[0],     s.v[1],         s.v[2],
            s.v[3],     s.v[4],         s.v[5],
            s.v[6],     s.v[7],         s.v[8],
            s.v[9],     n->merged_into, n->valid_until};
        VNKG_TRY(write_row(ctx, fp, f, sizeof f / sizeof f[0], CSV));
    }
    return VNKG_SUCCESS;
}

static VnkgStatus
write_edges(VnkgContext *ctx, FILE *fp, const void *data)
{
    const VnkgGraph *g = data;
    VNKG_TRY(write_header(fp, edges_header));
    for (size_t i = 0; i < g->n_edges; ++i) {
        const VnkgEdge *e = &g->edges[i];
        if (e->source >= g->n_nodes || e->target >= g->n_nodes) {
            return vnkg_diag(ctx, VNKG_ERR_INTERNAL,
                             "edge %zu: endpoint out of range", i);
        }
        char id[NUM], weight[NUM];
        snprintf(id, NUM, "e%zu", i);
        vnkg_export_format_double(e->weight, weight);
        const char *rel = vnkg_relation_name(e->relation);
        const char *f[] = {id,
                           g->nodes[e->source].id,
                           g->nodes[e->target].id,
                           "Directed",
                           rel,
                           rel,
                           rel,
                           e->role,
                           weight,
                           e->sources,
                           e->evidence,
                           e->first_date,
                           e->last_date,
                           e->inferred ? "true" : "false"};
        VNKG_TRY(write_row(ctx, fp, f, sizeof f / sizeof f[0], CSV));
    }
    return VNKG_SUCCESS;
}

static VnkgStatus
write_centrality(VnkgContext *ctx, FILE *fp, const void *data)
{
    const VnkgGraph *g = data;
    VNKG_TRY(write_header(fp, centrality_header));
    for (size_t i = 0; i < g->n_nodes; ++i) {
        const VnkgNode *n = &g->nodes[i];
        Scores s;
        format_scores(n, &s);
        const char *f[] = {n->id,  n->label, vnkg_entity_type_name(n->type),
                           s.v[0], s.v[1],   s.v[2],
                           s.v[3], s.v[4],   s.v[5],
                           s.v[6], s.v[7],   s.v[8],
                           s.v[9]};
        VNKG_TRY(write_row(ctx, fp, f, sizeof f / sizeof f[0], TSV));
    }
    return VNKG_SUCCESS;
}

typedef struct {
    const VnkgFacts *facts;
    size_t index;
} MentionRef;

/* Article, start, end, entity id: the order does not depend on the order
 * articles were read or merged in. */
static int
cmp_mention(const void *a, const void *b)
{
    const MentionRef *x = a, *y = b;
    const VnkgMention *m = vnkg_facts_mention_at(x->facts, x->index);
    const VnkgMention *n = vnkg_facts_mention_at(y->facts, y->index);
    int c = strcmp(m->article, n->article);
    if (c) {
        return c;
    }
    if (m->start != n->start) {
        return m->start < n->start ? -1 : 1;
    }
    if (m->end != n->end) {
        return m->end < n->end ? -1 : 1;
    }
    return strcmp(vnkg_facts_entity_at(x->facts, m->entity)->id,
                  vnkg_facts_entity_at(y->facts, n->entity)->id);
}

static VnkgStatus
write_mentions(VnkgContext *ctx, FILE *fp, const void *data)
{
    const VnkgFacts *facts = data;
    size_t n_entities = vnkg_facts_entity_count(facts);
    size_t n = vnkg_facts_mention_count(facts);
    VNKG_TRY(write_header(fp, mentions_header));
    MentionRef *order = vnkg_calloc(ctx, n + 1, sizeof *order);
    if (!order) {
        return VNKG_ERR_NO_MEMORY;
    }
    for (size_t i = 0; i < n; ++i) {
        order[i] = (MentionRef){facts, i};
        if (vnkg_facts_mention_at(facts, i)->entity >= n_entities) {
            vnkg_free(ctx, order);
            return vnkg_diag(ctx, VNKG_ERR_INTERNAL,
                             "mention %zu: entity out of range", i);
        }
    }
    if (n > 1) {
        qsort(order, n, sizeof *order, cmp_mention);
    }
    VnkgStatus st = VNKG_SUCCESS;
    for (size_t i = 0; st == VNKG_SUCCESS && i < n; ++i) {
        const VnkgMention *m = vnkg_facts_mention_at(facts, order[i].index);
        char start[NUM], end[NUM];
        snprintf(start, NUM, "%zu", m->start);
        snprintf(end, NUM, "%zu", m->end);
        const char *f[] = {m->article, start, end, m->surface,
                           vnkg_facts_entity_at(facts, m->entity)->id};
        st = write_row(ctx, fp, f, sizeof f / sizeof f[0], TSV);
    }
    vnkg_free(ctx, order);
    return st;
}

VnkgStatus
vnkg_export_nodes_csv(VnkgContext *ctx, const VnkgGraph *graph,
                      const char *path)
{
    return vnkg_export_atomic(ctx, path, write_nodes, graph);
}

VnkgStatus
vnkg_export_edges_csv(VnkgContext *ctx, const VnkgGraph *graph,
                      const char *path)
{
    return vnkg_export_atomic(ctx, path, write_edges, graph);
}

VnkgStatus
vnkg_export_centrality_tsv(VnkgContext *ctx, const VnkgGraph *graph,
                           const char *path)
{
    return vnkg_export_atomic(ctx, path, write_centrality, graph);
}

VnkgStatus
vnkg_export_mentions_tsv(VnkgContext *ctx, const VnkgFacts *facts,
                         const char *path)
{
    return vnkg_export_atomic(ctx, path, write_mentions, facts);
}
