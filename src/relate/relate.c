/* SPDX-License-Identifier: MIT */
/* Relations of one sentence: holds_office (with role), represents,
 * issued_by, agreement_with and co_mention, each with the sentence as
 * evidence and the article's date. */
#include "../extract/extract_internal.h"
#include "../extract/syllable.h"
#include "../util/array.h"

#include <vnkg/normalise.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* True when the sentence mentions `entity`. */
static int
named_here(const DocState *ds, size_t entity)
{
    for (size_t k = 0; k < ds->n_found; ++k) {
        if (ds->found[k].entity == entity) {
            return 1;
        }
    }
    return 0;
}

/* A relation is stated when the sentence names both ends; otherwise it is
 * implied (a title's organisation, the article's bridge point) and is
 * recorded as inferred. */
VnkgStatus
relate_pair(DocState *ds, size_t from, size_t to, VnkgRelation rel,
            const char *role)
{
    if (from == to) {
        return VNKG_SUCCESS;
    }
    int stated = named_here(ds, from) && named_here(ds, to);
    return vnkg_facts_relate_pooled(ds->ctx, ds->facts, from, to, rel, role,
                                    ds->article_id,
                                    ds->seg.sentences[ds->sentence].start,
                                    ds->pooled_date, ds->evidence, !stated);
}

/* Records the sentence's mentions and their surface forms as aliases. */
static VnkgStatus
flush_mentions(DocState *ds)
{
    const VnkgToken *t = ds->seg.tokens;
    for (size_t k = 0; k < ds->n_found; ++k) {
        const Found *f = &ds->found[k];
        size_t b = t[f->tok_start].start, x = t[f->tok_end - 1].end;
        /* offsets into the text as read, so that a mention can be found
         * in the file; the surface is the normalised form */
        VNKG_TRY(
            vnkg_facts_mention_pooled(ds->ctx, ds->facts, ds->article_id,
                                      vnkg_document_source_offset(ds->doc, b),
                                      vnkg_document_source_offset(ds->doc, x),
                                      ds->doc->text + b, x - b, f->entity));
        if (f->by_title ||
            (f->type == VNKG_TYPE_OFFICIAL && f->tok_end - f->tok_start < 2)) {
            continue; /* a bare "Thủ tướng", "Sơn": not a name variant */
        }
        char *surface = vnkg_strndup(ds->ctx, ds->doc->text + b, x - b);
        if (!surface) {
            return VNKG_ERR_NO_MEMORY;
        }
        VnkgStatus st =
            vnkg_facts_add_alias(ds->ctx, ds->facts, f->entity, surface);
        vnkg_free(ds->ctx, surface);
        VNKG_TRY(st);
    }
    return VNKG_SUCCESS;
}

/* The province an office without one refers to: the bridge point of
 * the sentence, else the one province the sentence names, else NONE
 * (decided at the end of the article). */
static size_t
sentence_province(const DocState *ds)
{
    if (ds->sentence_bridge != NONE) {
        return ds->sentence_bridge;
    }
    size_t hit = NONE;
    for (size_t k = 0; k < ds->n_found; ++k) {
        const Found *f = &ds->found[k];
        if (f->type != VNKG_TYPE_PROVINCE || f->tok_start == 0) {
            continue;
        }
        /* "Tổng Lãnh sự Anh tại TP. Hồ Chí Minh": a place where someone
         * else is posted, not the province of a local office */
        const char *before = ds->seg.tokens[f->tok_start - 1].key;
        size_t b2 = f->tok_start >= 2 ? f->tok_start - 2 : f->tok_start - 1;
        const char *before2 = ds->seg.tokens[b2].key;
        if (strcmp(before, "tai5") == 0 || strcmp(before, "ơ3") == 0 ||
            strcmp(before2, "tai5") == 0) {
            continue;
        }
        if (hit != NONE && hit != f->entity) {
            return NONE;
        }
        hit = f->entity;
    }
    return hit;
}

