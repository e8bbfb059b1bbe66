/* SPDX-License-Identifier: MIT */
/* Internal: the per-article working state of extract, resolve and relate. */
#ifndef VNKG_EXTRACT_INTERNAL_H
#define VNKG_EXTRACT_INTERNAL_H

#include "facts_internal.h"
#include "lexicon_internal.h"

#include <vnkg/extract.h>
#include <vnkg/segment.h>

#define NONE SIZE_MAX

/* An office found next to a person's name. */
typedef struct {
    size_t title;         /* LexTitle index */
    size_t org;           /* entity index in the article's facts, or NONE */
    int pending_province; /* attach to the sentence's or bridge province */
    int pending_ministry; /* attach to the ministry the article is about */
    int fixed;            /* org implied by the title (org=), not named */
    size_t implied; /* that organ's lexicon entry, resolved into org at the
                       end of the chain unless it names a country; NONE */
} Office;

/* An office whose ministry the sentence does not name ("Thứ trưởng X" at
 * the ministry's own meeting): settled at the end of the article. */
typedef struct {
    size_t person;
    size_t title;
    VnkgEntityType type;  /* ministry or province */
    const char *evidence; /* pooled in the article's facts */
} Deferred;

/* A person seen in the article (for short mentions and bare titles). */
typedef struct {
    size_t entity;
    char last_key[VNKG_TOKEN_KEY_MAX];  /* key of the given name */
    char first_key[VNKG_TOKEN_KEY_MAX]; /* of a foreign name's first word
                                           ("Kim", "Ishiba"), else "" */
    size_t roles[8];                    /* LexTitle indexes held */
    size_t role_orgs[8]; /* where: entity index in the article's facts, or
                            NONE when not known (yet) */
    size_t n_roles;
} Person;

/* One mention found in a sentence. */
typedef struct {
    size_t tok_start, tok_end; /* [start, end) token range */
    size_t entity;
    VnkgEntityType type;
    int by_title; /* a bare title referring back ("Thủ tướng"): no alias */
} Found;

typedef struct {
    VnkgContext *ctx;
    const VnkgLexicon *lex;
    const VnkgDocument *doc;
    VnkgFacts *facts;
    VnkgSegments seg;
    char date[11];           /* "" when unknown */
    const char *article_id;  /* doc->id, pooled in facts */
    const char *pooled_date; /* date, pooled in facts; NULL when unknown */
    Person *persons;
    size_t n_persons, cap_persons;
    size_t bridge_province; /* entity index of the last bridge point */
    size_t event;           /* the article's event entity, or NONE */
    /* the sentence being scanned */
    size_t sentence;
    Found *found;
    size_t n_found, cap_found;
    Office *offices;       /* offices of persons in this sentence */
    size_t *office_person; /* entity index of the holder */
    size_t n_offices, cap_offices;
    size_t sentence_bridge; /* province at a bridge point here, or NONE */
    size_t pact[8][2];      /* (agreement, partner) pairs read here */
    Deferred *deferred;
    size_t n_deferred, cap_deferred;
    size_t n_pacts;
    const char *evidence; /* the sentence's text, pooled in facts */
    LexCache cache;       /* trie matches of the sentence's tokens */
} DocState;

/* resolve: entities from the lexicon (time-aware) and for persons. */
/* The lexicon entry of the unit `entry` was on the article's date (a
 * merged province's successor after the merger). */
size_t resolve_unit(const DocState *ds, size_t entry);
VnkgStatus resolve_entry(DocState *ds, size_t entry, size_t *out);
VnkgStatus resolve_person(DocState *ds, size_t tok_start, size_t tok_end,
                          size_t *out);
VnkgStatus resolve_named(DocState *ds, VnkgEntityType type, const char *label,
                         size_t *out);
/* The person of the article whose given name has this key (or, for a
 * foreign name, whose first word has it: "bà Kim", "ông Ishiba"), when
 * exactly one has; NONE otherwise. */
size_t resolve_short_name(const DocState *ds, const char *key);
/* The one person of the article holding this title's role, or NONE; with
 * `org` (not NONE) the role at that organisation, or at one not known:
 * "Bộ trưởng Thương mại Hoa Kỳ" does not refer back to Việt Nam's
 * minister. */
size_t resolve_bare_title(const DocState *ds, size_t title, size_t org);
/* Notes that `person` holds `title` at `org` (NONE when not known). */
VnkgStatus resolve_note_role(DocState *ds, size_t person, size_t title,
                             size_t org);

/* extract: the sentence scanner. */
VnkgStatus scan_sentence(DocState *ds);
VnkgStatus add_found(DocState *ds, size_t start, size_t end, size_t entity);
/* add_found for a bare title that refers back to a person named before:
 * a mention, not a form of the person's name. */
VnkgStatus add_found_by_title(DocState *ds, size_t start, size_t end,
                              size_t person);

/* relate: relations of the sentence just scanned; at the end of the
 * article, the deferred offices. */
VnkgStatus relate_sentence(DocState *ds);
/* One relation read in the current sentence: stated when the sentence
 * names both ends, else recorded as inferred. */
VnkgStatus relate_pair(DocState *ds, size_t from, size_t to, VnkgRelation rel,
                       const char *role);
VnkgStatus relate_document(DocState *ds);

/* events: the article's event (conference, visit) from its title or first
 * sentences; then per sentence chairs / attends / located_in. */
VnkgStatus events_detect(DocState *ds);
VnkgStatus events_note_mention(DocState *ds);
VnkgStatus events_relate(DocState *ds);

#endif
