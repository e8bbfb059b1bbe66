/* SPDX-License-Identifier: MIT */
/* The fact store: entities by id, relations by (from, to, relation, role). */
#include "../util/array.h"
#include "facts_internal.h"

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

/* ---- string sets ---- */

/* Past this size a set keeps a hash index: an entity named in 100,000
 * articles would otherwise cost a linear scan per article. */
#define STRSET_INDEX_MIN 32

static VnkgStatus
build_index(VnkgContext *ctx, VnkgStrSet *set)
{
    VnkgStrMap *map = vnkg_calloc(ctx, 1, sizeof *map);
    if (!map) {
        return VNKG_ERR_NO_MEMORY;
    }
    vnkg_strmap_init(map);
    for (size_t i = 0; i < set->count; ++i) {
        VnkgStatus st =
            vnkg_strmap_put(ctx, map, set->items[i], strlen(set->items[i]), i);
        if (st != VNKG_SUCCESS) {
            vnkg_strmap_clear(ctx, map);
            vnkg_free(ctx, map);
            return st;
        }
    }
    set->index = map;
    return VNKG_SUCCESS;
}

VnkgStatus
vnkg_strset_add(VnkgContext *ctx, VnkgStrSet *set, const char *s)
{
    if (vnkg_strset_has(set, s)) {
        return VNKG_SUCCESS;
    }
    if (set->count == set->cap) {
        size_t cap = set->cap ? set->cap * 2 : 4;
        char **items = vnkg_realloc(ctx, set->items, cap * sizeof *items);
        if (!items) {
            return VNKG_ERR_NO_MEMORY;
        }
        set->items = items;
        set->cap = cap;
    }
    char *copy = vnkg_strdup(ctx, s);
    if (!copy) {
        return VNKG_ERR_NO_MEMORY;
    }
    if (set->index && vnkg_strmap_put(ctx, set->index, copy, strlen(copy),
                                      set->count) != VNKG_SUCCESS) {
        vnkg_free(ctx, copy);
        return VNKG_ERR_NO_MEMORY;
    }
    set->items[set->count++] = copy;
    if (!set->index && set->count >= STRSET_INDEX_MIN) {
        return build_index(ctx, set);
    }
    return VNKG_SUCCESS;
}

int
vnkg_strset_has(const VnkgStrSet *set, const char *s)
{
    if (set->index) {
        size_t v;
        return vnkg_strmap_get(set->index, s, strlen(s), &v) == VNKG_SUCCESS;
    }
    /* Articles arrive in order: the newest item is the likeliest match. */
    for (size_t i = set->count; i-- > 0;) {
        if (strcmp(set->items[i], s) == 0) {
            return 1;
        }
    }
    return 0;
}

static int
cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

void
vnkg_strset_sort(VnkgStrSet *set)
{
    if (set->count > 1) {
        qsort(set->items, set->count, sizeof *set->items, cmp_str);
    }
}

void
vnkg_strset_clear(VnkgContext *ctx, VnkgStrSet *set)
{
    if (set->index) {
        vnkg_strmap_clear(ctx, set->index);
        vnkg_free(ctx, set->index);
    }
    for (size_t i = 0; i < set->count; ++i) {
        vnkg_free(ctx, set->items[i]);
    }
    vnkg_free(ctx, set->items);
    memset(set, 0, sizeof *set);
}

VnkgStatus
vnkg_strset_join(VnkgContext *ctx, const VnkgStrSet *set, const char *sep,
                 char **out)
{
    size_t seplen = strlen(sep);
    size_t total = 1;
    for (size_t i = 0; i < set->count; ++i) {
        VNKG_TRY(vnkg_size_add(&total, total, strlen(set->items[i]) + seplen));
    }
    char *p = vnkg_malloc(ctx, total);
    if (!p) {
        return VNKG_ERR_NO_MEMORY;
    }
    size_t k = 0;
    for (size_t i = 0; i < set->count; ++i) {
        if (i) {
            memcpy(p + k, sep, seplen);
            k += seplen;
        }
        size_t n = strlen(set->items[i]);
        memcpy(p + k, set->items[i], n);
        k += n;
    }
    p[k] = '\0';
    *out = p;
    return VNKG_SUCCESS;
}

