/* SPDX-License-Identifier: MIT */
/* The optional exporters: GEXF 1.3, SVG and report.md. Re-parses the XML
 * with libxml2 and checks it with XPath; failure paths, allocation
 * failures, determinism, and the independent clients of
 * tests/clients/check_extra.py on the files written here. */
#undef NDEBUG
#include "failalloc.h"
#include "testutil.h"

#include <vnkg/export.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <assert.h>
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define GEXF_NS "http://gexf.net/1.3"
#define VIZ_NS "http://gexf.net/1.3/viz"
#define SVG_NS "http://www.w3.org/2000/svg"

/* ---- a hand-built graph, freed by vnkg_graph_free --------------------- */

static const char bad_label[] = "A<&\"> |\x01 x\xff y";
static const char long_label[] = "Hội nghị trực tuyến giữa Thủ tướng Chính "
                                 "phủ với các Cơ quan đại diện";

static void
set_node(VnkgContext *ctx, VnkgNode *n, const char *id, const char *label,
         VnkgEntityType type, const char *sources, double pagerank)
{
    n->id = xdup(ctx, id);
    n->label = xdup(ctx, label);
    n->type = type;
    n->aliases = xdup(ctx, "");
    n->sources = xdup(ctx, sources);
    n->mentions = 2;
    n->documents = 1;
    n->degree = pagerank * 10;
    n->pagerank = pagerank;
    n->betweenness = pagerank / 2;
    n->eigenvector = NAN;
    n->community = 1;
    n->x = pagerank * 100;
    n->y = -pagerank * 50;
    n->size = 5 + pagerank * 100;
    vnkg_graph_type_colour(type, &n->r, &n->g, &n->b);
}

static void
set_edge(VnkgContext *ctx, VnkgEdge *e, size_t s, size_t t, VnkgRelation rel,
         const char *role, const char *first, const char *last)
{
    e->source = s;
    e->target = t;
    e->relation = rel;
    e->role = xdup(ctx, role);
    e->weight = 2;
    e->sources = xdup(ctx, "a1");
    e->evidence = xdup(ctx, "Bộ trưởng \"A\" \x02 phát biểu.");
    e->first_date = xdup(ctx, first);
    e->last_date = xdup(ctx, last);
}

static void
set_article(VnkgContext *ctx, VnkgArticle *a, const char *id, const char *date)
{
    a->id = xdup(ctx, id);
    a->date = xdup(ctx, date);
}

enum { N_NODES = 5, N_EDGES = 6 };

static VnkgGraph *
build_graph(VnkgContext *ctx)
{
    VnkgGraph *g = NULL;
    assert(vnkg_graph_new(ctx, &g) == VNKG_SUCCESS);
    g->n_nodes = N_NODES;
    g->nodes = vnkg_calloc(ctx, g->n_nodes, sizeof *g->nodes);
    g->n_edges = N_EDGES;
    g->edges = vnkg_calloc(ctx, g->n_edges, sizeof *g->edges);
    g->n_articles = 3;
    g->articles = vnkg_calloc(ctx, g->n_articles, sizeof *g->articles);
    assert(g->nodes && g->edges && g->articles);
    set_node(ctx, &g->nodes[0], "event/hoi-nghi", long_label, VNKG_TYPE_EVENT,
             "a1", 0.1);
    set_node(ctx, &g->nodes[1], "ministry/bo-cong-thuong", "Bộ Công Thương",
             VNKG_TYPE_MINISTRY, "a1|a2", 0.3);
    set_node(ctx, &g->nodes[2], "official/nguyen-hong-dien", "Nguyễn Hồng Diên",
             VNKG_TYPE_OFFICIAL, "a1|a2|a3", 0.3);
    set_node(ctx, &g->nodes[3], "partner/x-y", bad_label, VNKG_TYPE_PARTNER,
             "zz", 0.2);
    set_node(ctx, &g->nodes[4], "province/ha-giang", "Hà Giang",
             VNKG_TYPE_PROVINCE, "a3", 0.1);
    g->nodes[4].community = 2;
    set_edge(ctx, &g->edges[0], 0, 4, VNKG_REL_LOCATED_IN, NULL, "2025-07-18",
             "2025-07-18");
    set_edge(ctx, &g->edges[1], 2, 1, VNKG_REL_HOLDS_OFFICE, "Bộ trưởng",
             "2025-01-10", "2025-07-22");
    set_edge(ctx, &g->edges[2], 2, 1, VNKG_REL_CO_MENTION, NULL, "2025-07-18",
             "2025-07-22");
    set_edge(ctx, &g->edges[3], 2, 3, VNKG_REL_CO_MENTION, NULL, NULL, NULL);
    set_edge(ctx, &g->edges[4], 2, 4, VNKG_REL_REPRESENTS, NULL, "2025-07-18",
             "2025-07-18");
    set_edge(ctx, &g->edges[5], 2, 0, VNKG_REL_ATTENDS, NULL, "2025-07-18",
             "2025-07-18");
    set_article(ctx, &g->articles[0], "a1", "2025-07-18");
    set_article(ctx, &g->articles[1], "a2", "2025-07-22");
    set_article(ctx, &g->articles[2], "a3", NULL);
    g->modularity = 0.125;
    g->n_communities = 2;
    g->n_components = 1;
    return g;
}

