/* SPDX-License-Identifier: MIT */
#undef NDEBUG
#include "../../src/normalise/normalise_internal.h"

#include <vnkg/normalise.h>

#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char last_diag[512];
static int n_diag;

static void
capture(VnkgStatus st, const char *msg, void *user)
{
    (void)st;
    (void)user;
    snprintf(last_diag, sizeof last_diag, "%s", msg);
    n_diag++;
}

static VnkgContext *
new_ctx(void)
{
    VnkgContext *ctx;
    assert(vnkg_context_new(&ctx) == VNKG_SUCCESS);
    vnkg_context_set_diag(ctx, capture, NULL);
    last_diag[0] = '\0';
    return ctx;
}

static void
check_text(VnkgContext *ctx, const char *in, size_t len, const char *want)
{
    char *out;
    size_t out_len;
    assert(vnkg_normalise_text(ctx, "t.txt", in, len, &out, &out_len) ==
           VNKG_SUCCESS);
    if (strcmp(out, want) != 0) {
        fprintf(stderr, "got [%s] want [%s]\n", out, want);
        assert(0);
    }
    assert(out_len == strlen(want));
    vnkg_free(ctx, out);
}

static void
test_text(void)
{
    VnkgContext *ctx = new_ctx();
    check_text(ctx, "plain ascii\n", 12, "plain ascii\n");
    /* NFD "Nguyễn" (e + circumflex + tilde) composes to NFC */
    check_text(ctx, "Nguye\xCC\x82\xCC\x83n", 10, "Nguy\xE1\xBB\x85n");
    /* U+00D0 Eth becomes U+0110 Đ */
    check_text(ctx, "\xC3\x90\xE1\xBA\xA3ng", 7, "\xC4\x90\xE1\xBA\xA3ng");
    /* controls dropped, CRLF to LF, NBSP to space, BOM dropped */
    check_text(ctx,
               "\xEF\xBB\xBF"
               "a\x01"
               "b\r\nc\xC2\xA0"
               "d",
               12, "ab\nc d");
    /* NUL byte dropped, reported with the byte offset */
    check_text(ctx, "a\0b", 3, "ab");
    assert(strstr(last_diag, "t.txt: byte 1: NUL byte removed"));
    /* invalid UTF-8 replaced, reported with the byte offset */
    check_text(ctx, "ab\xC3(x\xFF", 6, "ab\xEF\xBF\xBD(x\xEF\xBF\xBD");
    assert(strstr(last_diag, "t.txt: byte 2"));
    /* overlong encoding and a surrogate are invalid too */
    check_text(ctx, "\xC0\xAF\xED\xA0\x80", 5,
               "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    vnkg_context_set_strict(ctx, 1);
    char *out = (char *)1;
    size_t n;
    assert(vnkg_normalise_text(ctx, "s", "a\xFF", 2, &out, &n) ==
           VNKG_ERR_BAD_TEXT);
    assert(out == NULL);
    /* a NUL is valid UTF-8: removed and reported in strict mode too */
    assert(vnkg_normalise_text(ctx, "s", "a\0", 2, &out, &n) == VNKG_SUCCESS);
    assert(n == 1 && strstr(last_diag, "s: byte 1: NUL byte removed"));
    vnkg_free(ctx, out);
    vnkg_context_free(ctx);
}

static void
key_eq(const char *a, const char *b)
{
    char ka[128], kb[128];
    vnkg_normalise_key(a, strlen(a), ka, sizeof ka);
    vnkg_normalise_key(b, strlen(b), kb, sizeof kb);
    if (strcmp(ka, kb) != 0) {
        fprintf(stderr, "key(%s)=%s key(%s)=%s\n", a, ka, b, kb);
        assert(0);
    }
}

/* A title repeats the start of the text: its bad bytes, reported with
 * the text's offsets, are not reported again. */
static void
test_document_reports_once(void)
{
    VnkgContext *ctx = new_ctx();
    VnkgDocument doc;
    memset(&doc, 0, sizeof doc);
    doc.source = (char *)"d.txt";
    doc.text = vnkg_strdup(ctx, "T\xFFu\n\nbody \xFE.");
    doc.text_len = strlen(doc.text);
    doc.title = vnkg_strdup(ctx, "T\xFFu");
    assert(doc.text && doc.title);
    n_diag = 0;
    assert(vnkg_normalise_document(ctx, &doc) == VNKG_SUCCESS);
    assert(n_diag == 1 && strstr(last_diag, "d.txt: byte 1: invalid UTF-8"));
    assert(strcmp(doc.title, "T\xEF\xBF\xBDu") == 0);
    vnkg_free(ctx, doc.text);
    vnkg_free(ctx, doc.title);
    vnkg_free(ctx, doc.map);
    vnkg_context_free(ctx);
}

static void
test_key(void)
{
    char k[64];
    assert(vnkg_normalise_key("Hoà", strlen("Hoà"), k, sizeof k) == 4);
    assert(strcmp(k, "hoa2") == 0);
    key_eq("uỷ", "ủy");
    key_eq("hoá", "hóa");
    key_eq("Khánh Hoà", "khánh hòa");
    key_eq("THỦY", "thuỷ");
    key_eq("lựơng", "lượng");
    char ka[32], kb[32];
    vnkg_normalise_key("Hà", 4, ka, sizeof ka);
    vnkg_normalise_key("Hạ", 4, kb, sizeof kb);
    assert(strcmp(ka, kb) != 0); /* tones themselves still matter */
    vnkg_normalise_key("Đắk", strlen("Đắk"), k, sizeof k);
    assert(strcmp(k, "\xC4\x91\xC4\x83k1") == 0); /* đăk + sắc */
    /* truncation reports the needed size */
    assert(vnkg_normalise_key("abcdef", 6, k, 4) == 6);
    assert(strlen(k) == 3);
}

static void
test_fold_slug(void)
{
    VnkgContext *ctx = new_ctx();
    char *s;
    assert(vnkg_normalise_fold(ctx, "Bùi Thanh Sơn", strlen("Bùi Thanh Sơn"),
                               &s) == VNKG_SUCCESS);
    assert(strcmp(s, "bui thanh son") == 0);
    vnkg_free(ctx, s);
    assert(vnkg_normalise_slug(ctx, "Bộ Công Thương", strlen("Bộ Công Thương"),
                               &s) == VNKG_SUCCESS);
    assert(strcmp(s, "bo-cong-thuong") == 0);
    vnkg_free(ctx, s);
    assert(vnkg_normalise_slug(ctx, " Đắk Nông! ", strlen(" Đắk Nông! "), &s) ==
           VNKG_SUCCESS);
    assert(strcmp(s, "dak-nong") == 0);
    vnkg_free(ctx, s);
    assert(vnkg_normalise_xml_safe(ctx,
                                   "a\x01"
                                   "b\xFF",
                                   4, &s) == VNKG_SUCCESS);
    assert(strcmp(s, "a b\xEF\xBF\xBD") == 0);
    vnkg_free(ctx, s);
    vnkg_context_free(ctx);
}

/* A small deterministic generator for the random mixes below. */
static uint32_t
next_rand(uint64_t *state)
{
    *state = *state * 6364136223846793005u + 1442695040888963407u;
    return (uint32_t)(*state >> 33);
}

static size_t
put_utf8(char *out, uint32_t cp)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | cp >> 6);
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | cp >> 12);
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | cp >> 18);
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* The key of `word` equals the reference's, byte for byte over the whole
 * buffer (cut keys leave bytes alone as the reference does). */
