/* SPDX-License-Identifier: MIT */
/* Exporters: GraphML, RDF/XML, CSV/TSV; atomic output and its failure
 * paths; allocation failures; the independent clients of
 * tests/clients/check_outputs.py on the files written here. */
#undef NDEBUG
#include "../../src/export/export_internal.h"
#include "failalloc.h"
#include "testutil.h"

#include <vnkg/export.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- a hand-built graph, freed by vnkg_graph_free --------------------- */

static const char bad_label[] = "A<&\"> \x01 x\xff\xfe y";

static void
set_node(VnkgContext *ctx, VnkgNode *n, const char *id, const char *label,
         VnkgEntityType type, const char *aliases)
{
    n->id = xdup(ctx, id);
    n->label = xdup(ctx, label);
    n->type = type;
    n->aliases = xdup(ctx, aliases);
    n->sources = xdup(ctx, "a1|a2");
    n->mentions = 3;
    n->documents = 2;
    n->degree = 2;
    n->in_degree = 1;
    n->out_degree = 1;
    n->strength = 3.5;
    n->pagerank = 0.25;
    n->betweenness = 1.5;
    n->harmonic = 0.75;
    n->eigenvector = 1.0 / 3.0;
    n->component = 0;
    n->community = 1;
    n->x = 12.5;
    n->y = -3.25;
    n->size = 10;
    n->r = 230;
    n->g = 159;
    n->b = 0;
}

static void
set_edge(VnkgContext *ctx, VnkgEdge *e, size_t s, size_t t, VnkgRelation rel,
         const char *role, double weight)
{
    e->source = s;
    e->target = t;
    e->relation = rel;
    e->role = xdup(ctx, role);
    e->weight = weight;
    e->sources = xdup(ctx, "a1|a2");
    e->evidence =
        xdup(ctx, "Bộ trưởng Nguyễn Hồng Diên, \"A, B\"\n phát biểu.");
    e->first_date = xdup(ctx, "2025-01-10");
    e->last_date = xdup(ctx, "2025-07-22");
}

static VnkgGraph *
build_graph(VnkgContext *ctx)
{
    VnkgGraph *g = NULL;
    assert(vnkg_graph_new(ctx, &g) == VNKG_SUCCESS);
    g->n_nodes = 4;
    g->nodes = vnkg_calloc(ctx, g->n_nodes, sizeof *g->nodes);
    g->n_edges = 3;
    g->edges = vnkg_calloc(ctx, g->n_edges, sizeof *g->edges);
    g->n_articles = 2;
    g->articles = vnkg_calloc(ctx, g->n_articles, sizeof *g->articles);
    assert(g->nodes && g->edges && g->articles);
    set_node(ctx, &g->nodes[0], "ministry/bo-cong-thuong", "Bộ Công Thương",
             VNKG_TYPE_MINISTRY, "Bộ CT|Bộ Công Thương|MOIT");
    set_node(ctx, &g->nodes[1], "official/nguyen-hong-dien", "Nguyễn Hồng Diên",
             VNKG_TYPE_OFFICIAL, "");
    set_node(ctx, &g->nodes[2], "partner/x-y", bad_label, VNKG_TYPE_PARTNER,
             "X|Y, \"Z\"");
    g->nodes[2].eigenvector = NAN;
    set_node(ctx, &g->nodes[3], "province/ha-giang", "Hà Giang",
             VNKG_TYPE_PROVINCE, "");
    g->nodes[3].merged_into = xdup(ctx, "province/tuyen-quang");
    g->nodes[3].valid_until = xdup(ctx, "2025-06-30");
    set_edge(ctx, &g->edges[0], 1, 0, VNKG_REL_HOLDS_OFFICE, "Bộ trưởng", 2);
    set_edge(ctx, &g->edges[1], 1, 2, VNKG_REL_CO_MENTION, NULL, 2);
    set_edge(ctx, &g->edges[2], 1, 3, VNKG_REL_REPRESENTS, NULL, 1);
    g->articles[0].id = xdup(ctx, "a1");
    g->articles[0].url = xdup(ctx, "https://example.vn/tin/a1.html");
    g->articles[0].title = xdup(ctx, "Ngoại giao kinh tế \x02 2025");
    g->articles[0].date = xdup(ctx, "2025-07-22");
    g->articles[1].id = xdup(ctx, "a2");
    g->articles[1].url = xdup(ctx, "not a url <x>");
    return g;
}