/* The title's role, completed for a province: a bare "Chủ tịch UBND" or
 * "Phó Chủ tịch" of a province is the chair of its People's Committee,
 * "UBND thành phố" for a centrally-run city, "UBND tỉnh" otherwise. */
static void
province_role(const DocState *ds, size_t title, size_t org, char *out,
              size_t cap)
{
    const char *role = ds->lex->titles[title].role;
    snprintf(out, cap, "%s", role);
    const VnkgEntity *e = vnkg_facts_entity_at(ds->facts, org);
    if (e->type != VNKG_TYPE_PROVINCE) {
        return;
    }
    size_t n = strlen(role);
    const char *unit = lex_is_city(ds->lex, e->label) ? "thành phố" : "tỉnh";
    int bare_committee = (n >= 5 && strcmp(role + n - 5, " UBND") == 0) ||
                         (n >= 6 && strcmp(role + n - 6, " HĐND") == 0);
    int bare_chair = strcmp(role, "Chủ tịch") == 0 ||
                     strcmp(role, "Phó Chủ tịch") == 0 ||
                     strcmp(role, "Phó Chủ tịch Thường trực") == 0;
    if (bare_committee) {
        snprintf(out, cap, "%s %s", role, unit);
    } else if (bare_chair) {
        snprintf(out, cap, "%s UBND %s", role, unit);
    }
}

static int
is_province_office(const DocState *ds, const Office *o)
{
    if (o->pending_province) {
        return 1;
    }
    return o->org != NONE &&
           vnkg_facts_entity_at(ds->facts, o->org)->type == VNKG_TYPE_PROVINCE;
}

/* The one ministry named in the sentence, or NONE. */
static size_t
sentence_ministry(const DocState *ds)
{
    size_t hit = NONE;
    for (size_t k = 0; k < ds->n_found; ++k) {
        if (ds->found[k].type == VNKG_TYPE_MINISTRY) {
            if (hit != NONE && hit != ds->found[k].entity) {
                return NONE;
            }
            hit = ds->found[k].entity;
        }
    }
    return hit;
}

static VnkgStatus
defer_office(DocState *ds, size_t person, size_t title, VnkgEntityType type)
{
    VNKG_TRY(vnkg_array_reserve(ds->ctx, (void **)&ds->deferred,
                                &ds->cap_deferred, ds->n_deferred,
                                sizeof *ds->deferred, 8));
    ds->deferred[ds->n_deferred++] =
        (Deferred){person, title, type, ds->evidence};
    return VNKG_SUCCESS;
}

/* The organisation of `type` the person already holds an office in,
 * according to this article, or NONE. */
static size_t
known_office(const DocState *ds, size_t person, VnkgEntityType type)
{
    for (size_t i = 0; i < vnkg_facts_fact_count(ds->facts); ++i) {
        const VnkgFact *f = vnkg_facts_fact_at(ds->facts, i);
        if (f->relation == VNKG_REL_HOLDS_OFFICE && f->from == person &&
            vnkg_facts_entity_at(ds->facts, f->to)->type == type) {
            return f->to;
        }
    }
    return NONE;
}

/* True when the person holds no Vietnamese province's or ministry's
 * office: the article gives them a foreign one, or their name is foreign
 * and starts with no Vietnamese family or clan name ("Don Farrell":
 * "Bộ trưởng Don Farrell" in a sentence naming Bộ Công Thương is not its
 * minister). */
static int
is_foreign_person(const DocState *ds, size_t person)
{
    if (known_office(ds, person, VNKG_TYPE_PARTNER) != NONE) {
        return 1;
    }
    const char *label = vnkg_facts_entity_at(ds->facts, person)->label;
    VnkgToken first; /* "Êban Công Thành Tâm", "Kpă Ngọc": clan names */
    memset(&first, 0, sizeof first);
    vnkg_normalise_key(label, strcspn(label, " "), first.key, sizeof first.key);
    return !lex_is_surname(ds->lex, &first) && vn_name_is_foreign(label);
}