static void
key_matches_reference(const char *word, size_t len, size_t cap)
{
    char fast[300], ref[300];
    assert(cap <= sizeof fast);
    memset(fast, 0xAA, sizeof fast);
    memset(ref, 0xAA, sizeof ref);
    size_t nf = vnkg_normalise_key(word, len, fast, cap);
    size_t nr = vnkg_normalise_key_reference(word, len, ref, cap);
    if (nf != nr || memcmp(fast, ref, sizeof fast) != 0) {
        fprintf(stderr, "key of [%.*s] (cap %zu): %zu [%.*s] want %zu [%.*s]\n",
                (int)len, word, cap, nf, (int)cap, fast, nr, (int)cap, ref);
        assert(0);
    }
}

/* Every letter of the key table, and every code point around it, alone
 * and between letters, as the reference keys it. */
static void
test_key_table(void)
{
    char w[16];
    for (uint32_t cp = 0; cp < 0x110000; ++cp) {
        if ((cp >= 0xD800 && cp <= 0xDFFF) || (cp >= 0x3000 && cp % 61 != 0)) {
            continue;
        }
        size_t n = put_utf8(w, cp);
        key_matches_reference(w, n, 64);
        w[0] = 'T';
        n = 1 + put_utf8(w + 1, cp);
        w[n++] = 'a';
        key_matches_reference(w, n, 64);
    }
}

