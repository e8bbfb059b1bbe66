/* SPDX-License-Identifier: MIT */
/* The sentence scanner: at each token, fixed phrases, documents, titles
 * with persons, agreements, localities, gazetteer entities and companies,
 * in that order (the parts are in scan_offices.c, scan_people.c and
 * scan_patterns.c). */
#include "../util/array.h"
#include "scan_internal.h"

#include <string.h>

VnkgStatus
add_found(DocState *ds, size_t start, size_t end, size_t entity)
{
    VNKG_TRY(vnkg_array_reserve(ds->ctx, (void **)&ds->found, &ds->cap_found,
                                ds->n_found, sizeof *ds->found, 16));
    const VnkgEntity *e = vnkg_facts_entity_at(ds->facts, entity);
    ds->found[ds->n_found++] = (Found){start, end, entity, e->type, 0};
    return VNKG_SUCCESS;
}

VnkgStatus
add_found_by_title(DocState *ds, size_t start, size_t end, size_t person)
{
    VNKG_TRY(add_found(ds, start, end, person));
    ds->found[ds->n_found - 1].by_title = 1;
    return VNKG_SUCCESS;
}

int
copy_span(const DocState *ds, size_t from, size_t to, char *buf, size_t cap)
{
    size_t b = tok(ds, from)->start, x = tok(ds, to - 1)->end;
    if (to <= from || x - b >= cap) {
        return 0;
    }
    memcpy(buf, ds->doc->text + b, x - b);
    buf[x - b] = '\0';
    return 1;
}

size_t
bracket_close(const DocState *ds, size_t open, size_t end, size_t max_inside)
{
    if (open >= end || !is_punct(ds, open, "(")) {
        return NONE;
    }
    for (size_t c = open + 2; c < end && c <= open + 1 + max_inside; ++c) {
        if (is_punct(ds, c, ")")) {
            return c;
        }
    }
    return NONE;
}

size_t
bracket_acronym(const DocState *ds, size_t open, size_t first, size_t end)
{
    size_t entry;
    if (bracket_close(ds, open, end, 1) != open + 2) {
        return NONE;
    }
    unsigned f = tok(ds, open + 1)->flags;
    return (f & VNKG_TOK_UPPER) || (is_latin_name_word(ds, open + 1) &&
                                    !entry_at(ds, open + 1, first, end,
                                              VNKG_TYPE_COUNT, 0, &entry))
               ? open + 1
               : NONE;
}

VnkgStatus
take_inside(DocState *ds, size_t from, size_t to, size_t first,
            VnkgEntityType type, size_t except)
{
    for (size_t k = from; k < to;) {
        size_t entry, entity, len = entry_at(ds, k, first, to, type, 0, &entry);
        if (!len) {
            k++;
            continue;
        }
        VNKG_TRY(resolve_entry(ds, entry, &entity));
        if (entity != except) {
            VNKG_TRY(add_found(ds, k, k + len, entity));
        }
        k += len;
    }
    return VNKG_SUCCESS;
}

VnkgStatus
take_members(DocState *ds, size_t from, size_t to, size_t first)
{
    size_t n = 0, entry;
    for (size_t k = from; k < to && n < 2; ++k) {
        size_t len = entry_at(ds, k, first, to, VNKG_TYPE_PARTNER, 0, &entry);
        n += len > 0;
        k += len ? len - 1 : 0;
    }
    return n < 2 ? VNKG_SUCCESS
                 : take_inside(ds, from, to, first, VNKG_TYPE_PARTNER, NONE);
}

/* ---- gazetteer entries ---- */

static int
payload_ok(const DocState *ds, const LexPayload *p, size_t i, size_t first,
           int allow_elliptic)
{
    const VnkgToken *toks = ds->seg.tokens;
    if (p->kind != PL_ENTRY) {
        return 0;
    }
    if ((p->marker == MARK_CASED || p->marker == MARK_CUE) &&
        !lex_case_ok(p, toks, i)) {
        return 0;
    }
    if (p->marker == MARK_CUE &&
        !lex_cue_before(ds->lex, &ds->cache, toks, i, first, CUE_PARTNER)) {
        return 0;
    }
    if (p->marker == MARK_ELLIPTIC && !allow_elliptic) {
        return 0;
    }
    if (ds->lex->entries[p->index].type == VNKG_TYPE_PROVINCE &&
        lex_cue_before(ds->lex, &ds->cache, toks, i, first, CUE_NOT_PROVINCE)) {
        return 0; /* "huyện X", "phường X", "đường X" are not provinces */
    }
    return 1;
}

/* True when the words before token i make the entry there part of
 * another name: a district's, street's or newspaper's for a province
 * (not_province_prefix), or a provincial city's ("thành phố Thanh Hóa":
 * city_prefix before a province that is no centrally-run city); a
 * newspaper's, portal's or broadcaster's for an organisation or ministry
 * ("Báo điện tử Đảng Cộng sản Việt Nam", "Cổng Thông tin điện tử Chính
 * phủ": publication_prefix). */
