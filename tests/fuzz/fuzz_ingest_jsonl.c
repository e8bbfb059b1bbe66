/* SPDX-License-Identifier: MIT */
/* Fuzz target: JSON Lines ingest (cJSON), then normalisation of each
 * article it delivers. */
#include "fuzz_common.h"

#include <string.h>

typedef struct {
    size_t delivered;
    size_t len; /* input size */
} JsonlState;

static VnkgStatus
on_document(VnkgContext *ctx, VnkgDocument *doc, void *user)
{
    JsonlState *js = user;
    js->delivered++;
    FUZZ_CHECK(doc && doc->text && doc->id && doc->source);
    FUZZ_CHECK(doc->text[doc->text_len] == '\0');
    /* offsets map back into the text as delivered */
    size_t raw_len = doc->text_len;
    if (vnkg_normalise_document(ctx, doc) == VNKG_SUCCESS) {
        fuzz_check_clean(doc->text, doc->text_len);
        if (doc->title) {
            fuzz_check_clean(doc->title, strlen(doc->title));
        }
        FUZZ_CHECK(vnkg_document_source_offset(doc, doc->text_len) <= raw_len);
    }
    vnkg_document_free(ctx, doc);
    return VNKG_SUCCESS;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    VnkgContext *ctx = fuzz_context();
    JsonlState js = {0, size};
    size_t skipped = 0;
    VnkgStatus st = vnkg_ingest_jsonl(ctx, "fuzz.jsonl", (const char *)data,
                                      size, on_document, &js, &skipped);
    FUZZ_CHECK(st == VNKG_SUCCESS || st == VNKG_ERR_LIMIT);
    /* no more articles and skipped lines than lines */
    size_t lines = size > 0;
    for (size_t i = 0; i < size; ++i) {
        lines += data[i] == '\n';
    }
    FUZZ_CHECK(js.delivered + skipped <= lines);
    vnkg_context_free(ctx);
    return 0;
}