/* Letters, marks (tones, quality, others), Hangul jamo and code points
 * that compose with a preceding starter, for random words. */
static uint32_t
random_letter(uint64_t *rng)
{
    static const uint32_t odd[] = {
        0x300,  0x301,  0x302,  0x303,  0x306,  0x309,  0x31B,   0x323,
        0x327,  0x340,  0x341,  0x344,  0x345,  0x34F,  0xB47,   0xB3E,
        0x1100, 0x1161, 0x11A8, 0xAC00, 0xFFFD, 0x4E00, 0x1F600, 0x3B1,
        0x130,  0x1E9E, 0x2126, 0x212B, 0xD0,   0x110,  0x111,   0xFB01};
    uint32_t r = next_rand(rng) % 8;
    if (r < 3) {
        return next_rand(rng) % VNKG_KEY_LO_END;
    }
    if (r < 5) {
        return VNKG_KEY_HI_START +
               next_rand(rng) % (VNKG_KEY_HI_END - VNKG_KEY_HI_START);
    }
    if (r < 6) {
        return 0x300 + next_rand(rng) % 0x70;
    }
    return odd[next_rand(rng) % (sizeof odd / sizeof odd[0])];
}

static void
test_key_random(void)
{
    uint64_t rng = 1;
    char w[512];
    for (int iter = 0; iter < 200000; ++iter) {
        size_t n = 0, letters = 1 + next_rand(&rng) % 6;
        if (iter % 100 == 0) {
            letters = 30 + next_rand(&rng) % 70; /* past the table's limit */
        }
        for (size_t k = 0; k < letters; ++k) {
            n += put_utf8(w + n, random_letter(&rng));
        }
        if (iter % 50 == 0) {
            w[next_rand(&rng) % n] = (char)(0x80 + next_rand(&rng) % 0x80);
        }
        key_matches_reference(w, n, iter % 10 ? 64 : next_rand(&rng) % 24);
    }
    /* NFD and mixed input, U+00D0, invalid and cut sequences */
    static const char *const words[] = {"",
                                        "Nguye\xCC\x82\xCC\x83n",
                                        "a\xCC\x81\xCC\x82",
                                        "\xC3\x90",
                                        "\xC3",
                                        "\xE1\xBA",
                                        "\xCC\x81\x61",
                                        "a\xCC\x81",
                                        "\xC0\xAF",
                                        "\xE0\x80\xAF",
                                        "\xED\xA0\x80",
                                        "\xF0\x9F\x98\x80"};
    for (size_t k = 0; k < sizeof words / sizeof words[0]; ++k) {
        for (size_t cap = 0; cap < 20; ++cap) {
            key_matches_reference(words[k], strlen(words[k]), cap);
        }
    }
}

static void
fold_matches_reference(VnkgContext *ctx, const char *in, size_t len)
{
    char *fast, *ref;
    assert(vnkg_normalise_fold(ctx, in, len, &fast) == VNKG_SUCCESS);
    assert(vnkg_normalise_fold_reference(ctx, in, len, &ref) == VNKG_SUCCESS);
    if (strcmp(fast, ref) != 0) {
        fprintf(stderr, "fold [%.*s]: [%s] want [%s]\n", (int)len, in, fast,
                ref);
        assert(0);
    }
    vnkg_free(ctx, fast);
    vnkg_free(ctx, ref);
}

