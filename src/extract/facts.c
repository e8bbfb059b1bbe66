/* SPDX-License-Identifier: MIT */
/* The fact store: entities by id, relations by (from, to, relation, role). */
#include "../util/array.h"
#include "facts_internal.h"
#include "strset.h"

#include <vnkg/facts.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const type_names[VNKG_TYPE_COUNT] = {
    "official",  "province",     "ministry", "partner",
    "agreement", "organization", "document", "event"};
static const char *const rel_names[VNKG_REL_COUNT] = {
    "holds_office",   "represents", "chairs",     "attends",
    "agreement_with", "issued_by",  "located_in", "co_mention"};

const char *
vnkg_entity_type_name(VnkgEntityType type)
{
    return (unsigned)type < VNKG_TYPE_COUNT ? type_names[type] : NULL;
}

VnkgStatus
vnkg_entity_type_parse(const char *name, VnkgEntityType *out)
{
    for (int i = 0; i < VNKG_TYPE_COUNT; ++i) {
        if (strcmp(name, type_names[i]) == 0) {
            *out = (VnkgEntityType)i;
            return VNKG_SUCCESS;
        }
    }
    return VNKG_FAILURE;
}

const char *
vnkg_relation_name(VnkgRelation rel)
{
    return (unsigned)rel < VNKG_REL_COUNT ? rel_names[rel] : NULL;
}

VnkgStatus
vnkg_relation_parse(const char *name, VnkgRelation *out)
{
    for (int i = 0; i < VNKG_REL_COUNT; ++i) {
        if (strcmp(name, rel_names[i]) == 0) {
            *out = (VnkgRelation)i;
            return VNKG_SUCCESS;
        }
    }
    return VNKG_FAILURE;
}

VnkgStatus
vnkg_facts_set_add(VnkgContext *ctx, VnkgFacts *facts, VnkgStrSet *set,
                   const char *item)
{
    char *pooled;
    VNKG_TRY(vnkg_intern_str(ctx, &facts->pool, item, &pooled));
    return vnkg_strset_add_pooled(ctx, set, pooled);
}

void
vnkg_facts_set_reset(VnkgContext *ctx, VnkgStrSet *set)
{
    vnkg_strset_reset_pooled(ctx, set);
}

/* ---- the store ---- */

VnkgStatus
vnkg_facts_new(VnkgContext *ctx, VnkgFacts **out)
{
    *out = vnkg_calloc(ctx, 1, sizeof **out);
    if (*out) {
        vnkg_intern_init(&(*out)->pool);
    }
    return *out ? VNKG_SUCCESS : VNKG_ERR_NO_MEMORY;
}

VnkgStatus
vnkg_facts_set_str(VnkgContext *ctx, VnkgFacts *facts, char **field,
                   const char *value)
{
    return vnkg_intern_str(ctx, &facts->pool, value, field);
}

void
vnkg_facts_free(VnkgContext *ctx, VnkgFacts *facts)
{
    if (!facts) {
        return;
    }
    for (size_t i = 0; i < facts->n_entities; ++i) {
        vnkg_facts_set_reset(ctx, &facts->entities[i].aliases);
        vnkg_facts_set_reset(ctx, &facts->entities[i].sources);
    }
    for (size_t i = 0; i < facts->n_facts; ++i) {
        vnkg_facts_set_reset(ctx, &facts->facts[i].sources);
    }
    vnkg_free(ctx, facts->entities);
    vnkg_free(ctx, facts->facts);
    vnkg_free(ctx, facts->fact_slots);
    vnkg_free(ctx, facts->mentions);
    vnkg_free(ctx, facts->articles);
    vnkg_strmap_clear(ctx, &facts->entity_map);
    vnkg_strmap_clear(ctx, &facts->article_map);
    vnkg_intern_clear(ctx, &facts->pool);
    vnkg_free(ctx, facts);
}

/* Grows an array of `size`-byte items to hold one more. */
static VnkgStatus
reserve(VnkgContext *ctx, void **arr, size_t *cap, size_t count, size_t size)
{
    return vnkg_array_reserve(ctx, arr, cap, count, size, 16);
}

