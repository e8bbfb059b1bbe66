/* SPDX-License-Identifier: MIT */
/* Extraction of one article: mentions, entities and relations. */
#ifndef VNKG_EXTRACT_H
#define VNKG_EXTRACT_H

#include <vnkg/facts.h>
#include <vnkg/lexicon.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Extracts entities (resolved to canonical ids valid on the article's
 * date), their mentions with byte offsets in `doc->text`, and relations
 * (holds_office with role, represents, issued_by, agreement_with,
 * co_mention) from one normalised document into `out`, which the caller
 * owns (usually a fresh store per article, merged afterwards with
 * vnkg_facts_merge). The article's metadata and date go to `out` as well.
 * Returns VNKG_ERR_NO_MEMORY. */
VNKG_API VnkgStatus vnkg_extract_document(VnkgContext *ctx,
                                          const VnkgLexicon *lex,
                                          const VnkgDocument *doc,
                                          VnkgFacts *out);

/* The article's date as ISO "YYYY-MM-DD": metadata first, else the text
 * ("09/03/2023 19:38", "ngày 22/7/2025", "Chiều 18/7" with the year taken
 * from the text, then *inferred = 1). VNKG_FAILURE when none is found. */
VNKG_API VnkgStatus vnkg_extract_date(const VnkgDocument *doc, char out[11],
                                      int *inferred);

#ifdef __cplusplus
}
#endif
#endif
