/* SPDX-License-Identifier: MIT */
/* RDF/XML (DESIGN.md "RDF/XML"): one rdf:Description per resource with
 * absolute rdf:about IRIs (no rdf:ID: REFERENCE.md §3.4), classes and
 * properties from vocab.c. Offices become org:Membership nodes (W3C ORG),
 * co-mentions vnkg:CoMention nodes, mergers org:ChangeEvent; articles are
 * prov:Entity, the run one prov:Activity (PROV-O). */
#include "export_internal.h"

#include <vnkg/normalise.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    VnkgContext *ctx;
    VnkgOut out;
    const VnkgGraph *g;
    const char *base;
    VnkgExportBuf subj; /* IRI of the resource being described */
    VnkgExportBuf obj;  /* IRI of an object */
    size_t *order;      /* edge indices grouped by source node */
    size_t *first;      /* order[first[i] .. first[i+1]) leave node i */
} Rdf;

static const char *const activity_path = "activity/run";
static const char *const agent_path = "agent/vnkg";

/* ---- IRIs ------------------------------------------------------------ */

/* buf = base + prefix + percent-encoded `a` [+ "/" + `b` [+ "/" + `c`]]. */
static VnkgStatus
mint(Rdf *r, VnkgExportBuf *buf, const char *prefix, const char *a,
     const char *b, const char *c)
{
    vnkg_export_buf_reset(buf);
    VNKG_TRY(vnkg_export_buf_puts(r->ctx, buf, r->base));
    VNKG_TRY(vnkg_export_buf_puts(r->ctx, buf, prefix));
    const char *parts[3] = {a, b, c};
    for (int k = 0; k < 3 && parts[k]; ++k) {
        if (k > 0) {
            VNKG_TRY(vnkg_export_buf_puts(r->ctx, buf, "/"));
        }
        VNKG_TRY(vnkg_export_pct_encode(r->ctx, buf, parts[k]));
    }
    return VNKG_SUCCESS;
}

/* name="<IRI of the class, property or datatype t>" */
static VnkgStatus
attr_term(Rdf *r, const char *name, VnkgVocab t)
{
    const VnkgTerm *term = &vnkg_vocab_terms[t];
    const char *parts[2] = {vnkg_vocab_ns[term->ns].iri, term->local};
    return vnkg_out_xml_attr_parts(&r->out, name, parts, 2);
}

static int
is_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
           (c >= 'A' && c <= 'F');
}

/* An absolute http(s) IRI that rdflib and raptor take without warnings
 * (REFERENCE.md §3.3: no space, <>"{}|\^` or controls). */
static int
is_http_iri(const char *s)
{
    size_t skip = strncmp(s, "http://", 7) == 0    ? 7
                  : strncmp(s, "https://", 8) == 0 ? 8
                                                   : 0;
    if (!skip || !s[skip] || s[skip] == '/') {
        return 0;
    }
    for (const char *p = s; *p; ++p) {
        unsigned char c = (unsigned char)*p;
        if (c <= 0x20 || c == 0x7f || strchr("<>\"{}|\\^`", c)) {
            return 0;
        }
        if (c == '%' && !(is_hex(p[1]) && is_hex(p[2]))) {
            return 0;
        }
    }
    return 1;
}

/* ---- writer primitives ---------------------------------------------- */

static VnkgStatus
start_desc(Rdf *r, const char *about)
{
    vnkg_out_xml_start(&r->out, "rdf", "Description");
    return vnkg_out_xml_attr(&r->out, "rdf:about", about);
}

/* Ends an element; stops the writer early once the output failed. */
static VnkgStatus
end_elem(Rdf *r)
{
    vnkg_out_xml_end(&r->out);
    return vnkg_out_status(&r->out);
}

static void
start_prop(Rdf *r, VnkgVocab p)
{
    const VnkgTerm *t = &vnkg_vocab_terms[p];
    vnkg_out_xml_start(&r->out, vnkg_vocab_ns[t->ns].prefix, t->local);
}

