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
    size_t *fact_slots;    /* open addressing on (from, to, relation, role):
                              fact index + 1, 0 when empty */
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

#endif
