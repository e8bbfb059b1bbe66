/* SPDX-License-Identifier: MIT */
/* JSON Lines articles (jansson), one object per line, streamed. */
#include "ingest_internal.h"

#include <jansson.h>

#include <assert.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    VnkgContext *ctx;
    const char *name;
    char *base; /* prefix of default ids: the base name of `name` */
    VnkgDocumentFn fn;
    void *user;
    size_t skipped;
    size_t *count;
} JsonlRun;

static char *
format_dup(VnkgContext *ctx, const char *prefix, const char *sep,
           const char *num)
{
    size_t a = strlen(prefix);
    size_t b = strlen(sep);
    size_t c = strlen(num);
    char *s = vnkg_malloc(ctx, a + b + c + 1);
    if (s) {
        memcpy(s, prefix, a);
        memcpy(s + a, sep, b);
        memcpy(s + a + b, num, c + 1);
    }
    return s;
}

static VnkgStatus
set_id(JsonlRun *run, VnkgDocument *doc, json_t *id, const char *lineno)
{
    char num[32];
    if (json_is_string(id) && json_string_length(id) > 0) {
        doc->id = vnkg_strndup(run->ctx, json_string_value(id),
                               json_string_length(id));
    } else if (json_is_integer(id)) {
        snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT,
                 json_integer_value(id));
        doc->id = vnkg_strdup(run->ctx, num);
    } else {
        doc->id = format_dup(run->ctx, run->base, "-", lineno);
    }
    return doc->id ? VNKG_SUCCESS : VNKG_ERR_NO_MEMORY;
}

static VnkgStatus
copy_string(VnkgContext *ctx, json_t *value, char **out)
{
    if (!json_is_string(value)) {
        return VNKG_SUCCESS;
    }
    *out =
        vnkg_strndup(ctx, json_string_value(value), json_string_length(value));
    return *out ? VNKG_SUCCESS : VNKG_ERR_NO_MEMORY;
}

static VnkgStatus
fill_text(VnkgContext *ctx, VnkgDocument *doc, json_t *title, json_t *text)
{
    const char *body = json_string_value(text);
    size_t body_len = json_string_length(text);
    if (json_is_string(title)) {
        VNKG_TRY(vnkg_ingest_clean_title(ctx, json_string_value(title),
                                         json_string_length(title),
                                         &doc->title));
    }
    if (doc->title) {
        return vnkg_ingest_join_text(ctx, doc, doc->title, body, body_len);
    }
    VNKG_TRY(vnkg_ingest_set_text(ctx, doc, body, body_len));
    VnkgStr line = vnkg_ingest_first_line(doc->text, doc->text_len);
    if (!line.ptr) {
        return VNKG_SUCCESS;
    }
    return vnkg_ingest_clean_title(ctx, line.ptr, line.len, &doc->title);
}

static VnkgStatus
fill_document(JsonlRun *run, VnkgDocument *doc, json_t *obj, size_t lineno)
{
    char num[32];
    snprintf(num, sizeof num, "%zu", lineno);
    VNKG_TRY(set_id(run, doc, json_object_get(obj, "id"), num));
    doc->source = format_dup(run->ctx, run->name, ":", num);
    if (!doc->source) {
        return VNKG_ERR_NO_MEMORY;
    }
    VNKG_TRY(copy_string(run->ctx, json_object_get(obj, "url"), &doc->url));
    json_t *date = json_object_get(obj, "date");
    char iso[11];
    if (json_is_string(date) &&
        vnkg_ingest_parse_date(json_string_value(date),
                               json_string_length(date), iso)) {
        doc->date = vnkg_strndup(run->ctx, iso, 10);
        if (!doc->date) {
            return VNKG_ERR_NO_MEMORY;
        }
    }
    return fill_text(run->ctx, doc, json_object_get(obj, "title"),
                     json_object_get(obj, "text"));
}

/* Parses one line into *out; NULL with VNKG_SUCCESS when the line is
 * skipped (diagnosed and counted). */
