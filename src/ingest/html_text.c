/* SPDX-License-Identifier: MIT */
/* HTML tree walking and text extraction: boilerplate dropped, block
 * elements turned into line breaks. */
#include "ingest_internal.h"

#include <libxml/tree.h>

#include <string.h>
#include <strings.h>

void
vnkg_ingest_html_walk(VnkgHtmlWalk *walk, xmlNode *root, size_t depth)
{
    xmlNode *cur = root->children;
    ++depth;
    while (cur) {
        VnkgWalkAction act = walk->enter(cur, depth, walk->user);
        if (act == VNKG_WALK_STOP) {
            return;
        }
        if (act == VNKG_WALK_DESCEND && cur->children) {
            if (depth < walk->max_depth) {
                cur = cur->children;
                ++depth;
                continue;
            }
            walk->truncated = 1;
        }
        /* `cur` is finished: leave it and every ancestor it ends. */
        for (;;) {
            walk->leave(cur, walk->user);
            if (cur->next) {
                cur = cur->next;
                break;
            }
            cur = cur->parent;
            --depth;
            if (!cur || cur == root) {
                return;
            }
        }
    }
}

const char *
vnkg_ingest_html_attr(const xmlNode *node, const char *name)
{
    for (const xmlAttr *a = node->properties; a; a = a->next) {
        if (!a->name || strcasecmp((const char *)a->name, name) != 0) {
            continue;
        }
        if (!a->children) {
            return "";
        }
        if (a->children->type == XML_TEXT_NODE && !a->children->next &&
            a->children->content) {
            return (const char *)a->children->content;
        }
        return NULL;
    }
    return NULL;
}

static int
name_in(const xmlNode *node, const char *const *names)
{
    const char *tag = (const char *)node->name;
    for (size_t i = 0; names[i]; ++i) {
        if (strcasecmp(tag, names[i]) == 0) {
            return 1;
        }
    }
    return 0;
}

static int
is_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* 1 if a word of `value` (split at non-alphanumerics) starts with one of
 * `markers`: "main-nav" and "navbar" match "nav", "canvas" does not. */
static int
word_prefix(const char *value, const char *const *markers)
{
    const unsigned char *s = (const unsigned char *)value;
    while (*s) {
        while (*s && !is_alnum(*s)) {
            ++s;
        }
        for (size_t i = 0; *s && markers[i]; ++i) {
            if (strncasecmp((const char *)s, markers[i], strlen(markers[i])) ==
                0) {
                return 1;
            }
        }
        while (*s && is_alnum(*s)) {
            ++s;
        }
    }
    return 0;
}

static int
contains_ci(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; ++hay) {
        if (strncasecmp(hay, needle, n) == 0) {
            return 1;
        }
    }
    return 0;
}

static int
class_or_id(const xmlNode *node, int (*match)(const char *, const void *),
            const void *arg)
{
    const char *cls = vnkg_ingest_html_attr(node, "class");
    const char *id = vnkg_ingest_html_attr(node, "id");
    return (cls && match(cls, arg)) || (id && match(id, arg));
}

static int
match_body(const char *value, const void *arg)
{
    const char *const *markers = arg;
    for (size_t i = 0; markers[i]; ++i) {
        if (contains_ci(value, markers[i])) {
            return 1;
        }
    }
    return 0;
}

static int
match_drop(const char *value, const void *arg)
{
    return word_prefix(value, arg);
}

/* The lead paragraph ("sapo") that Vietnamese news sites keep outside
 * the body container; it often holds the article's main facts. */
int
vnkg_ingest_html_is_lead(const xmlNode *node)
{
    static const char *const markers[] = {"sapo",        "lead",     "chapeau",
                                          "summary",     "tomtat",   "excerpt",
                                          "description", "abstract", NULL};
    return node->type == XML_ELEMENT_NODE &&
           class_or_id(node, match_body, markers);
}

int
vnkg_ingest_html_is_body(const xmlNode *node)
{
    static const char *const markers[] = {"article-body",
                                          "articlebody",
                                          "article-content",
                                          "detail-content",
                                          "content-detail",
                                          "detail__content",
                                          "fck_detail",
                                          "post-content",
                                          "entry-content",
                                          "news-content",
                                          "cms-body",
                                          "maincontent",
                                          "main-content",
                                          "the-article",
                                          "story-body",
                                          "body-content",
                                          "article__body",
                                          "singular-content",
                                          NULL};
    return node->type == XML_ELEMENT_NODE &&
           class_or_id(node, match_body, markers);
}

