/* SPDX-License-Identifier: MIT */
/* Fuzz target: JSON Lines ingest (cJSON), then normalisation of each
 * article it delivers; the same bytes streamed in pieces must deliver the
 * same articles. */
#include "../../src/ingest/ingest_internal.h"
#include "fuzz_common.h"

#include <string.h>

typedef struct {
    size_t delivered;
    size_t len;    /* input size */
    uint64_t hash; /* of the delivered ids, sources and texts, in order */
} JsonlState;

static uint64_t
mix(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; ++i) {
        h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    }
    return (h ^ 0xff) * 1099511628211ULL; /* a separator */
}

static VnkgStatus
on_document(VnkgContext *ctx, VnkgDocument *doc, void *user)
{
    JsonlState *js = user;
    js->delivered++;
    js->hash = mix(js->hash, doc->id, strlen(doc->id));
    js->hash = mix(js->hash, doc->source, strlen(doc->source));
    js->hash = mix(js->hash, doc->text, doc->text_len);
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

typedef struct {
    const uint8_t *data;
    size_t len, pos, step;
} Pieces;

static VnkgStatus
pieces_read(void *arg, char *buf, size_t cap, size_t *got)
{
    Pieces *p = arg;
    size_t n = p->len - p->pos;
    n = n < p->step ? n : p->step;
    n = n < cap ? n : cap;
    memcpy(buf, p->data + p->pos, n);
    p->pos += n;
    *got = n;
    return VNKG_SUCCESS;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    VnkgContext *ctx = fuzz_context();
    JsonlState js = {0, size, 0};
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
    if (st == VNKG_SUCCESS) { /* the stream, in pieces of 1 to 97 bytes */
        Pieces src = {data, size, 0, 1 + (size % 97)};
        JsonlState ss = {0, size, 0};
        size_t count = 0;
        int blank = 0;
        FUZZ_CHECK(vnkg_ingest_jsonl_stream(ctx, "fuzz.jsonl", pieces_read,
                                            &src, on_document, &ss, &count,
                                            &blank) == VNKG_SUCCESS);
        FUZZ_CHECK(ss.delivered == js.delivered && ss.hash == js.hash);
    }
    vnkg_context_free(ctx);
    return 0;
}
