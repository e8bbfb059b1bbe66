/* SPDX-License-Identifier: MIT */
/* vnkg: the command line. Process-wide setup lives here and only here. */
#include "commands.h"
#include "jobs.h"
#include "signals.h"
#include "vnkg_config.h"

#include <vnkg/analyse.h>
#include <vnkg/export.h>
#include <vnkg/extract.h>
#include <vnkg/ingest.h>
#include <vnkg/lexicon.h>
#include <vnkg/normalise.h>
#include <vnkg/pipeline.h>

#include <igraph.h>
#include <libxml/parser.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum {
    EXIT_OK = 0,
    EXIT_INPUT = 1,  /* unreadable or bad input, processing failed */
    EXIT_USAGE = 2,  /* bad command line */
    EXIT_OUTPUT = 3, /* an output could not be written */
    EXIT_MEMORY = 4
};

enum {
    FMT_GRAPHML = 1 << 0,
    FMT_RDF = 1 << 1,
    FMT_CSV = 1 << 2,
    FMT_GEXF = 1 << 3,
    FMT_SVG = 1 << 4,
    FMT_DEFAULT = FMT_GRAPHML | FMT_RDF | FMT_CSV | FMT_SVG,
    FMT_ALL = FMT_DEFAULT | FMT_GEXF
};

typedef struct {
    const char *output;
    const char *ontology;
    const char *base_iri;
    unsigned formats;
    int quiet;
    int progress; /* -1 auto (stderr is a terminal), 0 off, 1 on */
    int strict;
    int timings;       /* print "timing STAGE SECONDS" lines on stderr */
    VnkgLimits limits; /* --max-*; 0 keeps the context's default */
    unsigned long long seed;
    VnkgAnalyseOptions analyse;
    size_t top_n;
    size_t jobs;            /* -j N worker threads */
    const char *append_dir; /* --append DIR: go on from DIR/facts.vnkg */
    int mode;               /* MODE_BUILD, MODE_EXTRACT, MODE_MERGE */
    const char **inputs;
    size_t n_inputs;
} BuildOptions;

enum { MODE_BUILD = 0, MODE_EXTRACT, MODE_MERGE };

#define FACTS_FILE "facts.vnkg"

typedef struct {
    const VnkgLexicon *lex;
    VnkgFacts *facts;
    VnkgPipeline *pipeline;
    size_t seen;    /* articles handed to the pipeline */
    size_t skipped; /* --append: articles already in the graph */
    int progress;
    struct timespec started;
    int timings;        /* --timings: time the hand-over below */
    double in_pipeline; /* seconds spent handing articles to the pipeline */
} BuildState;

static double
now_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Peak resident set so far in MB (VmHWM), 0 where /proc is missing: the
 * --timings lines carry it so a benchmark sees which stage sets the peak. */
static long
peak_rss_mb(void)
{
    FILE *fp = fopen("/proc/self/status", "r");
    if (!fp) {
        return 0;
    }
    char line[256];
    long kb = 0;
    while (fgets(line, sizeof line, fp)) {
        if (strncmp(line, "VmHWM:", 6) == 0) {
            kb = strtol(line + 6, NULL, 10);
            break;
        }
    }
    fclose(fp);
    return kb / 1024;
}

/* Threads by default: the online processors, at most 8 (the outputs do
 * not depend on it; past 8 the single ingest thread is the limit). */
static size_t
default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 8 ? 8 : (size_t)n;
}

static void
usage_build(FILE *fp)
{
    fputs(
        "Usage: vnkg build [OPTIONS] INPUT...\n"
        "Read articles (.txt, .html/.htm, .jsonl; directories recursively;\n"
        "- for standard input), extract officials, provinces, ministries,\n"
        "partners, agreements and their relations, and write the graph.\n"
        "\n"
        "Options:\n"
        "  -o, --output DIR     output directory (default ./vnkg-out)\n"
        "  --format LIST        graphml,rdf,csv,svg,gexf or all (default:\n"
        "                       graphml,rdf,csv,svg)\n"
        "  --ontology DIR       lexicons to use (default: $VNKG_ONTOLOGY,\n"
        "                       else the installed ontology/)\n"
        "  --base-iri IRI       base of minted RDF IRIs\n"
        "  --seed N             seed for communities and layout (default 42)\n"
        "  --strict             fail on invalid UTF-8 instead of replacing it\n"
        "  -q, --quiet          print nothing but errors\n"
        "  --max-article-bytes N\n"
        "                       reject an article over N bytes (default 16M)\n"
        "  --max-file-bytes N   reject a file over N bytes (default 4G)\n"
        "  --max-articles N     fail beyond N articles (default 10000000)\n"
        "  --max-html-depth N   skip HTML nested deeper (default 256)\n"
        "                       (sizes take K, M, G suffixes: KiB, MiB, GiB)\n"
        "  -j, --jobs N         threads (default: online CPUs, at most 8);\n"
        "                       the outputs are the same for any N\n"
        "  --append DIR         add INPUTs to the graph in DIR (its "
        "facts.vnkg)\n"
        "  --relations LIST     analyse only these relations (all edges are\n"
        "                       still written); --co-mention-only\n"
        "  --types LIST         analyse only nodes of these types\n"
        "  --betweenness-cutoff X, --betweenness-samples K\n"
        "                       cheaper betweenness (default: exact, sampled\n"
        "                       automatically on large graphs)\n"
        "  --top N              entities drawn in graph.svg (default 50)\n"
        "  --progress           progress on stderr (default on a terminal)\n"
        "  --timings            time and peak memory per stage on stderr\n"
        "  -h, --help           show this help\n"
        "\n"
        "Outputs in DIR: graph.graphml, graph.rdf, nodes.csv, edges.csv,\n"
        "centrality.tsv, mentions.tsv, graph.svg, report.md, facts.vnkg\n"
        "(graph.gexf with --format gexf or all), each written whole under a\n"
        "temporary name and all renamed once all are written.\n"
        "\n"
        "Examples:\n"
        "  vnkg build samples/ -o vnkg-out\n"
        "  vnkg build crawl.jsonl --format graphml -o out\n"
        "  cat article.txt | vnkg build - -o out\n",
        fp);
}

