/* SPDX-License-Identifier: MIT */
/* Matching keys, accent folding, ASCII slugs and XML-safe text. */
#include "normalise_internal.h"

#include <vnkg/normalise.h>

#include <utf8proc.h>

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Vietnamese tone marks as combining characters and their digit. */
static int
tone_digit(utf8proc_int32_t cp)
{
    switch (cp) {
    case 0x301:
        return 1; /* sắc */
    case 0x300:
        return 2; /* huyền */
    case 0x309:
        return 3; /* hỏi */
    case 0x303:
        return 4; /* ngã */
    case 0x323:
        return 5; /* nặng */
    default:
        return 0;
    }
}

#define KEY_MAX_CP 64

static size_t
emit(char *out, size_t cap, size_t pos, const utf8proc_uint8_t *s, size_t n)
{
    if (pos + n < cap) {
        memcpy(out + pos, s, n);
    }
    return pos + n;
}

size_t
vnkg_normalise_key_reference(const char *word, size_t len, char *out,
                             size_t cap)
{
    utf8proc_int32_t cps[KEY_MAX_CP * 4];
    size_t ncp = 0;
    int tone = 0;
    size_t i = 0;
    while (i < len && ncp + 4 < sizeof cps / sizeof cps[0]) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n =
            utf8proc_iterate((const utf8proc_uint8_t *)word + i,
                             (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0) {
            cp = 0xFFFD;
            n = 1;
        }
        i += (size_t)n;
        utf8proc_int32_t dec[4];
        int last = 0;
        utf8proc_ssize_t nd = utf8proc_decompose_char(
            utf8proc_tolower(cp), dec, 4, UTF8PROC_DECOMPOSE, &last);
        if (nd < 0 || nd > 4) {
            dec[0] = cp;
            nd = 1;
        }
        for (utf8proc_ssize_t k = 0; k < nd; ++k) {
            int t = tone_digit(dec[k]);
            if (t) {
                tone = t;
            } else {
                cps[ncp++] = dec[k];
            }
        }
    }
    utf8proc_ssize_t nc = utf8proc_normalize_utf32(
        cps, (utf8proc_ssize_t)ncp, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
    if (nc < 0) {
        nc = (utf8proc_ssize_t)ncp;
    }
    size_t pos = 0;
    for (utf8proc_ssize_t k = 0; k < nc; ++k) {
        utf8proc_uint8_t enc[4];
        utf8proc_ssize_t n = utf8proc_encode_char(cps[k], enc);
        pos = emit(out, cap, pos, enc, (size_t)n);
    }
    if (tone) {
        utf8proc_uint8_t d = (utf8proc_uint8_t)('0' + tone);
        pos = emit(out, cap, pos, &d, 1);
    }
    if (cap > 0) {
        out[pos < cap ? pos : cap - 1] = '\0';
    }
    return pos;
}

/* Words up to this many bytes take the table: each letter adds at most 4
 * code points to the reference's buffer and 4 bytes to the key, and no
 * more than 2 per byte of input, so the reference would not cut them. */
#define KEY_FAST_MAX 120

/* The index in the key and fold tables of the code point at `s[*i]`, past
 * which `*i` moves; -1 for one outside the tables (or invalid UTF-8). Only
 * 2-byte sequences and those after E1 (U+1000..U+1FFF) can be in them. */
static long
latin_index(const unsigned char *s, size_t len, size_t *i)
{
    uint32_t b = s[*i], cp;
    if (b < 0x80) {
        *i += 1;
        return (long)b;
    }
    if (b >= 0xC2 && b < 0xE0 && *i + 1 < len && (s[*i + 1] & 0xC0) == 0x80) {
        cp = (b & 0x1F) << 6 | (s[*i + 1] & 0x3Fu);
        *i += 2;
    } else if (b == 0xE1 && *i + 2 < len && (s[*i + 1] & 0xC0) == 0x80 &&
               (s[*i + 2] & 0xC0) == 0x80) {
        cp = 0x1000 | (s[*i + 1] & 0x3Fu) << 6 | (s[*i + 2] & 0x3Fu);
        *i += 3;
    } else {
        return -1;
    }
    if (cp < VNKG_KEY_LO_END) {
        return (long)cp;
    }
    if (cp >= VNKG_KEY_HI_START && cp < VNKG_KEY_HI_END) {
        return (long)(VNKG_KEY_LO_END + cp - VNKG_KEY_HI_START);
    }
    return -1;
}

/* The key of a word of ASCII and Latin letters into `key` (room for
 * 2 * KEY_FAST_MAX + 5 bytes), from the key table: its length, or 0 when
 * the word needs the reference (too long, invalid UTF-8, other scripts,
 * standalone combining marks). */
static size_t
key_fast(const unsigned char *word, size_t len, unsigned char *key)
{
    if (len > KEY_FAST_MAX) {
        return 0;
    }
    size_t pos = 0;
    int tone = 0;
    for (size_t i = 0; i < len;) {
        uint32_t b = word[i];
        if (b < 0x80) {
            key[pos++] = (unsigned char)(b - 'A' < 26 ? b + 32 : b);
            ++i;
            continue;
        }
        long at = latin_index(word, len, &i);
        if (at < 0 || vnkg_normalise_key_table[at].len == 0) {
            return 0;
        }
        const VnkgKeyEntry *e = &vnkg_normalise_key_table[at];
        memcpy(key + pos, e->bytes, sizeof e->bytes);
        pos += e->len;
        tone = e->tone ? e->tone : tone;
    }
    if (tone) {
        key[pos++] = (unsigned char)('0' + tone);
    }
    return pos;
}

/* memcpy for the few bytes of a key, without a call into libc: fixed-size
 * copies that overlap when `n` is not their size. */
static void
copy_short(char *out, const unsigned char *in, size_t n)
{
    if (n >= 16) {
        memcpy(out, in, n);
    } else if (n >= 8) {
        memcpy(out, in, 8);
        memcpy(out + n - 8, in + n - 8, 8);
    } else if (n >= 4) {
        memcpy(out, in, 4);
        memcpy(out + n - 4, in + n - 4, 4);
    } else {
        for (size_t k = 0; k < n; ++k) {
            out[k] = (char)in[k];
        }
    }
}

/* Copies a key into `out` as the reference emits it: whole code points
 * while they fit before the NUL, then a NUL at the key's length or at the
 * last byte of `out`, whichever comes first. */
static void
put_key(char *out, size_t cap, const unsigned char *key, size_t len)
{
    if (cap == 0) {
        return;
    }
    size_t n = len < cap ? len : cap - 1;
    while (n < len && n > 0 && (key[n] & 0xC0) == 0x80) {
        --n;
    }
    copy_short(out, key, n);
    out[len < cap ? len : cap - 1] = '\0';
}

size_t
vnkg_normalise_key(const char *word, size_t len, char *out, size_t cap)
{
    unsigned char key[2 * KEY_FAST_MAX + 8];
    size_t n = len ? key_fast((const unsigned char *)word, len, key) : 0;
    if (n == 0) {
        return vnkg_normalise_key_reference(word, len, out, cap);
    }
    put_key(out, cap, key, n);
    return n;
}

/* The length of the fold of `in` from the fold table, or -1 when a code
 * point has no entry (the string takes the reference). */
static long
fold_length(const unsigned char *in, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        long at = latin_index(in, len, &i);
        if (at < 0 || vnkg_normalise_fold_table[at].len == 0) {
            return -1;
        }
        n += vnkg_normalise_fold_table[at].len;
    }
    return (long)n;
}

