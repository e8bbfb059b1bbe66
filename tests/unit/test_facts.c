/* SPDX-License-Identifier: MIT */
/* String sets (owned and pooled) and the fact store's pooled strings. */
#undef NDEBUG
#include "../../src/extract/strset.h"
#include "../../src/util/intern.h"
#include "failalloc.h"

#include <vnkg/facts.h>

#include <assert.h>
#include <stdio.h>
#include <string.h>

static VnkgContext *ctx;

static void
test_owned_set(void)
{
    VnkgStrSet set = {0};
    char buf[32];
    for (int round = 0; round < 2; ++round) { /* adding twice adds nothing */
        for (int i = 0; i < 1000; ++i) {
            snprintf(buf, sizeof buf, "a%04d", (i * 7919) % 1000);
            assert(vnkg_strset_add(ctx, &set, buf) == VNKG_SUCCESS);
        }
    }
    assert(set.count == 1000 && set.index != NULL);
    assert(strcmp(set.items[0], "a0000") == 0); /* insertion order */
    assert(strcmp(set.items[1], "a0919") == 0);
    assert(vnkg_strset_has(&set, "a0500") && !vnkg_strset_has(&set, "a1000"));
    vnkg_strset_sort(&set);
    assert(strcmp(set.items[1], "a0001") == 0);
    for (int i = 0; i < 1000; ++i) { /* the index follows the sort */
        snprintf(buf, sizeof buf, "a%04d", i);
        assert(vnkg_strset_has(&set, buf));
    }
    assert(vnkg_strset_add(ctx, &set, "a0001") == VNKG_SUCCESS);
    assert(set.count == 1000);
    vnkg_strset_clear(ctx, &set);
    assert(set.count == 0 && set.items == NULL && set.index == NULL);
}

static void
test_pooled_set(void)
{
    VnkgIntern pool;
    vnkg_intern_init(&pool);
    VnkgStrSet set = {0};
    char buf[32];
    char *first = NULL;
    for (int i = 0; i < 300; ++i) {
        char *p;
        snprintf(buf, sizeof buf, "article-%d", i % 150);
        assert(vnkg_intern_str(ctx, &pool, buf, &p) == VNKG_SUCCESS);
        if (i == 0) {
            first = p;
        }
        if (i == 150) {
            assert(p == first); /* one address per string */
        }
        assert(vnkg_strset_add_pooled(ctx, &set, p) == VNKG_SUCCESS);
    }
    assert(set.count == 150 && set.index != NULL);
    assert(vnkg_strset_has_pooled(&set, first));
    /* a copy with the same bytes at another address is not "pooled" ... */
    char other[] = "article-0";
    assert(!vnkg_strset_has_pooled(&set, other));
    /* ... but the public lookup compares contents */
    assert(vnkg_strset_has(&set, other));
    assert(!vnkg_strset_has(&set, "article-150"));
    vnkg_strset_reset_pooled(ctx, &set);
    assert(pool.bytes == strlen("article-") * 150 + 10 + 90 * 2 + 50 * 3);
    vnkg_intern_clear(ctx, &pool);
}

/* Items appended unlooked (a merge's new article) are found all the same,
 * indexed once a lookup needs them, and never added twice. */