/* ---- file helpers ------------------------------------------------------ */

static int
exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static int
count_temps(const char *dir)
{
    DIR *d = opendir(dir);
    assert(d);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        n += strstr(e->d_name, ".tmp.") != NULL;
    }
    closedir(d);
    return n;
}

static void
join(char *out, size_t cap, const char *dir, const char *name)
{
    int n = snprintf(out, cap, "%s/%s", dir, name);
    assert(n > 0 && (size_t)n < cap);
}

/* ---- XPath ------------------------------------------------------------- */

typedef struct {
    xmlDocPtr doc;
    xmlXPathContextPtr xp;
} Parsed;

static Parsed
parse(const char *path)
{
    Parsed p;
    p.doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
    assert(p.doc);
    p.xp = xmlXPathNewContext(p.doc);
    assert(p.xp);
    assert(xmlXPathRegisterNs(p.xp, BAD_CAST "g", BAD_CAST GEXF_NS) == 0);
    assert(xmlXPathRegisterNs(p.xp, BAD_CAST "viz", BAD_CAST VIZ_NS) == 0);
    assert(xmlXPathRegisterNs(p.xp, BAD_CAST "s", BAD_CAST SVG_NS) == 0);
    return p;
}

static void
parsed_free(Parsed *p)
{
    xmlXPathFreeContext(p->xp);
    xmlFreeDoc(p->doc);
}

static size_t
count(Parsed *p, const char *expr)
{
    xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST expr, p->xp);
    assert(r);
    size_t n = r->nodesetval ? (size_t)r->nodesetval->nodeNr : 0;
    xmlXPathFreeObject(r);
    return n;
}

static void
expect(Parsed *p, const char *expr, size_t want)
{
    size_t got = count(p, expr);
    if (got != want) {
        fprintf(stderr, "%s: got %zu, want %zu\n", expr, got, want);
        assert(0);
    }
}

static char *
string_of(Parsed *p, const char *expr)
{
    xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST expr, p->xp);
    assert(r && r->stringval);
    char *s = strdup((const char *)r->stringval);
    assert(s);
    xmlXPathFreeObject(r);
    return s;
}

/* ---- GEXF -------------------------------------------------------------- */