VnkgStatus
vnkg_facts_find(const VnkgFacts *facts, const char *id, size_t *out)
{
    return vnkg_strmap_get(&facts->entity_map, id, strlen(id), out);
}

VnkgStatus
vnkg_facts_entity(VnkgContext *ctx, VnkgFacts *facts, const char *id,
                  VnkgEntityType type, const char *label, size_t *out)
{
    if (vnkg_facts_find(facts, id, out) == VNKG_SUCCESS) {
        return VNKG_SUCCESS;
    }
    VNKG_TRY(reserve(ctx, (void **)&facts->entities, &facts->cap_entities,
                     facts->n_entities, sizeof *facts->entities));
    VnkgEntity e = {0};
    e.type = type;
    VNKG_TRY(vnkg_intern_str(ctx, &facts->pool, id, &e.id));
    VNKG_TRY(vnkg_intern_str(ctx, &facts->pool, label, &e.label));
    VNKG_TRY(vnkg_strmap_put(ctx, &facts->entity_map, e.id, strlen(e.id),
                             facts->n_entities));
    facts->entities[facts->n_entities] = e;
    *out = facts->n_entities++;
    return VNKG_SUCCESS;
}

VnkgStatus
vnkg_facts_add_alias(VnkgContext *ctx, VnkgFacts *facts, size_t entity,
                     const char *alias)
{
    VnkgEntity *e = &facts->entities[entity];
    if (strcmp(alias, e->label) == 0) {
        return VNKG_SUCCESS;
    }
    return vnkg_facts_set_add(ctx, facts, &e->aliases, alias);
}

VnkgStatus
vnkg_facts_set_validity(VnkgContext *ctx, VnkgFacts *facts, size_t entity,
                        const char *merged_into, const char *valid_until)
{
    VnkgEntity *e = &facts->entities[entity];
    VNKG_TRY(vnkg_intern_str(ctx, &facts->pool, merged_into, &e->merged_into));
    return vnkg_intern_str(ctx, &facts->pool, valid_until, &e->valid_until);
}

/* ---- relations by (from, to, relation, role) ----
 * The role is pooled, so its address stands for its text. */

static uint64_t
fact_hash(size_t from, size_t to, VnkgRelation rel, const char *role)
{
    uint64_t h = (uint64_t)from * 0x9e3779b97f4a7c15ULL;
    h ^= ((uint64_t)to + 0x632be59bd9b4e019ULL) * 0xbf58476d1ce4e5b9ULL;
    h ^= ((uint64_t)rel + 1) * 0x94d049bb133111ebULL;
    h ^= (uint64_t)(uintptr_t)role * 0xff51afd7ed558ccdULL;
    h ^= h >> 29;
    return h;
}

/* A slot's fact index + 1 fits below FACT_INDEX_BITS; the bits above
 * hold the same bits of the fact's hash. */
#define FACT_INDEX_BITS 40
#define FACT_INDEX_MASK ((UINT64_C(1) << FACT_INDEX_BITS) - 1)

static uint64_t
slot_tag(uint64_t hash)
{
    return hash & ~FACT_INDEX_MASK;
}

/* The slot of the fact (from, to, rel, role) with hash `h`, or the empty
 * slot where it would go. */
static size_t
fact_slot(const VnkgFacts *facts, uint64_t h, size_t from, size_t to,
          VnkgRelation rel, const char *role)
{
    size_t mask = facts->fact_slots_cap - 1;
    size_t i = (size_t)h & mask;
    uint64_t tag = slot_tag(h);
    for (uint64_t v; (v = facts->fact_slots[i]) != 0; i = (i + 1) & mask) {
        if (slot_tag(v) != tag) {
            continue;
        }
        const VnkgFact *f = &facts->facts[(v & FACT_INDEX_MASK) - 1];
        if (f->from == from && f->to == to && f->relation == rel &&
            f->role == role) {
            break;
        }
    }
    return i;
}

