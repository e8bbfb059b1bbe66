/* SPDX-License-Identifier: MIT */
/* Files, directories (recursive, sorted, loop-safe) and standard input. */
#include "ingest_internal.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* The directories on the current path, for symlink loop detection. */
typedef struct Ancestor {
    dev_t dev;
    ino_t ino;
    const struct Ancestor *up;
} Ancestor;

typedef struct {
    VnkgContext *ctx;
    VnkgInputFormat format;
    VnkgDocumentFn fn;
    void *user;
    size_t count;    /* articles delivered so far */
    VnkgStatus stop; /* what ends the whole run: fn's status, max_articles */
} PathRun;

static const char *
extension(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    const char *dot = strrchr(base, '.');
    return dot && dot != base ? dot + 1 : "";
}

/* The format of a known extension, or -1. */
static int
format_of(const char *path)
{
    static const struct {
        const char *ext;
        VnkgInputFormat format;
    } known[] = {{"txt", VNKG_FORMAT_TEXT},    {"text", VNKG_FORMAT_TEXT},
                 {"html", VNKG_FORMAT_HTML},   {"htm", VNKG_FORMAT_HTML},
                 {"xhtml", VNKG_FORMAT_HTML},  {"jsonl", VNKG_FORMAT_JSONL},
                 {"ndjson", VNKG_FORMAT_JSONL}};
    const char *ext = extension(path);
    for (size_t i = 0; i < sizeof known / sizeof known[0]; ++i) {
        if (strcasecmp(ext, known[i].ext) == 0) {
            return (int)known[i].format;
        }
    }
    return -1;
}

static VnkgInputFormat
resolve_format(const PathRun *run, const char *path)
{
    if (run->format != VNKG_FORMAT_AUTO) {
        return run->format;
    }
    int f = format_of(path);
    return f < 0 ? VNKG_FORMAT_TEXT : (VnkgInputFormat)f;
}

/* Reads `fd` to the end, refusing more than limits.max_file_bytes. */
static VnkgStatus
read_all(VnkgContext *ctx, int fd, const char *name, size_t hint,
         VnkgIngestBuf *out)
{
    size_t max = vnkg_context_limits(ctx)->max_file_bytes;
    size_t chunk = hint > 0 && hint < max ? hint + 1 : 65536;
    for (;;) {
        VNKG_TRY(vnkg_ingest_buf_reserve(out, chunk));
        size_t room = out->cap - out->len - 1;
        ssize_t n = read(fd, out->ptr + out->len, room);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            return vnkg_diag(ctx, VNKG_ERR_IO, "%s: %s", name, strerror(errno));
        }
        if (n == 0) {
            out->ptr[out->len] = '\0';
            return VNKG_SUCCESS;
        }
        out->len += (size_t)n;
        if (out->len > max) {
            return vnkg_diag(ctx, VNKG_ERR_LIMIT,
                             "%s: file exceeds the limit of %zu bytes", name,
                             max);
        }
        chunk = 65536;
    }
}

/* 1 if the first 4 KiB hold a control byte that text does not use. */
static int
has_control(const char *data, size_t len)
{
    size_t n = len < 4096 ? len : 4096;
    for (size_t i = 0; i < n; ++i) {
        unsigned char c = (unsigned char)data[i];
        if (c < 0x20 && !vnkg_ingest_is_space(c)) {
            return 1;
        }
    }
    return 0;
}

/* Images, executables, archives and PDFs are not articles. Magic numbers
 * that are printable ("%PDF-", "GIF8") also need a control byte (NUL...)
 * nearby, so an article that merely starts with those letters is kept. */
static int
looks_binary(const char *data, size_t len)
{
    static const struct {
        const char *magic;
        size_t len;
        int printable;
    } magics[] = {{"\x89PNG", 4, 0},      {"\177ELF", 4, 0},
                  {"PK\x03\x04", 4, 0},   {"\x1F\x8B", 2, 0},
                  {"\xFF\xD8\xFF", 3, 0}, {"%PDF-", 5, 1},
                  {"GIF8", 4, 1}};
    for (size_t i = 0; i < sizeof magics / sizeof magics[0]; ++i) {
        if (len >= magics[i].len &&
            memcmp(data, magics[i].magic, magics[i].len) == 0) {
            return !magics[i].printable || has_control(data, len);
        }
    }
    return 0;
}

