/* SPDX-License-Identifier: MIT */
/* report.md: a human summary of one run in Markdown (CommonMark tables as
 * in GitHub Flavored Markdown). Built in memory, then written atomically.
 * Every list is sorted with an explicit tie-break by id and numbers are
 * formatted without the locale, so the report depends only on the graph. */
#include "export_internal.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { TOP_PER_TYPE = 10, TOP_COMMUNITIES = 10, TOP_MEMBERS = 15 };

typedef VnkgRankedNode Ranked;

typedef struct {
    long id;
    size_t first; /* into the community-sorted node order */
    size_t count;
} Community;

typedef struct {
    VnkgContext *ctx;
    const VnkgGraph *g;
    VnkgExportBuf out;
    Ranked *ranked; /* scratch, n_nodes */
} Report;

/* ---- text ---------------------------------------------------------------- */

static VnkgStatus
puts_raw(Report *r, const char *s)
{
    return vnkg_export_buf_puts(r->ctx, &r->out, s);
}

/* Only for short formatted pieces (numbers, fixed words). */
#ifdef __GNUC__
__attribute__((format(printf, 2, 3)))
#endif
static VnkgStatus
putf(Report *r, const char *fmt, ...)
{
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof line) {
        return vnkg_diag(r->ctx, VNKG_ERR_INTERNAL, "report: line too long");
    }
    return puts_raw(r, line);
}

/* Text from the input, made valid UTF-8 without controls, on one line,
 * with the characters that Markdown tables and inline syntax give a
 * meaning escaped. */
static VnkgStatus
puts_text(Report *r, const char *s)
{
    const char *safe = NULL;
    char *tmp = NULL;
    VNKG_TRY(vnkg_export_safe(r->ctx, s ? s : "", &safe, &tmp));
    VnkgStatus st = VNKG_SUCCESS;
    for (const char *p = safe; *p && st == VNKG_SUCCESS; ++p) {
        const char *run = p;
        while (*p && !strchr("\\|*_`[]<>#\t\n\r", *p)) {
            ++p;
        }
        st = vnkg_export_buf_append(r->ctx, &r->out, run, (size_t)(p - run));
        if (st != VNKG_SUCCESS || !*p) {
            break;
        }
        char esc[3] = {'\\', *p, '\0'};
        if (*p == '\t' || *p == '\n' || *p == '\r') {
            esc[0] = ' ', esc[1] = '\0';
        }
        st = puts_raw(r, esc);
    }
    vnkg_free(r->ctx, tmp);
    return st;
}

/* `v` with `decimals` digits after the point, whatever the locale; "–"
 * for NaN and infinities. */
static void
fmt_fixed(double v, int decimals, char out[VNKG_EXPORT_NUM_CAP])
{
    double scale = pow(10, decimals);
    if (!isfinite(v) || fabs(v) * scale >= 9e15) {
        if (vnkg_export_format_double(v, out) == 0) {
            snprintf(out, VNKG_EXPORT_NUM_CAP, "\u2013");
        }
        return;
    }
    long long q = llround(fabs(v) * scale);
    long long unit = llround(scale);
    const char *sign = v < 0 && q != 0 ? "-" : "";
    char tmp[96];
    int n = decimals <= 0 ? snprintf(tmp, sizeof tmp, "%s%lld", sign, q)
                          : snprintf(tmp, sizeof tmp, "%s%lld.%0*lld", sign,
                                     q / unit, decimals, q % unit);
    if (n < 0 || n >= VNKG_EXPORT_NUM_CAP) {
        vnkg_export_format_double(v, out);
        return;
    }
    memcpy(out, tmp, (size_t)n + 1);
}

static VnkgStatus
put_fixed(Report *r, double v, int decimals)
{
    char num[VNKG_EXPORT_NUM_CAP];
    fmt_fixed(v, decimals, num);
    return puts_raw(r, num);
}

/* ---- ranking ------------------------------------------------------------- */

typedef enum { BY_PAGERANK, BY_BETWEENNESS, BY_DEGREE } Measure;

static double
score(const VnkgNode *n, Measure m)
{
    switch (m) {
    case BY_PAGERANK:
        return n->pagerank;
    case BY_BETWEENNESS:
        return n->betweenness;
    default:
        return n->degree;
    }
}

/* Fills r->ranked + off with the nodes of `type`, best first by `m`;
 * returns how many. */
