/* SPDX-License-Identifier: MIT */
/* Sentences and tokens of clean (normalised) text, with byte offsets. */
#ifndef VNKG_SEGMENT_H
#define VNKG_SEGMENT_H

#include <vnkg/document.h>

#ifdef __cplusplus
extern "C" {
#endif

enum {
    VNKG_TOK_WORD = 1 << 0,         /* letters (and digits) */
    VNKG_TOK_NUMBER = 1 << 1,       /* digits only */
    VNKG_TOK_PUNCT = 1 << 2,        /* one punctuation or symbol character */
    VNKG_TOK_CAP = 1 << 3,          /* first letter upper case */
    VNKG_TOK_UPPER = 1 << 4,        /* every letter upper case (two or more) */
    VNKG_TOK_LATIN = 1 << 5,        /* ASCII letters only (foreign names) */
    VNKG_TOK_SPACE_BEFORE = 1 << 6, /* whitespace precedes it */
    VNKG_TOK_LINE_START = 1 << 7    /* first token of a line */
};

/* Keys longer than this are cut (still unique enough for matching). */
#define VNKG_TOKEN_KEY_MAX 48

typedef struct {
    size_t start; /* byte offsets in the text */
    size_t end;
    unsigned flags;
    char key[VNKG_TOKEN_KEY_MAX]; /* vnkg_normalise_key; dashes fold to "-" */
} VnkgToken;

typedef struct {
    size_t start; /* byte offsets in the text */
    size_t end;
    size_t first_token; /* index into the token array */
    size_t n_tokens;
    size_t paragraph; /* index of the line/paragraph it belongs to */
} VnkgSentence;

typedef struct {
    VnkgToken *tokens;
    size_t n_tokens;
    VnkgSentence *sentences;
    size_t n_sentences;
} VnkgSegments;

/* Splits clean text into sentences and tokens. A line break always ends a
 * sentence; inside a line, '.', '!', '?' and '…' followed by space and an
 * upper-case letter, digit or quote end one unless the word before is a
 * known abbreviation (TP., Tp., TS., GS., …) or a single letter.
 * The result is owned by the caller (vnkg_segments_clear).
 * Returns VNKG_ERR_NO_MEMORY. */
VNKG_API VnkgStatus vnkg_segment_text(VnkgContext *ctx, const char *text,
                                      size_t len, VnkgSegments *out);
VNKG_API void vnkg_segments_clear(VnkgContext *ctx, VnkgSegments *seg);

#ifdef __cplusplus
}
#endif
#endif
