/* SPDX-License-Identifier: MIT */
/* Byte buffers, titles, ids and dates shared by the ingest readers. */
#include "ingest_internal.h"

#include <string.h>

void
vnkg_ingest_buf_init(VnkgIngestBuf *buf, VnkgContext *ctx)
{
    buf->ctx = ctx;
    buf->ptr = NULL;
    buf->len = 0;
    buf->cap = 0;
}

void
vnkg_ingest_buf_clear(VnkgIngestBuf *buf)
{
    vnkg_free(buf->ctx, buf->ptr);
    buf->ptr = NULL;
    buf->len = 0;
    buf->cap = 0;
}

VnkgStatus
vnkg_ingest_buf_reserve(VnkgIngestBuf *buf, size_t extra)
{
    size_t need = 0;
    VNKG_TRY(vnkg_size_add(&need, buf->len, extra));
    VNKG_TRY(vnkg_size_add(&need, need, 1));
    if (need <= buf->cap) {
        return VNKG_SUCCESS;
    }
    size_t cap = buf->cap ? buf->cap : 256;
    while (cap < need) {
        VNKG_TRY(vnkg_size_mul(&cap, cap, 2));
    }
    char *ptr = vnkg_realloc(buf->ctx, buf->ptr, cap);
    if (!ptr) {
        return VNKG_ERR_NO_MEMORY;
    }
    buf->ptr = ptr;
    buf->cap = cap;
    return VNKG_SUCCESS;
}

VnkgStatus
vnkg_ingest_buf_append(VnkgIngestBuf *buf, const char *s, size_t len)
{
    VNKG_TRY(vnkg_ingest_buf_reserve(buf, len));
    if (len) {
        memcpy(buf->ptr + buf->len, s, len);
    }
    buf->len += len;
    buf->ptr[buf->len] = '\0';
    return VNKG_SUCCESS;
}

char *
vnkg_ingest_buf_take(VnkgIngestBuf *buf, size_t *len)
{
    char *ptr = buf->ptr;
    size_t n = buf->len;
    if (!ptr) {
        ptr = vnkg_strndup(buf->ctx, "", 0);
    }
    buf->ptr = NULL;
    buf->len = 0;
    buf->cap = 0;
    if (len) {
        *len = ptr ? n : 0;
    }
    return ptr;
}

int
vnkg_ingest_is_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

int
vnkg_ingest_is_blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; ++i) {
        if (!vnkg_ingest_is_space((unsigned char)s[i])) {
            return 0;
        }
    }
    return 1;
}

VnkgStr
vnkg_ingest_first_line(const char *s, size_t len)
{
    size_t pos = 0;
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
        pos = 3;
    }
    while (pos < len) {
        const char *nl = memchr(s + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - s) : len;
        if (!vnkg_ingest_is_blank(s + pos, end - pos)) {
            VnkgStr line = {s + pos, end - pos};
            return line;
        }
        pos = end + 1;
    }
    VnkgStr none = {NULL, 0};
    return none;
}

VnkgStatus
vnkg_ingest_id_from_name(VnkgContext *ctx, const char *name, char **out)
{
    *out = NULL;
    if (strcmp(name, "-") == 0) {
        name = "stdin";
    }
    size_t len = strlen(name);
    while (len > 1 && name[len - 1] == '/') {
        --len; /* "dir/" names the directory "dir" */
    }
    size_t start = len;
    while (start > 0 && name[start - 1] != '/') {
        --start;
    }
    size_t end = len;
    for (size_t i = len; i > start + 1; --i) {
        if (name[i - 1] == '.') {
            end = i - 1; /* ".hidden" keeps its dot: i - 1 > start */
            break;
        }
    }
    if (end == start) {
        name = "document";
        start = 0;
        end = strlen(name);
    }
    *out = vnkg_strndup(ctx, name + start, end - start);
    return *out ? VNKG_SUCCESS : VNKG_ERR_NO_MEMORY;
}

/* Cuts `len` so that it does not end inside a UTF-8 sequence. */
static size_t
utf8_floor(const char *s, size_t len, size_t max)
{
    if (len <= max) {
        return len;
    }
    size_t cut = max;
    while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80) {
        --cut;
    }
    return cut;
}

