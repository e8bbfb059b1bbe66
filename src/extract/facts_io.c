/* SPDX-License-Identifier: MIT */
/* The facts file: a sorted, line-oriented dump of a fact store that merges
 * back exactly (format in include/vnkg/facts.h). */
#include "../util/rank.h"
#include "facts_internal.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FACTS_MAGIC "#vnkg-facts 1"
#define MAX_FIELDS 16

/* ---- writing ---- */

/* Output goes through a buffer in large fwrite calls: the file is written
 * one field (and one escaped byte) at a time. The first failed write is
 * remembered with its errno and the rest is dropped. */
enum { SINK_CAP = 256 * 1024 };

typedef struct {
    FILE *fp;
    char *buf;
    size_t len;
    int failed;
    int err;
} Sink;

static void
sink_flush(Sink *s)
{
    if (!s->failed && s->len > 0) {
        errno = 0;
        if (fwrite(s->buf, 1, s->len, s->fp) != s->len) {
            s->failed = 1;
            s->err = errno;
        }
    }
    s->len = 0;
}

static void
sink_write(Sink *s, const char *p, size_t n)
{
    if (n > SINK_CAP - s->len) {
        sink_flush(s);
        if (n >= SINK_CAP) { /* the buffer is empty: write through */
            errno = 0;
            if (!s->failed && fwrite(p, 1, n, s->fp) != n) {
                s->failed = 1;
                s->err = errno;
            }
            return;
        }
    }
    memcpy(s->buf + s->len, p, n);
    s->len += n;
}

static void
sink_putc(Sink *s, char c)
{
    if (s->len == SINK_CAP) {
        sink_flush(s);
    }
    s->buf[s->len++] = c;
}

static void
sink_puts(Sink *s, const char *p)
{
    sink_write(s, p, strlen(p));
}

/* -1 once a write failed, else 0 (the writers' old convention). */
static int
sink_status(const Sink *s)
{
    return s->failed ? -1 : 0;
}

static void
put_escaped(Sink *s, const char *str, int in_list)
{
    if (!str) {
        sink_write(s, "\\N", 2);
        return;
    }
    /* runs without a byte to escape, found by strcspn (vectorised in
     * libc): evidence sentences are long and seldom hold one */
    const char *stops = in_list ? "\\\t\n|" : "\\\t\n";
    for (const char *p = str;;) {
        size_t n = strcspn(p, stops);
        sink_write(s, p, n);
        p += n;
        switch (*p) {
        case '\0':
            return;
        case '\\':
            sink_write(s, "\\\\", 2);
            break;
        case '\t':
            sink_write(s, "\\t", 2);
            break;
        case '\n':
            sink_write(s, "\\n", 2);
            break;
        default: /* '|' in a list */
            sink_write(s, "\\v", 2);
            break;
        }
        ++p;
    }
}

static int
is_sorted(char *const *items, size_t n)
{
    for (size_t i = 1; i < n; ++i) {
        if (strcmp(items[i - 1], items[i]) > 0) {
            return 0;
        }
    }
    return 1;
}

static int
put_list(Sink *s, const VnkgStrSet *set)
{
    /* sorted (a copy, unless it already is): equal stores give equal
     * files */
    char **items = set->items;
    char **copy = NULL;
    if (!is_sorted(set->items, set->count)) {
        items = copy = malloc(set->count * sizeof *items);
        if (!items) {
            return -1;
        }
        memcpy(items, set->items, set->count * sizeof *items);
        VnkgStrSet sorted = {items, set->count, set->count, NULL};
        vnkg_strset_sort(&sorted);
    }
    for (size_t i = 0; i < set->count; ++i) {
        if (i) {
            sink_putc(s, '|');
        }
        put_escaped(s, items[i], 1);
    }
    free(copy);
    return sink_status(s);
}

static int
put_fields(Sink *s, const char *const *f, size_t n)
{
    for (size_t i = 0; i < n; ++i) {
        if (i) {
            sink_putc(s, '\t');
        }
        put_escaped(s, f[i], 0);
    }
    return sink_status(s);
}

/* Ends a record: a tab and `set` as a list, or nothing (NULL); a newline. */
static int
end_record(Sink *s, const VnkgStrSet *set)
{
    int r = 0;
    if (set) {
        sink_putc(s, '\t');
        r = put_list(s, set);
    }
    sink_putc(s, '\n');
    return r ? r : sink_status(s);
}

