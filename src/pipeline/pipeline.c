/* SPDX-License-Identifier: MIT */
/* A bounded ring of slots: the caller fills slot seq % cap, a worker
 * normalises and extracts it into its own fact store, and the caller
 * merges finished slots strictly in sequence. Merging in order keeps the
 * result independent of the number of threads and of scheduling.
 * Each slot has an arena: the article's fact store and the extraction's
 * scratch memory are allocated there and given back in one go once the
 * store is merged (the document stays with the caller's allocator). */
#include "../util/arena.h"

#include <vnkg/normalise.h>
#include <vnkg/pipeline.h>

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { SLOT_FREE = 0, SLOT_QUEUED, SLOT_RUNNING, SLOT_DONE };

typedef struct {
    int state;
    VnkgDocument *doc;
    VnkgFacts *facts; /* in `arena` */
    VnkgStatus status;
    double t_normalise, t_extract;
    VnkgArena *arena; /* the slot's, kept from article to article */
    VnkgContext *ctx; /* allocates from `arena` */
} Slot;

struct VnkgPipeline {
    VnkgContext *ctx;
    const VnkgLexicon *lex;
    VnkgFacts *out;
    size_t n_threads;
    pthread_t *threads;
    size_t started;
    Slot *slots;
    size_t cap;
    size_t next_in;    /* sequence number of the next article added */
    size_t next_take;  /* next sequence a worker takes */
    size_t next_merge; /* next sequence merged */
    int stopping;
    int lock_ready; /* lock and conditions initialised */
    pthread_mutex_t lock;
    pthread_cond_t work; /* a slot was queued, or stopping */
    pthread_cond_t done; /* a slot finished */
    VnkgStatus error;    /* first error */
    size_t articles, rejected;
    VnkgPipelineTimes times;
};

static double
now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Normalise + extract one article into a new store. */
static void
process(VnkgContext *ctx, const VnkgLexicon *lex, Slot *s)
{
    double t0 = now();
    s->status = vnkg_normalise_document(ctx, s->doc);
    double t1 = now();
    if (s->status == VNKG_SUCCESS) {
        s->status = vnkg_facts_new(s->ctx, &s->facts);
    }
    if (s->status == VNKG_SUCCESS) {
        s->status = vnkg_extract_document(s->ctx, lex, s->doc, s->facts);
    }
    s->t_normalise = t1 - t0;
    s->t_extract = now() - t1;
}

/* Frees the slot's article and store; the slot is free again. */
static void
release(VnkgPipeline *p, Slot *s)
{
    vnkg_facts_free(s->ctx, s->facts);
    vnkg_arena_reset(s->arena);
    vnkg_document_free(p->ctx, s->doc);
    s->state = SLOT_FREE;
    s->doc = NULL;
    s->facts = NULL;
    s->status = VNKG_SUCCESS;
    s->t_normalise = s->t_extract = 0;
}

/* Merges one processed slot into the output and frees it. */
static VnkgStatus
merge_slot(VnkgPipeline *p, Slot *s)
{
    VnkgStatus st = s->status;
    double t0 = now();
    if (st == VNKG_SUCCESS) {
        st = vnkg_facts_merge(p->ctx, p->out, s->facts);
    }
    p->times.merge += now() - t0;
    p->times.normalise += s->t_normalise;
    p->times.extract += s->t_extract;
    if (st == VNKG_SUCCESS) {
        p->articles++;
    } else if (st == VNKG_ERR_BAD_TEXT) {
        p->rejected++; /* strict mode: reported by normalise, run goes on */
        st = VNKG_SUCCESS;
    }
    release(p, s);
    return st;
}

static void *
worker(void *arg)
{
    VnkgPipeline *p = arg;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (!p->stopping && p->next_take == p->next_in) {
            pthread_cond_wait(&p->work, &p->lock);
        }
        if (p->next_take == p->next_in) {
            break; /* stopping and nothing queued */
        }
        Slot *s = &p->slots[p->next_take % p->cap];
        p->next_take++;
        s->state = SLOT_RUNNING;
        pthread_mutex_unlock(&p->lock);
        process(p->ctx, p->lex, s);
        pthread_mutex_lock(&p->lock);
        s->state = SLOT_DONE;
        pthread_cond_broadcast(&p->done);
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

VnkgStatus
vnkg_pipeline_new(VnkgContext *ctx, const VnkgLexicon *lex, size_t threads,
                  VnkgFacts *out, VnkgPipeline **pipeline)
{
    *pipeline = NULL;
    VnkgPipeline *p = vnkg_calloc(ctx, 1, sizeof *p);
    if (!p) {
        return VNKG_ERR_NO_MEMORY;
    }
    p->ctx = ctx;
    p->lex = lex;
    p->out = out;
    p->n_threads = threads > 1 ? threads : 0;
    p->cap = p->n_threads ? 64 * p->n_threads : 1;
    p->slots = vnkg_calloc(ctx, p->cap, sizeof *p->slots);
    p->threads = vnkg_calloc(ctx, p->n_threads + 1, sizeof *p->threads);
    VnkgStatus st = p->slots && p->threads ? VNKG_SUCCESS : VNKG_ERR_NO_MEMORY;
    for (size_t i = 0; st == VNKG_SUCCESS && i < p->cap; ++i) {
        Slot *s = &p->slots[i];
        st = vnkg_arena_new(ctx, &s->arena);
        if (st == VNKG_SUCCESS) {
            st = vnkg_context_new_derived(&s->ctx, ctx,
                                          vnkg_arena_allocator(s->arena));
        }
    }
    if (st != VNKG_SUCCESS) {
        vnkg_pipeline_free(p);
        return st;
    }
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->work, NULL);
    pthread_cond_init(&p->done, NULL);
    p->lock_ready = 1;
    for (size_t i = 0; i < p->n_threads; ++i) {
        if (pthread_create(&p->threads[i], NULL, worker, p) != 0) {
            vnkg_pipeline_free(p);
            return vnkg_diag(ctx, VNKG_ERR_INTERNAL,
                             "cannot start worker thread %zu", i + 1);
        }
        p->started++;
    }
    *pipeline = p;
    return VNKG_SUCCESS;
}

