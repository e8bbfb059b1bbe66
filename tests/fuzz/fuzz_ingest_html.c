/* SPDX-License-Identifier: MIT */
/* Fuzz target: HTML ingest (libxml2's HTML parser, body and metadata
 * extraction), then normalisation of the article it yields. */
#include "fuzz_common.h"

#include <string.h>

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    VnkgContext *ctx = fuzz_context();
    VnkgDocument *doc = NULL;
    VnkgStatus st =
        vnkg_ingest_html(ctx, "fuzz.html", (const char *)data, size, &doc);
    if (st != VNKG_SUCCESS) {
        FUZZ_CHECK(doc == NULL);
        FUZZ_CHECK(st == VNKG_ERR_LIMIT || st == VNKG_ERR_BAD_SYNTAX);
        vnkg_context_free(ctx);
        return 0;
    }
    FUZZ_CHECK(doc && doc->text && doc->id);
    FUZZ_CHECK(doc->text[doc->text_len] == '\0');
    size_t raw_len = doc->text_len;
    if (doc->date) {
        /* ISO "YYYY-MM-DD" */
        FUZZ_CHECK(strlen(doc->date) == 10);
    }
    if (vnkg_normalise_document(ctx, doc) == VNKG_SUCCESS) {
        fuzz_check_clean(doc->text, doc->text_len);
        if (doc->title) {
            fuzz_check_clean(doc->title, strlen(doc->title));
        }
        FUZZ_CHECK(vnkg_document_source_offset(doc, doc->text_len) <= raw_len);
    }
    vnkg_document_free(ctx, doc);
    vnkg_context_free(ctx);
    return 0;
}