static size_t
rank_type(Report *r, VnkgEntityType type, Measure m, size_t off)
{
    Ranked *out = r->ranked + off;
    size_t n = 0;
    for (size_t i = 0; i < r->g->n_nodes; ++i) {
        const VnkgNode *node = &r->g->nodes[i];
        if (node->type == type) {
            out[n++] = (Ranked){score(node, m), node};
        }
    }
    if (n > 1) {
        qsort(out, n, sizeof *out, vnkg_export_cmp_ranked);
    }
    return n;
}

/* ---- sections ------------------------------------------------------------ */

static VnkgStatus
write_counts(Report *r)
{
    const VnkgGraph *g = r->g;
    size_t dated = 0;
    const char *lo = NULL, *hi = NULL;
    for (size_t i = 0; i < g->n_articles; ++i) {
        const char *d = g->articles[i].date;
        if (vnkg_export_is_date(d)) {
            dated++;
            lo = !lo || strcmp(d, lo) < 0 ? d : lo;
            hi = !hi || strcmp(d, hi) > 0 ? d : hi;
        }
    }
    VNKG_TRY(puts_raw(r, "## Counts\n\n| item | count |\n|---|---:|\n"));
    VNKG_TRY(putf(r, "| articles | %zu |\n", g->n_articles));
    VNKG_TRY(putf(r, "| articles with a date | %zu |\n", dated));
    VNKG_TRY(putf(r, "| entities (nodes) | %zu |\n", g->n_nodes));
    VNKG_TRY(putf(r, "| relations (edges) | %zu |\n\n", g->n_edges));
    if (lo) {
        VNKG_TRY(putf(r, "Article dates: %s to %s.\n\n", lo, hi));
    }
    return VNKG_SUCCESS;
}

static VnkgStatus
write_type_counts(Report *r)
{
    size_t counts[VNKG_TYPE_COUNT] = {0};
    for (size_t i = 0; i < r->g->n_nodes; ++i) {
        if ((unsigned)r->g->nodes[i].type < VNKG_TYPE_COUNT) {
            counts[r->g->nodes[i].type]++;
        }
    }
    VNKG_TRY(puts_raw(r, "### Entities by type\n\n| type | entities |\n"
                         "|---|---:|\n"));
    for (int t = 0; t < VNKG_TYPE_COUNT; ++t) {
        VNKG_TRY(putf(r, "| %s | %zu |\n",
                      vnkg_entity_type_name((VnkgEntityType)t), counts[t]));
    }
    return puts_raw(r, "\n");
}

static VnkgStatus
write_relation_counts(Report *r)
{
    size_t counts[VNKG_REL_COUNT] = {0};
    double weights[VNKG_REL_COUNT] = {0};
    for (size_t i = 0; i < r->g->n_edges; ++i) {
        const VnkgEdge *e = &r->g->edges[i];
        if ((unsigned)e->relation < VNKG_REL_COUNT) {
            counts[e->relation]++;
            weights[e->relation] += isfinite(e->weight) ? e->weight : 0;
        }
    }
    VNKG_TRY(puts_raw(r, "### Relations by type\n\n| relation | edges | "
                         "total weight |\n|---|---:|---:|\n"));
    for (int k = 0; k < VNKG_REL_COUNT; ++k) {
        VNKG_TRY(putf(r, "| %s | %zu | ", vnkg_relation_name((VnkgRelation)k),
                      counts[k]));
        VNKG_TRY(put_fixed(r, weights[k], 0));
        VNKG_TRY(puts_raw(r, " |\n"));
    }
    return puts_raw(r, "\n");
}

static VnkgStatus
write_structure(Report *r)
{
    VNKG_TRY(puts_raw(r, "## Structure\n\n- Modularity: "));
    VNKG_TRY(put_fixed(r, r->g->modularity, 4));
    VNKG_TRY(putf(r, "\n- Communities: %ld\n- Connected components: %ld\n\n",
                  r->g->n_communities, r->g->n_components));
    return VNKG_SUCCESS;
}

/* "Label (0.0123)" or an empty cell past the end. */
static VnkgStatus
put_cell(Report *r, const Ranked *list, size_t n, size_t i, int decimals)
{
    if (i >= n) {
        return puts_raw(r, " |");
    }
    VNKG_TRY(puts_raw(r, " "));
    VNKG_TRY(puts_text(r, list[i].node->label));
    VNKG_TRY(puts_raw(r, " ("));
    VNKG_TRY(put_fixed(r, list[i].key, decimals));
    return puts_raw(r, ") |");
}

