/* SPDX-License-Identifier: MIT */
/* The order mentions are listed in, shared by facts.vnkg and mentions.tsv.
 * Comparing id strings inside qsort reads scattered memory O(log n) times
 * per record; the distinct ids are ranked once and the mentions sorted by
 * integers, the index breaking ties (the order of a stable sort). */
#include "../util/rank.h"

#include <vnkg/facts.h>

#include <stdlib.h>
#include <string.h>

typedef struct {
    size_t article, entity; /* ranks */
    size_t start, end;
    size_t index;
} MentionKey;

static int
cmp_mention(const void *a, const void *b)
{
    const MentionKey *x = a, *y = b;
    if (x->article != y->article) {
        return x->article < y->article ? -1 : 1;
    }
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

/* key[i].entity for every mention. */
static VnkgStatus
rank_entities(VnkgContext *ctx, const VnkgFacts *facts, MentionKey *key)
{
    size_t n = vnkg_facts_entity_count(facts);
    VnkgRanked *v = vnkg_calloc(ctx, n + 1, sizeof *v);
    size_t *rank = vnkg_calloc(ctx, n + 1, sizeof *rank);
    if (v && rank) {
        for (size_t i = 0; i < n; ++i) {
            v[i] = (VnkgRanked){vnkg_facts_entity_at(facts, i)->id, i};
        }
        vnkg_rank_sorted(v, n, rank);
        for (size_t i = 0; i < vnkg_facts_mention_count(facts); ++i) {
            key[i].entity = rank[vnkg_facts_mention_at(facts, i)->entity];
        }
    }
    vnkg_free(ctx, v);
    vnkg_free(ctx, rank);
    return v && rank ? VNKG_SUCCESS : VNKG_ERR_NO_MEMORY;
}

/* key[i].article for every mention: the mentions of an article mostly
 * come together, so the strings ranked are those of runs of equal ids. */
static VnkgStatus
rank_articles(VnkgContext *ctx, const VnkgFacts *facts, MentionKey *key)
{
    size_t n = vnkg_facts_mention_count(facts);
    VnkgRanked *runs = vnkg_calloc(ctx, n + 1, sizeof *runs);
    size_t *rank = vnkg_calloc(ctx, n + 1, sizeof *rank);
    if (runs && rank) {
        size_t n_runs = 0;
        for (size_t i = 0; i < n; ++i) {
            const char *a = vnkg_facts_mention_at(facts, i)->article;
            if (n_runs == 0 || strcmp(runs[n_runs - 1].s, a) != 0) {
                runs[n_runs] = (VnkgRanked){a, n_runs};
                ++n_runs;
            }
            key[i].article = n_runs - 1; /* the run, for now */
        }
        vnkg_rank_sorted(runs, n_runs, rank);
        for (size_t i = 0; i < n; ++i) {
            key[i].article = rank[key[i].article];
        }
    }
    vnkg_free(ctx, runs);
    vnkg_free(ctx, rank);
    return runs && rank ? VNKG_SUCCESS : VNKG_ERR_NO_MEMORY;
}

VnkgStatus
vnkg_facts_mention_order(VnkgContext *ctx, const VnkgFacts *facts, size_t **out)
{
    *out = NULL;
    size_t n = vnkg_facts_mention_count(facts);
    MentionKey *key = vnkg_calloc(ctx, n + 1, sizeof *key);
    size_t *order = vnkg_calloc(ctx, n + 1, sizeof *order);
    VnkgStatus st = key && order ? VNKG_SUCCESS : VNKG_ERR_NO_MEMORY;
    for (size_t i = 0; st == VNKG_SUCCESS && i < n; ++i) {
        const VnkgMention *m = vnkg_facts_mention_at(facts, i);
        key[i] = (MentionKey){0, 0, m->start, m->end, i};
    }
    if (st == VNKG_SUCCESS) {
        st = rank_entities(ctx, facts, key);
    }
    if (st == VNKG_SUCCESS) {
        st = rank_articles(ctx, facts, key);
    }
    if (st == VNKG_SUCCESS && n > 1) {
        qsort(key, n, sizeof *key, cmp_mention);
    }
    for (size_t i = 0; st == VNKG_SUCCESS && i < n; ++i) {
        order[i] = key[i].index;
    }
    vnkg_free(ctx, key);
    if (st != VNKG_SUCCESS) {
        vnkg_free(ctx, order);
        return st;
    }
    *out = order;
    return VNKG_SUCCESS;
}