static int
names_something_else(const DocState *ds, const LexEntry *e, size_t i,
                     size_t first)
{
    const VnkgToken *toks = ds->seg.tokens;
    if (e->type == VNKG_TYPE_PROVINCE) {
        return lex_cue_before(ds->lex, &ds->cache, toks, i, first,
                              CUE_NOT_PROVINCE) ||
               (!e->central && lex_cue_before(ds->lex, &ds->cache, toks, i,
                                              first, CUE_CITY_PREFIX));
    }
    if (e->type == VNKG_TYPE_ORGANIZATION || e->type == VNKG_TYPE_MINISTRY) {
        return lex_cue_before(ds->lex, &ds->cache, toks, i, first,
                              CUE_PUBLICATION);
    }
    return 0;
}

/* Longest acceptable gazetteer entry at token i (of `type`, or any type
 * when type == VNKG_TYPE_COUNT). Returns its length in tokens, or 0. */
size_t
entry_at(const DocState *ds, size_t i, size_t first, size_t end,
         VnkgEntityType type, int allow_elliptic, size_t *entry)
{
    LexMatch m[8];
    size_t found = lex_match(ds->lex, &ds->cache, ds->seg.tokens, end, i, m, 8);
    for (size_t k = found; k-- > 0;) {
        for (size_t p = m[k].payload; p != NONE;
             p = ds->lex->payloads[p].next) {
            const LexPayload *pl = &ds->lex->payloads[p];
            if (pl->kind == PL_ENTRY && lex_case_ok(pl, ds->seg.tokens, i) &&
                names_something_else(ds, &ds->lex->entries[pl->index], i,
                                     first)) {
                /* "Báo Lào Cai", "huyện Long An", "Báo điện tử Chính
                 * phủ": the whole name is something else; no shorter name
                 * inside it either */
                return 0;
            }
            if (!payload_ok(ds, pl, i, first, allow_elliptic)) {
                continue;
            }
            if (type != VNKG_TYPE_COUNT &&
                ds->lex->entries[pl->index].type != type) {
                continue;
            }
            *entry = pl->index;
            return m[k].len;
        }
    }
    return 0;
}

/* Longest title at token i; 0 when none. */
size_t
title_at(const DocState *ds, size_t i, size_t end, size_t *title)
{
    LexMatch m[8];
    size_t found = lex_match(ds->lex, &ds->cache, ds->seg.tokens, end, i, m, 8);
    for (size_t k = found; k-- > 0;) {
        for (size_t p = m[k].payload; p != NONE;
             p = ds->lex->payloads[p].next) {
            if (ds->lex->payloads[p].kind == PL_TITLE) {
                *title = ds->lex->payloads[p].index;
                return m[k].len;
            }
        }
    }
    return 0;
}

VnkgStatus
take_entry(DocState *ds, size_t i, size_t len, size_t entry, size_t *entity)
{
    VNKG_TRY(resolve_entry(ds, entry, entity));
    return add_found(ds, i, i + len, *entity);
}

/* ---- the sentence ---- */

size_t
province_at(const DocState *ds, size_t k, size_t first, size_t end, size_t *at,
            size_t *entry)
{
    *at = k;
    size_t len =
        k < end ? entry_at(ds, k, first, end, VNKG_TYPE_PROVINCE, 0, entry) : 0;
    if (!len && k < end) {
        *at += lex_cue_at(ds->lex, &ds->cache, ds->seg.tokens, end, k,
                          CUE_PROVINCE_PREFIX);
        if (*at > k && *at < end) {
            len = entry_at(ds, *at, first, end, VNKG_TYPE_PROVINCE, 0, entry);
        }
        /* "UBND TP.HCM": the unit word's last token starts the name */
        size_t back;
        if (!len && *at > k + 1 &&
            (back = entry_at(ds, *at - 1, first, end, VNKG_TYPE_PROVINCE, 0,
                             entry)) > 1) {
            *at -= 1;
            len = back;
        }
    }
    return len;
}

static void
find_bridge(DocState *ds, size_t first, size_t end)
{
    ds->sentence_bridge = NONE;
    for (size_t i = first; i < end; ++i) {
        size_t bl =
            lex_cue_at(ds->lex, &ds->cache, ds->seg.tokens, end, i, CUE_BRIDGE);
        if (!bl) {
            continue;
        }
        size_t k = i + bl, entry, at;
        size_t len = province_at(ds, k, first, end, &at, &entry);
        if (!len && at > k) {
            /* "tại điểm cầu tỉnh": the province of the article's bridge
             * point named before, if any */
            ds->sentence_bridge = ds->bridge_province;
            continue;
        }
        if (len) {
            size_t entity;
            if (resolve_entry(ds, entry, &entity) == VNKG_SUCCESS) {
                ds->sentence_bridge = entity;
                ds->bridge_province = entity;
            }
        }
    }
}

