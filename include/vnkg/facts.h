/* SPDX-License-Identifier: MIT */
/* Entities, relations, mentions and articles: what extraction finds and
 * what resolution merges across articles (by canonical id). */
#ifndef VNKG_FACTS_H
#define VNKG_FACTS_H

#include <vnkg/document.h>

#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Node attribute `type`. Append only. */
typedef enum {
    VNKG_TYPE_OFFICIAL = 0,
    VNKG_TYPE_PROVINCE,
    VNKG_TYPE_MINISTRY,
    VNKG_TYPE_PARTNER,
    VNKG_TYPE_AGREEMENT,
    VNKG_TYPE_ORGANIZATION,
    VNKG_TYPE_DOCUMENT,
    VNKG_TYPE_EVENT,
    VNKG_TYPE_COUNT
} VnkgEntityType;

/* Edge attribute `relation`. Append only. */
typedef enum {
    VNKG_REL_HOLDS_OFFICE = 0,
    VNKG_REL_REPRESENTS,
    VNKG_REL_CHAIRS,
    VNKG_REL_ATTENDS,
    VNKG_REL_AGREEMENT_WITH,
    VNKG_REL_ISSUED_BY,
    VNKG_REL_LOCATED_IN,
    VNKG_REL_CO_MENTION,
    VNKG_REL_COUNT
} VnkgRelation;

/* "official", "province", ...; NULL when out of range. */
VNKG_API const char *vnkg_entity_type_name(VnkgEntityType type);
/* Parses a type name; VNKG_FAILURE when unknown. */
VNKG_API VnkgStatus vnkg_entity_type_parse(const char *name,
                                           VnkgEntityType *out);
/* "holds_office", ...; NULL when out of range. */
VNKG_API const char *vnkg_relation_name(VnkgRelation rel);
VNKG_API VnkgStatus vnkg_relation_parse(const char *name, VnkgRelation *out);

/* A string set kept in insertion order (sorted on request). A set made
 * with vnkg_strset_add owns copies of its strings (vnkg_strset_clear frees
 * them); the sets inside a VnkgFacts, like all its strings, point into the
 * store's string pool: read them, never change or free them. To sort a
 * set's items, sort a copy of `items` in a set of your own whose `index`
 * is NULL (the index belongs to the set it was built for). */
typedef struct {
    char **items;
    size_t count;
    size_t cap;
    void *index; /* private: a hash index once the set grows large */
} VnkgStrSet;

typedef struct {
    char *id; /* stable slug: "<type>/<ascii-slug>", e.g. "province/cao-bang" */
    VnkgEntityType type;
    char *label;         /* canonical readable name */
    VnkgStrSet aliases;  /* surface forms seen, label excluded */
    VnkgStrSet sources;  /* article ids that mention it */
    size_t mentions;     /* number of mentions */
    char *merged_into;   /* id of the successor unit, or NULL */
    char *valid_until;   /* last day of validity "YYYY-MM-DD", or NULL */
    char *label_article; /* the article the label was read in, or NULL for
                            a lexicon label; merging keeps the label of the
                            smallest article id, so order does not matter */
} VnkgEntity;

typedef struct {
    size_t from; /* entity index */
    size_t to;   /* entity index */
    VnkgRelation relation;
    char *role;         /* title for holds_office, else NULL */
    double weight;      /* number of sentences (co_mention) or statements */
    VnkgStrSet sources; /* article ids */
    char *evidence;     /* one sentence that states it */
    char *first_date;   /* "YYYY-MM-DD" or NULL */
    char *last_date;
    int inferred; /* 1 when no sentence states it: only implied by a title,
                     a document number or the article's context */
    char *evidence_article; /* where the evidence sentence is from */
    size_t evidence_offset; /* its byte offset in that article */
} VnkgFact;

typedef struct {
    char *article; /* article id */
    size_t start;  /* byte offsets in the article's clean text */
    size_t end;
    char *surface; /* the text as written */
    size_t entity; /* entity index */
} VnkgMention;

