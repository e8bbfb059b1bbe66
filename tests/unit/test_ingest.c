/* SPDX-License-Identifier: MIT */
/* Unit tests for src/ingest: text, HTML, JSON Lines and paths. */
#undef NDEBUG

#include "../../src/ingest/ingest_internal.h"
#include "failalloc.h"

#include <vnkg/document.h>
#include <vnkg/ingest.h>

#include <libxml/parser.h>

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define DATA_DIR VNKG_TEST_SOURCE_DIR "/tests/data/ingest/"

/* ---- helpers ---------------------------------------------------------- */

typedef struct {
    char text[16384];
    size_t len;
    int count;
} DiagLog;

static void
log_diag(VnkgStatus st, const char *message, void *user)
{
    DiagLog *log = user;
    (void)st;
    int n = snprintf(log->text + log->len, sizeof log->text - log->len, "%s\n",
                     message);
    if (n > 0 && log->len + (size_t)n < sizeof log->text) {
        log->len += (size_t)n;
    }
    log->count++;
}

typedef struct {
    VnkgDocument *docs[64];
    size_t len;
    VnkgStatus reply; /* what the callback returns */
} DocList;

static VnkgStatus
collect(VnkgContext *ctx, VnkgDocument *doc, void *user)
{
    DocList *list = user;
    if (list->len < sizeof list->docs / sizeof list->docs[0]) {
        list->docs[list->len++] = doc;
    } else {
        vnkg_document_free(ctx, doc);
    }
    return list->reply;
}

static void
docs_clear(VnkgContext *ctx, DocList *list)
{
    for (size_t i = 0; i < list->len; ++i) {
        vnkg_document_free(ctx, list->docs[i]);
    }
    list->len = 0;
}

static VnkgContext *
new_context(DiagLog *log)
{
    VnkgContext *ctx = NULL;
    assert(vnkg_context_new(&ctx) == VNKG_SUCCESS);
    memset(log, 0, sizeof *log);
    vnkg_context_set_diag(ctx, log_diag, log);
    return ctx;
}

static char *
read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert(f);
    static char buf[1 << 16];
    *len = fread(buf, 1, sizeof buf, f);
    fclose(f);
    return buf;
}

static void
write_file(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert(f);
    assert(fwrite(data, 1, len, f) == len);
    assert(fclose(f) == 0);
}

static void
write_str(const char *path, const char *data)
{
    write_file(path, data, strlen(data));
}

/* ---- documents and plain text ------------------------------------------ */

static void
test_document_new_free(void)
{
    DiagLog log;
    VnkgContext *ctx = new_context(&log);
    VnkgDocument *doc = NULL;
    assert(vnkg_document_new(ctx, &doc) == VNKG_SUCCESS);
    assert(doc->text && doc->text[0] == '\0' && doc->text_len == 0);
    assert(!doc->id && !doc->source && !doc->url && !doc->title && !doc->date);
    vnkg_document_free(ctx, doc);
    vnkg_document_free(ctx, NULL);
    vnkg_context_free(ctx);
}

static void
test_text_title_body(void)
{
    DiagLog log;
    VnkgContext *ctx = new_context(&log);
    const char *data = "\n   \n  Thủ tướng thăm Cao Bằng  \r\nChiều 18/7, "
                       "đoàn công tác làm việc.\n";
    VnkgDocument *doc = NULL;
    assert(vnkg_ingest_text(ctx, "tin/2025/bai-1.txt", data, strlen(data),
                            &doc) == VNKG_SUCCESS);
    assert(strcmp(doc->title, "Thủ tướng thăm Cao Bằng") == 0);
    assert(doc->text_len == strlen(data));
    assert(memcmp(doc->text, data, doc->text_len) == 0);
    assert(strcmp(doc->id, "bai-1") == 0);
    assert(strcmp(doc->source, "tin/2025/bai-1.txt") == 0);
    assert(!doc->url && !doc->date);
    vnkg_document_free(ctx, doc);

    size_t len = 0;
    char *file = read_file(DATA_DIR "plain.txt", &len);
    assert(vnkg_ingest_text(ctx, "plain.txt", file, len, &doc) == VNKG_SUCCESS);
    assert(strcmp(doc->title, "Ngày 22/7/2025") == 0);
    assert(strstr(doc->text, "Hà Nội tổ chức hội nghị."));
    vnkg_document_free(ctx, doc);
    vnkg_context_free(ctx);
}

static void
test_text_ids(void)
{
    static const char *const cases[][2] = {
        {"-", "stdin"},        {"a/b/c.txt", "c"},     {"x.tar.gz", "x.tar"},
        {"noext", "noext"},    {".hidden", ".hidden"}, {"dir.d/file", "file"},
        {"plain.TXT", "plain"}};
    DiagLog log;
    VnkgContext *ctx = new_context(&log);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
        VnkgDocument *doc = NULL;
        assert(vnkg_ingest_text(ctx, cases[i][0], "x", 1, &doc) ==
               VNKG_SUCCESS);
        assert(strcmp(doc->id, cases[i][1]) == 0);
        vnkg_document_free(ctx, doc);
    }
    vnkg_context_free(ctx);
}