static void
check_gexf_edges(Parsed *p)
{
    expect(p, "//g:edges/g:edge", N_EDGES);
    expect(p, "//g:edge[not(@kind) or not(@label) or @kind!=@label]", 0);
    expect(p,
           "//g:edge[@id='e1' and @kind='holds_office' and "
           "@source='official/nguyen-hong-dien' and "
           "@target='ministry/bo-cong-thuong' and @weight='2' and "
           "@start='2025-01-10' and @end='2025-07-22']",
           1);
    expect(p, "//g:edge[@id='e2' and @kind='co_mention']", 1);
    expect(p, "//g:edge[@id='e3' and not(@start) and not(@end)]", 1);
    expect(p, "//g:edge[@start]", N_EDGES - 1);
    expect(p,
           "//g:edge[@id='e1']/g:attvalues/g:attvalue[@for='role' and "
           "@value='Bộ trưởng']",
           1);
    expect(p,
           "//g:edge[@id='e1']/g:attvalues/g:attvalue[@for='relation' and "
           "@value='holds_office']",
           1);
    expect(p, "//g:attributes[@class='edge']/g:attribute[@id='relation']", 1);
}

static void
check_gexf_nodes(Parsed *p)
{
    expect(p, "//g:nodes/g:node", N_NODES);
    /* spans: articles' dates, widened to the edges' dates */
    expect(p,
           "//g:node[@id='official/nguyen-hong-dien' and "
           "@start='2025-01-10' and @end='2025-07-22']",
           1);
    expect(p,
           "//g:node[@id='event/hoi-nghi' and @start='2025-07-18' and "
           "@end='2025-07-18']",
           1);
    expect(p,
           "//g:node[@id='province/ha-giang' and @start='2025-07-18' and "
           "@end='2025-07-18']",
           1);
    expect(p, "//g:node[@id='partner/x-y' and not(@start) and not(@end)]", 1);
    expect(p,
           "//g:node[@id='ministry/bo-cong-thuong']/viz:color[@r='0' and "
           "@g='114' and @b='178']",
           1);
    expect(p, "//g:node/viz:position[@x and @y]", N_NODES);
    expect(p, "//g:node/viz:size[@value]", N_NODES);
    expect(p,
           "//g:node[@id='ministry/bo-cong-thuong']/g:attvalues/"
           "g:attvalue[@for='type' and @value='ministry']",
           1);
    /* empty aliases and NaN eigenvector are omitted */
    expect(p, "//g:attvalue[@for='aliases' or @for='eigenvector']", 0);
    char *label = string_of(p, "string(//g:node[@id='partner/x-y']/@label)");
    assert(strncmp(label, "A<&\">", 5) == 0 && !strchr(label, '\x01'));
    free(label);
}

static void
check_gexf(const char *path)
{
    Parsed p = parse(path);
    expect(&p, "/g:gexf[@version='1.3']", 1);
    expect(&p,
           "/g:gexf/g:graph[@mode='dynamic' and @defaultedgetype='directed' "
           "and @timeformat='date']",
           1);
    check_gexf_nodes(&p);
    check_gexf_edges(&p);
    parsed_free(&p);
}

/* ---- SVG --------------------------------------------------------------- */

static void
check_svg(const char *path, size_t circles, size_t typed, size_t grey)
{
    Parsed p = parse(path);
    expect(&p, "/s:svg[@width='1200' and @height='900']", 1);
    expect(&p, "//s:circle", circles);
    expect(&p, "//s:g[@id='labels']/s:text", circles);
    expect(&p, "//s:g[@id='labels' and @paint-order='stroke']", 1);
    expect(&p, "//s:g[@id='edges']/s:line[@class='relation']/s:title", typed);
    expect(&p, "//s:g[@id='edges']/s:line[@class='co_mention']", grey);
    expect(&p, "//s:g[@id='legend']/s:rect[@class='swatch']", VNKG_TYPE_COUNT);
    expect(&p, "//s:g[@id='legend']/s:text[.='official (1)']", 1);
    expect(&p, "//s:g[@id='legend']/s:text[.='agreement (0)']", 1);
    expect(&p, "//s:rect[@class='swatch' and @fill='#d55e00']", 1);
    parsed_free(&p);
}

