/* SPDX-License-Identifier: MIT */
/* Benchmark: vnkg's GraphML writer against igraph's igraph_write_graph_graphml
 * on the same graph, per byte written.
 *
 *   graphml_writer GRAPH.graphml [REPS] [TMPDIR]
 *
 * Reads GRAPH.graphml (written by `vnkg build`) with vnkg_query_read_graphml,
 * builds the same graph as an igraph_t with igraph's C attribute handler,
 * then writes it REPS times (default 5) with each writer into TMPDIR
 * (default: the directory of GRAPH.graphml) and prints one line per writer:
 *
 *   writer NAME reps R bytes B seconds S mb_per_s X
 *
 * Writers:
 *   vnkg          vnkg_export_graphml: every key vnkg writes; temporary file,
 *                 fsync, rename (what `vnkg build` does)
 *   igraph-basic  igraph_write_graph_graphml with the attributes label, type,
 *                 pagerank (nodes) and relation, weight (edges)
 *   igraph-full   igraph_write_graph_graphml with every node and edge field
 *                 vnkg writes (strings and numbers), so the files carry the
 *                 same information
 *   igraph-full+fsync  the same followed by fflush + fsync, for a like-for-like
 *                 comparison with vnkg's durable write
 * Time is wall-clock (CLOCK_MONOTONIC) around the write only; MB = 10^6 bytes
 * of the file written. The best (minimum) time of the REPS runs is reported,
 * as usual for throughput micro-benchmarks; the mean is printed too. */
#include <vnkg/context.h>
#include <vnkg/export.h>
#include <vnkg/graph.h>
#include <vnkg/query.h>
#include <vnkg/status.h>

#include <igraph.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static double
now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long
file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

static void
die(const char *what)
{
    fprintf(stderr, "graphml_writer: %s\n", what);
    exit(1);
}