static void
test_text_nul_and_invalid_utf8(void)
{
    DiagLog log;
    VnkgContext *ctx = new_context(&log);
    const char data[] = "Ti\0\xc3\xaau \xff\xfe\n\0body\0";
    size_t len = sizeof data - 1;
    VnkgDocument *doc = NULL;
    assert(vnkg_ingest_text(ctx, "n.txt", data, len, &doc) == VNKG_SUCCESS);
    assert(doc->text_len == len);
    assert(memcmp(doc->text, data, len) == 0);
    assert(doc->text[len] == '\0');
    assert(strcmp(doc->title, "Ti \xc3\xaau \xff\xfe") == 0);
    vnkg_document_free(ctx, doc);
    vnkg_context_free(ctx);
}

static void
test_text_long_title(void)
{
    DiagLog log;
    VnkgContext *ctx = new_context(&log);
    char data[1800];
    size_t len = 0;
    while (len < sizeof data) {
        memcpy(data + len, "\xe1\xbb\xa7", 3); /* "ủ" */
        len += 3;
    }
    VnkgDocument *doc = NULL;
    assert(vnkg_ingest_text(ctx, "t.txt", data, len, &doc) == VNKG_SUCCESS);
    size_t tlen = strlen(doc->title);
    assert(tlen <= 500 && tlen >= 495);
    assert(tlen % 3 == 0); /* cut on a character boundary */
    vnkg_document_free(ctx, doc);
    vnkg_context_free(ctx);
}

static void
test_text_limit(void)
{
    DiagLog log;
    VnkgContext *ctx = new_context(&log);
    vnkg_context_limits(ctx)->max_article_bytes = 10;
    VnkgDocument *doc = (VnkgDocument *)&log;
    assert(vnkg_ingest_text(ctx, "big.txt", "0123456789A", 11, &doc) ==
           VNKG_ERR_LIMIT);
    assert(doc == NULL);
    assert(strstr(log.text, "big.txt"));
    assert(vnkg_ingest_text(ctx, "ok.txt", "0123456789", 10, &doc) ==
           VNKG_SUCCESS);
    vnkg_document_free(ctx, doc);
    vnkg_context_free(ctx);
}

/* ---- HTML --------------------------------------------------------------- */

static VnkgDocument *
html(VnkgContext *ctx, const char *name, const char *data)
{
    VnkgDocument *doc = NULL;
    assert(vnkg_ingest_html(ctx, name, data, strlen(data), &doc) ==
           VNKG_SUCCESS);
    assert(doc);
    return doc;
}

static void
test_html_article(void)
{
    DiagLog log;
    VnkgContext *ctx = new_context(&log);
    size_t len = 0;
    char *data = read_file(DATA_DIR "article.html", &len);
    VnkgDocument *doc = NULL;
    assert(vnkg_ingest_html(ctx, "news/article.html", data, len, &doc) ==
           VNKG_SUCCESS);
    assert(strcmp(doc->id, "article") == 0);
    assert(strcmp(doc->title,
                  "Thủ tướng Phạm Minh Chính làm việc với tỉnh Cao Bằng") == 0);
    assert(strcmp(doc->url, "https://example.vn/thu-tuong-cao-bang.html") == 0);
    assert(strcmp(doc->date, "2025-07-18") == 0);
    const char *expect =
        "Thủ tướng Phạm Minh Chính làm việc với tỉnh Cao Bằng\n\n"
        "Chiều 18/7, Thủ tướng Phạm Minh Chính làm việc với Ban Thường vụ "
        "Tỉnh ủy Cao Bằng.\n\n"
        "Cùng dự có Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên.\n"
        "Đoàn công tác thăm cửa khẩu.";
    assert(strcmp(doc->text, expect) == 0);
    assert(doc->text_len == strlen(expect));
    assert(!strstr(doc->text, "KHONG_DUOC"));
    assert(!strstr(doc->text, "color"));
    assert(!strstr(doc->text, "Trang chủ"));
    assert(!strstr(doc->text, "Kinh tế"));
    assert(!strstr(doc->text, "Bản quyền"));
    assert(!strstr(doc->text, "Chia sẻ"));
    assert(!strstr(doc->text, "liên quan"));
    assert(log.count == 0);
    vnkg_document_free(ctx, doc);
    vnkg_context_free(ctx);
}

