/* SPDX-License-Identifier: MIT */
/* Text normalisation with utf8proc: validity, NFC, Vietnamese folding. */
#ifndef VNKG_NORMALISE_H
#define VNKG_NORMALISE_H

#include <vnkg/document.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Cleans `len` bytes at `in` into a new NUL-terminated string (*out, owned
 * by the caller, freed with vnkg_free): invalid UTF-8 becomes U+FFFD (lax)
 * or fails with VNKG_ERR_BAD_TEXT (strict), reported once with `source` and
 * the byte offset; C0/C1 controls other than \t and \n are dropped (\r\n and
 * \r become \n), U+FEFF/U+FFFE/U+FFFF dropped, U+00A0 and other spaces
 * become ' ', U+00D0 (Eth) becomes U+0110 (Đ) and U+00F0 becomes U+0111,
 * and the result is NFC. Pure ASCII and already-clean NFC text is copied
 * without calling the normaliser.
 * Returns VNKG_ERR_NO_MEMORY, VNKG_ERR_BAD_TEXT, VNKG_ERR_LIMIT. */
VNKG_API VnkgStatus vnkg_normalise_text(VnkgContext *ctx, const char *source,
                                        const char *in, size_t len, char **out,
                                        size_t *out_len);

/* Normalises a document's text and title in place (see above). */
VNKG_API VnkgStatus vnkg_normalise_document(VnkgContext *ctx,
                                            VnkgDocument *doc);

/* The matching key of one word of clean text: lower case, the Vietnamese
 * tone mark removed from wherever it stood and appended as a digit
 * (1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng), so "Hoà"/"hòa"/"HÒA" give "hoa2"
 * and "uỷ"/"ủy" give "uy3". Vowel quality marks (â ê ô ơ ư ă đ) are kept.
 * Writes at most `cap` bytes (NUL included) to `out` and returns the length
 * the key needs, without the NUL; a result >= cap means it was cut. */
VNKG_API size_t vnkg_normalise_key(const char *word, size_t len, char *out,
                                   size_t cap);

/* Accent- and case-insensitive form of a string for loose lookup
 * ("Bùi Thanh Sơn" -> "bui thanh son", "Đắk" -> "dak"). Result owned by the
 * caller (vnkg_free). Returns VNKG_ERR_NO_MEMORY. */
VNKG_API VnkgStatus vnkg_normalise_fold(VnkgContext *ctx, const char *in,
                                        size_t len, char **out);

/* An ASCII slug: folded, runs of other characters become one '-', no
 * leading or trailing '-' ("Bộ Công Thương" -> "bo-cong-thuong").
 * Result owned by the caller. Returns VNKG_ERR_NO_MEMORY. */
VNKG_API VnkgStatus vnkg_normalise_slug(VnkgContext *ctx, const char *in,
                                        size_t len, char **out);

/* Replaces what XML 1.0 forbids (C0 controls but \t \n \r, U+FFFE, U+FFFF,
 * invalid UTF-8) so the result is safe for any XML writer. Result owned by
 * the caller. Returns VNKG_ERR_NO_MEMORY. */
VNKG_API VnkgStatus vnkg_normalise_xml_safe(VnkgContext *ctx, const char *in,
                                            size_t len, char **out);

#ifdef __cplusplus
}
#endif
#endif
