/* SPDX-License-Identifier: MIT */
/* Text cleaning (validity, controls, spaces, Eth) and NFC with utf8proc. */
#include "normalise_internal.h"

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

/* A cluster's canonical decomposition is at most this long (UAX #15's
 * Stream-Safe Text Format allows 30 non-starters after a starter). */
#define CLUSTER_MAX 32

/* The cleaner's state: output, the cluster being composed (a starter and
 * its combining marks), and the offset map (clean offset -> input). */
typedef struct {
    VnkgContext *ctx;
    Buf out;
    utf8proc_int32_t cluster[CLUSTER_MAX];
    size_t n_cluster;
    size_t cluster_len; /* length of its canonical decomposition */
    int cluster_marks;
    size_t cluster_in_end; /* input offset just after the cluster */
    size_t *map;           /* pairs (clean, input) */
    size_t n_map, cap_map;
    long delta; /* clean - input at the last breakpoint */
    int want_map;
    int reported; /* a bad byte was reported (or need not be) */
    int fast;     /* copy runs of plain code points (plain_run) */
} Cleaner;

/* After output up to input offset `in_end`: a breakpoint where the
 * lengths stopped agreeing. */
static VnkgStatus
mark(Cleaner *c, size_t in_end)
{
    long delta = (long)c->out.len - (long)in_end;
    if (!c->want_map || delta == c->delta) {
        return VNKG_SUCCESS;
    }
    if (c->n_map == c->cap_map) {
        size_t cap = c->cap_map ? c->cap_map * 2 : 16;
        size_t *p = vnkg_realloc(c->ctx, c->map, 2 * cap * sizeof *p);
        if (!p) {
            return VNKG_ERR_NO_MEMORY;
        }
        c->map = p;
        c->cap_map = cap;
    }
    c->map[2 * c->n_map] = c->out.len;
    c->map[2 * c->n_map + 1] = in_end;
    c->n_map++;
    c->delta = delta;
    return VNKG_SUCCESS;
}

/* NFC of one cluster into `out` (UAX #15: canonical decomposition,
 * canonical ordering, then composition); -1 when `cap` is too small.
 * Composing the cluster as it stands is not enough: "ấ" + U+0323 is
 * "ậ" + U+0301, a + U+0302 + U+0323 is "ậ", U+0341 is U+0301. */
static utf8proc_ssize_t
nfc_cluster(const utf8proc_int32_t *in, size_t n, utf8proc_int32_t *out,
            size_t cap)
{
    size_t len = 0;
    for (size_t i = 0; i < n; ++i) {
        int bound = 0;
        utf8proc_ssize_t k = utf8proc_decompose_char(
            in[i], out + len, (utf8proc_ssize_t)(cap - len),
            UTF8PROC_DECOMPOSE | UTF8PROC_STABLE, &bound);
        if (k < 0 || (size_t)k > cap - len) {
            return -1;
        }
        len += (size_t)k;
    }
    /* stable insertion sort of each run of marks by combining class */
    for (size_t i = 1; i < len; ++i) {
        utf8proc_int32_t cp = out[i];
        int cc = utf8proc_get_property(cp)->combining_class;
        size_t j = i;
        while (cc && j > 0 &&
               utf8proc_get_property(out[j - 1])->combining_class > cc) {
            out[j] = out[j - 1];
            --j;
        }
        out[j] = cp;
    }
    return utf8proc_normalize_utf32(out, (utf8proc_ssize_t)len,
                                    UTF8PROC_COMPOSE | UTF8PROC_STABLE);
}

