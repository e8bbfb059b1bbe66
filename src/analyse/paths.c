/* SPDX-License-Identifier: MIT */
#include "paths.h"

#include <float.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>

/* Fixed, whatever the thread count: the blocks' sums are added in block
 * order, so -j 1 and -j 8 give the same bits. */
#define BLOCKS 16
#define UNSEEN SIZE_MAX
/* a 4-ary heap: half the levels of a binary one, its children in one
 * cache line (a 100k-article graph: 10% less time than binary) */
#define ARITY 4

/* igraph_cmp_epsilon with igraph's shortest-path epsilon (1e-10). */
static int
cmp_eps(double a, double b)
{
    if (a == b) {
        return 0;
    }
    double diff = a - b, abs_diff = fabs(diff), sum = fabs(a) + fabs(b);
    int sign = diff < 0 ? -1 : 1;
    if (a == 0 || b == 0 || sum < DBL_MIN) {
        return abs_diff < 1e-10 * DBL_MIN ? 0 : sign;
    }
    if (!isfinite(sum)) {
        return abs_diff < 1e-10 * fabs(a) ? 0 : sign;
    }
    return abs_diff / sum < 1e-10 ? 0 : sign;
}

/* One thread's workspace for single-source shortest paths. */
typedef struct {
    double *dist, *sigma, *delta;
    size_t *order; /* nodes in the order they were settled */
    size_t *rank;  /* position in `order`, or UNSEEN */
    size_t *heap;  /* binary heap of nodes keyed by dist */
    size_t *pos;   /* position in `heap`, or UNSEEN */
    size_t n_heap;
} Work;

static void
heap_swap(Work *w, size_t i, size_t j)
{
    size_t a = w->heap[i], b = w->heap[j];
    w->heap[i] = b;
    w->heap[j] = a;
    w->pos[b] = i;
    w->pos[a] = j;
}

static void
heap_up(Work *w, size_t i)
{
    while (i > 0) {
        size_t p = (i - 1) / ARITY;
        if (w->dist[w->heap[p]] <= w->dist[w->heap[i]]) {
            break;
        }
        heap_swap(w, i, p);
        i = p;
    }
}

static void
heap_down(Work *w, size_t i)
{
    for (;;) {
        size_t first = ARITY * i + 1, m = i;
        double best = w->dist[w->heap[i]];
        size_t last = first + ARITY < w->n_heap ? first + ARITY : w->n_heap;
        for (size_t c = first; c < last; ++c) {
            double d = w->dist[w->heap[c]];
            if (d < best) {
                best = d;
                m = c;
            }
        }
        if (m == i) {
            return;
        }
        heap_swap(w, i, m);
        i = m;
    }
}

static size_t
heap_pop(Work *w)
{
    size_t top = w->heap[0];
    heap_swap(w, 0, --w->n_heap);
    w->pos[top] = UNSEEN;
    heap_down(w, 0);
    return top;
}

/* Dijkstra from s counting shortest paths, then Brandes' back
 * propagation; adds into btw and harm, and the squares of the same terms
 * into btw2 and harm2 unless they are NULL. */