static void
test_appended_set(void)
{
    VnkgIntern pool;
    vnkg_intern_init(&pool);
    char *items[400];
    char buf[32];
    for (int i = 0; i < 400; ++i) {
        snprintf(buf, sizeof buf, "a%03d", 399 - i);
        assert(vnkg_intern_str(ctx, &pool, buf, &items[i]) == VNKG_SUCCESS);
    }
    VnkgStrSet set = {0};
    for (int i = 0; i < 100; ++i) {
        assert(vnkg_strset_append_pooled(ctx, &set, items[i]) == VNKG_SUCCESS);
    }
    assert(set.count == 100 && set.index == NULL); /* no lookup yet */
    for (int i = 0; i < 400; ++i) {
        assert(vnkg_strset_has_pooled(&set, items[i]) == (i < 100));
    }
    /* an add looks up: indexes the 100, finds the item, adds nothing */
    assert(vnkg_strset_add_pooled(ctx, &set, items[7]) == VNKG_SUCCESS);
    assert(set.count == 100 && set.index != NULL);
    /* appended behind the index: still found, by address and content */
    for (int i = 100; i < 300; ++i) {
        assert(vnkg_strset_append_pooled(ctx, &set, items[i]) == VNKG_SUCCESS);
    }
    for (int i = 0; i < 400; ++i) {
        assert(vnkg_strset_has_pooled(&set, items[i]) == (i < 300));
        snprintf(buf, sizeof buf, "%s", items[i]);
        assert(vnkg_strset_has(&set, buf) == (i < 300));
    }
    assert(vnkg_strset_add_pooled(ctx, &set, items[250]) == VNKG_SUCCESS);
    assert(vnkg_strset_add_pooled(ctx, &set, items[350]) == VNKG_SUCCESS);
    assert(set.count == 301 && set.items[300] == items[350]);
    /* sorting renumbers the items: every one is still found */
    vnkg_strset_append_pooled(ctx, &set, items[399]);
    vnkg_strset_sort(&set);
    for (size_t k = 1; k < set.count; ++k) {
        assert(strcmp(set.items[k - 1], set.items[k]) < 0);
    }
    for (int i = 0; i < 400; ++i) {
        int in = i < 300 || i == 350 || i == 399;
        assert(vnkg_strset_has_pooled(&set, items[i]) == in);
    }
    assert(vnkg_strset_add_pooled(ctx, &set, items[0]) == VNKG_SUCCESS);
    assert(set.count == 302);
    vnkg_strset_reset_pooled(ctx, &set);
    vnkg_intern_clear(ctx, &pool);
}

/* One article's store merged twice, and a store whose article id is
 * already a string of the destination: each article listed once in each
 * set, weights summed. */
static void
test_merge_sources(void)
{
    VnkgFacts *src, *dst;
    assert(vnkg_facts_new(ctx, &src) == VNKG_SUCCESS);
    assert(vnkg_facts_new(ctx, &dst) == VNKG_SUCCESS);
    VnkgArticle art = {0};
    art.id = "a1";
    assert(vnkg_facts_article(ctx, src, &art) == VNKG_SUCCESS);
    size_t x, y;
    assert(vnkg_facts_entity(ctx, src, "province/x", VNKG_TYPE_PROVINCE, "X",
                             &x) == VNKG_SUCCESS);
    assert(vnkg_facts_entity(ctx, src, "official/y", VNKG_TYPE_OFFICIAL, "Y",
                             &y) == VNKG_SUCCESS);
    assert(vnkg_facts_mention(ctx, src, "a1", 0, 1, "X", 1, x) == 0);
    assert(vnkg_facts_relate(ctx, src, y, x, VNKG_REL_CO_MENTION, NULL, 1, "a1",
                             NULL, "X và Y.") == VNKG_SUCCESS);
    /* "a2" is already a string of dst (an alias), not one of its articles */
    VnkgFacts *other;
    assert(vnkg_facts_new(ctx, &other) == VNKG_SUCCESS);
    art.id = "a2";
    assert(vnkg_facts_article(ctx, other, &art) == VNKG_SUCCESS);
    size_t ox, oy;
    assert(vnkg_facts_entity(ctx, other, "province/x", VNKG_TYPE_PROVINCE, "X",
                             &ox) == VNKG_SUCCESS);
    assert(vnkg_facts_entity(ctx, other, "official/y", VNKG_TYPE_OFFICIAL, "Y",
                             &oy) == VNKG_SUCCESS);
    assert(vnkg_facts_mention(ctx, other, "a2", 0, 1, "X", 1, ox) == 0);
    assert(vnkg_facts_relate(ctx, other, oy, ox, VNKG_REL_CO_MENTION, NULL, 1,
                             "a2", NULL, "Y và X.") == VNKG_SUCCESS);
    size_t z;
    assert(vnkg_facts_entity(ctx, dst, "official/z", VNKG_TYPE_OFFICIAL, "Z",
                             &z) == VNKG_SUCCESS);
    assert(vnkg_facts_add_alias(ctx, dst, z, "a2") == VNKG_SUCCESS);
    for (int round = 0; round < 2; ++round) {
        assert(vnkg_facts_merge(ctx, dst, src) == VNKG_SUCCESS);
        assert(vnkg_facts_merge(ctx, dst, other) == VNKG_SUCCESS);
    }
    size_t dx;
    assert(vnkg_facts_find(dst, "province/x", &dx) == VNKG_SUCCESS);
    const VnkgEntity *e = vnkg_facts_entity_at(dst, dx);
    assert(e->sources.count == 2 && e->mentions == 4);
    assert(strcmp(e->sources.items[0], "a1") == 0);
    assert(strcmp(e->sources.items[1], "a2") == 0);
    assert(vnkg_facts_fact_count(dst) == 1);
    const VnkgFact *f = vnkg_facts_fact_at(dst, 0);
    assert(f->weight == 4 && f->sources.count == 2);
    assert(strcmp(f->evidence, "X và Y.") == 0);
    vnkg_facts_free(ctx, src);
    vnkg_facts_free(ctx, other);
    vnkg_facts_free(ctx, dst);
}