/* Emits the pending cluster, normalised when it may not be NFC. */
static VnkgStatus
flush_cluster(Cleaner *c)
{
    if (c->n_cluster == 0) {
        return VNKG_SUCCESS;
    }
    utf8proc_int32_t nfc[CLUSTER_MAX];
    const utf8proc_int32_t *cps = c->cluster;
    utf8proc_ssize_t n = (utf8proc_ssize_t)c->n_cluster;
    if (c->cluster_marks) {
        utf8proc_ssize_t k = nfc_cluster(c->cluster, c->n_cluster, nfc,
                                         sizeof nfc / sizeof nfc[0]);
        if (k >= 0) {
            cps = nfc;
            n = k;
        }
    }
    for (utf8proc_ssize_t k = 0; k < n; ++k) {
        VNKG_TRY(buf_put_cp(c->ctx, &c->out, cps[k]));
        /* output longer than the input it replaces (U+0344 is U+0308
         * U+0301, an inserted U+034F): its code points all map to the
         * cluster's end, so that offsets stay in order and in the input */
        if ((long)c->out.len - c->delta > (long)c->cluster_in_end) {
            VNKG_TRY(mark(c, c->cluster_in_end));
        }
    }
    c->n_cluster = 0;
    c->cluster_len = 0;
    c->cluster_marks = 0;
    return mark(c, c->cluster_in_end);
}

static VnkgStatus
emit_plain(Cleaner *c, const char *s, size_t n, size_t in_end)
{
    VNKG_TRY(flush_cluster(c));
    VNKG_TRY(buf_put(c->ctx, &c->out, s, n));
    return mark(c, in_end);
}

/* Removes input up to `in_end` without ending the cluster: marks on both
 * sides of a dropped control, NUL or U+200B compose and reorder together,
 * as they do when the clean text is cleaned again. */
static VnkgStatus
drop(Cleaner *c, size_t in_end)
{
    if (c->n_cluster == 0) {
        return mark(c, in_end);
    }
    c->cluster_in_end = in_end;
    return VNKG_SUCCESS;
}

/* True when NFC may compose `cp` with what precedes it: a combining mark,
 * the second of a composition pair that is a starter (U+0B3E), or a
 * Hangul medial vowel or final consonant jamo. */
static int
joins_previous(utf8proc_int32_t cp, const utf8proc_property_t *prop)
{
    return prop->combining_class != 0 ||
           (prop->comb_index != UINT16_MAX && (prop->comb_index & 0x8000)) ||
           (cp >= 0x1161 && cp <= 0x1175) || (cp >= 0x11A8 && cp <= 0x11C2);
}

/* The length of the canonical decomposition of `cp` (1 to 4). */
static size_t
decomposed_length(utf8proc_int32_t cp, const utf8proc_property_t *prop)
{
    if (prop->decomp_seqindex == UINT16_MAX && (cp < 0xAC00 || cp > 0xD7A3)) {
        return 1; /* neither precomposed nor a Hangul syllable */
    }
    utf8proc_int32_t buf[8];
    int bound = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char(
        cp, buf, 8, UTF8PROC_DECOMPOSE | UTF8PROC_STABLE, &bound);
    return n > 0 && n <= 8 ? (size_t)n : 1;
}

/* Maps one decoded code point that ends at input offset `in_end`. */
static VnkgStatus
clean_cp(Cleaner *c, utf8proc_int32_t cp, size_t in_end)
{
    if (cp == '\r' || cp == '\n') {
        return emit_plain(c, "\n", 1, in_end);
    }
    if (cp == '\t') {
        return emit_plain(c, "\t", 1, in_end);
    }
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || is_dropped_cp(cp)) {
        return drop(c, in_end);
    }
    if (is_space_cp(cp)) {
        cp = ' ';            /* a starter like the ASCII space it becomes */
    } else if (cp == 0xD0) { /* Eth written for Đ in real Vietnamese text */
        cp = 0x110;
    } else if (cp == 0xF0) {
        cp = 0x111;
    }
    const utf8proc_property_t *prop = utf8proc_get_property(cp);
    size_t len = decomposed_length(cp, prop);
    int joins = joins_previous(cp, prop);
    if (!joins) {
        VNKG_TRY(flush_cluster(c));
    } else if (c->cluster_len + len > CLUSTER_MAX) {
        /* UAX #15 Stream-Safe Text Format: a long run of marks goes on
         * after U+034F COMBINING GRAPHEME JOINER, which bounds canonical
         * reordering and keeps the output NFC (and stable when cleaned
         * again) */
        VNKG_TRY(flush_cluster(c));
        c->cluster[c->n_cluster++] = 0x34F;
        c->cluster_len = 1;
    }
    if (joins || prop->decomp_seqindex != UINT16_MAX) {
        c->cluster_marks = 1; /* or precomposed, or a singleton (U+0387) */
    }
    c->cluster[c->n_cluster++] = cp;
    c->cluster_len += len;
    c->cluster_in_end = in_end;
    return VNKG_SUCCESS;
}