static void
one_source(const VnkgPathGraph *g, Work *w, size_t s, double *btw, double *harm,
           double *btw2, double *harm2)
{
    size_t settled = 0;
    w->dist[s] = 0;
    w->sigma[s] = 1;
    w->heap[0] = s;
    w->pos[s] = 0;
    w->n_heap = 1;
    while (w->n_heap > 0) {
        size_t u = heap_pop(w);
        w->rank[u] = settled;
        w->order[settled++] = u;
        for (size_t a = g->off[u]; a < g->off[u + 1]; ++a) {
            size_t v = g->head[a];
            if (w->rank[v] != UNSEEN) {
                continue;
            }
            double alt = w->dist[u] + g->len[a];
            if (w->pos[v] == UNSEEN) { /* first reached */
                w->dist[v] = alt;
                w->sigma[v] = w->sigma[u];
                w->heap[w->n_heap] = v;
                w->pos[v] = w->n_heap++;
                heap_up(w, w->pos[v]);
                continue;
            }
            int c = cmp_eps(alt, w->dist[v]);
            if (c < 0) {
                w->dist[v] = alt;
                w->sigma[v] = w->sigma[u];
                heap_up(w, w->pos[v]);
            } else if (c == 0) {
                w->sigma[v] += w->sigma[u];
            }
        }
    }
    for (size_t i = settled; i-- > 0;) {
        size_t x = w->order[i];
        if (x != s) {
            double h = 1.0 / w->dist[x];
            harm[x] += h;
            if (harm2) {
                harm2[x] += h * h;
            }
        }
        double share = (1.0 + w->delta[x]) / w->sigma[x];
        for (size_t a = g->off[x]; a < g->off[x + 1]; ++a) {
            size_t u = g->head[a];
            if (w->rank[u] < w->rank[x] &&
                cmp_eps(w->dist[u] + g->len[a], w->dist[x]) == 0) {
                w->delta[u] += w->sigma[u] * share;
            }
        }
        if (x != s) {
            btw[x] += w->delta[x];
            if (btw2) {
                btw2[x] += w->delta[x] * w->delta[x];
            }
        }
    }
    for (size_t i = 0; i < settled; ++i) { /* reset what was touched */
        size_t x = w->order[i];
        w->sigma[x] = w->delta[x] = 0;
        w->rank[x] = UNSEEN;
    }
}

struct VnkgPathsJob {
    const VnkgPathGraph *g;
    const size_t *sources;
    size_t k;
    size_t parts; /* 2 sums per node, or 4 with their squares */
    double *sums; /* BLOCKS x parts x n: betweenness, harmonic, then the
                     squares, per block */
    pthread_mutex_t lock;
    size_t next_block;
    size_t n_workers; /* worker 0 is the thread that finishes the job */
    struct Worker *wk;
    pthread_t *tid;
    size_t started; /* helper threads running: wk[1 .. started] */
    VnkgStatus status;
};

typedef struct Worker {
    VnkgPathsJob *job;
    Work work;
    void *mem;
} Worker;

static void *
worker_main(void *arg)
{
    Worker *wk = arg;
    VnkgPathsJob *job = wk->job;
    size_t n = job->g->n;
    for (;;) {
        pthread_mutex_lock(&job->lock);
        size_t b = job->next_block++;
        pthread_mutex_unlock(&job->lock);
        if (b >= BLOCKS) {
            return NULL;
        }
        double *btw = job->sums + b * job->parts * n, *harm = btw + n;
        double *btw2 = job->parts == 4 ? harm + n : NULL;
        double *harm2 = btw2 ? btw2 + n : NULL;
        for (size_t i = b * job->k / BLOCKS; i < (b + 1) * job->k / BLOCKS;
             ++i) {
            one_source(job->g, &wk->work, job->sources[i], btw, harm, btw2,
                       harm2);
        }
    }
}

static VnkgStatus
work_init(VnkgContext *ctx, Worker *wk, size_t n)
{
    size_t bytes;
    /* 3 double arrays and 4 size_t arrays of n */
    VNKG_TRY(
        vnkg_size_mul(&bytes, n + 1, 3 * sizeof(double) + 4 * sizeof(size_t)));
    wk->mem = vnkg_malloc(ctx, bytes);
    if (!wk->mem) {
        return VNKG_ERR_NO_MEMORY;
    }
    char *p = wk->mem;
    Work *w = &wk->work;
    w->dist = (double *)p;
    w->sigma = w->dist + n + 1;
    w->delta = w->sigma + n + 1;
    p = (char *)(w->delta + n + 1);
    w->order = (size_t *)p;
    w->rank = w->order + n + 1;
    w->heap = w->rank + n + 1;
    w->pos = w->heap + n + 1;
    for (size_t i = 0; i <= n; ++i) {
        w->sigma[i] = w->delta[i] = 0;
        w->rank[i] = w->pos[i] = UNSEEN;
    }
    w->n_heap = 0;
    return VNKG_SUCCESS;
}