static VnkgStatus
relate_offices(DocState *ds)
{
    size_t province = sentence_province(ds);
    size_t ministry = sentence_ministry(ds);
    for (size_t k = 0; k < ds->n_offices; ++k) {
        const Office *o = &ds->offices[k];
        size_t org = o->org;
        if (org == NONE && (o->pending_province || o->pending_ministry) &&
            is_foreign_person(ds, ds->office_person[k])) {
            continue; /* not the province's or ministry's named around */
        }
        if (org == NONE && o->pending_province) {
            org = province;
            if (org == NONE) {
                VNKG_TRY(defer_office(ds, ds->office_person[k], o->title,
                                      VNKG_TYPE_PROVINCE));
                continue;
            }
        }
        if (org == NONE && o->pending_ministry) {
            org = ministry;
            if (org == NONE) {
                VNKG_TRY(defer_office(ds, ds->office_person[k], o->title,
                                      VNKG_TYPE_MINISTRY));
                continue;
            }
        }
        if (org == NONE) {
            continue;
        }
        char role[128];
        province_role(ds, o->title, org, role, sizeof role);
        VNKG_TRY(relate_pair(ds, ds->office_person[k], org,
                             VNKG_REL_HOLDS_OFFICE, role));
    }
    return VNKG_SUCCESS;
}

/* Officials at a province's bridge point represent it, unless their only
 * posts in the sentence are national ones (the Prime Minister chairs from
 * the Government's own bridge point). */
static VnkgStatus
relate_bridge(DocState *ds)
{
    if (ds->sentence_bridge == NONE) {
        return VNKG_SUCCESS;
    }
    for (size_t k = 0; k < ds->n_found; ++k) {
        const Found *f = &ds->found[k];
        if (f->type != VNKG_TYPE_OFFICIAL) {
            continue;
        }
        int national = 0, local = 0;
        for (size_t o = 0; o < ds->n_offices; ++o) {
            if (ds->office_person[o] == f->entity) {
                if (is_province_office(ds, &ds->offices[o])) {
                    local = 1;
                } else {
                    national = 1;
                }
            }
        }
        if (local || !national) {
            VNKG_TRY(relate_pair(ds, f->entity, ds->sentence_bridge,
                                 VNKG_REL_REPRESENTS, NULL));
        }
    }
    return VNKG_SUCCESS;
}

static int
token_is(const DocState *ds, size_t i, const char *key)
{
    return strcmp(ds->seg.tokens[i].key, key) == 0;
}

/* "Quyết định 123/QĐ-TTg": the last part of the number names the issuer
 * (ontology/issuers.tsv) when the sentence does not. */
static VnkgStatus
issuer_from_number(DocState *ds, const Found *d)
{
    const VnkgToken *last = &ds->seg.tokens[d->tok_end - 1];
    size_t entry = lex_issuer(ds->lex, ds->doc->text + last->start,
                              last->end - last->start);
    if (entry == NONE) {
        return VNKG_SUCCESS;
    }
    size_t issuer;
    VNKG_TRY(resolve_entry(ds, entry, &issuer));
    return relate_pair(ds, d->entity, issuer, VNKG_REL_ISSUED_BY, NULL);
}

/* "Chỉ thị 15-CT/TW của Ban Bí thư", "Nghị quyết 59-NQ/TW, ngày
 * 24/01/2025 của Bộ Chính trị". */
static VnkgStatus
relate_issuers(DocState *ds)
{
    const VnkgSentence *s = &ds->seg.sentences[ds->sentence];
    size_t end = s->first_token + s->n_tokens;
    for (size_t k = 0; k < ds->n_found; ++k) {
        const Found *d = &ds->found[k];
        if (d->type != VNKG_TYPE_DOCUMENT) {
            continue;
        }
        size_t c = d->tok_end;
        while (c < end && c < d->tok_end + 10 && !token_is(ds, c, "cua3")) {
            c++;
        }
        int named = 0;
        for (size_t g = k + 1; c < end && g < ds->n_found; ++g) {
            const Found *o = &ds->found[g];
            if (o->tok_start == c + 1 && (o->type == VNKG_TYPE_ORGANIZATION ||
                                          o->type == VNKG_TYPE_MINISTRY)) {
                VNKG_TRY(relate_pair(ds, d->entity, o->entity,
                                     VNKG_REL_ISSUED_BY, NULL));
                named = 1;
            }
        }
        if (!named) {
            VNKG_TRY(issuer_from_number(ds, d));
        }
    }
    return VNKG_SUCCESS;
}