static VnkgStatus
grow_fact_slots(VnkgContext *ctx, VnkgFacts *facts)
{
    size_t cap = facts->fact_slots_cap ? facts->fact_slots_cap * 2 : 64;
    uint64_t *slots = vnkg_calloc(ctx, cap, sizeof *slots);
    if (!slots) {
        return VNKG_ERR_NO_MEMORY;
    }
    vnkg_free(ctx, facts->fact_slots);
    facts->fact_slots = slots;
    facts->fact_slots_cap = cap;
    for (size_t k = 0; k < facts->n_facts; ++k) {
        const VnkgFact *f = &facts->facts[k];
        uint64_t h = fact_hash(f->from, f->to, f->relation, f->role);
        slots[fact_slot(facts, h, f->from, f->to, f->relation, f->role)] =
            slot_tag(h) | (k + 1);
    }
    return VNKG_SUCCESS;
}

/* The index of the fact (from, to, rel, role) in *out, added when new
 * (*fresh = 1). `role` is pooled. */
static VnkgStatus
find_or_add_fact(VnkgContext *ctx, VnkgFacts *facts, size_t from, size_t to,
                 VnkgRelation rel, char *role, size_t *out, int *fresh)
{
    if ((facts->n_facts + 1) * 4 >= facts->fact_slots_cap * 3) {
        VNKG_TRY(grow_fact_slots(ctx, facts));
    }
    uint64_t h = fact_hash(from, to, rel, role);
    size_t slot = fact_slot(facts, h, from, to, rel, role);
    uint64_t v = facts->fact_slots[slot];
    *fresh = v == 0;
    if (!*fresh) {
        *out = (size_t)(v & FACT_INDEX_MASK) - 1;
        return VNKG_SUCCESS;
    }
    if ((uint64_t)facts->n_facts + 1 > FACT_INDEX_MASK) {
        return VNKG_ERR_NO_MEMORY; /* 2^40 facts: no machine gets here */
    }
    VNKG_TRY(reserve(ctx, (void **)&facts->facts, &facts->cap_facts,
                     facts->n_facts, sizeof *facts->facts));
    VnkgFact f = {0};
    f.from = from;
    f.to = to;
    f.relation = rel;
    f.role = role;
    facts->facts[facts->n_facts] = f;
    facts->fact_slots[slot] = slot_tag(h) | (facts->n_facts + 1);
    *out = facts->n_facts++;
    return VNKG_SUCCESS;
}

/* True when evidence from (inferred, article, offset) is preferred to
 * what the fact holds: stated first, then the smallest article and
 * offset. */
static int
better_evidence(const VnkgFact *f, int inferred, const char *article,
                size_t offset)
{
    if (!f->evidence) {
        return 1;
    }
    if (f->inferred != inferred) {
        return !inferred;
    }
    int c = strcmp(article ? article : "",
                   f->evidence_article ? f->evidence_article : "");
    return c < 0 || (c == 0 && offset < f->evidence_offset);
}

/* Pooled strings of one store mapped to their copies in another, so that
 * a merge looks each distinct string up in the destination's (large)
 * pool once, not once per record that holds it. */
typedef struct {
    const char **from; /* NULL: empty slot */
    char **to;
    size_t cap;  /* a power of two */
    size_t used; /* at most cap / 2: beyond, strings are interned directly */
    /* the merged store's one article id when the destination's pool does
     * not hold it: no set of the destination can hold it either, so it is
     * appended to sets without a lookup */
    const char *fresh;
} Xlat;

static VnkgStatus
xlat_init(VnkgContext *ctx, Xlat *xl, size_t strings)
{
    size_t cap = 16;
    while (cap < 2 * strings + 2) {
        cap *= 2;
    }
    xl->from = vnkg_calloc(ctx, cap, sizeof *xl->from);
    xl->to = vnkg_malloc(ctx, cap * sizeof *xl->to);
    xl->cap = cap;
    xl->used = 0;
    xl->fresh = NULL;
    return xl->from && xl->to ? VNKG_SUCCESS : VNKG_ERR_NO_MEMORY;
}

static void
xlat_clear(VnkgContext *ctx, Xlat *xl)
{
    vnkg_free(ctx, xl->from);
    vnkg_free(ctx, xl->to);
}