/* ---- file helpers ------------------------------------------------------ */

static void
spew(const char *path, const char *text)
{
    FILE *fp = fopen(path, "wb");
    assert(fp);
    assert(fputs(text, fp) >= 0);
    assert(fclose(fp) == 0);
}

static int
exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* Number of entries of `dir` whose name contains ".tmp.". */
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

static void
first_line(const char *path, char *out, size_t cap)
{
    FILE *fp = fopen(path, "rb");
    assert(fp);
    assert(fgets(out, (int)cap, fp));
    fclose(fp);
}

/* ---- helpers ----------------------------------------------------------- */

static void
check_num(double v, const char *want)
{
    char buf[VNKG_EXPORT_NUM_CAP];
    size_t n = vnkg_export_format_double(v, buf);
    if (strcmp(buf, want) != 0 || n != strlen(want)) {
        fprintf(stderr, "format %g: got [%s] want [%s]\n", v, buf, want);
        assert(0);
    }
}

static void
test_format_double(void)
{
    check_num(0.25, "0.25");
    check_num(3, "3");
    check_num(-0.0, "0");
    check_num(-3.25, "-3.25");
    check_num(1.0 / 3.0, "0.3333333333");
    check_num(1.5e-12, "1.5e-12");
    check_num(NAN, "");
    check_num(INFINITY, "");
    /* A decimal-comma locale must not leak into the output. */
    if (setlocale(LC_NUMERIC, "vi_VN.UTF-8") ||
        setlocale(LC_NUMERIC, "de_DE.UTF-8")) {
        check_num(0.25, "0.25");
        setlocale(LC_NUMERIC, "C");
    }
}

static void
test_pct_encode(void)
{
    VnkgContext *ctx = new_ctx();
    VnkgExportBuf buf = {0};
    assert(vnkg_export_pct_encode(ctx, &buf, "province/cao-bang_1.x~") ==
           VNKG_SUCCESS);
    assert(strcmp(buf.ptr, "province/cao-bang_1.x~") == 0);
    vnkg_export_buf_reset(&buf);
    assert(vnkg_export_pct_encode(ctx, &buf, "a b%\xC3\xBA#|") == VNKG_SUCCESS);
    assert(strcmp(buf.ptr, "a%20b%25%C3%BA%23%7C") == 0);
    vnkg_export_buf_clear(ctx, &buf);
    vnkg_context_free(ctx);
}

static void
test_is_date(void)
{
    assert(vnkg_export_is_date("2025-06-30"));
    assert(vnkg_export_is_date("2024-02-29"));
    assert(!vnkg_export_is_date("2025-02-29"));
    assert(!vnkg_export_is_date("1900-02-29"));
    assert(vnkg_export_is_date("2000-02-29"));
    assert(!vnkg_export_is_date("2025-13-01"));
    assert(!vnkg_export_is_date("2025-7-22"));
    assert(!vnkg_export_is_date(NULL));
}

/* ---- writing every format ---------------------------------------------- */

static VnkgStatus
write_all(VnkgContext *ctx, const VnkgGraph *g, const char *dir)
{
    char p[4096];
    join(p, sizeof p, dir, "graph.graphml");
    VNKG_TRY(vnkg_export_graphml(ctx, g, p));
    join(p, sizeof p, dir, "graph.rdf");
    VNKG_TRY(vnkg_export_rdfxml(ctx, g, NULL, p));
    join(p, sizeof p, dir, "nodes.csv");
    VNKG_TRY(vnkg_export_nodes_csv(ctx, g, p));
    join(p, sizeof p, dir, "edges.csv");
    VNKG_TRY(vnkg_export_edges_csv(ctx, g, p));
    join(p, sizeof p, dir, "centrality.tsv");
    return vnkg_export_centrality_tsv(ctx, g, p);
}

static xmlXPathObjectPtr
xpath(xmlXPathContextPtr xp, const char *expr)
{
    xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST expr, xp);
    assert(r);
    return r;
}