/* %zu without printf. */
static const char *
fmt_size(char buf[24], size_t v)
{
    char *p = buf + 23;
    *p = '\0';
    do {
        *--p = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    return p;
}

/* ---- sort keys ----
 * Entities, facts and mentions are written sorted by ids. Comparing the
 * id strings inside qsort reads scattered memory O(log n) times per record;
 * instead the distinct ids are ranked once and records sorted by integers.
 * Equal strings get equal ranks and the record's index breaks ties, so the
 * order is the one of a stable sort on the strings (glibc's qsort is a
 * merge sort, which the files were written with). */

typedef struct {
    VnkgRanked *entities; /* entities by id */
    size_t *entity_rank;
} Order;

static int
order_init(Order *o, const VnkgFacts *facts)
{
    size_t n = facts->n_entities;
    o->entities = malloc((n + 1) * sizeof *o->entities);
    o->entity_rank = malloc((n + 1) * sizeof *o->entity_rank);
    if (!o->entities || !o->entity_rank) {
        return -1;
    }
    for (size_t i = 0; i < n; ++i) {
        o->entities[i] = (VnkgRanked){facts->entities[i].id, i};
    }
    vnkg_rank_sorted(o->entities, n, o->entity_rank);
    return 0;
}

static void
order_clear(Order *o)
{
    free(o->entities);
    free(o->entity_rank);
}

static int
write_entities(Sink *s, const VnkgFacts *facts, const Order *o)
{
    int r = 0;
    for (size_t i = 0; r == 0 && i < facts->n_entities; ++i) {
        const VnkgEntity *e = &facts->entities[o->entities[i].index];
        char mentions[24];
        const char *f[] = {"E",
                           e->id,
                           vnkg_entity_type_name(e->type),
                           e->label,
                           e->label_article,
                           e->merged_into,
                           e->valid_until,
                           fmt_size(mentions, e->mentions)};
        r = put_fields(s, f, sizeof f / sizeof f[0]);
        if (r == 0) {
            sink_putc(s, '\t');
            r = put_list(s, &e->aliases);
        }
        r = r ? r : end_record(s, &e->sources);
    }
    return r;
}

/* Facts sort by their key (from id, to id, relation, role). */
typedef struct {
    size_t from, to; /* entity ranks */
    VnkgRelation relation;
    const char *role; /* "" for none */
    size_t index;
} FactKey;

static int
cmp_fact(const void *a, const void *b)
{
    const FactKey *x = a, *y = b;
    if (x->from != y->from) {
        return x->from < y->from ? -1 : 1;
    }
    if (x->to != y->to) {
        return x->to < y->to ? -1 : 1;
    }
    if (x->relation != y->relation) {
        return x->relation < y->relation ? -1 : 1;
    }
    int c = strcmp(x->role, y->role);
    if (c) {
        return c;
    }
    return x->index < y->index ? -1 : x->index > y->index;
}

/* "%.0f" of a weight: they are counts, so usually integers. */
static const char *
fmt_weight(char buf[64], double w)
{
    if (w > -1e15 && w < 1e15 && w == (double)(long long)w &&
        !(w == 0 && signbit(w))) {
        long long v = (long long)w;
        char *p = (char *)fmt_size(buf + 1, (size_t)(v < 0 ? -v : v));
        if (v < 0) {
            *--p = '-';
        }
        return p;
    }
    snprintf(buf, 64, "%.0f", w);
    return buf;
}

static int
write_facts(Sink *s, const VnkgFacts *facts, const Order *o)
{
    size_t n = facts->n_facts;
    FactKey *order = malloc((n + 1) * sizeof *order);
    if (!order) {
        return -1;
    }
    for (size_t i = 0; i < n; ++i) {
        const VnkgFact *x = &facts->facts[i];
        order[i] = (FactKey){o->entity_rank[x->from], o->entity_rank[x->to],
                             x->relation, x->role ? x->role : "", i};
    }
    if (n > 1) {
        qsort(order, n, sizeof *order, cmp_fact);
    }
    int r = 0;
    for (size_t i = 0; r == 0 && i < n; ++i) {
        const VnkgFact *x = &facts->facts[order[i].index];
        char weight[64], offset[24];
        /* weights are counts of statements: integers print exactly */
        const char *f[] = {"F",
                           facts->entities[x->from].id,
                           facts->entities[x->to].id,
                           vnkg_relation_name(x->relation),
                           x->role,
                           fmt_weight(weight, x->weight),
                           x->inferred ? "1" : "0",
                           x->first_date,
                           x->last_date,
                           x->evidence_article,
                           fmt_size(offset, x->evidence_offset),
                           x->evidence};
        r = put_fields(s, f, sizeof f / sizeof f[0]);
        r = r ? r : end_record(s, &x->sources);
    }
    free(order);
    return r;
}

static int
cmp_article_ptr(const void *a, const void *b)
{
    return strcmp((*(const VnkgArticle *const *)a)->id,
                  (*(const VnkgArticle *const *)b)->id);
}

static int
write_articles(Sink *s, const VnkgFacts *facts)
{
    size_t n = facts->n_articles;
    const VnkgArticle **order = malloc((n + 1) * sizeof *order);
    if (!order) {
        return -1;
    }
    for (size_t i = 0; i < n; ++i) {
        order[i] = &facts->articles[i];
    }
    if (n > 1) {
        qsort(order, n, sizeof *order, cmp_article_ptr);
    }
    int r = 0;
    for (size_t i = 0; r == 0 && i < n; ++i) {
        const VnkgArticle *a = order[i];
        const char *f[] = {"A",      a->id,   a->url,
                           a->title, a->date, a->date_inferred ? "1" : "0"};
        r = put_fields(s, f, sizeof f / sizeof f[0]);
        r = r ? r : end_record(s, NULL);
    }
    free(order);
    return r;
}

/* Mentions sort by article id, start, end, entity id. */
static int
write_mentions(Sink *s, const size_t *order, const VnkgFacts *facts)
{
    int r = 0;
    for (size_t i = 0; r == 0 && i < facts->n_mentions; ++i) {
        const VnkgMention *m = &facts->mentions[order[i]];
        char start[24], end[24];
        const char *f[] = {"M",
                           m->article,
                           fmt_size(start, m->start),
                           fmt_size(end, m->end),
                           facts->entities[m->entity].id,
                           m->surface};
        r = put_fields(s, f, sizeof f / sizeof f[0]);
        r = r ? r : end_record(s, NULL);
    }
    return r;
}

VnkgStatus
vnkg_facts_write(VnkgContext *ctx, const VnkgFacts *facts, FILE *fp)
{
    Sink s = {fp, malloc(SINK_CAP), 0, 0, 0};
    Order o = {NULL, NULL};
    int r = s.buf && order_init(&o, facts) == 0 ? 0 : -1;
    if (r == 0) {
        sink_puts(&s, FACTS_MAGIC "\n");
    }
    r = r ? r : write_articles(&s, facts);
    r = r ? r : write_entities(&s, facts, &o);
    r = r ? r : write_facts(&s, facts, &o);
    size_t *mentions = NULL;
    if (r == 0 &&
        vnkg_facts_mention_order(ctx, facts, &mentions) != VNKG_SUCCESS) {
        order_clear(&o);
        free(s.buf);
        return VNKG_ERR_NO_MEMORY;
    }
    r = r ? r : write_mentions(&s, mentions, facts);
    if (r == 0) {
        sink_flush(&s);
        r = sink_status(&s);
    }
    vnkg_free(ctx, mentions);
    order_clear(&o);
    free(s.buf);
    if (s.failed) {
        errno = s.err;
    }
    if (r < 0 || fflush(fp) != 0 || ferror(fp)) {
        return vnkg_diag(ctx, VNKG_ERR_WRITE, "writing facts: %s",
                         strerror(errno ? errno : EIO));
    }
    return VNKG_SUCCESS;
}

/* ---- reading ---- */

/* Unescapes in place; returns NULL for \N. */
static char *
unescape(char *s)
{
    if (strcmp(s, "\\N") == 0) {
        return NULL;
    }
    char *w = s;
    for (char *r = s; *r; ++r) {
        if (*r == '\\' && r[1]) {
            ++r;
            *w++ = *r == 't' ? '\t' : *r == 'n' ? '\n' : *r == 'v' ? '|' : *r;
        } else {
            *w++ = *r;
        }
    }
    *w = '\0';
    return s;
}

static size_t
split(char *line, char **f, size_t max)
{
    size_t n = 0;
    f[n++] = line;
    for (char *p = line; *p && n < max; ++p) {
        if (*p == '\t') {
            *p = '\0';
            f[n++] = p + 1;
        }
    }
    return n;
}

/* Calls add(item) for each '|'-separated item of `list` (escaped). */
static VnkgStatus
each_item(VnkgContext *ctx, char *list,
          VnkgStatus (*add)(VnkgContext *, void *, const char *), void *arg)
{
    if (strcmp(list, "\\N") == 0 || !*list) {
        return VNKG_SUCCESS;
    }
    char *start = list;
    for (char *p = list;; ++p) {
        if (*p == '\\' && p[1]) {
            ++p;
            continue;
        }
        if (*p == '|' || *p == '\0') {
            int last = *p == '\0';
            *p = '\0';
            VNKG_TRY(add(ctx, arg, unescape(start)));
            if (last) {
                break;
            }
            start = p + 1;
        }
    }
    return VNKG_SUCCESS;
}

/* A set of the store being read, for each_item. */
typedef struct {
    VnkgFacts *facts;
    VnkgStrSet *set;
} SetRef;

static VnkgStatus
add_to_set(VnkgContext *ctx, void *arg, const char *item)
{
    SetRef *ref = arg;
    return vnkg_facts_set_add(ctx, ref->facts, ref->set, item);
}

static int
parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end || !*s) {
        return 0;
    }
    *out = (size_t)v;
    return 1;
}