static void
test_html_fallbacks(void)
{
    DiagLog log;
    VnkgContext *ctx = new_context(&log);
    /* No og:title, no article: <title>, whole body, canonical, <time>. */
    VnkgDocument *doc =
        html(ctx, "b.htm",
             "<html><head><title> Tiêu đề\n trang </title>"
             "<link rel=\"canonical\" href=\" https://e.vn/b \"></head><body>"
             "<div class=\"menu\">Menu</div><p>Đoạn một.</p><div>Đoạn hai."
             "</div><time datetime=\"2024-02-29T08:00\">29/2</time>"
             "<footer>chân</footer></body></html>");
    assert(strcmp(doc->title, "Tiêu đề trang") == 0);
    assert(strcmp(doc->url, "https://e.vn/b") == 0);
    assert(strcmp(doc->date, "2024-02-29") == 0);
    assert(strcmp(doc->text, "Tiêu đề trang\n\nĐoạn một.\n\nĐoạn hai.\n29/2") ==
           0);
    vnkg_document_free(ctx, doc);

    /* A site's name after the last " | " of <title> is cut; " - " and a
     * short head are kept */
    doc = html(ctx, "s.html",
               "<title>Việt Nam - Hàn Quốc thúc đẩy hợp tác | Kinh tế | Báo "
               "Đầu tư</title><p>Thân.</p>");
    assert(strcmp(doc->title,
                  "Việt Nam - Hàn Quốc thúc đẩy hợp tác | Kinh tế") == 0);
    vnkg_document_free(ctx, doc);
    doc = html(ctx, "s2.html", "<title>Tin | Báo X</title><p>Thân.</p>");
    assert(strcmp(doc->title, "Tin | Báo X") == 0);
    vnkg_document_free(ctx, doc);
    /* a title that starts with the h1: the h1 (the site after " - ") */
    doc = html(ctx, "s3.html",
               "<title>Thủ tướng tiếp Chủ tịch LEGO - Báo Chính phủ</title>"
               "<h1>Thủ tướng tiếp Chủ tịch LEGO</h1><p>Thân.</p>");
    assert(strcmp(doc->title, "Thủ tướng tiếp Chủ tịch LEGO") == 0);
    assert(strcmp(doc->text, "Thủ tướng tiếp Chủ tịch LEGO\n\nThân.") == 0);
    vnkg_document_free(ctx, doc);
    doc = html(ctx, "s4.html",
               "<title>Việt Nam - Hàn Quốc ký kết</title><h1>Việt Nam</h1>"
               "<p>Thân.</p>");
    assert(strcmp(doc->title, "Việt Nam - Hàn Quốc ký kết") == 0);
    vnkg_document_free(ctx, doc);

    /* Only an h1 for a title; invalid date ignored; body marker class. */
    doc = html(ctx, "c.html",
               "<body><meta name=\"pubdate\" content=\"2025-02-30\">"
               "<div class=\"sidebar\">Một thanh bên rất dài rất dài rất "
               "dài rất dài rất dài rất dài rất dài</div>"
               "<div id=\"main\"><h1>Đầu đề</h1><div class=\"fck_detail "
               "clearfix\"><p>Thân bài.</p></div></div></body>");
    assert(strcmp(doc->title, "Đầu đề") == 0);
    assert(!doc->date && !doc->url);
    assert(strcmp(doc->text, "Đầu đề\n\nThân bài.") == 0);
    vnkg_document_free(ctx, doc);

    /* itemprop=datePublished and a dc.date meta; the better rank wins. */
    doc = html(ctx, "d.html",
               "<head><meta name=\"DC.date.issued\" content=\"2020-01-01\">"
               "<meta itemprop=\"datePublished\" content=\"2021-12-31\">"
               "<meta name=\"pubdate\" content=\"2022-06-15 10:00\"></head>"
               "<body><p>x</p></body>");
    assert(strcmp(doc->date, "2022-06-15") == 0);
    vnkg_document_free(ctx, doc);
    vnkg_context_free(ctx);
}

static void
test_html_unclosed_and_entities(void)
{
    DiagLog log;
    VnkgContext *ctx = new_context(&log);
    VnkgDocument *doc = html(ctx, "u.html",
                             "<title>T</title><p>Một&nbsp;&amp; hai<p>Ba"
                             "<li>Bốn<div>Năm   sáu<br><br><br>Bảy");
    assert(strcmp(doc->text, "T\n\nMột & hai\n\nBa\n\nBốn\nNăm sáu\n\nBảy") ==
           0);
    vnkg_document_free(ctx, doc);

    /* A space before or inside an inline element is kept, once. */
    doc = html(ctx, "i.html",
               "<p>Thủ tướng Phạm Minh Chính <a href=x>phát biểu <span>tại"
               "</span></a> <b> Hà Nội</b>.<i>X</i>Y</p>");
    assert(strcmp(doc->text,
                  "Thủ tướng Phạm Minh Chính phát biểu tại Hà Nội.XY") == 0);
    vnkg_document_free(ctx, doc);

    /* Truncated in the middle of a tag. */
    doc = html(ctx, "t.html", "<p>Đoạn đầu.</p><p>Đoạn sau <a hr");
    assert(strstr(doc->text, "Đoạn đầu."));
    vnkg_document_free(ctx, doc);
    vnkg_context_free(ctx);
}

static void
test_html_invalid_utf8_no_charset(void)
{
    DiagLog log;
    VnkgContext *ctx = new_context(&log);
    /* One stray byte must not turn the rest of the page into Latin-1. */
    VnkgDocument *doc =
        html(ctx, "x.html", "<p>Chủ tịch \xff nước Chủ tịch</p>");
    assert(strstr(doc->text, "Chủ tịch"));
    assert(strstr(doc->text, "nước Chủ tịch"));
    vnkg_document_free(ctx, doc);
    vnkg_context_free(ctx);
}

static void
test_html_deep_nesting(void)
{
    DiagLog log;
    VnkgContext *ctx = new_context(&log);
    const size_t depth = 10000;
    size_t cap = depth * 11 + 100;
    char *data = malloc(cap);
    assert(data);
    size_t len = (size_t)sprintf(data, "<body><p>Nông.</p>");
    for (size_t i = 0; i < depth; ++i) {
        memcpy(data + len, "<div>", 5);
        len += 5;
    }
    len += (size_t)sprintf(data + len, "Sâu.");
    for (size_t i = 0; i < depth; ++i) {
        memcpy(data + len, "</div>", 6);
        len += 6;
    }
    VnkgDocument *doc = NULL;
    assert(vnkg_ingest_html(ctx, "deep.html", data, len, &doc) == VNKG_SUCCESS);
    assert(strstr(doc->text, "Nông."));
    assert(!strstr(doc->text, "Sâu."));
    assert(strstr(log.text, "deep.html") && strstr(log.text, "deeper"));
    vnkg_document_free(ctx, doc);

    /* libxml2 stops at its own limit (256 without HTML_PARSE_HUGE): that
     * is reported too, and nothing crashes with our limit raised. */
    memset(&log, 0, sizeof log);
    vnkg_context_limits(ctx)->max_html_depth = depth * 2;
    assert(vnkg_ingest_html(ctx, "deep.html", data, len, &doc) == VNKG_SUCCESS);
    assert(strstr(doc->text, "Nông."));
    assert(strstr(log.text, "deep.html: HTML parser stopped"));
    vnkg_document_free(ctx, doc);

    /* Our own limit, below libxml2's. */
    memset(&log, 0, sizeof log);
    vnkg_context_limits(ctx)->max_html_depth = 5;
    doc = html(ctx, "five.html",
               "<body><p>Một</p><div><p>Bốn</p></div>"
               "<div><div><div>Năm</div></div></div></body>");
    assert(strcmp(doc->text, "Một\n\nBốn") == 0);
    assert(strstr(log.text, "five.html: HTML nested deeper than 5"));
    assert(log.count == 1);
    vnkg_document_free(ctx, doc);
    free(data);
    vnkg_context_free(ctx);
}

