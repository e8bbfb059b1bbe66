/* SPDX-License-Identifier: MIT */
/* Helpers shared by the fuzz targets (fuzz_common.h). */
#include "fuzz_common.h"

#include "fuzz_lexicon.h"

#include <igraph.h>
#include <libxml/parser.h>
#include <utf8proc.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void
fuzz_quiet(VnkgStatus st, const char *message, void *user)
{
    (void)st;
    (void)message;
    (void)user;
}

/* What the CLI does once per process (STYLE.md, "No global state"). */
void
fuzz_process_init(void)
{
    static int done;
    if (!done) {
        done = 1;
        xmlInitParser();
        igraph_set_error_handler(igraph_error_handler_ignore);
        igraph_rng_seed(igraph_rng_default(), 42);
    }
}

/* A context whose diagnostics go nowhere; aborts when out of memory. */
VnkgContext *
fuzz_context(void)
{
    fuzz_process_init();
    VnkgContext *ctx = NULL;
    FUZZ_CHECK(vnkg_context_new(&ctx) == VNKG_SUCCESS);
    vnkg_context_set_diag(ctx, fuzz_quiet, NULL);
    return ctx;
}

static char fuzz_tmp_dir[4096];

static void
fuzz_remove_tmp_dir(void)
{
    /* the targets leave only the files they name, removed here */
    static const char *const names[] = {"graph.graphml", "graph.rdf",
                                        "input.graphml"};
    char path[4200];
    for (size_t i = 0; i < sizeof names / sizeof names[0]; ++i) {
        snprintf(path, sizeof path, "%s/%s", fuzz_tmp_dir, names[i]);
        unlink(path);
    }
    rmdir(fuzz_tmp_dir);
}

/* A private scratch directory, made once and removed at exit. */
static const char *
fuzz_tmp(void)
{
    if (!fuzz_tmp_dir[0]) {
        const char *base = getenv("TMPDIR");
        snprintf(fuzz_tmp_dir, sizeof fuzz_tmp_dir, "%s/vnkg-fuzz-XXXXXX",
                 base && base[0] ? base : "/tmp");
        FUZZ_CHECK(mkdtemp(fuzz_tmp_dir) != NULL);
        atexit(fuzz_remove_tmp_dir);
    }
    return fuzz_tmp_dir;
}

/* `name` inside the scratch directory, in a static buffer. */
const char *
fuzz_tmp_path(const char *name)
{
    static char path[4200];
    snprintf(path, sizeof path, "%s/%s", fuzz_tmp(), name);
    return path;
}

static void
fuzz_xml_quiet(void *user, const char *msg, ...)
{
    (void)user;
    (void)msg;
}

/* The file parses as well-formed XML without the network. */
void
fuzz_check_xml_file(const char *path)
{
    xmlSetGenericErrorFunc(NULL, fuzz_xml_quiet);
    xmlResetLastError();
    xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
    const xmlError *err = xmlGetLastError();
    if (!doc || (err && err->level >= XML_ERR_ERROR)) {
        fprintf(stderr, "%s is not well-formed XML\n", path);
        abort();
    }
    xmlFreeDoc(doc);
}

/* The graph's invariants: edge ends exist, betweenness >= 0, PageRank is
 * a distribution (when analysed and not empty). */
void
fuzz_check_graph(const VnkgGraph *g, int analysed)
{
    for (size_t i = 0; i < g->n_edges; ++i) {
        FUZZ_CHECK(g->edges[i].source < g->n_nodes);
        FUZZ_CHECK(g->edges[i].target < g->n_nodes);
    }
    if (!analysed || g->n_nodes == 0) {
        return;
    }
    double sum = 0;
    for (size_t i = 0; i < g->n_nodes; ++i) {
        FUZZ_CHECK(g->nodes[i].betweenness >= 0);
        FUZZ_CHECK(isfinite(g->nodes[i].pagerank));
        sum += g->nodes[i].pagerank;
    }
    FUZZ_CHECK(fabs(sum - 1.0) <= 1e-9);
}