/* Hands one document to the callback, or drops it when it has no text. */
static VnkgStatus
deliver(PathRun *run, VnkgDocument *doc)
{
    if (vnkg_ingest_is_blank(doc->text, doc->text_len)) {
        vnkg_diag(run->ctx, VNKG_FAILURE, "%s: no text, skipped", doc->source);
        vnkg_document_free(run->ctx, doc);
        return VNKG_SUCCESS;
    }
    size_t max = vnkg_context_limits(run->ctx)->max_articles;
    if (run->count >= max) {
        vnkg_diag(run->ctx, VNKG_ERR_LIMIT, "%s: more than %zu articles",
                  doc->source, max);
        vnkg_document_free(run->ctx, doc);
        run->stop = VNKG_ERR_LIMIT;
        return run->stop;
    }
    run->count++;
    run->stop = run->fn(run->ctx, doc, run->user);
    return run->stop;
}

static VnkgStatus
jsonl_forward(VnkgContext *ctx, VnkgDocument *doc, void *user)
{
    PathRun *run = user;
    (void)ctx;
    run->count--; /* counted by the JSONL reader already */
    return deliver(run, doc);
}

static VnkgStatus
ingest_data(PathRun *run, const char *name, const char *data, size_t len,
            int explicit_input)
{
    if (looks_binary(data, len)) {
        VnkgStatus st = explicit_input ? VNKG_ERR_BAD_SYNTAX : VNKG_FAILURE;
        vnkg_diag(run->ctx, st, "%s: not a text file, skipped", name);
        return explicit_input ? st : VNKG_SUCCESS;
    }
    if (vnkg_ingest_is_blank(data, len)) {
        vnkg_diag(run->ctx, VNKG_FAILURE, "%s: empty, skipped", name);
        return VNKG_SUCCESS;
    }
    VnkgInputFormat format = resolve_format(run, name);
    if (format == VNKG_FORMAT_JSONL) {
        VnkgStatus st = vnkg_ingest_jsonl_counted(
            run->ctx, name, data, len, jsonl_forward, run, NULL, &run->count);
        if (st == VNKG_ERR_LIMIT && run->stop == VNKG_SUCCESS) {
            run->stop = st; /* only max_articles ends a JSONL file early */
        }
        return st;
    }
    VnkgDocument *doc = NULL;
    if (format == VNKG_FORMAT_HTML) {
        VNKG_TRY(vnkg_ingest_html(run->ctx, name, data, len, &doc));
    } else {
        VNKG_TRY(vnkg_ingest_text(run->ctx, name, data, len, &doc));
    }
    return deliver(run, doc);
}

/* A file descriptor as a VnkgIngestReadFn: first the bytes already read
 * (`head`), then the rest, within limits.max_file_bytes. */
typedef struct {
    VnkgContext *ctx;
    int fd;
    const char *name;
    const char *head;
    size_t head_len;
    size_t total;
    int too_big; /* stopped at limits.max_file_bytes */
} FdSource;

/* Reads from the descriptor itself. */
static VnkgStatus
fd_read_raw(FdSource *src, char *buf, size_t cap, size_t *got)
{
    *got = 0;
    for (;;) {
        ssize_t n = read(src->fd, buf, cap);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            return vnkg_diag(src->ctx, VNKG_ERR_IO, "%s: %s", src->name,
                             strerror(errno));
        }
        src->total += (size_t)n;
        size_t max = vnkg_context_limits(src->ctx)->max_file_bytes;
        if (src->total > max) {
            src->too_big = 1;
            return vnkg_diag(src->ctx, VNKG_ERR_LIMIT,
                             "%s: file exceeds the limit of %zu bytes",
                             src->name, max);
        }
        *got = (size_t)n;
        return VNKG_SUCCESS;
    }
}

static VnkgStatus
fd_read(void *arg, char *buf, size_t cap, size_t *got)
{
    FdSource *src = arg;
    if (src->head_len > 0) {
        size_t n = src->head_len < cap ? src->head_len : cap;
        memcpy(buf, src->head, n);
        src->head += n;
        src->head_len -= n;
        *got = n;
        return VNKG_SUCCESS;
    }
    return fd_read_raw(src, buf, cap, got);
}

/* JSON Lines are read as a stream: a crawl of several GB never sits in
 * memory whole. The first block is checked like any file. */