static void
test_html_entities_not_expanded(void)
{
    DiagLog log;
    VnkgContext *ctx = new_context(&log);
    VnkgDocument *doc =
        html(ctx, "xxe.html",
             "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
             "<html><body><p>a &e; b</p></body></html>");
    assert(!strstr(doc->text, "root:"));
    vnkg_document_free(ctx, doc);

    char laughs[4096];
    size_t len = (size_t)sprintf(laughs, "<!DOCTYPE lolz [<!ENTITY lol0 "
                                         "\"lol\">");
    for (int i = 1; i < 10; ++i) {
        len += (size_t)sprintf(laughs + len, "<!ENTITY lol%d \"", i);
        for (int j = 0; j < 10; ++j) {
            len += (size_t)sprintf(laughs + len, "&lol%d;", i - 1);
        }
        len += (size_t)sprintf(laughs + len, "\">");
    }
    len += (size_t)sprintf(laughs + len, "]><body><p>&lol9;</p></body>");
    clock_t start = clock();
    assert(vnkg_ingest_html(ctx, "lol.html", laughs, len, &doc) ==
           VNKG_SUCCESS);
    assert((double)(clock() - start) / CLOCKS_PER_SEC < 1.0);
    assert(doc->text_len < len);
    assert(!strstr(doc->text, "lollol"));
    vnkg_document_free(ctx, doc);
    vnkg_context_free(ctx);
}

static void
test_html_blank_and_limits(void)
{
    DiagLog log;
    VnkgContext *ctx = new_context(&log);
    VnkgDocument *doc = html(ctx, "blank.html", " \n\t ");
    assert(doc->text_len == 0 && !doc->title);
    vnkg_document_free(ctx, doc);

    vnkg_context_limits(ctx)->max_article_bytes = 8;
    const char *big = "<p>0123456789</p>";
    doc = (VnkgDocument *)&log;
    assert(vnkg_ingest_html(ctx, "big.html", big, strlen(big), &doc) ==
           VNKG_ERR_LIMIT);
    assert(!doc && strstr(log.text, "big.html"));
    vnkg_context_free(ctx);
}

/* ---- JSON Lines --------------------------------------------------------- */

static void
test_jsonl_malformed_line(void)
{
    DiagLog log;
    VnkgContext *ctx = new_context(&log);
    DocList list = {{NULL}, 0, VNKG_SUCCESS};
    const char *data = "{\"id\":\"a\",\"text\":\"Một\"}\n"
                       "{\"id\":\"b\",\"text\":\n"
                       "{\"id\":\"c\",\"text\":\"Ba\"}\n";
    size_t skipped = 99;
    assert(vnkg_ingest_jsonl(ctx, "in.jsonl", data, strlen(data), collect,
                             &list, &skipped) == VNKG_SUCCESS);
    assert(list.len == 2 && skipped == 1);
    assert(strcmp(list.docs[0]->id, "a") == 0);
    assert(strcmp(list.docs[1]->id, "c") == 0);
    assert(strcmp(list.docs[1]->source, "in.jsonl:3") == 0);
    assert(strcmp(list.docs[1]->text, "Ba") == 0);
    assert(strstr(log.text, "in.jsonl:2:"));
    assert(log.count == 1);
    docs_clear(ctx, &list);
    vnkg_context_free(ctx);
}

static void
test_jsonl_fields(void)
{
    DiagLog log;
    VnkgContext *ctx = new_context(&log);
    DocList list = {{NULL}, 0, VNKG_SUCCESS};
    const char *data =
        "{\"id\":42,\"title\":\" Tiêu đề \",\"text\":\"Thân.\","
        "\"url\":\"https://e.vn/1\",\"date\":\"2025-07-22T10:00:00Z\"}\r\n"
        "\r\n"
        "   \n"
        "{\"text\":\"Dòng đầu\\nDòng hai\",\"date\":\"22/07/2025\"}\r\n"
        "{\"id\":\"z\",\"note\":\"no text field\"}\n"
        "[1,2]\n"
        "{\"id\":null,\"text\":\"  \"}\n"
        "{\"id\":\"last\",\"text\":\"không xuống dòng\"}";
    size_t skipped = 0;
    assert(vnkg_ingest_jsonl(ctx, "dir/feed.ndjson", data, strlen(data),
                             collect, &list, &skipped) == VNKG_SUCCESS);
    assert(list.len == 3 && skipped == 3);
    VnkgDocument *d = list.docs[0];
    assert(strcmp(d->id, "42") == 0);
    assert(strcmp(d->title, "Tiêu đề") == 0);
    assert(strcmp(d->text, "Tiêu đề\n\nThân.") == 0);
    assert(d->text_len == strlen(d->text));
    assert(strcmp(d->url, "https://e.vn/1") == 0);
    assert(strcmp(d->date, "2025-07-22") == 0);
    assert(strcmp(d->source, "dir/feed.ndjson:1") == 0);
    d = list.docs[1];
    assert(strcmp(d->id, "feed-4") == 0);
    assert(strcmp(d->title, "Dòng đầu") == 0);
    assert(strcmp(d->text, "Dòng đầu\nDòng hai") == 0);
    assert(strcmp(d->date, "2025-07-22") == 0 && !d->url); /* day first */
    d = list.docs[2];
    assert(strcmp(d->id, "last") == 0);
    assert(strcmp(d->text, "không xuống dòng") == 0);
    assert(strstr(log.text, "feed.ndjson:5:") && strstr(log.text, "text"));
    assert(strstr(log.text, "feed.ndjson:6: not a JSON object"));
    assert(strstr(log.text, "feed.ndjson:7:"));
    docs_clear(ctx, &list);
    vnkg_context_free(ctx);
}