static size_t
xpath_count(xmlXPathContextPtr xp, const char *expr)
{
    xmlXPathObjectPtr r = xpath(xp, expr);
    size_t n = r->nodesetval ? (size_t)r->nodesetval->nodeNr : 0;
    xmlXPathFreeObject(r);
    return n;
}

static void
check_graphml(const char *path)
{
    xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
    assert(doc);
    xmlXPathContextPtr xp = xmlXPathNewContext(doc);
    assert(xmlXPathRegisterNs(xp, BAD_CAST "g",
                              BAD_CAST "http://graphml.graphdrawing.org/"
                                       "xmlns") == 0);
    assert(xpath_count(xp, "/g:graphml/g:key[@for='all']") == 0);
    assert(xpath_count(xp, "//g:key[@id='label' and @for='node' and "
                           "@attr.type='string']") == 1);
    assert(xpath_count(xp, "//g:key[@id='e_sources' and @for='edge' and "
                           "@attr.name='sources']") == 1);
    assert(xpath_count(xp, "//g:key[@id='r' and @attr.type='int']") == 1);
    assert(xpath_count(xp, "//g:graph[@id='G' and "
                           "@edgedefault='directed']") == 1);
    assert(xpath_count(xp, "//g:node") == 4);
    assert(xpath_count(xp, "//g:node[@id='province/ha-giang']") == 1);
    assert(xpath_count(xp, "//g:edge[@id='e0' and @label='holds_office' and "
                           "@source='official/nguyen-hong-dien' and "
                           "@target='ministry/bo-cong-thuong']") == 1);
    assert(xpath_count(xp, "//g:edge[@label='co_mention']") == 1);
    /* empty aliases and NaN eigenvector are omitted */
    assert(xpath_count(xp, "//g:node[@id='official/nguyen-hong-dien']/"
                           "g:data[@key='aliases']") == 0);
    assert(xpath_count(xp, "//g:node[@id='partner/x-y']/"
                           "g:data[@key='eigenvector']") == 0);
    assert(xpath_count(xp, "//g:node[@id='ministry/bo-cong-thuong']/"
                           "g:data[@key='eigenvector' and "
                           ".='0.3333333333']") == 1);
    /* the label survives escaping; the control char and bad bytes don't */
    xmlXPathObjectPtr r =
        xpath(xp, "string(//g:node[@id='partner/x-y']/g:data[@key='label'])");
    assert(r->stringval);
    assert(strncmp((const char *)r->stringval, "A<&\">", 5) == 0);
    assert(!strchr((const char *)r->stringval, '\x01'));
    xmlXPathFreeObject(r);
    xmlXPathFreeContext(xp);
    xmlFreeDoc(doc);
}

static void
check_rdf(const char *path)
{
    xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
    assert(doc);
    xmlFreeDoc(doc);
    char *text = slurp(path);
    const char *want[] = {
        "rdf:about=\"https://vnkg.example.org/id/official/nguyen-hong-dien\"",
        "<rdf:type rdf:resource=\"http://xmlns.com/foaf/0.1/Person\"/>",
        "rdf:resource=\"http://www.w3.org/ns/org#Membership\"",
        "id/membership/official/nguyen-hong-dien/ministry/bo-cong-thuong/"
        "bo-truong\"",
        "<vnkg:holdsOffice rdf:resource=\"https://vnkg.example.org/id/"
        "ministry/bo-cong-thuong\"/>",
        "id/comention/official/nguyen-hong-dien/partner/x-y\"",
        "rdf:resource=\"http://www.w3.org/ns/org#ChangeEvent\"",
        ">2025-07-01T00:00:00+07:00</prov:startedAtTime>",
        "<skos:altLabel xml:lang=\"vi\">MOIT</skos:altLabel>",
        "<schema:url rdf:resource=\"https://example.vn/tin/a1.html\"/>",
        "<schema:url>not a url &lt;x&gt;</schema:url>",
        "id/activity/run\"",
        "prov#SoftwareAgent\"",
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; ++i) {
        if (!strstr(text, want[i])) {
            fprintf(stderr, "graph.rdf lacks %s\n", want[i]);
            assert(0);
        }
    }
    /* never an altLabel equal to the prefLabel, never rdf:ID */
    assert(!strstr(text, "<skos:altLabel xml:lang=\"vi\">Bộ Công Thương<"));
    assert(!strstr(text, "rdf:ID"));
    assert(!strchr(text, '\x01') && !strchr(text, '\x02'));
    free(text);
}

