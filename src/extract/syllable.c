/* SPDX-License-Identifier: MIT */
/* Vietnamese syllables by their shape: whether a word is Vietnamese
 * written without its accents, or a foreign one. */
#include "syllable.h"

#include <vnkg/normalise.h>
#include <vnkg/segment.h>

#include <string.h>

/* The length of the onset (initial consonant) that starts `s`: ngh, gh,
 * gi, ng, nh, ch, kh, ph, qu, th, tr or one consonant; 0 for none. */
static size_t
onset_length(const char *s)
{
    static const char two[][3] = {"ch", "gh", "gi", "kh", "ng",
                                  "nh", "ph", "qu", "th", "tr"};
    if (s[0] == 'n' && s[1] == 'g' && s[2] == 'h') {
        return 3;
    }
    for (size_t k = 0; k < sizeof two / sizeof two[0]; ++k) {
        if (s[0] == two[k][0] && s[1] == two[k][1]) {
            return 2;
        }
    }
    return s[0] && strchr("bcdghklmnprstvx", s[0]) ? 1 : 0;
}

static int
is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

/* True when the `n` (1 to 3) vowels at `v` form a Vietnamese vowel group
 * written without its marks. */
static int
vowel_group(const char *v, size_t n)
{
    static const char groups[] = " ai ao au ay eo eu ia ie iu oa oe oi oo ua"
                                 " ue ui uo uu uy ya ye oai oay oeo uay uoi"
                                 " uya uye uyu ieu yeu uou ";
    if (n == 1) {
        return 1;
    }
    char want[6] = {' ', v[0], v[1], n == 3 ? v[2] : ' ', n == 3 ? ' ' : 0, 0};
    return strstr(groups, want) != NULL;
}

/* True when a word of plain ASCII letters (its key, lower case) is a
 * Vietnamese syllable written without diacritics: onset, vowel group,
 * final ("minh", "long", "hoa", "kinh"). "Kumho", "Denso", "Aeon" are not:
 * no syllable ends in "ho" after an "m", has "ns", or "aeo". */
int
vn_syllable(const char *key)
{
    size_t o = onset_length(key);
    if (o == 2 && key[0] == 'g' && key[1] == 'i' && !is_vowel(key[2])) {
        o = 1; /* "gì", "gìn": the i is the vowel */
    }
    const char *p = key + o;
    size_t n = 0;
    while (n < 4 && is_vowel(p[n])) {
        n++;
    }
    if (n == 0 || n > 3 || !vowel_group(p, n)) {
        return 0;
    }
    p += n;
    static const char *const finals[] = {"",  "c",  "ch", "k", "m",
                                         "n", "ng", "nh", "p", "t"};
    for (size_t k = 0; k < sizeof finals / sizeof finals[0]; ++k) {
        if (strcmp(p, finals[k]) == 0) {
            return 1;
        }
    }
    return 0;
}

/* True when a word (its key) with letters beyond ASCII is not
 * Vietnamese: a letter Vietnamese does not write ("Söder", "Müller",
 * "Dvořák"), or no Vietnamese syllable's shape once its accents go
 * ("García", "José"). */
int
vn_key_is_foreign(const char *key)
{
    static const struct {
        unsigned char b0, b1;
        char ascii;
    } viet[] = {{0xC3, 0xA2, 'a'}, {0xC4, 0x83, 'a'}, {0xC3, 0xAA, 'e'},
                {0xC3, 0xB4, 'o'}, {0xC6, 0xA1, 'o'}, {0xC6, 0xB0, 'u'},
                {0xC4, 0x91, 'd'}};
    enum { N_VIET = sizeof viet / sizeof viet[0] };
    char plain[VNKG_TOKEN_KEY_MAX];
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)key; *p;) {
        if (*p < 0x80) {
            if (*p < '0' || *p > '9') { /* the tone digit goes */
                plain[n++] = (char)*p;
            }
            p++;
            continue;
        }
        size_t v = 0;
        while (v < N_VIET && !(viet[v].b0 == p[0] && viet[v].b1 == p[1])) {
            v++;
        }
        if (v == N_VIET) {
            return 1;
        }
        plain[n++] = viet[v].ascii;
        p += 2;
    }
    plain[n] = '\0';
    return !vn_syllable(plain);
}

int
vn_name_is_foreign(const char *name)
{
    for (const char *p = name; *p;) {
        size_t n = strcspn(p, " -");
        if (n > 0) {
            char key[VNKG_TOKEN_KEY_MAX];
            vnkg_normalise_key(p, n, key, sizeof key);
            if (vn_key_is_foreign(key)) {
                return 1;
            }
        }
        p += n;
        p += *p != '\0';
    }
    return 0;
}
