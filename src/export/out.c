/* SPDX-License-Identifier: MIT */
/* Buffered output for the writers: raw bytes, numbers, CSV/TSV fields and
 * XML with the bytes xmlTextWriter would write (libxml2 2.9: entities.c
 * xmlEncodeSpecialChars for text, tree.c xmlBufAttrSerializeTxtContent for
 * attributes, xmlwriter.c for indentation). Text is scanned once: runs of
 * bytes that need nothing are copied with memcpy. */
#include "export_internal.h"

#include <vnkg/normalise.h>

#include <assert.h>
#include <errno.h>
#include <stdlib.h>

/* Which bytes stop the copying of a run, per use: one bit per mode. */
enum {
    M_TEXT = 1, /* XML element text: < > & " CR */
    M_ATTR = 2, /* XML attribute value: also LF and tab */
    M_TSV = 4,  /* TSV field: tab, LF and CR become spaces */
    M_CSV = 8,  /* CSV field: , " CR LF make it quoted */
    M_ALL = M_TEXT | M_ATTR | M_TSV | M_CSV
};

/* NUL ends the string; other C0 controls but tab, LF and CR are not XML
 * and are cleaned; bytes >= 0x80 are checked as UTF-8. */
#define A M_ALL
#define T (M_ATTR | M_TSV)                  /* tab */
#define L (M_ATTR | M_TSV | M_CSV)          /* LF */
#define C (M_TEXT | M_ATTR | M_TSV | M_CSV) /* CR */
#define Q (M_TEXT | M_ATTR | M_CSV)         /* " */
#define X (M_TEXT | M_ATTR)                 /* & < > */
#define K M_CSV                             /* , */
static const unsigned char stops[256] = {
    A, A, A, A, A, A, A, A, A, T, L, A, A, C, A, A, /* 0x00 */
    A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, /* 0x10 */
    0, 0, Q, 0, 0, 0, X, 0, 0, 0, 0, 0, K, 0, 0, 0, /* 0x20 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, X, 0, X, 0, /* 0x30 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x40 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x50 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x60 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x70 */
    A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, /* 0x80 */
    A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, /* 0x90 */
    A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, /* 0xA0 */
    A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, /* 0xB0 */
    A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, /* 0xC0 */
    A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, /* 0xD0 */
    A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, /* 0xE0 */
    A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, A, /* 0xF0 */
};
#undef A
#undef T
#undef L
#undef C
#undef Q
#undef X
#undef K

/* ---- the buffer -------------------------------------------------------- */

VnkgStatus
vnkg_out_open(VnkgContext *ctx, VnkgOut *out, FILE *fp)
{
    memset(out, 0, sizeof *out);
    out->ctx = ctx;
    out->fp = fp;
    out->buf = vnkg_malloc(ctx, VNKG_OUT_CAP);
    return out->buf ? VNKG_SUCCESS : VNKG_ERR_NO_MEMORY;
}

static void
put_stream(VnkgOut *out, const char *s, size_t len)
{
    if (out->failed || len == 0) {
        return;
    }
    errno = 0;
    if (fwrite(s, 1, len, out->fp) != len) {
        out->failed = 1;
        out->err = errno;
    }
}

void
vnkg_out_drain(VnkgOut *out)
{
    put_stream(out, out->buf, out->len);
    out->len = 0;
}

void
vnkg_out_write_slow(VnkgOut *out, const char *s, size_t len)
{
    vnkg_out_drain(out);
    if (len >= VNKG_OUT_CAP) {
        put_stream(out, s, len);
    } else {
        memcpy(out->buf, s, len);
        out->len = len;
    }
}

VnkgStatus
vnkg_out_status(const VnkgOut *out)
{
    return out->failed ? VNKG_ERR_WRITE : VNKG_SUCCESS;
}

VnkgStatus
vnkg_out_close(VnkgOut *out, VnkgStatus st)
{
    if (st == VNKG_SUCCESS) {
        vnkg_out_drain(out);
    }
    vnkg_free(out->ctx, out->buf);
    out->buf = NULL;
    out->len = 0;
    if (out->failed && (st == VNKG_SUCCESS || st == VNKG_ERR_WRITE)) {
        errno = out->err; /* vnkg_export_stream names it */
        return VNKG_ERR_WRITE;
    }
    return st;
}

typedef struct {
    VnkgOutBodyFn body;
    const void *data;
} OutBody;

/* A VnkgExportWriteFn: the body through a VnkgOut on `fp`. */
static VnkgStatus
write_through_out(VnkgContext *ctx, FILE *fp, const void *arg)
{
    const OutBody *b = arg;
    VnkgOut out;
    VNKG_TRY(vnkg_out_open(ctx, &out, fp));
    return vnkg_out_close(&out, b->body(&out, b->data));
}

VnkgStatus
vnkg_out_write_file(VnkgContext *ctx, const char *path, VnkgOutBodyFn body,
                    const void *data)
{
    OutBody b = {body, data};
    return vnkg_export_atomic(ctx, path, write_through_out, &b);
}

/* ---- numbers ----------------------------------------------------------- */