static void
usage_extract(FILE *fp)
{
    fputs("Usage: vnkg extract [OPTIONS] INPUT... > PART.facts\n"
          "Read articles like 'vnkg build' and write their facts (entities,\n"
          "relations, mentions, articles) to standard output as a facts\n"
          "file: the map step of a sharded run. 'vnkg merge' is the reduce.\n"
          "\n"
          "Options: -j N, --ontology DIR, --strict, --max-*, -q (as build).\n"
          "\n"
          "Examples:\n"
          "  vnkg extract shard1/ > shard1.facts\n"
          "  cat crawl.jsonl | vnkg extract - > crawl.facts\n"
          "  ls corpus/*.jsonl | parallel 'vnkg extract {} > {/.}.facts'\n",
          fp);
}

static void
usage_merge(FILE *fp)
{
    fputs("Usage: vnkg merge [OPTIONS] PART.facts... -o DIR\n"
          "Merge facts files written by 'vnkg extract' (or a build's\n"
          "facts.vnkg), then analyse and write the graph as 'vnkg build'\n"
          "would have from all the articles at once ('-' reads stdin).\n"
          "\n"
          "Options: the output and analysis options of 'vnkg build'\n"
          "(-o, --format, --seed, --relations, --types, --top, ...).\n"
          "\n"
          "Example:\n"
          "  vnkg merge parts/*.facts -o vnkg-out\n",
          fp);
}

static void
usage_main(FILE *fp)
{
    fputs("Usage: vnkg COMMAND [OPTIONS]\n"
          "Build a knowledge graph of Vietnam's economic diplomacy from news.\n"
          "\n"
          "Commands:\n"
          "  build INPUT...   read articles and write graph files\n"
          "  extract INPUT... write the facts of articles to stdout (map)\n"
          "  merge PART...    merge facts files and write the graph (reduce)\n"
          "  query GRAPH.graphml SUBCOMMAND\n"
          "                   answer questions from a graph file: entity,\n"
          "                   neighbours, top, path, stats ('vnkg query\n"
          "                   --help')\n"
          "\n"
          "Options:\n"
          "  -h, --help       show this help ('vnkg build --help' for more)\n"
          "  --version        print the version\n"
          "\n"
          "Exit status: 0 success, 1 input or processing error, 2 usage\n"
          "error, 3 output could not be written, 4 out of memory.\n",
          fp);
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
    case VNKG_ERR_BAD_ARG:
        return EXIT_USAGE;
    default:
        return EXIT_INPUT;
    }
}

static int
parse_formats(const char *list, unsigned *out)
{
    *out = 0;
    char buf[256];
    snprintf(buf, sizeof buf, "%s", list);
    for (char *tok = strtok(buf, ","); tok; tok = strtok(NULL, ",")) {
        if (strcmp(tok, "graphml") == 0) {
            *out |= FMT_GRAPHML;
        } else if (strcmp(tok, "rdf") == 0) {
            *out |= FMT_RDF;
        } else if (strcmp(tok, "csv") == 0) {
            *out |= FMT_CSV;
        } else if (strcmp(tok, "gexf") == 0) {
            *out |= FMT_GEXF;
        } else if (strcmp(tok, "svg") == 0) {
            *out |= FMT_SVG;
        } else if (strcmp(tok, "all") == 0) {
            *out |= FMT_ALL;
        } else {
            fprintf(stderr,
                    "vnkg: unknown format '%s' (graphml, rdf, csv, gexf, svg, "
                    "all)\n",
                    tok);
            return 0;
        }
    }
    return *out != 0;
}

static int
parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end || !*s || s[0] == '-') {
        fprintf(stderr, "vnkg: '%s' is not a non-negative integer\n", s);
        return 0;
    }
    *out = (size_t)v;
    return 1;
}

static int
parse_double(const char *s, double *out)
{
    /* locale-free: digits and one '.', so "2.5" means the same in vi_VN */
    double v = 0, scale = 0;
    int digits = 0;
    for (const char *p = s; *p; ++p) {
        if (*p >= '0' && *p <= '9') {
            v = v * 10 + (*p - '0');
            scale *= 10;
            digits++;
        } else if (*p == '.' && scale == 0) {
            scale = 1;
        } else {
            fprintf(stderr, "vnkg: '%s' is not a number\n", s);
            return 0;
        }
    }
    if (!digits) {
        fprintf(stderr, "vnkg: '%s' is not a number\n", s);
        return 0;
    }
    *out = scale > 0 ? v / scale : v;
    return 1;
}

