/* SPDX-License-Identifier: MIT */
/* Internal: what the parts of the sentence scanner share (scan.c: gazetteer
 * entries and the sentence; scan_offices.c: titles and the organisations
 * they attach to; scan_people.c: person names; scan_patterns.c:
 * documents, companies, foreign localities, agreements). */
#ifndef VNKG_EXTRACT_SCAN_INTERNAL_H
#define VNKG_EXTRACT_SCAN_INTERNAL_H

#include "extract_internal.h"

#include <string.h>

static inline const VnkgToken *
tok(const DocState *ds, size_t i)
{
    return &ds->seg.tokens[i];
}

static inline int
is_punct(const DocState *ds, size_t i, const char *key)
{
    const VnkgToken *t = tok(ds, i);
    /* asked at nearly every token with fixed keys: the first byte rules
     * out most without a call */
    return (t->flags & VNKG_TOK_PUNCT) && t->key[0] == key[0] &&
           strcmp(t->key, key) == 0;
}

static inline int
is_key(const DocState *ds, size_t i, const char *key)
{
    const VnkgToken *t = tok(ds, i);
    return (t->flags & VNKG_TOK_WORD) && t->key[0] == key[0] &&
           strcmp(t->key, key) == 0;
}

static inline int
is_cap_word(const DocState *ds, size_t i)
{
    const VnkgToken *t = tok(ds, i);
    return (t->flags & VNKG_TOK_WORD) && !(t->flags & VNKG_TOK_NUMBER) &&
           (t->flags & (VNKG_TOK_CAP | VNKG_TOK_UPPER));
}

/* True when tokens k, k + 1 are "Việt Nam". */
static inline int
is_vietnam(const DocState *ds, size_t k, size_t end)
{
    return k + 1 < end && is_key(ds, k, "viêt5") && is_key(ds, k + 1, "nam");
}

/* True when token k is "tại" or "ở" (a place follows). */
static inline int
is_at(const DocState *ds, size_t k)
{
    return is_key(ds, k, "tai5") || is_key(ds, k, "ơ3");
}

/* scan.c */
/* Longest acceptable gazetteer entry at token i (of `type`, or any type
 * when type == VNKG_TYPE_COUNT): its length in tokens and *entry, or 0. */
size_t entry_at(const DocState *ds, size_t i, size_t first, size_t end,
                VnkgEntityType type, int allow_elliptic, size_t *entry);
/* Longest title at token i: its length and *title, or 0. */
size_t title_at(const DocState *ds, size_t i, size_t end, size_t *title);
/* A province's name at token k, bare ("TP.HCM", "Hà Nội": a name first)
 * or after a unit word ("tỉnh Nghệ An", "thành phố Đà Nẵng"): its length
 * and *entry, or 0. *at is where the name starts (past the unit word when
 * there is one, also when no name follows it). */
size_t province_at(const DocState *ds, size_t k, size_t first, size_t end,
                   size_t *at, size_t *entry);
/* Copies the text of tokens [from, to) into buf (NUL-terminated); 0 when
 * it does not fit in `cap` bytes (a label that long is no name). */
int copy_span(const DocState *ds, size_t from, size_t to, char *buf,
              size_t cap);
/* The ")" closing the bracket that opens at token `open` with 1 to
 * max_inside tokens inside, or NONE. */
size_t bracket_close(const DocState *ds, size_t open, size_t end,
                     size_t max_inside);
/* The token of a body's acronym in a bracket opening at token `open`:
 * one word, all capitals ("(METI)") or a capitalised foreign word that
 * is no gazetteer entry ("(AusCham)", not "(Đức)"); NONE otherwise. */
size_t bracket_acronym(const DocState *ds, size_t open, size_t first,
                       size_t end);
/* Mentions the gazetteer entries of `type` (VNKG_TYPE_COUNT: any) inside
 * tokens [from, to), except the entity `except` (or NONE): the partners
 * inside an agreement's name, the provinces in a body's name, what a
 * bracket after an organisation names. */
VnkgStatus take_inside(DocState *ds, size_t from, size_t to, size_t first,
                       VnkgEntityType type, size_t except);
/* The countries named in the name [from, to) of a body that unites them
 * ("Liên minh Hải quan Nga – Belarus – Kazakhstan"), when it names two or
 * more; one country in a body's name ("Ngân hàng Xuất nhập khẩu Hàn
 * Quốc") is part of the name, no mention. */