void
vnkg_out_size(VnkgOut *out, size_t v)
{
    char tmp[24];
    char *p = tmp + sizeof tmp;
    do {
        *--p = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    vnkg_out_write(out, p, (size_t)(tmp + sizeof tmp - p));
}

void
vnkg_out_ll(VnkgOut *out, long long v)
{
    if (v < 0) {
        vnkg_out_putc(out, '-');
        /* -(v + 1) + 1 avoids overflowing on LLONG_MIN */
        vnkg_out_size(out, (size_t)(-(v + 1)) + 1);
    } else {
        vnkg_out_size(out, (size_t)v);
    }
}

void
vnkg_out_double(VnkgOut *out, double v)
{
    /* "%.10g" prints an integer below 1e10 in full, without point or
     * exponent; "-0" is written "0" (vnkg_export_format_double). */
    if (v > -1e10 && v < 1e10 && v == (double)(long long)v) {
        vnkg_out_ll(out, (long long)v);
        return;
    }
    char num[VNKG_EXPORT_NUM_CAP];
    vnkg_out_write(out, num, vnkg_export_format_double(v, num));
}

/* ---- text -------------------------------------------------------------- */

static int
is_cont(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

/* The length of the UTF-8 sequence at `p` when it is valid and allowed in
 * XML (not U+FFFE or U+FFFF), else 0: the sequences utf8proc_iterate
 * accepts and vnkg_normalise_xml_safe keeps unchanged. */
static size_t
valid_seq(const unsigned char *p)
{
    unsigned char c = p[0];
    if (c < 0xC2 || c > 0xF4 || !is_cont(p[1])) {
        return 0;
    }
    if (c < 0xE0) {
        return 2;
    }
    if (!is_cont(p[2])) {
        return 0;
    }
    if (c < 0xF0) {
        if ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] > 0x9F) ||
            (c == 0xEF && p[1] == 0xBF && p[2] >= 0xBE)) {
            return 0; /* overlong, surrogate, U+FFFE/U+FFFF */
        }
        return 3;
    }
    if (!is_cont(p[3]) || (c == 0xF0 && p[1] < 0x90) ||
        (c == 0xF4 && p[1] > 0x8F)) {
        return 0; /* overlong, over U+10FFFF */
    }
    return 4;
}

/* What a stopping byte (not NUL, not >= 0x80) becomes in `mode`. */
static const char *
replacement(int mode, unsigned char c, size_t *len)
{
    const char *r;
    switch (c) {
    case '<':
        r = "&lt;";
        break;
    case '>':
        r = "&gt;";
        break;
    case '&':
        r = "&amp;";
        break;
    case '"':
        r = "&quot;";
        break;
    case '\r':
        r = mode == M_TSV ? " " : "&#13;";
        break;
    case '\n':
        r = mode == M_TSV ? " " : "&#10;";
        break;
    case '\t':
        r = mode == M_TSV ? " " : "&#9;";
        break;
    default:
        r = NULL;
    }
    *len = r ? strlen(r) : 0;
    return r;
}

/* Appends `s` escaped for `mode` (M_TEXT, M_ATTR or M_TSV). Text that is not
 * XML-safe goes from the first bad byte on through vnkg_normalise_xml_safe,
 * which keeps what precedes a bad byte and works one character at a time, so
 * the result equals escaping vnkg_export_safe's copy. `cleaned`: `s` came from
 * there. */
static VnkgStatus
put_escaped(VnkgOut *out, const char *s, int mode, int cleaned)
{
    const unsigned char *p = (const unsigned char *)s;
    const unsigned char *run = p;
    for (;;) {
        unsigned char c = *p;
        if (!(stops[c] & mode)) {
            ++p;
            continue;
        }
        size_t n = 0;
        const char *rep = NULL;
        if (c >= 0x80) {
            n = valid_seq(p);
            if (n || cleaned) {
                p += n ? n : 1;
                continue;
            }
        } else if (c == 0) {
            vnkg_out_write(out, (const char *)run, (size_t)(p - run));
            return VNKG_SUCCESS;
        } else if ((rep = replacement(mode, c, &n)) != NULL) {
            vnkg_out_write(out, (const char *)run, (size_t)(p - run));
            vnkg_out_write(out, rep, n);
            run = ++p;
            continue;
        } else if (cleaned) {
            ++p;
            continue;
        }
        /* an invalid sequence or a control character XML forbids */
        vnkg_out_write(out, (const char *)run, (size_t)(p - run));
        char *tmp = NULL;
        const char *rest = (const char *)p;
        VNKG_TRY(vnkg_normalise_xml_safe(out->ctx, rest, strlen(rest), &tmp));
        VnkgStatus st = put_escaped(out, tmp, mode, 1);
        vnkg_free(out->ctx, tmp);
        return st;
    }
}

VnkgStatus
vnkg_out_tsv(VnkgOut *out, const char *s)
{
    return put_escaped(out, s, M_TSV, 0);
}

/* 1 when `s` holds a byte that makes a CSV field quoted, -1 when it needs
 * cleaning first, else 0. */