int
vnkg_ingest_html_dropped(const xmlNode *node)
{
    static const char *const tags[] = {
        "script",   "style",  "noscript", "nav",    "header",
        "footer",   "aside",  "form",     "iframe", "svg",
        "button",   "select", "template", "head",   "title",
        "textarea", "object", "embed",    "canvas", "audio",
        "video",    "map",    "input",    "math",   NULL};
    static const char *const keep[] = {"html", "body", "main", "article", NULL};
    static const char *const markers[] = {
        "menu", "nav", "breadcrumb", "sidebar", "footer", "header", "share",
        "social", "comment", "related", "tags", "advert", "banner",
        /* Vietnamese sites name their boxes in Vietnamese, unaccented */
        "tinlienquan", "tin-lien-quan", "lienquan", "tinkhac", "tin-khac",
        "tincungchuyenmuc", "binhluan", "chiase", NULL};
    if (node->type != XML_ELEMENT_NODE || !node->name) {
        return 0;
    }
    if (name_in(node, tags)) {
        return 1;
    }
    if (name_in(node, keep) || vnkg_ingest_html_is_body(node)) {
        return 0;
    }
    return class_or_id(node, match_drop, markers);
}

/* Line breaks an element asks for: 2 for a paragraph, 1 for a line. */
static int
block_breaks(const xmlNode *node)
{
    static const char *const paragraphs[] = {
        "p",  "h1", "h2",         "h3",     "h4",  "h5",    "h6",
        "ul", "ol", "blockquote", "figure", "pre", "table", NULL};
    static const char *const lines[] = {
        "div",        "br",      "li",      "tr", "td",     "th",
        "section",    "article", "caption", "dd", "dt",     "dl",
        "figcaption", "main",    "address", "hr", "center", "summary",
        "details",    "body",    NULL};
    if (node->type != XML_ELEMENT_NODE || !node->name) {
        return 0;
    }
    if (name_in(node, paragraphs)) {
        return 2;
    }
    return name_in(node, lines) ? 1 : 0;
}

typedef struct {
    VnkgIngestBuf *buf;
    VnkgStatus st;
    int space;    /* white space seen since the last visible byte */
    int newlines; /* line breaks ending the buffer */
} TextOut;

static void
put(TextOut *out, const char *s, size_t len)
{
    if (out->st == VNKG_SUCCESS) {
        out->st = vnkg_ingest_buf_append(out->buf, s, len);
    }
}

static void
emit_text(TextOut *out, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        if (vnkg_ingest_is_space(*p) || (p[0] == 0xC2 && p[1] == 0xA0)) {
            p += *p == 0xC2 ? 2 : 1; /* U+00A0, &nbsp;, counts as space */
            out->space = 1;
            continue;
        }
        const unsigned char *start = p;
        while (*p && !vnkg_ingest_is_space(*p) &&
               !(p[0] == 0xC2 && p[1] == 0xA0)) {
            ++p;
        }
        if (out->space && out->newlines == 0 && out->buf->len > 0) {
            put(out, " ", 1);
        }
        put(out, (const char *)start, (size_t)(p - start));
        out->space = 0;
        out->newlines = 0;
    }
}

static void
emit_breaks(TextOut *out, int want, int hard)
{
    if (out->buf->len == 0) {
        return;
    }
    if (hard && out->newlines < 2) {
        want = out->newlines + 1;
    }
    while (out->newlines < want) {
        put(out, "\n", 1);
        out->newlines++;
    }
    /* A pending space survives an inline element: "Chính <a>phát" keeps
     * its space; after a line break emit_text ignores it anyway. */
}

static VnkgWalkAction
text_enter(xmlNode *node, size_t depth, void *user)
{
    TextOut *out = user;
    (void)depth;
    if (out->st != VNKG_SUCCESS) {
        return VNKG_WALK_STOP;
    }
    switch (node->type) {
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE:
        if (node->content) {
            emit_text(out, (const char *)node->content);
        }
        return VNKG_WALK_SKIP;
    case XML_ELEMENT_NODE:
        if (vnkg_ingest_html_dropped(node)) {
            return VNKG_WALK_SKIP;
        }
        emit_breaks(out, block_breaks(node),
                    strcasecmp((const char *)node->name, "br") == 0);
        return VNKG_WALK_DESCEND;
    default: /* comments, unexpanded entity references, DTD nodes */
        return VNKG_WALK_SKIP;
    }
}

static void
text_leave(xmlNode *node, void *user)
{
    TextOut *out = user;
    if (node->type == XML_ELEMENT_NODE &&
        strcasecmp((const char *)node->name, "br") != 0) {
        emit_breaks(out, block_breaks(node), 0);
    }
}

VnkgStatus
vnkg_ingest_html_text(xmlNode *root, size_t depth, size_t max_depth,
                      VnkgIngestBuf *out, int *truncated)
{
    TextOut text = {out, VNKG_SUCCESS, 0, 0};
    VnkgHtmlWalk walk = {text_enter, text_leave, &text, max_depth, 0};
    vnkg_ingest_html_walk(&walk, root, depth);
    if (walk.truncated) {
        *truncated = 1;
    }
    while (out->len > 0 && out->ptr[out->len - 1] == '\n') {
        out->ptr[--out->len] = '\0';
    }
    return text.st;
}
