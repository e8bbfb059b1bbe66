/* SPDX-License-Identifier: MIT */
/* Titles, the organisations they attach to, and the persons named with
 * them or after a prefix ("ông", "đồng chí"). */
#include "scan_internal.h"
#include "syllable.h"

#include <vnkg/normalise.h>

#include <stdio.h>
#include <string.h>

#define MAX_OFFICES 8
#define MAX_NAME_TOKENS 4

/* ---- titles and the organisation they attach to ---- */

static size_t
skip_vietnam(const DocState *ds, size_t k, size_t end)
{
    k += is_vietnam(ds, k, end) ? 2 : 0;
    return k < end && is_at(ds, k) ? k + 1 : k;
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

/* Past the portfolio at token k: portfolio_word cues joined by ",", "-",
 * "&" or "và" ("Kinh tế, Thương mại và Công nghiệp"); k when none. */
static size_t
portfolio_end(const DocState *ds, size_t k, size_t end)
{
    size_t p = k, n;
    while ((n = lex_cue_at(ds->lex, &ds->cache, ds->seg.tokens, end, p,
                           CUE_PORTFOLIO))) {
        p += n;
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
    return p;
}

/* Past a minister's portfolio at token k that a country's name follows
 * ("Thương mại Hoa Kỳ", "Kinh tế, Thương mại và Công nghiệp Nhật Bản",
 * "Bộ Ngoại giao Trung Quốc"); k when there is none. The portfolio is
 * portfolio_word cues, or the name of one ministry or state organ: a
 * Vietnamese ministry's or organ's name before a country is that
 * country's ("Chính phủ Nhật Bản", "Quốc hội Lào"). */
size_t
foreign_portfolio(const DocState *ds, size_t k, size_t first, size_t end)
{
    size_t entry, p = portfolio_end(ds, k, end);
    if (p == k) {
        p += entry_at(ds, k, first, end, VNKG_TYPE_MINISTRY, 1, &entry);
    }
    if (p == k) { /* "Chính phủ Nhật Bản", "Quốc hội Lào" */
        p += entry_at(ds, k, first, end, VNKG_TYPE_ORGANIZATION, 0, &entry);
    }
    return p > k && partner_at(ds, p, first, end, &entry) ? p : k;
}

/* Past a diplomat's portfolio and mission at token k ("Tham tán Kinh tế
 * Đại sứ quán Thụy Sĩ": the country follows); k when there is no
 * mission. The missions are partner cues (Đại sứ quán, Tổng Lãnh sự
 * quán, Thương vụ...), words only. */
static size_t
past_mission(const DocState *ds, size_t k, size_t end)
{
    size_t p = portfolio_end(ds, k, end);
    size_t n = p < end && (tok(ds, p)->flags & VNKG_TOK_WORD)
                   ? lex_cue_at(ds->lex, &ds->cache, ds->seg.tokens, end, p,
                                CUE_PARTNER)
                   : 0;
    return n ? p + n : k;
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
        /* "Bộ trưởng Thương mại Hoa Kỳ": the country's minister; also
         * "Bộ trưởng Bộ Kinh tế, Thương mại và Công nghiệp Nhật Bản" */
        size_t p = foreign_portfolio(ds, k, first, end);
        if (p == k && k + 1 < end && is_key(ds, k, "bô5")) {
            p = foreign_portfolio(ds, k + 1, first, end);
            p = p == k + 1 ? k : p;
        }
        if (p > k) {
            len = partner_at(ds, p, first, end, &entry);
            VNKG_TRY(take_entry(ds, p, len, entry, &o->org));
            *j = p + len;
            *done = 1;
            return VNKG_SUCCESS;
        }
    } else if (strcmp(kind, "province") == 0) {
        type = VNKG_TYPE_PROVINCE;
        /* "Chủ tịch UBND TP.HCM", "... TP. Hải Phòng": a title that ends
         * with "TP" took the first word of the place */
        size_t from = k > first && is_key(ds, k - 1, "tp") ? k - 1 : k;
        if (province_at(ds, from, first, end, &k, &entry) == 0 && from < *j) {
            province_at(ds, *j, first, end, &k, &entry);
        }
    } else if (strcmp(kind, "partner") == 0) {
        type = VNKG_TYPE_PARTNER;
        k = skip_vietnam(ds, k, end);
        /* "Phó Tỉnh trưởng Chính phủ nhân dân tỉnh Vân Nam": the
         * government of a Chinese province, before the province */
        if (k + 3 < end && is_key(ds, k, "chinh1") &&
            is_key(ds, k + 1, "phu3") && is_key(ds, k + 2, "nhân") &&
            is_key(ds, k + 3, "dân")) {
            k += 4;
        }
        size_t m = past_mission(ds, k, end);
        if (m > k && partner_at(ds, m, first, end, &entry)) {
            k = m;
        }
        /* "Tập đoàn NVIDIA", "tỉnh Gyeonggi": a head word before the name,
         * unless it starts the name ("Ngân hàng Thế giới") */
        if (!entry_at(ds, k, first, end, type, 0, &entry)) {
            size_t head = lex_cue_at(ds->lex, &ds->cache, ds->seg.tokens, end,
                                     k, CUE_COMPANY_HEAD);
            k += head;
            k += lex_cue_at(ds->lex, &ds->cache, ds->seg.tokens, end, k,
                            CUE_PROVINCE_PREFIX);
            /* "Công ty TNHH Takeuchi Việt Nam": a foreign firm the
             * gazetteer lacks, by its Latin name after the head */
            size_t latin =
                head && !entry_at(ds, k, first, end, VNKG_TYPE_COUNT, 0, &entry)
                    ? company_words(ds, k, end)
                    : k;
            if (latin > k) {
                VNKG_TRY(take_latin_name(ds, k, latin));
                o->org = ds->found[ds->n_found - 1].entity;
                *j = latin;
                *done = 1;
                return VNKG_SUCCESS;
            }
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
    } else if (type == VNKG_TYPE_PARTNER && k > first && k < end &&
               (is_key(ds, k - 1, "bang") || is_key(ds, k - 1, "tinh3"))) {
        /* "Thống đốc bang Victoria (Australia)": a title ending with the
         * unit word, then a locality the gazetteer does not know */
        size_t before = ds->n_found, stop;
        VNKG_TRY(scan_locality(ds, k - 1, first, end, &stop));
        if (stop > k && ds->n_found > before) {
            o->org = ds->found[before].entity;
            *j = stop;
            *done = 1;
        }
    }
    return VNKG_SUCCESS;
}

static int starts_lexical(const DocState *ds, size_t i, size_t end);
static size_t name_at(const DocState *ds, size_t i, size_t end, int latin);
static int attaches_to(const LexTitle *t, VnkgEntityType type);

/* True when a Vietnamese person's full name starts at token w (not a
 * gazetteer name that starts with a family name: "Hồ Chí Minh"). */
static int
person_starts(const DocState *ds, size_t w, size_t end)
{
    return lex_is_surname(ds->lex, tok(ds, w)) && !starts_lexical(ds, w, end) &&
           name_at(ds, w, end, 0) >= 2;
}

/* The end of the name of a body the gazetteer lacks, from its org_head
 * at k (a name starts with a capital: "Trung tâm Xúc tiến", not
 * "Trung tâm cho biết"): up to a person's name or a bracket, or to a comma or
 * other stop right after a capitalised word ("Trung tâm Xúc tiến Đầu tư, Thương
 * mại và Du lịch tỉnh Nghệ An, cho biết"); a comma or dash inside joins
 * the words after it. k when no such name is there. */
static size_t
unknown_org_end(const DocState *ds, size_t k, size_t first, size_t end)
{
    size_t hl =
        lex_cue_at(ds->lex, &ds->cache, ds->seg.tokens, end, k, CUE_ORG_HEAD);
    if (!hl || !is_cap_word(ds, k) || k + hl >= end ||
        !is_cap_word(ds, k + hl)) { /* "Trung tâm cho biết": no name */
        return k;
    }
    size_t w = k + hl, entry;
    for (; w < end && w < k + hl + 14; ++w) {
        if (person_starts(ds, w, end) || is_punct(ds, w, "(")) {
            return w;
        }
        size_t len = entry_at(ds, w, first, end, VNKG_TYPE_COUNT, 0, &entry);
        if (len && ds->lex->entries[entry].type == VNKG_TYPE_PARTNER) {
            return k; /* a foreign body's: the partner is read instead */
        }
        if (len > 1) { /* "tỉnh Bắc Ninh": "Ninh" starts no person */
            w += len - 1;
            continue;
        }
        int joins = is_punct(ds, w, "-") ||
                    (is_punct(ds, w, ",") && w + 1 < end &&
                     is_cap_word(ds, w + 1) && !person_starts(ds, w + 1, end));
        if (!joins && !(tok(ds, w)->flags & VNKG_TOK_WORD)) {
            break;
        }
    }
    if (w == k + hl + 14 && w < end) {
        return k; /* no end in sight: not read */
    }
    return is_cap_word(ds, w - 1) ? w : k;
}

/* "Viện trưởng Viện Nghiên cứu quản lý kinh tế Trung ương Trần Thị Hồng
 * Minh": a title that may be held in an organisation, followed by a body
 * the gazetteer lacks, holds it in that body, named as written; the
 * provinces in its name are mentioned. */
static VnkgStatus
attach_unknown_org(DocState *ds, size_t *j, size_t first, size_t end, Office *o)
{
    size_t k = *j, e = k < end ? unknown_org_end(ds, k, first, end) : k;
    size_t b = tok(ds, k)->start, x = e > k ? tok(ds, e - 1)->end : b;
    char label[256];
    if (e == k || x - b >= sizeof label) {
        return VNKG_SUCCESS;
    }
    memcpy(label, ds->doc->text + b, x - b);
    label[x - b] = '\0';
    for (size_t m = k + 1; m < e;) {
        size_t entry, place,
            len = entry_at(ds, m, first, e, VNKG_TYPE_PROVINCE, 0, &entry);
        if (len) {
            VNKG_TRY(take_entry(ds, m, len, entry, &place));
        }
        m += len ? len : 1;
    }
    VNKG_TRY(resolve_named(ds, VNKG_TYPE_ORGANIZATION, label, &o->org));
    VNKG_TRY(add_found(ds, k, e, o->org));
    *j = e;
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
    if (!done && attaches_to(t, VNKG_TYPE_ORGANIZATION)) {
        VNKG_TRY(attach_unknown_org(ds, j, first, end, o));
        done = o->org != NONE;
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

/* "Thủ tướng Chính phủ", "Chủ tịch Quốc hội": a title that ends with
 * the name of the organ it implies (tokens [from, to)) mentions it. */
static VnkgStatus
organ_in_title(DocState *ds, size_t from, size_t to, size_t first,
               const Office *o)
{
    for (size_t k = from + 1; k < to; ++k) {
        size_t entry,
            len = entry_at(ds, k, first, to, VNKG_TYPE_COUNT, 0, &entry);
        if (len && k + len == to) {
            size_t entity;
            VNKG_TRY(resolve_entry(ds, entry, &entity));
            return entity == o->org ? add_found(ds, k, to, entity)
                                    : VNKG_SUCCESS;
        }
    }
    return VNKG_SUCCESS;
}

/* Past the place of an office after its title and organisation, to the
 * name: "Đại sứ Hoa Kỳ tại Việt Nam Marc Knapper"; a foreign mission's
 * province, still a mention of it ("Tổng Lãnh sự Hoa Kỳ tại TP.HCM Susan
 * Burns"); a company's Vietnamese arm ("Tổng Giám đốc Samsung Việt Nam
 * Choi Joo-ho"); a Vietnamese mission's foreign city, which is no entity
 * ("Tổng Lãnh sự Việt Nam tại Côn Minh Nguyễn Đức Quang"). */
/* Past a bracket after an office's organisation at *j: its abbreviation
 * ("Ngân hàng Thế giới (WB)") or the country of a firm ("Tập đoàn Posco
 * (Hàn Quốc)"), whose partners other than the organisation are mentioned.
 * *j stays when there is none. */
static VnkgStatus
past_org_bracket(DocState *ds, size_t *j, size_t first, size_t end,
                 const Office *o)
{
    size_t k = *j, close = NONE;
    if (o->org == NONE || o->fixed || k + 2 >= end || !is_punct(ds, k, "(")) {
        return VNKG_SUCCESS;
    }
    for (size_t c = k + 2; c < end && c <= k + 5 && close == NONE; ++c) {
        close = is_punct(ds, c, ")") ? c : NONE;
    }
    if (close == NONE) {
        return VNKG_SUCCESS;
    }
    for (size_t m = k + 1; m < close;) {
        size_t entry, entity,
            len = entry_at(ds, m, first, close, VNKG_TYPE_COUNT, 0, &entry);
        if (!len) {
            m++;
            continue;
        }
        VNKG_TRY(resolve_entry(ds, entry, &entity));
        if (entity != o->org) {
            VNKG_TRY(add_found(ds, m, m + len, entity));
        }
        m += len;
    }
    *j = close + 1;
    return VNKG_SUCCESS;
}

static VnkgStatus
past_posting(DocState *ds, size_t *j, size_t first, size_t end, const Office *o)
{
    VNKG_TRY(past_org_bracket(ds, j, first, end, o));
    size_t k = *j, entry;
    int foreign =
        o->org != NONE &&
        vnkg_facts_entity_at(ds->facts, o->org)->type == VNKG_TYPE_PARTNER;
    int vietnam = is_vietnam(ds, k, end);
    if (k < end && is_at(ds, k) && is_vietnam(ds, k + 1, end)) {
        *j = k + 3;
        return VNKG_SUCCESS;
    }
    if (foreign && vietnam) {
        /* "Samsung Electronics Việt Nam Thái Nguyên": the arm's province */
        size_t at, plen = province_at(ds, k + 2, first, end, &at, &entry);
        if (plen && at == k + 2) {
            size_t place;
            VNKG_TRY(take_entry(ds, at, plen, entry, &place));
            *j = at + plen;
        } else {
            *j = k + 2;
        }
        return VNKG_SUCCESS;
    }
    if (foreign && k + 1 < end && is_at(ds, k)) {
        size_t at, plen = province_at(ds, k + 1, first, end, &at, &entry);
        if (plen) {
            size_t place;
            VNKG_TRY(take_entry(ds, at, plen, entry, &place));
            *j = at + plen;
        }
        return VNKG_SUCCESS;
    }
    if (o->org != NONE && !foreign) {
        return VNKG_SUCCESS;
    }
    k += vietnam ? 2 : 0;
    if (!(k + 2 < end && is_at(ds, k))) {
        return VNKG_SUCCESS;
    }
    for (size_t n = 1; n <= 3 && k + 1 + n < end; ++n) {
        size_t w = k + n; /* the city: tokens k + 1 .. w */
        if (!is_cap_word(ds, w) || starts_lexical(ds, w, end)) {
            break;
        }
        if (lex_is_surname(ds->lex, tok(ds, w + 1)) &&
            name_at(ds, w + 1, end, 0)) {
            *j = w + 1;
            break;
        }
    }
    return VNKG_SUCCESS;
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
        if (o.fixed) {
            VNKG_TRY(organ_in_title(ds, j - len, j, first, &o));
        }
        VNKG_TRY(past_posting(ds, &j, first, end, &o));
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
size_t
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
int
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

/* True when token k makes the title after it a past one: "nguyên Thủ
 * tướng", "cựu Bộ trưởng" (the person is an official; the office is no
 * longer held, so no holds_office). */
static int
is_former(const DocState *ds, size_t k)
{
    return is_key(ds, k, "nguyên") || is_key(ds, k, "cưu5");
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
    size_t t, from = k + 1;
    int former = from + 1 < end && is_former(ds, from);
    from += (size_t)former;
    if (!title_at(ds, from, end, &t)) {
        return VNKG_SUCCESS;
    }
    Office offs[MAX_OFFICES];
    size_t n, stop;
    size_t found_before = ds->n_found;
    VNKG_TRY(parse_chain(ds, from, first, end, offs, &n, &stop));
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
    VNKG_TRY(add_offices(ds, person, offs, former ? 0 : n));
    *next = stop;
    return VNKG_SUCCESS;
}

static VnkgStatus
take_person(DocState *ds, size_t i, size_t len, size_t *entity)
{
    VNKG_TRY(resolve_person(ds, i, i + len, entity));
    return add_found(ds, i, i + len, *entity);
}

int
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
VnkgStatus
scan_title(DocState *ds, size_t i, size_t first, size_t end, size_t *next)
{
    Office offs[MAX_OFFICES];
    size_t n, k;
    *next = i;
    VNKG_TRY(parse_chain(ds, i, first, end, offs, &n, &k));
    if (n == 0) {
        return VNKG_SUCCESS;
    }
    int former = i > first && is_former(ds, i - 1);
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
    } else if ((tok(ds, i)->flags & VNKG_TOK_CAP) && !former &&
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
        VNKG_TRY(add_offices(ds, person, offs, former ? 0 : n));
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
VnkgStatus
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
    size_t after = k + len + 1;
    after += after + 1 < end && is_former(ds, after);
    int titled =
        before_apposition(ds, k + len, end) && title_at(ds, after, end, &t);
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
