/* SPDX-License-Identifier: MIT */
/* Articles in, merged facts out: normalise + extract on worker threads,
 * merged in input order so that any number of threads gives the same
 * store. */
#ifndef VNKG_PIPELINE_H
#define VNKG_PIPELINE_H

#include <vnkg/extract.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct VnkgPipeline VnkgPipeline;

/* Seconds spent per stage, summed over threads (CPU time in workers). */
typedef struct {
    double normalise;
    double extract;
    double merge;
} VnkgPipelineTimes;

/* A pipeline that merges every article into `out` (borrowed, must outlive
 * the pipeline) using `lex` (borrowed). `threads` 0 or 1 works inline in
 * the caller's thread. The context's allocator and diagnostic sink must
 * be safe to call from several threads (the defaults are). Extraction
 * runs under contexts derived from `ctx` here (vnkg_context_new_derived):
 * settings changed on `ctx` later do not reach it.
 * Returns VNKG_ERR_NO_MEMORY, VNKG_ERR_INTERNAL (threads not started). */
VNKG_API VnkgStatus vnkg_pipeline_new(VnkgContext *ctx, const VnkgLexicon *lex,
                                      size_t threads, VnkgFacts *out,
                                      VnkgPipeline **pipeline);

/* Hands one article to the pipeline, which takes ownership. May block
 * while the workers are busy. Returns the first error of an earlier
 * article (VNKG_ERR_NO_MEMORY, ...); strict-mode text errors
 * (VNKG_ERR_BAD_TEXT) are counted, not returned. */
VNKG_API VnkgStatus vnkg_pipeline_add(VnkgPipeline *pipeline,
                                      VnkgDocument *doc);

/* Waits for every article and merges what is left. */
VNKG_API VnkgStatus vnkg_pipeline_finish(VnkgPipeline *pipeline);

/* Articles merged, and articles refused for invalid text (strict mode). */
VNKG_API size_t vnkg_pipeline_articles(const VnkgPipeline *pipeline);
VNKG_API size_t vnkg_pipeline_rejected(const VnkgPipeline *pipeline);
VNKG_API VnkgPipelineTimes vnkg_pipeline_times(const VnkgPipeline *pipeline);

/* Stops the workers (after vnkg_pipeline_finish, or to abandon work) and
 * frees the pipeline; accepts NULL. */
VNKG_API void vnkg_pipeline_free(VnkgPipeline *pipeline);

#ifdef __cplusplus
}
#endif
#endif