/* ---- the store ---- */

VnkgStatus
vnkg_facts_new(VnkgContext *ctx, VnkgFacts **out)
{
    *out = vnkg_calloc(ctx, 1, sizeof **out);
    return *out ? VNKG_SUCCESS : VNKG_ERR_NO_MEMORY;
}

static void
entity_clear(VnkgContext *ctx, VnkgEntity *e)
{
    vnkg_free(ctx, e->id);
    vnkg_free(ctx, e->label);
    vnkg_free(ctx, e->merged_into);
    vnkg_free(ctx, e->valid_until);
    vnkg_free(ctx, e->label_article);
    vnkg_strset_clear(ctx, &e->aliases);
    vnkg_strset_clear(ctx, &e->sources);
}

static void
fact_clear(VnkgContext *ctx, VnkgFact *f)
{
    vnkg_free(ctx, f->role);
    vnkg_free(ctx, f->evidence);
    vnkg_free(ctx, f->first_date);
    vnkg_free(ctx, f->last_date);
    vnkg_free(ctx, f->evidence_article);
    vnkg_strset_clear(ctx, &f->sources);
}

static void
article_clear(VnkgContext *ctx, VnkgArticle *a)
{
    vnkg_free(ctx, a->id);
    vnkg_free(ctx, a->url);
    vnkg_free(ctx, a->title);
    vnkg_free(ctx, a->date);
}

void
vnkg_facts_free(VnkgContext *ctx, VnkgFacts *facts)
{
    if (!facts) {
        return;
    }
    for (size_t i = 0; i < facts->n_entities; ++i) {
        entity_clear(ctx, &facts->entities[i]);
    }
    for (size_t i = 0; i < facts->n_facts; ++i) {
        fact_clear(ctx, &facts->facts[i]);
        vnkg_free(ctx, facts->fact_keys[i]);
    }
    for (size_t i = 0; i < facts->n_mentions; ++i) {
        vnkg_free(ctx, facts->mentions[i].article);
        vnkg_free(ctx, facts->mentions[i].surface);
    }
    for (size_t i = 0; i < facts->n_articles; ++i) {
        article_clear(ctx, &facts->articles[i]);
    }
    vnkg_free(ctx, facts->entities);
    vnkg_free(ctx, facts->facts);
    vnkg_free(ctx, facts->fact_keys);
    vnkg_free(ctx, facts->mentions);
    vnkg_free(ctx, facts->articles);
    vnkg_strmap_clear(ctx, &facts->entity_map);
    vnkg_strmap_clear(ctx, &facts->fact_map);
    vnkg_strmap_clear(ctx, &facts->article_map);
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
    e.id = vnkg_strdup(ctx, id);
    e.label = vnkg_strdup(ctx, label);
    VnkgStatus st = (e.id && e.label) ? VNKG_SUCCESS : VNKG_ERR_NO_MEMORY;
    if (st == VNKG_SUCCESS) {
        st = vnkg_strmap_put(ctx, &facts->entity_map, e.id, strlen(e.id),
                             facts->n_entities);
    }
    if (st != VNKG_SUCCESS) {
        entity_clear(ctx, &e);
        return st;
    }
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
    return vnkg_strset_add(ctx, &e->aliases, alias);
}

static VnkgStatus
replace_str(VnkgContext *ctx, char **field, const char *value)
{
    char *copy = NULL;
    if (value) {
        copy = vnkg_strdup(ctx, value);
        if (!copy) {
            return VNKG_ERR_NO_MEMORY;
        }
    }
    vnkg_free(ctx, *field);
    *field = copy;
    return VNKG_SUCCESS;
}