static void
test_jsonl_crawler_fields(void)
{
    /* news-please / schema.org / feed names, and a text that is HTML */
    DiagLog log;
    VnkgContext *ctx = new_context(&log);
    DocList list = {{NULL}, 0, VNKG_SUCCESS};
    const char *data =
        "{\"_id\":\"a1\",\"link\":\"https://e.vn/a\",\"headline\":"
        "\"Tin A\",\"date_publish\":\"2024-05-06 10:00:00\",\"maintext\":"
        "\"Thân A.\"}\n"
        "{\"id\":\"b\",\"content\":\"<html><head><title>Tin B</title>"
        "<meta property=\\\"article:published_time\\\" content=\\\""
        "2024-07-01T08:00:00+07:00\\\"></head><body><nav>Trang chủ</nav>"
        "<article><p>Thân B.</p></article><footer>Báo X</footer></body>"
        "</html>\"}\n"
        "{\"id\":\"c\",\"title\":\"Tin C\",\"pubDate\":\"03/02/2023\","
        "\"body\":\"<p>Thân <b>C</b>.</p>\"}\n"
        "{\"id\":\"d\",\"headline\":\"Tin D\",\"publishedAt\":"
        "\"2024-08-09T01:00:00Z\",\"canonical_url\":\"https://e.vn/d\","
        "\"articleBody\":\"Thân D.\"}\n";
    assert(vnkg_ingest_jsonl(ctx, "c.jsonl", data, strlen(data), collect, &list,
                             NULL) == VNKG_SUCCESS);
    assert(list.len == 4);
    VnkgDocument *d = list.docs[0];
    assert(strcmp(d->id, "a1") == 0 && strcmp(d->url, "https://e.vn/a") == 0);
    assert(strcmp(d->date, "2024-05-06") == 0);
    assert(strcmp(d->text, "Tin A\n\nThân A.") == 0);
    d = list.docs[1]; /* title and date from the page; its menus go */
    assert(strcmp(d->title, "Tin B") == 0);
    assert(strcmp(d->date, "2024-07-01") == 0);
    assert(strstr(d->text, "Thân B.") && !strstr(d->text, "Trang chủ") &&
           !strstr(d->text, "<"));
    d = list.docs[2]; /* the object's title and (day-first) date win */
    assert(strcmp(d->title, "Tin C") == 0);
    assert(strcmp(d->date, "2023-02-03") == 0);
    assert(strstr(d->text, "Thân C.") && !strstr(d->text, "<b>"));
    d = list.docs[3]; /* schema.org's body, NewsAPI's date */
    assert(strcmp(d->date, "2024-08-09") == 0 &&
           strcmp(d->url, "https://e.vn/d") == 0);
    assert(strcmp(d->text, "Tin D\n\nThân D.") == 0);
    docs_clear(ctx, &list);
    /* dates as feeds and crawlers write them; impossible ones are none */
    const char *dates =
        "{\"text\":\"a\",\"pubDate\":\"Mon, 06 May 2024 10:00:00 +0700\"}\n"
        "{\"text\":\"b\",\"published_at\":\"6.5.2024 10:00\"}\n"
        "{\"text\":\"c\",\"date\":\"31/02/2024\"}\n"
        "{\"text\":\"d\",\"date\":\"06/05/24\"}\n"
        "{\"text\":\"e\",\"date\":\"Mon, 06 Mai 2024\"}\n"
        "{\"text\":\"f\",\"date\":\"06/05/20241\"}\n";
    assert(vnkg_ingest_jsonl(ctx, "d.jsonl", dates, strlen(dates), collect,
                             &list, NULL) == VNKG_SUCCESS);
    assert(list.len == 6);
    assert(strcmp(list.docs[0]->date, "2024-05-06") == 0);
    assert(strcmp(list.docs[1]->date, "2024-05-06") == 0);
    for (size_t k = 2; k < 6; ++k) {
        assert(!list.docs[k]->date);
    }
    docs_clear(ctx, &list);
    vnkg_context_free(ctx);
}