static VnkgStatus
ingest_jsonl_fd(PathRun *run, int fd, const char *name, int explicit_input)
{
    char head[4096];
    FdSource src = {run->ctx, fd, name, head, 0, 0, 0};
    size_t got = 0;
    do { /* a pipe may deliver the first block in pieces */
        VNKG_TRY(fd_read_raw(&src, head + src.head_len,
                             sizeof head - src.head_len, &got));
        src.head_len += got;
    } while (got > 0 && src.head_len < sizeof head);
    if (looks_binary(head, src.head_len)) {
        VnkgStatus st = explicit_input ? VNKG_ERR_BAD_SYNTAX : VNKG_FAILURE;
        vnkg_diag(run->ctx, st, "%s: not a text file, skipped", name);
        return explicit_input ? st : VNKG_SUCCESS;
    }
    int blank = 1;
    VnkgStatus st = vnkg_ingest_jsonl_stream(
        run->ctx, name, fd_read, &src, jsonl_forward, run, &run->count, &blank);
    if (st == VNKG_ERR_LIMIT && !src.too_big && run->stop == VNKG_SUCCESS) {
        run->stop = st; /* max_articles ends the run */
    }
    if (st == VNKG_SUCCESS && blank) {
        vnkg_diag(run->ctx, VNKG_FAILURE, "%s: empty, skipped", name);
    }
    return st;
}

static VnkgStatus
ingest_fd(PathRun *run, int fd, const char *name, size_t hint,
          int explicit_input)
{
    if (resolve_format(run, name) == VNKG_FORMAT_JSONL) {
        return ingest_jsonl_fd(run, fd, name, explicit_input);
    }
    VnkgIngestBuf buf;
    vnkg_ingest_buf_init(&buf, run->ctx);
    VnkgStatus st = read_all(run->ctx, fd, name, hint, &buf);
    if (st == VNKG_SUCCESS) {
        st = ingest_data(run, name, buf.ptr ? buf.ptr : "", buf.len,
                         explicit_input);
    }
    vnkg_ingest_buf_clear(&buf);
    return st;
}

/* Opens without blocking (a FIFO swapped in after stat() must not hang us)
 * and reads only regular files. */
static VnkgStatus
ingest_file(PathRun *run, const char *path, int explicit_input)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        return vnkg_diag(run->ctx, VNKG_ERR_IO, "%s: %s", path,
                         strerror(errno));
    }
    struct stat sb;
    VnkgStatus st = VNKG_SUCCESS;
    size_t max = vnkg_context_limits(run->ctx)->max_file_bytes;
    if (fstat(fd, &sb) != 0) {
        st = vnkg_diag(run->ctx, VNKG_ERR_IO, "%s: %s", path, strerror(errno));
    } else if (!S_ISREG(sb.st_mode)) {
        st = vnkg_diag(run->ctx, VNKG_ERR_IO, "%s: not a regular file, refused",
                       path);
    } else if ((unsigned long long)sb.st_size > max) {
        st = vnkg_diag(run->ctx, VNKG_ERR_LIMIT,
                       "%s: file of %lld bytes exceeds the limit of %zu bytes",
                       path, (long long)sb.st_size, max);
    } else {
        st = ingest_fd(run, fd, path, (size_t)sb.st_size, explicit_input);
    }
    close(fd);
    return st;
}

static const char *
kind_of(mode_t mode)
{
    if (S_ISFIFO(mode)) {
        return "a FIFO";
    }
    if (S_ISSOCK(mode)) {
        return "a socket";
    }
    if (S_ISCHR(mode) || S_ISBLK(mode)) {
        return "a device";
    }
    return "not a regular file";
}

static VnkgStatus walk_dir(PathRun *run, const char *path,
                           const struct stat *sb, const Ancestor *up);

static int
compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

typedef struct {
    char **names;
    size_t len;
    size_t cap;
} NameList;

static void
names_clear(VnkgContext *ctx, NameList *list)
{
    for (size_t i = 0; i < list->len; ++i) {
        vnkg_free(ctx, list->names[i]);
    }
    vnkg_free(ctx, list->names);
}

static VnkgStatus
names_push(VnkgContext *ctx, NameList *list, const char *name)
{
    if (list->len == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 16;
        size_t bytes = 0;
        VNKG_TRY(vnkg_size_mul(&bytes, cap, sizeof *list->names));
        char **names = vnkg_realloc(ctx, list->names, bytes);
        if (!names) {
            return VNKG_ERR_NO_MEMORY;
        }
        list->names = names;
        list->cap = cap;
    }
    list->names[list->len] = vnkg_strdup(ctx, name);
    if (!list->names[list->len]) {
        return VNKG_ERR_NO_MEMORY;
    }
    list->len++;
    return VNKG_SUCCESS;
}

/* The visible entries of `path`, sorted by name bytes. The directory is
 * closed before recursing so deep trees do not exhaust descriptors. */
