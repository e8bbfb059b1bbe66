/* SPDX-License-Identifier: MIT */
/* Helpers shared by the ingest readers (text, HTML, JSONL, paths). */
#ifndef VNKG_INGEST_INTERNAL_H
#define VNKG_INGEST_INTERNAL_H

#include <vnkg/document.h>
#include <vnkg/ingest.h>

#include <stddef.h>

/* Titles longer than this are cut at a UTF-8 character boundary. */
#define VNKG_INGEST_TITLE_MAX 500

/* A growable byte buffer allocated through the context. Always
 * NUL-terminated once something has been appended. */
typedef struct {
    VnkgContext *ctx;
    char *ptr;
    size_t len;
    size_t cap;
} VnkgIngestBuf;

void vnkg_ingest_buf_init(VnkgIngestBuf *buf, VnkgContext *ctx);
void vnkg_ingest_buf_clear(VnkgIngestBuf *buf);
/* Makes room for `extra` more bytes plus a terminating NUL. */
VnkgStatus vnkg_ingest_buf_reserve(VnkgIngestBuf *buf, size_t extra);
VnkgStatus vnkg_ingest_buf_append(VnkgIngestBuf *buf, const char *s,
                                  size_t len);
/* Hands the NUL-terminated contents to the caller (vnkg_free) and leaves
 * the buffer empty; "" is allocated for an empty buffer. NULL on failure. */
char *vnkg_ingest_buf_take(VnkgIngestBuf *buf, size_t *len);

/* 1 if `c` is ASCII white space (space, \t, \n, \v, \f, \r). */
int vnkg_ingest_is_space(unsigned char c);
/* 1 if `s` holds only ASCII white space (or nothing). */
int vnkg_ingest_is_blank(const char *s, size_t len);
/* The first line of `s` with a non-space byte, without its line ending;
 * {NULL, 0} if there is none. A leading UTF-8 byte order mark is skipped. */
VnkgStr vnkg_ingest_first_line(const char *s, size_t len);

/* The article id for input `name`: base name without directory and last
 * extension, "stdin" for "-". The result belongs to the caller (vnkg_free).
 * Returns VNKG_ERR_NO_MEMORY. */
VnkgStatus vnkg_ingest_id_from_name(VnkgContext *ctx, const char *name,
                                    char **out);

/* A cleaned copy of a title: control characters and runs of white space
 * become one space, the ends are trimmed and the result is cut to
 * VNKG_INGEST_TITLE_MAX bytes at a character boundary. *out is NULL when
 * nothing is left. Returns VNKG_ERR_NO_MEMORY. */
VnkgStatus vnkg_ingest_clean_title(VnkgContext *ctx, const char *s, size_t len,
                                   char **out);

/* Writes to `out` the "YYYY-MM-DD" of the date that starts `s` if it is
 * a valid date in the Gregorian calendar, written "YYYY-MM-DD...",
 * "DD/MM/YYYY..." (day first, as in Việt Nam; "-" or "." also separate)
 * or "Www, DD Mon YYYY..." (RFC 822); returns 1 then, else 0. */
int vnkg_ingest_parse_date(const char *s, size_t len, char out[11]);

/* Replaces doc->text with a copy of `len` bytes of `text` (NUL bytes kept:
 * text_len is exact). Returns VNKG_ERR_NO_MEMORY. */
VnkgStatus vnkg_ingest_set_text(VnkgContext *ctx, VnkgDocument *doc,
                                const char *text, size_t len);

/* Sets doc->text to `title`, a blank line, then `body` (just `body` when
 * `title` is NULL). Returns VNKG_ERR_NO_MEMORY, VNKG_ERR_LIMIT. */
VnkgStatus vnkg_ingest_join_text(VnkgContext *ctx, VnkgDocument *doc,
                                 const char *title, const char *body,
                                 size_t body_len);

/* A new document with `id` derived from `name` and `source` = `name`.
 * Returns VNKG_ERR_NO_MEMORY. */