typedef struct {
    VnkgContext *ctx;
    VnkgFacts *part; /* the file's records, merged at the end */
    const char *name;
    size_t line;
} Reader;

static VnkgStatus
bad(Reader *r, const char *what)
{
    return vnkg_diag(r->ctx, VNKG_ERR_BAD_SYNTAX, "%s:%zu: %s", r->name,
                     r->line, what);
}

static VnkgStatus
read_article(Reader *r, char **f, size_t n)
{
    if (n != 6) {
        return bad(r, "an A record has 6 fields");
    }
    VnkgArticle a = {0};
    a.id = unescape(f[1]);
    a.url = unescape(f[2]);
    a.title = unescape(f[3]);
    a.date = unescape(f[4]);
    a.date_inferred = strcmp(f[5], "1") == 0;
    if (!a.id) {
        return bad(r, "article without id");
    }
    return vnkg_facts_article(r->ctx, r->part, &a);
}

static VnkgStatus
read_entity(Reader *r, char **f, size_t n)
{
    VnkgEntityType type;
    size_t idx, mentions;
    if (n != 10) {
        return bad(r, "an E record has 10 fields");
    }
    const char *id = unescape(f[1]), *label = unescape(f[3]);
    if (!id || !label || vnkg_entity_type_parse(f[2], &type) != VNKG_SUCCESS ||
        !parse_size(f[7], &mentions)) {
        return bad(r, "bad entity record");
    }
    if (vnkg_facts_find(r->part, id, &idx) == VNKG_SUCCESS) {
        return bad(r, "duplicate entity");
    }
    VNKG_TRY(vnkg_facts_entity(r->ctx, r->part, id, type, label, &idx));
    const char *la = unescape(f[4]);
    if (la) {
        VNKG_TRY(vnkg_facts_set_label_article(r->ctx, r->part, idx, la));
    }
    const char *merged = unescape(f[5]), *until = unescape(f[6]);
    if (merged || until) {
        VNKG_TRY(vnkg_facts_set_validity(r->ctx, r->part, idx, merged, until));
    }
    VnkgEntity *e = &r->part->entities[idx];
    e->mentions = mentions;
    SetRef aliases = {r->part, &e->aliases}, sources = {r->part, &e->sources};
    VNKG_TRY(each_item(r->ctx, f[8], add_to_set, &aliases));
    return each_item(r->ctx, f[9], add_to_set, &sources);
}