static void
check_headers_only(const char *dir)
{
    static const struct {
        const char *file;
        const char *header;
    } want[] = {
        {"nodes.csv",
         "Id,Label,type,aliases,mentions,documents,degree,in_degree,"
         "out_degree,strength,pagerank,betweenness,harmonic,eigenvector,"
         "component,community,merged_into,valid_until\n"},
        {"edges.csv", "Id,Source,Target,Type,Kind,Label,relation,role,Weight,"
                      "sources,evidence,first_date,last_date,inferred\n"},
        {"centrality.tsv",
         "id\tlabel\ttype\tdegree\tin_degree\tout_degree\tstrength\t"
         "pagerank\tbetweenness\tharmonic\teigenvector\tcomponent\t"
         "community\n"},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; ++i) {
        char p[4096], line[1024];
        join(p, sizeof p, dir, want[i].file);
        first_line(p, line, sizeof line);
        assert(strcmp(line, want[i].header) == 0);
    }
}

static void
check_headers(const char *dir)
{
    check_headers_only(dir);
    char p[4096];
    join(p, sizeof p, dir, "edges.csv");
    char *text = slurp(p);
    assert(strstr(text, "\ne0,official/nguyen-hong-dien,ministry/"
                        "bo-cong-thuong,Directed,holds_office,holds_office,"
                        "holds_office,Bộ trưởng,2,a1|a2,"
                        "\"Bộ trưởng Nguyễn Hồng Diên, \"\"A, B\"\"\n"
                        " phát biểu.\",2025-01-10,2025-07-22,false\n"));
    assert(!strstr(text, "\r"));
    free(text);
    join(p, sizeof p, dir, "nodes.csv");
    text = slurp(p);
    assert(strstr(text, "\npartner/x-y,\"A<&\"\"> "));
    assert(strstr(text, ",\"X|Y, \"\"Z\"\"\","));
    assert(strstr(text, ",province/tuyen-quang,2025-06-30\n"));
    free(text);
}

/* Runs the independent clients unless /usr/bin/python3 is missing. */
static void
run_clients(const char *dir)
{
    if (access("/usr/bin/python3", X_OK) != 0) {
        printf("test_export: /usr/bin/python3 missing, clients skipped\n");
        return;
    }
    char cmd[8192];
    int n = snprintf(cmd, sizeof cmd,
                     "/usr/bin/python3 '%s/tests/clients/check_outputs.py' "
                     "--expect-offices '%s'",
                     VNKG_TEST_SOURCE_DIR, dir);
    assert(n > 0 && (size_t)n < sizeof cmd);
    fflush(stdout);
    int rc = system(cmd);
    assert(rc != -1 && WIFEXITED(rc));
    if (WEXITSTATUS(rc) == 77) {
        printf("test_export: a client is not installed, clients skipped\n");
        return;
    }
    assert(WEXITSTATUS(rc) == 0);
}

static void
test_write_all(const char *tmpdir)
{
    VnkgContext *ctx = new_ctx();
    VnkgGraph *g = build_graph(ctx);
    char dir[4096];
    join(dir, sizeof dir, tmpdir, "out");
    assert(mkdir(dir, 0755) == 0);
    assert(write_all(ctx, g, dir) == VNKG_SUCCESS);
    assert(count_temps(dir) == 0);
    char p[4096];
    join(p, sizeof p, dir, "graph.graphml");
    check_graphml(p);
    struct stat st;
    mode_t mask = umask(022);
    umask(mask);
    assert(stat(p, &st) == 0 && (st.st_mode & 0777) == (0644 & ~mask));
    join(p, sizeof p, dir, "graph.rdf");
    check_rdf(p);
    /* deterministic: a second run writes the same bytes */
    char *first = slurp(p);
    assert(vnkg_export_rdfxml(ctx, g, NULL, p) == VNKG_SUCCESS);
    char *second = slurp(p);
    assert(strcmp(first, second) == 0);
    free(first);
    free(second);
    check_headers(dir);
    run_clients(dir);
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
    assert(write_all(ctx, g, dir) == VNKG_SUCCESS);
    join(p, sizeof p, dir, "graph.graphml");
    xmlDocPtr doc = xmlReadFile(p, NULL, XML_PARSE_NONET);
    assert(doc);
    xmlFreeDoc(doc);
    join(p, sizeof p, dir, "graph.rdf");
    doc = xmlReadFile(p, NULL, XML_PARSE_NONET);
    assert(doc);
    xmlFreeDoc(doc);
    check_headers_only(dir);
    vnkg_graph_free(ctx, g);
    vnkg_context_free(ctx);
}

