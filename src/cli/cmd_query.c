/* SPDX-License-Identifier: MIT */
/* vnkg query: answers from a graph file for people (aligned text) and for
 * scripts (--json). Arguments here; reading, searching and printing are in
 * the library (include/vnkg/query.h). */
#include "commands.h"

#include <vnkg/query.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    EXIT_OK = 0,
    EXIT_NOT_FOUND = 1, /* no such entity or path, unreadable graph */
    EXIT_USAGE = 2,
    EXIT_OUTPUT = 3,
    EXIT_MEMORY = 4
};

typedef enum { SUB_ENTITY, SUB_NEIGHBOURS, SUB_TOP, SUB_PATH, SUB_STATS } Sub;

typedef struct {
    const char *name;
    Sub sub;
    int n_args; /* positional arguments after the subcommand */
} SubDef;

static const SubDef subs[] = {
    {"entity", SUB_ENTITY, 1},
    {"neighbours", SUB_NEIGHBOURS, 1},
    {"neighbors", SUB_NEIGHBOURS, 1},
    {"top", SUB_TOP, 0},
    {"path", SUB_PATH, 2},
    {"stats", SUB_STATS, 0},
};

typedef struct {
    const char *graph;
    const SubDef *sub;
    const char *args[2];
    VnkgQueryFormat format;
    int has_relation;
    VnkgRelation relation;
    int has_type;
    VnkgEntityType type;
    VnkgMeasure measure;
    size_t k;
    const char *top_only; /* a top-only option seen, for the usage check */
} QueryOptions;

static void
usage_query(FILE *fp)
{
    fputs(
        "Usage: vnkg query GRAPH.graphml SUBCOMMAND [ARGS] [--json]\n"
        "Answer questions from a graph written by 'vnkg build' (or any\n"
        "GraphML file with label/type/relation attributes).\n"
        "\n"
        "Subcommands:\n"
        "  entity NAME               one entity: type, aliases, counts,\n"
        "                            centralities, community, offices held\n"
        "                            and its other relations\n"
        "  neighbours NAME [--relation R]\n"
        "                            adjacent entities, both directions\n"
        "  top [--by MEASURE] [--type T] [-k N]\n"
        "                            the N (default 10) highest by MEASURE:\n"
        "                            pagerank (default), betweenness, degree,\n"
        "                            strength, harmonic, eigenvector,\n"
        "                            mentions, documents; ties by id\n"
        "  path A B                  a shortest path, ignoring direction\n"
        "  stats                     counts per type and relation,\n"
        "                            components, communities, density\n"
        "\n"
        "NAME is matched against the exact label, then the id, then the\n"
        "label and the aliases ignoring case and accents (\"bui thanh son\"),\n"
        "then the id's slug; when several entities match, entity lists them\n"
        "and the other subcommands ask for an id.\n"
        "\n"
        "Options:\n"
        "  --json                    machine-readable JSON (UTF-8)\n"
        "  -h, --help                show this help\n"
        "\n"
        "Exit status: 0 success, 1 no such entity or path or an unreadable\n"
        "graph, 2 usage error, 3 output error, 4 out of memory.\n"
        "\n"
        "Examples:\n"
        "  vnkg query out/graph.graphml entity \"bui thanh son\"\n"
        "  vnkg query out/graph.graphml neighbours \"Cao Bằng\" "
        "--relation represents\n"
        "  vnkg query out/graph.graphml top --by pagerank --type official "
        "-k 3\n"
        "  vnkg query out/graph.graphml path \"Phạm Minh Chính\" \"Hoa Kỳ\"\n"
        "  vnkg query out/graph.graphml stats --json\n",
        fp);
}

static int usage_error(const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* One line on stderr; returns EXIT_USAGE. */
static int
usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("vnkg: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputs(" (see vnkg query --help)\n", stderr);
    va_end(ap);
    return EXIT_USAGE;
}

static int
parse_k(const char *s, size_t *out)
{
    char *end = NULL;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || !*s || *end || s[0] == '-' || v == 0) {
        return 0;
    }
    *out = (size_t)v;
    return 1;
}

/* Options that take a value; returns -1 when `a` is none of them, else an
 * exit status (EXIT_OK to go on). */
