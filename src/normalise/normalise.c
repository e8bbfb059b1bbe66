/* SPDX-License-Identifier: MIT */
/* Text cleaning (validity, controls, spaces, Eth) and NFC with utf8proc. */
#include <vnkg/normalise.h>

#include <utf8proc.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char *ptr;
    size_t len;
    size_t cap;
} Buf;

static VnkgStatus
buf_reserve(VnkgContext *ctx, Buf *b, size_t extra)
{
    size_t need;
    VNKG_TRY(vnkg_size_add(&need, b->len, extra));
    VNKG_TRY(vnkg_size_add(&need, need, 1));
    if (need <= b->cap) {
        return VNKG_SUCCESS;
    }
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need) {
        VNKG_TRY(vnkg_size_mul(&cap, cap, 2));
    }
    char *p = vnkg_realloc(ctx, b->ptr, cap);
    if (!p) {
        return VNKG_ERR_NO_MEMORY;
    }
    b->ptr = p;
    b->cap = cap;
    return VNKG_SUCCESS;
}

static VnkgStatus
buf_put(VnkgContext *ctx, Buf *b, const char *s, size_t n)
{
    VNKG_TRY(buf_reserve(ctx, b, n));
    memcpy(b->ptr + b->len, s, n);
    b->len += n;
    b->ptr[b->len] = '\0';
    return VNKG_SUCCESS;
}

static VnkgStatus
buf_put_cp(VnkgContext *ctx, Buf *b, utf8proc_int32_t cp)
{
    utf8proc_uint8_t enc[4];
    utf8proc_ssize_t n = utf8proc_encode_char(cp, enc);
    return buf_put(ctx, b, (const char *)enc, (size_t)n);
}

/* True when the byte run needs no work: printable ASCII, \t and \n. */
static int
is_plain_ascii(const char *in, size_t len)
{
    for (size_t i = 0; i < len; ++i) {
        unsigned char c = (unsigned char)in[i];
        if (c >= 0x80 || (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
            return 0;
        }
    }
    return 1;
}

static int
is_space_cp(utf8proc_int32_t cp)
{
    return cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
           cp == 0x205F || cp == 0x3000 || cp == 0x1680;
}

static int
is_dropped_cp(utf8proc_int32_t cp)
{
    return (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF ||
           cp == 0xFFFE || cp == 0xFFFF || cp == 0xAD;
}

/* Maps one decoded code point of input into `b`. Returns 1 in *combining
 * when it is a combining mark, so that the caller knows NFC is needed. */
static VnkgStatus
clean_cp(VnkgContext *ctx, Buf *b, utf8proc_int32_t cp, int *combining)
{
    if (cp == '\r') {
        return buf_put(ctx, b, "\n", 1);
    }
    if (cp == '\n' || cp == '\t') {
        return buf_put(ctx, b, (const char *)&(char){(char)cp}, 1);
    }
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || is_dropped_cp(cp)) {
        return VNKG_SUCCESS;
    }
    if (is_space_cp(cp)) {
        return buf_put(ctx, b, " ", 1);
    }
    if (cp == 0xD0) { /* Eth written for Đ in real Vietnamese text */
        cp = 0x110;
    } else if (cp == 0xF0) {
        cp = 0x111;
    }
    const utf8proc_property_t *prop = utf8proc_get_property(cp);
    if (prop->combining_class != 0) {
        *combining = 1;
    }
    return buf_put_cp(ctx, b, cp);
}

static VnkgStatus
report_bad(VnkgContext *ctx, const char *source, size_t offset)
{
    VnkgStatus st = vnkg_context_strict(ctx) ? VNKG_ERR_BAD_TEXT
                                             : VNKG_SUCCESS;
    vnkg_diag(ctx, VNKG_ERR_BAD_TEXT,
              "%s: byte %zu: invalid UTF-8%s", source ? source : "(input)",
              offset,
              st == VNKG_SUCCESS ? " replaced by U+FFFD (further ones in "
                                   "this text not reported)"
                                 : "");
    return st;
}

/* \r\n counts as one newline: skip the \n after a \r. */
static VnkgStatus
clean_all(VnkgContext *ctx, const char *source, const char *in, size_t len,
          Buf *b, int *combining)
{
    int reported = 0;
    size_t i = 0;
    while (i < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)in + i,
                                              (utf8proc_ssize_t)(len - i), &cp);
        if (n < 0) {
            if (!reported) {
                VNKG_TRY(report_bad(ctx, source, i));
                reported = 1;
            }
            VNKG_TRY(buf_put_cp(ctx, b, 0xFFFD));
            i += 1;
            continue;
        }
        if (n == 0) { /* NUL byte: utf8proc stops; treat as a control */
            i += 1;
            continue;
        }
        if (cp == '\r' && i + 1 < len && in[i + 1] == '\n') {
            i += 1;
            continue;
        }
        VNKG_TRY(clean_cp(ctx, b, cp, combining));
        i += (size_t)n;
    }
    return VNKG_SUCCESS;
}

static VnkgStatus
compose(VnkgContext *ctx, Buf *b)
{
    utf8proc_uint8_t *nfc = utf8proc_NFC((const utf8proc_uint8_t *)b->ptr);
    if (!nfc) {
        return VNKG_ERR_NO_MEMORY;
    }
    size_t n = strlen((const char *)nfc);
    b->len = 0;
    VnkgStatus st = buf_put(ctx, b, (const char *)nfc, n);
    free(nfc); /* utf8proc 2.8 allocates with malloc */
    return st;
}

VnkgStatus
vnkg_normalise_text(VnkgContext *ctx, const char *source, const char *in,
                    size_t len, char **out, size_t *out_len)
{
    *out = NULL;
    *out_len = 0;
    Buf b = {0};
    VnkgStatus st;
    if (is_plain_ascii(in, len)) {
        st = buf_put(ctx, &b, in, len);
    } else {
        int combining = 0;
        st = buf_reserve(ctx, &b, len);
        if (st == VNKG_SUCCESS) {
            b.ptr[0] = '\0';
            st = clean_all(ctx, source, in, len, &b, &combining);
        }
        if (st == VNKG_SUCCESS && combining) {
            st = compose(ctx, &b);
        }
    }
    if (st == VNKG_SUCCESS && !b.ptr) {
        st = buf_put(ctx, &b, "", 0);
    }
    if (st != VNKG_SUCCESS) {
        vnkg_free(ctx, b.ptr);
        return st;
    }
    *out = b.ptr;
    *out_len = b.len;
    return VNKG_SUCCESS;
}

static VnkgStatus
normalise_field(VnkgContext *ctx, const char *source, char **field,
                size_t *field_len)
{
    if (!*field) {
        return VNKG_SUCCESS;
    }
    size_t len = field_len ? *field_len : strlen(*field);
    char *clean;
    size_t clean_len;
    VNKG_TRY(vnkg_normalise_text(ctx, source, *field, len, &clean,
                                 &clean_len));
    vnkg_free(ctx, *field);
    *field = clean;
    if (field_len) {
        *field_len = clean_len;
    }
    return VNKG_SUCCESS;
}

VnkgStatus
vnkg_normalise_document(VnkgContext *ctx, VnkgDocument *doc)
{
    const char *src = doc->source ? doc->source : doc->id;
    VNKG_TRY(normalise_field(ctx, src, &doc->text, &doc->text_len));
    VNKG_TRY(normalise_field(ctx, src, &doc->title, NULL));
    return VNKG_SUCCESS;
}