static void
check_svg_details(const char *path)
{
    Parsed p = parse(path);
    /* one line per pair: holds_office and co_mention share one */
    expect(&p,
           "//s:line[@class='relation']/s:title[contains(., "
           "'Nguyễn Hồng Diên holds_office (Bộ trưởng) → Bộ Công "
           "Thương')]",
           1);
    expect(&p, "//s:line/s:title[contains(., 'co_mention →')]", 1);
    expect(&p, "//s:circle[@fill='#000000']/s:title[contains(., 'Cơ quan')]",
           1);
    /* the long label is shortened; the tooltip keeps it whole */
    expect(&p, "//s:g[@id='labels']/s:text[contains(., '…')]", 1);
    /* ties by id: the ministry outranks the official, both are bold */
    expect(&p, "//s:g[@id='labels']/s:text[@font-weight='bold']", N_NODES);
    char *heading = string_of(&p, "string(//s:g[@id='heading']/s:text[1])");
    assert(strstr(heading, "top 5 of 5 entities"));
    assert(strstr(heading, "5 of 6 relations"));
    free(heading);
    parsed_free(&p);
}

/* ---- report.md --------------------------------------------------------- */

static void
check_report(const char *path)
{
    char *text = slurp(path);
    const char *want[] = {
        "# vnkg report\n\nParameters: seed 42; relations all; types all; "
        "betweenness exact\n",
        "\n## Counts\n",
        "| articles | 3 |\n",
        "| articles with a date | 2 |\n",
        "| entities (nodes) | 5 |\n",
        "| relations (edges) | 6 |\n",
        "Article dates: 2025-07-18 to 2025-07-22.\n",
        "\n### Entities by type\n",
        "| official | 1 |\n",
        "| agreement | 0 |\n",
        "\n### Relations by type\n",
        "| co_mention | 2 | 4 |\n",
        "\n## Structure\n\n- Modularity: 0.1250\n- Communities: 2\n"
        "- Connected components: 1\n",
        "\n## Top entities by type\n",
        "\n### official (1)\n",
        "| 1 | Nguyễn Hồng Diên (0.3000) | Nguyễn Hồng Diên (0.15) | "
        "Nguyễn Hồng Diên (3) |\n",
        "A\\<&\"\\> \\|",
        "\n## Largest communities\n",
        "\n### Community 1 (4 members)\n",
        "| 1 | Bộ Công Thương | ministry | 0.3000 |\n"
        "| 2 | Nguyễn Hồng Diên | official | 0.3000 |\n",
        "\n### Community 2 (1 member)\n",
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; ++i) {
        if (!strstr(text, want[i])) {
            fprintf(stderr, "report.md lacks [%s]\n%s", want[i], text);
            assert(0);
        }
    }
    assert(!strchr(text, '\x01') && !strstr(text, "\xff"));
    free(text);
}

/* ---- writing ----------------------------------------------------------- */

static const char params[] = "seed 42; relations all; types all; "
                             "betweenness exact";

static VnkgStatus
write_extra(VnkgContext *ctx, const VnkgGraph *g, const char *dir, size_t top)
{
    char p[4096];
    join(p, sizeof p, dir, "graph.gexf");
    VNKG_TRY(vnkg_export_gexf(ctx, g, p));
    join(p, sizeof p, dir, "graph.svg");
    VNKG_TRY(vnkg_export_svg(ctx, g, top, p));
    join(p, sizeof p, dir, "report.md");
    return vnkg_export_report(ctx, g, params, p);
}

/* Every file is the same when written again. */
static void
check_deterministic(VnkgContext *ctx, const VnkgGraph *g, const char *dir)
{
    static const char *const names[] = {"graph.gexf", "graph.svg", "report.md"};
    char *first[3];
    char p[4096];
    for (int i = 0; i < 3; ++i) {
        join(p, sizeof p, dir, names[i]);
        first[i] = slurp(p);
    }
    assert(write_extra(ctx, g, dir, 0) == VNKG_SUCCESS);
    for (int i = 0; i < 3; ++i) {
        join(p, sizeof p, dir, names[i]);
        char *again = slurp(p);
        assert(strcmp(first[i], again) == 0);
        free(again);
        free(first[i]);
    }
}

