/* SPDX-License-Identifier: MIT */
/* Patterns around heads: numbered documents, companies, foreign
 * localities and named agreements. */
#include "scan_internal.h"
#include "syllable.h"

#include <vnkg/normalise.h>

#include <stdio.h>
#include <string.h>

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

VnkgStatus
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
size_t
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

/* A company or foreign locality named by the Latin words [k, m): a
 * partner labelled as written. */
VnkgStatus
take_latin_name(DocState *ds, size_t k, size_t m, size_t *entity)
{
    char label[256];
    *entity = NONE;
    if (!copy_span(ds, k, m, label, sizeof label)) {
        return VNKG_SUCCESS;
    }
    VNKG_TRY(resolve_named(ds, VNKG_TYPE_PARTNER, label, entity));
    return add_found(ds, k, m, *entity);
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
        size_t entry, entity, m,
            len = entry_at(ds, j, first, end, VNKG_TYPE_COUNT, 0, &entry);
        if (len) {
            VNKG_TRY(take_entry(ds, j, len, entry, &entity));
            j += len;
        } else if ((m = company_words(ds, j, end)) > j) {
            VNKG_TRY(take_latin_name(ds, j, m, &entity));
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

/* A foreign firm described in Vietnamese and named by the short name in
 * its bracket: "Công ty Dầu khí Quốc tế Kuwait (KPI)", "Tập đoàn Dầu khí
 * Quốc gia Malaysia (Petronas)". The description from `k` (after the
 * head at i) is at most eight words and names a foreign country; the
 * bracket holds an acronym or one Latin word, which names it
 * (take_foreign_body). */
static VnkgStatus
described_firm(DocState *ds, size_t i, size_t k, size_t first, size_t end,
               size_t *next)
{
    int country = 0;
    size_t m = k;
    while (m < end && m < k + 8 && (tok(ds, m)->flags & VNKG_TOK_WORD)) {
        size_t entry,
            len = entry_at(ds, m, first, end, VNKG_TYPE_PARTNER, 0, &entry);
        country |= len > 0;
        m += len ? len : 1;
    }
    if (!country || m == k || m + 2 >= end || !is_punct(ds, m, "(") ||
        !is_punct(ds, m + 2, ")") ||
        !((tok(ds, m + 1)->flags & VNKG_TOK_UPPER) ||
          is_latin_name_word(ds, m + 1))) {
        return VNKG_SUCCESS;
    }
    size_t entity;
    return take_foreign_body(ds, i, m, m + 1, first, &entity, next);
}

/* A foreign body the gazetteer lacks, named with a country and
 * followed by its acronym in brackets: "Tổ chức Xúc tiến Thương mại Hàn
 * Quốc (KOTRA)", "Cơ quan Phát triển Quốc tế Hoa Kỳ (USAID)" is a partner
 * (take_foreign_body); the country is part of its name. */
static VnkgStatus
scan_foreign_body(DocState *ds, size_t i, size_t first, size_t end,
                  size_t *next)
{
    int foreign;
    size_t e = unknown_org_end(ds, i, first, end, &foreign), entity;
    size_t acronym =
        e > i && foreign ? bracket_acronym(ds, e, first, end) : NONE;
    return acronym == NONE
               ? VNKG_SUCCESS
               : take_foreign_body(ds, i, e, acronym, first, &entity, next);
}

VnkgStatus
scan_company(DocState *ds, size_t i, size_t first, size_t end, size_t *next)
{
    *next = i;
    VNKG_TRY(scan_foreign_body(ds, i, first, end, next));
    size_t hl = lex_cue_at(ds->lex, &ds->cache, ds->seg.tokens, end, i,
                           CUE_COMPANY_HEAD);
    if (*next > i || !hl) {
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
        return described_firm(ds, i, k, first, end, next);
    }
    size_t entity;
    VNKG_TRY(take_latin_name(ds, k, m, &entity));
    *next = m;
    return VNKG_SUCCESS;
}

/* A foreign locality in a twinning or cooperation text: "tỉnh Gyeonggi
 * (Hàn Quốc)", "bang California (Hoa Kỳ)": Latin words after a unit word,
 * then the country in parentheses. */
VnkgStatus
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
    /* "Thống đốc tỉnh Fukushima Uchibori Masao", "bang Rhode Island Dan
     * McKee": a person's name of two words or more that starts inside
     * the run is no part of the place (the latest start: the longest
     * place) */
    for (size_t s = m - 1; s > k; --s) {
        size_t len = (tok(ds, s)->flags & VNKG_TOK_SPACE_BEFORE)
                         ? name_at(ds, s, end, 1)
                         : 0;
        if (len && s + len >= m) {
            m = s;
            break;
        }
    }
    /* the country in parentheses, when given */
    size_t len = 0;
    if (m + 2 < end && is_punct(ds, m, "(")) {
        len = entry_at(ds, m + 1, first, end, VNKG_TYPE_PARTNER, 0, &entry);
        if (len && (m + 1 + len >= end || !is_punct(ds, m + 1 + len, ")"))) {
            len = 0;
        }
    }
    size_t country, place;
    VNKG_TRY(take_latin_name(ds, k, m, &place));
    *next = m;
    if (len) {
        VNKG_TRY(take_entry(ds, m + 1, len, entry, &country));
        *next = m + 2 + len;
    }
    return VNKG_SUCCESS;
}

/* The lexicon's agreement of a kind ("fta", "cepa": its id says so) with
 * exactly this one partner (its related list), or NONE. */
static size_t
lexicon_pact_with(const VnkgLexicon *lex, const char *kind, const char *partner)
{
    size_t hit = NONE;
    for (size_t e = 0; e < lex->n_entries; ++e) {
        const LexEntry *x = &lex->entries[e];
        if (x->type == VNKG_TYPE_AGREEMENT && x->n_related == 1 &&
            strcmp(x->related[0], partner) == 0 && strstr(x->id, kind)) {
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

/* "Việt Nam – X" or "X – Việt Nam" at k, X a partner: where X starts
 * (its entry in *entry), else NONE. */
static size_t
vietnam_pair(const DocState *ds, size_t k, size_t first, size_t end,
             size_t *entry)
{
    if (k + 3 < end && is_vietnam(ds, k, end) && is_punct(ds, k + 2, "-")) {
        size_t len =
            entry_at(ds, k + 3, first, end, VNKG_TYPE_PARTNER, 0, entry);
        return len ? k + 3 : NONE;
    }
    size_t len = entry_at(ds, k, first, end, VNKG_TYPE_PARTNER, 0, entry);
    if (len && k + len + 2 < end && is_punct(ds, k + len, "-") &&
        is_key(ds, k + len + 1, "viêt5")) {
        return k;
    }
    return NONE;
}

/* Words that describe an agreement in lower case: "Hiệp định Đối tác
 * kinh tế toàn diện", "... thương mại tự do", "... bảo hộ đầu tư". */
static int
is_agreement_word(const DocState *ds, size_t k)
{
    static const char *const words[] = {
        "kinh", "tê1",  "toan2",  "diên5",  "tư5",   "do",   "thương",
        "mai5", "đâu2", "tư",     "khu",    "vưc5",  "đôi1", "tac1",
        "hơp5", "song", "phương", "chiên1", "lươc5", "ưu",   "đai4",
        "bao3", "hô5",  "va2",    NULL};
    for (int w = 0; words[w]; ++w) {
        if (is_key(ds, k, words[w])) {
            return 1;
        }
    }
    return 0;
}

/* The counterpart of a named agreement whose description runs between
 * the head and "Việt Nam – X": "Hiệp định Đối tác Kinh tế Toàn diện
 * (CEPA) Việt Nam – UAE". Capitalised words, agreement words and one
 * bracketed acronym (its token in *acronym) may come first. Where X
 * starts, else NONE. */
static size_t
described_pair(const DocState *ds, size_t k, size_t first, size_t end,
               size_t *entry, size_t *acronym)
{
    *acronym = NONE;
    for (size_t m = k; m < end && m < k + 12;) {
        size_t pair = vietnam_pair(ds, m, first, end, entry);
        if (pair != NONE) {
            return m > k ? pair : NONE; /* right after the head: not ours */
        }
        if (m + 2 < end && is_punct(ds, m, "(") && is_punct(ds, m + 2, ")") &&
            (tok(ds, m + 1)->flags & VNKG_TOK_UPPER) && *acronym == NONE) {
            *acronym = m + 1;
            m += 3;
        } else if ((tok(ds, m)->flags & VNKG_TOK_WORD) &&
                   ((tok(ds, m)->flags & VNKG_TOK_CAP) ||
                    is_agreement_word(ds, m))) {
            m++;
        } else {
            break;
        }
    }
    return NONE;
}

/* The counterpart after an agreement head: "Việt Nam – X", "X – Việt
 * Nam", or "(hợp tác) với X" where X is a partner or a foreign locality. */
static size_t
agreement_partner(DocState *ds, size_t k, size_t first, size_t end,
                  size_t *entry, int *locality)
{
    *locality = 0;
    size_t pair = vietnam_pair(ds, k, first, end, entry);
    if (pair != NONE ||
        (k + 3 < end && is_vietnam(ds, k, end) && is_punct(ds, k + 2, "-"))) {
        return pair; /* "Việt Nam – " and no partner after it: none */
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
        if (m + 2 < end && is_punct(ds, m, "(") && is_punct(ds, m + 2, ")")) {
            m += 2; /* "Bản ghi nhớ (MOU) về hợp tác giữa ..." */
            continue;
        }
        if ((tok(ds, m)->flags & VNKG_TOK_NUMBER) || is_punct(ds, m, "-")) {
            continue; /* "hợp tác giai đoạn 2026 - 2030 giữa ..." */
        }
        if (!(tok(ds, m)->flags & VNKG_TOK_WORD) ||
            (tok(ds, m)->flags & VNKG_TOK_CAP)) {
            break;
        }
    }
    return NONE;
}

/* Past "chính quyền" (the government of a party) at k: "giữa UBND tỉnh
 * Quảng Ninh và chính quyền tỉnh Gyeonggi" has the two provinces as its
 * parties ("UBND tỉnh" is a unit word of province_at already). */
static size_t
skip_government(const DocState *ds, size_t k, size_t end)
{
    return k + 1 < end && is_key(ds, k, "chinh1") && is_key(ds, k + 1, "quyên2")
               ? k + 2
               : k;
}

/* Past a province's department or body at k whose name ends with the
 * province ("Sở Công Thương tỉnh Quảng Ninh", "Ban Quản lý Khu kinh tế
 * tỉnh Quảng Ninh", "Trung tâm Xúc tiến Đầu tư tỉnh Nghệ An"): where the
 * province's unit word or name starts, else k. */
static size_t
skip_provincial_body(const DocState *ds, size_t k, size_t first, size_t end)
{
    if (!is_cap_word(ds, k) || !(is_key(ds, k, "sơ3") ||
                                 lex_cue_at(ds->lex, &ds->cache, ds->seg.tokens,
                                            end, k, CUE_ORG_HEAD))) {
        return k;
    }
    for (size_t m = k + 1; m < end && m < k + 14; ++m) {
        size_t at, entry, len = province_at(ds, m, first, end, &at, &entry);
        if (len) {
            return at + len < end && is_key(ds, at + len, "va2") ? m : k;
        }
        if (!(tok(ds, m)->flags & VNKG_TOK_WORD) && !is_punct(ds, m, ",") &&
            !is_punct(ds, m, "-")) {
            return k;
        }
    }
    return k;
}

/* The Vietnamese party of "giữa A và B" at k: "(tỉnh|thành phố) X" (or
 * a body of its, named with it), or "Chính phủ Việt Nam"/"Việt Nam"; its
 * label and the index of "và". */
static size_t
first_party(DocState *ds, size_t k, size_t first, size_t end,
            const char **label)
{
    size_t entry, p;
    k = skip_provincial_body(ds, skip_government(ds, k, end), first, end);
    size_t len = province_at(ds, k, first, end, &p, &entry);
    if (len) {
        *label = ds->lex->entries[resolve_unit(ds, entry)].label;
        p += len;
    } else if (p + 2 < end && is_key(ds, p, "chinh1") &&
               is_key(ds, p + 1, "phu3") && is_key(ds, p + 2, "viêt5")) {
        *label = "Chính phủ Việt Nam";
        p += 4;
    } else if (is_vietnam(ds, p, end)) {
        *label = "Việt Nam";
        p += 2;
    } else {
        return NONE;
    }
    return p < end && is_key(ds, p, "va2") ? p : NONE;
}

/* A firm, an organisation or a ministry as a party of "giữa A và B": a
 * lexicon entry, or a company head and Latin words ("Tập đoàn
 * Marubeni"), maybe with a bracket after it ("(EVN)", "(Nhật Bản)"). A
 * foreign ministry ("Bộ Kinh tế, Thương mại và Công nghiệp Nhật Bản
 * (METI)", "Bộ Thương mại Hoa Kỳ") is its country's: a partner. */
typedef struct {
    size_t from, to;    /* the name's tokens (a foreign ministry's country) */
    size_t entry;       /* its lexicon entry, or NONE: Latin words */
    size_t open, close; /* the bracket after it, or NONE */
    size_t next;        /* the token after the party */
    int partner;        /* a partner (foreign), not a Vietnamese body */
    size_t acronym;     /* a foreign ministry's bracketed acronym, or NONE */
} Party;

/* A foreign ministry at k, as a party: "Bộ" and a portfolio or a
 * ministry's name, then a country. */
static int
foreign_ministry(const DocState *ds, size_t k, size_t first, size_t end,
                 Party *pt)
{
    size_t p = foreign_ministry_end(ds, k, first, end), entry;
    size_t len =
        p > k ? entry_at(ds, p, first, end, VNKG_TYPE_PARTNER, 0, &entry) : 0;
    if (!len) {
        return 0;
    }
    *pt = (Party){p, p + len, entry, NONE, NONE, p + len, 1, NONE};
    return 1;
}

/* A foreign body the gazetteer lacks at k ("Ngân hàng Trung ương
 * Indonesia (BI)"), as a party: a partner named by its bracketed acronym,
 * if any, else as written. */
static int
foreign_body(const DocState *ds, size_t k, size_t first, size_t end, Party *pt)
{
    int foreign;
    size_t e = unknown_org_end(ds, k, first, end, &foreign);
    if (e == k || !foreign) {
        return 0;
    }
    *pt = (Party){k,    e, NONE, NONE,
                  NONE, e, 1,    bracket_acronym(ds, e, first, end)};
    return 1;
}

static int
read_party(const DocState *ds, size_t k, size_t first, size_t end, Party *pt)
{
    if (foreign_ministry(ds, k, first, end, pt)) {
        size_t close = bracket_close(ds, pt->to, end, 5);
        if (close != NONE) { /* "(METI)" names it */
            pt->acronym = bracket_acronym(ds, pt->to, first, end);
            pt->next = close + 1;
        }
        return 1;
    }
    size_t hl = lex_cue_at(ds->lex, &ds->cache, ds->seg.tokens, end, k,
                           CUE_COMPANY_HEAD);
    size_t at = k, entry = NONE,
           len = entry_at(ds, k, first, end, VNKG_TYPE_COUNT, 0, &entry);
    if (!len && hl && k + hl < end) {
        k += hl;
        len = entry_at(ds, k, first, end, VNKG_TYPE_COUNT, 0, &entry);
    }
    *pt = (Party){k, k + len, entry, NONE, NONE, k + len, 0, NONE};
    if (len) {
        VnkgEntityType t = ds->lex->entries[entry].type;
        if (t != VNKG_TYPE_ORGANIZATION && t != VNKG_TYPE_PARTNER &&
            t != VNKG_TYPE_MINISTRY) {
            return 0;
        }
        pt->partner = t == VNKG_TYPE_PARTNER;
        if (!pt->partner && is_vietnam(ds, pt->next, end)) {
            pt->next += 2; /* "Bộ Nông nghiệp và Môi trường Việt Nam" */
        }
    } else if (!foreign_body(ds, at, first, end, pt)) {
        /* "Tập đoàn Marubeni"; "Garuda Indonesia": Latin words that end
         * the party */
        size_t m = company_words(ds, k, end);
        if (m == k || (!hl && m < end && is_cap_word(ds, m))) {
            return 0;
        }
        *pt = (Party){k, m, NONE, NONE, NONE, m, 1, NONE};
    }
    size_t close = bracket_close(ds, pt->to, end, 5);
    if (close != NONE && pt->next == pt->to) {
        pt->open = pt->to;
        pt->close = close;
        pt->next = close + 1;
    }
    return 1;
}

/* Records the party's mentions (and the country in its bracket); its
 * entity goes to *entity, NONE for Latin words too long to be a name. A
 * country in a body's or firm's name is part of it ("Ngân hàng Trung
 * ương Indonesia (BI)", "Garuda Indonesia"), no mention, unless the body
 * unites several (take_members). */
static VnkgStatus
take_party(DocState *ds, const Party *pt, size_t first, size_t *entity)
{
    size_t next;
    if (pt->entry != NONE) {
        VNKG_TRY(
            take_entry(ds, pt->from, pt->to - pt->from, pt->entry, entity));
    } else { /* by its acronym, or as written */
        VNKG_TRY(take_foreign_body(ds, pt->from, pt->to, pt->acronym, first,
                                   entity, &next));
    }
    if (pt->open != NONE && pt->acronym == NONE) { /* "(Nhật Bản)" */
        VNKG_TRY(take_inside(ds, pt->open + 1, pt->close, first,
                             VNKG_TYPE_PARTNER, NONE));
    }
    return VNKG_SUCCESS;
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

/* The label of an agreement from its kind ("MOU", "FTA") or, without
 * one, the text of tokens [ks, ke) (its head or bracketed acronym), and
 * its two parties: "MOU EVN – Marubeni", "Thỏa thuận hợp tác Nghệ An –
 * Bolikhamxay"; capitalised. */
static void
agreement_label(const DocState *ds, const char *kind, size_t ks, size_t ke,
                const char *a, const char *b, char *label, size_t cap)
{
    size_t hs = tok(ds, ks)->start, he = tok(ds, ke - 1)->end;
    if (kind) {
        snprintf(label, cap, "%s %s – %s", kind, a, b);
    } else {
        snprintf(label, cap, "%.*s %s – %s", (int)(he - hs), ds->doc->text + hs,
                 a, b);
    }
    if (label[0] >= 'a' && label[0] <= 'z') {
        label[0] = (char)(label[0] - 32);
    }
}

/* A memorandum between firms or bodies: "Bản ghi nhớ hợp tác giữa Tập
 * đoàn Điện lực Việt Nam (EVN) và Tập đoàn Marubeni (Nhật Bản)" is "MOU
 * EVN – Marubeni", with the foreign party as its partner. `i` starts the
 * head of `hl` tokens, `k` follows "giữa". Nothing is read unless one
 * party is a partner. */
static VnkgStatus
firms_agreement(DocState *ds, size_t i, size_t hl, size_t k, size_t first,
                size_t end, size_t *next)
{
    Party a, b;
    if (!read_party(ds, k, first, end, &a) || a.next + 1 >= end ||
        !is_key(ds, a.next, "va2") ||
        !read_party(ds, a.next + 1, first, end, &b) ||
        !(a.partner || b.partner)) {
        return VNKG_SUCCESS;
    }
    size_t ea, eb, agreement;
    VNKG_TRY(take_party(ds, &a, first, &ea));
    VNKG_TRY(take_party(ds, &b, first, &eb));
    *next = b.next;
    if (ea == NONE || eb == NONE) {
        return VNKG_SUCCESS; /* a party too long to be a name */
    }
    char label[512], acronym[2][32];
    const char *name[2] = {vnkg_facts_entity_at(ds->facts, ea)->label,
                           vnkg_facts_entity_at(ds->facts, eb)->label};
    const Party *party[2] = {&a, &b};
    /* a foreign ministry by its acronym */
    for (int side = 0; side < 2; ++side) {
        size_t at = party[side]->acronym;
        if (at != NONE &&
            copy_span(ds, at, at + 1, acronym[side], sizeof acronym[side])) {
            name[side] = acronym[side];
        }
    }
    agreement_label(ds, agreement_kind(ds, i, hl), i, i + hl, name[0], name[1],
                    label, sizeof label);
    VNKG_TRY(resolve_named(ds, VNKG_TYPE_AGREEMENT, label, &agreement));
    VNKG_TRY(add_found(ds, i, b.next, agreement));
    return add_pact(ds, agreement, b.partner ? eb : ea);
}

/* True when the agreement head at i is a memorandum, a letter of intent
 * or a cooperation agreement ("Bản ghi nhớ", "Biên bản ghi nhớ", "Ý định
 * thư", "Thư ý định", "Thỏa thuận", "MOU"), which provinces sign, unlike
 * treaties. */
static int
is_memorandum(const DocState *ds, size_t i)
{
    return is_key(ds, i, "ban3") || is_key(ds, i, "biên") ||
           is_key(ds, i, "thoa3") || is_key(ds, i, "mou") ||
           is_key(ds, i, "y1") || is_key(ds, i, "thư");
}

/* The label of the one entity of `type` the sentence has named so far
 * ("tỉnh Thanh Hóa ... ký biên bản ghi nhớ với tỉnh Chiba": Thanh Hóa's),
 * or NULL when it named none or several. */
static const char *
sentence_one(const DocState *ds, VnkgEntityType type)
{
    size_t one = NONE;
    for (size_t k = 0; k < ds->n_found; ++k) {
        if (ds->found[k].type != type) {
            continue;
        }
        if (one != NONE && ds->found[k].entity != one) {
            return NULL;
        }
        one = ds->found[k].entity;
    }
    return one == NONE ? NULL : vnkg_facts_entity_at(ds->facts, one)->label;
}

/* The mention of the sentence that ends right before token v, maybe
 * with a bracket after it ("Tập đoàn Marubeni (Nhật Bản)"), when it is
 * a party that signs: a firm, an organisation, a ministry, a province or
 * an official (who signs for his office's body: party_entity); NONE
 * otherwise. */
static size_t
party_before(const DocState *ds, size_t v, size_t end)
{
    for (size_t k = ds->n_found; k-- > 0;) {
        const Found *f = &ds->found[k];
        int ends =
            f->tok_end == v || (v > 0 && is_punct(ds, v - 1, ")") &&
                                bracket_close(ds, f->tok_end, end, 5) == v - 1);
        if (!ends || f->by_title) {
            continue;
        }
        VnkgEntityType t = f->type;
        return t == VNKG_TYPE_PARTNER || t == VNKG_TYPE_ORGANIZATION ||
                       t == VNKG_TYPE_MINISTRY || t == VNKG_TYPE_PROVINCE ||
                       t == VNKG_TYPE_OFFICIAL
                   ? k
                   : NONE;
    }
    return NONE;
}

/* Back from token k over the company head or province prefix that
 * precedes a name ("Tập đoàn", "Công ty", "UBND tỉnh"). */
static size_t
head_before(const DocState *ds, size_t k, size_t first, size_t end)
{
    for (size_t len = 5; len >= 1; --len) {
        if (k >= first + len &&
            (lex_cue_at(ds->lex, &ds->cache, ds->seg.tokens, end, k - len,
                        CUE_COMPANY_HEAD) == len ||
             lex_cue_at(ds->lex, &ds->cache, ds->seg.tokens, end, k - len,
                        CUE_PROVINCE_PREFIX) == len)) {
            return k - len;
        }
    }
    return k;
}

/* Where the party of found mention f starts: before the company head or
 * province prefix, "chính quyền" ("Chính quyền tỉnh Shizuoka") and, for
 * a country, the foreign ministry it ends ("Bộ Thương mại, Công nghiệp
 * và Năng lượng Hàn Quốc"). */
static size_t
party_start(const DocState *ds, size_t f, size_t first, size_t end,
            int *ministry)
{
    size_t at = ds->found[f].tok_start;
    *ministry = 0;
    if (ds->found[f].type == VNKG_TYPE_OFFICIAL) {
        /* "... và Bộ trưởng Thương mại và Tăng trưởng xuất khẩu New
         * Zealand Todd McClay": where the title chain starts */
        for (size_t k = at; k-- > first + 1 && k + 20 > at;) {
            size_t t;
            if (is_key(ds, k - 1, "va2") && title_at(ds, k, end, &t)) {
                return k;
            }
        }
        return at;
    }
    if (ds->found[f].type == VNKG_TYPE_PARTNER) {
        for (size_t k = at; k-- > first && k + 16 > at;) {
            if (is_key(ds, k, "bô5") &&
                foreign_ministry_end(ds, k, first, end) == at) {
                *ministry = 1;
                return k;
            }
        }
    }
    size_t k = head_before(ds, at, first, end);
    if (k >= first + 2 && is_key(ds, k - 2, "chinh1") &&
        is_key(ds, k - 1, "quyên2")) {
        k -= 2;
    }
    return k;
}

/* The entity that signs for the mention `f` of party_before: an
 * official's office body named in this sentence (a partner first), or
 * the mention's own entity; NONE for an official without one. */
static size_t
party_entity(const DocState *ds, size_t f)
{
    size_t e = ds->found[f].entity;
    if (ds->found[f].type != VNKG_TYPE_OFFICIAL) {
        return e;
    }
    size_t body = NONE;
    for (size_t o = 0; o < ds->n_offices; ++o) {
        size_t org = ds->offices[o].org;
        if (ds->office_person[o] != e || org == NONE) {
            continue;
        }
        if (vnkg_facts_entity_at(ds->facts, org)->type == VNKG_TYPE_PARTNER) {
            return org;
        }
        body = body == NONE ? org : body;
    }
    return body;
}

/* "Tập đoàn Vingroup và Tập đoàn NVIDIA đã ký kết thỏa thuận hợp tác":
 * the parties named before "ký" and the head at i (of hl tokens), one of
 * them a partner; "Việt Nam" may be the first. Nothing when the words
 * before the head are not "[đã|vừa|sẽ|cùng] ký [kết]" after two parties
 * joined by "và". */
static VnkgStatus
signed_by_pair(DocState *ds, size_t i, size_t hl, size_t first, size_t end,
               size_t *next)
{
    size_t v = i;
    if (v >= first + 2 && is_key(ds, v - 1, "kêt1") &&
        is_key(ds, v - 2, "ky1")) {
        v -= 2;
    } else if (v >= first + 1 && is_key(ds, v - 1, "ky1")) {
        v -= 1;
    } else {
        return VNKG_SUCCESS;
    }
    while (v > first &&
           (is_key(ds, v - 1, "đa4") || is_key(ds, v - 1, "vưa2") ||
            is_key(ds, v - 1, "se4") || is_key(ds, v - 1, "cung2"))) {
        v--;
    }
    size_t b = party_before(ds, v, end);
    if (b == NONE) {
        return VNKG_SUCCESS;
    }
    int ministry;
    size_t va = party_start(ds, b, first, end, &ministry);
    if (va <= first + 1 || !is_key(ds, va - 1, "va2")) {
        return VNKG_SUCCESS;
    }
    size_t ea = NONE, eb = party_entity(ds, b);
    if (eb == NONE) {
        return VNKG_SUCCESS;
    }
    /* a foreign ministry by its bracketed acronym: "(MOTIE)" */
    const char *name_b = vnkg_facts_entity_at(ds->facts, eb)->label;
    size_t at =
        ministry ? bracket_acronym(ds, ds->found[b].tok_end, first, end) : NONE;
    char acronym[32];
    if (at != NONE && copy_span(ds, at, at + 1, acronym, sizeof acronym)) {
        name_b = acronym;
    }
    va--;
    size_t a = party_before(ds, va, end);
    const char *name_a;
    if (a != NONE && (ea = party_entity(ds, a)) != NONE) {
        name_a = vnkg_facts_entity_at(ds->facts, ea)->label;
    } else if (a == NONE && va >= first + 2 && is_vietnam(ds, va - 2, end)) {
        name_a = "Việt Nam";
    } else {
        return VNKG_SUCCESS;
    }
    int pa = ea != NONE &&
             vnkg_facts_entity_at(ds->facts, ea)->type == VNKG_TYPE_PARTNER,
        pb = vnkg_facts_entity_at(ds->facts, eb)->type == VNKG_TYPE_PARTNER;
    if (!pa && !pb) {
        return VNKG_SUCCESS; /* two Vietnamese bodies: no partner */
    }
    char label[512];
    agreement_label(ds, agreement_kind(ds, i, hl), i, i + hl, name_a, name_b,
                    label, sizeof label);
    size_t agreement;
    VNKG_TRY(resolve_named(ds, VNKG_TYPE_AGREEMENT, label, &agreement));
    VNKG_TRY(add_found(ds, i, i + hl, agreement));
    *next = i + hl;
    return add_pact(ds, agreement, pb ? eb : ea);
}

/* A named agreement: "Hiệp định Thương mại tự do Việt Nam – EFTA", "PTA
 * Việt Nam – Mercosur", "Bản ghi nhớ với tỉnh Gyeonggi (Hàn Quốc)".
 * "các FTA", "16 FTA" are generic and make no entity. */
VnkgStatus
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
    int locality = 0;
    size_t acronym;
    size_t p = described_pair(ds, i + hl, first, end, &entry, &acronym);
    size_t described = p == NONE ? 0 : p; /* the description ends before */
    if (p == NONE) {
        p = agreement_partner(ds, i + hl, first, end, &entry, &locality);
    }
    int memorandum = is_memorandum(ds, i);
    if (p == NONE) {
        return memorandum ? signed_by_pair(ds, i, hl, first, end, next)
                          : VNKG_SUCCESS;
    }
    const char *party =
        memorandum ? sentence_one(ds, VNKG_TYPE_PROVINCE) : NULL;
    party = party ? party : "Việt Nam";
    size_t party_from = p, party_to = p; /* the Vietnamese party's words */
    if (is_key(ds, p - 1, "giưa4")) {
        size_t va = first_party(ds, p, first, end, &party);
        if (va == NONE) {
            return firms_agreement(ds, i, hl, p, first, end, next);
        }
        party_to = va;
        p = skip_government(ds, va + 1, end);
        locality = !entry_at(ds, p, first, end, VNKG_TYPE_PARTNER, 0, &entry);
    }
    size_t partner = NONE, stop;
    Party firm;
    if (locality && (is_key(ds, p - 1, "va2") || is_key(ds, p - 1, "vơi1")) &&
        read_party(ds, p, first, end, &firm) && firm.partner) {
        /* "giữa UBND tỉnh Ninh Bình và Tập đoàn Hyundai (Hàn Quốc)";
         * "Bộ Tài chính đã ký Bản ghi nhớ với Tập đoàn NVIDIA": a
         * ministry's memorandum with a firm */
        const char *ministry = memorandum && strcmp(party, "Việt Nam") == 0
                                   ? sentence_one(ds, VNKG_TYPE_MINISTRY)
                                   : NULL;
        party = ministry ? ministry : party;
        VNKG_TRY(take_party(ds, &firm, first, &partner));
        stop = firm.next;
        if (partner == NONE) {
            *next = stop; /* a name too long to be one */
            return VNKG_SUCCESS;
        }
    } else if (locality) {
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
    /* the kind from the head, or from the description when there is one
     * ("Hiệp định FTA Việt Nam – EFTA") */
    const char *kind = agreement_kind(ds, i, hl);
    if (!kind && described) {
        kind = agreement_kind(ds, i, described - i);
    }
    const VnkgEntity *pe = vnkg_facts_entity_at(ds->facts, partner);
    /* without a kind, the head names it, or a bracketed acronym:
     * "(CEPA)" */
    size_t ks = !kind && acronym != NONE ? acronym : i;
    size_t ke = !kind && acronym != NONE ? acronym + 1 : i + hl;
    char label[512];
    agreement_label(ds, kind, ks, ke, party, pe->label, label, sizeof label);
    /* "FTA với Hàn Quốc" is VKFTA, "(CEPA) Việt Nam – UAE" the
     * lexicon's CEPA with the UAE */
    char slug[16] = "";
    if (kind && strcmp(kind, "MOU") != 0) {
        snprintf(slug, sizeof slug, "%s", kind);
    } else if (!kind && acronym != NONE) {
        (void)copy_span(ds, acronym, acronym + 1, slug, sizeof slug);
    }
    for (char *c = slug; *c; ++c) {
        *c = *c >= 'A' && *c <= 'Z' ? (char)(*c + 32) : *c;
    }
    size_t agreement,
        known = slug[0] ? lexicon_pact_with(ds->lex, slug, pe->id) : NONE;
    if (known != NONE) {
        VNKG_TRY(resolve_entry(ds, known, &agreement));
    } else {
        VNKG_TRY(resolve_named(ds, VNKG_TYPE_AGREEMENT, label, &agreement));
    }
    VNKG_TRY(add_found(ds, i, stop, agreement)); /* the whole name */
    /* and the province of "giữa (Sở Công Thương) tỉnh X và ..." */
    VNKG_TRY(
        take_inside(ds, party_from, party_to, first, VNKG_TYPE_PROVINCE, NONE));
    VNKG_TRY(add_pact(ds, agreement, partner));
    *next = stop;
    return VNKG_SUCCESS;
}