typedef struct {
    char *id;
    char *url;         /* may be NULL */
    char *title;       /* may be NULL */
    char *date;        /* "YYYY-MM-DD" or NULL */
    int date_inferred; /* 1 when the year or date was inferred */
} VnkgArticle;

typedef struct VnkgFacts VnkgFacts;

VNKG_API VnkgStatus vnkg_facts_new(VnkgContext *ctx, VnkgFacts **out);
VNKG_API void vnkg_facts_free(VnkgContext *ctx, VnkgFacts *facts);

/* Finds the entity with `id` or adds it with `type` and `label`; its index
 * goes to *out. An existing entity keeps its label and type.
 * Returns VNKG_ERR_NO_MEMORY. */
VNKG_API VnkgStatus vnkg_facts_entity(VnkgContext *ctx, VnkgFacts *facts,
                                      const char *id, VnkgEntityType type,
                                      const char *label, size_t *out);
/* Index of the entity with `id`; VNKG_FAILURE when absent. */
VNKG_API VnkgStatus vnkg_facts_find(const VnkgFacts *facts, const char *id,
                                    size_t *out);
/* Adds a surface form unless it equals the label. */
VNKG_API VnkgStatus vnkg_facts_add_alias(VnkgContext *ctx, VnkgFacts *facts,
                                         size_t entity, const char *alias);
/* Sets successor and end of validity (copied; either may be NULL). */
VNKG_API VnkgStatus vnkg_facts_set_validity(VnkgContext *ctx, VnkgFacts *facts,
                                            size_t entity,
                                            const char *merged_into,
                                            const char *valid_until);

/* Adds a relation or merges it into the one with the same (from, to,
 * relation, role): weight adds up, sources are united, dates widen, the
 * first evidence is kept. `role`, `article`, `date`, `evidence` may be NULL.
 * Returns VNKG_ERR_NO_MEMORY. */
VNKG_API VnkgStatus vnkg_facts_relate(VnkgContext *ctx, VnkgFacts *facts,
                                      size_t from, size_t to, VnkgRelation rel,
                                      const char *role, double weight,
                                      const char *article, const char *date,
                                      const char *evidence);

/* As vnkg_facts_relate for a relation the sentence implies but does not
 * state (an office implied by a title, a province from the article's
 * context). A relation stated once is stated: merging clears the flag and
 * prefers a stated sentence as evidence. */
VNKG_API VnkgStatus vnkg_facts_relate_inferred(
    VnkgContext *ctx, VnkgFacts *facts, size_t from, size_t to,
    VnkgRelation rel, const char *role, double weight, const char *article,
    const char *date, const char *evidence);

/* The general form of the two above: the evidence sentence starts at byte
 * `offset` of `article`. Of several evidence sentences the fact keeps a
 * stated one over an implied one, then the one of the smallest article
 * id and offset, so the result does not depend on the order articles are
 * read or merged in. */
VNKG_API VnkgStatus vnkg_facts_relate_at(VnkgContext *ctx, VnkgFacts *facts,
                                         size_t from, size_t to,
                                         VnkgRelation rel, const char *role,
                                         double weight, const char *article,
                                         size_t offset, const char *date,
                                         const char *evidence, int inferred);

/* Records that entity's label was read in `article` (see label_article). */
VNKG_API VnkgStatus vnkg_facts_set_label_article(VnkgContext *ctx,
                                                 VnkgFacts *facts,
                                                 size_t entity,
                                                 const char *article);

/* Records a mention: counts it on the entity and adds the article to its
 * sources. Returns VNKG_ERR_NO_MEMORY. */
VNKG_API VnkgStatus vnkg_facts_mention(VnkgContext *ctx, VnkgFacts *facts,
                                       const char *article, size_t start,
                                       size_t end, const char *surface,
                                       size_t len, size_t entity);

/* Records an article's metadata (copied); a second call with the same id
 * is ignored. */
VNKG_API VnkgStatus vnkg_facts_article(VnkgContext *ctx, VnkgFacts *facts,
                                       const VnkgArticle *article);