static VnkgStatus
prop_res(Rdf *r, VnkgVocab p, const char *iri)
{
    start_prop(r, p);
    VNKG_TRY(vnkg_out_xml_attr(&r->out, "rdf:resource", iri));
    return end_elem(r);
}

static VnkgStatus
prop_type(Rdf *r, VnkgVocab cls)
{
    start_prop(r, VNKG_V_RDF_TYPE);
    VNKG_TRY(attr_term(r, "rdf:resource", cls));
    return end_elem(r);
}

/* A literal: language-tagged when `lang`, typed when `dt` < VNKG_V_COUNT,
 * plain otherwise. Empty or NULL text writes nothing. */
static VnkgStatus
prop_lit(Rdf *r, VnkgVocab p, const char *text, const char *lang, VnkgVocab dt)
{
    if (!text || !*text) {
        return VNKG_SUCCESS;
    }
    start_prop(r, p);
    if (lang) {
        VNKG_TRY(vnkg_out_xml_attr(&r->out, "xml:lang", lang));
    } else if (dt < VNKG_V_COUNT) {
        VNKG_TRY(attr_term(r, "rdf:datatype", dt));
    }
    VNKG_TRY(vnkg_out_xml_text(&r->out, text));
    return end_elem(r);
}

static VnkgStatus
prop_vi(Rdf *r, VnkgVocab p, const char *text)
{
    return prop_lit(r, p, text, "vi", VNKG_V_COUNT);
}

/* Omitted when not finite (vnkg_export_format_double writes ""). */
static VnkgStatus
prop_double(Rdf *r, VnkgVocab p, double v)
{
    if (!isfinite(v)) {
        return VNKG_SUCCESS;
    }
    start_prop(r, p);
    VNKG_TRY(attr_term(r, "rdf:datatype", VNKG_V_XSD_DOUBLE));
    vnkg_out_xml_open_text(&r->out);
    vnkg_out_double(&r->out, v);
    return end_elem(r);
}

static VnkgStatus
prop_integer(Rdf *r, VnkgVocab p, long long v)
{
    start_prop(r, p);
    VNKG_TRY(attr_term(r, "rdf:datatype", VNKG_V_XSD_INTEGER));
    vnkg_out_xml_open_text(&r->out);
    vnkg_out_ll(&r->out, v);
    return end_elem(r);
}

/* xsd:date when `s` is a real calendar date, else a plain literal. */
static VnkgStatus
prop_date(Rdf *r, VnkgVocab p, const char *s)
{
    VnkgVocab dt = vnkg_export_is_date(s) ? VNKG_V_XSD_DATE : VNKG_V_COUNT;
    return prop_lit(r, p, s, NULL, dt);
}

/* prov:wasDerivedFrom each article of a '|'-separated id list. */
static VnkgStatus
prop_sources(Rdf *r, const char *sources)
{
    VnkgStatus st = VNKG_SUCCESS;
    char *list = sources ? vnkg_strdup(r->ctx, sources) : NULL;
    if (sources && !list) {
        return VNKG_ERR_NO_MEMORY;
    }
    char *save = NULL;
    for (char *id = list ? strtok_r(list, "|", &save) : NULL;
         id && st == VNKG_SUCCESS; id = strtok_r(NULL, "|", &save)) {
        st = mint(r, &r->obj, "article/", id, NULL, NULL);
        if (st == VNKG_SUCCESS) {
            st = prop_res(r, VNKG_V_PROV_DERIVED, r->obj.ptr);
        }
    }
    vnkg_free(r->ctx, list);
    return st;
}

/* ---- the run and the articles ---------------------------------------- */