/* Elliptical ministry names continue a list: "các Bộ Công Thương, Tài
 * chính" — allowed right after a ministry and a comma or "và". */
static int
after_ministry(const DocState *ds, size_t i)
{
    if (ds->n_found == 0 || i < 2) {
        return 0;
    }
    const Found *f = &ds->found[ds->n_found - 1];
    return f->type == VNKG_TYPE_MINISTRY && f->tok_end == i - 1 &&
           (is_punct(ds, i - 1, ",") || is_key(ds, i - 1, "va2"));
}

static VnkgStatus
scan_at(DocState *ds, size_t i, size_t first, size_t end, size_t *next)
{
    /* fixed phrases that contain a name but are not it ("Thái Bình Dương"
     * is the Pacific, not Thái Bình) */
    size_t skip =
        lex_cue_at(ds->lex, &ds->cache, ds->seg.tokens, end, i, CUE_NOT_ENTITY);
    if (skip) {
        *next = i + skip;
        return VNKG_SUCCESS;
    }
    VNKG_TRY(scan_document(ds, i, end, next));
    if (*next > i) {
        return VNKG_SUCCESS;
    }
    VNKG_TRY(scan_title(ds, i, first, end, next));
    if (*next > i) {
        return VNKG_SUCCESS;
    }
    VNKG_TRY(scan_person(ds, i, first, end, next));
    if (*next > i) {
        return VNKG_SUCCESS;
    }
    VNKG_TRY(scan_agreement(ds, i, first, end, next));
    if (*next > i) {
        return VNKG_SUCCESS;
    }
    VNKG_TRY(scan_locality(ds, i, first, end, next));
    if (*next > i) {
        return VNKG_SUCCESS;
    }
    size_t entry, len = entry_at(ds, i, first, end, VNKG_TYPE_COUNT,
                                 after_ministry(ds, i), &entry);
    if (len &&
        (ds->lex->entries[entry].type == VNKG_TYPE_MINISTRY ||
         ds->lex->entries[entry].type == VNKG_TYPE_ORGANIZATION) &&
        foreign_portfolio(ds, i, first, end) > i) {
        /* "Bộ Ngoại giao Trung Quốc", "Chính phủ Nhật Bản" are not Việt
         * Nam's: the country's name that follows is read next */
        *next = i + len;
        return VNKG_SUCCESS;
    }
    if (len) {
        size_t entity;
        VNKG_TRY(take_entry(ds, i, len, entry, &entity));
        *next = i + len;
        if (ds->lex->entries[entry].type == VNKG_TYPE_AGREEMENT) {
            /* "Hiệp định Thương mại tự do Việt Nam – EFTA" mentions EFTA */
            VNKG_TRY(take_inside(ds, i + 1, i + len, first, VNKG_TYPE_PARTNER,
                                 NONE));
        }
        return VNKG_SUCCESS;
    }
    return scan_company(ds, i, first, end, next);
}

/* Past the source tag that opens an article's body, "(ĐCSVN) - Sáng
 * 3/3", "(Chinhphu.vn) – ...": the agency or site that published it, not
 * a mention. A line that starts with a bracket of at most six tokens and
 * a dash after it. */
static size_t
past_source_tag(const DocState *ds, size_t first, size_t end)
{
    if (!(tok(ds, first)->flags & VNKG_TOK_LINE_START) ||
        !is_punct(ds, first, "(")) {
        return first;
    }
    for (size_t k = first + 1; k < end && k <= first + 7; ++k) {
        if (is_punct(ds, k, ")")) {
            return k > first + 1 && k + 1 < end && is_punct(ds, k + 1, "-")
                       ? k + 2
                       : first;
        }
    }
    return first;
}

/* False when nothing scan_at reads can start at token i: no lexicon
 * form starts there (entries, titles, cues: documents, agreements,
 * companies, person prefixes), it is no capitalised word (a name) and not
 * "tỉnh"/"bang" (a foreign locality). Most tokens of a sentence are such
 * lower-case words, passed without asking every scanner. */
static int
may_start(const DocState *ds, size_t i)
{
    return lex_may_match(&ds->cache, i) || is_cap_word(ds, i) ||
           is_key(ds, i, "tinh3") || is_key(ds, i, "bang");
}

VnkgStatus
scan_sentence(DocState *ds)
{
    const VnkgSentence *s = &ds->seg.sentences[ds->sentence];
    size_t first = s->first_token, end = first + s->n_tokens;
    ds->n_found = 0;
    ds->n_offices = 0;
    ds->n_pacts = 0;
    VNKG_TRY(lex_cache_fill(ds->ctx, ds->lex, &ds->cache, ds->seg.tokens, first,
                            end));
    find_bridge(ds, first, end);
    size_t i = past_source_tag(ds, first, end);
    while (i < end) {
        if (!may_start(ds, i)) {
            i++;
            continue;
        }
        size_t next;
        VNKG_TRY(scan_at(ds, i, first, end, &next));
        i = next > i ? next : i + 1;
    }
    return VNKG_SUCCESS;
}