static void
test_base_iri(const char *tmpdir)
{
    VnkgContext *ctx = new_ctx();
    VnkgGraph *g = build_graph(ctx);
    char p[4096];
    join(p, sizeof p, tmpdir, "base.rdf");
    assert(vnkg_export_rdfxml(ctx, g, "not an iri", p) == VNKG_ERR_BAD_ARG);
    assert(!exists(p));
    assert(vnkg_export_rdfxml(ctx, g, "http://kg.test/x#", p) == VNKG_SUCCESS);
    char *text = slurp(p);
    assert(strstr(text, "rdf:about=\"http://kg.test/x#province/ha-giang\""));
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
    assert(vnkg_export_graphml(ctx, g, "/nonexistent/dir/x.graphml") ==
           VNKG_ERR_IO);
    assert(strstr(last_diag, "/nonexistent/dir/x.graphml"));
    assert(strstr(last_diag, "No such file"));
    assert(!exists("/nonexistent/dir"));
    vnkg_graph_free(ctx, g);
    vnkg_context_free(ctx);
}

/* A directory without write permission: no temp file, the target stays. */
static void
test_readonly_dir(const char *tmpdir)
{
    if (geteuid() == 0) {
        printf("test_export: running as root, read-only dir test skipped\n");
        return;
    }
    VnkgContext *ctx = new_ctx();
    VnkgGraph *g = build_graph(ctx);
    char dir[4096], p[4096];
    join(dir, sizeof dir, tmpdir, "ro");
    assert(mkdir(dir, 0755) == 0);
    join(p, sizeof p, dir, "graph.graphml");
    spew(p, "old");
    assert(chmod(dir, 0500) == 0);
    assert(vnkg_export_graphml(ctx, g, p) == VNKG_ERR_IO);
    assert(chmod(dir, 0755) == 0);
    char *text = slurp(p);
    assert(strcmp(text, "old") == 0);
    free(text);
    assert(count_temps(dir) == 0);
    vnkg_graph_free(ctx, g);
    vnkg_context_free(ctx);
}

/* rename(2) fails when the target is a non-empty directory: the temp file
 * is removed and the target is untouched (works as root too). */
static void
test_rename_fails(const char *tmpdir)
{
    VnkgContext *ctx = new_ctx();
    VnkgGraph *g = build_graph(ctx);
    char dir[4096], p[4096];
    join(dir, sizeof dir, tmpdir, "busy");
    assert(mkdir(dir, 0755) == 0);
    join(p, sizeof p, dir, "keep");
    spew(p, "x");
    assert(vnkg_export_nodes_csv(ctx, g, dir) == VNKG_ERR_WRITE);
    assert(strstr(last_diag, dir));
    assert(exists(p));
    assert(count_temps(tmpdir) == 0);
    vnkg_graph_free(ctx, g);
    vnkg_context_free(ctx);
}

static VnkgStatus
write_then_fail(VnkgContext *ctx, FILE *fp, const void *data)
{
    (void)ctx;
    (void)data;
    fputs("partial", fp);
    errno = ENOSPC;
    return VNKG_ERR_WRITE;
}

/* A writer that fails half-way leaves the old file and no temp file. */
static void
test_writer_fails(const char *tmpdir)
{
    VnkgContext *ctx = new_ctx();
    char p[4096];
    join(p, sizeof p, tmpdir, "old.csv");
    spew(p, "old contents\n");
    assert(vnkg_export_atomic(ctx, p, write_then_fail, NULL) == VNKG_ERR_WRITE);
    assert(strstr(last_diag, "No space left on device"));
    char *text = slurp(p);
    assert(strcmp(text, "old contents\n") == 0);
    free(text);
    assert(count_temps(tmpdir) == 0);
    vnkg_context_free(ctx);
}