VnkgStatus
vnkg_normalise_fold(VnkgContext *ctx, const char *in, size_t len, char **out)
{
    const unsigned char *s = (const unsigned char *)in;
    long n = len <= LONG_MAX / 4 ? fold_length(s, len) : -1;
    if (n < 0) {
        return vnkg_normalise_fold_reference(ctx, in, len, out);
    }
    /* the letters' folds, 4 bytes at a time: room for 4 more */
    char *p = vnkg_malloc(ctx, (size_t)n + 4);
    if (!p) {
        *out = NULL;
        return VNKG_ERR_NO_MEMORY;
    }
    size_t k = 0;
    for (size_t i = 0; i < len;) {
        const VnkgFoldEntry *e =
            &vnkg_normalise_fold_table[latin_index(s, len, &i)];
        memcpy(p + k, e->bytes, sizeof e->bytes);
        k += e->len;
    }
    p[k] = '\0';
    *out = p;
    return VNKG_SUCCESS;
}

VnkgStatus
vnkg_normalise_fold_reference(VnkgContext *ctx, const char *in, size_t len,
                              char **out)
{
    *out = NULL;
    utf8proc_uint8_t *mapped = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)in,
                                      (utf8proc_ssize_t)len, &mapped,
                                      UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
                                          UTF8PROC_CASEFOLD | UTF8PROC_STABLE);
    if (n < 0) {
        /* invalid UTF-8: fold what is ASCII, drop the rest */
        char *p = vnkg_malloc(ctx, len + 1);
        if (!p) {
            return VNKG_ERR_NO_MEMORY;
        }
        size_t k = 0;
        for (size_t i = 0; i < len; ++i) {
            unsigned char c = (unsigned char)in[i];
            if (c < 0x80) {
                p[k++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
            }
        }
        p[k] = '\0';
        *out = p;
        return VNKG_SUCCESS;
    }
    /* đ has no decomposition: map U+0111 (C4 91) to 'd' by hand. */
    char *p = vnkg_malloc(ctx, (size_t)n + 1);
    if (!p) {
        free(mapped);
        return VNKG_ERR_NO_MEMORY;
    }
    size_t k = 0;
    for (utf8proc_ssize_t i = 0; i < n; ++i) {
        if (mapped[i] == 0xC4 && i + 1 < n && mapped[i + 1] == 0x91) {
            p[k++] = 'd';
            ++i;
        } else {
            p[k++] = (char)mapped[i];
        }
    }
    p[k] = '\0';
    free(mapped);
    *out = p;
    return VNKG_SUCCESS;
}