static void
test_jsonl_limits_and_stop(void)
{
    DiagLog log;
    VnkgContext *ctx = new_context(&log);
    DocList list = {{NULL}, 0, VNKG_SUCCESS};
    const char *data =
        "{\"text\":\"a\"}\n{\"text\":\"bbbbbbbbbbbbbbbbbbbbbb\"}\n"
        "{\"text\":\"c\"}\n{\"text\":\"d\"}\n";
    vnkg_context_limits(ctx)->max_article_bytes = 20;
    vnkg_context_limits(ctx)->max_articles = 2;
    size_t skipped = 0;
    assert(vnkg_ingest_jsonl(ctx, "l.jsonl", data, strlen(data), collect, &list,
                             &skipped) == VNKG_ERR_LIMIT);
    assert(list.len == 2 && skipped == 1);
    assert(strcmp(list.docs[1]->text, "c") == 0);
    assert(strstr(log.text, "l.jsonl:2:"));
    assert(strstr(log.text, "l.jsonl:4:"));
    docs_clear(ctx, &list);

    /* The callback's status stops the stream and is returned. */
    vnkg_context_limits(ctx)->max_articles = 100;
    list.reply = VNKG_ERR_WRITE;
    assert(vnkg_ingest_jsonl(ctx, "l.jsonl", data, strlen(data), collect, &list,
                             NULL) == VNKG_ERR_WRITE);
    assert(list.len == 1);
    docs_clear(ctx, &list);
    vnkg_context_free(ctx);
}

/* A reader handing out `step` bytes at a time. */
typedef struct {
    const char *data;
    size_t len, pos, step;
} Pieces;

static VnkgStatus
pieces_read(void *arg, char *buf, size_t cap, size_t *got)
{
    Pieces *p = arg;
    size_t n = p->len - p->pos;
    n = n < p->step ? n : p->step;
    n = n < cap ? n : cap;
    memcpy(buf, p->data + p->pos, n);
    p->pos += n;
    *got = n;
    return VNKG_SUCCESS;
}

/* Streamed JSON Lines give what the whole buffer gives: documents,
 * skipped lines and diagnostics, over-long lines (kept or not in memory),
 * CRLF, a BOM, no final newline, whatever the pieces. */
static void
test_jsonl_stream(void)
{
    static char data[8192];
    size_t n = 0;
    n +=
        (size_t)snprintf(data + n, sizeof data - n,
                         "\xEF\xBB\xBF{\"id\":\"a\",\"text\":\"Một\"}\r\n\n  \n"
                         "{\"id\":\"b\",\"text\":\"");
    for (int i = 0; i < 3000; ++i) { /* an over-long line (limit 1000) */
        data[n++] = 'x';
    }
    n += (size_t)snprintf(data + n, sizeof data - n,
                          "\"}\nnot json\n{\"id\":\"c\",\"text\":\"Ba\"}\n"
                          "{\"id\":\"d\",\"text\":\"");
    for (int i = 0; i < 2000; ++i) { /* over-long and last, no newline */
        data[n++] = 'y';
    }
    data[n] = '\0';
    DiagLog ref_log;
    VnkgContext *ctx = new_context(&ref_log);
    vnkg_context_limits(ctx)->max_article_bytes = 1000;
    DocList ref = {{NULL}, 0, VNKG_SUCCESS};
    size_t skipped = 0;
    assert(vnkg_ingest_jsonl(ctx, "s.jsonl", data, n, collect, &ref,
                             &skipped) == VNKG_SUCCESS);
    assert(ref.len == 2 && skipped == 3);
    static const size_t steps[] = {1, 2, 7, 999, 1000, 1001, 4096, 1 << 20};
    for (size_t k = 0; k < sizeof steps / sizeof steps[0]; ++k) {
        DiagLog log;
        VnkgContext *c = new_context(&log);
        vnkg_context_limits(c)->max_article_bytes = 1000;
        DocList got = {{NULL}, 0, VNKG_SUCCESS};
        Pieces src = {data, n, 0, steps[k]};
        size_t count = 0;
        int blank = 1;
        assert(vnkg_ingest_jsonl_stream(c, "s.jsonl", pieces_read, &src,
                                        collect, &got, &count,
                                        &blank) == VNKG_SUCCESS);
        assert(!blank && count == 2 && got.len == ref.len);
        for (size_t i = 0; i < got.len; ++i) {
            assert(strcmp(got.docs[i]->id, ref.docs[i]->id) == 0);
            assert(strcmp(got.docs[i]->text, ref.docs[i]->text) == 0);
            assert(strcmp(got.docs[i]->source, ref.docs[i]->source) == 0);
        }
        assert(log.count == ref_log.count);
        assert(strcmp(log.text, ref_log.text) == 0);
        docs_clear(c, &got);
        vnkg_context_free(c);
    }
    /* only blank lines */
    Pieces src = {" \n\r\n\t\n", 6, 0, 2};
    size_t count = 0;
    int blank = 0;
    DocList none = {{NULL}, 0, VNKG_SUCCESS};
    assert(vnkg_ingest_jsonl_stream(ctx, "b.jsonl", pieces_read, &src, collect,
                                    &none, &count, &blank) == VNKG_SUCCESS);
    assert(blank && count == 0 && none.len == 0);
    docs_clear(ctx, &ref);
    vnkg_context_free(ctx);
}

/* ---- paths -------------------------------------------------------------- */

static char tmp_root[64];