static int
parse_valued(QueryOptions *o, const char *a, const char *value)
{
    int is_relation = strcmp(a, "--relation") == 0;
    int is_by = strcmp(a, "--by") == 0;
    int is_type = strcmp(a, "--type") == 0;
    int is_k = strcmp(a, "-k") == 0 || strcmp(a, "--top") == 0;
    if (!is_relation && !is_by && !is_type && !is_k) {
        return -1;
    }
    if (!value) {
        return usage_error("option %s needs a value", a);
    }
    if (is_relation) {
        o->has_relation = 1;
        if (vnkg_relation_parse(value, &o->relation) != VNKG_SUCCESS) {
            return usage_error("unknown relation '%s'", value);
        }
        return EXIT_OK;
    }
    o->top_only = a;
    if (is_by && vnkg_query_measure_parse(value, &o->measure) != VNKG_SUCCESS) {
        return usage_error("unknown measure '%s'", value);
    }
    if (is_type) {
        o->has_type = 1;
        if (vnkg_entity_type_parse(value, &o->type) != VNKG_SUCCESS) {
            return usage_error("unknown type '%s'", value);
        }
    }
    if (is_k && !parse_k(value, &o->k)) {
        return usage_error("-k needs a positive integer, not '%s'", value);
    }
    return EXIT_OK;
}

static const SubDef *
find_sub(const char *name)
{
    for (size_t i = 0; i < sizeof subs / sizeof *subs; ++i) {
        if (strcmp(subs[i].name, name) == 0) {
            return &subs[i];
        }
    }
    return NULL;
}

/* Positional arguments: GRAPH, SUBCOMMAND, then its arguments. */
static int
add_positional(QueryOptions *o, size_t *n, const char *a)
{
    if (*n == 0) {
        o->graph = a;
    } else if (*n == 1) {
        o->sub = find_sub(a);
        if (!o->sub) {
            return usage_error("unknown query '%s'", a);
        }
    } else if (*n - 2 < (size_t)o->sub->n_args) {
        o->args[*n - 2] = a;
    } else {
        return usage_error("unexpected argument '%s'", a);
    }
    ++*n;
    return EXIT_OK;
}

static int
check_complete(const QueryOptions *o, size_t n)
{
    if (n < 2) {
        return usage_error("%s", n ? "query needs a SUBCOMMAND"
                                   : "query needs GRAPH and a SUBCOMMAND");
    }
    if (n - 2 < (size_t)o->sub->n_args) {
        return usage_error("'%s' needs more arguments", o->sub->name);
    }
    if (o->has_relation && o->sub->sub != SUB_NEIGHBOURS) {
        return usage_error("%s", "--relation is an option of neighbours");
    }
    if (o->top_only && o->sub->sub != SUB_TOP) {
        return usage_error("%s is an option of top", o->top_only);
    }
    return -1;
}

/* Returns -1 to go on, else an exit status. */
static int
parse_query(int argc, char **argv, QueryOptions *o)
{
    memset(o, 0, sizeof *o);
    o->k = 10;
    o->measure = VNKG_MEASURE_PAGERANK;
    size_t n = 0;
    int options = 1;
    for (int i = 0; i < argc; ++i) {
        const char *a = argv[i];
        int rc = EXIT_OK;
        if (options && (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0)) {
            usage_query(stdout);
            return EXIT_OK;
        } else if (options && strcmp(a, "--") == 0) {
            options = 0;
        } else if (options && strcmp(a, "--json") == 0) {
            o->format = VNKG_QUERY_JSON;
        } else if (options &&
                   (rc = parse_valued(
                        o, a, i + 1 < argc ? argv[i + 1] : NULL)) >= 0) {
            if (rc != EXIT_OK) {
                return rc;
            }
            ++i;
        } else if (options && a[0] == '-' && a[1] != '\0') {
            return usage_error("unknown option '%s'", a);
        } else if ((rc = add_positional(o, &n, a)) != EXIT_OK) {
            return rc;
        }
    }
    return check_complete(o, n);
}

static int
exit_for(VnkgStatus st)
{
    switch (st) {
    case VNKG_SUCCESS:
        return EXIT_OK;
    case VNKG_ERR_NO_MEMORY:
        return EXIT_MEMORY;
    case VNKG_ERR_WRITE:
        return EXIT_OUTPUT;
    default:
        return EXIT_NOT_FOUND;
    }
}

/* The one node `name` means; VNKG_FAILURE (reported) when none or several. */
static VnkgStatus
resolve_one(VnkgContext *ctx, const VnkgGraph *g, const char *name, size_t *out)
{
    VnkgQueryMatches m = {NULL, 0, VNKG_MATCH_LABEL};
    VnkgStatus st = vnkg_query_find(ctx, g, name, &m);
    if (st == VNKG_FAILURE) {
        fprintf(stderr, "vnkg: no entity matches '%s'\n", name);
    } else if (st == VNKG_SUCCESS && m.count > 1) {
        fprintf(stderr, "vnkg: '%s' matches %zu entities:", name, m.count);
        for (size_t i = 0; i < m.count; ++i) {
            fprintf(stderr, " %s", g->nodes[m.nodes[i]].id);
        }
        fputs("; give one of these ids\n", stderr);
        st = VNKG_FAILURE;
    } else if (st == VNKG_SUCCESS) {
        *out = m.nodes[0];
    }
    vnkg_query_matches_clear(ctx, &m);
    return st;
}