#define CHECK(expr)                                                           \
    do {                                                                      \
        if ((expr) != IGRAPH_SUCCESS) {                                       \
            die(#expr);                                                       \
        }                                                                     \
    } while (0)

static const char *
nz(const char *s)
{
    return s ? s : "";
}

/* Node and edge attributes as igraph string / numeric vectors. */
static void
set_str_v(igraph_t *g, const char *name, size_t n, const char *(*get)(const VnkgGraph *, size_t),
          const VnkgGraph *vg)
{
    igraph_strvector_t sv;
    CHECK(igraph_strvector_init(&sv, (igraph_integer_t)n));
    for (size_t i = 0; i < n; ++i) {
        CHECK(igraph_strvector_set(&sv, (igraph_integer_t)i, get(vg, i)));
    }
    CHECK(igraph_cattribute_VAS_setv(g, name, &sv));
    igraph_strvector_destroy(&sv);
}

static void
set_str_e(igraph_t *g, const char *name, size_t n, const char *(*get)(const VnkgGraph *, size_t),
          const VnkgGraph *vg)
{
    igraph_strvector_t sv;
    CHECK(igraph_strvector_init(&sv, (igraph_integer_t)n));
    for (size_t i = 0; i < n; ++i) {
        CHECK(igraph_strvector_set(&sv, (igraph_integer_t)i, get(vg, i)));
    }
    CHECK(igraph_cattribute_EAS_setv(g, name, &sv));
    igraph_strvector_destroy(&sv);
}

static void
set_num_v(igraph_t *g, const char *name, size_t n, double (*get)(const VnkgGraph *, size_t),
          const VnkgGraph *vg)
{
    igraph_vector_t v;
    CHECK(igraph_vector_init(&v, (igraph_integer_t)n));
    for (size_t i = 0; i < n; ++i) {
        VECTOR(v)[i] = get(vg, i);
    }
    CHECK(igraph_cattribute_VAN_setv(g, name, &v));
    igraph_vector_destroy(&v);
}

static void
set_num_e(igraph_t *g, const char *name, size_t n, double (*get)(const VnkgGraph *, size_t),
          const VnkgGraph *vg)
{
    igraph_vector_t v;
    CHECK(igraph_vector_init(&v, (igraph_integer_t)n));
    for (size_t i = 0; i < n; ++i) {
        VECTOR(v)[i] = get(vg, i);
    }
    CHECK(igraph_cattribute_EAN_setv(g, name, &v));
    igraph_vector_destroy(&v);
}

/* getters */
#define N(i) (vg->nodes[i])
#define E(i) (vg->edges[i])
static const char *n_id(const VnkgGraph *vg, size_t i) { return N(i).id; }
static const char *n_label(const VnkgGraph *vg, size_t i) { return N(i).label; }
static const char *n_type(const VnkgGraph *vg, size_t i) { return vnkg_entity_type_name(N(i).type); }
static const char *n_aliases(const VnkgGraph *vg, size_t i) { return nz(N(i).aliases); }
static const char *n_sources(const VnkgGraph *vg, size_t i) { return nz(N(i).sources); }
static const char *n_merged(const VnkgGraph *vg, size_t i) { return nz(N(i).merged_into); }
static const char *n_until(const VnkgGraph *vg, size_t i) { return nz(N(i).valid_until); }
static double n_pagerank(const VnkgGraph *vg, size_t i) { return N(i).pagerank; }
static double n_mentions(const VnkgGraph *vg, size_t i) { return (double)N(i).mentions; }
static double n_documents(const VnkgGraph *vg, size_t i) { return (double)N(i).documents; }
static double n_degree(const VnkgGraph *vg, size_t i) { return N(i).degree; }
static double n_indeg(const VnkgGraph *vg, size_t i) { return N(i).in_degree; }
static double n_outdeg(const VnkgGraph *vg, size_t i) { return N(i).out_degree; }
static double n_strength(const VnkgGraph *vg, size_t i) { return N(i).strength; }
static double n_betw(const VnkgGraph *vg, size_t i) { return N(i).betweenness; }
static double n_harm(const VnkgGraph *vg, size_t i) { return N(i).harmonic; }
static double n_eig(const VnkgGraph *vg, size_t i) { return N(i).eigenvector; }
static double n_comp(const VnkgGraph *vg, size_t i) { return (double)N(i).component; }
static double n_comm(const VnkgGraph *vg, size_t i) { return (double)N(i).community; }
static double n_x(const VnkgGraph *vg, size_t i) { return N(i).x; }
static double n_y(const VnkgGraph *vg, size_t i) { return N(i).y; }
static double n_size(const VnkgGraph *vg, size_t i) { return N(i).size; }
static double n_r(const VnkgGraph *vg, size_t i) { return N(i).r; }
static double n_g(const VnkgGraph *vg, size_t i) { return N(i).g; }
static double n_b(const VnkgGraph *vg, size_t i) { return N(i).b; }
static const char *e_rel(const VnkgGraph *vg, size_t i) { return vnkg_relation_name(E(i).relation); }
static const char *e_role(const VnkgGraph *vg, size_t i) { return nz(E(i).role); }
static const char *e_sources(const VnkgGraph *vg, size_t i) { return nz(E(i).sources); }
static const char *e_evidence(const VnkgGraph *vg, size_t i) { return nz(E(i).evidence); }
static const char *e_first(const VnkgGraph *vg, size_t i) { return nz(E(i).first_date); }
static const char *e_last(const VnkgGraph *vg, size_t i) { return nz(E(i).last_date); }
static double e_weight(const VnkgGraph *vg, size_t i) { return E(i).weight; }
static double e_inferred(const VnkgGraph *vg, size_t i) { return (double)E(i).inferred; }
#undef N
#undef E

static void
build_igraph(const VnkgGraph *vg, int full, igraph_t *g)
{
    igraph_vector_int_t ev;
    CHECK(igraph_vector_int_init(&ev, (igraph_integer_t)(2 * vg->n_edges)));
    for (size_t i = 0; i < vg->n_edges; ++i) {
        VECTOR(ev)[2 * i] = (igraph_integer_t)vg->edges[i].source;
        VECTOR(ev)[2 * i + 1] = (igraph_integer_t)vg->edges[i].target;
    }
    CHECK(igraph_create(g, &ev, (igraph_integer_t)vg->n_nodes, IGRAPH_DIRECTED));
    igraph_vector_int_destroy(&ev);
    size_t n = vg->n_nodes, m = vg->n_edges;
    set_str_v(g, "label", n, n_label, vg);
    set_str_v(g, "type", n, n_type, vg);
    set_num_v(g, "pagerank", n, n_pagerank, vg);
    set_str_e(g, "relation", m, e_rel, vg);
    set_num_e(g, "weight", m, e_weight, vg);
    if (!full) {
        return;
    }
    set_str_v(g, "vnkg_id", n, n_id, vg);
    set_str_v(g, "aliases", n, n_aliases, vg);
    set_str_v(g, "sources", n, n_sources, vg);
    set_str_v(g, "merged_into", n, n_merged, vg);
    set_str_v(g, "valid_until", n, n_until, vg);
    set_num_v(g, "mentions", n, n_mentions, vg);
    set_num_v(g, "documents", n, n_documents, vg);
    set_num_v(g, "degree", n, n_degree, vg);
    set_num_v(g, "in_degree", n, n_indeg, vg);
    set_num_v(g, "out_degree", n, n_outdeg, vg);
    set_num_v(g, "strength", n, n_strength, vg);
    set_num_v(g, "betweenness", n, n_betw, vg);
    set_num_v(g, "harmonic", n, n_harm, vg);
    set_num_v(g, "eigenvector", n, n_eig, vg);
    set_num_v(g, "component", n, n_comp, vg);
    set_num_v(g, "community", n, n_comm, vg);
    set_num_v(g, "x", n, n_x, vg);
    set_num_v(g, "y", n, n_y, vg);
    set_num_v(g, "size", n, n_size, vg);
    set_num_v(g, "r", n, n_r, vg);
    set_num_v(g, "g", n, n_g, vg);
    set_num_v(g, "b", n, n_b, vg);
    set_str_e(g, "role", m, e_role, vg);
    set_str_e(g, "sources", m, e_sources, vg);
    set_str_e(g, "evidence", m, e_evidence, vg);
    set_str_e(g, "first_date", m, e_first, vg);
    set_str_e(g, "last_date", m, e_last, vg);
    set_num_e(g, "inferred", m, e_inferred, vg);
}

static void
report(const char *name, int reps, long bytes, double best, double sum)
{
    printf("writer %s reps %d bytes %ld seconds %.6f mean_seconds %.6f mb_per_s %.1f\n",
           name, reps, bytes, best, sum / reps, best > 0 ? (double)bytes / 1e6 / best : 0.0);
}

static void
time_igraph(const char *name, const igraph_t *g, const char *path, int reps, int sync)
{
    double best = 1e30, sum = 0;
    for (int r = 0; r < reps; ++r) {
        double t0 = now();
        FILE *fp = fopen(path, "w");
        if (!fp) {
            die("cannot open output file");
        }
        CHECK(igraph_write_graph_graphml(g, fp, /*prefixattr=*/1));
        if (sync && (fflush(fp) != 0 || fsync(fileno(fp)) != 0)) {
            die("fsync");
        }
        if (fclose(fp) != 0) {
            die("fclose");
        }
        double t = now() - t0;
        sum += t;
        best = t < best ? t : best;
    }
    report(name, reps, file_size(path), best, sum);
}

int
main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: graphml_writer GRAPH.graphml [REPS] [TMPDIR]\n");
        return 2;
    }
    const char *in = argv[1];
    int reps = argc > 2 ? atoi(argv[2]) : 5;
    if (reps < 1) {
        reps = 1;
    }
    char dir[4096];
    if (argc > 3) {
        snprintf(dir, sizeof dir, "%s", argv[3]);
    } else {
        snprintf(dir, sizeof dir, "%s", in);
        char *slash = strrchr(dir, '/');
        if (slash) {
            *slash = '\0';
        } else {
            snprintf(dir, sizeof dir, ".");
        }
    }

    VnkgContext *ctx = NULL;
    VnkgGraph *vg = NULL;
    if (vnkg_context_new(&ctx) != VNKG_SUCCESS) {
        die("vnkg_context_new");
    }
    /* the default limits may refuse a big file: lift the file size limit */
    vnkg_context_limits(ctx)->max_file_bytes = (size_t)1 << 40;
    double t0 = now();
    if (vnkg_query_read_graphml(ctx, in, &vg) != VNKG_SUCCESS) {
        die("cannot read the GraphML input");
    }
    printf("graph nodes %zu edges %zu read_seconds %.3f\n", vg->n_nodes, vg->n_edges,
           now() - t0);

    char out[4200];
    double best = 1e30, sum = 0;
    snprintf(out, sizeof out, "%s/bench-vnkg.graphml", dir);
    for (int r = 0; r < reps; ++r) {
        double t = now();
        if (vnkg_export_graphml(ctx, vg, out) != VNKG_SUCCESS) {
            die("vnkg_export_graphml");
        }
        t = now() - t;
        sum += t;
        best = t < best ? t : best;
    }
    report("vnkg", reps, file_size(out), best, sum);
    remove(out);

    igraph_set_attribute_table(&igraph_cattribute_table);
    for (int full = 0; full <= 1; ++full) {
        igraph_t g;
        build_igraph(vg, full, &g);
        snprintf(out, sizeof out, "%s/bench-igraph.graphml", dir);
        time_igraph(full ? "igraph-full" : "igraph-basic", &g, out, reps, 0);
        if (full) {
            time_igraph("igraph-full+fsync", &g, out, reps, 1);
        }
        remove(out);
        igraph_destroy(&g);
    }
    vnkg_graph_free(ctx, vg);
    vnkg_context_free(ctx);
    return 0;
}