VnkgStatus
vnkg_normalise_slug(VnkgContext *ctx, const char *in, size_t len, char **out)
{
    char *folded;
    VNKG_TRY(vnkg_normalise_fold(ctx, in, len, &folded));
    size_t k = 0;
    int dash = 0;
    for (size_t i = 0; folded[i]; ++i) {
        unsigned char c = (unsigned char)folded[i];
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (dash && k > 0) {
                folded[k++] = '-';
            }
            folded[k++] = (char)c;
            dash = 0;
        } else {
            dash = 1;
        }
    }
    folded[k] = '\0';
    *out = folded;
    return VNKG_SUCCESS;
}

/* Copies one code point of `in` to `p` made safe for XML 1.0: U+FFFD for
 * a bad byte, a space for a forbidden character. */
static void
xml_safe_step(const char *in, size_t len, char *p, size_t *i, size_t *k)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)in + *i,
                                          (utf8proc_ssize_t)(len - *i), &cp);
    if (n <= 0) {
        memcpy(p + *k, "\xEF\xBF\xBD", 3);
        *k += 3;
        *i += 1;
        return;
    }
    int forbidden = (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') ||
                    cp == 0xFFFE || cp == 0xFFFF;
    if (forbidden) {
        p[(*k)++] = ' ';
    } else {
        memcpy(p + *k, in + *i, (size_t)n);
        *k += (size_t)n;
    }
    *i += (size_t)n;
}

static int
is_cont(unsigned char b)
{
    return (b & 0xC0) == 0x80;
}

/* The length of the start of `in` that is safe for XML as it is: ASCII
 * but forbidden controls, 2-byte sequences, and 3-byte ones but those
 * after E0 and ED (whose second byte has a narrower range) and U+FFFE and
 * U+FFFF. What stops it takes xml_safe_step. */
static size_t
xml_safe_run(const unsigned char *in, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned b = in[i];
        if (b >= 0x20 && b < 0x80) {
            i += 1;
        } else if (b == '\t' || b == '\n' || b == '\r') {
            i += 1;
        } else if (b >= 0xC2 && b < 0xE0 && i + 1 < len && is_cont(in[i + 1])) {
            i += 2;
        } else if (b > 0xE0 && b < 0xF0 && b != 0xED && i + 2 < len &&
                   is_cont(in[i + 1]) && is_cont(in[i + 2]) &&
                   !(b == 0xEF && in[i + 1] == 0xBF && in[i + 2] >= 0xBE)) {
            i += 3;
        } else {
            break;
        }
    }
    return i;
}

/* vnkg_normalise_xml_safe, with or without xml_safe_run. */
static VnkgStatus
xml_safe(VnkgContext *ctx, const char *in, size_t len, char **out, int fast)
{
    /* U+FFFD is 3 bytes for each bad byte at most. */
    size_t cap;
    VNKG_TRY(vnkg_size_mul(&cap, len, 3));
    VNKG_TRY(vnkg_size_add(&cap, cap, 1));
    char *p = vnkg_malloc(ctx, cap);
    if (!p) {
        return VNKG_ERR_NO_MEMORY;
    }
    size_t k = 0;
    size_t i = 0;
    while (i < len) {
        if (fast) {
            size_t run = xml_safe_run((const unsigned char *)in + i, len - i);
            memcpy(p + k, in + i, run);
            k += run;
            i += run;
            if (i == len) {
                break;
            }
        }
        xml_safe_step(in, len, p, &i, &k);
    }
    p[k] = '\0';
    *out = p;
    return VNKG_SUCCESS;
}

VnkgStatus
vnkg_normalise_xml_safe(VnkgContext *ctx, const char *in, size_t len,
                        char **out)
{
    return xml_safe(ctx, in, len, out, 1);
}

VnkgStatus
vnkg_normalise_xml_safe_reference(VnkgContext *ctx, const char *in, size_t len,
                                  char **out)
{
    return xml_safe(ctx, in, len, out, 0);
}
