/* SPDX-License-Identifier: MIT */
/* The buffered writer (src/export/out.c) against what it replaced: XML as
 * xmlTextWriter writes it, CSV/TSV fields as the stdio writers wrote them
 * after vnkg_export_safe, numbers as printf and vnkg_export_format_double
 * print them; write errors and allocation failures. */
#undef NDEBUG
#include "../../src/export/export_internal.h"
#include "failalloc.h"

#include <libxml/parser.h>

#include <assert.h>
#include <errno.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const tricky[] = {
    "",
    "plain ascii",
    "Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên",
    "A<&\"> 'x' ]]>",
    "tab\there\nline\rcr\r\nend",
    "\x01\x02\x1f ctl \x7f del",
    "bad \xff\xfe bytes",
    "overlong \xc0\xaf \xe0\x80\xaf \xf0\x80\x80\xaf",
    "surrogate \xed\xa0\x80 and \xed\x9f\xbf ok",
    "nonchar \xef\xbf\xbe \xef\xbf\xbf \xef\xbf\xbd \xef\xb7\x90",
    "too big \xf4\x90\x80\x80 max \xf4\x8f\xbf\xbf",
    "lone \x80 cont \xbf",
    "cut \xe1\xba",
    "cut4 \xf0\x9f\x98",
    "\xc3",
    "emoji \xf0\x9f\x98\x80 ok",
    "csv, with \"quotes\" and, commas",
    "\"",
    ",",
    "\n",
    "bad then quote \x01 \"q\", \xff",
};

/* A deterministic byte soup leaning on the bytes that matter. */
static void
random_string(uint32_t *seed, char *buf, size_t cap)
{
    static const unsigned char pool[] = {
        'a',  'Z',  ' ',  '<',  '>',  '&',  '"',  ',',  '\t', '\n', '\r', 0x01,
        0x1f, 0x7f, 0x80, 0xbf, 0xc0, 0xc2, 0xc3, 0xdf, 0xe0, 0xe1, 0xed, 0xef,
        0xbe, 0xa0, 0x9f, 0xf0, 0xf4, 0x90, 0x8f, 0xf5, 0xff, 0xba};
    *seed = *seed * 1103515245u + 12345u;
    size_t n = (*seed >> 16) % (cap - 1);
    for (size_t i = 0; i < n; ++i) {
        *seed = *seed * 1103515245u + 12345u;
        buf[i] = (char)pool[(*seed >> 16) % sizeof pool];
    }
    buf[n] = '\0';
}

static char *
slurp_fp(FILE *fp, size_t *len)
{
    fflush(fp);
    long n = ftell(fp);
    assert(n >= 0);
    char *buf = malloc((size_t)n + 1);
    assert(buf);
    rewind(fp);
    assert(fread(buf, 1, (size_t)n, fp) == (size_t)n);
    buf[n] = '\0';
    *len = (size_t)n;
    return buf;
}

/* ---- XML ----------------------------------------------------------------- */