/* Where the strings handed to relate_range live. */
typedef enum {
    STR_CALLER, /* the caller's: interned in the store */
    STR_POOLED, /* already pooled in the store */
    STR_XLAT    /* pooled in another store: translated */
} StrFrom;

/* The store's pooled copy of `s` (NULL gives NULL). */
static VnkgStatus
own(VnkgContext *ctx, VnkgFacts *facts, StrFrom from, Xlat *xl, const char *s,
    char **out)
{
    if (!s || from == STR_POOLED) {
        *out = (char *)s;
        return VNKG_SUCCESS;
    }
    if (from == STR_CALLER) {
        return vnkg_intern_str(ctx, &facts->pool, s, out);
    }
    size_t mask = xl->cap - 1;
    size_t i =
        (size_t)(((uint64_t)(uintptr_t)s * 0x9e3779b97f4a7c15ULL) >> 20) & mask;
    for (; xl->from[i]; i = (i + 1) & mask) {
        if (xl->from[i] == s) {
            *out = xl->to[i];
            return VNKG_SUCCESS;
        }
    }
    VNKG_TRY(vnkg_intern_str(ctx, &facts->pool, s, out));
    if (xl->used < xl->cap / 2) {
        xl->from[i] = s;
        xl->to[i] = *out;
        xl->used++;
    }
    return VNKG_SUCCESS;
}

typedef struct {
    double weight;
    const VnkgStrSet *articles;
    const char *article;
    const char *first, *last;
    const char *evidence;
    const char *evidence_article;
    size_t evidence_offset;
    int inferred;
    StrFrom from; /* of every string above and of the role */
    Xlat *xl;     /* for STR_XLAT */
} Statement;

static VnkgStatus
widen_dates(VnkgContext *ctx, VnkgFacts *facts, VnkgFact *f, const Statement *x)
{
    if (x->first && (!f->first_date || strcmp(x->first, f->first_date) < 0)) {
        VNKG_TRY(own(ctx, facts, x->from, x->xl, x->first, &f->first_date));
    }
    if (x->last && (!f->last_date || strcmp(x->last, f->last_date) > 0)) {
        VNKG_TRY(own(ctx, facts, x->from, x->xl, x->last, &f->last_date));
    }
    return VNKG_SUCCESS;
}

/* Adds a source article to a fact or entity set. */
static VnkgStatus
add_source(VnkgContext *ctx, VnkgFacts *facts, StrFrom from, Xlat *xl,
           VnkgStrSet *set, const char *article)
{
    char *pooled;
    VNKG_TRY(own(ctx, facts, from, xl, article, &pooled));
    if (from == STR_XLAT && article == xl->fresh) {
        /* once per set and merge: each record of the merged store maps to
         * its own record here, and a set lists an article once */
        return vnkg_strset_append_pooled(ctx, set, pooled);
    }
    return vnkg_strset_add_pooled(ctx, set, pooled);
}

static VnkgStatus
relate_range(VnkgContext *ctx, VnkgFacts *facts, size_t from, size_t to,
             VnkgRelation rel, const char *role, const Statement *x)
{
    char *pooled_role;
    VNKG_TRY(own(ctx, facts, x->from, x->xl, role, &pooled_role));
    size_t idx;
    int fresh;
    VNKG_TRY(
        find_or_add_fact(ctx, facts, from, to, rel, pooled_role, &idx, &fresh));
    VnkgFact *f = &facts->facts[idx];
    f->weight += x->weight;
    if (x->article) {
        VNKG_TRY(
            add_source(ctx, facts, x->from, x->xl, &f->sources, x->article));
    }
    for (size_t i = 0; x->articles && i < x->articles->count; ++i) {
        VNKG_TRY(add_source(ctx, facts, x->from, x->xl, &f->sources,
                            x->articles->items[i]));
    }
    if (fresh) {
        f->inferred = x->inferred;
    }
    if (x->evidence &&
        (fresh || better_evidence(f, x->inferred, x->evidence_article,
                                  x->evidence_offset))) {
        VNKG_TRY(own(ctx, facts, x->from, x->xl, x->evidence, &f->evidence));
        VNKG_TRY(own(ctx, facts, x->from, x->xl, x->evidence_article,
                     &f->evidence_article));
        f->evidence_offset = x->evidence_offset;
    }
    f->inferred = f->inferred && x->inferred;
    return widen_dates(ctx, facts, f, x);
}