static VnkgStatus
read_fact(Reader *r, char **f, size_t n)
{
    size_t from, to, offset;
    VnkgRelation rel;
    if (n != 13) {
        return bad(r, "an F record has 13 fields");
    }
    const char *a = unescape(f[1]), *b = unescape(f[2]);
    if (!a || !b || vnkg_facts_find(r->part, a, &from) != VNKG_SUCCESS ||
        vnkg_facts_find(r->part, b, &to) != VNKG_SUCCESS) {
        return bad(r, "relation between unknown entities");
    }
    char *end;
    double weight = strtod(f[5], &end);
    if (*end || vnkg_relation_parse(f[3], &rel) != VNKG_SUCCESS ||
        !parse_size(f[10], &offset)) {
        return bad(r, "bad relation record");
    }
    const char *role = unescape(f[4]), *first = unescape(f[7]);
    const char *last = unescape(f[8]), *ev_article = unescape(f[9]);
    const char *evidence = unescape(f[11]);
    int inferred = strcmp(f[6], "1") == 0;
    VNKG_TRY(vnkg_facts_relate_at(r->ctx, r->part, from, to, rel, role, weight,
                                  ev_article, offset, first, evidence,
                                  inferred));
    /* the record's own sources and date range, not only evidence's */
    size_t idx = r->part->n_facts - 1;
    VnkgFact *x = &r->part->facts[idx];
    vnkg_facts_set_reset(r->ctx, &x->sources);
    SetRef sources = {r->part, &x->sources};
    VNKG_TRY(each_item(r->ctx, f[12], add_to_set, &sources));
    return last ? vnkg_facts_set_str(r->ctx, r->part, &x->last_date, last)
                : VNKG_SUCCESS;
}