/* Each allocation failing in turn: an error or success, never a leak. */
static void
test_no_memory(void)
{
    int succeeded = 0;
    for (long n = 0; !succeeded && n < 10000; ++n) {
        FailAlloc s = {n, 0, 0};
        VnkgAllocator a = {fa_malloc, fa_realloc, fa_free, &s};
        VnkgContext *fctx;
        if (vnkg_context_new_with(&fctx, &a) != VNKG_SUCCESS) {
            continue;
        }
        VnkgIntern pool;
        vnkg_intern_init(&pool);
        VnkgStrSet owned = {0}, pooled = {0};
        VnkgStatus st = VNKG_SUCCESS;
        char buf[32];
        for (int i = 0; st == VNKG_SUCCESS && i < 100; ++i) {
            snprintf(buf, sizeof buf, "x%d", i);
            char *p;
            st = vnkg_strset_add(fctx, &owned, buf);
            if (st == VNKG_SUCCESS) {
                st = vnkg_intern_str(fctx, &pool, buf, &p);
            }
            if (st == VNKG_SUCCESS) {
                st = vnkg_strset_add_pooled(fctx, &pooled, p);
            }
            /* whatever failed, what is in the sets is still found */
            for (size_t k = 0; k < owned.count; ++k) {
                assert(vnkg_strset_has(&owned, owned.items[k]));
            }
            for (size_t k = 0; k < pooled.count; ++k) {
                assert(vnkg_strset_has_pooled(&pooled, pooled.items[k]));
            }
        }
        assert(st == VNKG_SUCCESS || st == VNKG_ERR_NO_MEMORY);
        if (st == VNKG_SUCCESS) {
            succeeded = 1;
            assert(owned.count == 100 && pooled.count == 100);
        }
        vnkg_strset_clear(fctx, &owned);
        vnkg_strset_reset_pooled(fctx, &pooled);
        vnkg_intern_clear(fctx, &pool);
        vnkg_context_free(fctx);
        assert(s.live == 0);
    }
    assert(succeeded);
}