/* An agreement of the lexicon and a partner it is with, in one sentence;
 * and the pairs the scanner read from "… Việt Nam – X", "… với X". */
static VnkgStatus
relate_agreements(DocState *ds)
{
    for (size_t k = 0; k < ds->n_pacts; ++k) {
        VNKG_TRY(relate_pair(ds, ds->pact[k][0], ds->pact[k][1],
                             VNKG_REL_AGREEMENT_WITH, NULL));
    }
    for (size_t k = 0; k < ds->n_found; ++k) {
        if (ds->found[k].type != VNKG_TYPE_AGREEMENT) {
            continue;
        }
        const VnkgEntity *a =
            vnkg_facts_entity_at(ds->facts, ds->found[k].entity);
        size_t entry = lex_entry_by_id(ds->lex, a->id);
        if (entry == NONE) {
            continue;
        }
        const LexEntry *le = &ds->lex->entries[entry];
        /* a partner named inside the agreement's own name ("Hiệp định
         * Thương mại tự do Việt Nam – EFTA") is in the sentence too */
        for (size_t r = 0; r < le->n_related; ++r) {
            size_t pe = lex_entry_by_id(ds->lex, le->related[r]), partner;
            if (pe != NONE &&
                strstr(ds->evidence, ds->lex->entries[pe].label)) {
                VNKG_TRY(resolve_entry(ds, pe, &partner));
                VNKG_TRY(relate_pair(ds, ds->found[k].entity, partner,
                                     VNKG_REL_AGREEMENT_WITH, NULL));
            }
        }
        for (size_t g = 0; g < ds->n_found; ++g) {
            const VnkgEntity *p =
                vnkg_facts_entity_at(ds->facts, ds->found[g].entity);
            for (size_t r = 0; r < le->n_related; ++r) {
                if (strcmp(le->related[r], p->id) == 0) {
                    VNKG_TRY(relate_pair(ds, ds->found[k].entity,
                                         ds->found[g].entity,
                                         VNKG_REL_AGREEMENT_WITH, NULL));
                }
            }
        }
    }
    return VNKG_SUCCESS;
}

static int
cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

/* Every pair of distinct entities in the sentence, once per sentence; the
 * edge goes from the smaller id to the larger so that it is canonical. */
static VnkgStatus
relate_co_mentions(DocState *ds)
{
    size_t n = ds->n_found;
    if (n < 2) {
        return VNKG_SUCCESS;
    }
    size_t *ents = vnkg_malloc(ds->ctx, n * sizeof *ents);
    if (!ents) {
        return VNKG_ERR_NO_MEMORY;
    }
    for (size_t k = 0; k < n; ++k) {
        ents[k] = ds->found[k].entity;
    }
    qsort(ents, n, sizeof *ents, cmp_size);
    size_t u = 0;
    for (size_t k = 0; k < n; ++k) {
        if (u == 0 || ents[u - 1] != ents[k]) {
            ents[u++] = ents[k];
        }
    }
    VnkgStatus st = VNKG_SUCCESS;
    for (size_t a = 0; st == VNKG_SUCCESS && a < u; ++a) {
        for (size_t b = a + 1; st == VNKG_SUCCESS && b < u; ++b) {
            const char *ia = vnkg_facts_entity_at(ds->facts, ents[a])->id;
            const char *ib = vnkg_facts_entity_at(ds->facts, ents[b])->id;
            int less = strcmp(ia, ib) < 0;
            st = relate_pair(ds, less ? ents[a] : ents[b],
                             less ? ents[b] : ents[a], VNKG_REL_CO_MENTION,
                             NULL);
        }
    }
    vnkg_free(ds->ctx, ents);
    return st;
}

