/* SPDX-License-Identifier: MIT */
/* Tokeniser and sentence splitter over clean NFC text. */
#include "../util/array.h"

#include <vnkg/normalise.h>
#include <vnkg/segment.h>

#include <utf8proc.h>

#include <string.h>

typedef struct {
    VnkgContext *ctx;
    const char *text;
    size_t len;
    VnkgSegments *seg;
    size_t cap_tokens;
    size_t cap_sentences;
} Segmenter;

static utf8proc_int32_t
cp_at(const char *text, size_t len, size_t i, size_t *n)
{
    unsigned char b = (unsigned char)text[i];
    if (b < 0x80) {
        *n = 1;
        return b;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)text + i,
                                          (utf8proc_ssize_t)(len - i), &cp);
    if (k <= 0) {
        *n = 1;
        return 0xFFFD;
    }
    *n = (size_t)k;
    return cp;
}

/* What a code point is in a word, by its general category: no part of
 * one, a letter (UPPER: Lu and Lt; LETTER: Ll, Lm, Lo), a decimal digit
 * (Nd) or a mark (Mn, Mc, Me). */
enum { NOT_WORD, LETTER, UPPER, DIGIT, MARK };

static int
word_class(utf8proc_int32_t cp)
{
    if (cp < 0x80) { /* most of the text: no utf8proc_category */
        utf8proc_uint32_t u = (utf8proc_uint32_t)cp;
        return u - 'a' < 26   ? LETTER
               : u - 'A' < 26 ? UPPER
               : u - '0' < 10 ? DIGIT
                              : NOT_WORD;
    }
    utf8proc_category_t c = utf8proc_category(cp);
    if (c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT) {
        return UPPER;
    }
    if (c >= UTF8PROC_CATEGORY_LL && c <= UTF8PROC_CATEGORY_LO) {
        return LETTER;
    }
    if (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME) {
        return MARK;
    }
    return c == UTF8PROC_CATEGORY_ND ? DIGIT : NOT_WORD;
}

static int
is_space(utf8proc_int32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n';
}

static int
is_dash(utf8proc_int32_t cp)
{
    return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212;
}

/* A new token, zeroed, at the end of the array: tokens are built in place
 * (copying one whose key was just written byte by byte stalls). */
static VnkgStatus
push_token(Segmenter *s, VnkgToken **out)
{
    VnkgSegments *seg = s->seg;
    if (seg->n_tokens == s->cap_tokens) { /* the call only when full */
        VNKG_TRY(vnkg_array_reserve(s->ctx, (void **)&seg->tokens,
                                    &s->cap_tokens, seg->n_tokens,
                                    sizeof *seg->tokens, 256));
    }
    VnkgToken *t = &seg->tokens[seg->n_tokens++];
    memset(t, 0, sizeof *t);
    *out = t;
    return VNKG_SUCCESS;
}

/* The end of the word that starts at `i`, and in `*flags` its flags from
 * its letters, in one pass. */
static size_t
scan_word(const Segmenter *s, size_t i, unsigned *flags)
{
    unsigned f = VNKG_TOK_WORD | VNKG_TOK_LATIN;
    int letters = 0, uppers = 0, digits = 0, first = 1;
    size_t j = i;
    while (j < s->len) {
        size_t n;
        utf8proc_int32_t cp = cp_at(s->text, s->len, j, &n);
        int cls = word_class(cp);
        if (cls == NOT_WORD) {
            break;
        }
        if (cls == DIGIT) {
            digits++;
        } else if (cls == LETTER || cls == UPPER) {
            letters++;
            if (cls == UPPER) {
                uppers++;
                f |= first ? (unsigned)VNKG_TOK_CAP : 0u;
            }
            first = 0;
        }
        if (cp >= 0x80) {
            f &= ~(unsigned)VNKG_TOK_LATIN;
        }
        j += n;
    }
    if (letters == 0) {
        f &= ~(unsigned)VNKG_TOK_LATIN;
        if (digits > 0) {
            f |= VNKG_TOK_NUMBER;
        }
    }
    if (letters >= 2 && uppers == letters) {
        f |= VNKG_TOK_UPPER;
    }
    *flags = f;
    return j;
}