/* Comma-separated names into a bit mask, with `parse` for one name. */
static int
parse_mask(const char *list, unsigned *out, const char *what,
           int (*parse)(const char *, unsigned *))
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s", list);
    *out = 0;
    for (char *tok = strtok(buf, ","); tok; tok = strtok(NULL, ",")) {
        unsigned bit;
        if (!parse(tok, &bit)) {
            fprintf(stderr, "vnkg: unknown %s '%s'\n", what, tok);
            return 0;
        }
        *out |= 1u << bit;
    }
    return *out != 0;
}

static int
one_relation(const char *name, unsigned *bit)
{
    VnkgRelation r;
    if (vnkg_relation_parse(name, &r) != VNKG_SUCCESS) {
        return 0;
    }
    *bit = (unsigned)r;
    return 1;
}

static int
one_type(const char *name, unsigned *bit)
{
    VnkgEntityType t;
    if (vnkg_entity_type_parse(name, &t) != VNKG_SUCCESS) {
        return 0;
    }
    *bit = (unsigned)t;
    return 1;
}

static int
parse_relations(const char *list, unsigned *out)
{
    return parse_mask(list, out, "relation", one_relation);
}

static int
parse_types(const char *list, unsigned *out)
{
    return parse_mask(list, out, "type", one_type);
}

/* N with an optional binary suffix K, M or G; N > 0. */
static int
parse_limit_value(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    unsigned shift = 0;
    if (*end == 'K' || *end == 'k') {
        shift = 10;
    } else if (*end == 'M') {
        shift = 20;
    } else if (*end == 'G') {
        shift = 30;
    }
    if (errno || end == s || s[0] == '-' || (shift && end[1]) ||
        (!shift && *end) || v == 0 || v > (SIZE_MAX >> shift)) {
        fprintf(stderr, "vnkg: '%s' is not a positive size\n", s);
        return 0;
    }
    *out = (size_t)v << shift;
    return 1;
}

/* --max-article-bytes, --max-file-bytes, --max-articles, --max-html-depth */
static int
parse_limit(const char *opt, const char *value, VnkgLimits *lim)
{
    size_t *field =
        strcmp(opt, "--max-article-bytes") == 0 ? &lim->max_article_bytes
        : strcmp(opt, "--max-file-bytes") == 0  ? &lim->max_file_bytes
        : strcmp(opt, "--max-articles") == 0    ? &lim->max_articles
        : strcmp(opt, "--max-html-depth") == 0  ? &lim->max_html_depth
                                                : NULL;
    if (!field) {
        fprintf(stderr, "vnkg: unknown option '%s' (see vnkg build --help)\n",
                opt);
        return 0;
    }
    return parse_limit_value(value, field);
}

static void
apply_limits(VnkgContext *ctx, const VnkgLimits *set)
{
    VnkgLimits *lim = vnkg_context_limits(ctx);
    lim->max_article_bytes = set->max_article_bytes ? set->max_article_bytes
                                                    : lim->max_article_bytes;
    lim->max_file_bytes =
        set->max_file_bytes ? set->max_file_bytes : lim->max_file_bytes;
    lim->max_articles =
        set->max_articles ? set->max_articles : lim->max_articles;
    lim->max_html_depth =
        set->max_html_depth ? set->max_html_depth : lim->max_html_depth;
}

