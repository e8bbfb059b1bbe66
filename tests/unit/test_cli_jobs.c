/* SPDX-License-Identifier: MIT */
/* src/cli/jobs.c: whatever the number of threads, the diagnostics and the
 * status are those of running the jobs one after another. */
#undef NDEBUG
#include "../../src/cli/jobs.h"

#include <assert.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#define MAX_LINES 64

typedef struct {
    char lines[MAX_LINES][128];
    size_t n;
} Log;

static void
log_diag(VnkgStatus st, const char *msg, void *user)
{
    Log *log = user;
    assert(log->n < MAX_LINES);
    snprintf(log->lines[log->n++], sizeof log->lines[0], "%d %s", (int)st, msg);
}

typedef struct {
    int id;
    VnkgStatus result;
    int sleep_ms; /* so that later jobs end first */
    int warn;     /* a diagnostic on success too */
    atomic_int *ran;
} Spec;

static VnkgStatus
job(VnkgContext *ctx, const void *arg)
{
    const Spec *s = arg;
    struct timespec t = {0, (long)s->sleep_ms * 1000000L};
    nanosleep(&t, NULL);
    atomic_fetch_add(&s->ran[s->id], 1);
    if (s->warn) {
        vnkg_diag(ctx, VNKG_SUCCESS, "job %d: a warning", s->id);
    }
    if (s->result != VNKG_SUCCESS) {
        return vnkg_diag(ctx, s->result, "job %d: failed", s->id);
    }
    return VNKG_SUCCESS;
}

static VnkgStatus
run(const Spec *specs, size_t n, size_t threads, Log *log)
{
    VnkgContext *ctx = NULL;
    assert(vnkg_context_new(&ctx) == VNKG_SUCCESS);
    vnkg_context_set_diag(ctx, log_diag, log);
    VnkgCliJob jobs[16];
    for (size_t i = 0; i < n; ++i) {
        /* the costs make the last jobs start first */
        jobs[i] = (VnkgCliJob){job, &specs[i], (double)i};
    }
    memset(log, 0, sizeof *log);
    VnkgStatus st = vnkg_cli_run_jobs(ctx, jobs, n, threads);
    vnkg_context_free(ctx);
    return st;
}

static void
same_log(const Log *a, const Log *b)
{
    assert(a->n == b->n);
    for (size_t i = 0; i < a->n; ++i) {
        assert(strcmp(a->lines[i], b->lines[i]) == 0);
    }
}

/* Every pattern of failures of 6 jobs, on 1, 2, 3 and 8 threads. */
static void
test_same_as_in_order(void)
{
    for (unsigned mask = 0; mask < 64; ++mask) {
        atomic_int ran[6];
        Spec specs[6];
        for (int i = 0; i < 6; ++i) {
            atomic_init(&ran[i], 0);
            specs[i] =
                (Spec){i, (mask >> i) & 1 ? VNKG_ERR_WRITE : VNKG_SUCCESS,
                       (6 - i) % 3, i % 2, ran};
        }
        Log want, got;
        VnkgStatus st = run(specs, 6, 1, &want);
        for (int i = 0; i < 6; ++i) { /* in order: up to the first failure */
            int first = mask ? __builtin_ctz(mask) : 6;
            assert(atomic_load(&ran[i]) == (i <= first));
            atomic_store(&ran[i], 0);
        }
        assert(st == (mask ? VNKG_ERR_WRITE : VNKG_SUCCESS));
        static const size_t threads[] = {2, 3, 8};
        for (size_t t = 0; t < 3; ++t) {
            assert(run(specs, 6, threads[t], &got) == st);
            same_log(&want, &got);
            for (int i = 0; i < 6; ++i) {
                assert(atomic_load(&ran[i]) <= 1); /* each at most once */
                if (!mask || i <= __builtin_ctz(mask)) {
                    assert(atomic_load(&ran[i]) == 1);
                }
                atomic_store(&ran[i], 0);
            }
        }
    }
}

/* No jobs, one job. */
static void
test_edges(void)
{
    Log log;
    assert(run(NULL, 0, 4, &log) == VNKG_SUCCESS && log.n == 0);
    atomic_int ran[1];
    atomic_init(&ran[0], 0);
    Spec one = {0, VNKG_ERR_IO, 0, 1, ran};
    assert(run(&one, 1, 4, &log) == VNKG_ERR_IO);
    assert(log.n == 2 && atomic_load(&ran[0]) == 1);
}

int
main(void)
{
    test_same_as_in_order();
    test_edges();
    printf("test_cli_jobs: all passed\n");
    return 0;
}