static VnkgStatus
read_mention(Reader *r, char **f, size_t n)
{
    size_t start, end, entity;
    if (n != 6) {
        return bad(r, "an M record has 6 fields");
    }
    const char *article = unescape(f[1]), *id = unescape(f[4]);
    const char *surface = unescape(f[5]);
    if (!article || !id || !surface || !parse_size(f[2], &start) ||
        !parse_size(f[3], &end) ||
        vnkg_facts_find(r->part, id, &entity) != VNKG_SUCCESS) {
        return bad(r, "bad mention record");
    }
    /* vnkg_facts_mention counts the mention: the E record already did */
    size_t before = r->part->entities[entity].mentions;
    VNKG_TRY(vnkg_facts_mention(r->ctx, r->part, article, start, end, surface,
                                strlen(surface), entity));
    r->part->entities[entity].mentions = before;
    return VNKG_SUCCESS;
}

static VnkgStatus
read_line(Reader *r, char *line)
{
    char *f[MAX_FIELDS];
    size_t n = split(line, f, MAX_FIELDS);
    if (strcmp(f[0], "A") == 0) {
        return read_article(r, f, n);
    }
    if (strcmp(f[0], "E") == 0) {
        return read_entity(r, f, n);
    }
    if (strcmp(f[0], "F") == 0) {
        return read_fact(r, f, n);
    }
    if (strcmp(f[0], "M") == 0) {
        return read_mention(r, f, n);
    }
    return bad(r, "unknown record");
}

VnkgStatus
vnkg_facts_read(VnkgContext *ctx, VnkgFacts *facts, FILE *fp, const char *name)
{
    Reader r = {ctx, NULL, name ? name : "(facts)", 0};
    VNKG_TRY(vnkg_facts_new(ctx, &r.part));
    VnkgStatus st = VNKG_SUCCESS;
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    while (st == VNKG_SUCCESS && (len = getline(&line, &cap, fp)) >= 0) {
        r.line++;
        if (len > 0 && line[len - 1] == '\n') {
            line[--len] = '\0';
        }
        if (r.line == 1) {
            st = strcmp(line, FACTS_MAGIC) == 0
                     ? VNKG_SUCCESS
                     : bad(&r, "not a vnkg facts file (first line must be "
                               "'" FACTS_MAGIC "')");
        } else if (strcmp(line, FACTS_MAGIC) == 0) {
            /* concatenated files (cat part-*): the header starts the next
             * file, whose records may repeat entities of this one */
            st = vnkg_facts_merge(ctx, facts, r.part);
            vnkg_facts_free(ctx, r.part);
            r.part = NULL;
            if (st == VNKG_SUCCESS) {
                st = vnkg_facts_new(ctx, &r.part);
            }
        } else if (len > 0) {
            st = read_line(&r, line);
        }
    }
    if (st == VNKG_SUCCESS && ferror(fp)) {
        st = vnkg_diag(ctx, VNKG_ERR_IO, "%s: read error", r.name);
    }
    if (st == VNKG_SUCCESS && r.line == 0) {
        st = bad(&r, "empty file");
    }
    free(line); /* getline allocates with malloc */
    if (st == VNKG_SUCCESS) {
        st = vnkg_facts_merge(ctx, facts, r.part);
    }
    vnkg_facts_free(ctx, r.part);
    return st;
}
