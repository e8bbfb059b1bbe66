/* SPDX-License-Identifier: MIT */
/* SIGINT and SIGTERM during vnkg build. The library keeps no global state:
 * it reports its temporary files through the context's hook, and this file
 * (process-wide, CLI only) records them where a handler can reach them. A
 * handler may call only async-signal-safe functions (POSIX.1-2017 2.4.3):
 * unlink(2), write(2) and _exit(2) are, and lock-free atomics are safe. */
#include "signals.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum {
    SLOTS = 32,      /* per output: its staged file and the temporary file
                        that becomes it, with room */
    PATH_CAP = 4096, /* PATH_MAX on Linux */
    SLOT_FREE = 0,
    SLOT_BUSY = 1, /* being filled: the handler leaves it */
    SLOT_LIVE = 2  /* holds the path of an existing temporary file */
};

static char slot_path[SLOTS][PATH_CAP];
static atomic_int slot_state[SLOTS];
/* Outputs are written on several threads (src/cli/jobs.c): the hook's
 * callers take turns, so that none reads a path another is writing. The
 * handlers never take the lock; they read only LIVE slots, whose path is
 * complete (stored before the state, sequentially consistent atomics). */
static pthread_mutex_t slot_lock = PTHREAD_MUTEX_INITIALIZER;
/* Set by the handler. Outputs are written on several threads: while the
 * handler cleans up, another thread may create a temporary file. From then
 * on the hook removes any file it is told about and stops that thread
 * until the process exits. */
static atomic_int dying;
static int slot_next; /* where the search for a free slot starts */

static void
track(const char *path, size_t len)
{
    for (int k = 0; k < SLOTS; ++k) {
        /* round robin: a slot just freed is the last to be reused */
        int i = (slot_next + k) % SLOTS;
        int want = SLOT_FREE;
        if (atomic_compare_exchange_strong(&slot_state[i], &want, SLOT_BUSY)) {
            memcpy(slot_path[i], path, len + 1);
            atomic_store(&slot_state[i], SLOT_LIVE);
            slot_next = (i + 1) % SLOTS;
            return;
        }
    }
}

static void
untrack(const char *path)
{
    for (int i = 0; i < SLOTS; ++i) {
        if (atomic_load(&slot_state[i]) == SLOT_LIVE &&
            strcmp(slot_path[i], path) == 0) {
            atomic_store(&slot_state[i], SLOT_FREE);
            return;
        }
    }
}

void
vnkg_cli_tempfile_hook(const char *path, int created, void *user)
{
    (void)user;
    if (atomic_load(&dying)) {
        if (created) {
            (void)unlink(path);
        }
        for (;;) {
            pause(); /* the handler is about to end the process */
        }
    }
    size_t len = strlen(path);
    if (created && len >= PATH_CAP) {
        return;
    }
    pthread_mutex_lock(&slot_lock);
    if (created) {
        track(path, len);
    } else {
        untrack(path);
    }
    pthread_mutex_unlock(&slot_lock);
}

static void
say(const char *s)
{
    ssize_t n = write(STDERR_FILENO, s, strlen(s));
    (void)n; /* nothing better to do in a handler */
}

static void
remove_live(void)
{
    for (int i = 0; i < SLOTS; ++i) {
        if (atomic_load(&slot_state[i]) == SLOT_LIVE) {
            (void)unlink(slot_path[i]);
        }
    }
}

static void
on_signal(int sig)
{
    atomic_store(&dying, 1);
    remove_live();
    /* a thread that created a file just before `dying` reports it within
     * microseconds: wait a little and remove what was registered since
     * (nanosleep is async-signal-safe) */
    struct timespec pause_ts = {0, 50 * 1000 * 1000};
    (void)nanosleep(&pause_ts, NULL);
    remove_live();
    say(sig == SIGINT ? "vnkg: interrupted (SIGINT)"
                      : "vnkg: terminated (SIGTERM)");
    say("; unfinished outputs removed, earlier ones left intact\n");
    _exit(128 + sig);
}

int
vnkg_cli_signals_install(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaddset(&sa.sa_mask, SIGINT);
    sigaddset(&sa.sa_mask, SIGTERM);
    if (sigaction(SIGINT, &sa, NULL) != 0 ||
        sigaction(SIGTERM, &sa, NULL) != 0) {
        return -1;
    }
    return 0;
}
