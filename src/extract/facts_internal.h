/* SPDX-License-Identifier: MIT */
/* Internal: the fact store's layout, shared by facts.c and facts_io.c. */
#ifndef VNKG_FACTS_INTERNAL_H
#define VNKG_FACTS_INTERNAL_H

#include "../util/strmap.h"

#include <vnkg/facts.h>

struct VnkgFacts {
    VnkgEntity *entities;
    size_t n_entities, cap_entities;
    VnkgFact *facts;
    char **fact_keys; /* owned keys for fact_map */
    size_t n_facts, cap_facts, cap_keys;
    VnkgMention *mentions;
    size_t n_mentions, cap_mentions;
    VnkgArticle *articles;
    size_t n_articles, cap_articles;
    VnkgStrMap entity_map;
    VnkgStrMap fact_map;
    VnkgStrMap article_map;
};

#endif