/* Evidence is one sentence; a run-on "sentence" (a page without
 * punctuation) is cut at a character boundary, marked with "…", so that
 * one huge line cannot multiply into every edge and every output. */
#define EVIDENCE_MAX 1000

static VnkgStatus
make_evidence(DocState *ds, const VnkgSentence *s)
{
    size_t len = s->end - s->start;
    const char *text = ds->doc->text + s->start;
    char *pooled;
    if (len <= EVIDENCE_MAX) {
        VNKG_TRY(vnkg_facts_intern(ds->ctx, ds->facts, text, len, &pooled));
        ds->evidence = pooled;
        return VNKG_SUCCESS;
    }
    size_t cut = EVIDENCE_MAX;
    while (cut > 0 && ((unsigned char)text[cut] & 0xC0) == 0x80) {
        cut--; /* not inside a UTF-8 sequence */
    }
    char buf[EVIDENCE_MAX + 4];
    memcpy(buf, text, cut);
    memcpy(buf + cut, "\xE2\x80\xA6", 3); /* "…" */
    VNKG_TRY(vnkg_facts_intern(ds->ctx, ds->facts, buf, cut + 3, &pooled));
    ds->evidence = pooled;
    return VNKG_SUCCESS;
}

VnkgStatus
relate_sentence(DocState *ds)
{
    const VnkgSentence *s = &ds->seg.sentences[ds->sentence];
    VNKG_TRY(make_evidence(ds, s));
    VnkgStatus st = events_note_mention(ds);
    if (st == VNKG_SUCCESS) {
        st = flush_mentions(ds);
    }
    if (st == VNKG_SUCCESS) {
        st = relate_offices(ds);
    }
    if (st == VNKG_SUCCESS) {
        st = events_relate(ds);
    }
    if (st == VNKG_SUCCESS) {
        st = relate_bridge(ds);
    }
    if (st == VNKG_SUCCESS) {
        st = relate_issuers(ds);
    }
    if (st == VNKG_SUCCESS) {
        st = relate_agreements(ds);
    }
    if (st == VNKG_SUCCESS) {
        st = relate_co_mentions(ds);
    }
    ds->evidence = NULL;
    return st;
}

/* The entity of `type` the article is about: the one it names most
 * often, if one is named more than every other. */
static size_t
article_focus(const DocState *ds, VnkgEntityType type)
{
    size_t best = NONE, best_n = 0;
    int tie = 0;
    for (size_t i = 0; i < vnkg_facts_entity_count(ds->facts); ++i) {
        const VnkgEntity *e = vnkg_facts_entity_at(ds->facts, i);
        if (e->type != type || e->mentions == 0) {
            continue;
        }
        if (e->mentions > best_n) {
            best = i;
            best_n = e->mentions;
            tie = 0;
        } else if (e->mentions == best_n) {
            tie = 1;
        }
    }
    return tie ? NONE : best;
}

VnkgStatus
relate_document(DocState *ds)
{
    size_t focus[VNKG_TYPE_COUNT];
    focus[VNKG_TYPE_MINISTRY] = article_focus(ds, VNKG_TYPE_MINISTRY);
    focus[VNKG_TYPE_PROVINCE] = article_focus(ds, VNKG_TYPE_PROVINCE);
    VnkgStatus st = VNKG_SUCCESS;
    for (size_t k = 0; k < ds->n_deferred; ++k) {
        Deferred *d = &ds->deferred[k];
        size_t org = known_office(ds, d->person, d->type);
        if (org == NONE) {
            org = focus[d->type];
        }
        if (st == VNKG_SUCCESS && org != NONE) {
            char role[128];
            province_role(ds, d->title, org, role, sizeof role);
            st = vnkg_facts_relate_pooled(
                ds->ctx, ds->facts, d->person, org, VNKG_REL_HOLDS_OFFICE, role,
                ds->article_id, 0, ds->pooled_date, d->evidence, 1);
        }
    }
    vnkg_free(ds->ctx, ds->deferred);
    ds->deferred = NULL;
    ds->n_deferred = ds->cap_deferred = 0;
    return st;
}
