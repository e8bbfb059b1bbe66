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

/* Runs the jobs; those in `early` (a bit mask) started ahead with
 * vnkg_cli_jobs_start, unless `early` is 0. */
static VnkgStatus
run_early(const Spec *specs, size_t n, size_t threads, unsigned early, Log *log)
{
    VnkgContext *ctx = NULL;
    assert(vnkg_context_new(&ctx) == VNKG_SUCCESS);
    vnkg_context_set_diag(ctx, log_diag, log);
    VnkgCliJob jobs[16];
    for (size_t i = 0; i < n; ++i) {
        /* the costs make the last jobs start first */
        jobs[i] = (VnkgCliJob){job, &specs[i], (double)i, (early >> i) & 1};
    }
    memset(log, 0, sizeof *log);
    VnkgStatus st;
    if (early) {
        VnkgCliJobs *jr;
        assert(vnkg_cli_jobs_start(ctx, jobs, n, &jr) == VNKG_SUCCESS);
        st = vnkg_cli_jobs_finish(jr, threads, 1);
    } else {
        st = vnkg_cli_run_jobs(ctx, jobs, n, threads);
    }
    vnkg_context_free(ctx);
    return st;
}

static VnkgStatus
run(const Spec *specs, size_t n, size_t threads, Log *log)
{
    return run_early(specs, n, threads, 0, log);
}

static void
same_log(const Log *a, const Log *b)
{
    assert(a->n == b->n);
    for (size_t i = 0; i < a->n; ++i) {
        assert(strcmp(a->lines[i], b->lines[i]) == 0);
    }
}

/* Six jobs; those in `mask` fail. Later jobs sleep less and so end
 * first; odd ones warn. */
static void
six_specs(unsigned mask, atomic_int *ran, Spec *specs)
{
    for (int i = 0; i < 6; ++i) {
        atomic_init(&ran[i], 0);
        specs[i] = (Spec){i, (mask >> i) & 1 ? VNKG_ERR_WRITE : VNKG_SUCCESS,
                          (6 - i) % 3, i % 2, ran};
    }
}

/* Every pattern of failures of 6 jobs, on 1, 2, 3 and 8 threads, and with
 * some of them started early. */
static void
test_same_as_in_order(void)
{
    for (unsigned mask = 0; mask < 64; ++mask) {
        atomic_int ran[6];
        Spec specs[6];
        six_specs(mask, ran, specs);
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
        /* some jobs started ahead (vnkg_cli_jobs_start): the same */
        static const unsigned earlies[] = {1, 0x12, 0x30, 0x3, 0x3f};
        for (size_t e = 0; e < sizeof earlies / sizeof earlies[0]; ++e) {
            for (size_t t = 1; t <= 3; ++t) {
                assert(run_early(specs, 6, t, earlies[e], &got) == st);
                same_log(&want, &got);
            }
        }
    }
}

/* A caller that fails after starting jobs early: the early jobs are
 * waited for, the others not run, nothing reported. */
static void
test_early_abandoned(void)
{
    atomic_int ran[4];
    Spec specs[4];
    VnkgCliJob jobs[4];
    for (int i = 0; i < 4; ++i) {
        atomic_init(&ran[i], 0);
        specs[i] = (Spec){i, VNKG_SUCCESS, 1, 1, ran};
        jobs[i] = (VnkgCliJob){job, &specs[i], 1, i % 2};
    }
    Log log;
    memset(&log, 0, sizeof log);
    VnkgContext *ctx = NULL;
    assert(vnkg_context_new(&ctx) == VNKG_SUCCESS);
    vnkg_context_set_diag(ctx, log_diag, &log);
    VnkgCliJobs *jr;
    assert(vnkg_cli_jobs_start(ctx, jobs, 4, &jr) == VNKG_SUCCESS);
    assert(vnkg_cli_jobs_finish(jr, 2, 0) == VNKG_SUCCESS && log.n == 0);
    assert(atomic_load(&ran[1]) == 1 && atomic_load(&ran[3]) == 1);
    assert(atomic_load(&ran[0]) == 0 && atomic_load(&ran[2]) == 0);
    vnkg_context_free(ctx);
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
    test_early_abandoned();
    test_edges();
    printf("test_cli_jobs: all passed\n");
    return 0;
}