VnkgStatus
vnkg_facts_set_validity(VnkgContext *ctx, VnkgFacts *facts, size_t entity,
                        const char *merged_into, const char *valid_until)
{
    VnkgEntity *e = &facts->entities[entity];
    VNKG_TRY(replace_str(ctx, &e->merged_into, merged_into));
    return replace_str(ctx, &e->valid_until, valid_until);
}

static char *
fact_key(VnkgContext *ctx, const VnkgFacts *facts, size_t from, size_t to,
         VnkgRelation rel, const char *role)
{
    const char *a = facts->entities[from].id;
    const char *b = facts->entities[to].id;
    size_t n = strlen(a) + strlen(b) + (role ? strlen(role) : 0) + 16;
    char *key = vnkg_malloc(ctx, n);
    if (key) {
        snprintf(key, n, "%s\x1f%s\x1f%d\x1f%s", a, b, (int)rel,
                 role ? role : "");
    }
    return key;
}

static VnkgStatus
widen_dates(VnkgContext *ctx, VnkgFact *f, const char *first, const char *last)
{
    if (first && (!f->first_date || strcmp(first, f->first_date) < 0)) {
        VNKG_TRY(replace_str(ctx, &f->first_date, first));
    }
    if (last && (!f->last_date || strcmp(last, f->last_date) > 0)) {
        VNKG_TRY(replace_str(ctx, &f->last_date, last));
    }
    return VNKG_SUCCESS;
}

