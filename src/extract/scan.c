/* SPDX-License-Identifier: MIT */
/* The sentence scanner: numbered documents, title chains with persons,
 * person prefixes, gazetteer entities, agreement and company patterns. */
#include "extract_internal.h"
#include "syllable.h"

#include <vnkg/normalise.h>

#include <stdio.h>
#include <string.h>

#define MAX_OFFICES 8
#define MAX_NAME_TOKENS 4

static const VnkgToken *
tok(const DocState *ds, size_t i)
{
    return &ds->seg.tokens[i];
}

static int
is_punct(const DocState *ds, size_t i, const char *key)
{
    const VnkgToken *t = tok(ds, i);
    /* asked at nearly every token with fixed keys: the first byte rules
     * out most without a call */
    return (t->flags & VNKG_TOK_PUNCT) && t->key[0] == key[0] &&
           strcmp(t->key, key) == 0;
}

static int
is_key(const DocState *ds, size_t i, const char *key)
{
    const VnkgToken *t = tok(ds, i);
    return (t->flags & VNKG_TOK_WORD) && t->key[0] == key[0] &&
           strcmp(t->key, key) == 0;
}

static int
is_cap_word(const DocState *ds, size_t i)
{
    const VnkgToken *t = tok(ds, i);
    return (t->flags & VNKG_TOK_WORD) && !(t->flags & VNKG_TOK_NUMBER) &&
           (t->flags & (VNKG_TOK_CAP | VNKG_TOK_UPPER));
}