/* Returns -1 to continue, else an exit status. */
static int
parse_build(int argc, char **argv, BuildOptions *o, int mode)
{
    memset(o, 0, sizeof *o);
    o->mode = mode;
    o->jobs = default_jobs();
    o->output = "vnkg-out";
    o->formats = FMT_DEFAULT;
    o->seed = 42;
    o->progress = -1;
    o->top_n = 50;
    vnkg_analyse_options_init(&o->analyse);
    o->ontology = getenv("VNKG_ONTOLOGY");
    o->inputs = calloc((size_t)argc + 1, sizeof *o->inputs);
    if (!o->inputs) {
        return EXIT_MEMORY;
    }
    for (int i = 0; i < argc; ++i) {
        const char *a = argv[i];
        int has_value = i + 1 < argc;
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            mode == MODE_EXTRACT ? usage_extract(stdout)
            : mode == MODE_MERGE ? usage_merge(stdout)
                                 : usage_build(stdout);
            return EXIT_OK;
        } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
            o->quiet = 1;
        } else if (strcmp(a, "--strict") == 0) {
            o->strict = 1;
        } else if (strcmp(a, "--progress") == 0) {
            o->progress = 1;
        } else if (strcmp(a, "--timings") == 0) {
            o->timings = 1;
        } else if ((strcmp(a, "-j") == 0 || strcmp(a, "--jobs") == 0) &&
                   has_value) {
            if (!parse_size(argv[++i], &o->jobs) || o->jobs == 0 ||
                o->jobs > 256) {
                fprintf(stderr, "vnkg: -j needs a number from 1 to 256\n");
                return EXIT_USAGE;
            }
        } else if (strcmp(a, "--append") == 0 && has_value &&
                   o->mode == MODE_BUILD) {
            o->append_dir = argv[++i];
            o->output = o->append_dir;
        } else if (strcmp(a, "--co-mention-only") == 0) {
            o->analyse.relations = 1u << VNKG_REL_CO_MENTION;
        } else if (strcmp(a, "--relations") == 0 && has_value) {
            if (!parse_relations(argv[++i], &o->analyse.relations)) {
                return EXIT_USAGE;
            }
        } else if (strcmp(a, "--types") == 0 && has_value) {
            if (!parse_types(argv[++i], &o->analyse.types)) {
                return EXIT_USAGE;
            }
        } else if (strcmp(a, "--betweenness-cutoff") == 0 && has_value) {
            if (!parse_double(argv[++i], &o->analyse.betweenness_cutoff)) {
                return EXIT_USAGE;
            }
        } else if (strcmp(a, "--betweenness-samples") == 0 && has_value) {
            if (!parse_size(argv[++i], &o->analyse.betweenness_samples)) {
                return EXIT_USAGE;
            }
        } else if (strcmp(a, "--top") == 0 && has_value) {
            if (!parse_size(argv[++i], &o->top_n) || o->top_n == 0) {
                return EXIT_USAGE;
            }
        } else if ((strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) &&
                   has_value) {
            o->output = argv[++i];
        } else if (strcmp(a, "--ontology") == 0 && has_value) {
            o->ontology = argv[++i];
        } else if (strcmp(a, "--base-iri") == 0 && has_value) {
            o->base_iri = argv[++i];
        } else if (strcmp(a, "--format") == 0 && has_value) {
            if (!parse_formats(argv[++i], &o->formats)) {
                return EXIT_USAGE;
            }
        } else if (strncmp(a, "--max-", 6) == 0 && has_value) {
            if (!parse_limit(a, argv[++i], &o->limits)) {
                return EXIT_USAGE;
            }
        } else if (strcmp(a, "--seed") == 0 && has_value) {
            size_t seed;
            if (!parse_size(argv[++i], &seed)) {
                return EXIT_USAGE;
            }
            o->seed = seed;
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr,
                    "vnkg: unknown or incomplete option '%s' "
                    "(see vnkg build --help)\n",
                    a);
            return EXIT_USAGE;
        } else {
            o->inputs[o->n_inputs++] = a;
        }
    }
    if (o->n_inputs == 0) {
        static const char *const names[] = {"build", "extract", "merge"};
        fprintf(stderr,
                "vnkg: %s needs at least one INPUT (see vnkg %s --help)\n",
                names[mode], names[mode]);
        return EXIT_USAGE;
    }
    o->analyse.threads = o->jobs;
    return -1;
}

static VnkgStatus
on_document(VnkgContext *ctx, VnkgDocument *doc, void *user)
{
    BuildState *bs = user;
    if (vnkg_facts_has_article(bs->facts, doc->id)) {
        /* --append: the graph has it already; counting it twice would
         * double its mentions */
        vnkg_diag(ctx, VNKG_FAILURE,
                  "%s: article %s is already in the graph, "
                  "skipped",
                  doc->source ? doc->source : doc->id, doc->id);
        vnkg_document_free(ctx, doc);
        bs->skipped++;
        return VNKG_SUCCESS;
    }
    double t0 = bs->timings ? now_seconds() : 0;
    VnkgStatus st = vnkg_pipeline_add(bs->pipeline, doc);
    if (bs->timings) {
        bs->in_pipeline += now_seconds() - t0;
    }
    bs->seen++;
    if (bs->progress && bs->seen % 1000 == 0) {
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        double secs = (double)(now.tv_sec - bs->started.tv_sec) +
                      (double)(now.tv_nsec - bs->started.tv_nsec) / 1e9;
        fprintf(stderr, "\rvnkg: %zu articles, %zu entities (%.0f/s)   ",
                bs->seen, vnkg_facts_entity_count(bs->facts),
                secs > 0 ? (double)bs->seen / secs : 0.0);
    }
    return st;
}

static int
make_dir(const char *path)
{
    char buf[4096];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *p = buf + 1; *p; ++p) {
        if (*p == '/') {
            *p = '\0';
            if (mkdir(buf, 0777) != 0 && errno != EEXIST) {
                return -1;
            }
            *p = '/';
        }
    }
    if (mkdir(buf, 0777) != 0 && errno != EEXIST) {
        return -1;
    }
    struct stat sb;
    if (stat(buf, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
        errno = ENOTDIR;
        return -1;
    }
    return 0;
}

/* The run's parameters for report.md, locale-free. */
static void
describe_params(const BuildOptions *o, char *buf, size_t cap)
{
    char rel[256] = "all", typ[256] = "all", btw[64] = "exact";
    if (o->analyse.relations) {
        rel[0] = '\0';
        for (int r = 0; r < VNKG_REL_COUNT; ++r) {
            if (o->analyse.relations & (1u << r)) {
                snprintf(rel + strlen(rel), sizeof rel - strlen(rel), "%s%s",
                         rel[0] ? "," : "",
                         vnkg_relation_name((VnkgRelation)r));
            }
        }
    }
    if (o->analyse.types) {
        typ[0] = '\0';
        for (int t = 0; t < VNKG_TYPE_COUNT; ++t) {
            if (o->analyse.types & (1u << t)) {
                snprintf(typ + strlen(typ), sizeof typ - strlen(typ), "%s%s",
                         typ[0] ? "," : "",
                         vnkg_entity_type_name((VnkgEntityType)t));
            }
        }
    }
    if (o->analyse.betweenness_samples) {
        snprintf(btw, sizeof btw, "sampled from %zu sources",
                 o->analyse.betweenness_samples);
    } else if (o->analyse.betweenness_cutoff >= 0) {
        snprintf(btw, sizeof btw, "paths up to length %ld",
                 (long)o->analyse.betweenness_cutoff);
    }
    snprintf(buf, cap,
             "seed %zu; relations %s; types %s; betweenness option %s; vnkg %s",
             (size_t)o->seed, rel, typ, btw, VNKG_VERSION);
}

