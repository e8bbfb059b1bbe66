/* SPDX-License-Identifier: MIT */
/* HTML articles (libxml2): metadata from <head>, text from the body. */
#include "ingest_internal.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <assert.h>
#include <limits.h>
#include <string.h>
#include <strings.h>

/* Sniffs a charset declared near the start. Without one, or with UTF-8,
 * libxml2 is told "UTF-8": left to guess, 2.9 switches the rest of the
 * page to Latin-1 at the first invalid byte, which garbles Vietnamese;
 * told, it substitutes U+FFFD. Other declared charsets are left to it. */
static const char *
sniff_encoding(const char *data, size_t len)
{
    size_t n = len < 2048 ? len : 2048;
    if (n >= 2 &&
        ((unsigned char)data[0] == 0xFE || (unsigned char)data[0] == 0xFF)) {
        return NULL; /* a UTF-16 byte order mark */
    }
    static const char *const keys[] = {"charset", "encoding"};
    for (size_t k = 0; k < 2; ++k) {
        size_t klen = strlen(keys[k]);
        for (size_t i = 0; i + klen < n; ++i) {
            if (strncasecmp(data + i, keys[k], klen) != 0) {
                continue;
            }
            size_t j = i + klen;
            while (j < n && (data[j] == '=' || data[j] == '"' ||
                             data[j] == '\'' || data[j] == ' ')) {
                ++j;
            }
            if (n - j >= 4 && (strncasecmp(data + j, "utf-8", 5) == 0 ||
                               strncasecmp(data + j, "utf8", 4) == 0)) {
                return "UTF-8";
            }
            if (j > i + klen && j < n) {
                return NULL;
            }
        }
    }
    return "UTF-8";
}

enum { MAX_CANDIDATES = 64, DATE_NONE = 100 };

/* What one pass over the parsed page finds. Pointers borrow from the
 * libxml2 document. */
typedef struct {
    VnkgContext *ctx;
    const char *name;
    size_t max_depth;
    xmlNode *body;
    xmlNode *title;
    xmlNode *h1;
    size_t body_depth;
    size_t h1_depth;
    const char *og_title;
    const char *og_url;
    const char *canonical;
    char date[11];
    int date_rank;    /* index in date_keys, lower wins */
    xmlNode *dropped; /* the boilerplate element being walked, if any */
    xmlNode *candidates[MAX_CANDIDATES];
    size_t candidate_depth[MAX_CANDIDATES];
    size_t ncandidates;
    xmlNode *lead; /* the lead paragraph, if the page marks one */
    size_t lead_depth;
    int truncated;
} HtmlPage;

static const char *const date_keys[] = {"article:published_time",
                                        "og:article:published_time",
                                        "pubdate",
                                        "publishdate",
                                        "date",
                                        "dc.date",
                                        "dc.date.issued",
                                        NULL};

enum { RANK_ITEMPROP = 7, RANK_TIME = 8 };

static int
is_tag(const xmlNode *node, const char *tag)
{
    return strcasecmp((const char *)node->name, tag) == 0;
}

static void
offer_date(HtmlPage *page, int rank, const char *value)
{
    char iso[11];
    if (value && rank < page->date_rank &&
        vnkg_ingest_parse_date(value, strlen(value), iso)) {
        memcpy(page->date, iso, sizeof iso);
        page->date_rank = rank;
    }
}

static void
scan_meta(HtmlPage *page, const xmlNode *node)
{
    const char *content = vnkg_ingest_html_attr(node, "content");
    const char *key = vnkg_ingest_html_attr(node, "property");
    if (!key) {
        key = vnkg_ingest_html_attr(node, "name");
    }
    if (is_tag(node, "meta") && key && content) {
        if (strcasecmp(key, "og:title") == 0 && !page->og_title) {
            page->og_title = content;
        } else if (strcasecmp(key, "og:url") == 0 && !page->og_url) {
            page->og_url = content;
        }
        for (int i = 0; date_keys[i]; ++i) {
            if (strcasecmp(key, date_keys[i]) == 0) {
                offer_date(page, i, content);
            }
        }
    }
    const char *prop = vnkg_ingest_html_attr(node, "itemprop");
    if (prop && strcasecmp(prop, "datePublished") == 0) {
        offer_date(page, RANK_ITEMPROP,
                   content ? content : vnkg_ingest_html_attr(node, "datetime"));
    }
    if (is_tag(node, "time")) {
        offer_date(page, RANK_TIME, vnkg_ingest_html_attr(node, "datetime"));
    }
    const char *rel = vnkg_ingest_html_attr(node, "rel");
    if (is_tag(node, "link") && rel && strcasecmp(rel, "canonical") == 0 &&
        !page->canonical) {
        page->canonical = vnkg_ingest_html_attr(node, "href");
    }
}

