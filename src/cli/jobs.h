/* SPDX-License-Identifier: MIT */
/* Independent jobs (the output files of vnkg build) on a few threads, with
 * the diagnostics and the result of running them one after another. */
#ifndef VNKG_CLI_JOBS_H
#define VNKG_CLI_JOBS_H

#include <vnkg/context.h>

#include <stddef.h>

/* One job: writes one output through `ctx` (not the caller's context when
 * it runs on a thread: see vnkg_cli_run_jobs). */
typedef VnkgStatus (*VnkgCliJobFn)(VnkgContext *ctx, const void *arg);

typedef struct {
    VnkgCliJobFn fn;
    const void *arg; /* read-only while the jobs run */
    double cost;     /* relative expected run time: larger starts first */
    int early;       /* see vnkg_cli_jobs_start */
} VnkgCliJob;

/* Runs jobs[0..n) as if one after another in that order, on up to
 * `threads` threads (the calling thread is one of them). With `threads`
 * <= 1 or one job, they simply run in order on `ctx`. Otherwise each job
 * gets its own context (the allocator, limits, mode, seed and temporary-
 * file hook of `ctx`, which must be safe to call from several threads)
 * whose diagnostics are kept; once all have ended, those of the jobs up to
 * and including the first failed one (in job order) go to `ctx`'s sink, in
 * job order, from the calling thread. A job that comes after a failed one
 * is not started, though it may already have run. Returns the status of
 * the first failed job, VNKG_ERR_NO_MEMORY, or VNKG_SUCCESS. */
VnkgStatus vnkg_cli_run_jobs(VnkgContext *ctx, const VnkgCliJob *jobs, size_t n,
                             size_t threads);

/* The same in two steps, for jobs that need less than the others:
 * vnkg_cli_jobs_start starts the jobs with `early` set, one after another
 * on a thread of their own, and returns at once; jobs[0..n) and what their
 * `arg` point to must stay alive until vnkg_cli_jobs_finish, which runs
 * the other jobs on up to `threads` threads (the calling thread is one),
 * waits for the early ones and reports as vnkg_cli_run_jobs does, over all
 * the jobs in job order; every job runs in a context of its own. With
 * `run_late` 0 (the caller failed meanwhile) the other jobs are not run,
 * and nothing is reported: VNKG_SUCCESS. Finish frees `run`. Start
 * returns VNKG_ERR_NO_MEMORY or VNKG_ERR_INTERNAL (reported; nothing
 * started, *out NULL). */
typedef struct VnkgCliJobs VnkgCliJobs;
VnkgStatus vnkg_cli_jobs_start(VnkgContext *ctx, const VnkgCliJob *jobs,
                               size_t n, VnkgCliJobs **out);
VnkgStatus vnkg_cli_jobs_finish(VnkgCliJobs *run, size_t threads, int run_late);

#endif