/* Merges everything in `src` into `dst` (entities by id, relations by key,
 * mentions and articles appended). `src` is unchanged.
 * Returns VNKG_ERR_NO_MEMORY. */
VNKG_API VnkgStatus vnkg_facts_merge(VnkgContext *ctx, VnkgFacts *dst,
                                     const VnkgFacts *src);

/* Borrowed views, valid until `facts` changes. */
VNKG_API size_t vnkg_facts_entity_count(const VnkgFacts *facts);
VNKG_API const VnkgEntity *vnkg_facts_entity_at(const VnkgFacts *facts,
                                                size_t i);
VNKG_API size_t vnkg_facts_fact_count(const VnkgFacts *facts);
VNKG_API const VnkgFact *vnkg_facts_fact_at(const VnkgFacts *facts, size_t i);
VNKG_API size_t vnkg_facts_mention_count(const VnkgFacts *facts);
VNKG_API const VnkgMention *vnkg_facts_mention_at(const VnkgFacts *facts,
                                                  size_t i);
/* The mentions' indices in the order facts.vnkg and mentions.tsv list
 * them: by article id, start, end, entity id. *out (one index per mention)
 * belongs to the caller (vnkg_free). Returns VNKG_ERR_NO_MEMORY. */
VNKG_API VnkgStatus vnkg_facts_mention_order(VnkgContext *ctx,
                                             const VnkgFacts *facts,
                                             size_t **out);
VNKG_API size_t vnkg_facts_article_count(const VnkgFacts *facts);
VNKG_API const VnkgArticle *vnkg_facts_article_at(const VnkgFacts *facts,
                                                  size_t i);

/* True when an article with this id is in the store. */
VNKG_API int vnkg_facts_has_article(const VnkgFacts *facts, const char *id);

/* The partial-result file ("facts file") of `vnkg extract`, `vnkg merge`
 * and `vnkg build --append`: UTF-8 lines of tab-separated fields, a first
 * line "#vnkg-facts 1", then one record per line:
 *   A id url title date date_inferred
 *   E id type label label_article merged_into valid_until mentions
 *     aliases sources
 *   F from to relation role weight inferred first_date last_date
 *     evidence_article evidence_offset evidence sources
 *   M article start end entity surface
 * In fields \ is written \\, a tab \t, a newline \n, a '|' inside a list
 * item \v; lists are '|'-separated; an absent value is \N. Records are
 * sorted, so equal stores give equal files; reading a file merges it into
 * a store exactly as vnkg_facts_merge would (files of disjoint article sets
 * merge into the store a single run would build).
 * Returns VNKG_ERR_WRITE / VNKG_ERR_NO_MEMORY. */
VNKG_API VnkgStatus vnkg_facts_write(VnkgContext *ctx, const VnkgFacts *facts,
                                     FILE *fp);
/* Reads a facts file and merges it into `facts`; `name` is used in
 * diagnostics ("name:line: …"). Returns VNKG_ERR_BAD_SYNTAX, VNKG_ERR_IO,
 * VNKG_ERR_NO_MEMORY. */
VNKG_API VnkgStatus vnkg_facts_read(VnkgContext *ctx, VnkgFacts *facts,
                                    FILE *fp, const char *name);

/* String sets. */
VNKG_API VnkgStatus vnkg_strset_add(VnkgContext *ctx, VnkgStrSet *set,
                                    const char *s);
VNKG_API int vnkg_strset_has(const VnkgStrSet *set, const char *s);
VNKG_API void vnkg_strset_sort(VnkgStrSet *set);
VNKG_API void vnkg_strset_clear(VnkgContext *ctx, VnkgStrSet *set);
/* Joins the (sorted) items with `sep` into a new string (vnkg_free). */
VNKG_API VnkgStatus vnkg_strset_join(VnkgContext *ctx, const VnkgStrSet *set,
                                     const char *sep, char **out);

#ifdef __cplusplus
}
#endif
#endif