/* Runs the independent clients unless /usr/bin/python3 is missing. */
static void
run_clients(const char *dir)
{
    if (access("/usr/bin/python3", X_OK) != 0) {
        printf("test_export_extra: no /usr/bin/python3, clients skipped\n");
        return;
    }
    char cmd[8192];
    int n = snprintf(cmd, sizeof cmd,
                     "/usr/bin/python3 '%s/tests/clients/check_extra.py' '%s'",
                     VNKG_TEST_SOURCE_DIR, dir);
    assert(n > 0 && (size_t)n < sizeof cmd);
    fflush(stdout);
    int rc = system(cmd);
    assert(rc != -1 && WIFEXITED(rc));
    if (WEXITSTATUS(rc) == 77) {
        printf("test_export_extra: a client is missing, clients skipped\n");
        return;
    }
    assert(WEXITSTATUS(rc) == 0);
}

static void
test_write_all(const char *tmpdir)
{
    VnkgContext *ctx = new_ctx();
    VnkgGraph *g = build_graph(ctx);
    char dir[4096], p[4096];
    join(dir, sizeof dir, tmpdir, "out");
    assert(mkdir(dir, 0755) == 0);
    assert(write_extra(ctx, g, dir, 0) == VNKG_SUCCESS);
    assert(count_temps(dir) == 0);
    join(p, sizeof p, dir, "graph.gexf");
    check_gexf(p);
    join(p, sizeof p, dir, "graph.svg");
    /* pairs: event-province, official-ministry (2 edges), official-partner
     * (co_mention), official-province, official-event */
    check_svg(p, N_NODES, 4, 1);
    check_svg_details(p);
    join(p, sizeof p, dir, "report.md");
    check_report(p);
    check_deterministic(ctx, g, dir);
    /* the clients compare the GEXF with the GraphML */
    join(p, sizeof p, dir, "graph.graphml");
    assert(vnkg_export_graphml(ctx, g, p) == VNKG_SUCCESS);
    run_clients(dir);
    vnkg_graph_free(ctx, g);
    vnkg_context_free(ctx);
}

/* top 3 by PageRank: ministry and official (0.3, ties by id), partner. */
static void
test_svg_top_n(const char *tmpdir)
{
    VnkgContext *ctx = new_ctx();
    VnkgGraph *g = build_graph(ctx);
    char p[4096];
    join(p, sizeof p, tmpdir, "top3.svg");
    assert(vnkg_export_svg(ctx, g, 3, p) == VNKG_SUCCESS);
    check_svg(p, 3, 1, 1);
    Parsed x = parse(p);
    expect(&x, "//s:circle/s:title[starts-with(., 'Hà Giang')]", 0);
    expect(&x, "//s:circle/s:title[starts-with(., 'Bộ Công Thương')]", 1);
    parsed_free(&x);
    join(p, sizeof p, tmpdir, "top100.svg");
    assert(vnkg_export_svg(ctx, g, 100, p) == VNKG_SUCCESS);
    check_svg(p, N_NODES, 4, 1);
    vnkg_graph_free(ctx, g);
    vnkg_context_free(ctx);
}