static VnkgStatus
write_big_xml(VnkgContext *ctx, FILE *fp, const void *data)
{
    (void)data;
    xmlTextWriterPtr w = NULL;
    VNKG_TRY(vnkg_export_xml_open(ctx, fp, &w));
    VnkgStatus st = VNKG_SUCCESS;
    if (xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL) < 0 ||
        xmlTextWriterStartElement(w, BAD_CAST "r") < 0) {
        st = VNKG_ERR_WRITE;
    }
    for (int i = 0; i < 20000 && st == VNKG_SUCCESS; ++i) {
        if (xmlTextWriterStartElement(w, BAD_CAST "e") < 0) {
            st = VNKG_ERR_WRITE;
        }
        if (st == VNKG_SUCCESS) {
            st = vnkg_export_xml_text(ctx, w, "Bộ Công Thương");
        }
        if (st == VNKG_SUCCESS && xmlTextWriterEndElement(w) < 0) {
            st = VNKG_ERR_WRITE;
        }
    }
    if (st == VNKG_SUCCESS &&
        (xmlTextWriterEndDocument(w) < 0 || xmlTextWriterFlush(w) < 0)) {
        st = VNKG_ERR_WRITE;
    }
    xmlFreeTextWriter(w);
    return st;
}

/* ENOSPC through libxml2's writer and our flush: /dev/full. */
static void
test_device_full(void)
{
    FILE *fp = fopen("/dev/full", "wb");
    if (!fp) {
        printf("test_export: no /dev/full, device-full test skipped\n");
        return;
    }
    VnkgContext *ctx = new_ctx();
    assert(vnkg_export_stream(ctx, fp, "/dev/full", write_big_xml, NULL) ==
           VNKG_ERR_WRITE);
    assert(strstr(last_diag, "/dev/full: "));
    fclose(fp);
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
        st = write_all(ctx, g, dir);
        assert(st == VNKG_SUCCESS || st == VNKG_ERR_NO_MEMORY);
        vnkg_context_free(ctx);
        assert(fa.live == 0);
        assert(count_temps(dir) == 0);
    }
    assert(st == VNKG_SUCCESS && n > 5);
    vnkg_graph_free(gctx, g);
    vnkg_context_free(gctx);
}

/* ---- mentions.tsv ------------------------------------------------------- */

static void
test_mentions(const char *tmpdir)
{
    VnkgContext *ctx = new_ctx();
    VnkgFacts *facts = NULL;
    assert(vnkg_facts_new(ctx, &facts) == VNKG_SUCCESS);
    size_t e = 0;
    assert(vnkg_facts_entity(ctx, facts, "province/cao-bang",
                             VNKG_TYPE_PROVINCE, "Cao Bằng",
                             &e) == VNKG_SUCCESS);
    const char surface[] = "Cao\tBằng";
    assert(vnkg_facts_mention(ctx, facts, "a1", 10, 20, surface,
                              sizeof surface - 1, e) == VNKG_SUCCESS);
    char p[4096];
    join(p, sizeof p, tmpdir, "mentions.tsv");
    assert(vnkg_export_mentions_tsv(ctx, facts, p) == VNKG_SUCCESS);
    char *text = slurp(p);
    assert(strcmp(text, "article\tstart\tend\tsurface\tentity\n"
                        "a1\t10\t20\tCao Bằng\tprovince/cao-bang\n") == 0);
    free(text);
    vnkg_facts_free(ctx, facts);
    vnkg_context_free(ctx);
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
    char tmpdir[] = "/tmp/vnkg-test-export-XXXXXX";
    assert(mkdtemp(tmpdir));
    test_format_double();
    test_pct_encode();
    test_is_date();
    test_write_all(tmpdir);
    test_empty_graph(tmpdir);
    test_base_iri(tmpdir);
    test_unwritable_path();
    test_readonly_dir(tmpdir);
    test_rename_fails(tmpdir);
    test_writer_fails(tmpdir);
    test_device_full();
    test_alloc_failures(tmpdir);
    test_mentions(tmpdir);
    if (getenv("VNKG_KEEP_TEST_OUTPUT")) {
        printf("test_export: output kept in %s\n", tmpdir);
    } else {
        remove_tree(tmpdir);
    }
    xmlCleanupParser();
    printf("test_export: all tests passed\n");
    return 0;
}
