/* SPDX-License-Identifier: MIT */
/* Plain text articles: the first non-empty line is the title. */
#include "ingest_internal.h"

#include <assert.h>

VnkgStatus
vnkg_ingest_text(VnkgContext *ctx, const char *name, const char *data,
                 size_t len, VnkgDocument **out)
{
    assert(ctx && name && out && (data || len == 0));
    *out = NULL;
    VNKG_TRY(vnkg_ingest_check_article(ctx, name, len));
    VnkgDocument *doc = NULL;
    VNKG_TRY(vnkg_ingest_document_for(ctx, name, &doc));
    /* The raw bytes, NULs and invalid UTF-8 included: normalise cleans. */
    VnkgStatus st = vnkg_ingest_set_text(ctx, doc, data ? data : "", len);
    if (st == VNKG_SUCCESS) {
        VnkgStr line = vnkg_ingest_first_line(doc->text, doc->text_len);
        if (line.ptr) {
            st = vnkg_ingest_clean_title(ctx, line.ptr, line.len, &doc->title);
        }
    }
    if (st != VNKG_SUCCESS) {
        vnkg_document_free(ctx, doc);
        return st;
    }
    *out = doc;
    return VNKG_SUCCESS;
}