static VnkgWalkAction
scan_enter(xmlNode *node, size_t depth, void *user)
{
    HtmlPage *page = user;
    if (node->type != XML_ELEMENT_NODE || !node->name) {
        return VNKG_WALK_SKIP;
    }
    if (is_tag(node, "script") || is_tag(node, "style") ||
        is_tag(node, "template")) {
        return VNKG_WALK_SKIP;
    }
    scan_meta(page, node);
    if (!page->body && is_tag(node, "body")) {
        page->body = node;
        page->body_depth = depth;
    } else if (!page->title && is_tag(node, "title")) {
        page->title = node;
    } else if (!page->h1 && is_tag(node, "h1")) {
        page->h1 = node;
        page->h1_depth = depth;
    }
    /* An <article> inside an aside or a related-news box is not the
     * article: candidates are looked for outside boilerplate only. */
    if (!page->dropped && vnkg_ingest_html_dropped(node)) {
        page->dropped = node;
    } else if (!page->dropped && !page->lead &&
               vnkg_ingest_html_is_lead(node) &&
               !vnkg_ingest_html_is_body(node)) {
        page->lead = node;
        page->lead_depth = depth;
    } else if (!page->dropped && page->ncandidates < MAX_CANDIDATES &&
               (is_tag(node, "article") || vnkg_ingest_html_is_body(node))) {
        page->candidates[page->ncandidates] = node;
        page->candidate_depth[page->ncandidates++] = depth;
    }
    return VNKG_WALK_DESCEND;
}

static void
scan_leave(xmlNode *node, void *user)
{
    HtmlPage *page = user;
    if (node == page->dropped) {
        page->dropped = NULL;
    }
}

static void
scan_page(HtmlPage *page, xmlDoc *xdoc)
{
    VnkgHtmlWalk walk = {scan_enter, scan_leave, page, page->max_depth, 0};
    vnkg_ingest_html_walk(&walk, (xmlNode *)xdoc, 0);
    page->truncated |= walk.truncated;
}

/* The visible text of `node` as a cleaned title. */
static VnkgStatus
node_title(HtmlPage *page, xmlNode *node, size_t depth, char **out)
{
    VnkgIngestBuf buf;
    vnkg_ingest_buf_init(&buf, page->ctx);
    VnkgStatus st = vnkg_ingest_html_text(node, depth, page->max_depth, &buf,
                                          &page->truncated);
    if (st == VNKG_SUCCESS && buf.len > 0) {
        st = vnkg_ingest_clean_title(page->ctx, buf.ptr, buf.len, out);
    }
    vnkg_ingest_buf_clear(&buf);
    return st;
}

/* A <title> ends with the site's name after " | " ("Việt Nam - Hàn Quốc
 * thúc đẩy hợp tác | Báo Đầu tư"): the headline is what precedes the
 * last one, when that is not too short to be one. (" - " is left here:
 * it joins the parties of headlines as often as it sets off a site; a
 * title that starts with the page's h1 is cut to it in fill_meta.) */
static void
cut_site_name(char *title)
{
    char *bar = NULL;
    for (char *p = strstr(title, " | "); p; p = strstr(p + 1, " | ")) {
        bar = p;
    }
    if (bar && bar - title >= 12) {
        *bar = '\0';
    }
}