VnkgStatus take_members(DocState *ds, size_t from, size_t to, size_t first);
/* Resolves lexicon entry `entry` found at tokens [i, i + len) and records
 * the mention. */
VnkgStatus take_entry(DocState *ds, size_t i, size_t len, size_t entry,
                      size_t *entity);

/* The most offices one chain of titles holds. */
#define MAX_OFFICES 8

/* scan_offices.c */
/* Past a minister's portfolio at token k that a country's name follows
 * ("Thương mại Hoa Kỳ"); k when there is none. */
size_t foreign_portfolio(const DocState *ds, size_t k, size_t first,
                         size_t end);
/* The end of the name of a body the gazetteer lacks, from its org_head
 * at k, or k; *foreign when it is a foreign body's (scan_offices.c). */
size_t unknown_org_end(const DocState *ds, size_t k, size_t first, size_t end,
                       int *foreign);
/* A foreign body the gazetteer lacks, its name's tokens [k, e): a
 * partner named by `acronym`, the token in the bracket after it (the
 * gazetteer's entry when it has one: "Tổ chức Xúc tiến Thương mại Hàn
 * Quốc (KOTRA)"), or as written when that is NONE. A country in the name
 * is part of it, no mention (take_members). Its entity in *entity (NONE
 * when too long a name), *next past the name and bracket. */
VnkgStatus take_foreign_body(DocState *ds, size_t k, size_t e, size_t acronym,
                             size_t first, size_t *entity, size_t *next);
/* Past a foreign ministry's name, "Bộ" maybe before the portfolio ("Bộ
 * Thương mại Hoa Kỳ"), to its country; k when there is none. */
size_t foreign_ministry_end(const DocState *ds, size_t k, size_t first,
                            size_t end);
/* Parses "TITLE [ORG] ((,|kiêm|và|/) TITLE [ORG])*" from token j into
 * offs (at most MAX_OFFICES, their count in *n_offs); *out_end is the
 * token after the chain. */
VnkgStatus parse_chain(DocState *ds, size_t j, size_t first, size_t end,
                       Office *offs, size_t *n_offs, size_t *out_end);

/* scan_people.c */
/* True when a title or a gazetteer name of two words or more starts at
 * token i: a name stops before it. */
int starts_lexical(const DocState *ds, size_t i, size_t end);
/* The length of a Vietnamese full name at token i (a family name and
 * capitalised words), or with `latin` set of a foreign one in Latin
 * script; 0 when none starts there. */
size_t name_at(const DocState *ds, size_t i, size_t end, int latin);
/* 2 when tokens k, k + 1 are a hyphen and a word joined to what precedes
 * ("Jae-yong"), else 0. */
size_t hyphen_part(const DocState *ds, size_t k, size_t end);
/* True when token k can be a word of a foreign name in Latin script. */
int is_latin_name_word(const DocState *ds, size_t k);
/* True when token i follows a plural ("các", "những", "nhiều", a number). */
int plural_before(const DocState *ds, size_t i, size_t first);
/* The scanners of scan_at: each reads what starts at token i and sets
 * *next past it, or leaves *next == i when nothing of its kind starts. */
VnkgStatus scan_title(DocState *ds, size_t i, size_t first, size_t end,
                      size_t *next);
VnkgStatus scan_person(DocState *ds, size_t i, size_t first, size_t end,
                       size_t *next);

/* scan_patterns.c */
/* The end of the run of capitalised Latin words from token k that can
 * name a foreign company ("Idemitsu Kosan"); k when there is none or the
 * words are Vietnamese written without accents ("Minh Long"). */
size_t company_words(const DocState *ds, size_t k, size_t end);
/* A company or foreign locality named by the Latin words [k, m): a
 * partner labelled as written, recorded as found; its entity in *entity,
 * NONE when the words are too long to be a name (nothing recorded). */
VnkgStatus take_latin_name(DocState *ds, size_t k, size_t m, size_t *entity);
VnkgStatus scan_document(DocState *ds, size_t i, size_t end, size_t *next);
VnkgStatus scan_company(DocState *ds, size_t i, size_t first, size_t end,
                        size_t *next);
VnkgStatus scan_locality(DocState *ds, size_t i, size_t first, size_t end,
                         size_t *next);
VnkgStatus scan_agreement(DocState *ds, size_t i, size_t first, size_t end,
                          size_t *next);

#endif
