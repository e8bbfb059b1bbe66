/* SPDX-License-Identifier: MIT */
/* Output jobs on threads. The jobs only read the graph and the facts, and
 * each writes its own file, so they need no locking but for the queue.
 * What must not change with the thread count is what the user sees: the
 * diagnostics (kept per job and passed on in job order) and the status
 * (that of the first failed job in job order, as when run in order).
 * Some jobs may start early, on a thread of their own, while the caller
 * still computes what the others need. */
#include "jobs.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct Msg {
    struct Msg *next;
    VnkgStatus st;
    char text[]; /* NUL-terminated */
} Msg;

struct Runner;

typedef struct {
    const VnkgCliJob *job;
    struct Runner *runner;
    VnkgContext *ctx; /* the job's own */
    Msg *msgs;        /* its diagnostics, oldest first */
    Msg **tail;
    VnkgStatus status;
} Slot;

/* Jobs taken in turn by the threads that serve it. */
typedef struct {
    struct Runner *runner;
    size_t *order; /* job indices, by decreasing cost */
    size_t n;
    size_t next; /* order[next] starts next */
} Queue;

typedef struct Runner {
    VnkgContext *ctx; /* the caller's */
    pthread_mutex_t lock;
    Slot *slots;
    size_t n;
    size_t first_failed; /* lowest failed job index; n while none */
    Queue late, early;   /* early: started ahead on a thread of its own */
} Runner;

/* A job context's sink: keeps the message for later. Without memory for
 * it, it goes to the caller's sink at once (under the lock, one line). */
static void
keep_diag(VnkgStatus st, const char *message, void *user)
{
    Slot *s = user;
    size_t len = strlen(message);
    Msg *m = malloc(sizeof *m + len + 1);
    if (!m) {
        pthread_mutex_lock(&s->runner->lock);
        vnkg_diag(s->runner->ctx, st, "%s", message);
        pthread_mutex_unlock(&s->runner->lock);
        return;
    }
    m->next = NULL;
    m->st = st;
    memcpy(m->text, message, len + 1);
    *s->tail = m;
    s->tail = &m->next;
}

/* A context like the caller's whose diagnostics are kept in `s`. */
static VnkgStatus
slot_context(VnkgContext *parent, Slot *s)
{
    VNKG_TRY(vnkg_context_new_derived(&s->ctx, parent, NULL));
    vnkg_context_set_diag(s->ctx, keep_diag, s);
    return VNKG_SUCCESS;
}

static void *
worker(void *arg)
{
    Queue *q = arg;
    Runner *r = q->runner;
    pthread_mutex_lock(&r->lock);
    while (q->next < q->n) {
        size_t j = q->order[q->next++];
        if (j > r->first_failed) {
            continue; /* run in order, it would not have started */
        }
        Slot *s = &r->slots[j];
        pthread_mutex_unlock(&r->lock);
        VnkgStatus st = s->job->fn(s->ctx, s->job->arg);
        pthread_mutex_lock(&r->lock);
        s->status = st;
        if (st != VNKG_SUCCESS && j < r->first_failed) {
            r->first_failed = j;
        }
    }
    pthread_mutex_unlock(&r->lock);
    return NULL;
}

/* Passes on the kept diagnostics up to the first failed job. */
static VnkgStatus
report(Runner *r)
{
    for (size_t j = 0; j < r->n; ++j) {
        for (const Msg *m = r->slots[j].msgs; m; m = m->next) {
            vnkg_diag(r->ctx, m->st, "%s", m->text);
        }
        if (j == r->first_failed) {
            return r->slots[j].status;
        }
    }
    return VNKG_SUCCESS;
}

static void
run_threads(Queue *q, size_t threads)
{
    pthread_t *tids = calloc(threads, sizeof *tids);
    size_t started = 0;
    while (tids && started + 1 < threads &&
           pthread_create(&tids[started], NULL, worker, q) == 0) {
        ++started; /* fewer threads (even none) only take longer */
    }
    worker(q);
    for (size_t i = 0; i < started; ++i) {
        pthread_join(tids[i], NULL);
    }
    free(tids);
}

static void
runner_clear(Runner *r)
{
    for (size_t j = 0; r->slots && j < r->n; ++j) {
        for (Msg *m = r->slots[j].msgs, *next; m; m = next) {
            next = m->next;
            free(m);
        }
        vnkg_context_free(r->slots[j].ctx);
    }
    free(r->slots);
    free(r->late.order);
    free(r->early.order);
    pthread_mutex_destroy(&r->lock);
}