VnkgStatus
vnkg_facts_relate_at(VnkgContext *ctx, VnkgFacts *facts, size_t from, size_t to,
                     VnkgRelation rel, const char *role, double weight,
                     const char *article, size_t offset, const char *date,
                     const char *evidence, int inferred)
{
    Statement x = {weight,  NULL,   article,       date,       date, evidence,
                   article, offset, inferred != 0, STR_CALLER, NULL};
    return relate_range(ctx, facts, from, to, rel, role, &x);
}

VnkgStatus
vnkg_facts_relate_pooled(VnkgContext *ctx, VnkgFacts *facts, size_t from,
                         size_t to, VnkgRelation rel, const char *role,
                         const char *article, size_t offset, const char *date,
                         const char *evidence, int inferred)
{
    char *pooled_role;
    VNKG_TRY(vnkg_intern_str(ctx, &facts->pool, role, &pooled_role));
    Statement x = {1.0,     NULL,   article,       date,       date, evidence,
                   article, offset, inferred != 0, STR_POOLED, NULL};
    return relate_range(ctx, facts, from, to, rel, pooled_role, &x);
}

VnkgStatus
vnkg_facts_intern(VnkgContext *ctx, VnkgFacts *facts, const char *s, size_t len,
                  char **out)
{
    return vnkg_intern(ctx, &facts->pool, s, len, out);
}

VnkgStatus
vnkg_facts_relate(VnkgContext *ctx, VnkgFacts *facts, size_t from, size_t to,
                  VnkgRelation rel, const char *role, double weight,
                  const char *article, const char *date, const char *evidence)
{
    return vnkg_facts_relate_at(ctx, facts, from, to, rel, role, weight,
                                article, 0, date, evidence, 0);
}

VnkgStatus
vnkg_facts_relate_inferred(VnkgContext *ctx, VnkgFacts *facts, size_t from,
                           size_t to, VnkgRelation rel, const char *role,
                           double weight, const char *article, const char *date,
                           const char *evidence)
{
    return vnkg_facts_relate_at(ctx, facts, from, to, rel, role, weight,
                                article, 0, date, evidence, 1);
}

VnkgStatus
vnkg_facts_set_label_article(VnkgContext *ctx, VnkgFacts *facts, size_t entity,
                             const char *article)
{
    return vnkg_intern_str(ctx, &facts->pool, article,
                           &facts->entities[entity].label_article);
}

/* Appends a mention whose strings are pooled in the store. */
static VnkgStatus
push_mention(VnkgContext *ctx, VnkgFacts *facts, const VnkgMention *m)
{
    VNKG_TRY(reserve(ctx, (void **)&facts->mentions, &facts->cap_mentions,
                     facts->n_mentions, sizeof *facts->mentions));
    facts->mentions[facts->n_mentions++] = *m;
    return VNKG_SUCCESS;
}

VnkgStatus
vnkg_facts_mention(VnkgContext *ctx, VnkgFacts *facts, const char *article,
                   size_t start, size_t end, const char *surface, size_t len,
                   size_t entity)
{
    char *pooled;
    VNKG_TRY(vnkg_intern_str(ctx, &facts->pool, article, &pooled));
    return vnkg_facts_mention_pooled(ctx, facts, pooled, start, end, surface,
                                     len, entity);
}