/* Every mention lies inside the text as read (`len` bytes). */
void
fuzz_check_mentions(const VnkgFacts *facts, size_t len)
{
    size_t n = vnkg_facts_mention_count(facts);
    for (size_t i = 0; i < n; ++i) {
        const VnkgMention *m = vnkg_facts_mention_at(facts, i);
        FUZZ_CHECK(m->start <= m->end);
        FUZZ_CHECK(m->end <= len);
        FUZZ_CHECK(m->entity < vnkg_facts_entity_count(facts));
    }
}

/* Decodes one code point at s[0..len); returns its length, 0 if invalid. */
static size_t
utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
    static const uint32_t min_cp[] = {0, 0, 0x80, 0x800, 0x10000};
    size_t n = s[0] < 0x80   ? 1
               : s[0] < 0xC2 ? 0
               : s[0] < 0xE0 ? 2
               : s[0] < 0xF0 ? 3
               : s[0] < 0xF5 ? 4
                             : 0;
    if (n == 0 || n > len) {
        return 0;
    }
    uint32_t c = n == 1 ? s[0] : s[0] & (0x7Fu >> n);
    for (size_t i = 1; i < n; ++i) {
        if ((s[i] & 0xC0) != 0x80) {
            return 0;
        }
        c = (c << 6) | (s[i] & 0x3Fu);
    }
    if (c < min_cp[n] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
        return 0;
    }
    *cp = c;
    return n;
}

int
fuzz_utf8_valid(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = utf8_decode(p + i, len - i, &cp);
        if (n == 0) {
            return 0;
        }
        i += n;
    }
    return 1;
}

void
fuzz_check_clean(const char *s, size_t len)
{
    FUZZ_CHECK(s != NULL);
    FUZZ_CHECK(s[len] == '\0');
    FUZZ_CHECK(fuzz_utf8_valid(s, len));
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        uint32_t cp = 0;
        size_t n = utf8_decode(p + i, len - i, &cp);
        FUZZ_CHECK(cp >= 0x20 || cp == '\t' || cp == '\n');
        FUZZ_CHECK(cp < 0x7F || cp > 0x9F);
        i += n;
    }
    /* NFC: normalising again changes nothing. utf8proc 2.8 wrongly
     * composes a Hangul LV syllable with U+11A7 (not a final consonant;
     * fixed in utf8proc 2.9), so it cannot judge text holding U+11A7. */
    for (size_t i = 0; i + 3 <= len; ++i) {
        if (memcmp(s + i, "\xE1\x86\xA7", 3) == 0) {
            return;
        }
    }
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t r =
        utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &nfc,
                     UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    FUZZ_CHECK(r >= 0);
    if ((size_t)r != len || memcmp(nfc, s, len) != 0) {
        size_t at = 0;
        while (at < len && at < (size_t)r && nfc[at] == (unsigned char)s[at]) {
            ++at;
        }
        at = at > 8 ? at - 8 : 0;
        fprintf(stderr, "not NFC at byte %zu:", at);
        for (size_t i = at; i < len && i < at + 24; ++i) {
            fprintf(stderr, " %02X", (unsigned char)s[i]);
        }
        fprintf(stderr, "\n");
        abort();
    }
    free(nfc);
}

#ifdef VNKG_FUZZ_ONTOLOGY
static VnkgContext *lexicon_ctx;
static VnkgLexicon *lexicon;

static void
free_lexicon(void)
{
    vnkg_lexicon_free(lexicon_ctx, lexicon);
    vnkg_context_free(lexicon_ctx);
}

const VnkgLexicon *
fuzz_lexicon(void)
{
    if (!lexicon) {
        lexicon_ctx = fuzz_context();
        if (vnkg_lexicon_load(lexicon_ctx, VNKG_FUZZ_ONTOLOGY, &lexicon) !=
            VNKG_SUCCESS) {
            fprintf(stderr, "cannot load the lexicon of %s\n",
                    VNKG_FUZZ_ONTOLOGY);
            abort();
        }
        atexit(free_lexicon);
    }
    return lexicon;
}
#endif
