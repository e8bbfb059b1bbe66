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

#endif
