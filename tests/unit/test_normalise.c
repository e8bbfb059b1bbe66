/* SPDX-License-Identifier: MIT */
#undef NDEBUG
#include <vnkg/normalise.h>

#include <assert.h>
#include <stdio.h>
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

int
main(void)
{
    test_text();
    test_document_reports_once();
    test_key();
    test_fold_slug();
    puts("normalise: ok");
    return 0;
}