static void
test_empty_graph(const char *tmpdir)
{
    VnkgContext *ctx = new_ctx();
    VnkgGraph *g = NULL;
    assert(vnkg_graph_new(ctx, &g) == VNKG_SUCCESS);
    char dir[4096], p[4096];
    join(dir, sizeof dir, tmpdir, "empty");
    assert(mkdir(dir, 0755) == 0);
    assert(write_extra(ctx, g, dir, 10) == VNKG_SUCCESS);
    join(p, sizeof p, dir, "graph.gexf");
    Parsed x = parse(p);
    expect(&x, "//g:node", 0);
    expect(&x, "//g:graph[@mode='dynamic']", 1);
    parsed_free(&x);
    join(p, sizeof p, dir, "graph.svg");
    x = parse(p);
    expect(&x, "//s:circle", 0);
    expect(&x, "//s:rect[@class='swatch']", VNKG_TYPE_COUNT);
    parsed_free(&x);
    join(p, sizeof p, dir, "report.md");
    char *text = slurp(p);
    assert(strstr(text, "## Largest communities\n\nNo entities.\n"));
    free(text);
    assert(vnkg_export_report(ctx, g, NULL, p) == VNKG_SUCCESS);
    text = slurp(p);
    assert(!strstr(text, "Parameters"));
    free(text);
    vnkg_graph_free(ctx, g);
    vnkg_context_free(ctx);
}

/* ---- failure paths ----------------------------------------------------- */

static void
test_unwritable_path(void)
{
    VnkgContext *ctx = new_ctx();
    VnkgGraph *g = build_graph(ctx);
    assert(vnkg_export_gexf(ctx, g, "/nonexistent/x") == VNKG_ERR_IO);
    assert(strstr(last_diag, "/nonexistent/x"));
    assert(vnkg_export_svg(ctx, g, 10, "/nonexistent/x") == VNKG_ERR_IO);
    assert(vnkg_export_report(ctx, g, params, "/nonexistent/x") == VNKG_ERR_IO);
    assert(!exists("/nonexistent"));
    vnkg_graph_free(ctx, g);
    vnkg_context_free(ctx);
}

/* ---- allocation failures ------------------------------------------------ */

static void
test_alloc_failures(const char *tmpdir)
{
    VnkgContext *gctx = new_ctx();
    VnkgGraph *g = build_graph(gctx);
    char dir[4096];
    join(dir, sizeof dir, tmpdir, "oom");
    assert(mkdir(dir, 0755) == 0);
    FailAlloc fa = {0, 0, 0};
    VnkgAllocator alloc = {fa_malloc, fa_realloc, fa_free, &fa};
    VnkgStatus st = VNKG_ERR_NO_MEMORY;
    long n;
    for (n = 0; st == VNKG_ERR_NO_MEMORY && n < 100000; ++n) {
        fa.fail_at = -1; /* the context itself does not fail */
        fa.count = 0;
        VnkgContext *ctx = NULL;
        assert(vnkg_context_new_with(&ctx, &alloc) == VNKG_SUCCESS);
        vnkg_context_set_diag(ctx, capture, NULL);
        fa.fail_at = n;
        st = write_extra(ctx, g, dir, 3);
        assert(st == VNKG_SUCCESS || st == VNKG_ERR_NO_MEMORY);
        vnkg_context_free(ctx);
        assert(fa.live == 0);
        assert(count_temps(dir) == 0);
    }
    assert(st == VNKG_SUCCESS && n > 20);
    vnkg_graph_free(gctx, g);
    vnkg_context_free(gctx);
}

static void
remove_tree(const char *dir)
{
    char cmd[8192];
    int n = snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert(n > 0 && (size_t)n < sizeof cmd);
    assert(system(cmd) == 0);
}

int
main(void)
{
    xmlInitParser();
    char tmpdir[] = "/tmp/vnkg-test-export-extra-XXXXXX";
    assert(mkdtemp(tmpdir));
    test_write_all(tmpdir);
    test_svg_top_n(tmpdir);
    test_empty_graph(tmpdir);
    test_unwritable_path();
    test_alloc_failures(tmpdir);
    if (getenv("VNKG_KEEP_TEST_OUTPUT")) {
        printf("test_export_extra: output kept in %s\n", tmpdir);
    } else {
        remove_tree(tmpdir);
    }
    xmlCleanupParser();
    printf("test_export_extra: all tests passed\n");
    return 0;
}