/* One table per type: rank, then the top entities by each measure. */
static VnkgStatus
write_type_tops(Report *r, VnkgEntityType t)
{
    size_t stride = r->g->n_nodes;
    size_t n = rank_type(r, t, BY_PAGERANK, 0);
    if (n == 0) {
        return VNKG_SUCCESS;
    }
    rank_type(r, t, BY_BETWEENNESS, stride);
    rank_type(r, t, BY_DEGREE, 2 * stride);
    VNKG_TRY(putf(r, "### %s (%zu)\n\n", vnkg_entity_type_name(t), n));
    VNKG_TRY(puts_raw(r, "| # | by PageRank | by betweenness | by degree |\n"
                         "|---:|---|---|---|\n"));
    for (size_t i = 0; i < n && i < TOP_PER_TYPE; ++i) {
        VNKG_TRY(putf(r, "| %zu |", i + 1));
        VNKG_TRY(put_cell(r, r->ranked, n, i, 4));
        VNKG_TRY(put_cell(r, r->ranked + stride, n, i, 2));
        VNKG_TRY(put_cell(r, r->ranked + 2 * stride, n, i, 0));
        VNKG_TRY(puts_raw(r, "\n"));
    }
    return puts_raw(r, "\n");
}

static VnkgStatus
write_tops(Report *r)
{
    VNKG_TRY(puts_raw(r, "## Top entities by type\n\nThe ten most central "
                         "entities of each type by PageRank, betweenness "
                         "and degree (score in brackets).\n\n"));
    for (int t = 0; t < VNKG_TYPE_COUNT; ++t) {
        VNKG_TRY(write_type_tops(r, (VnkgEntityType)t));
    }
    return VNKG_SUCCESS;
}

/* ---- communities --------------------------------------------------------- */

/* By community, then by PageRank (best first), then by id. */
static int
cmp_member(const void *pa, const void *pb)
{
    const Ranked *a = pa, *b = pb;
    if (a->node->community != b->node->community) {
        return a->node->community < b->node->community ? -1 : 1;
    }
    return vnkg_export_cmp_ranked(pa, pb);
}

/* Largest first, then by id. */
static int
cmp_community(const void *pa, const void *pb)
{
    const Community *a = pa, *b = pb;
    if (a->count != b->count) {
        return a->count > b->count ? -1 : 1;
    }
    return (a->id > b->id) - (a->id < b->id);
}

static VnkgStatus
write_community(Report *r, const Community *c)
{
    VNKG_TRY(putf(r, "### Community %ld (%zu %s)\n\n", c->id, c->count,
                  c->count == 1 ? "member" : "members"));
    VNKG_TRY(puts_raw(r, "| # | entity | type | PageRank |\n"
                         "|---:|---|---|---:|\n"));
    for (size_t i = 0; i < c->count && i < TOP_MEMBERS; ++i) {
        const Ranked *m = &r->ranked[c->first + i];
        const char *type = vnkg_entity_type_name(m->node->type);
        VNKG_TRY(putf(r, "| %zu | ", i + 1));
        VNKG_TRY(puts_text(r, m->node->label));
        VNKG_TRY(putf(r, " | %s | ", type ? type : "?"));
        VNKG_TRY(put_fixed(r, m->key, 4));
        VNKG_TRY(puts_raw(r, " |\n"));
    }
    if (c->count > TOP_MEMBERS) {
        VNKG_TRY(putf(r, "\nand %zu more.\n", c->count - TOP_MEMBERS));
    }
    return puts_raw(r, "\n");
}

/* Groups the nodes (in r->ranked) by community into `groups`. */
static size_t
group_communities(Report *r, Community *groups)
{
    const VnkgGraph *g = r->g;
    for (size_t i = 0; i < g->n_nodes; ++i) {
        r->ranked[i] = (Ranked){g->nodes[i].pagerank, &g->nodes[i]};
    }
    if (g->n_nodes > 1) { /* qsort must not see a NULL base */
        qsort(r->ranked, g->n_nodes, sizeof *r->ranked, cmp_member);
    }
    size_t n = 0;
    for (size_t i = 0; i < g->n_nodes;) {
        size_t end = i + 1;
        long id = r->ranked[i].node->community;
        while (end < g->n_nodes && r->ranked[end].node->community == id) {
            ++end;
        }
        groups[n++] = (Community){id, i, end - i};
        i = end;
    }
    if (n > 1) { /* qsort must not see a NULL base */
        qsort(groups, n, sizeof *groups, cmp_community);
    }
    return n;
}