/* The output files, in the order they are written one by one (and in
 * which the first failure is reported). */
typedef enum {
    OUT_GRAPHML = 0,
    OUT_RDF,
    OUT_NODES,
    OUT_EDGES,
    OUT_MENTIONS,
    OUT_CENTRALITY,
    OUT_GEXF,
    OUT_SVG,
    OUT_REPORT,
    OUT_FACTS,
    OUT_COUNT
} OutputKind;

typedef struct {
    const char *name;
    unsigned format; /* FMT_*, or 0 for always */
    double cost;     /* relative time on bench/'s 10k corpus */
} OutputDef;

static const OutputDef output_defs[OUT_COUNT] = {
    {"graph.graphml", FMT_GRAPHML, 3},
    {"graph.rdf", FMT_RDF, 4},
    {"nodes.csv", FMT_CSV, 0.2},
    {"edges.csv", FMT_CSV, 2},
    {"mentions.tsv", FMT_CSV, 1.5},
    {"centrality.tsv", 0, 0.2},
    {"graph.gexf", FMT_GEXF, 3},
    {"graph.svg", FMT_SVG, 0.2},
    {"report.md", 0, 0.2},
    {FACTS_FILE, 0, 5},
};

typedef struct {
    const BuildOptions *o;
    const VnkgGraph *g;
    const VnkgFacts *facts;
    const char *params; /* for report.md */
} OutputData;

typedef struct {
    const OutputData *data;
    OutputKind kind;
    char path[4096];  /* where the job writes: the staged name */
    char final[4096]; /* the output's name */
} OutputJob;

static int
needs_graph(OutputKind kind)
{
    return kind != OUT_FACTS && kind != OUT_MENTIONS;
}

/* A VnkgCliJobFn: writes one output file. */
static VnkgStatus
write_output(VnkgContext *ctx, const void *arg)
{
    const OutputJob *j = arg;
    const BuildOptions *o = j->data->o;
    const VnkgFacts *facts = j->data->facts;
    if (!needs_graph(j->kind)) { /* may run while the graph is made */
        return j->kind == OUT_MENTIONS
                   ? vnkg_export_mentions_tsv(ctx, facts, j->path)
                   : vnkg_export_facts(ctx, facts, j->path);
    }
    const VnkgGraph *g = j->data->g;
    switch (j->kind) {
    case OUT_GRAPHML:
        return vnkg_export_graphml(ctx, g, j->path);
    case OUT_RDF:
        return vnkg_export_rdfxml(ctx, g, o->base_iri, j->path);
    case OUT_NODES:
        return vnkg_export_nodes_csv(ctx, g, j->path);
    case OUT_EDGES:
        return vnkg_export_edges_csv(ctx, g, j->path);
    case OUT_CENTRALITY:
        return vnkg_export_centrality_tsv(ctx, g, j->path);
    case OUT_GEXF:
        return vnkg_export_gexf(ctx, g, j->path);
    case OUT_SVG:
        return vnkg_export_svg(ctx, g, o->top_n, j->path);
    default: /* OUT_REPORT */
        return vnkg_export_report(ctx, g, j->data->params, j->path);
    }
}

/* Each output is first written whole (itself atomically) under a staged
 * name beside it; only when every one is written are they renamed over
 * the outputs, in order. A run that fails (a full disk, a signal, an
 * unwritable file) leaves the earlier outputs as they were, all of them,
 * whatever -j: never a mix of old and new files. */
#define STAGED_SUFFIX ".tmp.staged"

/* The CLI's diagnostics while outputs are staged: as the default sink, but
 * naming the output, not its staged file. */
static void
unstaged_diag(VnkgStatus st, const char *message, void *user)
{
    (void)st;
    (void)user;
    const size_t cut = sizeof STAGED_SUFFIX - 1;
    fputs("vnkg: ", stderr);
    for (const char *p = message, *hit; *p; p = hit + cut) {
        if (!(hit = strstr(p, STAGED_SUFFIX))) {
            fputs(p, stderr);
            break;
        }
        fwrite(p, 1, (size_t)(hit - p), stderr);
    }
    fputc('\n', stderr);
}

static VnkgStatus
publish(VnkgContext *ctx, const OutputJob *out, size_t n, VnkgStatus st)
{
    for (size_t i = 0; i < n; ++i) {
        if (st == VNKG_SUCCESS && rename(out[i].path, out[i].final) != 0) {
            st = vnkg_diag(ctx, VNKG_ERR_WRITE, "%s: cannot replace: %s",
                           out[i].final, strerror(errno));
        }
        if (st != VNKG_SUCCESS) {
            (void)unlink(out[i].path); /* absent when never written */
        }
        vnkg_cli_tempfile_hook(out[i].path, 0, NULL);
    }
    return st;
}