/* The jobs with `early` set as asked, by decreasing cost, ties in job
 * order (insertion sort: a dozen jobs), into q. */
static VnkgStatus
queue_init(Queue *q, Runner *r, const VnkgCliJob *jobs, size_t n, int early)
{
    q->runner = r;
    q->order = calloc(n + 1, sizeof *q->order);
    if (!q->order) {
        return VNKG_ERR_NO_MEMORY;
    }
    for (size_t i = 0; i < n; ++i) {
        if (!jobs[i].early != !early) {
            continue;
        }
        size_t k = q->n++;
        while (k > 0 && jobs[q->order[k - 1]].cost < jobs[i].cost) {
            q->order[k] = q->order[k - 1];
            --k;
        }
        q->order[k] = i;
    }
    return VNKG_SUCCESS;
}

/* Sets up `r` for jobs[0..n): a context per job, the two queues. */
static VnkgStatus
runner_init(Runner *r, VnkgContext *ctx, const VnkgCliJob *jobs, size_t n)
{
    *r = (Runner){.ctx = ctx, .n = n, .first_failed = n};
    pthread_mutex_init(&r->lock, NULL);
    r->slots = calloc(n + 1, sizeof *r->slots);
    VnkgStatus st = r->slots ? VNKG_SUCCESS : VNKG_ERR_NO_MEMORY;
    for (size_t j = 0; j < n && st == VNKG_SUCCESS; ++j) {
        r->slots[j].job = &jobs[j];
        r->slots[j].runner = r;
        r->slots[j].tail = &r->slots[j].msgs;
        st = slot_context(ctx, &r->slots[j]);
    }
    if (st == VNKG_SUCCESS) {
        st = queue_init(&r->late, r, jobs, n, 0);
    }
    if (st == VNKG_SUCCESS) {
        st = queue_init(&r->early, r, jobs, n, 1);
    }
    return st;
}

VnkgStatus
vnkg_cli_run_jobs(VnkgContext *ctx, const VnkgCliJob *jobs, size_t n,
                  size_t threads)
{
    if (threads <= 1 || n <= 1) {
        for (size_t j = 0; j < n; ++j) {
            VNKG_TRY(jobs[j].fn(ctx, jobs[j].arg));
        }
        return VNKG_SUCCESS;
    }
    VnkgCliJobs *run;
    VNKG_TRY(vnkg_cli_jobs_start(ctx, jobs, n, &run));
    return vnkg_cli_jobs_finish(run, threads, 1);
}

struct VnkgCliJobs {
    Runner r;
    pthread_t early; /* serves r.early */
    int started;
};

VnkgStatus
vnkg_cli_jobs_start(VnkgContext *ctx, const VnkgCliJob *jobs, size_t n,
                    VnkgCliJobs **out)
{
    *out = NULL;
    VnkgCliJobs *run = calloc(1, sizeof *run);
    if (!run) {
        return vnkg_diag(ctx, VNKG_ERR_NO_MEMORY,
                         "cannot start the output threads");
    }
    VnkgStatus st = runner_init(&run->r, ctx, jobs, n);
    if (st == VNKG_SUCCESS && run->r.early.n > 0) {
        if (pthread_create(&run->early, NULL, worker, &run->r.early) != 0) {
            st = VNKG_ERR_INTERNAL;
        }
        run->started = st == VNKG_SUCCESS;
    }
    if (st != VNKG_SUCCESS) {
        runner_clear(&run->r);
        free(run);
        return vnkg_diag(ctx, st, "cannot start the output threads");
    }
    *out = run;
    return VNKG_SUCCESS;
}

VnkgStatus
vnkg_cli_jobs_finish(VnkgCliJobs *run, size_t threads, int run_late)
{
    Runner *r = &run->r;
    if (run_late) {
        size_t n = r->late.n, t = threads < n ? threads : n;
        run_threads(&r->late, t > 0 ? t : 1);
    }
    if (run->started) {
        pthread_join(run->early, NULL);
    }
    VnkgStatus st = run_late ? report(r) : VNKG_SUCCESS;
    runner_clear(r);
    free(run);
    return st;
}
