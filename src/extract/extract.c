/* SPDX-License-Identifier: MIT */
/* One article through segment, scan (extract), resolve and relate. */
#include "extract_internal.h"

#include <vnkg/normalise.h>

#include <string.h>

static void
doc_state_clear(DocState *ds)
{
    vnkg_segments_clear(ds->ctx, &ds->seg);
    vnkg_free(ds->ctx, ds->persons);
    vnkg_free(ds->ctx, ds->found);
    vnkg_free(ds->ctx, ds->offices);
    vnkg_free(ds->ctx, ds->office_person);
    lex_cache_clear(ds->ctx, &ds->cache);
}

static VnkgStatus
record_article(DocState *ds, int inferred)
{
    VnkgArticle a = {0};
    a.id = ds->doc->id;
    a.url = ds->doc->url;
    a.title = ds->doc->title;
    a.date = ds->date[0] ? ds->date : NULL;
    a.date_inferred = inferred;
    return vnkg_facts_article(ds->ctx, ds->facts, &a);
}

/* 1 when sentence s starts a furniture line (share bar, counter), 2 when
 * it opens the related-news list that ends the page, else 0. The title
 * (sentence 0) is never furniture. */
static int
is_furniture(const DocState *ds, size_t s)
{
    const VnkgSentence *x = &ds->seg.sentences[s];
    size_t i = x->first_token, end = i + x->n_tokens;
    if (s == 0 || !(ds->seg.tokens[i].flags & VNKG_TOK_LINE_START)) {
        return 0;
    }
    if (lex_cue_at(ds->lex, &ds->cache, ds->seg.tokens, end, i,
                   CUE_BOILERPLATE_END)) {
        return 2;
    }
    return lex_cue_at(ds->lex, &ds->cache, ds->seg.tokens, end, i,
                      CUE_BOILERPLATE)
               ? 1
               : 0;
}

VnkgStatus
vnkg_extract_document(VnkgContext *ctx, const VnkgLexicon *lex,
                      const VnkgDocument *doc, VnkgFacts *out)
{
    DocState ds;
    memset(&ds, 0, sizeof ds);
    ds.ctx = ctx;
    ds.lex = lex;
    ds.doc = doc;
    ds.facts = out;
    ds.bridge_province = NONE;
    ds.event = NONE;
    int inferred = 0;
    vnkg_extract_date(doc, ds.date, &inferred);
    VnkgStatus st = record_article(&ds, inferred);
    char *pooled = NULL;
    if (st == VNKG_SUCCESS) {
        st = vnkg_facts_intern(ctx, out, doc->id, strlen(doc->id), &pooled);
        ds.article_id = pooled;
    }
    if (st == VNKG_SUCCESS && ds.date[0]) {
        st = vnkg_facts_intern(ctx, out, ds.date, strlen(ds.date), &pooled);
        ds.pooled_date = pooled;
    }
    if (st == VNKG_SUCCESS) {
        st = vnkg_segment_text(ctx, doc->text, doc->text_len, &ds.seg);
    }
    if (st == VNKG_SUCCESS) {
        st = lex_cache_document(ctx, lex, &ds.cache, ds.seg.tokens,
                                ds.seg.n_tokens);
    }
    if (st == VNKG_SUCCESS) {
        st = events_detect(&ds);
    }
    for (size_t s = 0; st == VNKG_SUCCESS && s < ds.seg.n_sentences; ++s) {
        ds.sentence = s;
        int furniture = is_furniture(&ds, s);
        if (furniture == 2) {
            break; /* the related-news list: nothing of the article follows */
        }
        if (furniture) {
            continue;
        }
        st = scan_sentence(&ds);
        if (st == VNKG_SUCCESS) {
            st = relate_sentence(&ds);
        }
    }
    VnkgStatus end = relate_document(&ds); /* also frees deferred work */
    if (st == VNKG_SUCCESS) {
        st = end;
    }
    doc_state_clear(&ds);
    return st;
}
