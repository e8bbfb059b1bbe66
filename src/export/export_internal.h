/* SPDX-License-Identifier: MIT */
/* Helpers shared by the writers in src/export/: atomic output, a growable
 * byte buffer, locale-free numbers, IRI percent-encoding, XML-safe text, the
 * libxml2 text writer on a FILE, and the RDF vocabulary (vocab.c). */
#ifndef VNKG_EXPORT_INTERNAL_H
#define VNKG_EXPORT_INTERNAL_H

#include <vnkg/export.h>

#include <libxml/xmlwriter.h>

#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* Writes the whole output to `fp`. Return VNKG_ERR_WRITE (without a
 * diagnostic) when a stream call fails: the caller reports it with the
 * path and errno. */
typedef VnkgStatus (*VnkgExportWriteFn)(VnkgContext *ctx, FILE *fp,
                                        const void *data);

/* Writes `path` atomically: a temporary file "<path>.tmp.XXXXXX" beside it
 * (mode 0644 less the umask) gets the output of `fn`, is flushed, synced,
 * closed and renamed over `path`. On any failure the temporary file is
 * removed and `path` is untouched. Returns VNKG_ERR_IO (cannot create the
 * temporary file), VNKG_ERR_WRITE, VNKG_ERR_NO_MEMORY or what `fn` returns. */
VnkgStatus vnkg_export_atomic(VnkgContext *ctx, const char *path,
                              VnkgExportWriteFn fn, const void *data);

/* Runs `fn` on the open stream `fp`, then fflush, ferror and fsync; `fp`
 * stays open (the caller closes it). `name` is used in diagnostics.
 * Returns VNKG_ERR_WRITE or what `fn` returns. */
VnkgStatus vnkg_export_stream(VnkgContext *ctx, FILE *fp, const char *name,
                              VnkgExportWriteFn fn, const void *data);

/* A growable NUL-terminated byte string; zero-initialise, then clear. */
typedef struct {
    char *ptr;
    size_t len;
    size_t cap;
} VnkgExportBuf;

VnkgStatus vnkg_export_buf_append(VnkgContext *ctx, VnkgExportBuf *buf,
                                  const char *s, size_t len);
VnkgStatus vnkg_export_buf_puts(VnkgContext *ctx, VnkgExportBuf *buf,
                                const char *s);
void vnkg_export_buf_reset(VnkgExportBuf *buf);
void vnkg_export_buf_clear(VnkgContext *ctx, VnkgExportBuf *buf);

/* Appends `s` percent-encoded (RFC 3986): unreserved characters and '/'
 * stay, every other byte becomes %XX. The one function that mints IRI
 * path segments. Returns VNKG_ERR_NO_MEMORY. */
VnkgStatus vnkg_export_pct_encode(VnkgContext *ctx, VnkgExportBuf *buf,
                                  const char *s);

/* A node with the score it is ranked by (report.md, graph.svg). */
typedef struct {
    double key;
    const VnkgNode *node;
} VnkgRankedNode;

/* qsort comparator of VnkgRankedNode: highest key first, NaN last, then
 * by id. */
int vnkg_export_cmp_ranked(const void *a, const void *b);

/* Room for any number written by vnkg_export_format_double
 * (VNKG_NUM_CAP of util/number.h). */
#define VNKG_EXPORT_NUM_CAP 40

/* vnkg_format_g with 10 significant digits, the exporters' precision:
 * "0.25", "3", "1.5e-12"; 0 and "" for NaN and infinities. */
size_t vnkg_export_format_double(double v, char *out);

/* Sets *out to `s` when it is already safe for XML (ASCII without C0
 * controls other than \t \n \r: *tmp is NULL), else to a cleaned copy that
 * is also stored in *tmp for the caller to vnkg_free. Returns
 * VNKG_ERR_NO_MEMORY. */
VnkgStatus vnkg_export_safe(VnkgContext *ctx, const char *s, const char **out,
                            char **tmp);

/* 1 when `s` is an ISO 8601 calendar date "YYYY-MM-DD" that exists. */
int vnkg_export_is_date(const char *s);

/* An XML writer on `fp`; `fp` stays owned by the caller (libxml2 only
 * flushes it). Returns VNKG_ERR_NO_MEMORY. */
VnkgStatus vnkg_export_xml_open(VnkgContext *ctx, FILE *fp,
                                xmlTextWriterPtr *out);
/* Writes an attribute / element text after vnkg_export_safe.
 * Return VNKG_ERR_WRITE or VNKG_ERR_NO_MEMORY. */
VnkgStatus vnkg_export_xml_attr(VnkgContext *ctx, xmlTextWriterPtr w,
                                const char *name, const char *value);
VnkgStatus vnkg_export_xml_text(VnkgContext *ctx, xmlTextWriterPtr w,
                                const char *text);

