/* SPDX-License-Identifier: MIT */
/* Persons named with their titles (the offices are read in
 * scan_offices.c) or after a prefix ("ông", "đồng chí"). */
#include "../util/array.h"
#include "scan_internal.h"
#include "syllable.h"

#include <vnkg/normalise.h>

#include <stdio.h>
#include <string.h>

#define MAX_NAME_TOKENS 4

/* ---- person names ---- */

/* A name stops before a title ("Phạm Minh Chính Thủ tướng") or a
 * multi-word gazetteer name, written as the gazetteer wants ("Hòa Phát",
 * not "Phạm Văn Hòa phát biểu"); single words ("Nam", "Hà") occur in
 * names. */
int
starts_lexical(const DocState *ds, size_t i, size_t end)
{
    LexMatch m[8];
    size_t found = lex_match(ds->lex, &ds->cache, ds->seg.tokens, end, i, m, 8);
    for (size_t k = 0; k < found; ++k) {
        for (size_t p = m[k].payload; p != NONE;
             p = ds->lex->payloads[p].next) {
            const LexPayload *pl = &ds->lex->payloads[p];
            if (pl->kind == PL_TITLE ||
                (pl->kind == PL_ENTRY && m[k].len >= 2 &&
                 lex_case_ok(pl, ds->seg.tokens, i))) {
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

/* Lower-case particles inside a Latin name before its next word:
 * "Ursula von der Leyen", "Anwar bin Ibrahim", "Luiz Inácio Lula da
 * Silva"; the number of particle tokens, 0 when none or no name word
 * follows them. */
static size_t
particles(const DocState *ds, size_t k, size_t end)
{
    static const char *const words[] = {
        "von", "van",   "der", "den", "de", "da",  "di",    "du",
        "del", "della", "des", "la",  "le", "bin", "binti", "al",
        "dos", "das",   "ter", "ten", "zu", NULL};
    size_t p = k;
    while (p < end && p < k + 3 && (tok(ds, p)->flags & VNKG_TOK_LATIN) &&
           (tok(ds, p)->flags & VNKG_TOK_SPACE_BEFORE) &&
           !(tok(ds, p)->flags & (VNKG_TOK_CAP | VNKG_TOK_UPPER))) {
        int known = 0;
        for (int w = 0; words[w] && !known; ++w) {
            known = strcmp(tok(ds, p)->key, words[w]) == 0;
        }
        if (!known) {
            return 0;
        }
        p++;
    }
    return p > k && p < end && (tok(ds, p)->flags & VNKG_TOK_SPACE_BEFORE) &&
                   is_latin_name_word(ds, p)
               ? p - k
               : 0;
}

size_t
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
        size_t init = 0;
        if (!vn) { /* "Mariam J. Sherman", "Ursula von der Leyen" */
            init = initial_part(ds, k, end);
            init = init ? init : particles(ds, k, end);
        }
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

/* A Vietnamese name whose given name is also a province's, where a
 * title or "ông"/"bà" says a name comes: "Phó Thủ tướng Nguyễn Hòa
 * Bình", "bà Nguyễn Thị Thái Bình". The surname and up to one more word,
 * then the two-word province, and no capitalised word after it; 0 when
 * there is none. */
static size_t
name_with_place(const DocState *ds, size_t i, size_t first, size_t end)
{
    if (i >= end || !is_cap_word(ds, i) ||
        !lex_is_surname(ds->lex, tok(ds, i))) {
        return 0;
    }
    for (size_t k = i + 1; k < end && k <= i + 2; ++k) {
        size_t entry,
            len = entry_at(ds, k, first, end, VNKG_TYPE_PROVINCE, 0, &entry);
        if (len == 2 && (tok(ds, k)->flags & VNKG_TOK_SPACE_BEFORE)) {
            size_t after = k + 2;
            int more = after < end && is_cap_word(ds, after) &&
                       (tok(ds, after)->flags & VNKG_TOK_SPACE_BEFORE);
            return more ? 0 : after - i;
        }
        if (!is_cap_word(ds, k) || starts_lexical(ds, k, end) ||
            !(tok(ds, k)->flags & VNKG_TOK_SPACE_BEFORE)) {
            return 0;
        }
    }
    return 0;
}

static VnkgStatus
add_offices(DocState *ds, size_t person, const Office *offs, size_t n)
{
    for (size_t k = 0; k < n; ++k) {
        /* two arrays of one capacity: both grow before it is set */
        size_t cap = ds->cap_offices, cap_person = ds->cap_offices;
        VNKG_TRY(vnkg_array_reserve(ds->ctx, (void **)&ds->offices, &cap,
                                    ds->n_offices, sizeof *ds->offices, 8));
        VNKG_TRY(vnkg_array_reserve(ds->ctx, (void **)&ds->office_person,
                                    &cap_person, ds->n_offices,
                                    sizeof *ds->office_person, 8));
        ds->cap_offices = cap;
        ds->offices[ds->n_offices] = offs[k];
        ds->office_person[ds->n_offices++] = person;
        VNKG_TRY(resolve_note_role(ds, person, offs[k].title, offs[k].org));
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
        /* the titles introduce the next person: forget what we took; but
         * "A, Bí thư Tỉnh ủy X và Phó Chủ tịch UBND tỉnh B": the titles
         * before "và" are A's, those after it B's */
        ds->n_found = found_before;
        size_t va = from + 1;
        while (va < stop &&
               !(is_key(ds, va, "va2") && title_at(ds, va + 1, end, &t))) {
            va++;
        }
        if (va >= stop) {
            *next = k + 1;
            return VNKG_SUCCESS;
        }
        VNKG_TRY(parse_chain(ds, from, first, va, offs, &n, &stop));
        VNKG_TRY(add_offices(ds, person, offs, former ? 0 : n));
        *next = stop;
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
    size_t placed = name_with_place(ds, name_start, first, end);
    len = placed > len ? placed : len;
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
               (person = resolve_bare_title(
                    ds, offs[0].title, offs[0].fixed ? NONE : offs[0].org)) !=
                   NONE) {
        /* a bare "Thủ tướng" referring back to the one named before */
        VNKG_TRY(add_found_by_title(ds, i, k, person));
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
    if (prefixed) {
        size_t placed = name_with_place(ds, k, first, end);
        len = placed > len ? placed : len;
    }
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