static VnkgStatus
tokenise(Segmenter *s)
{
    size_t i = 0;
    int space = 1, line_start = 1;
    while (i < s->len) {
        size_t n;
        utf8proc_int32_t cp = cp_at(s->text, s->len, i, &n);
        if (is_space(cp)) {
            space = 1;
            line_start |= cp == '\n';
            i += n;
            continue;
        }
        VnkgToken *t;
        VNKG_TRY(push_token(s, &t));
        t->start = i;
        if (word_class(cp) != NOT_WORD) {
            t->end = scan_word(s, i, &t->flags);
            vnkg_normalise_key(s->text + i, t->end - i, t->key, sizeof t->key);
        } else {
            t->end = i + n;
            t->flags = VNKG_TOK_PUNCT;
            if (is_dash(cp)) {
                strcpy(t->key, "-");
            } else {
                memcpy(t->key, s->text + i, n < 8 ? n : 7);
                t->key[n < 8 ? n : 7] = '\0';
            }
        }
        if (space) {
            t->flags |= VNKG_TOK_SPACE_BEFORE;
        }
        if (line_start) {
            t->flags |= VNKG_TOK_LINE_START;
        }
        space = 0;
        line_start = 0;
        i = t->end;
    }
    return VNKG_SUCCESS;
}

/* Words after which a full stop does not end a sentence. */
static int
is_abbreviation(const VnkgToken *t)
{
    /* keys: tone as a trailing digit ("số" -> "sô1") */
    static const char *const abbr[] = {"tp", "ts",  "ths", "gs",   "pgs", "bs",
                                       "ks", "mr",  "mrs", "ms",   "dr",  "st",
                                       "no", "sô1", "ông", "ba2",  "tt",  "q",
                                       "p",  "h",   "ub",  "ubnd", NULL};
    if (!(t->flags & VNKG_TOK_WORD)) {
        return 0;
    }
    for (int k = 0; abbr[k]; ++k) {
        if (strcmp(t->key, abbr[k]) == 0) {
            return 1;
        }
    }
    /* a single letter: an initial ("J. Biden") */
    return t->end - t->start == 1 && !(t->flags & VNKG_TOK_NUMBER);
}

static int
ends_sentence(const VnkgSegments *seg, size_t i)
{
    const VnkgToken *t = &seg->tokens[i];
    if (!(t->flags & VNKG_TOK_PUNCT)) {
        return 0;
    }
    int stop = strcmp(t->key, ".") == 0 || strcmp(t->key, "!") == 0 ||
               strcmp(t->key, "?") == 0 || strcmp(t->key, "…") == 0;
    if (!stop || i + 1 >= seg->n_tokens) {
        return 0;
    }
    const VnkgToken *next = &seg->tokens[i + 1];
    if (next->flags & VNKG_TOK_LINE_START) {
        return 0; /* the line break ends it anyway */
    }
    if (!(next->flags & VNKG_TOK_SPACE_BEFORE)) {
        return 0; /* "TP.HCM", "6.5", "v.v." */
    }
    if (i > 0 && strcmp(t->key, ".") == 0 &&
        is_abbreviation(&seg->tokens[i - 1])) {
        return 0;
    }
    return (next->flags & (VNKG_TOK_CAP | VNKG_TOK_NUMBER)) ||
           (next->flags & VNKG_TOK_PUNCT);
}

static VnkgStatus
push_sentence(Segmenter *s, size_t first, size_t last, size_t paragraph)
{
    VnkgSegments *seg = s->seg;
    VNKG_TRY(vnkg_array_reserve(s->ctx, (void **)&seg->sentences,
                                &s->cap_sentences, seg->n_sentences,
                                sizeof *seg->sentences, 32));
    VnkgSentence *out = &seg->sentences[seg->n_sentences++];
    out->first_token = first;
    out->n_tokens = last - first + 1;
    out->start = seg->tokens[first].start;
    out->end = seg->tokens[last].end;
    out->paragraph = paragraph;
    return VNKG_SUCCESS;
}

static VnkgStatus
split_sentences(Segmenter *s)
{
    VnkgSegments *seg = s->seg;
    size_t first = 0, paragraph = 0;
    for (size_t i = 0; i < seg->n_tokens; ++i) {
        int last_of_line = i + 1 == seg->n_tokens ||
                           (seg->tokens[i + 1].flags & VNKG_TOK_LINE_START);
        if (last_of_line || ends_sentence(seg, i)) {
            VNKG_TRY(push_sentence(s, first, i, paragraph));
            first = i + 1;
            paragraph += (size_t)last_of_line;
        }
    }
    return VNKG_SUCCESS;
}

VnkgStatus
vnkg_segment_text(VnkgContext *ctx, const char *text, size_t len,
                  VnkgSegments *out)
{
    memset(out, 0, sizeof *out);
    Segmenter s = {ctx, text, len, out, 0, 0};
    VnkgStatus st = tokenise(&s);
    if (st == VNKG_SUCCESS) {
        st = split_sentences(&s);
    }
    if (st != VNKG_SUCCESS) {
        vnkg_segments_clear(ctx, out);
    }
    return st;
}

void
vnkg_segments_clear(VnkgContext *ctx, VnkgSegments *seg)
{
    vnkg_free(ctx, seg->tokens);
    vnkg_free(ctx, seg->sentences);
    memset(seg, 0, sizeof *seg);
}
