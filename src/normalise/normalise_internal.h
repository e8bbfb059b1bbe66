/* SPDX-License-Identifier: MIT */
/* The lookup table behind the fast path of fold.c, and the slow path it
 * stands in for (which the unit tests compare it with). */
#ifndef VNKG_NORMALISE_INTERNAL_H
#define VNKG_NORMALISE_INTERNAL_H

#include <vnkg/normalise.h>

#include <stddef.h>

/* The matching key of a one-letter word: `len` bytes of UTF-8 (0: no
 * entry, the word takes the slow path) and its tone digit (0: none). A
 * word whose letters all have entries has as key the concatenation of
 * their keys, then the tone digit of the last letter that has one. */
typedef struct {
    unsigned char len;
    unsigned char tone;
    unsigned char bytes[4];
} VnkgKeyEntry;

/* Key table bounds: U+0000..U+024F at [cp], U+1E00..U+1EFF at
 * [VNKG_KEY_LO_END + cp - VNKG_KEY_HI_START]. */
#define VNKG_KEY_LO_END 0x250
#define VNKG_KEY_HI_START 0x1E00
#define VNKG_KEY_HI_END 0x1F00

extern const VnkgKeyEntry vnkg_normalise_key_table[VNKG_KEY_LO_END +
                                                   VNKG_KEY_HI_END -
                                                   VNKG_KEY_HI_START];

/* vnkg_normalise_key without the table (utf8proc for every letter). */
size_t vnkg_normalise_key_reference(const char *word, size_t len, char *out,
                                    size_t cap);

#endif