VnkgStatus
vnkg_facts_mention_pooled(VnkgContext *ctx, VnkgFacts *facts,
                          const char *article, size_t start, size_t end,
                          const char *surface, size_t len, size_t entity)
{
    VnkgMention m = {0};
    m.article = (char *)article;
    m.start = start;
    m.end = end;
    m.entity = entity;
    VNKG_TRY(vnkg_intern(ctx, &facts->pool, surface, len, &m.surface));
    VnkgEntity *e = &facts->entities[entity];
    VNKG_TRY(vnkg_strset_add_pooled(ctx, &e->sources, m.article));
    VNKG_TRY(push_mention(ctx, facts, &m));
    e->mentions++;
    return VNKG_SUCCESS;
}

VnkgStatus
vnkg_facts_article(VnkgContext *ctx, VnkgFacts *facts,
                   const VnkgArticle *article)
{
    size_t idx;
    if (vnkg_strmap_get(&facts->article_map, article->id, strlen(article->id),
                        &idx) == VNKG_SUCCESS) {
        return VNKG_SUCCESS;
    }
    VNKG_TRY(reserve(ctx, (void **)&facts->articles, &facts->cap_articles,
                     facts->n_articles, sizeof *facts->articles));
    VnkgArticle a = {0};
    a.date_inferred = article->date_inferred;
    VnkgIntern *pool = &facts->pool;
    VNKG_TRY(vnkg_intern_str(ctx, pool, article->id, &a.id));
    VNKG_TRY(vnkg_intern_str(ctx, pool, article->url, &a.url));
    VNKG_TRY(vnkg_intern_str(ctx, pool, article->title, &a.title));
    VNKG_TRY(vnkg_intern_str(ctx, pool, article->date, &a.date));
    VNKG_TRY(vnkg_strmap_put(ctx, &facts->article_map, a.id, strlen(a.id),
                             facts->n_articles));
    facts->articles[facts->n_articles++] = a;
    return VNKG_SUCCESS;
}

static VnkgStatus
merge_entity(VnkgContext *ctx, VnkgFacts *dst, Xlat *xl, const VnkgEntity *e,
             size_t *out)
{
    char *id, *label, *label_article;
    VNKG_TRY(own(ctx, dst, STR_XLAT, xl, e->id, &id));
    VNKG_TRY(own(ctx, dst, STR_XLAT, xl, e->label, &label));
    VNKG_TRY(own(ctx, dst, STR_XLAT, xl, e->label_article, &label_article));
    size_t len = strlen(id);
    if (vnkg_strmap_get(&dst->entity_map, id, len, out) != VNKG_SUCCESS) {
        VNKG_TRY(reserve(ctx, (void **)&dst->entities, &dst->cap_entities,
                         dst->n_entities, sizeof *dst->entities));
        VnkgEntity fresh = {0};
        fresh.type = e->type;
        fresh.id = id;
        fresh.label = label;
        fresh.label_article = label_article;
        VNKG_TRY(
            vnkg_strmap_put(ctx, &dst->entity_map, id, len, dst->n_entities));
        dst->entities[dst->n_entities] = fresh;
        *out = dst->n_entities++;
    }
    VnkgEntity *d = &dst->entities[*out];
    for (size_t i = 0; i < e->aliases.count; ++i) {
        char *alias;
        VNKG_TRY(own(ctx, dst, STR_XLAT, xl, e->aliases.items[i], &alias));
        if (alias != d->label) {
            VNKG_TRY(vnkg_strset_add_pooled(ctx, &d->aliases, alias));
        }
    }
    for (size_t i = 0; i < e->sources.count; ++i) {
        VNKG_TRY(add_source(ctx, dst, STR_XLAT, xl, &d->sources,
                            e->sources.items[i]));
    }
    d->mentions += e->mentions;
    if (label_article && d->label_article &&
        strcmp(label_article, d->label_article) < 0) {
        /* the label read in the smallest article wins: order-free */
        if (label != d->label) {
            VNKG_TRY(vnkg_strset_add_pooled(ctx, &d->aliases, d->label));
            d->label = label;
        }
        d->label_article = label_article;
    } else if (label != d->label) {
        /* the other way round too: the losing label is an alias */
        VNKG_TRY(vnkg_strset_add_pooled(ctx, &d->aliases, label));
    }
    if (e->merged_into && !d->merged_into) {
        VNKG_TRY(own(ctx, dst, STR_XLAT, xl, e->merged_into, &d->merged_into));
        VNKG_TRY(own(ctx, dst, STR_XLAT, xl, e->valid_until, &d->valid_until));
    }
    return VNKG_SUCCESS;
}