static VnkgStatus
fill_meta(HtmlPage *page, VnkgDocument *doc)
{
    VnkgContext *ctx = page->ctx;
    if (page->og_title) {
        VNKG_TRY(vnkg_ingest_clean_title(ctx, page->og_title,
                                         strlen(page->og_title), &doc->title));
    }
    if (!doc->title && page->title) {
        VNKG_TRY(node_title(page, page->title, 0, &doc->title));
        if (doc->title) {
            cut_site_name(doc->title);
        }
    }
    if (doc->title && !page->og_title && page->title && page->h1) {
        /* "Thủ tướng tiếp ... - Báo Chính phủ" with the h1 "Thủ tướng tiếp
         * ...": the headline without the site's name */
        char *h1 = NULL;
        VNKG_TRY(node_title(page, page->h1, page->h1_depth, &h1));
        size_t n = h1 ? strlen(h1) : 0;
        if (n >= 12 && strncmp(doc->title, h1, n) == 0 &&
            (doc->title[n] == ' ' || doc->title[n] == '\0')) {
            vnkg_free(ctx, doc->title);
            doc->title = h1;
            h1 = NULL;
        }
        vnkg_free(ctx, h1);
    }
    if (!doc->title && page->h1) {
        VNKG_TRY(node_title(page, page->h1, page->h1_depth, &doc->title));
    }
    const char *url = page->og_url ? page->og_url : page->canonical;
    if (url) {
        /* Reuses the title cleaner to trim and drop control characters. */
        VNKG_TRY(vnkg_ingest_clean_title(ctx, url, strlen(url), &doc->url));
    }
    if (page->date_rank != DATE_NONE) {
        doc->date = vnkg_strndup(ctx, page->date, 10);
        if (!doc->date) {
            return VNKG_ERR_NO_MEMORY;
        }
    }
    return VNKG_SUCCESS;
}

/* True when `node` is inside one of the nodes (or is one). */
static int
inside_any(const xmlNode *node, xmlNode *const *nodes, size_t n)
{
    for (const xmlNode *p = node; p; p = p->parent) {
        for (size_t i = 0; i < n; ++i) {
            if (p == nodes[i]) {
                return 1;
            }
        }
    }
    return 0;
}

/* The text of the largest article candidate, else of the body; the lead
 * paragraph goes first when the page keeps it outside the candidate. */
static VnkgStatus
extract_body(HtmlPage *page, VnkgIngestBuf *out)
{
    VnkgIngestBuf tmp;
    vnkg_ingest_buf_init(&tmp, page->ctx);
    VnkgStatus st = VNKG_SUCCESS;
    for (size_t i = 0; i < page->ncandidates && st == VNKG_SUCCESS; ++i) {
        tmp.len = 0;
        st =
            vnkg_ingest_html_text(page->candidates[i], page->candidate_depth[i],
                                  page->max_depth, &tmp, &page->truncated);
        if (st == VNKG_SUCCESS && tmp.len > out->len) {
            VnkgIngestBuf swap = *out;
            *out = tmp;
            tmp = swap;
        }
    }
    vnkg_ingest_buf_clear(&tmp);
    if (st == VNKG_SUCCESS && out->len > 0 && page->lead &&
        !inside_any(page->lead, page->candidates, page->ncandidates)) {
        /* lead first, then the body: the order a reader sees */
        VnkgIngestBuf lead;
        vnkg_ingest_buf_init(&lead, page->ctx);
        st = vnkg_ingest_html_text(page->lead, page->lead_depth,
                                   page->max_depth, &lead, &page->truncated);
        if (st == VNKG_SUCCESS && lead.len > 0) {
            st = vnkg_ingest_buf_append(&lead, "\n\n", 2);
        }
        if (st == VNKG_SUCCESS) {
            st = vnkg_ingest_buf_append(&lead, out->ptr, out->len);
        }
        if (st == VNKG_SUCCESS) {
            VnkgIngestBuf swap = *out;
            *out = lead;
            lead = swap;
        }
        vnkg_ingest_buf_clear(&lead);
    }
    if (st == VNKG_SUCCESS && out->len == 0 && page->body) {
        st = vnkg_ingest_html_text(page->body, page->body_depth,
                                   page->max_depth, out, &page->truncated);
    }
    return st;
}

/* Skips the body's first line when it repeats the title (an <h1>). */
static size_t
skip_repeated_title(const char *title, const char *body, size_t len)
{
    if (!title) {
        return 0;
    }
    size_t tlen = strlen(title);
    if (len >= tlen && memcmp(body, title, tlen) == 0 &&
        (len == tlen || body[tlen] == '\n')) {
        size_t pos = tlen;
        while (pos < len && body[pos] == '\n') {
            ++pos;
        }
        return pos;
    }
    return 0;
}

