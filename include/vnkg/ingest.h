/* SPDX-License-Identifier: MIT */
/* Reading articles: plain text, HTML (libxml2) and JSON Lines (cJSON). */
#ifndef VNKG_INGEST_H
#define VNKG_INGEST_H

#include <vnkg/document.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Called once per article read. The callback takes ownership of `doc`.
 * A status other than VNKG_SUCCESS stops the walk and is returned by the
 * ingest function. */
typedef VnkgStatus (*VnkgDocumentFn)(VnkgContext *ctx, VnkgDocument *doc,
                                     void *user);

typedef enum {
    VNKG_FORMAT_AUTO = 0, /* by extension; "-" and unknown are plain text */
    VNKG_FORMAT_TEXT,
    VNKG_FORMAT_HTML,
    VNKG_FORMAT_JSONL
} VnkgInputFormat;

/* Plain text: the first non-empty line is the title. `name` becomes the
 * source and (without directory and extension) the id.
 * Returns VNKG_ERR_NO_MEMORY, VNKG_ERR_LIMIT. */
VNKG_API VnkgStatus vnkg_ingest_text(VnkgContext *ctx, const char *name,
                                     const char *data, size_t len,
                                     VnkgDocument **out);

/* HTML: parsed with libxml2 (no network, no entity expansion), keeps the
 * title (og:title, else <title> less a site name after its last " | "
 * and cut to the first h1 when it starts with it, else the first h1) and
 * the article body, drops script,
 * style, nav, header, footer, aside, form and menus. The date comes from
 * meta tags (article:published_time, date, pubdate, dc.date) when present.
 * Returns VNKG_ERR_NO_MEMORY, VNKG_ERR_LIMIT, VNKG_ERR_BAD_SYNTAX. */
VNKG_API VnkgStatus vnkg_ingest_html(VnkgContext *ctx, const char *name,
                                     const char *data, size_t len,
                                     VnkgDocument **out);

/* JSON Lines: one object per line with `id`, `url`, `date`, `title`, `text`
 * (only `text` required). Crawlers' names are read too: `_id`; `link`,
 * `source_url`, `canonical_url`; `published`, `published_at`,
 * `publish_date`, `date_publish`, `datePublished`, `publishedAt`,
 * `pubDate`, `pub_date`; `headline`; `content`, `body`, `maintext`,
 * `article`, `articleBody`, `article_text`, `html` (the first present is
 * used). A
 * text that is HTML is read as an HTML page (title and date from it when
 * the object has none). A malformed line is reported with its line
 * number and skipped; the other lines are still delivered to `fn`.
 * Returns the first status `fn` returned other than success,
 * VNKG_ERR_NO_MEMORY, VNKG_ERR_LIMIT; VNKG_SUCCESS when only lines were
 * skipped (they are counted in *skipped if not NULL). */
VNKG_API VnkgStatus vnkg_ingest_jsonl(VnkgContext *ctx, const char *name,
                                      const char *data, size_t len,
                                      VnkgDocumentFn fn, void *user,
                                      size_t *skipped);

/* Reads one path: a file (format by extension unless `format` says), a
 * directory (recursively, in byte order of names, following no symlink
 * loops), or "-" for standard input. Each article goes to `fn`.
 * Returns VNKG_ERR_IO (missing, unreadable), VNKG_ERR_LIMIT, or what `fn`
 * returned. Per-file problems that do not stop the run are diagnosed. */
VNKG_API VnkgStatus vnkg_ingest_path(VnkgContext *ctx, const char *path,
                                     VnkgInputFormat format, VnkgDocumentFn fn,
                                     void *user);

#ifdef __cplusplus
}
#endif
#endif