static VnkgStatus
write_communities(Report *r)
{
    VNKG_TRY(puts_raw(r, "## Largest communities\n\n"));
    if (r->g->n_nodes == 0) {
        return puts_raw(r, "No entities.\n");
    }
    Community *groups = vnkg_calloc(r->ctx, r->g->n_nodes, sizeof *groups);
    if (!groups) {
        return VNKG_ERR_NO_MEMORY;
    }
    size_t n = group_communities(r, groups);
    VnkgStatus st = putf(r,
                         "The %zu largest of %zu communities, each with its "
                         "%d most central members by PageRank.\n\n",
                         n < TOP_COMMUNITIES ? n : (size_t)TOP_COMMUNITIES, n,
                         (int)TOP_MEMBERS);
    for (size_t i = 0; i < n && i < TOP_COMMUNITIES && st == VNKG_SUCCESS;
         ++i) {
        st = write_community(r, &groups[i]);
    }
    vnkg_free(r->ctx, groups);
    return st;
}

/* ---- document ------------------------------------------------------------ */

typedef struct {
    const VnkgGraph *graph;
    const char *params;
} ReportArgs;

/* How the path measures were computed: exact, sampled or cut off. */
static VnkgStatus
write_path_measures(Report *r)
{
    const VnkgGraph *g = r->g;
    char line[512];
    if (g->betweenness_sources > 0) {
        snprintf(line, sizeof line,
                 "Betweenness: estimated from %zu sampled sources of %zu "
                 "(automatic above the work budget, or asked for; Brandes & "
                 "Pich 2007, scaled by n/k, seeded). Estimated relative "
                 "standard error, from the spread of the sources' terms: "
                 "%.1f%% (median over the %d entities with the highest "
                 "estimates), %.1f%% (over the top 10).\n",
                 g->betweenness_sources, g->n_nodes, 100 * g->betweenness_error,
                 VNKG_ERROR_TOP, 100 * g->betweenness_error_top10);
    } else if (g->betweenness_cutoff >= 0) {
        snprintf(line, sizeof line,
                 "Betweenness: paths of length up to %ld only (a lower "
                 "bound of the exact value).\n",
                 (long)g->betweenness_cutoff);
    } else {
        snprintf(line, sizeof line, "Betweenness: exact.\n");
    }
    VNKG_TRY(puts_raw(r, line));
    if (g->harmonic_sources > 0) {
        snprintf(line, sizeof line,
                 "Harmonic centrality: estimated from the same %zu sampled "
                 "sources (Eppstein & Wang 2004). Estimated relative standard "
                 "error: %.1f%% (median over the %d entities with the "
                 "highest estimates), %.1f%% (over the top 10).\n\n",
                 g->harmonic_sources, 100 * g->harmonic_error, VNKG_ERROR_TOP,
                 100 * g->harmonic_error_top10);
    } else {
        snprintf(line, sizeof line, "Harmonic centrality: exact.\n\n");
    }
    return puts_raw(r, line);
}

static VnkgStatus
build_report(Report *r, const char *params)
{
    VNKG_TRY(puts_raw(r, "# vnkg report\n\n"));
    if (params && *params) {
        VNKG_TRY(puts_raw(r, "Parameters: "));
        VNKG_TRY(puts_text(r, params));
        VNKG_TRY(puts_raw(r, "\n\n"));
    }
    VNKG_TRY(write_path_measures(r));
    VNKG_TRY(write_counts(r));
    VNKG_TRY(write_type_counts(r));
    VNKG_TRY(write_relation_counts(r));
    VNKG_TRY(write_structure(r));
    VNKG_TRY(write_tops(r));
    return write_communities(r);
}

static VnkgStatus
write_report(VnkgContext *ctx, FILE *fp, const void *data)
{
    const ReportArgs *args = data;
    Report r = {ctx, args->graph, {0}, NULL};
    VnkgStatus st = VNKG_SUCCESS;
    size_t n = 0;
    if (r.g->n_nodes) {
        st = vnkg_size_mul(&n, r.g->n_nodes, 3);
    }
    if (st == VNKG_SUCCESS && n &&
        !(r.ranked = vnkg_calloc(ctx, n, sizeof *r.ranked))) {
        st = VNKG_ERR_NO_MEMORY;
    }
    if (st == VNKG_SUCCESS) {
        st = build_report(&r, args->params);
    }
    if (st == VNKG_ERR_NO_MEMORY) {
        vnkg_diag(ctx, st, "report: out of memory");
    }
    if (st == VNKG_SUCCESS &&
        fwrite(r.out.ptr, 1, r.out.len, fp) != r.out.len) {
        st = VNKG_ERR_WRITE;
    }
    vnkg_free(ctx, r.ranked);
    vnkg_export_buf_clear(ctx, &r.out);
    return st;
}

VnkgStatus
vnkg_export_report(VnkgContext *ctx, const VnkgGraph *graph, const char *params,
                   const char *path)
{
    ReportArgs args = {graph, params};
    return vnkg_export_atomic(ctx, path, write_report, &args);
}
