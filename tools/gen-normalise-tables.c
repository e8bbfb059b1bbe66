/* SPDX-License-Identifier: MIT */
/* Generates src/normalise/tables.c, the lookup tables behind the fast
 * paths of src/normalise/ (see normalise_internal.h), from the installed
 * utf8proc by the same steps the slow paths take:
 *
 *   cc -std=c17 -O2 tools/gen-normalise-tables.c -lutf8proc -o /tmp/gen
 *   /tmp/gen >src/normalise/tables.c && clang-format -i src/normalise/tables.c
 *
 * tests/unit/test_normalise.c checks every entry against the slow paths,
 * so a table that no longer matches utf8proc fails the unit tests. */
#include <utf8proc.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* The key and fold tables cover these code points (Basic Latin to Latin
 * Extended-B, and Latin Extended Additional). */
#define KEY_LO_END 0x250
#define KEY_HI_START 0x1E00
#define KEY_HI_END 0x1F00

/* As clean_cp in src/normalise/normalise.c: code points it maps, drops
 * or turns into a line break. */
static int
cleaned(utf8proc_int32_t cp)
{
    int space = cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
                cp == 0x205F || cp == 0x3000 || cp == 0x1680;
    int dropped = (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 ||
                  cp == 0xFEFF || cp == 0xFFFE || cp == 0xFFFF || cp == 0xAD;
    return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || space || dropped ||
           cp == 0xD0 || cp == 0xF0 || (cp >= 0xD800 && cp <= 0xDFFF);
}

/* As joins_previous in src/normalise/normalise.c: NFC may compose `cp`
 * with what precedes it. */
static int
joins(utf8proc_int32_t cp)
{
    const utf8proc_property_t *prop = utf8proc_get_property(cp);
    return prop->combining_class != 0 ||
           (prop->comb_index != UINT16_MAX && (prop->comb_index & 0x8000)) ||
           (cp >= 0x1161 && cp <= 0x1175) || (cp >= 0x11A8 && cp <= 0x11C2);
}

/* True when clean_cp and flush_cluster copy `cp` as it is, provided that
 * what follows does not join it: \t, \n, or a starter that joins nothing
 * before it and that NFC leaves alone (as nfc_cluster computes it). */
static int
plain(utf8proc_int32_t cp)
{
    if (cp == '\t' || cp == '\n') {
        return 1;
    }
    if (cleaned(cp) || joins(cp)) {
        return 0;
    }
    if (utf8proc_get_property(cp)->decomp_seqindex == UINT16_MAX) {
        return 1;
    }
    utf8proc_int32_t buf[32];
    int bound = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char(
        cp, buf, 32, UTF8PROC_DECOMPOSE | UTF8PROC_STABLE, &bound);
    if (n < 0 || n > 32) {
        return 0;
    }
    /* one code point's decomposition is in canonical order already */
    n = utf8proc_normalize_utf32(buf, n, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
    return n == 1 && buf[0] == cp;
}

static void
print_plain(void)
{
    puts("const unsigned char vnkg_normalise_plain[0x10000 / 8] = {");
    for (utf8proc_int32_t base = 0; base < 0x10000; base += 8) {
        unsigned bits = 0;
        for (int k = 0; k < 8; ++k) {
            bits |= (unsigned)plain(base + k) << k;
        }
        printf("0x%02X,", bits);
        if (base % 96 == 88) {
            putchar('\n');
        }
    }
    puts("};\n");
}

static int
tone_digit(utf8proc_int32_t cp)
{
    switch (cp) {
    case 0x301:
        return 1;
    case 0x300:
        return 2;
    case 0x309:
        return 3;
    case 0x303:
        return 4;
    case 0x323:
        return 5;
    default:
        return 0;
    }
}

/* The key of the one-letter word `cp` as vnkg_normalise_key computes it,
 * in `out` (UTF-8, without the tone digit) and `*tone`; 0 when the key of
 * a word is not the concatenation of its letters' keys: when the
 * decomposition does not start with a starter that composes with nothing
 * before it, or the key is over 4 bytes. */
static int
key_entry(utf8proc_int32_t cp, unsigned char out[4], int *tone)
{
    utf8proc_int32_t dec[4], cps[4];
    int last = 0;
    utf8proc_ssize_t nd = utf8proc_decompose_char(utf8proc_tolower(cp), dec, 4,
                                                  UTF8PROC_DECOMPOSE, &last);
    if (nd < 0 || nd > 4) {
        dec[0] = cp;
        nd = 1;
    }
    if (joins(dec[0]) || (dec[0] >= 0x1100 && dec[0] <= 0x11FF) ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
        return 0;
    }
    utf8proc_ssize_t ncp = 0;
    *tone = 0;
    for (utf8proc_ssize_t k = 0; k < nd; ++k) {
        int t = tone_digit(dec[k]);
        if (t) {
            *tone = t;
        } else {
            cps[ncp++] = dec[k];
        }
    }
    utf8proc_ssize_t nc =
        utf8proc_normalize_utf32(cps, ncp, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
    if (nc < 0) {
        nc = ncp;
    }
    int len = 0;
    for (utf8proc_ssize_t k = 0; k < nc; ++k) {
        utf8proc_uint8_t enc[4];
        utf8proc_ssize_t n = utf8proc_encode_char(cps[k], enc);
        if (len + n > 4) {
            return 0;
        }
        for (utf8proc_ssize_t b = 0; b < n; ++b) {
            out[len++] = enc[b];
        }
    }
    return len;
}

static void
print_key_range(utf8proc_int32_t lo, utf8proc_int32_t hi)
{
    for (utf8proc_int32_t cp = lo; cp < hi; ++cp) {
        unsigned char s[4] = {0, 0, 0, 0};
        int tone = 0;
        int len = key_entry(cp, s, &tone);
        printf("{%d, %d, {0x%02X, 0x%02X, 0x%02X, 0x%02X}}, /* U+%04X */\n",
               len, len ? tone : 0, s[0], s[1], s[2], s[3], (unsigned)cp);
    }
}

/* The fold of the one-letter string `cp` as vnkg_normalise_fold computes
 * it (utf8proc_map, then U+0111 to 'd'), in `out`; 0 when the fold of a
 * string is not the concatenation of its letters' folds (a combining
 * class other than 0 left, which reordering could move) or the fold is
 * empty or over 4 bytes. */
static int
fold_entry(utf8proc_int32_t cp, unsigned char out[4])
{
    utf8proc_uint8_t in[4], *mapped = NULL;
    utf8proc_ssize_t n = utf8proc_map(in, utf8proc_encode_char(cp, in), &mapped,
                                      UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
                                          UTF8PROC_CASEFOLD | UTF8PROC_STABLE);
    if (n < 0) {
        return 0;
    }
    int len = 0;
    for (utf8proc_ssize_t i = 0; i < n && len >= 0;) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(mapped + i, n - i, &c);
        if (k <= 0 || utf8proc_get_property(c)->combining_class != 0) {
            len = -1;
        } else if (c == 0x111 && len < 4) {
            out[len++] = 'd';
        } else if (c != 0x111 && len + k <= 4) {
            for (utf8proc_ssize_t b = 0; b < k; ++b) {
                out[len++] = mapped[i + b];
            }
        } else {
            len = -1;
        }
        i += k > 0 ? k : 1;
    }
    free(mapped);
    return len > 0 ? len : 0;
}

static void
print_fold_range(utf8proc_int32_t lo, utf8proc_int32_t hi)
{
    for (utf8proc_int32_t cp = lo; cp < hi; ++cp) {
        unsigned char s[4] = {0, 0, 0, 0};
        int len = fold_entry(cp, s);
        printf("{%d, {0x%02X, 0x%02X, 0x%02X, 0x%02X}}, /* U+%04X */\n", len,
               s[0], s[1], s[2], s[3], (unsigned)cp);
    }
}

int
main(void)
{
    puts("/* SPDX-License-Identifier: MIT */");
    printf("/* Generated by tools/gen-normalise-tables.c from utf8proc %s "
           "(Unicode %s):\n * do not edit. */\n",
           utf8proc_version(), utf8proc_unicode_version());
    puts("#include \"normalise_internal.h\"\n");
    print_plain();
    printf("const VnkgKeyEntry vnkg_normalise_key_table[%#x + %#x] = {\n",
           KEY_LO_END, KEY_HI_END - KEY_HI_START);
    print_key_range(0, KEY_LO_END);
    print_key_range(KEY_HI_START, KEY_HI_END);
    puts("};\n");
    printf("const VnkgFoldEntry vnkg_normalise_fold_table[%#x + %#x] = {\n",
           KEY_LO_END, KEY_HI_END - KEY_HI_START);
    print_fold_range(0, KEY_LO_END);
    print_fold_range(KEY_HI_START, KEY_HI_END);
    puts("};");
    return 0;
}
