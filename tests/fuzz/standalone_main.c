/* SPDX-License-Identifier: MIT */
/* Without libFuzzer: replays every regular file of the corpus directories
 * (or files) given as arguments through LLVMFuzzerTestOneInput, in byte
 * order of names, and prints how many inputs it ran. */
#include "fuzz_common.h"

#include <dirent.h>
#include <string.h>
#include <sys/stat.h>

static int
compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Runs one file; returns 0 when it could be read. */
static int
run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return -1;
    }
    size_t cap = 4096, len = 0, got;
    uint8_t *buf = malloc(cap);
    while (buf && (got = fread(buf + len, 1, cap - len, f)) > 0) {
        len += got;
        if (len == cap) {
            uint8_t *bigger = realloc(buf, cap *= 2);
            if (!bigger) {
                free(buf);
                buf = NULL;
            }
            buf = bigger;
        }
    }
    int failed = !buf || ferror(f);
    fclose(f);
    if (failed) {
        fprintf(stderr, "%s: cannot read\n", path);
        free(buf);
        return -1;
    }
    /* a copy of exactly `len` bytes, so that ASan sees overreads */
    uint8_t *exact = malloc(len ? len : 1);
    if (!exact) {
        free(buf);
        return -1;
    }
    memcpy(exact, buf, len);
    free(buf);
    LLVMFuzzerTestOneInput(exact, len);
    free(exact);
    return 0;
}

/* Runs every regular file of `dir` in sorted order; -1 on error. */
static long
run_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        perror(dir);
        return -1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    long ran = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') {
            continue;
        }
        if (n == cap) {
            cap = cap ? 2 * cap : 64;
            char **bigger = realloc(names, cap * sizeof *names);
            if (!bigger) {
                ran = -1;
                break;
            }
            names = bigger;
        }
        if ((names[n] = strdup(e->d_name)) == NULL) {
            ran = -1;
            break;
        }
        ++n;
    }
    closedir(d);
    if (n > 0) {
        qsort(names, n, sizeof *names, compare_names);
    }
    for (size_t i = 0; i < n && ran >= 0; ++i) {
        char path[4096];
        struct stat sb;
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode)) {
            ran = run_file(path) == 0 ? ran + 1 : -1;
        }
    }
    for (size_t i = 0; i < n; ++i) {
        free(names[i]);
    }
    free(names);
    return ran;
}

int
main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s CORPUS_DIR_OR_FILE...\n", argv[0]);
        return 2;
    }
    long total = 0;
    for (int i = 1; i < argc; ++i) {
        struct stat sb;
        long ran = -1;
        if (stat(argv[i], &sb) != 0) {
            perror(argv[i]);
        } else if (S_ISDIR(sb.st_mode)) {
            ran = run_dir(argv[i]);
        } else {
            ran = run_file(argv[i]) == 0 ? 1 : -1;
        }
        if (ran < 0) {
            return 1;
        }
        total += ran;
    }
    printf("ran %ld inputs\n", total);
    return total > 0 ? 0 : 1;
}
