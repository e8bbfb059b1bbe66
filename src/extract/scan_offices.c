/* SPDX-License-Identifier: MIT */
/* Titles and the organisations they attach to: a chain of offices
 * ("Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Nghệ An"), each with the
 * ministry, province, partner or organisation it is held in, the place of
 * a posting and the brackets news put after an organisation. The persons
 * named with them are read in scan_people.c. */
#include "scan_internal.h"

#include <vnkg/normalise.h>

#include <stdio.h>
#include <string.h>

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

/* Past the portfolio at token k: portfolio_word cues, side by side or
 * joined by ",", "-", "&" or "và" ("Kinh tế, Thương mại và Công nghiệp",
 * "Thương mại và Tăng trưởng xuất khẩu"); k when none. */
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
        if (!lex_cue_at(ds->lex, &ds->cache, ds->seg.tokens, end, q,
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

/* Past a foreign ministry's name at token k, with or without "Bộ" before
 * its portfolio ("Bộ Kinh tế, Thương mại và Công nghiệp Nhật Bản",
 * "Thương mại Hoa Kỳ"), to its country; k when there is none. */
size_t
foreign_ministry_end(const DocState *ds, size_t k, size_t first, size_t end)
{
    size_t p = foreign_portfolio(ds, k, first, end);
    if (p == k && k + 1 < end && is_key(ds, k, "bô5")) {
        p = foreign_portfolio(ds, k + 1, first, end);
        p = p == k + 1 ? k : p;
    }
    return p;
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

/* True when a Vietnamese person's full name starts at token w (not a
 * gazetteer name that starts with a family name: "Hồ Chí Minh"). */
static int
person_starts(const DocState *ds, size_t w, size_t end)
{
    return lex_is_surname(ds->lex, tok(ds, w)) && !starts_lexical(ds, w, end) &&
           name_at(ds, w, end, 0) >= 2;
}

/* Past the name of a district, commune or provincial city at k, up to
 * the person's name after it ("huyện Quan Hóa Phạm Văn Hòa", "phường 3"):
 * of the splits of the run of capitalised words (or numbers) into a
 * place and a name that runs to its end, one with a place of two words
 * (most are: "Quan Sơn Trần Văn Bắc", though "Sơn" is a family name), else
 * the first. */
static size_t
past_place(const DocState *ds, size_t k, size_t end)
{
    size_t r = k;
    while (r < end && r < k + 8 &&
           (is_cap_word(ds, r) || (tok(ds, r)->flags & VNKG_TOK_NUMBER))) {
        r++;
    }
    size_t split = NONE;
    for (size_t w = k + 1; w < r; ++w) {
        if (person_starts(ds, w, end) && w + name_at(ds, w, end, 0) == r &&
            (split == NONE || w == k + 2)) {
            split = w;
        }
    }
    return split != NONE ? split : r;
}

/* Where a provincial city's name starts at k, "thành phố" or "TP" maybe
 * first or ending the title before: a province's name that is no
 * centrally-run city ("thành phố Thanh Hóa"); NONE otherwise. */
static size_t
provincial_city_at(const DocState *ds, size_t k, size_t first, size_t end)
{
    const VnkgToken *toks = ds->seg.tokens;
    size_t p =
        k + lex_cue_at(ds->lex, &ds->cache, toks, end, k, CUE_CITY_PREFIX);
    if (p >= end || (p == k && !lex_cue_before(ds->lex, &ds->cache, toks, k,
                                               first, CUE_CITY_PREFIX))) {
        return NONE;
    }
    LexMatch m[8];
    size_t n = lex_match(ds->lex, &ds->cache, toks, end, p, m, 8);
    for (size_t x = 0; x < n; ++x) {
        for (size_t q = m[x].payload; q != NONE;
             q = ds->lex->payloads[q].next) {
            const LexPayload *pl = &ds->lex->payloads[q];
            const LexEntry *e = &ds->lex->entries[pl->index];
            if (pl->kind == PL_ENTRY && e->type == VNKG_TYPE_PROVINCE &&
                !e->central) {
                return p;
            }
        }
    }
    return NONE;
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
        size_t p = foreign_ministry_end(ds, k, first, end);
        if (p > k) {
            len = partner_at(ds, p, first, end, &entry);
            VNKG_TRY(take_entry(ds, p, len, entry, &o->org));
            *j = p + len;
            *done = 1;
            return VNKG_SUCCESS;
        }
    } else if (strcmp(kind, "place") == 0) {
        *j = past_place(ds, k, end); /* "Bí thư Huyện ủy Quan Hóa" */
        *done = 1;
        return VNKG_SUCCESS;
    } else if (strcmp(kind, "province") == 0) {
        type = VNKG_TYPE_PROVINCE;
        /* "Chủ tịch UBND huyện Quan Hóa", "Chủ tịch UBND thành phố Thanh
         * Hóa": a district's or a provincial city's office, held at no
         * entity */
        size_t unit = lex_cue_at(ds->lex, &ds->cache, ds->seg.tokens, end, k,
                                 CUE_LOCAL_UNIT),
               city = unit ? NONE : provincial_city_at(ds, k, first, end);
        if (unit || city != NONE) {
            *j = past_place(ds, unit ? k + unit : city, end);
            *done = 1;
            return VNKG_SUCCESS;
        }
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
                VNKG_TRY(take_latin_name(ds, k, latin, &o->org));
                *j = latin;
                *done = o->org != NONE;
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
            o->implied = fixed; /* by the title, not named: parse_chain */
            o->fixed = 1;
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

/* The end of the name of a body the gazetteer lacks, from its org_head
 * at k (a name starts with a capital: "Trung tâm Xúc tiến", not
 * "Trung tâm cho biết"): up to a person's name or a bracket, or to a
 * comma or other stop right after a capitalised word ("Trung tâm Xúc
 * tiến Đầu tư, Thương mại và Du lịch tỉnh Nghệ An, cho biết"); a comma
 * or dash inside joins the words after it. k when no such name is
 * there. *foreign: a country comes in the name before any "Việt Nam"
 * other than "tại Việt Nam" ("Hiệp hội Doanh nghiệp Đức tại Việt Nam"),
 * not in "Hội Hữu nghị Việt Nam - Nhật Bản". */
size_t
unknown_org_end(const DocState *ds, size_t k, size_t first, size_t end,
                int *foreign)
{
    *foreign = 0;
    size_t hl =
        lex_cue_at(ds->lex, &ds->cache, ds->seg.tokens, end, k, CUE_ORG_HEAD);
    /* "Liên đoàn các Phòng Thương mại ...": "các" may come first */
    size_t cap = k + hl + (k + hl < end && is_key(ds, k + hl, "cac1"));
    if (!hl || !is_cap_word(ds, k) || cap >= end ||
        !is_cap_word(ds, cap)) { /* "Trung tâm cho biết": no name */
        return k;
    }
    size_t w = k + hl, entry;
    int vietnam = 0;
    for (; w < end && w < k + hl + 14; ++w) {
        if (person_starts(ds, w, end) || is_punct(ds, w, "(")) {
            return w;
        }
        if (is_vietnam(ds, w, end)) {
            vietnam |= !is_at(ds, w - 1);
            w += 1;
            continue;
        }
        size_t len = entry_at(ds, w, first, end, VNKG_TYPE_COUNT, 0, &entry);
        int partner = len && ds->lex->entries[entry].type == VNKG_TYPE_PARTNER;
        if (partner && len == 1 && (tok(ds, w)->flags & VNKG_TOK_UPPER)) {
            /* an acronym: "Văn phòng JICA tại Việt Nam" is JICA's office,
             * read as JICA; "Trung tâm WTO và Hội nhập" a Vietnamese body
             * whose name goes on */
            if (!(w + 2 < end && is_key(ds, w + 1, "va2") &&
                  is_cap_word(ds, w + 2))) {
                return k;
            }
        } else if (partner) {
            *foreign |= !vietnam; /* a country */
        }
        if (partner && w + len < end && name_at(ds, w + len, end, 1) >= 2) {
            return w + len; /* "Hội đồng Doanh nghiệp Canada Peter Brown" */
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

VnkgStatus
take_foreign_body(DocState *ds, size_t k, size_t e, size_t acronym,
                  size_t first, size_t *entity, size_t *next)
{
    size_t known;
    char label[256];
    *entity = NONE;
    *next = e;
    if (acronym != NONE && entry_at(ds, acronym, first, acronym + 1,
                                    VNKG_TYPE_PARTNER, 0, &known)) {
        VNKG_TRY(resolve_entry(ds, known, entity));
    } else if (acronym != NONE
                   ? copy_span(ds, acronym, acronym + 1, label, sizeof label)
                   : copy_span(ds, k, e, label, sizeof label)) {
        VNKG_TRY(resolve_named(ds, VNKG_TYPE_PARTNER, label, entity));
    } else {
        return VNKG_SUCCESS;
    }
    VNKG_TRY(add_found(ds, k, e, *entity));
    VNKG_TRY(take_members(ds, k, e, first));
    *next = acronym != NONE ? acronym + 2 : e;
    return VNKG_SUCCESS;
}

/* "Viện trưởng Viện Nghiên cứu quản lý kinh tế Trung ương Trần Thị Hồng
 * Minh": a title that may be held in an organisation, followed by a
 * body the gazetteer lacks, holds it in that body, named as written;
 * the provinces in its name are mentioned. A foreign body ("Chủ tịch
 * Hiệp hội Doanh nghiệp Đức tại Việt Nam (GBA) Marko Walde") is a
 * partner (take_foreign_body). */
static VnkgStatus
attach_unknown_org(DocState *ds, size_t *j, size_t first, size_t end, Office *o)
{
    int foreign;
    size_t k = *j,
           e = k < end ? unknown_org_end(ds, k, first, end, &foreign) : k;
    char label[256];
    if (e == k || (!foreign && !copy_span(ds, k, e, label, sizeof label))) {
        return VNKG_SUCCESS;
    }
    VNKG_TRY(take_inside(ds, k + 1, e, first, VNKG_TYPE_PROVINCE, NONE));
    if (foreign) {
        return take_foreign_body(ds, k, e, bracket_acronym(ds, e, first, end),
                                 first, &o->org, j);
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

/* "Chủ tịch kiêm Tổng Giám đốc Tập đoàn NVIDIA": a title of the chain
 * that names no organisation (or only implies Việt Nam's organ) shares
 * the next one's, if it may; the organs implied are resolved here. */
static VnkgStatus
backfill_orgs(DocState *ds, Office *offs, size_t n)
{
    for (size_t k = n; k-- > 0;) {
        Office *next = &offs[k]; /* settled: its own turn came before */
        if (next->org == NONE && next->implied != NONE) {
            VNKG_TRY(resolve_entry(ds, next->implied, &next->org));
        }
        Office *o = k > 0 ? &offs[k - 1] : NULL;
        if (!o || o->org != NONE || next->org == NONE) {
            continue;
        }
        VnkgEntityType t = vnkg_facts_entity_at(ds->facts, next->org)->type;
        /* an organ the title implies is Việt Nam's unless the chain names
         * a country: "Tổng Bí thư, Chủ tịch nước Trung Quốc" */
        if (o->implied != NONE && t != VNKG_TYPE_PARTNER) {
            continue;
        }
        if (attaches_to(&ds->lex->titles[o->title], t)) {
            o->org = next->org;
            o->fixed = 0;
            o->implied = NONE;
            o->pending_province = o->pending_ministry = 0;
        }
    }
    return VNKG_SUCCESS;
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
            return entry == o->implied ? take_entry(ds, k, len, entry, &entity)
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
 * ("Ngân hàng Thế giới (WB)"), the country of a firm ("Tập đoàn Posco
 * (Hàn Quốc)") or the ministry of a department ("(Bộ Công Thương)"), whose
 * entries other than the organisation are mentioned. *j stays when there
 * is none. */
static VnkgStatus
past_org_bracket(DocState *ds, size_t *j, size_t first, size_t end,
                 const Office *o)
{
    size_t close =
        o->org == NONE || o->fixed ? NONE : bracket_close(ds, *j, end, 4);
    if (close == NONE) {
        return VNKG_SUCCESS;
    }
    VNKG_TRY(take_inside(ds, *j + 1, close, first, VNKG_TYPE_COUNT, o->org));
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
VnkgStatus
parse_chain(DocState *ds, size_t j, size_t first, size_t end, Office *offs,
            size_t *n_offs, size_t *out_end)
{
    *n_offs = 0;
    size_t t, len;
    while (j < end && (len = title_at(ds, j, end, &t))) {
        j += len;
        Office o = {t, NONE, 0, 0, 0, NONE};
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
    VNKG_TRY(backfill_orgs(ds, offs, *n_offs));
    *out_end = j;
    return VNKG_SUCCESS;
}