VnkgStatus
add_found(DocState *ds, size_t start, size_t end, size_t entity)
{
    if (ds->n_found == ds->cap_found) {
        size_t cap = ds->cap_found ? ds->cap_found * 2 : 16;
        Found *p = vnkg_realloc(ds->ctx, ds->found, cap * sizeof *p);
        if (!p) {
            return VNKG_ERR_NO_MEMORY;
        }
        ds->found = p;
        ds->cap_found = cap;
    }
    const VnkgEntity *e = vnkg_facts_entity_at(ds->facts, entity);
    ds->found[ds->n_found++] = (Found){start, end, entity, e->type};
    return VNKG_SUCCESS;
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

/* True when the words before token i make an entry of `type` there part
 * of another name: a district's, street's or newspaper's for a province
 * (not_province_prefix), a newspaper's, portal's or broadcaster's for an
 * organisation or ministry ("Báo điện tử Đảng Cộng sản Việt Nam",
 * "Cổng Thông tin điện tử Chính phủ": publication_prefix). */
static int
names_something_else(const DocState *ds, VnkgEntityType type, size_t i,
                     size_t first)
{
    CueKind kind;
    if (type == VNKG_TYPE_PROVINCE) {
        kind = CUE_NOT_PROVINCE;
    } else if (type == VNKG_TYPE_ORGANIZATION || type == VNKG_TYPE_MINISTRY) {
        kind = CUE_PUBLICATION;
    } else {
        return 0;
    }
    return lex_cue_before(ds->lex, &ds->cache, ds->seg.tokens, i, first, kind);
}

/* Longest acceptable gazetteer entry at token i (of `type`, or any type
 * when type == VNKG_TYPE_COUNT). Returns its length in tokens, or 0. */
static size_t
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
                names_something_else(ds, ds->lex->entries[pl->index].type, i,
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
static size_t
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

static VnkgStatus
take_entry(DocState *ds, size_t i, size_t len, size_t entry, size_t *entity)
{
    VNKG_TRY(resolve_entry(ds, entry, entity));
    return add_found(ds, i, i + len, *entity);
}

/* ---- titles and the organisation they attach to ---- */

static size_t
skip_vietnam(const DocState *ds, size_t k, size_t end)
{
    if (k + 1 < end && is_key(ds, k, "viêt5") && is_key(ds, k + 1, "nam")) {
        k += 2;
    }
    if (k < end && (is_key(ds, k, "tai5") || is_key(ds, k, "ơ3"))) {
        k += 1;
    }
    return k;
}

/* The length of a partner's name at token k (a country's: "Hoa Kỳ",
 * "Nhật Bản"), or 0. */
static size_t
partner_at(const DocState *ds, size_t k, size_t first, size_t end,
           size_t *entry)
{
    return k < end ? entry_at(ds, k, first, end, VNKG_TYPE_PARTNER, 0, entry)
                   : 0;
}

/* Past a minister's portfolio at token k that a country's name follows
 * ("Thương mại Hoa Kỳ", "Kinh tế, Thương mại và Công nghiệp Nhật Bản",
 * "Bộ Ngoại giao Trung Quốc"); k when there is none. The portfolio is
 * portfolio_word cues joined by ",", "và", "-", "&", or one ministry's
 * name: a Vietnamese ministry's name before a country is that country's
 * ministry. */
static size_t
foreign_portfolio(const DocState *ds, size_t k, size_t first, size_t end)
{
    size_t entry, p = k, words = 0;
    while (p < end) {
        size_t n = lex_cue_at(ds->lex, &ds->cache, ds->seg.tokens, end, p,
                              CUE_PORTFOLIO);
        if (!n) {
            break;
        }
        p += n;
        words++;
        size_t q = p;
        if (q < end && (is_punct(ds, q, ",") || is_punct(ds, q, "-") ||
                        is_punct(ds, q, "&"))) {
            q++;
        }
        if (q < end && is_key(ds, q, "va2")) {
            q++;
        }
        if (q == p || !lex_cue_at(ds->lex, &ds->cache, ds->seg.tokens, end, q,
                                  CUE_PORTFOLIO)) {
            break;
        }
        p = q;
    }
    if (!words) {
        p += entry_at(ds, k, first, end, VNKG_TYPE_MINISTRY, 1, &entry);
    }
    return p > k && partner_at(ds, p, first, end, &entry) ? p : k;
}

static VnkgStatus
attach_kind(DocState *ds, const char *kind, size_t *j, size_t first, size_t end,
            Office *o, int *done)
{
    size_t entry, len, k = *j;
    VnkgEntityType type = VNKG_TYPE_COUNT;
    int elliptic = 0;
    if (strcmp(kind, "ministry") == 0) {
        type = VNKG_TYPE_MINISTRY;
        elliptic = 1;
        /* "Bộ trưởng Thương mại Hoa Kỳ": the country's minister */
        size_t p = foreign_portfolio(ds, k, first, end);
        if (p > k) {
            len = partner_at(ds, p, first, end, &entry);
            VNKG_TRY(take_entry(ds, p, len, entry, &o->org));
            *j = p + len;
            *done = 1;
            return VNKG_SUCCESS;
        }
    } else if (strcmp(kind, "province") == 0) {
        type = VNKG_TYPE_PROVINCE;
        /* "Chủ tịch UBND TP. Hải Phòng": the title took "TP", not its dot */
        if (k > first && k < end && is_punct(ds, k, ".") &&
            !(tok(ds, k)->flags & VNKG_TOK_SPACE_BEFORE) &&
            is_key(ds, k - 1, "tp")) {
            k++;
        }
        k += lex_cue_at(ds->lex, &ds->cache, ds->seg.tokens, end, k,
                        CUE_PROVINCE_PREFIX);
    } else if (strcmp(kind, "partner") == 0) {
        type = VNKG_TYPE_PARTNER;
        k = skip_vietnam(ds, k, end);
        /* "Tập đoàn NVIDIA", "tỉnh Gyeonggi": a head word before the name,
         * unless it starts the name ("Ngân hàng Thế giới") */
        if (!entry_at(ds, k, first, end, type, 0, &entry)) {
            k += lex_cue_at(ds->lex, &ds->cache, ds->seg.tokens, end, k,
                            CUE_COMPANY_HEAD);
            k += lex_cue_at(ds->lex, &ds->cache, ds->seg.tokens, end, k,
                            CUE_PROVINCE_PREFIX);
        }
    } else if (strcmp(kind, "organization") == 0) {
        type = VNKG_TYPE_ORGANIZATION;
        if (!entry_at(ds, k, first, end, type, 0, &entry)) {
            k += lex_cue_at(ds->lex, &ds->cache, ds->seg.tokens, end, k,
                            CUE_COMPANY_HEAD);
        }
    } else if (strncmp(kind, "org=", 4) == 0) {
        size_t fixed = lex_entry_by_id(ds->lex, kind + 4);
        if (fixed == NONE) {
            return VNKG_SUCCESS;
        }
        len = entry_at(ds, k, first, end, VNKG_TYPE_COUNT, 0, &entry);
        if (len && entry == fixed) {
            VNKG_TRY(take_entry(ds, k, len, entry, &o->org));
            *j = k + len;
        } else {
            VNKG_TRY(resolve_entry(ds, fixed, &o->org));
            o->fixed = 1; /* implied by the title, not named */
        }
        *done = 1;
        return VNKG_SUCCESS;
    } else {
        *done = strcmp(kind, "none") == 0;
        return VNKG_SUCCESS;
    }
    if (k < end &&
        (len = entry_at(ds, k, first, end, type, elliptic, &entry))) {
        VNKG_TRY(take_entry(ds, k, len, entry, &o->org));
        *j = k + len;
        *done = 1;
    }
    return VNKG_SUCCESS;
}

static VnkgStatus
attach_org(DocState *ds, size_t *j, size_t first, size_t end, Office *o)
{
    const LexTitle *t = &ds->lex->titles[o->title];
    int done = 0;
    for (size_t a = 0; a < t->n_attach && !done; ++a) {
        VNKG_TRY(attach_kind(ds, t->attach[a], j, first, end, o, &done));
    }
    if (!done) {
        for (size_t a = 0; a < t->n_attach; ++a) {
            if (strcmp(t->attach[a], "province") == 0) {
                o->pending_province = 1;
            }
            if (a == 0 && strcmp(t->attach[a], "ministry") == 0) {
                o->pending_ministry = 1;
            }
        }
    }
    return VNKG_SUCCESS;
}

static int
attaches_to(const LexTitle *t, VnkgEntityType type)
{
    const char *want = vnkg_entity_type_name(type);
    for (size_t a = 0; a < t->n_attach; ++a) {
        if (strcmp(t->attach[a], want) == 0) {
            return 1;
        }
    }
    return 0;
}

/* "Chủ tịch kiêm Tổng Giám đốc Tập đoàn NVIDIA": a title of the chain
 * that names no organisation shares the next one's, if it may. */
static void
backfill_orgs(const DocState *ds, Office *offs, size_t n)
{
    for (size_t k = n; k-- > 1;) {
        Office *o = &offs[k - 1];
        const Office *next = &offs[k];
        if (o->org != NONE || next->org == NONE) {
            continue;
        }
        VnkgEntityType t = vnkg_facts_entity_at(ds->facts, next->org)->type;
        if (attaches_to(&ds->lex->titles[o->title], t)) {
            o->org = next->org;
            o->pending_province = o->pending_ministry = 0;
        }
    }
}

static int
is_chain_separator(const DocState *ds, size_t k)
{
    return is_punct(ds, k, ",") || is_punct(ds, k, "-") ||
           is_punct(ds, k, "/") || is_key(ds, k, "kiêm") ||
           is_key(ds, k, "va2");
}

/* Parses "TITLE [ORG] ((,|kiêm|và|/) TITLE [ORG])*" from token j. */
static VnkgStatus
parse_chain(DocState *ds, size_t j, size_t first, size_t end, Office *offs,
            size_t *n_offs, size_t *out_end)
{
    *n_offs = 0;
    size_t t, len;
    while (j < end && (len = title_at(ds, j, end, &t))) {
        j += len;
        Office o = {t, NONE, 0, 0, 0};
        VNKG_TRY(attach_org(ds, &j, first, end, &o));
        /* "Đại sứ Hoa Kỳ tại Việt Nam Marc Knapper": the posting place */
        if (j + 2 < end && (is_key(ds, j, "tai5") || is_key(ds, j, "ơ3")) &&
            is_key(ds, j + 1, "viêt5") && is_key(ds, j + 2, "nam")) {
            j += 3;
        } else if (o.org != NONE && j + 1 < end &&
                   (is_key(ds, j, "tai5") || is_key(ds, j, "ơ3")) &&
                   vnkg_facts_entity_at(ds->facts, o.org)->type ==
                       VNKG_TYPE_PARTNER) {
            /* "Tổng Lãnh sự Hoa Kỳ tại TP.HCM Susan Burns": a foreign
             * mission's city in Việt Nam, still a mention of it */
            size_t at = j + 1, entry;
            size_t plen =
                entry_at(ds, at, first, end, VNKG_TYPE_PROVINCE, 0, &entry);
            if (!plen) { /* "tại thành phố Đà Nẵng"; "TP.HCM" is a name */
                at += lex_cue_at(ds->lex, &ds->cache, ds->seg.tokens, end, at,
                                 CUE_PROVINCE_PREFIX);
                plen = at < end ? entry_at(ds, at, first, end,
                                           VNKG_TYPE_PROVINCE, 0, &entry)
                                : 0;
            }
            if (plen) {
                size_t place;
                VNKG_TRY(take_entry(ds, at, plen, entry, &place));
                j = at + plen;
            }
        }
        if (*n_offs < MAX_OFFICES) {
            offs[(*n_offs)++] = o;
        }
        size_t k = j;
        if (k < end && is_chain_separator(ds, k)) {
            k++;
        }
        if (k < end && title_at(ds, k, end, &t)) {
            j = k;
            continue;
        }
        break;
    }
    backfill_orgs(ds, offs, *n_offs);
    *out_end = j;
    return VNKG_SUCCESS;
}

/* ---- person names ---- */

/* A name stops before a title ("Phạm Minh Chính Thủ tướng") or a
 * multi-word gazetteer name; single words ("Nam", "Hà") occur in names. */
static int
starts_lexical(const DocState *ds, size_t i, size_t end)
{
    LexMatch m[8];
    size_t found = lex_match(ds->lex, &ds->cache, ds->seg.tokens, end, i, m, 8);
    for (size_t k = 0; k < found; ++k) {
        for (size_t p = m[k].payload; p != NONE;
             p = ds->lex->payloads[p].next) {
            const LexPayload *pl = &ds->lex->payloads[p];
            if (pl->kind == PL_TITLE ||
                (pl->kind == PL_ENTRY && m[k].len >= 2)) {
                return 1;
            }
        }
    }
    return 0;
}

/* Length of a Vietnamese full name at i (surname + 1..3 capitalised
 * words), or of a run of capitalised Latin words when `latin` is set. */
/* Latin names may join parts with a hyphen: "Lee Jae-yong". */
static size_t
hyphen_part(const DocState *ds, size_t k, size_t end)
{
    if (k + 1 < end && is_punct(ds, k, "-") &&
        !(tok(ds, k)->flags & VNKG_TOK_SPACE_BEFORE) &&
        (tok(ds, k + 1)->flags & VNKG_TOK_WORD) &&
        !(tok(ds, k + 1)->flags & VNKG_TOK_SPACE_BEFORE)) {
        return 2;
    }
    return 0;
}

/* A word of a foreign name in Latin script: capitalised, not an acronym
 * ("KOICA" is an organisation, not a name), plain ASCII or foreign
 * ("Markus Söder"). */
static int
is_latin_name_word(const DocState *ds, size_t k)
{
    unsigned f = tok(ds, k)->flags;
    return is_cap_word(ds, k) && !(f & VNKG_TOK_UPPER) &&
           ((f & VNKG_TOK_LATIN) || vn_key_is_foreign(tok(ds, k)->key));
}

/* An initial inside a Latin name: "J." in "Mariam J. Sherman". */
static size_t
initial_part(const DocState *ds, size_t k, size_t end)
{
    if (k + 1 < end && is_cap_word(ds, k) &&
        tok(ds, k)->end - tok(ds, k)->start == 1 && is_punct(ds, k + 1, ".") &&
        !(tok(ds, k + 1)->flags & VNKG_TOK_SPACE_BEFORE)) {
        return 2;
    }
    return 0;
}

static size_t
name_at(const DocState *ds, size_t i, size_t end, int latin)
{
    if (i >= end || !is_cap_word(ds, i)) {
        return 0;
    }
    int vn = lex_is_surname(ds->lex, tok(ds, i));
    if (!vn &&
        !(latin && is_latin_name_word(ds, i) && !starts_lexical(ds, i, end))) {
        return 0;
    }
    size_t k = i + 1, words = 1;
    /* "Kim Dong-yeon", "Lee Jae-yong": a hyphen joins the parts of a
     * given name, also after a surname Vietnamese shares */
    k += hyphen_part(ds, k, end);
    while (k < end && words < MAX_NAME_TOKENS &&
           (tok(ds, k)->flags & VNKG_TOK_SPACE_BEFORE)) {
        size_t init = vn ? 0 : initial_part(ds, k, end);
        if (init) {
            k += init;
            continue;
        }
        if (!is_cap_word(ds, k) || starts_lexical(ds, k, end) ||
            (!vn && !is_latin_name_word(ds, k))) {
            break;
        }
        k++;
        words++;
        k += hyphen_part(ds, k, end);
    }
    if (words < 2) {
        return 0; /* one word: "Kinh", "Trung"; short forms resolve apart */
    }
    return k - i;
}

static VnkgStatus
add_offices(DocState *ds, size_t person, const Office *offs, size_t n)
{
    for (size_t k = 0; k < n; ++k) {
        if (ds->n_offices == ds->cap_offices) {
            size_t cap = ds->cap_offices ? ds->cap_offices * 2 : 8;
            Office *p = vnkg_realloc(ds->ctx, ds->offices, cap * sizeof *p);
            if (!p) {
                return VNKG_ERR_NO_MEMORY;
            }
            ds->offices = p;
            size_t *q =
                vnkg_realloc(ds->ctx, ds->office_person, cap * sizeof *q);
            if (!q) {
                return VNKG_ERR_NO_MEMORY;
            }
            ds->office_person = q;
            ds->cap_offices = cap;
        }
        ds->offices[ds->n_offices] = offs[k];
        ds->office_person[ds->n_offices++] = person;
        VNKG_TRY(resolve_note_role(ds, person, offs[k].title));
    }
    return VNKG_SUCCESS;
}

static int
chain_is_foreign(const DocState *ds, const Office *offs, size_t n)
{
    for (size_t k = 0; k < n; ++k) {
        if (ds->lex->titles[offs[k].title].scope == SCOPE_FOREIGN) {
            return 1;
        }
        if (offs[k].org != NONE &&
            vnkg_facts_entity_at(ds->facts, offs[k].org)->type ==
                VNKG_TYPE_PARTNER) {
            return 1;
        }
    }
    return 0;
}

/* True when token k separates a name from the title after it: a comma,
 * or a dash with a space before it ("Nguyễn Văn Hồi - Phó Chủ tịch"). */
static int
before_apposition(const DocState *ds, size_t k, size_t end)
{
    return k + 1 < end && (is_punct(ds, k, ",") ||
                           (is_punct(ds, k, "-") &&
                            (tok(ds, k)->flags & VNKG_TOK_SPACE_BEFORE)));
}

/* After a name: ", TITLE…" (or " - TITLE…") adds offices unless the chain
 * ends in another person's name (then that title belongs to the next
 * person). */
static VnkgStatus
right_chain(DocState *ds, size_t person, size_t k, size_t first, size_t end,
            size_t *next)
{
    *next = k;
    if (!before_apposition(ds, k, end)) {
        return VNKG_SUCCESS;
    }
    size_t t;
    if (!title_at(ds, k + 1, end, &t)) {
        return VNKG_SUCCESS;
    }
    Office offs[MAX_OFFICES];
    size_t n, stop;
    size_t found_before = ds->n_found;
    VNKG_TRY(parse_chain(ds, k + 1, first, end, offs, &n, &stop));
    size_t sep = stop;
    if (sep < end && (is_punct(ds, sep, "-") || is_punct(ds, sep, ":"))) {
        sep++;
    }
    if (name_at(ds, sep, end, 1)) {
        /* the titles introduce the next person: forget what we took */
        ds->n_found = found_before;
        *next = k + 1;
        return VNKG_SUCCESS;
    }
    VNKG_TRY(add_offices(ds, person, offs, n));
    *next = stop;
    return VNKG_SUCCESS;
}

static VnkgStatus
take_person(DocState *ds, size_t i, size_t len, size_t *entity)
{
    VNKG_TRY(resolve_person(ds, i, i + len, entity));
    return add_found(ds, i, i + len, *entity);
}

static int
plural_before(const DocState *ds, size_t i, size_t first)
{
    return i > first &&
           (is_key(ds, i - 1, "cac1") || is_key(ds, i - 1, "nhưng4") ||
            is_key(ds, i - 1, "nhiêu2") ||
            (tok(ds, i - 1)->flags & VNKG_TOK_NUMBER));
}

/* "các Thứ trưởng A, B và C": every name of the list holds the offices. */
static VnkgStatus
take_list(DocState *ds, const Office *offs, size_t n, size_t end, size_t *k)
{
    int latin = chain_is_foreign(ds, offs, n);
    while (*k + 1 < end && (is_punct(ds, *k, ",") || is_key(ds, *k, "va2"))) {
        size_t len = name_at(ds, *k + 1, end, latin), person;
        if (!len) {
            break;
        }
        VNKG_TRY(take_person(ds, *k + 1, len, &person));
        VNKG_TRY(add_offices(ds, person, offs, n));
        *k += 1 + len;
    }
    return VNKG_SUCCESS;
}

/* TITLE-chain [-|:|,] [person prefix] NAME at i. Returns tokens consumed. */
static VnkgStatus
scan_title(DocState *ds, size_t i, size_t first, size_t end, size_t *next)
{
    Office offs[MAX_OFFICES];
    size_t n, k;
    *next = i;
    VNKG_TRY(parse_chain(ds, i, first, end, offs, &n, &k));
    if (n == 0) {
        return VNKG_SUCCESS;
    }
    size_t name_start = k;
    if (k < end && (is_punct(ds, k, "-") || is_punct(ds, k, ":") ||
                    is_punct(ds, k, ","))) {
        name_start++;
    }
    name_start += lex_cue_at(ds->lex, &ds->cache, ds->seg.tokens, end,
                             name_start, CUE_PERSON_PREFIX);
    size_t len = name_at(ds, name_start, end, 1);
    size_t person = NONE;
    if (len) {
        VNKG_TRY(take_person(ds, name_start, len, &person));
        k = name_start + len;
    } else if (name_start < end && is_cap_word(ds, name_start) &&
               (person = resolve_short_name(ds, tok(ds, name_start)->key)) !=
                   NONE) {
        VNKG_TRY(add_found(ds, name_start, name_start + 1, person));
        k = name_start + 1;
    } else if ((tok(ds, i)->flags & VNKG_TOK_CAP) &&
               !plural_before(ds, i, first) &&
               (person = resolve_bare_title(ds, offs[0].title)) != NONE) {
        /* a bare "Thủ tướng" referring back to the one named before */
        VNKG_TRY(add_found(ds, i, i + 1, person));
        *next = k;
        return VNKG_SUCCESS;
    }
    if (person != NONE && is_latin_name_word(ds, name_start)) {
        /* "Thủ tướng Lawrence Wong" is no Vietnamese Prime Minister: an
         * office implied by the title alone belongs to Vietnamese bodies */
        size_t kept = 0;
        for (size_t q = 0; q < n; ++q) {
            if (!offs[q].fixed) {
                offs[kept++] = offs[q];
            }
        }
        n = kept;
    }
    if (person != NONE) {
        VNKG_TRY(add_offices(ds, person, offs, n));
        size_t after = k;
        VNKG_TRY(right_chain(ds, person, k, first, end, &k));
        if (k == after && plural_before(ds, i, first)) {
            VNKG_TRY(take_list(ds, offs, n, end, &k));
        }
    }
    *next = k;
    return VNKG_SUCCESS;
}

/* The official already named in this article with the name at k. */
static VnkgStatus
known_person(DocState *ds, size_t k, size_t len, size_t *person)
{
    char *slug;
    size_t b = tok(ds, k)->start;
    VNKG_TRY(vnkg_normalise_slug(ds->ctx, ds->doc->text + b,
                                 tok(ds, k + len - 1)->end - b, &slug));
    char id[256];
    snprintf(id, sizeof id, "official/%s", slug);
    vnkg_free(ds->ctx, slug);
    return vnkg_facts_find(ds->facts, id, person);
}

/* "đồng chí/ông/bà NAME[, TITLE…]" or "NAME, TITLE…" or a known name. */
static VnkgStatus
scan_person(DocState *ds, size_t i, size_t first, size_t end, size_t *next)
{
    *next = i;
    size_t k = i + lex_cue_at(ds->lex, &ds->cache, ds->seg.tokens, end, i,
                              CUE_PERSON_PREFIX);
    int prefixed = k > i;
    size_t len = name_at(ds, k, end, prefixed), person, t, entry;
    if (!len && !prefixed) {
        /* "Giel Rutten, Chủ tịch…": a Latin name needs a title after it */
        size_t l = name_at(ds, k, end, 1);
        if (l && before_apposition(ds, k + l, end) &&
            title_at(ds, k + l + 1, end, &t)) {
            len = l;
        }
    }
    if (!len && prefixed) {
        /* "ông Đầu Thanh Tùng, Phó Bí thư Tỉnh ủy": a prefix and a title
         * make a name of capitalised words whose family name the list
         * lacks */
        size_t l = 0;
        while (k + l < end && l < MAX_NAME_TOKENS && is_cap_word(ds, k + l) &&
               (l == 0 || (tok(ds, k + l)->flags & VNKG_TOK_SPACE_BEFORE)) &&
               !starts_lexical(ds, k + l, end)) {
            l++;
        }
        if (l >= 2 && before_apposition(ds, k + l, end) &&
            title_at(ds, k + l + 1, end, &t)) {
            len = l;
        }
    }
    if (!len) {
        if (prefixed && k < end && is_cap_word(ds, k) &&
            (person = resolve_short_name(ds, tok(ds, k)->key)) != NONE) {
            VNKG_TRY(add_found(ds, k, k + 1, person));
            *next = k + 1;
        }
        return VNKG_SUCCESS;
    }
    int titled = before_apposition(ds, k + len, end) &&
                 title_at(ds, k + len + 1, end, &t);
    if (!prefixed &&
        entry_at(ds, k, first, end, VNKG_TYPE_COUNT, 0, &entry) >= len) {
        return VNKG_SUCCESS; /* a place ("Hà Nội, Thủ tướng…") */
    }
    if (!titled) {
        /* an untitled name counts only when the article named the person
         * with a post before */
        VnkgStatus st = known_person(ds, k, len, &person);
        if (st == VNKG_FAILURE) {
            *next = prefixed ? k + len : i; /* "ông X": not an official */
            return VNKG_SUCCESS;
        }
        VNKG_TRY(st);
    }
    VNKG_TRY(take_person(ds, k, len, &person));
    return right_chain(ds, person, k + len, first, end, next);
}

/* ---- numbered documents ---- */

static int
code_token_ok(const DocState *ds, size_t m, int *sep, int *letters)
{
    const VnkgToken *t = tok(ds, m);
    if (t->flags & VNKG_TOK_PUNCT) {
        if (is_punct(ds, m, "-") || is_punct(ds, m, "/") ||
            is_punct(ds, m, ".")) {
            *sep = 1;
            return 1;
        }
        return 0;
    }
    if (!(t->flags & VNKG_TOK_NUMBER)) {
        *letters = 1;
    }
    return 1;
}

static VnkgStatus
scan_document(DocState *ds, size_t i, size_t end, size_t *next)
{
    *next = i;
    size_t hl = lex_cue_at(ds->lex, &ds->cache, ds->seg.tokens, end, i,
                           CUE_DOCUMENT_HEAD);
    if (!hl) {
        return VNKG_SUCCESS;
    }
    size_t k = i + hl;
    if (k < end && is_key(ds, k, "sô1")) {
        k++;
    }
    if (k >= end || !(tok(ds, k)->flags & VNKG_TOK_NUMBER)) {
        return VNKG_SUCCESS;
    }
    int sep = 0, letters = 0;
    size_t m = k + 1;
    while (m < end && !(tok(ds, m)->flags & VNKG_TOK_SPACE_BEFORE) &&
           code_token_ok(ds, m, &sep, &letters)) {
        m++;
    }
    while (m > k + 1 && (tok(ds, m - 1)->flags & VNKG_TOK_PUNCT)) {
        m--;
    }
    if (!sep || !letters) {
        return VNKG_SUCCESS;
    }
    const char *text = ds->doc->text;
    size_t hs = tok(ds, i)->start, he = tok(ds, i + hl - 1)->end;
    size_t cs = tok(ds, k)->start, ce = tok(ds, m - 1)->end;
    char label[512];
    if ((he - hs) + (ce - cs) + 2 > sizeof label) {
        return VNKG_SUCCESS;
    }
    memcpy(label, text + hs, he - hs);
    label[he - hs] = ' ';
    memcpy(label + (he - hs) + 1, text + cs, ce - cs);
    label[(he - hs) + 1 + (ce - cs)] = '\0';
    if (label[0] >= 'a' && label[0] <= 'z') {
        label[0] = (char)(label[0] - 32);
    } else if ((unsigned char)label[0] == 0xC4 &&
               (unsigned char)label[1] == 0x91) {
        label[1] = (char)0x90; /* đ -> Đ */
    }
    size_t entity;
    VNKG_TRY(resolve_named(ds, VNKG_TYPE_DOCUMENT, label, &entity));
    VNKG_TRY(add_found(ds, i, m, entity));
    *next = m;
    return VNKG_SUCCESS;
}

/* ---- companies: "tập đoàn X" with a Latin name not in the lexicon ---- */

static int
is_company_stopword(const DocState *ds, size_t k)
{
    /* legal forms, and the kinds of firm news write after "doanh
     * nghiệp": "doanh nghiệp FDI" is any foreign-invested firm */
    static const char *const stop[] = {
        "tnhh", "cp",  "mtv", "jsc",  "co",  "ltd", "inc",     "corp",
        "fdi",  "oda", "sme", "smes", "ppp", "bot", "epc",     "dnnvv",
        "kcn",  "kkt", "xnk", "dn",   "esg", "ict", "startup", NULL};
    for (int s = 0; stop[s]; ++s) {
        if (is_key(ds, k, stop[s])) {
            return 1;
        }
    }
    return 0;
}

/* The end of the run of at most three capitalised Latin words from token
 * k that can name a company ("Idemitsu Kosan"), before "Co", "Ltd"...; k
 * itself when the words are all Vietnamese syllables without their
 * accents ("Công ty Minh Long", "Đối tác Kinh tế"): a Vietnamese name,
 * not a foreign company's. */
static size_t
company_words(const DocState *ds, size_t k, size_t end)
{
    size_t m = k;
    int foreign = 0;
    while (m < end && m - k < 3 && is_cap_word(ds, m) &&
           (tok(ds, m)->flags & VNKG_TOK_LATIN) &&
           !is_company_stopword(ds, m)) {
        foreign |= !vn_syllable(tok(ds, m)->key);
        m++;
    }
    return foreign ? m : k;
}

/* A company named by the words [k, m): a partner labelled as written. */
static VnkgStatus
take_company(DocState *ds, size_t k, size_t m)
{
    char label[256];
    size_t b = tok(ds, k)->start, x = tok(ds, m - 1)->end;
    if (x - b >= sizeof label) {
        return VNKG_SUCCESS;
    }
    memcpy(label, ds->doc->text + b, x - b);
    label[x - b] = '\0';
    size_t entity;
    VNKG_TRY(resolve_named(ds, VNKG_TYPE_PARTNER, label, &entity));
    return add_found(ds, k, m, entity);
}

/* The companies listed after a company head and a country: "các doanh
 * nghiệp Hàn Quốc như Kumho, Hyosung", "đối tác Nhật là Idemitsu Kosan và
 * Mitsui". `k` is the token after the country; a list starts with "như",
 * "là", "gồm" or ":" and its items are gazetteer names or capitalised Latin
 * words (companies of that country), joined by "," "và" "cùng". *next
 * moves past the last item. */
static VnkgStatus
company_list(DocState *ds, size_t k, size_t first, size_t end, size_t *next)
{
    if (k + 1 >= end || !(is_key(ds, k, "như") || is_key(ds, k, "la2") ||
                          is_key(ds, k, "gôm2") || is_punct(ds, k, ":"))) {
        return VNKG_SUCCESS;
    }
    size_t j = k + 1;
    while (j < end) {
        size_t entry,
            len = entry_at(ds, j, first, end, VNKG_TYPE_COUNT, 0, &entry);
        size_t m = company_words(ds, j, end);
        if (len) {
            size_t entity;
            VNKG_TRY(take_entry(ds, j, len, entry, &entity));
            j += len;
        } else if (m > j) {
            VNKG_TRY(take_company(ds, j, m));
            j = m;
        } else {
            break;
        }
        *next = j;
        if (j < end && is_punct(ds, j, ",")) {
            j++;
        }
        if (j < end && (is_key(ds, j, "va2") || is_key(ds, j, "cung2"))) {
            j++;
        }
        if (j == *next) {
            break; /* no separator: the list ends */
        }
    }
    return VNKG_SUCCESS;
}

/* True when the gazetteer form matched at token k over `len` tokens is
 * case-sensitive ("=Samsung", "=EU"): a company's or an acronym's, which
 * a longer name goes on ("Samsung Display" is Samsung's), unlike a
 * country's ("Qatar Airways" is not Qatar). */
static int
form_is_cased(const DocState *ds, size_t k, size_t end, size_t len)
{
    LexMatch m[8];
    size_t found = lex_match(ds->lex, &ds->cache, ds->seg.tokens, end, k, m, 8);
    for (size_t n = 0; n < found; ++n) {
        if (m[n].len != len) {
            continue;
        }
        for (size_t p = m[n].payload; p != NONE;
             p = ds->lex->payloads[p].next) {
            const LexPayload *pl = &ds->lex->payloads[p];
            if (pl->kind == PL_ENTRY && pl->marker == MARK_CASED) {
                return 1;
            }
        }
    }
    return 0;
}

static VnkgStatus
scan_company(DocState *ds, size_t i, size_t first, size_t end, size_t *next)
{
    *next = i;
    size_t hl = lex_cue_at(ds->lex, &ds->cache, ds->seg.tokens, end, i,
                           CUE_COMPANY_HEAD);
    if (!hl) {
        return VNKG_SUCCESS;
    }
    size_t k = i + hl, entry, len = 0;
    if (k < end) {
        len = entry_at(ds, k, first, end, VNKG_TYPE_COUNT, 0, &entry);
    }
    size_t m = company_words(ds, k, end);
    int partner = len && ds->lex->entries[entry].type == VNKG_TYPE_PARTNER;
    if (len && !(partner && m > k + len && !form_is_cased(ds, k, end, len))) {
        size_t entity;
        VNKG_TRY(take_entry(ds, k, len, entry, &entity));
        *next = k + len;
        /* a country after the head: the companies it lists are its own */
        return partner ? company_list(ds, k + len, first, end, next)
                       : VNKG_SUCCESS;
    }
    /* a name of Latin words not in the lexicon, or one longer than the
     * partner it starts with: "hãng hàng không Qatar Airways" is the
     * airline, not Qatar */
    if (m == k) {
        return VNKG_SUCCESS;
    }
    VNKG_TRY(take_company(ds, k, m));
    *next = m;
    return VNKG_SUCCESS;
}

/* ---- the sentence ---- */

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
        size_t k = i + bl, entry, prefix = 0;
        if (!entry_at(ds, k, first, end, VNKG_TYPE_PROVINCE, 0, &entry)) {
            /* "điểm cầu tỉnh X"; but "TP.HCM" is a name of its own */
            prefix = lex_cue_at(ds->lex, &ds->cache, ds->seg.tokens, end, k,
                                CUE_PROVINCE_PREFIX);
        }
        k += prefix;
        if (prefix && (k >= end || !entry_at(ds, k, first, end,
                                             VNKG_TYPE_PROVINCE, 0, &entry))) {
            /* "tại điểm cầu tỉnh": the province of the article's bridge
             * point named before, if any */
            ds->sentence_bridge = ds->bridge_province;
            continue;
        }
        if (k < end &&
            entry_at(ds, k, first, end, VNKG_TYPE_PROVINCE, 0, &entry)) {
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

/* A foreign locality in a twinning or cooperation text: "tỉnh Gyeonggi
 * (Hàn Quốc)", "bang California (Hoa Kỳ)": Latin words after a unit word,
 * then the country in parentheses. */
static VnkgStatus
scan_locality(DocState *ds, size_t i, size_t first, size_t end, size_t *next)
{
    *next = i;
    /* provinces and states, not cities: "thành phố Vinh" is Vietnamese and
     * a consulate's city is a place, not a partner */
    if (!is_key(ds, i, "tinh3") && !is_key(ds, i, "bang")) {
        return VNKG_SUCCESS;
    }
    size_t k = i + 1;
    size_t m = k, entry, known;
    size_t klen = entry_at(ds, k, first, end, VNKG_TYPE_COUNT, 0, &entry);
    if (klen && ds->lex->entries[entry].type == VNKG_TYPE_PARTNER) {
        VNKG_TRY(take_entry(ds, k, klen, entry, &known)); /* "tỉnh Chiba" */
        *next = k + klen;
        return VNKG_SUCCESS;
    }
    if (klen) {
        return VNKG_SUCCESS; /* a Vietnamese province */
    }
    while (m < end && m - k < 3 && is_latin_name_word(ds, m)) {
        m++;
        m += hyphen_part(ds, m, end);
    }
    if (m == k) {
        return VNKG_SUCCESS;
    }
    /* the country in parentheses, when given */
    size_t len = 0;
    if (m + 2 < end && is_punct(ds, m, "(")) {
        len = entry_at(ds, m + 1, first, end, VNKG_TYPE_PARTNER, 0, &entry);
        if (len && (m + 1 + len >= end || !is_punct(ds, m + 1 + len, ")"))) {
            len = 0;
        }
    }
    char label[256];
    size_t b = tok(ds, k)->start, x = tok(ds, m - 1)->end;
    if (x - b >= sizeof label) {
        return VNKG_SUCCESS;
    }
    memcpy(label, ds->doc->text + b, x - b);
    label[x - b] = '\0';
    size_t entity, country;
    VNKG_TRY(resolve_named(ds, VNKG_TYPE_PARTNER, label, &entity));
    VNKG_TRY(add_found(ds, k, m, entity));
    *next = m;
    if (len) {
        VNKG_TRY(take_entry(ds, m + 1, len, entry, &country));
        *next = m + 2 + len;
    }
    return VNKG_SUCCESS;
}

/* The lexicon's free trade agreement with exactly this one partner (its
 * id says FTA, its related list is the partner), or NONE. */
static size_t
lexicon_fta_with(const VnkgLexicon *lex, const char *partner)
{
    size_t hit = NONE;
    for (size_t e = 0; e < lex->n_entries; ++e) {
        const LexEntry *x = &lex->entries[e];
        if (x->type == VNKG_TYPE_AGREEMENT && x->n_related == 1 &&
            strcmp(x->related[0], partner) == 0 && strstr(x->id, "fta")) {
            if (hit != NONE) {
                return NONE; /* two candidates: keep the pattern's name */
            }
            hit = e;
        }
    }
    return hit;
}

/* The short, canonical head of an agreement name: the many ways to write
 * "free trade agreement" become "FTA", memoranda "MOU". */
static const char *
agreement_kind(const DocState *ds, size_t i, size_t len)
{
    for (size_t k = i; k < i + len; ++k) {
        const char *key = tok(ds, k)->key;
        if (strcmp(key, "fta") == 0 || strcmp(key, "tư5") == 0) {
            return "FTA";
        }
        if (strcmp(key, "mou") == 0 || strcmp(key, "nhơ1") == 0) {
            return "MOU";
        }
        if (strcmp(key, "pta") == 0 || strcmp(key, "cepa") == 0 ||
            strcmp(key, "epa") == 0) {
            return tok(ds, k)->flags & VNKG_TOK_UPPER
                       ? (strcmp(key, "pta") == 0   ? "PTA"
                          : strcmp(key, "epa") == 0 ? "EPA"
                                                    : "CEPA")
                       : NULL;
        }
    }
    return NULL;
}

/* The counterpart after an agreement head: "Việt Nam – X", "X – Việt
 * Nam", or "(hợp tác) với X" where X is a partner or a foreign locality. */
static size_t
agreement_partner(DocState *ds, size_t k, size_t first, size_t end,
                  size_t *entry, int *locality)
{
    *locality = 0;
    if (k + 3 < end && is_key(ds, k, "viêt5") && is_key(ds, k + 1, "nam") &&
        is_punct(ds, k + 2, "-")) {
        size_t len =
            entry_at(ds, k + 3, first, end, VNKG_TYPE_PARTNER, 0, entry);
        return len ? k + 3 : NONE;
    }
    size_t len = entry_at(ds, k, first, end, VNKG_TYPE_PARTNER, 0, entry);
    if (len && k + len + 2 < end && is_punct(ds, k + len, "-") &&
        is_key(ds, k + len + 1, "viêt5")) {
        return k;
    }
    /* "Biên bản ghi nhớ về thiết lập quan hệ hợp tác hữu nghị giữa ...":
     * a phrase of lower-case words before the parties */
    for (size_t m = k; m < end && m < k + 16; ++m) {
        if (is_key(ds, m, "giưa4") && m + 1 < end) {
            return m + 1; /* "giữa A và B": the caller reads both parties */
        }
        if (is_key(ds, m, "vơi1") && m + 1 < end) {
            if (entry_at(ds, m + 1, first, end, VNKG_TYPE_PARTNER, 0, entry)) {
                return m + 1;
            }
            *locality = 1;
            return m + 1;
        }
        if (!(tok(ds, m)->flags & VNKG_TOK_WORD) ||
            (tok(ds, m)->flags & VNKG_TOK_CAP)) {
            break;
        }
    }
    return NONE;
}

/* Past the government of a party at k: "UBND", "Ủy ban nhân dân",
 * "chính quyền" ("giữa UBND tỉnh Quảng Ninh và chính quyền tỉnh
 * Gyeonggi": the parties are the two provinces). */
static size_t
skip_government(const DocState *ds, size_t k, size_t end)
{
    if (k < end && is_key(ds, k, "ubnd")) {
        return k + 1;
    }
    if (k + 1 < end && is_key(ds, k, "chinh1") && is_key(ds, k + 1, "quyên2")) {
        return k + 2;
    }
    if (k + 3 < end && is_key(ds, k, "uy3") && is_key(ds, k + 1, "ban") &&
        is_key(ds, k + 2, "nhân") && is_key(ds, k + 3, "dân")) {
        return k + 4;
    }
    return k;
}

/* The Vietnamese party of "giữa A và B" at k: "(tỉnh|thành phố) X" or
 * "Chính phủ Việt Nam"/"Việt Nam"; its label and the index of "và". */
static size_t
first_party(DocState *ds, size_t k, size_t first, size_t end,
            const char **label)
{
    k = skip_government(ds, k, end);
    size_t entry, p = k + lex_cue_at(ds->lex, &ds->cache, ds->seg.tokens, end,
                                     k, CUE_PROVINCE_PREFIX);
    size_t len = entry_at(ds, p, first, end, VNKG_TYPE_PROVINCE, 0, &entry);
    if (len) {
        size_t unit = lex_entry_by_id(
            ds->lex,
            ds->lex->entries[entry].successor &&
                    ds->lex->entries[entry].valid_until && ds->date[0] &&
                    strcmp(ds->date, ds->lex->entries[entry].valid_until) > 0
                ? ds->lex->entries[entry].successor
                : ds->lex->entries[entry].id);
        *label = ds->lex->entries[unit == NONE ? entry : unit].label;
        p += len;
    } else if (p + 2 < end && is_key(ds, p, "chinh1") &&
               is_key(ds, p + 1, "phu3") && is_key(ds, p + 2, "viêt5")) {
        *label = "Chính phủ Việt Nam";
        p += 4;
    } else if (p + 1 < end && is_key(ds, p, "viêt5") &&
               is_key(ds, p + 1, "nam")) {
        *label = "Việt Nam";
        p += 2;
    } else {
        return NONE;
    }
    return p < end && is_key(ds, p, "va2") ? p : NONE;
}

static VnkgStatus
add_pact(DocState *ds, size_t agreement, size_t partner)
{
    if (ds->n_pacts < sizeof ds->pact / sizeof ds->pact[0]) {
        ds->pact[ds->n_pacts][0] = agreement;
        ds->pact[ds->n_pacts][1] = partner;
        ds->n_pacts++;
    }
    return VNKG_SUCCESS;
}

/* A named agreement: "Hiệp định Thương mại tự do Việt Nam – EFTA", "PTA
 * Việt Nam – Mercosur", "Bản ghi nhớ với tỉnh Gyeonggi (Hàn Quốc)".
 * "các FTA", "16 FTA" are generic and make no entity. */
static VnkgStatus
scan_agreement(DocState *ds, size_t i, size_t first, size_t end, size_t *next)
{
    *next = i;
    size_t hl = lex_cue_at(ds->lex, &ds->cache, ds->seg.tokens, end, i,
                           CUE_AGREEMENT_HEAD);
    size_t entry;
    if (!hl || plural_before(ds, i, first) ||
        entry_at(ds, i, first, end, VNKG_TYPE_AGREEMENT, 0, &entry)) {
        return VNKG_SUCCESS;
    }
    int locality;
    size_t p = agreement_partner(ds, i + hl, first, end, &entry, &locality);
    if (p == NONE) {
        return VNKG_SUCCESS;
    }
    const char *party = "Việt Nam";
    if (is_key(ds, p - 1, "giưa4")) {
        size_t va = first_party(ds, p, first, end, &party);
        if (va == NONE) {
            return VNKG_SUCCESS;
        }
        p = skip_government(ds, va + 1, end);
        locality = !entry_at(ds, p, first, end, VNKG_TYPE_PARTNER, 0, &entry);
    }
    size_t partner = NONE, stop;
    if (locality) {
        size_t before = ds->n_found;
        VNKG_TRY(scan_locality(ds, p, first, end, &stop));
        if (stop == p || ds->n_found == before) {
            return VNKG_SUCCESS;
        }
        partner = ds->found[before].entity;
    } else {
        size_t len = entry_at(ds, p, first, end, VNKG_TYPE_PARTNER, 0, &entry);
        VNKG_TRY(take_entry(ds, p, len, entry, &partner));
        stop = p + len;
    }
    const char *kind = agreement_kind(ds, i, hl);
    const VnkgEntity *pe = vnkg_facts_entity_at(ds->facts, partner);
    char label[512];
    size_t hs = tok(ds, i)->start, he = tok(ds, i + hl - 1)->end;
    if (kind) {
        snprintf(label, sizeof label, "%s %s – %s", kind, party, pe->label);
    } else {
        snprintf(label, sizeof label, "%.*s %s – %s", (int)(he - hs),
                 ds->doc->text + hs, party, pe->label);
    }
    if (label[0] >= 'a' && label[0] <= 'z') {
        label[0] = (char)(label[0] - 32);
    }
    size_t agreement, known = kind && strcmp(kind, "FTA") == 0
                                  ? lexicon_fta_with(ds->lex, pe->id)
                                  : NONE;
    if (known != NONE) { /* "FTA với Hàn Quốc" is VKFTA */
        VNKG_TRY(resolve_entry(ds, known, &agreement));
    } else {
        VNKG_TRY(resolve_named(ds, VNKG_TYPE_AGREEMENT, label, &agreement));
    }
    VNKG_TRY(add_found(ds, i, stop, agreement)); /* the whole name */
    VNKG_TRY(add_pact(ds, agreement, partner));
    *next = stop;
    return VNKG_SUCCESS;
}

/* Partners named inside an agreement's name ("Hiệp định Thương mại tự do
 * Việt Nam – EFTA") are mentioned too. */
static VnkgStatus
partners_inside(DocState *ds, size_t from, size_t to, size_t first)
{
    for (size_t k = from; k < to;) {
        size_t entry,
            len = entry_at(ds, k, first, to, VNKG_TYPE_PARTNER, 0, &entry);
        if (len) {
            size_t entity;
            VNKG_TRY(take_entry(ds, k, len, entry, &entity));
            k += len;
        } else {
            k++;
        }
    }
    return VNKG_SUCCESS;
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
    if (len && ds->lex->entries[entry].type == VNKG_TYPE_MINISTRY &&
        foreign_portfolio(ds, i, first, end) > i) {
        /* "Bộ Ngoại giao Trung Quốc" is not Việt Nam's: the country's
         * name that follows is read next */
        *next = i + len;
        return VNKG_SUCCESS;
    }
    if (len) {
        size_t entity;
        VNKG_TRY(take_entry(ds, i, len, entry, &entity));
        *next = i + len;
        if (ds->lex->entries[entry].type == VNKG_TYPE_AGREEMENT) {
            VNKG_TRY(partners_inside(ds, i + 1, i + len, first));
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