static VnkgStatus
write_activity(Rdf *r)
{
    VNKG_TRY(mint(r, &r->subj, agent_path, NULL, NULL, NULL));
    VNKG_TRY(start_desc(r, r->subj.ptr));
    VNKG_TRY(prop_type(r, VNKG_V_PROV_SOFTWAREAGENT));
    VNKG_TRY(prop_lit(r, VNKG_V_RDFS_LABEL, "vnkg", NULL, VNKG_V_COUNT));
    VNKG_TRY(end_elem(r));
    VNKG_TRY(mint(r, &r->subj, activity_path, NULL, NULL, NULL));
    VNKG_TRY(start_desc(r, r->subj.ptr));
    VNKG_TRY(prop_type(r, VNKG_V_PROV_ACTIVITY));
    VNKG_TRY(mint(r, &r->obj, agent_path, NULL, NULL, NULL));
    VNKG_TRY(prop_res(r, VNKG_V_PROV_ASSOCIATED, r->obj.ptr));
    for (size_t i = 0; i < r->g->n_articles; ++i) {
        VNKG_TRY(
            mint(r, &r->obj, "article/", r->g->articles[i].id, NULL, NULL));
        VNKG_TRY(prop_res(r, VNKG_V_PROV_USED, r->obj.ptr));
    }
    return end_elem(r);
}

static VnkgStatus
write_article(Rdf *r, const VnkgArticle *a)
{
    VNKG_TRY(mint(r, &r->subj, "article/", a->id, NULL, NULL));
    VNKG_TRY(start_desc(r, r->subj.ptr));
    VNKG_TRY(prop_type(r, VNKG_V_PROV_ENTITY));
    VNKG_TRY(prop_type(r, VNKG_V_SCHEMA_NEWSARTICLE));
    VNKG_TRY(prop_vi(r, VNKG_V_DCTERMS_TITLE, a->title));
    if (a->url && is_http_iri(a->url)) {
        VNKG_TRY(prop_res(r, VNKG_V_SCHEMA_URL, a->url));
    } else {
        VNKG_TRY(prop_lit(r, VNKG_V_SCHEMA_URL, a->url, NULL, VNKG_V_COUNT));
    }
    VNKG_TRY(prop_date(r, VNKG_V_DCTERMS_DATE, a->date));
    if (a->date && a->date_inferred) { /* "Ngày 2/4": the year was inferred */
        VNKG_TRY(prop_lit(r, VNKG_V_DATE_INFERRED, "true", NULL,
                          VNKG_V_XSD_BOOLEAN));
    }
    return end_elem(r);
}

/* ---- roles ------------------------------------------------------------ */

typedef struct {
    char *slug;
    const char *label;
} RoleRef;

static int
cmp_role(const void *a, const void *b)
{
    const RoleRef *x = a;
    const RoleRef *y = b;
    int c = strcmp(x->slug, y->slug);
    return c ? c : strcmp(x->label, y->label);
}

static VnkgStatus
role_slug(Rdf *r, const char *role, char **out)
{
    VNKG_TRY(vnkg_normalise_slug(r->ctx, role, strlen(role), out));
    if (!**out) { /* a title with no letters or digits */
        vnkg_free(r->ctx, *out);
        *out = vnkg_strdup(r->ctx, "role");
        return *out ? VNKG_SUCCESS : VNKG_ERR_NO_MEMORY;
    }
    return VNKG_SUCCESS;
}

static VnkgStatus
write_role_list(Rdf *r, RoleRef *roles, size_t n)
{
    if (n > 1) { /* qsort must not see a NULL base */
        qsort(roles, n, sizeof *roles, cmp_role);
    }
    for (size_t i = 0; i < n; ++i) {
        if (i > 0 && strcmp(roles[i].slug, roles[i - 1].slug) == 0) {
            continue; /* the first label (in byte order) names the role */
        }
        VNKG_TRY(mint(r, &r->subj, "role/", roles[i].slug, NULL, NULL));
        VNKG_TRY(start_desc(r, r->subj.ptr));
        VNKG_TRY(prop_type(r, VNKG_V_ORG_ROLE));
        VNKG_TRY(prop_vi(r, VNKG_V_SKOS_PREFLABEL, roles[i].label));
        VNKG_TRY(end_elem(r));
    }
    return VNKG_SUCCESS;
}

