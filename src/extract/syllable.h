/* SPDX-License-Identifier: MIT */
/* Internal: Vietnamese syllables by their shape. Every function takes a
 * token key (vnkg_normalise_key: lower case, tone as a trailing digit). */
#ifndef VNKG_EXTRACT_SYLLABLE_H
#define VNKG_EXTRACT_SYLLABLE_H

/* True when a key of plain ASCII letters is a Vietnamese syllable written
 * without diacritics: onset, vowel group, final ("minh", "long", "kinh";
 * not "kumho", "denso", "aeon"). */
int vn_syllable(const char *key);
/* True when a key is no Vietnamese syllable: a letter Vietnamese does not
 * write ("söder", "müller"), or no syllable's shape once its accents go
 * ("garcia1", "jose1", "farrell"). */
int vn_key_is_foreign(const char *key);
/* True when a word of `name` (split at spaces and hyphens) is foreign by
 * vn_key_is_foreign: "Don Farrell", "Kim Jin-oh"; not "Quang Duy Nam". */
int vn_name_is_foreign(const char *name);

#endif