static int
csv_scan(const char *s)
{
    int quote = 0;
    const unsigned char *p = (const unsigned char *)s;
    for (;;) {
        unsigned char c = *p;
        if (!(stops[c] & M_CSV)) {
            ++p;
        } else if (c >= 0x80) {
            size_t n = valid_seq(p);
            if (!n) {
                return -1;
            }
            p += n;
        } else if (c == 0) {
            return quote;
        } else if (c == ',' || c == '"' || c == '\r' || c == '\n') {
            quote = 1;
            ++p;
        } else {
            return -1; /* a control character XML forbids */
        }
    }
}

VnkgStatus
vnkg_out_csv(VnkgOut *out, const char *s)
{
    int quote = csv_scan(s);
    if (quote < 0) {
        char *tmp = NULL;
        VNKG_TRY(vnkg_normalise_xml_safe(out->ctx, s, strlen(s), &tmp));
        VnkgStatus st = vnkg_out_csv(out, tmp);
        vnkg_free(out->ctx, tmp);
        return st;
    }
    if (!quote) {
        vnkg_out_puts(out, s);
        return VNKG_SUCCESS;
    }
    vnkg_out_putc(out, '"');
    for (const char *p = s; *p;) {
        const char *q = strchr(p, '"');
        size_t n = q ? (size_t)(q - p) + 1 : strlen(p);
        vnkg_out_write(out, p, n); /* the quote itself, then once more */
        p += n;
        if (q) {
            vnkg_out_putc(out, '"');
        }
    }
    vnkg_out_putc(out, '"');
    return VNKG_SUCCESS;
}

/* ---- XML --------------------------------------------------------------- */

static void
put_indent(VnkgOut *out, size_t levels)
{
    static const char spaces[] = "                ";
    while (levels > 0) {
        size_t n = levels < 8 ? levels : 8;
        vnkg_out_write(out, spaces, 2 * n);
        levels -= n;
    }
}

static void
put_name(VnkgOut *out, const VnkgOutElem *e)
{
    if (e->prefix) {
        vnkg_out_puts(out, e->prefix);
        vnkg_out_putc(out, ':');
    }
    vnkg_out_puts(out, e->local);
}

void
vnkg_out_xml_decl(VnkgOut *out)
{
    vnkg_out_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
}

void
vnkg_out_xml_start(VnkgOut *out, const char *prefix, const char *local)
{
    assert(out->depth < VNKG_OUT_DEPTH);
    if (out->depth > 0 && !out->stack[out->depth - 1].has_content) {
        vnkg_out_write(out, ">\n", 2);
        out->stack[out->depth - 1].has_content = 1;
    }
    VnkgOutElem *e = &out->stack[out->depth++];
    e->prefix = prefix;
    e->local = local;
    e->has_content = 0;
    put_indent(out, out->depth - 1);
    vnkg_out_putc(out, '<');
    put_name(out, e);
}

void
vnkg_out_xml_attr_open(VnkgOut *out, const char *name)
{
    assert(out->depth > 0 && !out->stack[out->depth - 1].has_content);
    vnkg_out_putc(out, ' ');
    vnkg_out_puts(out, name);
    vnkg_out_write(out, "=\"", 2);
}

void
vnkg_out_xml_attr_close(VnkgOut *out)
{
    vnkg_out_putc(out, '"');
}

VnkgStatus
vnkg_out_xml_attr_parts(VnkgOut *out, const char *name,
                        const char *const *parts, size_t n)
{
    vnkg_out_xml_attr_open(out, name);
    for (size_t i = 0; i < n; ++i) {
        VNKG_TRY(put_escaped(out, parts[i], M_ATTR, 0));
    }
    vnkg_out_xml_attr_close(out);
    return VNKG_SUCCESS;
}

VnkgStatus
vnkg_out_xml_attr(VnkgOut *out, const char *name, const char *value)
{
    return vnkg_out_xml_attr_parts(out, name, &value, 1);
}

void
vnkg_out_xml_open_text(VnkgOut *out)
{
    assert(out->depth > 0);
    VnkgOutElem *e = &out->stack[out->depth - 1];
    if (!e->has_content) {
        vnkg_out_putc(out, '>');
        e->has_content = 1;
    }
    out->doindent = 0;
}

VnkgStatus
vnkg_out_xml_text(VnkgOut *out, const char *text)
{
    vnkg_out_xml_open_text(out);
    return put_escaped(out, text, M_TEXT, 0);
}

void
vnkg_out_xml_end(VnkgOut *out)
{
    assert(out->depth > 0);
    const VnkgOutElem *e = &out->stack[out->depth - 1];
    if (!e->has_content) {
        vnkg_out_write(out, "/>\n", 3);
    } else {
        if (out->doindent) {
            put_indent(out, out->depth - 1);
        }
        vnkg_out_write(out, "</", 2);
        put_name(out, e);
        vnkg_out_write(out, ">\n", 2);
    }
    out->doindent = 1;
    out->depth--;
}

void
vnkg_out_xml_end_document(VnkgOut *out)
{
    while (out->depth > 0) {
        vnkg_out_xml_end(out);
    }
}