/* One org:Role per distinct role slug. */
static VnkgStatus
write_roles(Rdf *r)
{
    const VnkgGraph *g = r->g;
    RoleRef *roles =
        vnkg_calloc(r->ctx, g->n_edges ? g->n_edges : 1, sizeof *roles);
    if (!roles) {
        return VNKG_ERR_NO_MEMORY;
    }
    size_t n = 0;
    VnkgStatus st = VNKG_SUCCESS;
    for (size_t i = 0; i < g->n_edges && st == VNKG_SUCCESS; ++i) {
        const VnkgEdge *e = &g->edges[i];
        if (e->relation == VNKG_REL_HOLDS_OFFICE && e->role && *e->role) {
            st = role_slug(r, e->role, &roles[n].slug);
            roles[n].label = e->role;
            n += st == VNKG_SUCCESS;
        }
    }
    if (st == VNKG_SUCCESS) {
        st = write_role_list(r, roles, n);
    }
    for (size_t i = 0; i < n; ++i) {
        vnkg_free(r->ctx, roles[i].slug);
    }
    vnkg_free(r->ctx, roles);
    return st;
}

/* ---- nodes ------------------------------------------------------------ */

static VnkgStatus
write_node_types(Rdf *r, VnkgEntityType type)
{
    VNKG_TRY(prop_type(r, (VnkgVocab)(VNKG_V_OFFICIAL + type)));
    if (type == VNKG_TYPE_OFFICIAL) {
        VNKG_TRY(prop_type(r, VNKG_V_FOAF_PERSON));
    } else if (type == VNKG_TYPE_MINISTRY || type == VNKG_TYPE_PROVINCE ||
               type == VNKG_TYPE_ORGANIZATION) {
        VNKG_TRY(prop_type(r, VNKG_V_ORG_ORGANIZATION));
    }
    return VNKG_SUCCESS;
}

/* skos:altLabel per alias, never equal to the prefLabel (SKOS S13). */
static VnkgStatus
write_aliases(Rdf *r, const VnkgNode *n)
{
    if (!n->aliases || !*n->aliases) {
        return VNKG_SUCCESS;
    }
    char *list = vnkg_strdup(r->ctx, n->aliases);
    if (!list) {
        return VNKG_ERR_NO_MEMORY;
    }
    VnkgStatus st = VNKG_SUCCESS;
    char *save = NULL;
    for (char *a = strtok_r(list, "|", &save); a && st == VNKG_SUCCESS;
         a = strtok_r(NULL, "|", &save)) {
        if (!n->label || strcmp(a, n->label) != 0) {
            st = prop_vi(r, VNKG_V_SKOS_ALTLABEL, a);
        }
    }
    vnkg_free(r->ctx, list);
    return st;
}

/* Direct triples for the edges leaving node i (co_mention is n-ary only). */
static VnkgStatus
write_out_edges(Rdf *r, size_t i)
{
    for (size_t k = r->first[i]; k < r->first[i + 1]; ++k) {
        const VnkgEdge *e = &r->g->edges[r->order[k]];
        if (e->relation >= VNKG_REL_CO_MENTION) {
            continue;
        }
        VNKG_TRY(mint(r, &r->obj, "", r->g->nodes[e->target].id, NULL, NULL));
        VNKG_TRY(prop_res(r, (VnkgVocab)(VNKG_V_HOLDS_OFFICE + e->relation),
                          r->obj.ptr));
    }
    return VNKG_SUCCESS;
}