/* Mentions listed by article id, start, end, entity id. */
static void
test_mention_order(void)
{
    VnkgFacts *f;
    assert(vnkg_facts_new(ctx, &f) == VNKG_SUCCESS);
    size_t a, b;
    assert(vnkg_facts_entity(ctx, f, "province/b", VNKG_TYPE_PROVINCE, "B",
                             &b) == VNKG_SUCCESS);
    assert(vnkg_facts_entity(ctx, f, "province/a", VNKG_TYPE_PROVINCE, "A",
                             &a) == VNKG_SUCCESS);
    /* index: 0 a2 10-11 b, 1 a1 5-6 a, 2 a1 5-6 b, 3 a1 0-1 b, 4 a10 0-1 a */
    assert(vnkg_facts_mention(ctx, f, "a2", 10, 11, "B", 1, b) == 0);
    assert(vnkg_facts_mention(ctx, f, "a1", 5, 6, "A", 1, a) == 0);
    assert(vnkg_facts_mention(ctx, f, "a1", 5, 6, "B", 1, b) == 0);
    assert(vnkg_facts_mention(ctx, f, "a1", 0, 1, "B", 1, b) == 0);
    assert(vnkg_facts_mention(ctx, f, "a10", 0, 1, "A", 1, a) == 0);
    size_t *order;
    assert(vnkg_facts_mention_order(ctx, f, &order) == VNKG_SUCCESS);
    static const size_t want[] = {3, 1, 2, 4, 0}; /* "a1" < "a10" < "a2" */
    for (size_t i = 0; i < 5; ++i) {
        assert(order[i] == want[i]);
    }
    vnkg_free(ctx, order);
    /* an article's mentions in several runs (a merge, an --append): one
     * article all the same, sorted by start, end and entity id */
    assert(vnkg_facts_mention(ctx, f, "a1", 5, 6, "A", 1, a) == 0); /* 5 */
    assert(vnkg_facts_mention(ctx, f, "a2", 0, 1, "A", 1, a) == 0); /* 6 */
    assert(vnkg_facts_mention(ctx, f, "a1", 2, 3, "B", 1, b) == 0); /* 7 */
    assert(vnkg_facts_mention(ctx, f, "a0", 9, 9, "B", 1, b) == 0); /* 8 */
    assert(vnkg_facts_mention(ctx, f, "a1", 5, 6, "A", 1, a) == 0); /* 9 */
    assert(vnkg_facts_mention_order(ctx, f, &order) == VNKG_SUCCESS);
    /* a0: 8; a1: 0-1 b (3), 2-3 b (7), 5-6 a (1, 5, 9), 5-6 b (2);
     * a10: 4; a2: 0-1 a (6), 10-11 b (0) */
    static const size_t runs[] = {8, 3, 7, 1, 5, 9, 2, 4, 6, 0};
    for (size_t i = 0; i < 10; ++i) {
        assert(order[i] == runs[i]);
    }
    vnkg_free(ctx, order);
    /* each allocation of the ordering failing in turn: no leak, then the
     * same order */
    int succeeded = 0;
    for (long n = 0; !succeeded && n < 1000; ++n) {
        FailAlloc s = {n, 0, 0};
        VnkgAllocator al = {fa_malloc, fa_realloc, fa_free, &s};
        VnkgContext *fctx;
        if (vnkg_context_new_with(&fctx, &al) != VNKG_SUCCESS) {
            continue;
        }
        VnkgStatus st = vnkg_facts_mention_order(fctx, f, &order);
        assert(st == VNKG_SUCCESS || (st == VNKG_ERR_NO_MEMORY && !order));
        if (st == VNKG_SUCCESS) {
            succeeded = 1;
            assert(memcmp(order, runs, sizeof runs) == 0);
            vnkg_free(fctx, order);
        }
        vnkg_context_free(fctx);
        assert(s.live == 0);
    }
    assert(succeeded);
    vnkg_facts_free(ctx, f);
}

int
main(void)
{
    assert(vnkg_context_new(&ctx) == VNKG_SUCCESS);
    test_owned_set();
    test_pooled_set();
    test_appended_set();
    test_merge_sources();
    test_no_memory();
    test_mention_order();
    vnkg_context_free(ctx);
    printf("ok\n");
    return 0;
}