static VnkgStatus
parse_line(JsonlRun *run, size_t lineno, const char *line, size_t len,
           VnkgDocument **out)
{
    *out = NULL;
    json_error_t err;
    json_t *obj = json_loadb(line, len, 0, &err);
    const char *reason = NULL;
    if (!obj) {
        reason = err.text;
    } else if (!json_is_object(obj)) {
        reason = "not a JSON object";
    } else if (!json_is_string(json_object_get(obj, "text"))) {
        reason = "no string field \"text\"";
    }
    VnkgStatus st = VNKG_SUCCESS;
    VnkgDocument *doc = NULL;
    if (!reason) {
        st = vnkg_document_new(run->ctx, &doc);
    }
    if (doc && st == VNKG_SUCCESS) {
        st = fill_document(run, doc, obj, lineno);
        if (st == VNKG_SUCCESS &&
            vnkg_ingest_is_blank(doc->text, doc->text_len)) {
            reason = "empty \"text\"";
        }
    }
    if (reason) {
        run->skipped++;
        vnkg_diag(run->ctx, VNKG_ERR_BAD_SYNTAX, "%s:%zu: %s", run->name,
                  lineno, reason);
    }
    if (st == VNKG_SUCCESS && !reason) {
        *out = doc;
    } else {
        vnkg_document_free(run->ctx, doc);
    }
    json_decref(obj);
    return st;
}

static VnkgStatus
handle_line(JsonlRun *run, size_t lineno, const char *line, size_t len)
{
    VnkgContext *ctx = run->ctx;
    if (len > 0 && line[len - 1] == '\r') {
        --len;
    }
    if (lineno == 1 && len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0) {
        line += 3;
        len -= 3;
    }
    if (vnkg_ingest_is_blank(line, len)) {
        return VNKG_SUCCESS;
    }
    size_t max = vnkg_context_limits(ctx)->max_article_bytes;
    if (len > max) {
        run->skipped++;
        vnkg_diag(ctx, VNKG_ERR_LIMIT,
                  "%s:%zu: line of %zu bytes exceeds the article limit of "
                  "%zu bytes",
                  run->name, lineno, len, max);
        return VNKG_SUCCESS;
    }
    VnkgDocument *doc = NULL;
    VNKG_TRY(parse_line(run, lineno, line, len, &doc));
    if (!doc) {
        return VNKG_SUCCESS;
    }
    if (*run->count >= vnkg_context_limits(ctx)->max_articles) {
        vnkg_document_free(ctx, doc);
        return vnkg_diag(ctx, VNKG_ERR_LIMIT, "%s:%zu: more than %zu articles",
                         run->name, lineno,
                         vnkg_context_limits(ctx)->max_articles);
    }
    ++*run->count;
    return run->fn(ctx, doc, run->user);
}

VnkgStatus
vnkg_ingest_jsonl_counted(VnkgContext *ctx, const char *name, const char *data,
                          size_t len, VnkgDocumentFn fn, void *user,
                          size_t *skipped, size_t *count)
{
    assert(ctx && name && fn && count && (data || len == 0));
    JsonlRun run = {ctx, name, NULL, fn, user, 0, count};
    VnkgStatus st = vnkg_ingest_id_from_name(ctx, name, &run.base);
    size_t pos = 0;
    size_t lineno = 0;
    while (st == VNKG_SUCCESS && pos < len) {
        const char *nl = memchr(data + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - data) : len;
        st = handle_line(&run, ++lineno, data + pos, end - pos);
        pos = end + 1;
    }
    vnkg_free(ctx, run.base);
    if (skipped) {
        *skipped = run.skipped;
    }
    return st;
}

VnkgStatus
vnkg_ingest_jsonl(VnkgContext *ctx, const char *name, const char *data,
                  size_t len, VnkgDocumentFn fn, void *user, size_t *skipped)
{
    size_t count = 0;
    return vnkg_ingest_jsonl_counted(ctx, name, data, len, fn, user, skipped,
                                     &count);
}