/* Reports the first bad byte of a text: invalid UTF-8 (an error in strict
 * mode), or a NUL, which no text contains and which is removed in both
 * modes, as other control characters are, but said. */
static VnkgStatus
report_bad(Cleaner *c, const char *source, size_t offset, int nul)
{
    int fail = !nul && vnkg_context_strict(c->ctx);
    if (c->reported && !fail) {
        return VNKG_SUCCESS;
    }
    c->reported = 1;
    vnkg_diag(c->ctx, VNKG_ERR_BAD_TEXT, "%s: byte %zu: %s",
              source ? source : "(input)", offset,
              fail  ? "invalid UTF-8"
              : nul ? "NUL byte removed (further bad bytes in this text not "
                      "reported)"
                    : "invalid UTF-8 replaced by U+FFFD (further ones in this "
                      "text not reported)");
    return fail ? VNKG_ERR_BAD_TEXT : VNKG_SUCCESS;
}

static int
is_plain(uint32_t cp)
{
    return (vnkg_normalise_plain[cp >> 3] >> (cp & 7)) & 1;
}

/* The length of the run of plain code points (vnkg_normalise_plain) at
 * `in`, which the cleaner would copy as it is, less its last code point
 * unless the run goes to the end: what follows may join that one (a
 * combining mark, or a control dropped before one). */
static size_t
plain_run(const unsigned char *in, size_t len)
{
    size_t i = 0, last = 0; /* last: where the run's last code point starts */
    while (i < len) {
        uint32_t b = in[i];
        size_t n = 1;
        uint32_t cp = b;
        if (b >= 0xC2 && b < 0xE0) {
            if (i + 1 >= len || (in[i + 1] & 0xC0) != 0x80) {
                break;
            }
            cp = (b & 0x1F) << 6 | (in[i + 1] & 0x3Fu);
            n = 2;
        } else if (b >= 0xE0 && b < 0xF0) {
            if (i + 2 >= len || (in[i + 1] & 0xC0) != 0x80 ||
                (in[i + 2] & 0xC0) != 0x80) {
                break;
            }
            cp = (b & 0x0F) << 12 | (in[i + 1] & 0x3Fu) << 6 |
                 (in[i + 2] & 0x3Fu);
            if (cp < 0x800) {
                break; /* overlong; surrogates are not plain */
            }
            n = 3;
        } else if (b >= 0x80) {
            break;
        }
        if (!is_plain(cp)) {
            break;
        }
        last = i;
        i += n;
    }
    return i == len ? i : last;
}

/* Copies the run of plain code points at `in` (see plain_run); the
 * output grows as the input, so the offset map needs no breakpoint. */
static VnkgStatus
copy_plain(Cleaner *c, const char *in, size_t len, size_t *i)
{
    size_t run = plain_run((const unsigned char *)in + *i, len - *i);
    if (run == 0) {
        return VNKG_SUCCESS;
    }
    VNKG_TRY(flush_cluster(c));
    VNKG_TRY(buf_put(c->ctx, &c->out, in + *i, run));
    *i += run;
    return mark(c, *i);
}

/* \r\n counts as one newline. */
static VnkgStatus
clean_all(Cleaner *c, const char *source, const char *in, size_t len)
{
    size_t i = 0;
    while (i < len) {
        if (c->fast) {
            VNKG_TRY(copy_plain(c, in, len, &i));
            if (i == len) {
                break;
            }
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)in + i,
                                              (utf8proc_ssize_t)(len - i), &cp);
        if (n < 0) {
            VNKG_TRY(report_bad(c, source, i, 0));
            /* U+FFFD is a starter like any other (marks after it stay
             * with it when the clean text is cleaned again) */
            VNKG_TRY(clean_cp(c, 0xFFFD, i + 1));
            i += 1;
            continue;
        }
        if (n == 0 || cp == 0) { /* a NUL: dropped like a control */
            VNKG_TRY(report_bad(c, source, i, 1));
            VNKG_TRY(drop(c, i + 1));
            i += 1;
            continue;
        }
        if (cp == '\r' && i + 1 < len && in[i + 1] == '\n') {
            n = 2;
        }
        VNKG_TRY(clean_cp(c, cp, i + (size_t)n));
        i += (size_t)n;
    }
    return flush_cluster(c);
}