static VnkgStatus
new_fact(VnkgContext *ctx, VnkgFacts *facts, size_t from, size_t to,
         VnkgRelation rel, const char *role, char *key, size_t *out)
{
    VnkgStatus st = reserve(ctx, (void **)&facts->facts, &facts->cap_facts,
                            facts->n_facts, sizeof *facts->facts);
    if (st == VNKG_SUCCESS && facts->cap_keys < facts->cap_facts) {
        /* fact_keys grows in step with facts */
        char **keys = vnkg_realloc(ctx, facts->fact_keys,
                                   facts->cap_facts * sizeof *keys);
        st = keys ? VNKG_SUCCESS : VNKG_ERR_NO_MEMORY;
        if (keys) {
            facts->fact_keys = keys;
            facts->cap_keys = facts->cap_facts;
        }
    }
    VnkgFact f = {0};
    f.from = from;
    f.to = to;
    f.relation = rel;
    if (st == VNKG_SUCCESS && role) {
        f.role = vnkg_strdup(ctx, role);
        st = f.role ? VNKG_SUCCESS : VNKG_ERR_NO_MEMORY;
    }
    if (st == VNKG_SUCCESS) {
        st = vnkg_strmap_put(ctx, &facts->fact_map, key, strlen(key),
                             facts->n_facts);
    }
    if (st != VNKG_SUCCESS) {
        fact_clear(ctx, &f);
        vnkg_free(ctx, key);
        return st;
    }
    facts->fact_keys[facts->n_facts] = key;
    facts->facts[facts->n_facts] = f;
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

typedef struct {
    double weight;
    const VnkgStrSet *articles;
    const char *article;
    const char *first, *last;
    const char *evidence;
    const char *evidence_article;
    size_t evidence_offset;
    int inferred;
} Statement;

static VnkgStatus
relate_range(VnkgContext *ctx, VnkgFacts *facts, size_t from, size_t to,
             VnkgRelation rel, const char *role, const Statement *x)
{
    char *key = fact_key(ctx, facts, from, to, rel, role);
    if (!key) {
        return VNKG_ERR_NO_MEMORY;
    }
    size_t idx;
    int fresh = 0;
    if (vnkg_strmap_get(&facts->fact_map, key, strlen(key), &idx) ==
        VNKG_SUCCESS) {
        vnkg_free(ctx, key);
    } else {
        VNKG_TRY(new_fact(ctx, facts, from, to, rel, role, key, &idx));
        fresh = 1;
    }
    VnkgFact *f = &facts->facts[idx];
    f->weight += x->weight;
    if (x->article) {
        VNKG_TRY(vnkg_strset_add(ctx, &f->sources, x->article));
    }
    for (size_t i = 0; x->articles && i < x->articles->count; ++i) {
        VNKG_TRY(vnkg_strset_add(ctx, &f->sources, x->articles->items[i]));
    }
    if (fresh) {
        f->inferred = x->inferred;
    }
    if (x->evidence &&
        (fresh || better_evidence(f, x->inferred, x->evidence_article,
                                  x->evidence_offset))) {
        VNKG_TRY(replace_str(ctx, &f->evidence, x->evidence));
        VNKG_TRY(replace_str(ctx, &f->evidence_article, x->evidence_article));
        f->evidence_offset = x->evidence_offset;
    }
    f->inferred = f->inferred && x->inferred;
    return widen_dates(ctx, f, x->first, x->last);
}

VnkgStatus
vnkg_facts_relate_at(VnkgContext *ctx, VnkgFacts *facts, size_t from, size_t to,
                     VnkgRelation rel, const char *role, double weight,
                     const char *article, size_t offset, const char *date,
                     const char *evidence, int inferred)
{
    Statement x = {weight,   NULL,    article, date,         date,
                   evidence, article, offset,  inferred != 0};
    return relate_range(ctx, facts, from, to, rel, role, &x);
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
    return replace_str(ctx, &facts->entities[entity].label_article, article);
}

VnkgStatus
vnkg_facts_mention(VnkgContext *ctx, VnkgFacts *facts, const char *article,
                   size_t start, size_t end, const char *surface, size_t len,
                   size_t entity)
{
    VNKG_TRY(reserve(ctx, (void **)&facts->mentions, &facts->cap_mentions,
                     facts->n_mentions, sizeof *facts->mentions));
    VnkgMention m = {0};
    m.article = vnkg_strdup(ctx, article);
    m.surface = vnkg_strndup(ctx, surface, len);
    m.start = start;
    m.end = end;
    m.entity = entity;
    if (!m.article || !m.surface) {
        vnkg_free(ctx, m.article);
        vnkg_free(ctx, m.surface);
        return VNKG_ERR_NO_MEMORY;
    }
    VnkgEntity *e = &facts->entities[entity];
    VnkgStatus st = vnkg_strset_add(ctx, &e->sources, article);
    if (st != VNKG_SUCCESS) {
        vnkg_free(ctx, m.article);
        vnkg_free(ctx, m.surface);
        return st;
    }
    e->mentions++;
    facts->mentions[facts->n_mentions++] = m;
    return VNKG_SUCCESS;
}

static VnkgStatus
dup_opt(VnkgContext *ctx, char **out, const char *s)
{
    *out = NULL;
    if (s) {
        *out = vnkg_strdup(ctx, s);
        if (!*out) {
            return VNKG_ERR_NO_MEMORY;
        }
    }
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
    VnkgStatus st = dup_opt(ctx, &a.id, article->id);
    if (st == VNKG_SUCCESS) {
        st = dup_opt(ctx, &a.url, article->url);
    }
    if (st == VNKG_SUCCESS) {
        st = dup_opt(ctx, &a.title, article->title);
    }
    if (st == VNKG_SUCCESS) {
        st = dup_opt(ctx, &a.date, article->date);
    }
    if (st == VNKG_SUCCESS) {
        st = vnkg_strmap_put(ctx, &facts->article_map, a.id, strlen(a.id),
                             facts->n_articles);
    }
    if (st != VNKG_SUCCESS) {
        article_clear(ctx, &a);
        return st;
    }
    facts->articles[facts->n_articles++] = a;
    return VNKG_SUCCESS;
}

static VnkgStatus
merge_entity(VnkgContext *ctx, VnkgFacts *dst, const VnkgEntity *e, size_t *out)
{
    int existed = vnkg_facts_find(dst, e->id, out) == VNKG_SUCCESS;
    VNKG_TRY(vnkg_facts_entity(ctx, dst, e->id, e->type, e->label, out));
    if (!existed && e->label_article) {
        VNKG_TRY(
            vnkg_facts_set_label_article(ctx, dst, *out, e->label_article));
    }
    VnkgEntity *d = &dst->entities[*out];
    for (size_t i = 0; i < e->aliases.count; ++i) {
        VNKG_TRY(vnkg_facts_add_alias(ctx, dst, *out, e->aliases.items[i]));
    }
    for (size_t i = 0; i < e->sources.count; ++i) {
        VNKG_TRY(vnkg_strset_add(ctx, &d->sources, e->sources.items[i]));
    }
    d->mentions += e->mentions;
    if (e->label_article && d->label_article &&
        strcmp(e->label_article, d->label_article) < 0) {
        /* the label read in the smallest article wins: order-free */
        if (strcmp(e->label, d->label) != 0) {
            VNKG_TRY(vnkg_strset_add(ctx, &d->aliases, d->label));
            VNKG_TRY(replace_str(ctx, &d->label, e->label));
        }
        VNKG_TRY(replace_str(ctx, &d->label_article, e->label_article));
    } else if (strcmp(e->label, d->label) != 0) {
        /* the other way round too: the losing label is an alias */
        VNKG_TRY(vnkg_strset_add(ctx, &d->aliases, e->label));
    }
    if (e->merged_into && !d->merged_into) {
        VNKG_TRY(vnkg_facts_set_validity(ctx, dst, *out, e->merged_into,
                                         e->valid_until));
    }
    return VNKG_SUCCESS;
}

VnkgStatus
vnkg_facts_merge(VnkgContext *ctx, VnkgFacts *dst, const VnkgFacts *src)
{
    size_t *map = vnkg_calloc(ctx, src->n_entities + 1, sizeof *map);
    if (!map) {
        return VNKG_ERR_NO_MEMORY;
    }
    VnkgStatus st = VNKG_SUCCESS;
    for (size_t i = 0; st == VNKG_SUCCESS && i < src->n_entities; ++i) {
        st = merge_entity(ctx, dst, &src->entities[i], &map[i]);
    }
    for (size_t i = 0; st == VNKG_SUCCESS && i < src->n_facts; ++i) {
        const VnkgFact *f = &src->facts[i];
        Statement x = {f->weight,           &f->sources,        NULL,
                       f->first_date,       f->last_date,       f->evidence,
                       f->evidence_article, f->evidence_offset, f->inferred};
        st = relate_range(ctx, dst, map[f->from], map[f->to], f->relation,
                          f->role, &x);
    }
    for (size_t i = 0; st == VNKG_SUCCESS && i < src->n_mentions; ++i) {
        const VnkgMention *m = &src->mentions[i];
        st = reserve(ctx, (void **)&dst->mentions, &dst->cap_mentions,
                     dst->n_mentions, sizeof *dst->mentions);
        if (st == VNKG_SUCCESS) {
            VnkgMention c = *m;
            c.entity = map[m->entity];
            c.article = vnkg_strdup(ctx, m->article);
            c.surface = vnkg_strdup(ctx, m->surface);
            if (!c.article || !c.surface) {
                vnkg_free(ctx, c.article);
                vnkg_free(ctx, c.surface);
                st = VNKG_ERR_NO_MEMORY;
            } else {
                dst->mentions[dst->n_mentions++] = c;
            }
        }
    }
    for (size_t i = 0; st == VNKG_SUCCESS && i < src->n_articles; ++i) {
        st = vnkg_facts_article(ctx, dst, &src->articles[i]);
    }
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