/* The same document twice: <r a=s><e k=s>s</e><n><m/></n><e/>...</r>. */
static char *
xml_by_libxml(VnkgContext *ctx, const char *s, size_t *len)
{
    FILE *fp = tmpfile();
    assert(fp);
    xmlTextWriterPtr w = NULL;
    assert(vnkg_export_xml_open(ctx, fp, &w) == VNKG_SUCCESS);
    assert(xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL) >= 0);
    assert(xmlTextWriterStartElement(w, BAD_CAST "r") >= 0);
    assert(vnkg_export_xml_attr(ctx, w, "a", s) == VNKG_SUCCESS);
    assert(xmlTextWriterStartElement(w, BAD_CAST "p:e") >= 0);
    assert(vnkg_export_xml_attr(ctx, w, "k", s) == VNKG_SUCCESS);
    assert(vnkg_export_xml_text(ctx, w, s) == VNKG_SUCCESS);
    assert(xmlTextWriterEndElement(w) >= 0);
    assert(xmlTextWriterStartElement(w, BAD_CAST "n") >= 0);
    assert(xmlTextWriterStartElement(w, BAD_CAST "m") >= 0);
    assert(xmlTextWriterEndElement(w) >= 0);
    assert(xmlTextWriterStartElement(w, BAD_CAST "t") >= 0);
    assert(vnkg_export_xml_text(ctx, w, "x") == VNKG_SUCCESS);
    assert(xmlTextWriterEndElement(w) >= 0);
    assert(xmlTextWriterEndElement(w) >= 0);
    assert(xmlTextWriterStartElement(w, BAD_CAST "e") >= 0);
    assert(xmlTextWriterEndElement(w) >= 0);
    assert(xmlTextWriterStartElement(w, BAD_CAST "q") >= 0);
    assert(xmlTextWriterStartElement(w, BAD_CAST "q") >= 0);
    assert(vnkg_export_xml_text(ctx, w, s) == VNKG_SUCCESS);
    assert(xmlTextWriterEndDocument(w) >= 0 && xmlTextWriterFlush(w) >= 0);
    xmlFreeTextWriter(w);
    char *text = slurp_fp(fp, len);
    fclose(fp);
    return text;
}

static char *
xml_by_out(VnkgContext *ctx, const char *s, size_t *len)
{
    FILE *fp = tmpfile();
    assert(fp);
    VnkgOut o;
    assert(vnkg_out_open(ctx, &o, fp) == VNKG_SUCCESS);
    vnkg_out_xml_decl(&o);
    vnkg_out_xml_start(&o, NULL, "r");
    assert(vnkg_out_xml_attr(&o, "a", s) == VNKG_SUCCESS);
    vnkg_out_xml_start(&o, "p", "e");
    const char *parts[3] = {"", s, ""};
    assert(vnkg_out_xml_attr_parts(&o, "k", parts, 3) == VNKG_SUCCESS);
    assert(vnkg_out_xml_text(&o, s) == VNKG_SUCCESS);
    vnkg_out_xml_end(&o);
    vnkg_out_xml_start(&o, NULL, "n");
    vnkg_out_xml_start(&o, NULL, "m");
    vnkg_out_xml_end(&o);
    vnkg_out_xml_start(&o, NULL, "t");
    vnkg_out_xml_open_text(&o);
    vnkg_out_putc(&o, 'x');
    vnkg_out_xml_end(&o);
    vnkg_out_xml_end(&o);
    vnkg_out_xml_start(&o, NULL, "e");
    vnkg_out_xml_end(&o);
    vnkg_out_xml_start(&o, NULL, "q");
    vnkg_out_xml_start(&o, NULL, "q");
    assert(vnkg_out_xml_text(&o, s) == VNKG_SUCCESS);
    vnkg_out_xml_end_document(&o);
    assert(vnkg_out_close(&o, VNKG_SUCCESS) == VNKG_SUCCESS);
    char *text = slurp_fp(fp, len);
    fclose(fp);
    return text;
}

static void
check_xml(VnkgContext *ctx, const char *s)
{
    size_t n1 = 0, n2 = 0;
    char *a = xml_by_libxml(ctx, s, &n1);
    char *b = xml_by_out(ctx, s, &n2);
    if (n1 != n2 || memcmp(a, b, n1) != 0) {
        fprintf(stderr, "XML differs for \"%s\":\n%s\n---\n%s\n", s, a, b);
        abort();
    }
    free(a);
    free(b);
}

static void
test_xml(void)
{
    VnkgContext *ctx;
    assert(vnkg_context_new(&ctx) == VNKG_SUCCESS);
    for (size_t i = 0; i < sizeof tricky / sizeof tricky[0]; ++i) {
        check_xml(ctx, tricky[i]);
    }
    uint32_t seed = 7;
    char buf[48];
    for (int i = 0; i < 3000; ++i) {
        random_string(&seed, buf, sizeof buf);
        check_xml(ctx, buf);
    }
    vnkg_context_free(ctx);
}