/* Every code point alone and between letters, and random strings of
 * letters, marks, jamo and bad bytes, fold as the reference folds them. */
static void
test_fold_table(void)
{
    VnkgContext *ctx = new_ctx();
    char w[512];
    for (uint32_t cp = 0; cp < 0x110000; ++cp) {
        if ((cp >= 0xD800 && cp <= 0xDFFF) || (cp >= 0x3000 && cp % 61 != 0)) {
            continue;
        }
        size_t n = put_utf8(w + 1, cp);
        fold_matches_reference(ctx, w + 1, n);
        w[0] = 'D';
        w[n + 1] = 'a';
        fold_matches_reference(ctx, w, n + 2);
    }
    uint64_t rng = 5;
    for (int iter = 0; iter < 50000; ++iter) {
        size_t n = 0, letters = next_rand(&rng) % 12;
        for (size_t k = 0; k < letters; ++k) {
            n += put_utf8(w + n, random_letter(&rng));
        }
        if (n > 0 && iter % 50 == 0) {
            w[next_rand(&rng) % n] = (char)(0x80 + next_rand(&rng) % 0x80);
        }
        fold_matches_reference(ctx, w, n);
    }
    vnkg_context_free(ctx);
}

/* The text and the offset map equal the reference's. */
static void
text_matches_reference(VnkgContext *ctx, const char *in, size_t len)
{
    char *fast, *ref;
    size_t nf, nr, *mf, *mr, kf, kr;
    assert(vnkg_normalise_text_mapped(ctx, in, len, &fast, &nf, &mf, &kf) ==
           VNKG_SUCCESS);
    assert(vnkg_normalise_text_reference(ctx, in, len, &ref, &nr, &mr, &kr) ==
           VNKG_SUCCESS);
    if (nf != nr || memcmp(fast, ref, nf) != 0 || kf != kr ||
        (kf && memcmp(mf, mr, 2 * kf * sizeof *mf) != 0)) {
        fprintf(stderr, "normalise [%.*s]: [%s] want [%s]\n", (int)len, in,
                fast, ref);
        assert(0);
    }
    vnkg_free(ctx, fast);
    vnkg_free(ctx, ref);
    vnkg_free(ctx, mf);
    vnkg_free(ctx, mr);
}

/* Every code point of the plain table, alone, between letters, before a
 * combining mark and before a control and a mark. */
static void
test_plain_table(void)
{
    VnkgContext *ctx = new_ctx();
    static const char *const after[] = {"",
                                        "b",
                                        "\xCC\x81",
                                        "\x01\xCC\x81",
                                        "\xE1\x85\xA1",
                                        "\xE0\xAC\xBE",
                                        "\r\n",
                                        "\xFF"};
    char s[32];
    for (uint32_t cp = 0; cp < 0x10000; ++cp) {
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            continue;
        }
        for (size_t k = 0; k < sizeof after / sizeof after[0]; ++k) {
            size_t n = put_utf8(s, 'a');
            n += put_utf8(s + n, cp);
            memcpy(s + n, after[k], strlen(after[k]));
            n += strlen(after[k]);
            text_matches_reference(ctx, s, n);
            text_matches_reference(ctx, s + 1, n - 1);
        }
    }
    vnkg_context_free(ctx);
}

/* Random mixes of plain text, NFD, controls, bad bytes and long runs of
 * marks. */