VnkgStatus
vnkg_paths_start(VnkgContext *ctx, const VnkgPathGraph *g,
                 const size_t *sources, size_t k, size_t helpers, int squares,
                 VnkgPathsJob **out)
{
    size_t n = g->n, cells, parts = squares ? 4 : 2;
    *out = NULL;
    if (helpers > BLOCKS - 1) {
        helpers = BLOCKS - 1;
    }
    VNKG_TRY(vnkg_size_mul(&cells, n + 1, parts * BLOCKS));
    VnkgPathsJob *job = vnkg_calloc(ctx, 1, sizeof *job);
    if (!job) {
        return VNKG_ERR_NO_MEMORY;
    }
    job->g = g;
    job->sources = sources;
    job->k = n == 0 ? 0 : k;
    job->parts = parts;
    job->n_workers = helpers + 1;
    pthread_mutex_init(&job->lock, NULL);
    job->sums = vnkg_calloc(ctx, cells, sizeof(double));
    job->wk = vnkg_calloc(ctx, job->n_workers, sizeof *job->wk);
    job->tid = vnkg_calloc(ctx, job->n_workers, sizeof *job->tid);
    VnkgStatus st =
        job->sums && job->wk && job->tid ? VNKG_SUCCESS : VNKG_ERR_NO_MEMORY;
    for (size_t t = 0; st == VNKG_SUCCESS && t < job->n_workers; ++t) {
        job->wk[t].job = job;
        st = work_init(ctx, &job->wk[t], n);
    }
    /* helpers start now; worker 0 is the thread that calls finish */
    for (size_t t = 1; st == VNKG_SUCCESS && t < job->n_workers; ++t) {
        if (pthread_create(&job->tid[t], NULL, worker_main, &job->wk[t]) != 0) {
            break; /* fewer threads: the blocks still all get done */
        }
        job->started = t;
    }
    job->status = st;
    *out = job;
    return VNKG_SUCCESS;
}

VnkgStatus
vnkg_paths_finish(VnkgContext *ctx, VnkgPathsJob *job, double *btw,
                  double *harm, double *btw2, double *harm2)
{
    if (!job) {
        return VNKG_SUCCESS;
    }
    VnkgStatus st = job->status;
    size_t n = job->g->n;
    if (st == VNKG_SUCCESS) {
        worker_main(&job->wk[0]);
    } else { /* let the helpers stop at the next block */
        pthread_mutex_lock(&job->lock);
        job->next_block = BLOCKS;
        pthread_mutex_unlock(&job->lock);
    }
    for (size_t t = 1; t <= job->started; ++t) {
        pthread_join(job->tid[t], NULL);
    }
    for (size_t b = 0; st == VNKG_SUCCESS && job->k > 0 && b < BLOCKS; ++b) {
        const double *bb = job->sums + b * job->parts * n, *bh = bb + n;
        for (size_t v = 0; v < n; ++v) {
            btw[v] += bb[v];
            harm[v] += bh[v];
        }
        for (size_t v = 0; job->parts == 4 && btw2 && v < n; ++v) {
            btw2[v] += bh[n + v];
            harm2[v] += bh[2 * n + v];
        }
    }
    for (size_t t = 0; job->wk && t < job->n_workers; ++t) {
        vnkg_free(ctx, job->wk[t].mem);
    }
    vnkg_free(ctx, job->wk);
    vnkg_free(ctx, job->tid);
    vnkg_free(ctx, job->sums);
    pthread_mutex_destroy(&job->lock);
    vnkg_free(ctx, job);
    return st;
}

VnkgStatus
vnkg_paths_from_sources(VnkgContext *ctx, const VnkgPathGraph *g,
                        const size_t *sources, size_t k, size_t threads,
                        double *btw, double *harm)
{
    VnkgPathsJob *job;
    VNKG_TRY(vnkg_paths_start(ctx, g, sources, k, threads > 1 ? threads - 1 : 0,
                              0, &job));
    return vnkg_paths_finish(ctx, job, btw, harm, NULL, NULL);
}