static void
make_tree(void)
{
    strcpy(tmp_root, "/tmp/vnkg-ingest-XXXXXX");
    assert(mkdtemp(tmp_root));
    char p[256];
#define AT(name) (snprintf(p, sizeof p, "%s/%s", tmp_root, name), p)
    write_str(AT("b.txt"), "Bài B\nnội dung\n");
    write_str(AT("a.html"), "<title>Bài A</title><p>x</p>");
    write_str(AT("c.jsonl"),
              "{\"id\":\"c1\",\"text\":\"C1\"}\n{\"text\":\"C2\"}\n");
    write_str(AT("e.bin"), "Bài E");
    write_str(AT(".hidden.txt"), "ẩn");
    write_str(AT("empty.txt"), " \n");
    write_str(AT("gif.txt"), "GIF89a ra đời năm 1989\n");
    write_file(AT("img.txt"), "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    assert(mkdir(AT("sub"), 0700) == 0);
    write_str(AT("sub/d.TXT"), "Bài D");
    assert(symlink("..", AT("sub/loop")) == 0);
    assert(mkfifo(AT("fifo.txt"), 0600) == 0);
#undef AT
}

static void
remove_tree(void)
{
    static const char *const names[] = {
        "b.txt",     "a.html",  "c.jsonl", "e.bin",     ".hidden.txt",
        "empty.txt", "img.txt", "gif.txt", "sub/d.TXT", "sub/loop",
        "fifo.txt",  "sub",     NULL};
    char p[256];
    for (size_t i = 0; names[i]; ++i) {
        snprintf(p, sizeof p, "%s/%s", tmp_root, names[i]);
        assert(remove(p) == 0);
    }
    assert(rmdir(tmp_root) == 0);
}

static void
test_path_directory(void)
{
    DiagLog log;
    VnkgContext *ctx = new_context(&log);
    DocList list = {{NULL}, 0, VNKG_SUCCESS};
    assert(vnkg_ingest_path(ctx, tmp_root, VNKG_FORMAT_AUTO, collect, &list) ==
           VNKG_SUCCESS);
    static const char *const ids[] = {"a", "b", "c1", "c-2", "gif", "d"};
    assert(list.len == 6);
    for (size_t i = 0; i < 6; ++i) {
        assert(strcmp(list.docs[i]->id, ids[i]) == 0);
    }
    assert(strcmp(list.docs[0]->title, "Bài A") == 0);
    assert(strcmp(list.docs[5]->text, "Bài D") == 0);
    assert(strstr(log.text, "loop"));
    assert(strstr(log.text, "fifo.txt: a FIFO"));
    assert(strstr(log.text, "img.txt: not a text file"));
    assert(!strstr(log.text, "e.bin"));
    assert(!strstr(log.text, "hidden"));
    docs_clear(ctx, &list);

    /* A callback error stops the walk. */
    list.reply = VNKG_ERR_WRITE;
    assert(vnkg_ingest_path(ctx, tmp_root, VNKG_FORMAT_AUTO, collect, &list) ==
           VNKG_ERR_WRITE);
    assert(list.len == 1);
    docs_clear(ctx, &list);

    /* max_articles counts across files. */
    list.reply = VNKG_SUCCESS;
    vnkg_context_limits(ctx)->max_articles = 3;
    assert(vnkg_ingest_path(ctx, tmp_root, VNKG_FORMAT_AUTO, collect, &list) ==
           VNKG_ERR_LIMIT);
    assert(list.len == 3);
    docs_clear(ctx, &list);
    vnkg_context_free(ctx);
}

static void
test_path_files(void)
{
    DiagLog log;
    VnkgContext *ctx = new_context(&log);
    DocList list = {{NULL}, 0, VNKG_SUCCESS};
    char p[256];

    snprintf(p, sizeof p, "%s/fifo.txt", tmp_root);
    alarm(10); /* a blocking open or read would end the test here */
    assert(vnkg_ingest_path(ctx, p, VNKG_FORMAT_AUTO, collect, &list) ==
           VNKG_ERR_IO);
    alarm(0);
    assert(strstr(log.text, "FIFO") && strstr(log.text, "refused"));

    snprintf(p, sizeof p, "%s/missing.txt", tmp_root);
    assert(vnkg_ingest_path(ctx, p, VNKG_FORMAT_AUTO, collect, &list) ==
           VNKG_ERR_IO);
    assert(strstr(log.text, "missing.txt: No such file or directory"));

    snprintf(p, sizeof p, "%s/img.txt", tmp_root);
    assert(vnkg_ingest_path(ctx, p, VNKG_FORMAT_AUTO, collect, &list) ==
           VNKG_ERR_BAD_SYNTAX);

    /* Printable magic without control bytes is text. */
    snprintf(p, sizeof p, "%s/gif.txt", tmp_root);
    assert(vnkg_ingest_path(ctx, p, VNKG_FORMAT_AUTO, collect, &list) ==
           VNKG_SUCCESS);
    assert(list.len == 1 &&
           strcmp(list.docs[0]->title, "GIF89a ra đời năm 1989") == 0);
    docs_clear(ctx, &list);

    snprintf(p, sizeof p, "%s/empty.txt", tmp_root);
    assert(vnkg_ingest_path(ctx, p, VNKG_FORMAT_AUTO, collect, &list) ==
           VNKG_SUCCESS);
    assert(list.len == 0);

    /* An explicit file is read whatever its extension, as text. */
    snprintf(p, sizeof p, "%s/e.bin", tmp_root);
    assert(vnkg_ingest_path(ctx, p, VNKG_FORMAT_AUTO, collect, &list) ==
           VNKG_SUCCESS);
    assert(list.len == 1 && strcmp(list.docs[0]->id, "e") == 0);
    assert(strcmp(list.docs[0]->source, p) == 0);
    docs_clear(ctx, &list);

    /* A format given by the caller wins over the extension. */
    snprintf(p, sizeof p, "%s/b.txt", tmp_root);
    assert(vnkg_ingest_path(ctx, p, VNKG_FORMAT_HTML, collect, &list) ==
           VNKG_SUCCESS);
    assert(list.len == 1 && strcmp(list.docs[0]->text, "Bài B nội dung") == 0);
    docs_clear(ctx, &list);

    vnkg_context_limits(ctx)->max_file_bytes = 4;
    assert(vnkg_ingest_path(ctx, p, VNKG_FORMAT_AUTO, collect, &list) ==
           VNKG_ERR_LIMIT);
    assert(list.len == 0);
    vnkg_context_free(ctx);
}

static void
test_path_stdin(void)
{
    DiagLog log;
    VnkgContext *ctx = new_context(&log);
    DocList list = {{NULL}, 0, VNKG_SUCCESS};
    char p[256];
    snprintf(p, sizeof p, "%s/c.jsonl", tmp_root);
    int saved = dup(STDIN_FILENO);
    int fd = open(p, O_RDONLY);
    assert(saved >= 0 && fd >= 0 && dup2(fd, STDIN_FILENO) == STDIN_FILENO);
    assert(vnkg_ingest_path(ctx, "-", VNKG_FORMAT_JSONL, collect, &list) ==
           VNKG_SUCCESS);
    assert(dup2(saved, STDIN_FILENO) == STDIN_FILENO);
    close(fd);
    close(saved);
    assert(list.len == 2);
    assert(strcmp(list.docs[1]->id, "stdin-2") == 0);
    assert(strcmp(list.docs[1]->source, "-:2") == 0);
    docs_clear(ctx, &list);
    vnkg_context_free(ctx);
}

/* ---- allocation failures ------------------------------------------------ */

typedef VnkgStatus (*IngestCall)(VnkgContext *ctx, DocList *list);

static VnkgStatus
call_text(VnkgContext *ctx, DocList *list)
{
    const char *data = "\n Tiêu đề \nThân bài.";
    VnkgDocument *doc = NULL;
    VnkgStatus st = vnkg_ingest_text(ctx, "a/b.txt", data, strlen(data), &doc);
    assert((st == VNKG_SUCCESS) == (doc != NULL));
    if (doc) {
        collect(ctx, doc, list);
    }
    return st;
}

static VnkgStatus
call_html(VnkgContext *ctx, DocList *list)
{
    size_t len = 0;
    char *data = read_file(DATA_DIR "article.html", &len);
    VnkgDocument *doc = NULL;
    VnkgStatus st = vnkg_ingest_html(ctx, "a.html", data, len, &doc);
    assert((st == VNKG_SUCCESS) == (doc != NULL));
    if (doc) {
        collect(ctx, doc, list);
    }
    return st;
}

static VnkgStatus
call_jsonl(VnkgContext *ctx, DocList *list)
{
    size_t len = 0;
    char *data = read_file(DATA_DIR "two.jsonl", &len);
    return vnkg_ingest_jsonl(ctx, "two.jsonl", data, len, collect, list, NULL);
}

static VnkgStatus
call_path(VnkgContext *ctx, DocList *list)
{
    return vnkg_ingest_path(ctx, tmp_root, VNKG_FORMAT_AUTO, collect, list);
}

static void
check_alloc_failures(IngestCall call, size_t expect_docs)
{
    FailAlloc fa = {-1, 0, 0};
    VnkgAllocator alloc = {fa_malloc, fa_realloc, fa_free, &fa};
    for (long n = 0;; ++n) {
        VnkgContext *ctx = NULL;
        fa.fail_at = -1;
        assert(vnkg_context_new_with(&ctx, &alloc) == VNKG_SUCCESS);
        DiagLog log;
        memset(&log, 0, sizeof log);
        vnkg_context_set_diag(ctx, log_diag, &log);
        fa.count = 0;
        fa.fail_at = n;
        DocList list = {{NULL}, 0, VNKG_SUCCESS};
        VnkgStatus st = call(ctx, &list);
        long calls = fa.count;
        size_t docs = list.len;
        fa.fail_at = -1;
        docs_clear(ctx, &list);
        vnkg_context_free(ctx);
        assert(fa.live == 0);
        if (n >= calls) {
            assert(st == VNKG_SUCCESS && docs == expect_docs);
            assert(n > 0);
            break;
        }
        assert(st == VNKG_ERR_NO_MEMORY);
    }
}

static void
test_alloc_failures(void)
{
    check_alloc_failures(call_text, 1);
    check_alloc_failures(call_html, 1);
    check_alloc_failures(call_jsonl, 2);
    check_alloc_failures(call_path, 6);
}

int
main(void)
{
    xmlInitParser();
    signal(SIGALRM, SIG_DFL);
    test_document_new_free();
    test_text_title_body();
    test_text_ids();
    test_text_nul_and_invalid_utf8();
    test_text_long_title();
    test_text_limit();
    test_html_article();
    test_html_fallbacks();
    test_html_unclosed_and_entities();
    test_html_invalid_utf8_no_charset();
    test_html_deep_nesting();
    test_html_entities_not_expanded();
    test_html_blank_and_limits();
    test_jsonl_malformed_line();
    test_jsonl_fields();
    test_jsonl_crawler_fields();
    test_jsonl_limits_and_stop();
    test_jsonl_stream();
    make_tree();
    test_path_directory();
    test_path_files();
    test_path_stdin();
    test_alloc_failures();
    remove_tree();
    xmlCleanupParser();
    printf("test_ingest: all tests passed\n");
    return 0;
}