static VnkgStatus
run_entity(VnkgContext *ctx, const VnkgGraph *g, const QueryOptions *o)
{
    VnkgQueryMatches m = {NULL, 0, VNKG_MATCH_LABEL};
    VnkgStatus st = vnkg_query_find(ctx, g, o->args[0], &m);
    if (st == VNKG_FAILURE) {
        fprintf(stderr, "vnkg: no entity matches '%s'\n", o->args[0]);
    } else if (st == VNKG_SUCCESS) {
        st = vnkg_query_print_entity(ctx, stdout, g, o->args[0], &m, o->format);
    }
    vnkg_query_matches_clear(ctx, &m);
    return st;
}

static VnkgStatus
run_neighbours(VnkgContext *ctx, const VnkgGraph *g, const QueryOptions *o)
{
    size_t node;
    VNKG_TRY(resolve_one(ctx, g, o->args[0], &node));
    const VnkgRelation *rel = o->has_relation ? &o->relation : NULL;
    VnkgQuerySteps steps = {NULL, 0};
    VnkgStatus st = vnkg_query_neighbours(ctx, g, node, rel, &steps);
    if (st == VNKG_SUCCESS) {
        st = vnkg_query_print_neighbours(ctx, stdout, g, node, rel, &steps,
                                         o->format);
    }
    vnkg_query_steps_clear(ctx, &steps);
    return st;
}

static VnkgStatus
run_top(VnkgContext *ctx, const VnkgGraph *g, const QueryOptions *o)
{
    const VnkgEntityType *type = o->has_type ? &o->type : NULL;
    size_t *nodes = NULL, count = 0;
    VnkgStatus st =
        vnkg_query_top(ctx, g, o->measure, type, o->k, &nodes, &count);
    if (st == VNKG_SUCCESS) {
        st = vnkg_query_print_top(ctx, stdout, g, o->measure, type, nodes,
                                  count, o->format);
    }
    vnkg_free(ctx, nodes);
    return st;
}

static VnkgStatus
run_path(VnkgContext *ctx, const VnkgGraph *g, const QueryOptions *o)
{
    size_t from, to;
    VNKG_TRY(resolve_one(ctx, g, o->args[0], &from));
    VNKG_TRY(resolve_one(ctx, g, o->args[1], &to));
    VnkgQuerySteps path = {NULL, 0};
    VnkgStatus st = vnkg_query_path(ctx, g, from, to, &path);
    if (st == VNKG_FAILURE) {
        fprintf(stderr, "vnkg: no path between %s (%s) and %s (%s)\n",
                g->nodes[from].label, g->nodes[from].id, g->nodes[to].label,
                g->nodes[to].id);
    } else if (st == VNKG_SUCCESS) {
        st = vnkg_query_print_path(ctx, stdout, g, from, to, &path, o->format);
    }
    vnkg_query_steps_clear(ctx, &path);
    return st;
}

static VnkgStatus
run_stats(VnkgContext *ctx, const VnkgGraph *g, const QueryOptions *o)
{
    VnkgQueryStats s;
    VNKG_TRY(vnkg_query_stats(ctx, g, &s));
    return vnkg_query_print_stats(ctx, stdout, &s, o->format);
}

static VnkgStatus
run(VnkgContext *ctx, const VnkgGraph *g, const QueryOptions *o)
{
    switch (o->sub->sub) {
    case SUB_ENTITY:
        return run_entity(ctx, g, o);
    case SUB_NEIGHBOURS:
        return run_neighbours(ctx, g, o);
    case SUB_TOP:
        return run_top(ctx, g, o);
    case SUB_PATH:
        return run_path(ctx, g, o);
    case SUB_STATS:
        return run_stats(ctx, g, o);
    }
    return VNKG_ERR_INTERNAL;
}

int
vnkg_cli_query(int argc, char **argv)
{
    QueryOptions o;
    int rc = parse_query(argc, argv, &o);
    if (rc >= 0) {
        return rc;
    }
    VnkgContext *ctx = NULL;
    VnkgGraph *g = NULL;
    VnkgStatus st = vnkg_context_new(&ctx);
    if (st == VNKG_SUCCESS) {
        st = vnkg_query_read_graphml(ctx, o.graph, &g);
    }
    if (st == VNKG_SUCCESS) {
        st = run(ctx, g, &o);
    }
    if (st != VNKG_FAILURE && (fflush(stdout) != 0 || ferror(stdout))) {
        fprintf(stderr, "vnkg: standard output: %s\n", strerror(errno));
        st = VNKG_ERR_WRITE;
    } else if (st == VNKG_ERR_NO_MEMORY || st == VNKG_ERR_WRITE) {
        fprintf(stderr, "vnkg: query failed: %s\n", vnkg_strerror(st));
    }
    vnkg_graph_free(ctx, g);
    vnkg_context_free(ctx);
    return exit_for(st);
}
