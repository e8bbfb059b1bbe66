/* SPDX-License-Identifier: MIT */
/* Small helpers shared by the writers: buffer, numbers, IRIs, safe text. */
#include "../util/number.h"
#include "export_internal.h"

#include <vnkg/normalise.h>

#include <libxml/xmlIO.h>

#include <math.h>
#include <string.h>

VnkgStatus
vnkg_export_buf_append(VnkgContext *ctx, VnkgExportBuf *buf, const char *s,
                       size_t len)
{
    size_t need = 0;
    VNKG_TRY(vnkg_size_add(&need, buf->len, len));
    VNKG_TRY(vnkg_size_add(&need, need, 1));
    if (need > buf->cap) {
        size_t cap = buf->cap ? buf->cap : 64;
        while (cap < need) {
            VNKG_TRY(vnkg_size_mul(&cap, cap, 2));
        }
        char *p = vnkg_realloc(ctx, buf->ptr, cap);
        if (!p) {
            return VNKG_ERR_NO_MEMORY;
        }
        buf->ptr = p;
        buf->cap = cap;
    }
    memcpy(buf->ptr + buf->len, s, len);
    buf->len += len;
    buf->ptr[buf->len] = '\0';
    return VNKG_SUCCESS;
}

VnkgStatus
vnkg_export_buf_puts(VnkgContext *ctx, VnkgExportBuf *buf, const char *s)
{
    return vnkg_export_buf_append(ctx, buf, s, strlen(s));
}

void
vnkg_export_buf_reset(VnkgExportBuf *buf)
{
    buf->len = 0;
    if (buf->ptr) {
        buf->ptr[0] = '\0';
    }
}

void
vnkg_export_buf_clear(VnkgContext *ctx, VnkgExportBuf *buf)
{
    vnkg_free(ctx, buf->ptr);
    buf->ptr = NULL;
    buf->len = buf->cap = 0;
}

static int
is_unreserved(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
           c == '~';
}

VnkgStatus
vnkg_export_pct_encode(VnkgContext *ctx, VnkgExportBuf *buf, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        const unsigned char *run = p;
        while (*p && (is_unreserved(*p) || *p == '/')) {
            ++p;
        }
        VNKG_TRY(vnkg_export_buf_append(ctx, buf, (const char *)run,
                                        (size_t)(p - run)));
        if (*p) {
            char esc[3] = {'%', hex[*p >> 4], hex[*p & 15]};
            VNKG_TRY(vnkg_export_buf_append(ctx, buf, esc, 3));
            ++p;
        }
    }
    return VNKG_SUCCESS;
}

int
vnkg_export_cmp_ranked(const void *pa, const void *pb)
{
    const VnkgRankedNode *a = pa, *b = pb;
    int na = isnan(a->key), nb = isnan(b->key);
    if (na != nb) {
        return na - nb;
    }
    if (!na && a->key != b->key) {
        return a->key > b->key ? -1 : 1;
    }
    return strcmp(a->node->id, b->node->id);
}

size_t
vnkg_export_format_double(double v, char *out)
{
    return vnkg_format_g(v, 10, out);
}

/* True when the byte string needs no cleaning for XML 1.0. Non-ASCII goes
 * through vnkg_normalise_xml_safe, which checks UTF-8 and U+FFFE/U+FFFF. */
static int
is_plain(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; ++p) {
        if (*p >= 0x80 ||
            (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')) {
            return 0;
        }
    }
    return 1;
}

VnkgStatus
vnkg_export_safe(VnkgContext *ctx, const char *s, const char **out, char **tmp)
{
    *tmp = NULL;
    *out = s;
    if (is_plain(s)) {
        return VNKG_SUCCESS;
    }
    VNKG_TRY(vnkg_normalise_xml_safe(ctx, s, strlen(s), tmp));
    *out = *tmp;
    return VNKG_SUCCESS;
}

int
vnkg_export_is_date(const char *s)
{
    static const int days[12] = {31, 29, 31, 30, 31, 30,
                                 31, 31, 30, 31, 30, 31};
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-') {
        return 0;
    }
    int v[3] = {0, 0, 0};
    static const int start[3] = {0, 5, 8};
    static const int len[3] = {4, 2, 2};
    for (int f = 0; f < 3; ++f) {
        for (int k = 0; k < len[f]; ++k) {
            char c = s[start[f] + k];
            if (c < '0' || c > '9') {
                return 0;
            }
            v[f] = v[f] * 10 + (c - '0');
        }
    }
    int leap = (v[0] % 4 == 0 && v[0] % 100 != 0) || v[0] % 400 == 0;
    if (v[1] < 1 || v[1] > 12 || v[2] < 1) {
        return 0;
    }
    int max = days[v[1] - 1] - (v[1] == 2 && !leap);
    return v[2] <= max;
}

/* libxml2's output callbacks. A failed write is not returned to libxml2,
 * which would print "I/O error" on stderr through its process-wide error
 * handler, past the context's diagnostic sink: the stream keeps its error
 * flag and errno, and vnkg_export_stream reports them, naming the file. */
static int
xml_write(void *fp, const char *buf, int len)
{
    if (len > 0 && !ferror((FILE *)fp)) {
        (void)fwrite(buf, 1, (size_t)len, (FILE *)fp);
    }
    return len;
}

static int
xml_close(void *fp)
{
    (void)fp; /* we keep owning `fp`; vnkg_export_stream flushes it */
    return 0;
}

VnkgStatus
vnkg_export_xml_open(VnkgContext *ctx, FILE *fp, xmlTextWriterPtr *out)
{
    *out = NULL;
    xmlOutputBufferPtr ob =
        xmlOutputBufferCreateIO(xml_write, xml_close, fp, NULL);
    if (!ob) {
        return vnkg_diag(ctx, VNKG_ERR_NO_MEMORY, "cannot create XML buffer");
    }
    xmlTextWriterPtr w = xmlNewTextWriter(ob);
    if (!w) {
        xmlOutputBufferClose(ob);
        return vnkg_diag(ctx, VNKG_ERR_NO_MEMORY, "cannot create XML writer");
    }
    if (xmlTextWriterSetIndent(w, 1) < 0 ||
        xmlTextWriterSetIndentString(w, BAD_CAST "  ") < 0) {
        xmlFreeTextWriter(w);
        return VNKG_ERR_WRITE;
    }
    *out = w;
    return VNKG_SUCCESS;
}

VnkgStatus
vnkg_export_xml_attr(VnkgContext *ctx, xmlTextWriterPtr w, const char *name,
                     const char *value)
{
    const char *safe = NULL;
    char *tmp = NULL;
    VNKG_TRY(vnkg_export_safe(ctx, value, &safe, &tmp));
    int rc = xmlTextWriterWriteAttribute(w, BAD_CAST name, BAD_CAST safe);
    vnkg_free(ctx, tmp);
    return rc < 0 ? VNKG_ERR_WRITE : VNKG_SUCCESS;
}

VnkgStatus
vnkg_export_xml_text(VnkgContext *ctx, xmlTextWriterPtr w, const char *text)
{
    const char *safe = NULL;
    char *tmp = NULL;
    VNKG_TRY(vnkg_export_safe(ctx, text, &safe, &tmp));
    int rc = xmlTextWriterWriteString(w, BAD_CAST safe);
    vnkg_free(ctx, tmp);
    return rc < 0 ? VNKG_ERR_WRITE : VNKG_SUCCESS;
}