/* ---- buffered output (out.c) ------------------------------------------
 * The writers format into a buffer of VNKG_OUT_CAP bytes that goes to the
 * stream in large fwrite calls: one call per byte or per field through
 * stdio, or per node through xmlTextWriter, cost more than the formatting.
 * Appending never fails: the first failed fwrite is remembered (with its
 * errno) and later output is dropped; vnkg_out_close reports it. Text is
 * made XML-safe as vnkg_export_safe does (valid UTF-8 passes unchanged),
 * so the bytes equal those of the stdio and xmlTextWriter writers. */

#define VNKG_OUT_CAP ((size_t)256 * 1024)
#define VNKG_OUT_DEPTH 8 /* XML element nesting */

typedef struct {
    const char *prefix; /* NULL for an unprefixed name */
    const char *local;
    int has_content; /* the start tag is closed (text or a child follows) */
} VnkgOutElem;

typedef struct {
    VnkgContext *ctx;
    FILE *fp;
    char *buf;
    size_t len;
    int failed; /* a write failed: the rest is dropped */
    int err;    /* errno of that write */
    /* XML: open elements, innermost last, and xmlTextWriter's "indent the
     * next end tag" flag (clear after text) */
    size_t depth;
    int doindent;
    VnkgOutElem stack[VNKG_OUT_DEPTH];
} VnkgOut;

/* Starts buffered output on `fp` (which stays the caller's). Returns
 * VNKG_ERR_NO_MEMORY. */
VnkgStatus vnkg_out_open(VnkgContext *ctx, VnkgOut *out, FILE *fp);

/* Writes what is buffered when `st` is VNKG_SUCCESS, frees the buffer and
 * returns `st`, or VNKG_ERR_WRITE with errno set to the failed write's
 * (what vnkg_export_stream reports). */
VnkgStatus vnkg_out_close(VnkgOut *out, VnkgStatus st);

/* What a writer built on VnkgOut writes, from `data`. */
typedef VnkgStatus (*VnkgOutBodyFn)(VnkgOut *out, const void *data);

/* vnkg_export_atomic for such a writer: `body` writes through a VnkgOut
 * opened on the temporary file and closed after it. */
VnkgStatus vnkg_out_write_file(VnkgContext *ctx, const char *path,
                               VnkgOutBodyFn body, const void *data);

/* VNKG_ERR_WRITE once a write has failed, else VNKG_SUCCESS: lets a writer
 * stop early instead of formatting output that is dropped. */
VnkgStatus vnkg_out_status(const VnkgOut *out);

/* Hands the buffer to the stream (used when it is full). */
void vnkg_out_drain(VnkgOut *out);

/* Appends `len` raw bytes. */
void vnkg_out_write_slow(VnkgOut *out, const char *s, size_t len);

static inline void
vnkg_out_write(VnkgOut *out, const char *s, size_t len)
{
    if (len <= VNKG_OUT_CAP - out->len) {
        memcpy(out->buf + out->len, s, len);
        out->len += len;
    } else {
        vnkg_out_write_slow(out, s, len);
    }
}

static inline void
vnkg_out_putc(VnkgOut *out, char c)
{
    if (out->len == VNKG_OUT_CAP) {
        vnkg_out_drain(out);
    }
    out->buf[out->len++] = c;
}

static inline void
vnkg_out_puts(VnkgOut *out, const char *s)
{
    vnkg_out_write(out, s, strlen(s));
}

/* Decimal integers, as printf's %zu and %lld. */
void vnkg_out_size(VnkgOut *out, size_t v);
void vnkg_out_ll(VnkgOut *out, long long v);
/* A double as vnkg_export_format_double writes it ("" when not finite). */
void vnkg_out_double(VnkgOut *out, double v);

/* A CSV field (RFC 4180: quoted when it holds , " CR or LF) and a TSV
 * field (tab, CR and LF become spaces) of XML-safe `s`. Return
 * VNKG_ERR_NO_MEMORY (cleaning invalid text needs a copy). */
VnkgStatus vnkg_out_csv(VnkgOut *out, const char *s);
VnkgStatus vnkg_out_tsv(VnkgOut *out, const char *s);

/* XML written as xmlTextWriter does with indent "  " (vnkg_export_xml_open):
 * the declaration, elements (`prefix` NULL or "rdf" for "rdf:local"; the
 * strings must outlive the element), attributes and text escaped as
 * libxml2 escapes them, end tags, and the end of the document. At most
 * VNKG_OUT_DEPTH nested elements. The text functions return
 * VNKG_ERR_NO_MEMORY. */
void vnkg_out_xml_decl(VnkgOut *out);
void vnkg_out_xml_start(VnkgOut *out, const char *prefix, const char *local);
VnkgStatus vnkg_out_xml_attr(VnkgOut *out, const char *name, const char *value);
/* An attribute value joined from `n` parts (an IRI from its pieces). */
VnkgStatus vnkg_out_xml_attr_parts(VnkgOut *out, const char *name,
                                   const char *const *parts, size_t n);