VnkgStatus
vnkg_ingest_clean_title(VnkgContext *ctx, const char *s, size_t len, char **out)
{
    *out = NULL;
    char tmp[VNKG_INGEST_TITLE_MAX + 1];
    size_t n = 0;
    int space = 0;
    for (size_t i = 0; i < len && n < VNKG_INGEST_TITLE_MAX + 1; ++i) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == ' ' || c == 0x7F) {
            space = 1;
            continue;
        }
        if (space && n > 0) {
            tmp[n++] = ' ';
            if (n == VNKG_INGEST_TITLE_MAX + 1) {
                break;
            }
        }
        space = 0;
        tmp[n++] = (char)c;
    }
    n = utf8_floor(tmp, n, VNKG_INGEST_TITLE_MAX);
    while (n > 0 && tmp[n - 1] == ' ') {
        --n;
    }
    if (n == 0) {
        return VNKG_SUCCESS;
    }
    *out = vnkg_strndup(ctx, tmp, n);
    return *out ? VNKG_SUCCESS : VNKG_ERR_NO_MEMORY;
}

static int
digits(const char *s, size_t n, int *value)
{
    int v = 0;
    for (size_t i = 0; i < n; ++i) {
        if (s[i] < '0' || s[i] > '9') {
            return 0;
        }
        v = v * 10 + (s[i] - '0');
    }
    *value = v;
    return 1;
}

/* The number of 1 or 2 digits at s[*i] (advancing *i), or -1. */
static int
small_number(const char *s, size_t len, size_t *i)
{
    int v = 0, n = 0;
    while (*i < len && n < 2 && s[*i] >= '0' && s[*i] <= '9') {
        v = v * 10 + (s[*i] - '0');
        ++*i;
        ++n;
    }
    return n ? v : -1;
}

/* Year, month, day from "YYYY-MM-DD...", "DD/MM/YYYY..." (the Vietnamese
 * order, "/" or "-" or "."), or "Www, DD Mon YYYY..." (RFC 822, feeds'
 * pubDate); 0 when none of them. */
static int
read_ymd(const char *s, size_t len, int *y, int *m, int *d)
{
    if (len >= 10 && s[4] == '-' && s[7] == '-' && digits(s, 4, y) &&
        digits(s + 5, 2, m) && digits(s + 8, 2, d)) {
        return !(len > 10 && s[10] >= '0' && s[10] <= '9'); /* "...-181" */
    }
    static const char months[] = "janfebmaraprmayjunjulaugsepoctnovdec";
    size_t i = 0;
    if (len >= 5 && s[3] == ',') { /* "Mon, 06 May 2024" */
        i = 4;
        while (i < len && s[i] == ' ') {
            ++i;
        }
        *d = small_number(s, len, &i);
        if (*d < 0 || i + 5 > len || s[i] != ' ') {
            return 0;
        }
        char mon[3];
        for (int k = 0; k < 3; ++k) {
            char c = s[i + 1 + (size_t)k];
            mon[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        const char *at = NULL;
        for (int k = 0; k < 12 && !at; ++k) {
            if (memcmp(months + 3 * k, mon, 3) == 0) {
                at = months + 3 * k;
            }
        }
        i += 4;
        if (!at || i + 5 > len || s[i] != ' ' || !digits(s + i + 1, 4, y)) {
            return 0;
        }
        *m = (int)((at - months) / 3) + 1;
        return !(i + 5 < len && s[i + 5] >= '0' && s[i + 5] <= '9');
    }
    *d = small_number(s, len, &i); /* "06/05/2024 10:00" */
    if (*d < 0 || i >= len) {
        return 0;
    }
    char sep = s[i];
    if (sep != '/' && sep != '-' && sep != '.') {
        return 0;
    }
    ++i;
    *m = small_number(s, len, &i);
    if (*m < 0 || i + 5 > len || s[i] != sep || !digits(s + i + 1, 4, y)) {
        return 0;
    }
    return !(i + 5 < len && s[i + 5] >= '0' && s[i + 5] <= '9');
}

int
vnkg_ingest_parse_date(const char *s, size_t len, char out[11])
{
    static const int days[12] = {31, 29, 31, 30, 31, 30,
                                 31, 31, 30, 31, 30, 31};
    while (len > 0 && vnkg_ingest_is_space((unsigned char)*s)) {
        ++s;
        --len;
    }
    int y = 0, m = 0, d = 0;
    if (!read_ymd(s, len, &y, &m, &d)) {
        return 0;
    }
    if (y == 0 || m < 1 || m > 12 || d < 1 || d > days[m - 1]) {
        return 0;
    }
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (m == 2 && d == 29 && !leap) {
        return 0;
    }
    const int parts[3][2] = {{y, 4}, {m, 2}, {d, 2}};
    char *o = out;
    for (int k = 0; k < 3; ++k) {
        for (int w = parts[k][1], v = parts[k][0]; w-- > 0; v /= 10) {
            o[w] = (char)('0' + v % 10);
        }
        o += parts[k][1];
        *o++ = k < 2 ? '-' : '\0';
    }
    return 1;
}