/* As vnkg_normalise_text, and the offset map when `map` is not NULL.
 * `quiet` leaves bad bytes unreported in lax mode, `fast` takes the fast
 * paths (the result is the same). */
static VnkgStatus
normalise_mapped(VnkgContext *ctx, const char *source, const char *in,
                 size_t len, char **out, size_t *out_len, size_t **map,
                 size_t *n_map, int quiet, int fast)
{
    *out = NULL;
    *out_len = 0;
    Cleaner c;
    memset(&c, 0, sizeof c);
    c.ctx = ctx;
    c.want_map = map != NULL;
    c.reported = quiet;
    c.fast = fast;
    VnkgStatus st;
    if (fast && is_plain_ascii(in, len)) {
        st = buf_put(ctx, &c.out, in, len);
    } else {
        st = buf_reserve(ctx, &c.out, len);
        if (st == VNKG_SUCCESS) {
            c.out.ptr[0] = '\0';
            st = clean_all(&c, source, in, len);
        }
    }
    if (st == VNKG_SUCCESS && !c.out.ptr) {
        st = buf_put(ctx, &c.out, "", 0);
    }
    if (st != VNKG_SUCCESS) {
        vnkg_free(ctx, c.out.ptr);
        vnkg_free(ctx, c.map);
        return st;
    }
    *out = c.out.ptr;
    *out_len = c.out.len;
    if (map) {
        *map = c.map;
        *n_map = c.n_map;
    }
    return VNKG_SUCCESS;
}

VnkgStatus
vnkg_normalise_text(VnkgContext *ctx, const char *source, const char *in,
                    size_t len, char **out, size_t *out_len)
{
    return normalise_mapped(ctx, source, in, len, out, out_len, NULL, NULL, 0,
                            1);
}

VnkgStatus
vnkg_normalise_text_reference(VnkgContext *ctx, const char *in, size_t len,
                              char **out, size_t *out_len, size_t **map,
                              size_t *n_map)
{
    return normalise_mapped(ctx, NULL, in, len, out, out_len, map, n_map, 1, 0);
}

VnkgStatus
vnkg_normalise_text_mapped(VnkgContext *ctx, const char *in, size_t len,
                           char **out, size_t *out_len, size_t **map,
                           size_t *n_map)
{
    return normalise_mapped(ctx, NULL, in, len, out, out_len, map, n_map, 1, 1);
}

/* The title is also the start of the text (readers join them), whose bad
 * bytes were reported already, with offsets into the file: not again. */
static VnkgStatus
normalise_title(VnkgContext *ctx, const char *source, char **title)
{
    if (!*title) {
        return VNKG_SUCCESS;
    }
    char *clean;
    size_t clean_len;
    VNKG_TRY(normalise_mapped(ctx, source, *title, strlen(*title), &clean,
                              &clean_len, NULL, NULL, 1, 1));
    vnkg_free(ctx, *title);
    *title = clean;
    return VNKG_SUCCESS;
}

VnkgStatus
vnkg_normalise_document(VnkgContext *ctx, VnkgDocument *doc)
{
    const char *src = doc->source ? doc->source : doc->id;
    char *clean;
    size_t clean_len, *map = NULL, n_map = 0;
    VNKG_TRY(normalise_mapped(ctx, src, doc->text, doc->text_len, &clean,
                              &clean_len, &map, &n_map, 0, 1));
    vnkg_free(ctx, doc->text);
    vnkg_free(ctx, doc->map);
    doc->text = clean;
    doc->text_len = clean_len;
    doc->map = map;
    doc->n_map = n_map;
    return normalise_title(ctx, src, &doc->title);
}