VnkgStatus vnkg_out_xml_text(VnkgOut *out, const char *text);
/* An attribute or text whose value the caller appends between these calls
 * with the raw functions (numbers, or text known to need no escaping). */
void vnkg_out_xml_attr_open(VnkgOut *out, const char *name);
void vnkg_out_xml_attr_close(VnkgOut *out);
void vnkg_out_xml_open_text(VnkgOut *out);
void vnkg_out_xml_end(VnkgOut *out);
void vnkg_out_xml_end_document(VnkgOut *out);

/* Namespaces of the RDF/XML output (vocab.c). */
typedef enum {
    VNKG_NS_RDF = 0,
    VNKG_NS_RDFS,
    VNKG_NS_OWL,
    VNKG_NS_XSD,
    VNKG_NS_SKOS,
    VNKG_NS_ORG,
    VNKG_NS_PROV,
    VNKG_NS_FOAF,
    VNKG_NS_SCHEMA,
    VNKG_NS_DCTERMS,
    VNKG_NS_VNKG,
    VNKG_NS_COUNT
} VnkgNs;

typedef struct {
    const char *prefix;
    const char *iri;
} VnkgNsDef;

/* Every class, property and datatype the RDF/XML exporter writes. */
typedef enum {
    /* rdf, rdfs, xsd */
    VNKG_V_RDF_TYPE = 0,
    VNKG_V_RDFS_LABEL,
    VNKG_V_XSD_DATE,
    VNKG_V_XSD_DATETIME,
    VNKG_V_XSD_DOUBLE,
    VNKG_V_XSD_INTEGER,
    VNKG_V_XSD_BOOLEAN,
    /* skos */
    VNKG_V_SKOS_PREFLABEL,
    VNKG_V_SKOS_ALTLABEL,
    /* org */
    VNKG_V_ORG_ORGANIZATION,
    VNKG_V_ORG_MEMBERSHIP,
    VNKG_V_ORG_ROLE,
    VNKG_V_ORG_CHANGEEVENT,
    VNKG_V_ORG_MEMBER,
    VNKG_V_ORG_ORGANIZATION_P,
    VNKG_V_ORG_ROLE_P,
    VNKG_V_ORG_ORIGINAL,
    VNKG_V_ORG_RESULTING,
    /* prov */
    VNKG_V_PROV_ENTITY,
    VNKG_V_PROV_ACTIVITY,
    VNKG_V_PROV_SOFTWAREAGENT,
    VNKG_V_PROV_DERIVED,
    VNKG_V_PROV_ASSOCIATED,
    VNKG_V_PROV_USED,
    VNKG_V_PROV_STARTED,
    /* foaf, schema, dcterms */
    VNKG_V_FOAF_PERSON,
    VNKG_V_SCHEMA_NEWSARTICLE,
    VNKG_V_SCHEMA_URL,
    VNKG_V_DCTERMS_TITLE,
    VNKG_V_DCTERMS_DATE,
    /* vnkg classes, in VnkgEntityType order */
    VNKG_V_OFFICIAL,
    VNKG_V_PROVINCE,
    VNKG_V_MINISTRY,
    VNKG_V_PARTNER,
    VNKG_V_AGREEMENT,
    VNKG_V_ORGANIZATION,
    VNKG_V_DOCUMENT,
    VNKG_V_EVENT,
    VNKG_V_COMENTION,
    /* vnkg relations, in VnkgRelation order (co_mention is n-ary) */
    VNKG_V_HOLDS_OFFICE,
    VNKG_V_REPRESENTS,
    VNKG_V_CHAIRS,
    VNKG_V_ATTENDS,
    VNKG_V_AGREEMENT_WITH,
    VNKG_V_ISSUED_BY,
    VNKG_V_LOCATED_IN,
    /* other vnkg properties */
    VNKG_V_MENTION_COUNT,
    VNKG_V_DOCUMENT_COUNT,
    VNKG_V_DEGREE,
    VNKG_V_PAGERANK,
    VNKG_V_BETWEENNESS,
    VNKG_V_COMMUNITY,
    VNKG_V_MERGED_INTO,
    VNKG_V_VALID_UNTIL,
    VNKG_V_FIRST_DATE,
    VNKG_V_LAST_DATE,
    VNKG_V_EVIDENCE,
    VNKG_V_ENTITY,
    VNKG_V_WEIGHT,
    VNKG_V_DATE_INFERRED,
    VNKG_V_INFERRED,
    VNKG_V_COUNT
} VnkgVocab;

typedef struct {
    VnkgNs ns;
    const char *local; /* an ASCII NCName */
} VnkgTerm;

extern const VnkgNsDef vnkg_vocab_ns[VNKG_NS_COUNT];
extern const VnkgTerm vnkg_vocab_terms[VNKG_V_COUNT];

#endif