/* The first and last date of the articles naming a node ("" if none). */
static void
node_dates(const VnkgGraph *g, const VnkgNode *n, char first[11], char last[11])
{
    first[0] = last[0] = '\0';
    const char *p = n->sources ? n->sources : "";
    while (*p) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        size_t lo = 0, hi = g->n_articles;
        while (lo < hi) { /* articles are sorted by id */
            size_t mid = lo + (hi - lo) / 2;
            int c = strncmp(g->articles[mid].id, p, len);
            if (c == 0 && g->articles[mid].id[len] != '\0') {
                c = 1;
            }
            if (c == 0) {
                const char *d = g->articles[mid].date;
                if (d && strlen(d) == 10) {
                    if (!first[0] || strcmp(d, first) < 0) {
                        memcpy(first, d, 11);
                    }
                    if (!last[0] || strcmp(d, last) > 0) {
                        memcpy(last, d, 11);
                    }
                }
                break;
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        p += len + (bar != NULL);
    }
}

static VnkgStatus
write_node(Rdf *r, size_t i)
{
    const VnkgNode *n = &r->g->nodes[i];
    if ((unsigned)n->type >= VNKG_TYPE_COUNT) {
        return vnkg_diag(r->ctx, VNKG_ERR_INTERNAL, "node %s: bad type", n->id);
    }
    VNKG_TRY(mint(r, &r->subj, "", n->id, NULL, NULL));
    VNKG_TRY(start_desc(r, r->subj.ptr));
    VNKG_TRY(write_node_types(r, n->type));
    VNKG_TRY(prop_vi(r, VNKG_V_SKOS_PREFLABEL, n->label));
    VNKG_TRY(write_aliases(r, n));
    VNKG_TRY(prop_integer(r, VNKG_V_MENTION_COUNT, (long long)n->mentions));
    VNKG_TRY(prop_integer(r, VNKG_V_DOCUMENT_COUNT, (long long)n->documents));
    VNKG_TRY(prop_double(r, VNKG_V_DEGREE, n->degree));
    VNKG_TRY(prop_double(r, VNKG_V_PAGERANK, n->pagerank));
    VNKG_TRY(prop_double(r, VNKG_V_BETWEENNESS, n->betweenness));
    VNKG_TRY(prop_integer(r, VNKG_V_COMMUNITY, n->community));
    if (n->merged_into && *n->merged_into) {
        VNKG_TRY(mint(r, &r->obj, "", n->merged_into, NULL, NULL));
        VNKG_TRY(prop_res(r, VNKG_V_MERGED_INTO, r->obj.ptr));
    }
    VNKG_TRY(prop_date(r, VNKG_V_VALID_UNTIL, n->valid_until));
    if (n->type == VNKG_TYPE_EVENT) { /* when it took place, as reported */
        char first[11], last[11];
        node_dates(r->g, n, first, last);
        VNKG_TRY(prop_date(r, VNKG_V_FIRST_DATE, first[0] ? first : NULL));
        VNKG_TRY(prop_date(r, VNKG_V_LAST_DATE, last[0] ? last : NULL));
    }
    VNKG_TRY(prop_sources(r, n->sources));
    VNKG_TRY(write_out_edges(r, i));
    return end_elem(r);
}

/* "YYYY-MM-DD" (a valid date) + one day, as the start of that day in
 * Vietnam (UTC+7): "YYYY-MM-DDT00:00:00+07:00". */
static void
next_day_time(const char *date, char out[64])
{
    static const int days[12] = {31, 28, 31, 30, 31, 30,
                                 31, 31, 30, 31, 30, 31};
    int y = atoi(date);
    int m = atoi(date + 5);
    int d = atoi(date + 8);
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (d < days[m - 1] + (m == 2 && leap)) {
        ++d;
    } else {
        d = 1;
        if (++m > 12) {
            m = 1;
            ++y;
        }
    }
    snprintf(out, 64, "%04d-%02d-%02dT00:00:00+07:00", y, m, d);
}

/* org:ChangeEvent: the unit ended on valid_until, its successor took over
 * the next day (REFERENCE.md §3.1, §5). */
static VnkgStatus
write_change(Rdf *r, const VnkgNode *n)
{
    VNKG_TRY(mint(r, &r->subj, "change/", n->id, NULL, NULL));
    VNKG_TRY(start_desc(r, r->subj.ptr));
    VNKG_TRY(prop_type(r, VNKG_V_ORG_CHANGEEVENT));
    VNKG_TRY(mint(r, &r->obj, "", n->id, NULL, NULL));
    VNKG_TRY(prop_res(r, VNKG_V_ORG_ORIGINAL, r->obj.ptr));
    VNKG_TRY(mint(r, &r->obj, "", n->merged_into, NULL, NULL));
    VNKG_TRY(prop_res(r, VNKG_V_ORG_RESULTING, r->obj.ptr));
    if (vnkg_export_is_date(n->valid_until)) {
        char when[64];
        next_day_time(n->valid_until, when);
        VNKG_TRY(
            prop_lit(r, VNKG_V_PROV_STARTED, when, NULL, VNKG_V_XSD_DATETIME));
    }
    return end_elem(r);
}

/* ---- n-ary edges ------------------------------------------------------ */

static VnkgStatus
write_membership(Rdf *r, const VnkgEdge *e)
{
    const char *from = r->g->nodes[e->source].id;
    const char *to = r->g->nodes[e->target].id;
    char *slug = NULL;
    if (e->role && *e->role) {
        VNKG_TRY(role_slug(r, e->role, &slug));
    }
    VnkgStatus st =
        mint(r, &r->subj, "membership/", from, to, slug ? slug : "member");
    if (st == VNKG_SUCCESS && slug) {
        st = mint(r, &r->obj, "role/", slug, NULL, NULL);
    }
    vnkg_free(r->ctx, slug);
    VNKG_TRY(st);
    VNKG_TRY(start_desc(r, r->subj.ptr));
    VNKG_TRY(prop_type(r, VNKG_V_ORG_MEMBERSHIP));
    if (e->role && *e->role) {
        VNKG_TRY(prop_res(r, VNKG_V_ORG_ROLE_P, r->obj.ptr));
    }
    VNKG_TRY(mint(r, &r->obj, "", from, NULL, NULL));
    VNKG_TRY(prop_res(r, VNKG_V_ORG_MEMBER, r->obj.ptr));
    VNKG_TRY(mint(r, &r->obj, "", to, NULL, NULL));
    VNKG_TRY(prop_res(r, VNKG_V_ORG_ORGANIZATION_P, r->obj.ptr));
    VNKG_TRY(prop_date(r, VNKG_V_FIRST_DATE, e->first_date));
    VNKG_TRY(prop_date(r, VNKG_V_LAST_DATE, e->last_date));
    VNKG_TRY(prop_vi(r, VNKG_V_EVIDENCE, e->evidence));
    VNKG_TRY(prop_lit(r, VNKG_V_INFERRED, e->inferred ? "true" : "false", NULL,
                      VNKG_V_XSD_BOOLEAN));
    VNKG_TRY(prop_sources(r, e->sources));
    return end_elem(r);
}

static VnkgStatus
write_comention(Rdf *r, const VnkgEdge *e)
{
    const char *a = r->g->nodes[e->source].id;
    const char *b = r->g->nodes[e->target].id;
    VNKG_TRY(mint(r, &r->subj, "comention/", a, b, NULL));
    VNKG_TRY(start_desc(r, r->subj.ptr));
    VNKG_TRY(prop_type(r, VNKG_V_COMENTION));
    VNKG_TRY(mint(r, &r->obj, "", a, NULL, NULL));
    VNKG_TRY(prop_res(r, VNKG_V_ENTITY, r->obj.ptr));
    VNKG_TRY(mint(r, &r->obj, "", b, NULL, NULL));
    VNKG_TRY(prop_res(r, VNKG_V_ENTITY, r->obj.ptr));
    VNKG_TRY(prop_double(r, VNKG_V_WEIGHT, e->weight));
    VNKG_TRY(prop_vi(r, VNKG_V_EVIDENCE, e->evidence));
    VNKG_TRY(prop_sources(r, e->sources));
    return end_elem(r);
}

/* ---- document --------------------------------------------------------- */

static VnkgStatus
write_namespaces(Rdf *r)
{
    for (int i = 0; i < VNKG_NS_COUNT; ++i) {
        char name[32];
        snprintf(name, sizeof name, "xmlns:%s", vnkg_vocab_ns[i].prefix);
        VNKG_TRY(vnkg_out_xml_attr(&r->out, name, vnkg_vocab_ns[i].iri));
    }
    return VNKG_SUCCESS;
}

static VnkgStatus
write_resources(Rdf *r)
{
    const VnkgGraph *g = r->g;
    VNKG_TRY(write_activity(r));
    for (size_t i = 0; i < g->n_articles; ++i) {
        VNKG_TRY(write_article(r, &g->articles[i]));
    }
    VNKG_TRY(write_roles(r));
    for (size_t i = 0; i < g->n_nodes; ++i) {
        VNKG_TRY(write_node(r, i));
    }
    for (size_t i = 0; i < g->n_nodes; ++i) {
        if (g->nodes[i].merged_into && *g->nodes[i].merged_into) {
            VNKG_TRY(write_change(r, &g->nodes[i]));
        }
    }
    for (size_t i = 0; i < g->n_edges; ++i) {
        const VnkgEdge *e = &g->edges[i];
        if (e->relation == VNKG_REL_HOLDS_OFFICE) {
            VNKG_TRY(write_membership(r, e));
        } else if (e->relation == VNKG_REL_CO_MENTION) {
            VNKG_TRY(write_comention(r, e));
        }
    }
    return VNKG_SUCCESS;
}

static VnkgStatus
write_document(Rdf *r)
{
    vnkg_out_xml_decl(&r->out);
    vnkg_out_xml_start(&r->out, "rdf", "RDF");
    VNKG_TRY(write_namespaces(r));
    VNKG_TRY(write_resources(r));
    vnkg_out_xml_end_document(&r->out);
    return VNKG_SUCCESS;
}

/* Groups edge indices by source node (counting sort, stable). */
static VnkgStatus
index_edges(Rdf *r)
{
    const VnkgGraph *g = r->g;
    size_t n_first = 0;
    VNKG_TRY(vnkg_size_add(&n_first, g->n_nodes, 1));
    r->first = vnkg_calloc(r->ctx, n_first, sizeof *r->first);
    r->order =
        vnkg_calloc(r->ctx, g->n_edges ? g->n_edges : 1, sizeof *r->order);
    if (!r->first || !r->order) {
        return VNKG_ERR_NO_MEMORY;
    }
    for (size_t i = 0; i < g->n_edges; ++i) {
        if (g->edges[i].source >= g->n_nodes ||
            g->edges[i].target >= g->n_nodes) {
            return vnkg_diag(r->ctx, VNKG_ERR_INTERNAL,
                             "edge %zu: endpoint out of range", i);
        }
        r->first[g->edges[i].source + 1]++;
    }
    for (size_t i = 0; i < g->n_nodes; ++i) {
        r->first[i + 1] += r->first[i];
    }
    for (size_t i = 0; i < g->n_edges; ++i) {
        r->order[r->first[g->edges[i].source]++] = i;
    }
    for (size_t i = g->n_nodes; i > 0; --i) { /* undo the shift */
        r->first[i] = r->first[i - 1];
    }
    r->first[0] = 0;
    return VNKG_SUCCESS;
}

static VnkgStatus
write_rdf(VnkgContext *ctx, FILE *fp, const void *data)
{
    Rdf *r = (Rdf *)data; /* write_rdf is only called by export_rdfxml */
    r->ctx = ctx;
    VNKG_TRY(vnkg_out_open(ctx, &r->out, fp));
    return vnkg_out_close(&r->out, write_document(r));
}

VnkgStatus
vnkg_export_rdfxml(VnkgContext *ctx, const VnkgGraph *graph,
                   const char *base_iri, const char *path)
{
    Rdf r = {.ctx = ctx, .g = graph};
    r.base = base_iri ? base_iri : VNKG_DEFAULT_BASE_IRI;
    if (!is_http_iri(r.base)) {
        return vnkg_diag(ctx, VNKG_ERR_BAD_ARG,
                         "base IRI must be an absolute http(s) IRI: %s",
                         r.base);
    }
    VnkgStatus st = index_edges(&r);
    if (st == VNKG_SUCCESS) {
        st = vnkg_export_atomic(ctx, path, write_rdf, &r);
    }
    vnkg_export_buf_clear(ctx, &r.subj);
    vnkg_export_buf_clear(ctx, &r.obj);
    vnkg_free(ctx, r.order);
    vnkg_free(ctx, r.first);
    return st;
}
