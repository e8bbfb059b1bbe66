/* SPDX-License-Identifier: MIT */
/* Atomic output: write to a temporary file beside the target, make it
 * durable, rename it over the target. rename(2) within one directory is
 * atomic on POSIX file systems, so readers see the old file or the new one,
 * never a half-written one. */
#include "export_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char tmp_suffix[] = ".tmp.XXXXXX";

/* The process umask without changing it (umask(2) can only read by
 * setting, which races with other threads): Linux reports it in
 * /proc/self/status since 4.7. Falls back to the common 022. */
static mode_t
current_umask(void)
{
    mode_t mask = 022;
    FILE *fp = fopen("/proc/self/status", "r");
    if (!fp) {
        return mask;
    }
    char line[256];
    while (fgets(line, sizeof line, fp)) {
        if (strncmp(line, "Umask:", 6) == 0) {
            char *end = NULL;
            unsigned long v = strtoul(line + 6, &end, 8);
            if (end != line + 6 && v <= 0777) {
                mask = (mode_t)v;
            }
            break;
        }
    }
    fclose(fp);
    return mask;
}

static VnkgStatus
write_error(VnkgContext *ctx, const char *name, int err)
{
    return vnkg_diag(ctx, VNKG_ERR_WRITE, "%s: %s", name,
                     err ? strerror(err) : "write error");
}

VnkgStatus
vnkg_export_stream(VnkgContext *ctx, FILE *fp, const char *name,
                   VnkgExportWriteFn fn, const void *data)
{
    errno = 0;
    VnkgStatus st = fn(ctx, fp, data);
    int err = errno; /* a failed fwrite's, if the stream's flag is set */
    if (st == VNKG_ERR_WRITE) {
        return write_error(ctx, name, err);
    }
    if (st != VNKG_SUCCESS) {
        return st;
    }
    errno = 0;
    if (fflush(fp) != 0 || ferror(fp)) {
        return write_error(ctx, name, errno ? errno : err);
    }
    /* fsync reports EIO/ENOSPC that delayed allocation hid from write(2);
     * EINVAL means the stream is not a regular file (a pipe, /dev/full). */
    if (fsync(fileno(fp)) != 0 && errno != EINVAL && errno != EROFS) {
        return write_error(ctx, name, errno);
    }
    return VNKG_SUCCESS;
}

/* Makes the rename durable; best effort, as some file systems refuse. */
static void
sync_parent(const char *path)
{
    const char *slash = strrchr(path, '/');
    char dir[4096];
    if (!slash) {
        dir[0] = '.';
        dir[1] = '\0';
    } else {
        size_t n = (size_t)(slash - path);
        if (n >= sizeof dir) {
            return;
        }
        memcpy(dir, path, n ? n : 1);
        dir[n ? n : 1] = '\0';
    }
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)fsync(fd);
        close(fd);
    }
}

/* Tells the context's hook (if any) that `tmp` exists or is gone, so that
 * a program ended by a signal can remove what it had not finished. */
static void
note_temp(VnkgContext *ctx, const char *tmp, int created)
{
    void *user = NULL;
    VnkgTempFileFn fn = vnkg_context_tempfile_hook(ctx, &user);
    if (fn) {
        fn(tmp, created, user);
    }
}

static VnkgStatus
make_temp(VnkgContext *ctx, const char *path, char **tmp_out, FILE **fp_out)
{
    size_t n = 0;
    VNKG_TRY(vnkg_size_add(&n, strlen(path), sizeof tmp_suffix));
    char *tmp = vnkg_malloc(ctx, n);
    if (!tmp) {
        return vnkg_diag(ctx, VNKG_ERR_NO_MEMORY, "%s: out of memory", path);
    }
    memcpy(tmp, path, strlen(path));
    memcpy(tmp + strlen(path), tmp_suffix, sizeof tmp_suffix);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        int err = errno;
        vnkg_free(ctx, tmp);
        return vnkg_diag(ctx, VNKG_ERR_IO, "%s: %s", path, strerror(err));
    }
    note_temp(ctx, tmp, 1);
    /* mkstemp creates 0600; outputs are for other readers too. */
    int err = 0;
    FILE *fp = NULL;
    if (fchmod(fd, (mode_t)(0644 & ~current_umask())) != 0 ||
        !(fp = fdopen(fd, "wb"))) {
        err = errno;
        close(fd);
        unlink(tmp);
        note_temp(ctx, tmp, 0);
        vnkg_free(ctx, tmp);
        return vnkg_diag(ctx, VNKG_ERR_IO, "%s: %s", path, strerror(err));
    }
    *tmp_out = tmp;
    *fp_out = fp;
    return VNKG_SUCCESS;
}

VnkgStatus
vnkg_export_atomic(VnkgContext *ctx, const char *path, VnkgExportWriteFn fn,
                   const void *data)
{
    if (!path || !*path) {
        return vnkg_diag(ctx, VNKG_ERR_BAD_ARG, "empty output path");
    }
    char *tmp = NULL;
    FILE *fp = NULL;
    VNKG_TRY(make_temp(ctx, path, &tmp, &fp));
    VnkgStatus st = vnkg_export_stream(ctx, fp, path, fn, data);
    errno = 0;
    if (fclose(fp) != 0 && st == VNKG_SUCCESS) {
        st = write_error(ctx, path, errno);
    }
    if (st == VNKG_SUCCESS && rename(tmp, path) != 0) {
        st = write_error(ctx, path, errno);
    }
    if (st != VNKG_SUCCESS) {
        unlink(tmp);
    }
    note_temp(ctx, tmp, 0);
    if (st == VNKG_SUCCESS) {
        sync_parent(path);
    }
    vnkg_free(ctx, tmp);
    return st;
}