static VnkgStatus
merge_into(VnkgContext *ctx, VnkgFacts *dst, const VnkgFacts *src, Xlat *xl,
           size_t *map)
{
    for (size_t i = 0; i < src->n_entities; ++i) {
        VNKG_TRY(merge_entity(ctx, dst, xl, &src->entities[i], &map[i]));
    }
    for (size_t i = 0; i < src->n_facts; ++i) {
        const VnkgFact *f = &src->facts[i];
        Statement x = {f->weight,
                       &f->sources,
                       NULL,
                       f->first_date,
                       f->last_date,
                       f->evidence,
                       f->evidence_article,
                       f->evidence_offset,
                       f->inferred,
                       STR_XLAT,
                       xl};
        VNKG_TRY(relate_range(ctx, dst, map[f->from], map[f->to], f->relation,
                              f->role, &x));
    }
    for (size_t i = 0; i < src->n_mentions; ++i) {
        VnkgMention c = src->mentions[i];
        c.entity = map[c.entity];
        VNKG_TRY(own(ctx, dst, STR_XLAT, xl, c.article, &c.article));
        VNKG_TRY(own(ctx, dst, STR_XLAT, xl, c.surface, &c.surface));
        VNKG_TRY(push_mention(ctx, dst, &c));
    }
    for (size_t i = 0; i < src->n_articles; ++i) {
        VNKG_TRY(vnkg_facts_article(ctx, dst, &src->articles[i]));
    }
    return VNKG_SUCCESS;
}

VnkgStatus
vnkg_facts_merge(VnkgContext *ctx, VnkgFacts *dst, const VnkgFacts *src)
{
    size_t *map = vnkg_calloc(ctx, src->n_entities + 1, sizeof *map);
    Xlat xl;
    VnkgStatus st = xlat_init(ctx, &xl, src->pool.map.count);
    if (st == VNKG_SUCCESS && src->n_articles == 1) {
        const char *id = src->articles[0].id;
        size_t unused;
        if (vnkg_strmap_get(&dst->pool.map, id, strlen(id), &unused) !=
            VNKG_SUCCESS) {
            xl.fresh = id;
        }
    }
    if (map && st == VNKG_SUCCESS) {
        st = merge_into(ctx, dst, src, &xl, map);
    } else {
        st = VNKG_ERR_NO_MEMORY;
    }
    xlat_clear(ctx, &xl);
    vnkg_free(ctx, map);
    return st;
}

int
vnkg_facts_has_article(const VnkgFacts *facts, const char *id)
{
    size_t idx;
    return vnkg_strmap_get(&facts->article_map, id, strlen(id), &idx) ==
           VNKG_SUCCESS;
}

size_t
vnkg_facts_entity_count(const VnkgFacts *facts)
{
    return facts->n_entities;
}

const VnkgEntity *
vnkg_facts_entity_at(const VnkgFacts *facts, size_t i)
{
    return i < facts->n_entities ? &facts->entities[i] : NULL;
}

size_t
vnkg_facts_fact_count(const VnkgFacts *facts)
{
    return facts->n_facts;
}

const VnkgFact *
vnkg_facts_fact_at(const VnkgFacts *facts, size_t i)
{
    return i < facts->n_facts ? &facts->facts[i] : NULL;
}

size_t
vnkg_facts_mention_count(const VnkgFacts *facts)
{
    return facts->n_mentions;
}

const VnkgMention *
vnkg_facts_mention_at(const VnkgFacts *facts, size_t i)
{
    return i < facts->n_mentions ? &facts->mentions[i] : NULL;
}

size_t
vnkg_facts_article_count(const VnkgFacts *facts)
{
    return facts->n_articles;
}

const VnkgArticle *
vnkg_facts_article_at(const VnkgFacts *facts, size_t i)
{
    return i < facts->n_articles ? &facts->articles[i] : NULL;
}