static VnkgStatus
list_dir(VnkgContext *ctx, const char *path, NameList *out)
{
    DIR *dir = opendir(path);
    if (!dir) {
        return vnkg_diag(ctx, VNKG_ERR_IO, "%s: %s", path, strerror(errno));
    }
    VnkgStatus st = VNKG_SUCCESS;
    for (;;) {
        errno = 0;
        struct dirent *ent = readdir(dir);
        if (!ent) {
            if (errno != 0) {
                st = vnkg_diag(ctx, VNKG_ERR_IO, "%s: %s", path,
                               strerror(errno));
            }
            break;
        }
        if (ent->d_name[0] == '.') {
            continue; /* ".", ".." and hidden entries */
        }
        st = names_push(ctx, out, ent->d_name);
        if (st != VNKG_SUCCESS) {
            break;
        }
    }
    closedir(dir);
    if (st == VNKG_SUCCESS && out->len > 1) {
        if (out->len > 1) { /* qsort must not see a NULL base */
            qsort(out->names, out->len, sizeof *out->names, compare_names);
        }
    }
    return st;
}

static char *
join_path(VnkgContext *ctx, const char *dir, const char *name)
{
    size_t a = strlen(dir);
    size_t b = strlen(name);
    int slash = a > 0 && dir[a - 1] == '/';
    char *path = vnkg_malloc(ctx, a + b + 2);
    if (path) {
        memcpy(path, dir, a);
        if (!slash) {
            path[a++] = '/';
        }
        memcpy(path + a, name, b + 1);
    }
    return path;
}

/* One directory entry. Per-file problems are diagnosed and do not stop the
 * walk; only what sets run->stop and a lack of memory do. */
static VnkgStatus
walk_entry(PathRun *run, const char *path, const Ancestor *up)
{
    struct stat sb;
    VnkgStatus st = VNKG_SUCCESS;
    if (stat(path, &sb) != 0) {
        vnkg_diag(run->ctx, VNKG_ERR_IO, "%s: %s", path, strerror(errno));
    } else if (S_ISDIR(sb.st_mode)) {
        st = walk_dir(run, path, &sb, up);
    } else if (!S_ISREG(sb.st_mode)) {
        vnkg_diag(run->ctx, VNKG_ERR_IO, "%s: %s, skipped", path,
                  kind_of(sb.st_mode));
    } else if (format_of(path) >= 0) {
        st = ingest_file(run, path, 0);
    }
    if (run->stop != VNKG_SUCCESS) {
        return run->stop;
    }
    return st == VNKG_ERR_NO_MEMORY ? st : VNKG_SUCCESS;
}

static VnkgStatus
walk_dir(PathRun *run, const char *path, const struct stat *sb,
         const Ancestor *up)
{
    for (const Ancestor *a = up; a; a = a->up) {
        if (a->dev == sb->st_dev && a->ino == sb->st_ino) {
            vnkg_diag(run->ctx, VNKG_ERR_IO,
                      "%s: directory loop (a symlink to an enclosing "
                      "directory), skipped",
                      path);
            return VNKG_SUCCESS;
        }
    }
    Ancestor self = {sb->st_dev, sb->st_ino, up};
    NameList list = {NULL, 0, 0};
    VnkgStatus st = list_dir(run->ctx, path, &list);
    for (size_t i = 0; i < list.len && st == VNKG_SUCCESS; ++i) {
        char *child = join_path(run->ctx, path, list.names[i]);
        if (!child) {
            st = VNKG_ERR_NO_MEMORY;
            break;
        }
        st = walk_entry(run, child, &self);
        vnkg_free(run->ctx, child);
    }
    names_clear(run->ctx, &list);
    return st;
}

static VnkgStatus
ingest_stdin(PathRun *run)
{
    struct stat sb;
    size_t hint = 0;
    if (fstat(STDIN_FILENO, &sb) == 0 && S_ISREG(sb.st_mode)) {
        hint = (size_t)sb.st_size;
    }
    return ingest_fd(run, STDIN_FILENO, "-", hint, 1);
}

VnkgStatus
vnkg_ingest_path(VnkgContext *ctx, const char *path, VnkgInputFormat format,
                 VnkgDocumentFn fn, void *user)
{
    PathRun run = {ctx, format, fn, user, 0, VNKG_SUCCESS};
    if (strcmp(path, "-") == 0) {
        return ingest_stdin(&run);
    }
    struct stat sb;
    if (stat(path, &sb) != 0) {
        return vnkg_diag(ctx, VNKG_ERR_IO, "%s: %s", path, strerror(errno));
    }
    if (S_ISDIR(sb.st_mode)) {
        VnkgStatus st = walk_dir(&run, path, &sb, NULL);
        /* Per-file failures inside a directory were diagnosed only. */
        return st;
    }
    if (!S_ISREG(sb.st_mode)) {
        return vnkg_diag(ctx, VNKG_ERR_IO,
                         "%s: %s, refused (only regular files, "
                         "directories and - are read)",
                         path, kind_of(sb.st_mode));
    }
    return ingest_file(&run, path, 1);
}