static void
test_text_random(void)
{
    static const char *const pieces[] = {"a",
                                         "Z",
                                         " ",
                                         ".",
                                         "\n",
                                         "\r",
                                         "\r\n",
                                         "\t",
                                         "\x01",
                                         "\x7F",
                                         "\0",
                                         "\xFF",
                                         "\xC3",
                                         "\xE1\xBA",
                                         "\xC0\xAF",
                                         "\xED\xA0\x80",
                                         "\xC3\xA0",
                                         "\xC3\x90",
                                         "\xC3\xB0",
                                         "\xC2\xA0",
                                         "\xC2\xAD",
                                         "\xC4\x90",
                                         "\xC6\xB0",
                                         "\xE1\xBA\xA5",
                                         "\xE1\xBB\x87",
                                         "\xCC\x81",
                                         "\xCC\x82",
                                         "\xCC\xA3",
                                         "\xCC\x9B",
                                         "\xCD\x84",
                                         "\xCD\x8F",
                                         "\xE2\x80\x8B",
                                         "\xE2\x80\x83",
                                         "\xE2\x80\xA6",
                                         "\xE2\x80\x9C",
                                         "\xEF\xBB\xBF",
                                         "\xEF\xBF\xBE",
                                         "\xE1\x84\x80",
                                         "\xE1\x85\xA1",
                                         "\xE1\x86\xA8",
                                         "\xEA\xB0\x80",
                                         "\xE0\xAD\x87",
                                         "\xE0\xAC\xBE",
                                         "\xE2\x84\xA6",
                                         "\xE0\xBD\xB3",
                                         "\xF0\x9F\x98\x80",
                                         "\xE4\xB8\x80"};
    size_t n_pieces = sizeof pieces / sizeof pieces[0];
    VnkgContext *ctx = new_ctx();
    uint64_t rng = 7;
    char s[64 * 40 * 4];
    for (int iter = 0; iter < 20000; ++iter) {
        size_t n = 0, count = next_rand(&rng) % 64;
        for (size_t k = 0; k < count; ++k) {
            size_t p = next_rand(&rng) % n_pieces;
            size_t repeat = next_rand(&rng) % 16 == 0 ? 40 : 1;
            size_t plen = pieces[p][0] ? strlen(pieces[p]) : 1; /* "\0" */
            for (size_t r = 0; r < repeat; ++r) {
                memcpy(s + n, pieces[p], plen);
                n += plen;
            }
        }
        text_matches_reference(ctx, s, n);
    }
    vnkg_context_free(ctx);
}

static void
xml_safe_matches_reference(VnkgContext *ctx, const char *in, size_t len)
{
    char *fast, *ref;
    assert(vnkg_normalise_xml_safe(ctx, in, len, &fast) == VNKG_SUCCESS);
    assert(vnkg_normalise_xml_safe_reference(ctx, in, len, &ref) ==
           VNKG_SUCCESS);
    if (strcmp(fast, ref) != 0) {
        fprintf(stderr, "xml_safe [%.*s]: [%s] want [%s]\n", (int)len, in, fast,
                ref);
        assert(0);
    }
    vnkg_free(ctx, fast);
    vnkg_free(ctx, ref);
}

/* Every code point (and surrogate, encoded as if it were one) between
 * letters and cut short, and random bytes. */
static void
test_xml_safe(void)
{
    VnkgContext *ctx = new_ctx();
    char s[16];
    for (uint32_t cp = 0; cp < 0x110000; ++cp) {
        s[0] = 'a';
        size_t n = 1 + put_utf8(s + 1, cp);
        s[n] = 'b';
        xml_safe_matches_reference(ctx, s, n + 1);
        xml_safe_matches_reference(ctx, s + 1, n - 2);
    }
    static const unsigned char bytes[] = {
        'a',  ' ',  '\t', '\n', '\r', 0x00, 0x01, 0x1F, 0x7F, 0x80,
        0xBF, 0xBE, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xED, 0xEE,
        0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0x9F, 0xA0, 0x90, 0x8F};
    uint64_t rng = 3;
    for (int iter = 0; iter < 100000; ++iter) {
        size_t n = next_rand(&rng) % 16;
        for (size_t k = 0; k < n; ++k) {
            s[k] = (char)bytes[next_rand(&rng) % sizeof bytes];
        }
        xml_safe_matches_reference(ctx, s, n);
    }
    vnkg_context_free(ctx);
}

int
main(void)
{
    test_text();
    test_document_reports_once();
    test_key();
    test_fold_slug();
    test_key_table();
    test_key_random();
    test_plain_table();
    test_text_random();
    test_xml_safe();
    test_fold_table();
    puts("normalise: ok");
    return 0;
}