/* The outputs of a build, set up once the facts are read. The files that
 * need only the facts (facts.vnkg, mentions.tsv) can be written on a
 * thread of their own while the graph is built and analysed (with -j 2 or
 * more); the others once the analysis is done. All are staged and then
 * published together. */
typedef struct {
    OutputData data;
    char params[512];
    OutputJob out[OUT_COUNT];
    VnkgCliJob jobs[OUT_COUNT];
    size_t n;
    VnkgCliJobs *running; /* started early, or NULL */
    VnkgDiagFn diag;      /* the sink to give back */
    void *diag_user;
} Outputs;

/* Creates the output directory and names the staged files. Diagnostics go
 * through unstaged_diag until outputs_finish. */
static VnkgStatus
outputs_prepare(VnkgContext *ctx, const BuildOptions *o, const VnkgFacts *facts,
                Outputs *x)
{
    memset(x, 0, sizeof *x);
    if (make_dir(o->output) != 0) {
        return vnkg_diag(ctx, VNKG_ERR_WRITE, "%s: %s", o->output,
                         strerror(errno));
    }
    describe_params(o, x->params, sizeof x->params);
    x->data = (OutputData){o, NULL, facts, x->params};
    for (int k = 0; k < OUT_COUNT; ++k) {
        const OutputDef *d = &output_defs[k];
        if (d->format && !(o->formats & d->format)) {
            continue;
        }
        OutputJob *j = &x->out[x->n];
        j->data = &x->data;
        j->kind = (OutputKind)k;
        snprintf(j->final, sizeof j->final, "%s/%s", o->output, d->name);
        snprintf(j->path, sizeof j->path, "%s/%s" STAGED_SUFFIX, o->output,
                 d->name);
        vnkg_cli_tempfile_hook(j->path, 1, NULL);
        x->jobs[x->n++] =
            (VnkgCliJob){write_output, j, d->cost, !needs_graph(j->kind)};
    }
    x->diag = vnkg_context_diag(ctx, &x->diag_user);
    vnkg_context_set_diag(ctx, unstaged_diag, NULL);
    return VNKG_SUCCESS;
}

/* With -j 2 or more, starts the outputs that need only the facts, on a
 * thread of their own. */
static VnkgStatus
outputs_start_early(VnkgContext *ctx, const BuildOptions *o, Outputs *x)
{
    if (o->jobs <= 1) {
        return VNKG_SUCCESS;
    }
    return vnkg_cli_jobs_start(ctx, x->jobs, x->n, &x->running);
}

/* With `st` VNKG_SUCCESS, writes the outputs that need the graph `g`, on
 * o->jobs threads, and waits for the early ones; then publishes all the
 * outputs, or, when anything failed, none. */
static VnkgStatus
outputs_finish(VnkgContext *ctx, const BuildOptions *o, Outputs *x,
               const VnkgGraph *g, VnkgStatus st)
{
    x->data.g = g;
    if (x->running) {
        VnkgStatus out =
            vnkg_cli_jobs_finish(x->running, o->jobs, st == VNKG_SUCCESS);
        x->running = NULL;
        st = st == VNKG_SUCCESS ? out : st;
    } else if (st == VNKG_SUCCESS) {
        st = vnkg_cli_run_jobs(ctx, x->jobs, x->n, o->jobs);
    }
    st = publish(ctx, x->out, x->n, st);
    vnkg_context_set_diag(ctx, x->diag, x->diag_user);
    return st;
}

static int
cmp_pagerank(const void *a, const void *b)
{
    const VnkgNode *x = *(const VnkgNode *const *)a;
    const VnkgNode *y = *(const VnkgNode *const *)b;
    if (x->pagerank != y->pagerank) {
        return x->pagerank > y->pagerank ? -1 : 1;
    }
    return strcmp(x->id, y->id);
}

/* Prints `s` left-aligned in `width` terminal columns, one per character
 * (labels are NFC, so a Vietnamese letter with its marks is one; printf's
 * %-34s counts bytes); a longer one is cut and ends with "…". */
static void
print_padded(const char *s, size_t width)
{
    size_t cols = 0, fit = 0; /* fit: bytes of the first width-1 columns */
    const unsigned char *p = (const unsigned char *)s;
    for (; *p; ++p) {
        if ((*p & 0xC0) != 0x80) { /* a character starts */
            if (++cols == width) {
                fit = (size_t)(p - (const unsigned char *)s);
            }
        }
    }
    if (cols > width) {
        fwrite(s, 1, fit, stdout);
        fputs("…", stdout);
        return;
    }
    fputs(s, stdout);
    for (; cols < width; ++cols) {
        putchar(' ');
    }
}

