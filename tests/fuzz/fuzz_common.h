/* SPDX-License-Identifier: MIT */
/* Shared by the fuzz targets: one-time process setup, a silent context,
 * a scratch directory and the property checks (abort() on violation). */
#ifndef VNKG_FUZZ_COMMON_H
#define VNKG_FUZZ_COMMON_H

#include <vnkg/vnkg.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A property does not hold: say which, then abort() so that libFuzzer (or
 * the replay) reports the input. */
#define FUZZ_CHECK(cond)                                                       \
    do {                                                                       \
        if (!(cond)) {                                                         \
            fprintf(stderr, "%s:%d: property failed: %s\n", __FILE__,          \
                    __LINE__, #cond);                                          \
            abort();                                                           \
        }                                                                      \
    } while (0)

/* The process setup the CLI does once (xmlInitParser, igraph's error
 * handler and RNG seed); idempotent. */
void fuzz_process_init(void);
/* A context whose diagnostics go nowhere; aborts when out of memory. */
VnkgContext *fuzz_context(void);
/* `name` inside a private scratch directory made once and removed at exit
 * (static buffer). Only the names the targets use are removed. */
const char *fuzz_tmp_path(const char *name);
/* Aborts unless the file is well-formed XML (read without the network). */
void fuzz_check_xml_file(const char *path);
/* Aborts unless edge ends exist and, when `analysed` and not empty,
 * betweenness >= 0 and PageRank sums to 1 +- 1e-9. */
void fuzz_check_graph(const VnkgGraph *g, int analysed);
/* Aborts unless every mention has start <= end <= len (the text as read)
 * and names an entity that exists. */
void fuzz_check_mentions(const VnkgFacts *facts, size_t len);
/* Aborts unless `len` bytes at `s` are NUL-terminated there, valid NFC
 * UTF-8 and free of control characters other than \t and \n: what
 * normalise promises. */
void fuzz_check_clean(const char *s, size_t len);
/* 1 when `len` bytes at `s` are valid UTF-8 (no overlong forms, no
 * surrogates, nothing above U+10FFFF), else 0. */
int fuzz_utf8_valid(const char *s, size_t len);

#endif