static VnkgStatus
fill_document(HtmlPage *page, VnkgDocument *doc)
{
    VNKG_TRY(fill_meta(page, doc));
    VnkgIngestBuf body;
    vnkg_ingest_buf_init(&body, page->ctx);
    VnkgStatus st = extract_body(page, &body);
    if (st == VNKG_SUCCESS) {
        const char *text = body.ptr ? body.ptr : "";
        size_t skip = skip_repeated_title(doc->title, text, body.len);
        st = vnkg_ingest_join_text(page->ctx, doc, doc->title, text + skip,
                                   body.len - skip);
    }
    vnkg_ingest_buf_clear(&body);
    return st;
}

static VnkgStatus
build_document(VnkgContext *ctx, const char *name, xmlDoc *xdoc,
               VnkgDocument **out)
{
    VnkgDocument *doc = NULL;
    VNKG_TRY(vnkg_ingest_document_for(ctx, name, &doc));
    HtmlPage page;
    memset(&page, 0, sizeof page);
    page.ctx = ctx;
    page.name = name;
    page.max_depth = vnkg_context_limits(ctx)->max_html_depth;
    page.date_rank = DATE_NONE;
    scan_page(&page, xdoc);
    VnkgStatus st = fill_document(&page, doc);
    if (st == VNKG_SUCCESS && page.truncated) {
        vnkg_diag(ctx, VNKG_ERR_LIMIT,
                  "%s: HTML nested deeper than %zu elements; the deeper "
                  "content was skipped",
                  name, page.max_depth);
    }
    if (st == VNKG_SUCCESS) {
        st = vnkg_ingest_check_article(ctx, name, doc->text_len);
    }
    if (st != VNKG_SUCCESS) {
        vnkg_document_free(ctx, doc);
        doc = NULL;
    }
    *out = doc;
    return st;
}

/* In recovery mode a fatal error (such as libxml2's own nesting limit of
 * 256 without HTML_PARSE_HUGE) still yields a document, but the parser
 * stopped there: say that the rest of the page is missing. */
static void
report_fatal(VnkgContext *ctx, const char *name, const xmlError *err)
{
    if (!err || err->level != XML_ERR_FATAL) {
        return;
    }
    const char *msg = err->message ? err->message : "fatal error";
    size_t len = strlen(msg);
    while (len > 0 && (msg[len - 1] == '\n' || msg[len - 1] == ' ')) {
        --len;
    }
    vnkg_diag(ctx, VNKG_ERR_BAD_SYNTAX,
              "%s: HTML parser stopped at line %d (%.*s); the rest of the "
              "page is missing",
              name, err->line, (int)(len < 200 ? len : 200), msg);
}

VnkgStatus
vnkg_ingest_html(VnkgContext *ctx, const char *name, const char *data,
                 size_t len, VnkgDocument **out)
{
    assert(ctx && name && out && (data || len == 0));
    *out = NULL;
    size_t max = vnkg_context_limits(ctx)->max_file_bytes;
    if (len > (size_t)INT_MAX || len > max) {
        return vnkg_diag(ctx, VNKG_ERR_LIMIT,
                         "%s: HTML of %zu bytes exceeds the limit of %zu "
                         "bytes",
                         name, len, max < INT_MAX ? max : (size_t)INT_MAX);
    }
    if (vnkg_ingest_is_blank(data, len)) {
        return vnkg_ingest_document_for(ctx, name, out);
    }
    htmlParserCtxtPtr pctx = htmlNewParserCtxt();
    if (!pctx) {
        return VNKG_ERR_NO_MEMORY;
    }
    /* No HTML_PARSE_HUGE, no entity substitution, nothing fetched. */
    int opts = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
               HTML_PARSE_RECOVER;
    xmlDoc *xdoc = htmlCtxtReadMemory(pctx, data, (int)len, NULL,
                                      sniff_encoding(data, len), opts);
    VnkgStatus st = VNKG_SUCCESS;
    if (!xdoc) {
        const xmlError *err = xmlCtxtGetLastError(pctx);
        st = vnkg_diag(ctx, VNKG_ERR_BAD_SYNTAX, "%s: not parsable as HTML%s%s",
                       name, err && err->message ? ": " : "",
                       err && err->message ? err->message : "");
    } else {
        report_fatal(ctx, name, xmlCtxtGetLastError(pctx));
        st = build_document(ctx, name, xdoc, out);
        xmlFreeDoc(xdoc);
    }
    htmlFreeParserCtxt(pctx);
    return st;
}
