/* SPDX-License-Identifier: MIT */
/* The threaded pipeline and the facts file: any number of threads, any
 * split into shards, and a write/read round trip give the same facts. */
#undef NDEBUG
#include <vnkg/ingest.h>
#include <vnkg/pipeline.h>

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static VnkgContext *ctx;
static VnkgLexicon *lex;

typedef struct {
    VnkgPipeline *pipeline;
    size_t index; /* articles seen */
    size_t shard; /* keep articles with index % shards == shard */
    size_t shards;
} Feed;

static VnkgStatus
feed(VnkgContext *c, VnkgDocument *doc, void *user)
{
    Feed *f = user;
    if (f->shards && f->index++ % f->shards != f->shard) {
        vnkg_document_free(c, doc);
        return VNKG_SUCCESS;
    }
    return vnkg_pipeline_add(f->pipeline, doc);
}

/* The facts of the test corpus (or one shard of it) as a facts file. */
static char *
corpus_facts(size_t threads, size_t shard, size_t shards, size_t *len)
{
    VnkgFacts *facts;
    VnkgPipeline *p;
    assert(vnkg_facts_new(ctx, &facts) == VNKG_SUCCESS);
    assert(vnkg_pipeline_new(ctx, lex, threads, facts, &p) == VNKG_SUCCESS);
    Feed f = {p, 0, shard, shards};
    assert(vnkg_ingest_path(ctx, VNKG_TEST_SOURCE_DIR "/tests/corpus/articles",
                            VNKG_FORMAT_AUTO, feed, &f) == VNKG_SUCCESS);
    assert(vnkg_pipeline_finish(p) == VNKG_SUCCESS);
    assert(vnkg_pipeline_articles(p) > 0);
    vnkg_pipeline_free(p);
    char *buf = NULL;
    FILE *fp = open_memstream(&buf, len);
    assert(fp && vnkg_facts_write(ctx, facts, fp) == VNKG_SUCCESS);
    fclose(fp);
    vnkg_facts_free(ctx, facts);
    return buf;
}

static void
test_threads(const char *one, size_t one_len)
{
    for (size_t threads = 2; threads <= 5; threads += 3) {
        size_t len;
        char *many = corpus_facts(threads, 0, 0, &len);
        assert(len == one_len && memcmp(one, many, len) == 0);
        free(many);
    }
}

/* Reads files into one store and writes it back. */
static char *
merge_files(char **files, const size_t *lens, size_t n, size_t *len)
{
    VnkgFacts *facts;
    assert(vnkg_facts_new(ctx, &facts) == VNKG_SUCCESS);
    for (size_t i = 0; i < n; ++i) {
        FILE *fp = fmemopen(files[i], lens[i], "r");
        assert(fp);
        assert(vnkg_facts_read(ctx, facts, fp, "shard") == VNKG_SUCCESS);
        fclose(fp);
    }
    char *buf = NULL;
    FILE *fp = open_memstream(&buf, len);
    assert(fp && vnkg_facts_write(ctx, facts, fp) == VNKG_SUCCESS);
    fclose(fp);
    vnkg_facts_free(ctx, facts);
    return buf;
}

static void
test_round_trip_and_shards(const char *one, size_t one_len)
{
    size_t len;
    char *copy = malloc(one_len);
    memcpy(copy, one, one_len);
    size_t clen = one_len;
    char *again = merge_files(&copy, &clen, 1, &len);
    assert(len == one_len && memcmp(again, one, len) == 0);
    free(again);
    free(copy);
    /* three shards extracted apart, merged in reverse order */
    char *shard[3];
    size_t lens[3];
    for (size_t s = 0; s < 3; ++s) {
        shard[2 - s] = corpus_facts(1, s, 3, &lens[2 - s]);
    }
    char *merged = merge_files(shard, lens, 3, &len);
    assert(len == one_len && memcmp(merged, one, len) == 0);
    free(merged);
    for (size_t s = 0; s < 3; ++s) {
        free(shard[s]);
    }
}

static void
test_bad_files(void)
{
    static const char *const bad[] = {
        "",
        "not facts\n",
        "#vnkg-facts 1\nX\tnope\n",
        "#vnkg-facts 1\nE\tofficial/a\tofficial\tA\n",
        /* a relation between entities the file never defined */
        ("#vnkg-facts 1\n"
         "F\ta\tb\tholds_office\t\\N\t1\t0\t\\N\t\\N\ta\t0\tx\ta\n"),
        "#vnkg-facts 1\nE\tofficial/a\tnot_a_type\tA\t\\N\t\\N\t\\N\t1\t\t\n",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; ++i) {
        VnkgFacts *facts;
        assert(vnkg_facts_new(ctx, &facts) == VNKG_SUCCESS);
        FILE *fp = fmemopen((void *)bad[i], strlen(bad[i]) + 1, "r");
        if (strlen(bad[i]) == 0) {
            fclose(fp);
            fp = fopen("/dev/null", "r");
        }
        assert(vnkg_facts_read(ctx, facts, fp, "bad") == VNKG_ERR_BAD_SYNTAX);
        assert(vnkg_facts_entity_count(facts) == 0);
        fclose(fp);
        vnkg_facts_free(ctx, facts);
    }
}

static void
quiet(VnkgStatus st, const char *msg, void *user)
{
    (void)st;
    (void)msg;
    (void)user;
}

int
main(void)
{
    assert(vnkg_context_new(&ctx) == VNKG_SUCCESS);
    vnkg_context_set_diag(ctx, quiet, NULL);
    assert(vnkg_lexicon_load(ctx, VNKG_TEST_SOURCE_DIR "/ontology", &lex) ==
           VNKG_SUCCESS);
    size_t one_len;
    char *one = corpus_facts(1, 0, 0, &one_len);
    assert(one_len > 1000);
    test_threads(one, one_len);
    test_round_trip_and_shards(one, one_len);
    test_bad_files();
    free(one);
    vnkg_lexicon_free(ctx, lex);
    vnkg_context_free(ctx);
    vnkg_pipeline_free(NULL);
    puts("pipeline: ok");
    return 0;
}