static void
print_summary(const BuildOptions *o, const VnkgGraph *g, size_t articles,
              double seconds)
{
    size_t counts[VNKG_TYPE_COUNT] = {0};
    for (size_t i = 0; i < g->n_nodes; ++i) {
        counts[g->nodes[i].type]++;
    }
    printf("vnkg: %zu articles, %zu entities, %zu relations in %.2f s\n",
           articles, g->n_nodes, g->n_edges, seconds);
    printf("\nEntities by type:\n");
    for (int t = 0; t < VNKG_TYPE_COUNT; ++t) {
        printf("  %-13s %6zu\n", vnkg_entity_type_name((VnkgEntityType)t),
               counts[t]);
    }
    const VnkgNode **order = malloc((g->n_nodes + 1) * sizeof *order);
    if (order) {
        for (size_t i = 0; i < g->n_nodes; ++i) {
            order[i] = &g->nodes[i];
        }
        qsort(order, g->n_nodes, sizeof *order, cmp_pagerank);
        printf("\nTop entities by PageRank:\n");
        for (size_t i = 0; i < g->n_nodes && i < 10; ++i) {
            printf("  %2zu. ", i + 1);
            print_padded(order[i]->label, 34);
            printf(" %-12s %.4f\n", vnkg_entity_type_name(order[i]->type),
                   order[i]->pagerank);
        }
        free((void *)order);
    }
    printf("\nCommunities: %ld (modularity %.3f), components: %ld\n",
           g->n_communities, g->modularity, g->n_components);
    printf("Files written to %s/: %s%s%s%s%scentrality.tsv, report.md\n",
           o->output, (o->formats & FMT_GRAPHML) ? "graph.graphml, " : "",
           (o->formats & FMT_RDF) ? "graph.rdf, " : "",
           (o->formats & FMT_CSV) ? "nodes.csv, edges.csv, mentions.tsv, " : "",
           (o->formats & FMT_SVG) ? "graph.svg, " : "",
           (o->formats & FMT_GEXF) ? "graph.gexf, " : "");
    printf("(and %s, which 'vnkg build --append %s' goes on from)\n",
           FACTS_FILE, o->output);
}

/* Merges a facts file (PATH or "-") into the store. */
static VnkgStatus
read_facts_file(VnkgContext *ctx, VnkgFacts *facts, const char *path)
{
    int use_stdin = strcmp(path, "-") == 0;
    FILE *fp = use_stdin ? stdin : fopen(path, "r");
    if (!fp) {
        return vnkg_diag(ctx, VNKG_ERR_IO, "%s: %s", path, strerror(errno));
    }
    VnkgStatus st = vnkg_facts_read(ctx, facts, fp, path);
    if (!use_stdin) {
        fclose(fp);
    }
    return st;
}

/* Reads the inputs into bs->facts: articles through the pipeline, or
 * facts files for `merge`; --append starts from DIR/facts.vnkg. */
static VnkgStatus
collect(VnkgContext *ctx, const BuildOptions *o, BuildState *bs)
{
    if (o->append_dir) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", o->append_dir, FACTS_FILE);
        VNKG_TRY(read_facts_file(ctx, bs->facts, path));
    }
    if (o->mode == MODE_MERGE) {
        for (size_t i = 0; i < o->n_inputs; ++i) {
            VNKG_TRY(read_facts_file(ctx, bs->facts, o->inputs[i]));
        }
        return VNKG_SUCCESS;
    }
    double t0 = now_seconds();
    VnkgStatus st =
        vnkg_pipeline_new(ctx, bs->lex, o->jobs, bs->facts, &bs->pipeline);
    for (size_t i = 0; st == VNKG_SUCCESS && i < o->n_inputs; ++i) {
        st = vnkg_ingest_path(ctx, o->inputs[i], VNKG_FORMAT_AUTO, on_document,
                              bs);
    }
    /* reading and parsing: the main thread's time outside the pipeline */
    double ingest = now_seconds() - t0 - bs->in_pipeline;
    if (st == VNKG_SUCCESS) {
        st = vnkg_pipeline_finish(bs->pipeline);
    }
    if (st == VNKG_SUCCESS && o->timings) {
        VnkgPipelineTimes t = vnkg_pipeline_times(bs->pipeline);
        double wall = now_seconds() - t0;
        /* with threads, stage times are summed over the workers */
        fprintf(stderr,
                "timing ingest+extract(wall) %.3f peak_rss_mb %ld\n"
                "timing ingest %.3f\n"
                "timing normalise %.3f\ntiming extract %.3f\n"
                "timing merge %.3f\n",
                wall, peak_rss_mb(), ingest, t.normalise, t.extract, t.merge);
    }
    return st;
}

/* The graph of the facts read, analysed. */
static VnkgStatus
build(VnkgContext *ctx, const BuildOptions *o, BuildState *bs,
      VnkgGraph **graph)
{
    if (bs->progress) {
        fprintf(stderr, "\rvnkg: %zu articles read; analysing…%20s\n", bs->seen,
                "");
    }
    double t1 = now_seconds();
    VNKG_TRY(vnkg_graph_build(ctx, bs->facts, graph));
    double t2 = now_seconds();
    long graph_peak = o->timings ? peak_rss_mb() : 0;
    VnkgStatus st = vnkg_analyse_run(ctx, *graph, &o->analyse);
    if (o->timings) {
        fprintf(stderr,
                "timing graph %.3f peak_rss_mb %ld\n"
                "timing analyse %.3f peak_rss_mb %ld\n",
                t2 - t1, graph_peak, now_seconds() - t2, peak_rss_mb());
    }
    return st;
}

