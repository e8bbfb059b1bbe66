/* SPDX-License-Identifier: MIT */
/* The order mentions are listed in, shared by facts.vnkg and mentions.tsv.
 * Comparing id strings inside qsort reads scattered memory O(log n) times
 * per record; the distinct ids are ranked once and the mentions sorted by
 * integers, the index breaking ties (the order of a stable sort). */
#include "../util/rank.h"

#include <vnkg/facts.h>

#include <stdlib.h>
#include <string.h>

/* A run of consecutive mentions of one article (merging appends an
 * article's mentions together, so there are about as many runs as
 * articles). */
typedef struct {
    size_t first, count;
} Run;

/* The sort key of one mention within its article. */
typedef struct {
    size_t start, end;
    size_t entity; /* rank of the entity id */
    size_t index;
} MentionKey;

static int
cmp_mention(const void *a, const void *b)
{
    const MentionKey *x = a, *y = b;
    if (x->start != y->start) {
        return x->start < y->start ? -1 : 1;
    }
    if (x->end != y->end) {
        return x->end < y->end ? -1 : 1;
    }
    if (x->entity != y->entity) {
        return x->entity < y->entity ? -1 : 1;
    }
    return x->index < y->index ? -1 : x->index > y->index;
}

/* rank[e] = the rank of entity e's id. */
static VnkgStatus
rank_entities(VnkgContext *ctx, const VnkgFacts *facts, size_t *rank)
{
    size_t n = vnkg_facts_entity_count(facts);
    VnkgRanked *v = vnkg_calloc(ctx, n + 1, sizeof *v);
    if (!v) {
        return VNKG_ERR_NO_MEMORY;
    }
    for (size_t i = 0; i < n; ++i) {
        v[i] = (VnkgRanked){vnkg_facts_entity_at(facts, i)->id, i};
    }
    vnkg_rank_sorted(v, n, rank);
    vnkg_free(ctx, v);
    return VNKG_SUCCESS;
}

/* The runs of equal article ids, in *runs (n_runs of them). */
static VnkgStatus
find_runs(VnkgContext *ctx, const VnkgFacts *facts, Run **runs, size_t *n_runs)
{
    size_t n = vnkg_facts_mention_count(facts), cap = 0, k = 0;
    Run *r = NULL;
    const char *prev = NULL;
    for (size_t i = 0; i < n; ++i) {
        const char *a = vnkg_facts_mention_at(facts, i)->article;
        if (k > 0 && (a == prev || strcmp(a, prev) == 0)) {
            r[k - 1].count++;
            continue;
        }
        if (k == cap) {
            cap = cap ? cap * 2 : 1024;
            Run *grown = vnkg_realloc(ctx, r, cap * sizeof *r);
            if (!grown) {
                vnkg_free(ctx, r);
                return VNKG_ERR_NO_MEMORY;
            }
            r = grown;
        }
        r[k++] = (Run){i, 1};
        prev = a;
    }
    *runs = r;
    *n_runs = k;
    return VNKG_SUCCESS;
}

/* Sorts the mentions order[0..m) of one article in place. `keys` has room
 * for m. */
static void
sort_article(const VnkgFacts *facts, const size_t *entity_rank, size_t *order,
             size_t m, MentionKey *keys)
{
    for (size_t i = 0; i < m; ++i) {
        const VnkgMention *x = vnkg_facts_mention_at(facts, order[i]);
        keys[i] =
            (MentionKey){x->start, x->end, entity_rank[x->entity], order[i]};
    }
    if (m > 1) {
        qsort(keys, m, sizeof *keys, cmp_mention);
    }
    for (size_t i = 0; i < m; ++i) {
        order[i] = keys[i].index;
    }
}

/* Lists the mentions of the runs by[0..n_runs) (sorted by article) into
 * order, sorting those of each article. */
static VnkgStatus
fill_order(VnkgContext *ctx, const VnkgFacts *facts, const Run *runs,
           const VnkgRanked *by, const size_t *run_rank, size_t n_runs,
           const size_t *entity_rank, size_t *order)
{
    MentionKey *keys = NULL;
    size_t cap = 0, k = 0;
    for (size_t g = 0; g < n_runs;) {
        /* the runs of one article: equal ranks, together in `by` */
        size_t start = k, end = g;
        while (end < n_runs &&
               run_rank[by[end].index] == run_rank[by[g].index]) {
            const Run *r = &runs[by[end].index];
            for (size_t i = 0; i < r->count; ++i) {
                order[k++] = r->first + i;
            }
            ++end;
        }
        size_t m = k - start;
        if (m > cap) {
            MentionKey *grown = vnkg_realloc(ctx, keys, m * sizeof *keys);
            if (!grown) {
                vnkg_free(ctx, keys);
                return VNKG_ERR_NO_MEMORY;
            }
            keys = grown;
            cap = m;
        }
        sort_article(facts, entity_rank, order + start, m, keys);
        g = end;
    }
    vnkg_free(ctx, keys);
    return VNKG_SUCCESS;
}

/* Mentions sort by article id, start, end, entity id and index: the
 * articles' runs are ranked and ordered, then each article's few mentions
 * sorted (a global sort of 40-byte keys took 300 MB at 100k articles). */
VnkgStatus
vnkg_facts_mention_order(VnkgContext *ctx, const VnkgFacts *facts, size_t **out)
{
    *out = NULL;
    size_t n = vnkg_facts_mention_count(facts), n_runs = 0;
    size_t n_ent = vnkg_facts_entity_count(facts);
    size_t *order = vnkg_calloc(ctx, n + 1, sizeof *order);
    size_t *entity_rank = vnkg_calloc(ctx, n_ent + 1, sizeof *entity_rank);
    Run *runs = NULL;
    VnkgRanked *by = NULL;
    size_t *run_rank = NULL;
    VnkgStatus st = order && entity_rank ? VNKG_SUCCESS : VNKG_ERR_NO_MEMORY;
    if (st == VNKG_SUCCESS) {
        st = rank_entities(ctx, facts, entity_rank);
    }
    if (st == VNKG_SUCCESS) {
        st = find_runs(ctx, facts, &runs, &n_runs);
    }
    if (st == VNKG_SUCCESS) {
        by = vnkg_calloc(ctx, n_runs + 1, sizeof *by);
        run_rank = vnkg_calloc(ctx, n_runs + 1, sizeof *run_rank);
        st = by && run_rank ? VNKG_SUCCESS : VNKG_ERR_NO_MEMORY;
    }
    if (st == VNKG_SUCCESS) {
        for (size_t i = 0; i < n_runs; ++i) {
            by[i] = (VnkgRanked){
                vnkg_facts_mention_at(facts, runs[i].first)->article, i};
        }
        vnkg_rank_sorted(by, n_runs, run_rank); /* by: sorted by article */
        st = fill_order(ctx, facts, runs, by, run_rank, n_runs, entity_rank,
                        order);
    }
    vnkg_free(ctx, run_rank);
    vnkg_free(ctx, by);
    vnkg_free(ctx, runs);
    vnkg_free(ctx, entity_rank);
    if (st != VNKG_SUCCESS) {
        vnkg_free(ctx, order);
        return st;
    }
    *out = order;
    return VNKG_SUCCESS;
}