/* Merges finished slots in order; with `wait_for` set, waits until the
 * slot of that sequence number is merged. Called with the lock held. */
static VnkgStatus
drain(VnkgPipeline *p, size_t wait_for, int waiting)
{
    while (p->next_merge < p->next_in) {
        Slot *s = &p->slots[p->next_merge % p->cap];
        if (s->state != SLOT_DONE) {
            if (!waiting || p->next_merge > wait_for) {
                return VNKG_SUCCESS;
            }
            pthread_cond_wait(&p->done, &p->lock);
            continue;
        }
        /* merging touches only the output store: no worker reads it */
        pthread_mutex_unlock(&p->lock);
        VnkgStatus st = merge_slot(p, s);
        pthread_mutex_lock(&p->lock);
        p->next_merge++;
        if (st != VNKG_SUCCESS && p->error == VNKG_SUCCESS) {
            p->error = st;
        }
    }
    return VNKG_SUCCESS;
}

VnkgStatus
vnkg_pipeline_add(VnkgPipeline *p, VnkgDocument *doc)
{
    if (p->n_threads == 0) {
        Slot *s = &p->slots[0];
        s->state = SLOT_RUNNING;
        s->doc = doc;
        process(p->ctx, p->lex, s);
        VnkgStatus st = merge_slot(p, s);
        if (st != VNKG_SUCCESS && p->error == VNKG_SUCCESS) {
            p->error = st;
        }
        return p->error;
    }
    pthread_mutex_lock(&p->lock);
    /* the slot for this article must be merged and free */
    if (p->next_in >= p->cap) {
        drain(p, p->next_in - p->cap, 1);
    }
    Slot *s = &p->slots[p->next_in % p->cap];
    s->state = SLOT_QUEUED;
    s->doc = doc;
    s->facts = NULL;
    s->status = VNKG_SUCCESS;
    p->next_in++;
    pthread_cond_signal(&p->work);
    drain(p, 0, 0);
    VnkgStatus st = p->error;
    pthread_mutex_unlock(&p->lock);
    return st;
}

VnkgStatus
vnkg_pipeline_finish(VnkgPipeline *p)
{
    if (p->n_threads == 0) {
        return p->error;
    }
    pthread_mutex_lock(&p->lock);
    if (p->next_in > 0) {
        drain(p, p->next_in - 1, 1);
    }
    VnkgStatus st = p->error;
    pthread_mutex_unlock(&p->lock);
    return st;
}

size_t
vnkg_pipeline_articles(const VnkgPipeline *p)
{
    return p->articles;
}

size_t
vnkg_pipeline_rejected(const VnkgPipeline *p)
{
    return p->rejected;
}

VnkgPipelineTimes
vnkg_pipeline_times(const VnkgPipeline *p)
{
    return p->times;
}

void
vnkg_pipeline_free(VnkgPipeline *p)
{
    if (!p) {
        return;
    }
    if (p->started) {
        pthread_mutex_lock(&p->lock);
        p->stopping = 1;
        pthread_cond_broadcast(&p->work);
        pthread_mutex_unlock(&p->lock);
        for (size_t i = 0; i < p->started; ++i) {
            pthread_join(p->threads[i], NULL);
        }
    }
    if (p->threads && p->slots && p->lock_ready) {
        pthread_mutex_destroy(&p->lock);
        pthread_cond_destroy(&p->work);
        pthread_cond_destroy(&p->done);
    }
    /* articles never merged (abandoned run) */
    for (size_t i = 0; p->slots && i < p->cap; ++i) {
        Slot *s = &p->slots[i];
        if (s->ctx) {
            release(p, s);
        }
        vnkg_context_free(s->ctx);
        vnkg_arena_free(s->arena);
    }
    vnkg_free(p->ctx, p->slots);
    vnkg_free(p->ctx, p->threads);
    vnkg_free(p->ctx, p);
}
