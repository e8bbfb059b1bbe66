/* SPDX-License-Identifier: MIT */
/* Articles as read by ingest and cleaned by normalise. */
#ifndef VNKG_DOCUMENT_H
#define VNKG_DOCUMENT_H

#include <vnkg/context.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A view of text that is not necessarily NUL-terminated. */
typedef struct {
    const char *ptr;
    size_t len;
} VnkgStr;

/* One article. Every string is NUL-terminated, owned by the document and
 * freed by vnkg_document_free. After vnkg_normalise_document, `text` and
 * `title` are NFC UTF-8 without control characters other than \n and \t. */
typedef struct {
    char *id;     /* stable article id: JSONL `id`, else the file's base name
                     without extension, "stdin" for standard input */
    char *source; /* where it came from, for diagnostics ("dir/a.jsonl:17") */
    char *url;    /* may be NULL */
    char *title;  /* may be NULL; also the first line of `text` */
    char *date;   /* ISO 8601 "YYYY-MM-DD" from metadata, or NULL */
    char *text;   /* title, a blank line, then the body */
    size_t text_len;
    /* Set by vnkg_normalise_document where cleaning changed lengths:
     * n_map pairs (clean offset, offset in the text as read), ascending. */
    size_t *map;
    size_t n_map;
} VnkgDocument;

/* A new, empty document; strings are NULL, text is "". */
VNKG_API VnkgStatus vnkg_document_new(VnkgContext *ctx, VnkgDocument **out);
/* Frees the document and its strings; accepts NULL. */
VNKG_API void vnkg_document_free(VnkgContext *ctx, VnkgDocument *doc);

/* The byte offset in the text as read (before normalisation) of byte
 * offset `clean` of the normalised text: mentions point into the file. */
VNKG_API size_t vnkg_document_source_offset(const VnkgDocument *doc,
                                            size_t clean);

#ifdef __cplusplus
}
#endif
#endif