/* An empty root closes itself, as xmlTextWriter does. */
static void
test_xml_empty_root(void)
{
    VnkgContext *ctx;
    assert(vnkg_context_new(&ctx) == VNKG_SUCCESS);
    FILE *fp = tmpfile();
    VnkgOut o;
    assert(vnkg_out_open(ctx, &o, fp) == VNKG_SUCCESS);
    vnkg_out_xml_decl(&o);
    vnkg_out_xml_start(&o, "rdf", "RDF");
    vnkg_out_xml_end_document(&o);
    assert(vnkg_out_close(&o, VNKG_SUCCESS) == VNKG_SUCCESS);
    size_t n = 0;
    char *text = slurp_fp(fp, &n);
    assert(strcmp(text, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<rdf:RDF/>\n") == 0);
    free(text);
    fclose(fp);
    vnkg_context_free(ctx);
}

/* ---- CSV and TSV --------------------------------------------------------- */

/* The stdio writers this replaced (tables.c before the buffered writer). */
static void
old_field(VnkgContext *ctx, FILE *fp, const char *s, int tsv)
{
    const char *safe = NULL;
    char *tmp = NULL;
    assert(vnkg_export_safe(ctx, s, &safe, &tmp) == VNKG_SUCCESS);
    if (tsv) {
        for (const char *p = safe; *p; ++p) {
            putc((*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p, fp);
        }
    } else if (!strpbrk(safe, ",\"\r\n")) {
        fputs(safe, fp);
    } else {
        putc('"', fp);
        for (const char *p = safe; *p; ++p) {
            if (*p == '"') {
                putc('"', fp);
            }
            putc(*p, fp);
        }
        putc('"', fp);
    }
    vnkg_free(ctx, tmp);
}

static void
check_field(VnkgContext *ctx, const char *s, int tsv)
{
    FILE *f1 = tmpfile();
    FILE *f2 = tmpfile();
    old_field(ctx, f1, s, tsv);
    VnkgOut o;
    assert(vnkg_out_open(ctx, &o, f2) == VNKG_SUCCESS);
    assert((tsv ? vnkg_out_tsv(&o, s) : vnkg_out_csv(&o, s)) == VNKG_SUCCESS);
    assert(vnkg_out_close(&o, VNKG_SUCCESS) == VNKG_SUCCESS);
    size_t n1 = 0, n2 = 0;
    char *a = slurp_fp(f1, &n1);
    char *b = slurp_fp(f2, &n2);
    if (n1 != n2 || memcmp(a, b, n1) != 0) {
        fprintf(stderr, "%s differs for \"%s\": [%s] [%s]\n",
                tsv ? "TSV" : "CSV", s, a, b);
        abort();
    }
    free(a);
    free(b);
    fclose(f1);
    fclose(f2);
}

static void
test_fields(void)
{
    VnkgContext *ctx;
    assert(vnkg_context_new(&ctx) == VNKG_SUCCESS);
    for (int tsv = 0; tsv < 2; ++tsv) {
        for (size_t i = 0; i < sizeof tricky / sizeof tricky[0]; ++i) {
            check_field(ctx, tricky[i], tsv);
        }
        uint32_t seed = 11;
        char buf[40];
        for (int i = 0; i < 3000; ++i) {
            random_string(&seed, buf, sizeof buf);
            check_field(ctx, buf, tsv);
        }
    }
    vnkg_context_free(ctx);
}

/* ---- numbers and long writes --------------------------------------------- */

static void
check_number_output(VnkgOut *o, FILE *fp, const char *want)
{
    assert(vnkg_out_close(o, VNKG_SUCCESS) == VNKG_SUCCESS);
    size_t n = 0;
    char *got = slurp_fp(fp, &n);
    if (strcmp(got, want) != 0) {
        fprintf(stderr, "number: got %s, want %s\n", got, want);
        abort();
    }
    free(got);
    fclose(fp);
}

static void
check_double(VnkgContext *ctx, double v)
{
    char want[VNKG_EXPORT_NUM_CAP];
    vnkg_export_format_double(v, want);
    FILE *fp = tmpfile();
    VnkgOut o;
    assert(vnkg_out_open(ctx, &o, fp) == VNKG_SUCCESS);
    vnkg_out_double(&o, v);
    check_number_output(&o, fp, want);
}

static void
check_ll(VnkgContext *ctx, long long v)
{
    char want[32];
    snprintf(want, sizeof want, "%lld", v);
    FILE *fp = tmpfile();
    VnkgOut o;
    assert(vnkg_out_open(ctx, &o, fp) == VNKG_SUCCESS);
    vnkg_out_ll(&o, v);
    check_number_output(&o, fp, want);
    if (v >= 0) {
        snprintf(want, sizeof want, "%zu", (size_t)v);
        fp = tmpfile();
        assert(vnkg_out_open(ctx, &o, fp) == VNKG_SUCCESS);
        vnkg_out_size(&o, (size_t)v);
        check_number_output(&o, fp, want);
    }
}

static void
test_numbers(void)
{
    VnkgContext *ctx;
    assert(vnkg_context_new(&ctx) == VNKG_SUCCESS);
    static const double d[] = {
        0.0,           -0.0,     1,          -1,
        0.25,          3.5,      1.0 / 3,    9999999999.0,
        -9999999999.0, 1e10,     -1e10,      12345678901.0,
        1e15,          1e-12,    123456.789, 0.1 + 0.2,
        DBL_MAX,       DBL_MIN,  -DBL_MIN,   4.9e-324,
        NAN,           INFINITY, -INFINITY};
    for (size_t i = 0; i < sizeof d / sizeof d[0]; ++i) {
        check_double(ctx, d[i]);
    }
    uint32_t seed = 3;
    for (int i = 0; i < 20000; ++i) {
        seed = seed * 1103515245u + 12345u;
        double v = (double)(seed >> 8) / (double)(1u << (seed % 24));
        check_double(ctx, (seed & 1) ? v : -v);
        check_double(ctx, floor(v));
    }
    static const long long ll[] = {0,         1,        -1,        9,
                                   10,        -10,      123456789, LLONG_MAX,
                                   LLONG_MIN, LONG_MAX, LONG_MIN,  INT_MIN};
    for (size_t i = 0; i < sizeof ll / sizeof ll[0]; ++i) {
        check_ll(ctx, ll[i]);
    }
    char want[32];
    snprintf(want, sizeof want, "%zu", SIZE_MAX);
    FILE *fp = tmpfile();
    VnkgOut o;
    assert(vnkg_out_open(ctx, &o, fp) == VNKG_SUCCESS);
    vnkg_out_size(&o, SIZE_MAX);
    check_number_output(&o, fp, want);
    vnkg_context_free(ctx);
}

/* Writes longer than the buffer, and across its end, keep every byte. */
static void
test_long_writes(void)
{
    VnkgContext *ctx;
    assert(vnkg_context_new(&ctx) == VNKG_SUCCESS);
    size_t big = VNKG_OUT_CAP * 2 + 17;
    char *s = malloc(big + 1);
    assert(s);
    for (size_t i = 0; i < big; ++i) {
        s[i] = (char)('a' + i % 26);
    }
    s[big] = '\0';
    FILE *fp = tmpfile();
    VnkgOut o;
    assert(vnkg_out_open(ctx, &o, fp) == VNKG_SUCCESS);
    vnkg_out_write(&o, s, 5);
    vnkg_out_write(&o, s, big);
    for (size_t i = 0; i < VNKG_OUT_CAP; ++i) {
        vnkg_out_putc(&o, s[i]);
    }
    assert(vnkg_out_tsv(&o, s) == VNKG_SUCCESS);
    assert(vnkg_out_close(&o, VNKG_SUCCESS) == VNKG_SUCCESS);
    size_t n = 0;
    char *got = slurp_fp(fp, &n);
    assert(n == 5 + big + VNKG_OUT_CAP + big);
    assert(memcmp(got, s, 5) == 0);
    assert(memcmp(got + 5, s, big) == 0);
    assert(memcmp(got + 5 + big, s, VNKG_OUT_CAP) == 0);
    assert(memcmp(got + 5 + big + VNKG_OUT_CAP, s, big) == 0);
    free(got);
    free(s);
    fclose(fp);
    vnkg_context_free(ctx);
}

/* ---- failures ------------------------------------------------------------ */

/* /dev/full: the failure sticks, and close reports ENOSPC in errno. */
static void
test_device_full(void)
{
    FILE *fp = fopen("/dev/full", "wb");
    if (!fp) {
        printf("test_export_out: no /dev/full, test skipped\n");
        return;
    }
    VnkgContext *ctx;
    assert(vnkg_context_new(&ctx) == VNKG_SUCCESS);
    VnkgOut o;
    assert(vnkg_out_open(ctx, &o, fp) == VNKG_SUCCESS);
    for (size_t i = 0; i < VNKG_OUT_CAP / 8 + 1; ++i) {
        vnkg_out_write(&o, "12345678", 8);
    }
    assert(vnkg_out_status(&o) == VNKG_ERR_WRITE);
    vnkg_out_write(&o, "more", 4);
    errno = 0;
    assert(vnkg_out_close(&o, VNKG_SUCCESS) == VNKG_ERR_WRITE);
    assert(errno == ENOSPC);
    /* a small write lands in the stream's buffer: its fflush fails */
    assert(vnkg_out_open(ctx, &o, fp) == VNKG_SUCCESS);
    clearerr(fp);
    vnkg_out_puts(&o, "x");
    assert(vnkg_out_status(&o) == VNKG_SUCCESS);
    assert(vnkg_out_close(&o, VNKG_SUCCESS) == VNKG_SUCCESS);
    assert(fflush(fp) != 0);
    /* another error wins over the write error */
    assert(vnkg_out_open(ctx, &o, fp) == VNKG_SUCCESS);
    assert(vnkg_out_close(&o, VNKG_ERR_NO_MEMORY) == VNKG_ERR_NO_MEMORY);
    fclose(fp);
    vnkg_context_free(ctx);
}

/* The buffer, and the copy that cleans bad text, fail cleanly. */
static void
test_alloc_failures(void)
{
    FailAlloc fa = {-1, 0, 0};
    VnkgAllocator alloc = {fa_malloc, fa_realloc, fa_free, &fa};
    VnkgContext *ctx = NULL;
    assert(vnkg_context_new_with(&ctx, &alloc) == VNKG_SUCCESS);
    FILE *fp = tmpfile();
    VnkgStatus st = VNKG_ERR_NO_MEMORY;
    long n;
    for (n = 0; st == VNKG_ERR_NO_MEMORY; ++n) {
        long live = fa.live;
        fa.fail_at = n;
        fa.count = 0;
        VnkgOut o;
        st = vnkg_out_open(ctx, &o, fp);
        if (st == VNKG_SUCCESS) {
            st = vnkg_out_csv(&o, "bad \xff, byte");
            if (st == VNKG_SUCCESS) {
                st = vnkg_out_tsv(&o, "bad \x01 byte");
            }
            if (st == VNKG_SUCCESS) {
                vnkg_out_xml_start(&o, NULL, "e");
                st = vnkg_out_xml_text(&o, "bad \xc0 byte");
            }
            st = vnkg_out_close(&o, st);
        } else {
            assert(st == VNKG_ERR_NO_MEMORY);
        }
        assert(st == VNKG_SUCCESS || st == VNKG_ERR_NO_MEMORY);
        assert(fa.live == live);
    }
    assert(n == 5); /* the buffer and three copies, then success */
    fa.fail_at = -1;
    fclose(fp);
    vnkg_context_free(ctx);
}

int
main(void)
{
    xmlInitParser();
    test_xml();
    test_xml_empty_root();
    test_fields();
    test_numbers();
    test_long_writes();
    test_device_full();
    test_alloc_failures();
    xmlCleanupParser();
    printf("test_export_out: all passed\n");
    return 0;
}
