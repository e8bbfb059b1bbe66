/* SPDX-License-Identifier: MIT */
/* Internal: the fact store's layout, shared by facts.c and facts_io.c. */
#ifndef VNKG_FACTS_INTERNAL_H
#define VNKG_FACTS_INTERNAL_H

#include "../util/intern.h"
#include "../util/strmap.h"

#include <vnkg/facts.h>

/* Every string of the store (ids, labels, set items, evidence, dates,
 * roles, surfaces, article fields) lives once in `pool`: records hold
 * borrowed pointers, and equal strings share one address. */
struct VnkgFacts {
    VnkgIntern pool;
    VnkgEntity *entities;
    size_t n_entities, cap_entities;
    VnkgFact *facts;
    size_t n_facts, cap_facts;
    /* open addressing on (from, to, relation, role): fact index + 1 in
     * the low FACT_INDEX_BITS, the top bits of the key's hash above (a
     * probe passes other facts without reading them); 0 when empty */
    uint64_t *fact_slots;
    size_t fact_slots_cap; /* a power of two, or 0 */
    VnkgMention *mentions;
    size_t n_mentions, cap_mentions;
    VnkgArticle *articles;
    size_t n_articles, cap_articles;
    VnkgStrMap entity_map;
    VnkgStrMap article_map;
};

/* Adds `item` (pooled in `facts`) to one of the store's sets. */
VnkgStatus vnkg_facts_set_add(VnkgContext *ctx, VnkgFacts *facts,
                              VnkgStrSet *set, const char *item);
/* Empties one of the store's sets (the strings stay in the pool). */
void vnkg_facts_set_reset(VnkgContext *ctx, VnkgStrSet *set);
/* Points *field at the pooled copy of `value` (NULL allowed). */
VnkgStatus vnkg_facts_set_str(VnkgContext *ctx, VnkgFacts *facts, char **field,
                              const char *value);

/* The pooled copy of `len` bytes at `s` in the store's pool. */
VnkgStatus vnkg_facts_intern(VnkgContext *ctx, VnkgFacts *facts, const char *s,
                             size_t len, char **out);
/* vnkg_facts_relate_at with weight 1 for `article`, `date` and `evidence`
 * pooled in `facts` (from vnkg_facts_intern; the role need not be):
 * extraction pools a sentence once for all the facts it gives. */
VnkgStatus vnkg_facts_relate_pooled(VnkgContext *ctx, VnkgFacts *facts,
                                    size_t from, size_t to, VnkgRelation rel,
                                    const char *role, const char *article,
                                    size_t offset, const char *date,
                                    const char *evidence, int inferred);
/* vnkg_facts_mention for an `article` id pooled in `facts`. */
VnkgStatus vnkg_facts_mention_pooled(VnkgContext *ctx, VnkgFacts *facts,
                                     const char *article, size_t start,
                                     size_t end, const char *surface,
                                     size_t len, size_t entity);

#endif
