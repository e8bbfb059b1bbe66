/* SPDX-License-Identifier: MIT */
/* Document lifetime and the text fields every reader fills. */
#include "ingest_internal.h"

#include <string.h>

VnkgStatus
vnkg_document_new(VnkgContext *ctx, VnkgDocument **out)
{
    *out = NULL;
    VnkgDocument *doc = vnkg_calloc(ctx, 1, sizeof *doc);
    if (!doc) {
        return VNKG_ERR_NO_MEMORY;
    }
    doc->text = vnkg_strndup(ctx, "", 0);
    if (!doc->text) {
        vnkg_free(ctx, doc);
        return VNKG_ERR_NO_MEMORY;
    }
    *out = doc;
    return VNKG_SUCCESS;
}

void
vnkg_document_free(VnkgContext *ctx, VnkgDocument *doc)
{
    if (!doc) {
        return;
    }
    vnkg_free(ctx, doc->id);
    vnkg_free(ctx, doc->source);
    vnkg_free(ctx, doc->url);
    vnkg_free(ctx, doc->title);
    vnkg_free(ctx, doc->date);
    vnkg_free(ctx, doc->text);
    vnkg_free(ctx, doc->map);
    vnkg_free(ctx, doc);
}

size_t
vnkg_document_source_offset(const VnkgDocument *doc, size_t clean)
{
    /* the last breakpoint at or before `clean`, by binary search */
    size_t lo = 0, hi = doc->n_map;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->map[2 * mid] <= clean) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo == 0) {
        return clean;
    }
    const size_t *bp = &doc->map[2 * (lo - 1)];
    return bp[1] + (clean - bp[0]);
}

VnkgStatus
vnkg_ingest_set_text(VnkgContext *ctx, VnkgDocument *doc, const char *text,
                     size_t len)
{
    char *copy = vnkg_strndup(ctx, text, len);
    if (!copy) {
        return VNKG_ERR_NO_MEMORY;
    }
    vnkg_free(ctx, doc->text);
    doc->text = copy;
    doc->text_len = len;
    return VNKG_SUCCESS;
}

VnkgStatus
vnkg_ingest_join_text(VnkgContext *ctx, VnkgDocument *doc, const char *title,
                      const char *body, size_t body_len)
{
    if (!title) {
        return vnkg_ingest_set_text(ctx, doc, body, body_len);
    }
    size_t title_len = strlen(title);
    size_t total = 0;
    VNKG_TRY(vnkg_size_add(&total, title_len, body_len));
    VNKG_TRY(vnkg_size_add(&total, total, body_len ? 3 : 1));
    char *text = vnkg_malloc(ctx, total);
    if (!text) {
        return VNKG_ERR_NO_MEMORY;
    }
    memcpy(text, title, title_len);
    size_t len = title_len;
    if (body_len) {
        memcpy(text + len, "\n\n", 2);
        memcpy(text + len + 2, body, body_len);
        len += 2 + body_len;
    }
    text[len] = '\0';
    vnkg_free(ctx, doc->text);
    doc->text = text;
    doc->text_len = len;
    return VNKG_SUCCESS;
}

VnkgStatus
vnkg_ingest_document_for(VnkgContext *ctx, const char *name, VnkgDocument **out)
{
    VnkgDocument *doc = NULL;
    VNKG_TRY(vnkg_document_new(ctx, &doc));
    VnkgStatus st = vnkg_ingest_id_from_name(ctx, name, &doc->id);
    if (st == VNKG_SUCCESS) {
        doc->source = vnkg_strdup(ctx, name);
        st = doc->source ? VNKG_SUCCESS : VNKG_ERR_NO_MEMORY;
    }
    if (st != VNKG_SUCCESS) {
        vnkg_document_free(ctx, doc);
        doc = NULL;
    }
    *out = doc;
    return st;
}

VnkgStatus
vnkg_ingest_check_article(VnkgContext *ctx, const char *name, size_t len)
{
    size_t max = vnkg_context_limits(ctx)->max_article_bytes;
    if (len > max) {
        return vnkg_diag(ctx, VNKG_ERR_LIMIT,
                         "%s: article of %zu bytes exceeds the limit of %zu "
                         "bytes",
                         name, len, max);
    }
    return VNKG_SUCCESS;
}
