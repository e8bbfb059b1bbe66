/* SPDX-License-Identifier: MIT */
/* Fuzz target: one plain-text article normalised and extracted with the
 * real lexicon (mentions, entities, relations, the article's date). */
#include "fuzz_common.h"
#include "fuzz_lexicon.h"

#include <string.h>

static void
check_facts(const VnkgFacts *facts, size_t len)
{
    fuzz_check_mentions(facts, len);
    size_t n = vnkg_facts_entity_count(facts);
    for (size_t i = 0; i < n; ++i) {
        const VnkgEntity *e = vnkg_facts_entity_at(facts, i);
        FUZZ_CHECK(e->id && e->label);
        FUZZ_CHECK(e->type < VNKG_TYPE_COUNT);
    }
    for (size_t i = 0; i < vnkg_facts_fact_count(facts); ++i) {
        const VnkgFact *f = vnkg_facts_fact_at(facts, i);
        FUZZ_CHECK(f->from < n && f->to < n);
        FUZZ_CHECK(f->relation < VNKG_REL_COUNT);
        FUZZ_CHECK(f->weight > 0);
    }
}

static void
check_date(const VnkgDocument *doc)
{
    char date[11];
    int inferred = 0;
    if (vnkg_extract_date(doc, date, &inferred) == VNKG_SUCCESS) {
        FUZZ_CHECK(strlen(date) == 10 && date[4] == '-' && date[7] == '-');
    }
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const VnkgLexicon *lex = fuzz_lexicon();
    VnkgContext *ctx = fuzz_context();
    VnkgDocument *doc = NULL;
    VnkgFacts *facts = NULL;
    FUZZ_CHECK(vnkg_ingest_text(ctx, "fuzz.txt", (const char *)data, size,
                                &doc) == VNKG_SUCCESS);
    FUZZ_CHECK(vnkg_normalise_document(ctx, doc) == VNKG_SUCCESS);
    FUZZ_CHECK(vnkg_facts_new(ctx, &facts) == VNKG_SUCCESS);
    FUZZ_CHECK(vnkg_extract_document(ctx, lex, doc, facts) == VNKG_SUCCESS);
    check_facts(facts, size);
    check_date(doc);
    vnkg_facts_free(ctx, facts);
    vnkg_document_free(ctx, doc);
    vnkg_context_free(ctx);
    return 0;
}