VnkgStatus vnkg_ingest_document_for(VnkgContext *ctx, const char *name,
                                    VnkgDocument **out);

/* Checks `len` against limits.max_article_bytes, diagnosing `name`.
 * Returns VNKG_ERR_LIMIT. */
VnkgStatus vnkg_ingest_check_article(VnkgContext *ctx, const char *name,
                                     size_t len);

/* vnkg_ingest_jsonl that also counts delivered articles in *count and
 * stops with VNKG_ERR_LIMIT when limits.max_articles would be exceeded. */
VnkgStatus vnkg_ingest_jsonl_counted(VnkgContext *ctx, const char *name,
                                     const char *data, size_t len,
                                     VnkgDocumentFn fn, void *user,
                                     size_t *skipped, size_t *count);

/* A source of bytes: up to `cap` bytes into `buf`, their number in *got
 * (0 at the end). Returns VNKG_ERR_IO or VNKG_ERR_LIMIT, diagnosed. */
typedef VnkgStatus (*VnkgIngestReadFn)(void *src, char *buf, size_t cap,
                                       size_t *got);

/* JSON Lines read from `read` as they come, each line handled as soon as
 * it is complete (as vnkg_ingest_jsonl_counted): memory holds a block and
 * one line, never the file; a line over limits.max_article_bytes is
 * counted and skipped without being kept. *blank is set when no line had
 * anything but white space. */
VnkgStatus vnkg_ingest_jsonl_stream(VnkgContext *ctx, const char *name,
                                    VnkgIngestReadFn read, void *src,
                                    VnkgDocumentFn fn, void *user,
                                    size_t *count, int *blank);

/* HTML (libxml2) helpers, in html_text.c. */
struct _xmlNode;

typedef enum {
    VNKG_WALK_DESCEND, /* visit the node's children */
    VNKG_WALK_SKIP,    /* do not visit them */
    VNKG_WALK_STOP     /* end the walk */
} VnkgWalkAction;

/* An iterative depth-first walk, so deep nesting cannot overflow the
 * stack. `leave` is called for every node `enter` saw, except after STOP.
 * Children of a node at `max_depth` are skipped and `truncated` is set. */
typedef struct {
    VnkgWalkAction (*enter)(struct _xmlNode *node, size_t depth, void *user);
    void (*leave)(struct _xmlNode *node, void *user);
    void *user;
    size_t max_depth;
    int truncated;
} VnkgHtmlWalk;

/* Walks the descendants of `root`, which is at depth `depth`. */
void vnkg_ingest_html_walk(VnkgHtmlWalk *walk, struct _xmlNode *root,
                           size_t depth);

/* A borrowed attribute value: "" when present without value, NULL when
 * absent or not a single text node. */
const char *vnkg_ingest_html_attr(const struct _xmlNode *node,
                                  const char *name);

/* 1 if the element and its content are boilerplate: script, style, nav,
 * header, footer, aside, form... or a class/id naming a menu, sidebar,
 * share bar, comments, related links, tags or an advert. */
int vnkg_ingest_html_dropped(const struct _xmlNode *node);

/* 1 if a class/id marks the element as an article body. */
int vnkg_ingest_html_is_body(const struct _xmlNode *node);
int vnkg_ingest_html_is_lead(const struct _xmlNode *node);

/* Appends the visible text of the descendants of `root` (at `depth`) to
 * `out`: block elements end lines, white space runs collapse, at most one
 * blank line is kept, leading and trailing line breaks are trimmed.
 * Sets *truncated when content deeper than max_depth was skipped.
 * Returns VNKG_ERR_NO_MEMORY, VNKG_ERR_LIMIT. */
VnkgStatus vnkg_ingest_html_text(struct _xmlNode *root, size_t depth,
                                 size_t max_depth, VnkgIngestBuf *out,
                                 int *truncated);

#endif
