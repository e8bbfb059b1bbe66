/* SPDX-License-Identifier: MIT */
/* Fuzz target: normalisation (UTF-8 repair, controls, NFC, folding),
 * matching keys, folds, slugs, XML-safe text and the offset map. */
#include "fuzz_common.h"

#include <string.h>

static void
check_normalise_text(VnkgContext *ctx, const char *in, size_t len)
{
    char *lax = NULL, *again = NULL, *strict = NULL;
    size_t lax_len = 0, again_len = 0, strict_len = 0;
    vnkg_context_set_strict(ctx, 0);
    FUZZ_CHECK(vnkg_normalise_text(ctx, "fuzz", in, len, &lax, &lax_len) ==
               VNKG_SUCCESS);
    fuzz_check_clean(lax, lax_len);
    /* idempotent: clean text stays as it is */
    FUZZ_CHECK(vnkg_normalise_text(ctx, "fuzz", lax, lax_len, &again,
                                   &again_len) == VNKG_SUCCESS);
    FUZZ_CHECK(again_len == lax_len && memcmp(again, lax, lax_len) == 0);
    /* strict mode fails exactly on invalid UTF-8 (a NUL is valid: it is
     * removed and reported in both modes), else agrees with lax */
    vnkg_context_set_strict(ctx, 1);
    VnkgStatus st =
        vnkg_normalise_text(ctx, "fuzz", in, len, &strict, &strict_len);
    vnkg_context_set_strict(ctx, 0);
    if (fuzz_utf8_valid(in, len)) {
        FUZZ_CHECK(st == VNKG_SUCCESS);
        FUZZ_CHECK(strict_len == lax_len && memcmp(strict, lax, lax_len) == 0);
    } else {
        FUZZ_CHECK(st == VNKG_ERR_BAD_TEXT && strict == NULL);
    }
    vnkg_free(ctx, lax);
    vnkg_free(ctx, again);
    vnkg_free(ctx, strict);
}

static void
check_keys(const char *text, size_t len)
{
    char key[24];
    for (size_t i = 0; i < len;) {
        size_t j = i;
        while (j < len && text[j] != ' ' && text[j] != '\n') {
            ++j;
        }
        if (j > i) {
            size_t need = vnkg_normalise_key(text + i, j - i, key, sizeof key);
            size_t got = strlen(key);
            FUZZ_CHECK(got < sizeof key && got <= need);
        }
        i = j + 1;
    }
}

static void
check_fold_slug(VnkgContext *ctx, const char *text, size_t len)
{
    char *fold = NULL, *slug = NULL;
    FUZZ_CHECK(vnkg_normalise_fold(ctx, text, len, &fold) == VNKG_SUCCESS);
    FUZZ_CHECK(vnkg_normalise_slug(ctx, text, len, &slug) == VNKG_SUCCESS);
    size_t n = strlen(slug);
    for (size_t i = 0; i < n; ++i) {
        unsigned char c = (unsigned char)slug[i];
        FUZZ_CHECK(c < 0x80 && c > 0x20);
    }
    FUZZ_CHECK(n == 0 || (slug[0] != '-' && slug[n - 1] != '-'));
    vnkg_free(ctx, fold);
    vnkg_free(ctx, slug);
}

static void
check_xml_safe(VnkgContext *ctx, const char *in, size_t len)
{
    char *safe = NULL;
    FUZZ_CHECK(vnkg_normalise_xml_safe(ctx, in, len, &safe) == VNKG_SUCCESS);
    size_t n = strlen(safe);
    FUZZ_CHECK(fuzz_utf8_valid(safe, n));
    const unsigned char *p = (const unsigned char *)safe;
    for (size_t i = 0; i < n; ++i) {
        FUZZ_CHECK(p[i] >= 0x20 || p[i] == '\t' || p[i] == '\n' ||
                   p[i] == '\r');
        /* U+FFFE and U+FFFF are EF BF BE and EF BF BF */
        FUZZ_CHECK(!(p[i] == 0xEF && i + 2 < n && p[i + 1] == 0xBF &&
                     p[i + 2] >= 0xBE));
    }
    vnkg_free(ctx, safe);
}

/* The offset map points back into the text as read, in order. */
static void
check_document(VnkgContext *ctx, const char *in, size_t len)
{
    VnkgDocument *doc = NULL;
    FUZZ_CHECK(vnkg_ingest_text(ctx, "fuzz.txt", in, len, &doc) ==
               VNKG_SUCCESS);
    FUZZ_CHECK(doc->text_len == len);
    FUZZ_CHECK(vnkg_normalise_document(ctx, doc) == VNKG_SUCCESS);
    fuzz_check_clean(doc->text, doc->text_len);
    /* at code point boundaries, where tokens and mentions start and end:
     * inside a U+FFFD that replaced one byte the map cannot be exact */
    size_t prev = 0;
    for (size_t i = 0; i <= doc->text_len; ++i) {
        if (i < doc->text_len && (doc->text[i] & 0xC0) == 0x80) {
            continue;
        }
        size_t at = vnkg_document_source_offset(doc, i);
        FUZZ_CHECK(at >= prev && at <= len);
        prev = at;
    }
    vnkg_document_free(ctx, doc);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    VnkgContext *ctx = fuzz_context();
    const char *in = (const char *)data;
    check_normalise_text(ctx, in, size);
    char *clean = NULL;
    size_t clean_len = 0;
    FUZZ_CHECK(vnkg_normalise_text(ctx, "fuzz", in, size, &clean, &clean_len) ==
               VNKG_SUCCESS);
    check_keys(clean, clean_len);
    check_fold_slug(ctx, clean, clean_len);
    vnkg_free(ctx, clean);
    check_xml_safe(ctx, in, size);
    check_document(ctx, in, size);
    vnkg_context_free(ctx);
    return 0;
}