/* Extract: the merged facts of the inputs to standard output. */
static VnkgStatus
write_partial(VnkgContext *ctx, const BuildState *bs)
{
    VnkgStatus st = vnkg_facts_write(ctx, bs->facts, stdout);
    if (st == VNKG_SUCCESS && fflush(stdout) != 0) {
        st = vnkg_diag(ctx, VNKG_ERR_WRITE, "standard output: %s",
                       strerror(errno));
    }
    return st;
}

static VnkgStatus
run(VnkgContext *ctx, const BuildOptions *o, BuildState *bs, VnkgGraph **graph)
{
    if (o->mode == MODE_EXTRACT) {
        VNKG_TRY(collect(ctx, o, bs));
        return write_partial(ctx, bs);
    }
    VNKG_TRY(collect(ctx, o, bs));
    Outputs x;
    VNKG_TRY(outputs_prepare(ctx, o, bs->facts, &x));
    VnkgStatus st = outputs_start_early(ctx, o, &x);
    if (st == VNKG_SUCCESS) {
        st = build(ctx, o, bs, graph);
    }
    double t = now_seconds();
    st = outputs_finish(ctx, o, &x, *graph, st);
    if (o->timings) {
        fprintf(stderr, "timing export %.3f peak_rss_mb %ld\n",
                now_seconds() - t, peak_rss_mb());
    }
    return st;
}

static int
cmd_run(int argc, char **argv, int mode)
{
    BuildOptions o;
    int rc = parse_build(argc, argv, &o, mode);
    if (rc >= 0) {
        free((void *)o.inputs);
        return rc;
    }
    if (vnkg_cli_signals_install() != 0) {
        fprintf(stderr, "vnkg: cannot handle signals: %s\n", strerror(errno));
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    VnkgContext *ctx = NULL;
    VnkgLexicon *lex = NULL;
    VnkgGraph *graph = NULL;
    BuildState bs = {0};
    VnkgStatus st = vnkg_context_new(&ctx);
    if (st == VNKG_SUCCESS) {
        vnkg_context_set_strict(ctx, o.strict);
        vnkg_context_set_seed(ctx, o.seed);
        apply_limits(ctx, &o.limits);
        vnkg_context_set_tempfile_hook(ctx, vnkg_cli_tempfile_hook, NULL);
        if (mode != MODE_MERGE) {
            st = vnkg_lexicon_load(
                ctx, o.ontology ? o.ontology : vnkg_lexicon_default_dir(),
                &lex);
        }
    }
    if (st == VNKG_SUCCESS) {
        bs.lex = lex;
        bs.progress = o.quiet           ? 0
                      : o.progress >= 0 ? o.progress
                                        : isatty(STDERR_FILENO);
        bs.started = t0;
        bs.timings = o.timings;
        st = vnkg_facts_new(ctx, &bs.facts);
    }
    if (st == VNKG_SUCCESS) {
        st = run(ctx, &o, &bs, &graph);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    size_t rejected = bs.pipeline ? vnkg_pipeline_rejected(bs.pipeline) : 0;
    if (st == VNKG_SUCCESS && !o.quiet && mode != MODE_EXTRACT) {
        print_summary(&o, graph, vnkg_facts_article_count(bs.facts),
                      (double)(t1.tv_sec - t0.tv_sec) +
                          (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
    }
    if (st != VNKG_SUCCESS && ctx) {
        static const char *const names[] = {"build", "extract", "merge"};
        fprintf(stderr, "vnkg: %s failed: %s\n", names[mode],
                vnkg_strerror(st));
    }
    rc = exit_for(st);
    if (rc == EXIT_OK && rejected) {
        rc = EXIT_INPUT; /* --strict: some articles were refused */
    }
    vnkg_pipeline_free(bs.pipeline);
    vnkg_graph_free(ctx, graph);
    vnkg_facts_free(ctx, bs.facts);
    vnkg_lexicon_free(ctx, lex);
    vnkg_context_free(ctx);
    free((void *)o.inputs);
    return rc;
}

int
main(int argc, char **argv)
{
    xmlInitParser();
    igraph_set_error_handler(igraph_error_handler_ignore);
    igraph_set_warning_handler(igraph_warning_handler_ignore);
    int rc;
    if (argc < 2) {
        usage_main(stderr);
        rc = EXIT_USAGE;
    } else if (strcmp(argv[1], "--version") == 0) {
        printf("vnkg %s\n", VNKG_VERSION);
        rc = EXIT_OK;
    } else if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
        usage_main(stdout);
        rc = EXIT_OK;
    } else if (strcmp(argv[1], "build") == 0) {
        rc = cmd_run(argc - 2, argv + 2, MODE_BUILD);
    } else if (strcmp(argv[1], "extract") == 0) {
        rc = cmd_run(argc - 2, argv + 2, MODE_EXTRACT);
    } else if (strcmp(argv[1], "merge") == 0) {
        rc = cmd_run(argc - 2, argv + 2, MODE_MERGE);
    } else if (strcmp(argv[1], "query") == 0) {
        rc = vnkg_cli_query(argc - 2, argv + 2);
    } else {
        fprintf(stderr, "vnkg: unknown command '%s' (see vnkg --help)\n",
                argv[1]);
        rc = EXIT_USAGE;
    }
    xmlCleanupParser();
    return rc;
}
