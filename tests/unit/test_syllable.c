/* SPDX-License-Identifier: MIT */
/* Vietnamese syllables by their shape. */
#undef NDEBUG
#include "../../src/extract/syllable.h"

#include <vnkg/normalise.h>

#include <assert.h>
#include <stdio.h>
#include <string.h>

/* The key of a word, as the segmenter writes it. */
static int
foreign(const char *word)
{
    char key[64];
    vnkg_normalise_key(word, strlen(word), key, sizeof key);
    return vn_key_is_foreign(key);
}

int
main(void)
{
    /* Vietnamese written without accents, and some that are not */
    const char *viet[] = {"minh",    "long",  "hoa",    "kinh", "nguyen",
                          "nghieng", "quyen", "khuyen", "oanh", "uyen",
                          "gi",      "gin",   "dak",    "thuy", "yen",
                          "ung",     NULL};
    for (int k = 0; viet[k]; ++k) {
        if (!vn_syllable(viet[k])) {
            fprintf(stderr, "%s should be a syllable\n", viet[k]);
            return 1;
        }
    }
    const char *other[] = {"kumho", "denso",   "aeon",    "kosan",
                           "tire",  "samsung", "farrell", "jin",
                           "cj",    "",        "mm",      NULL};
    for (int k = 0; other[k]; ++k) {
        if (vn_syllable(other[k])) {
            fprintf(stderr, "%s should not be a syllable\n", other[k]);
            return 1;
        }
    }
    /* words with letters beyond ASCII */
    assert(!foreign("Nguyễn") && !foreign("Quốc") && !foreign("Đắk") &&
           !foreign("Thiên") && !foreign("Ưng") && !foreign("Phước"));
    assert(foreign("Söder") && foreign("Müller") && foreign("García") &&
           foreign("José") && foreign("Dvořák"));
    /* names */
    assert(vn_name_is_foreign("Don Farrell"));
    assert(vn_name_is_foreign("Kim Jin-oh"));
    assert(!vn_name_is_foreign("Quang Duy Nam"));
    assert(!vn_name_is_foreign("Nguyễn Thị Thu Trang"));
    assert(!vn_name_is_foreign("Lam Thiên Lập"));
    puts("syllable: ok");
    return 0;
}
