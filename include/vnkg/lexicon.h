/* SPDX-License-Identifier: MIT */
/* The lexicons of ontology/: gazetteers, office titles, cue words and
 * family names, loaded at run time and compiled into token tries. */
#ifndef VNKG_LEXICON_H
#define VNKG_LEXICON_H

#include <vnkg/facts.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct VnkgLexicon VnkgLexicon;

/* Loads every gazetteer/<name>.tsv, titles.tsv, cues.tsv and surnames.txt
 * under `dir` (an ontology directory). The result belongs to the caller
 * (vnkg_lexicon_free). Errors name the file and line.
 * Returns VNKG_ERR_IO, VNKG_ERR_BAD_SYNTAX, VNKG_ERR_NO_MEMORY. */
VNKG_API VnkgStatus vnkg_lexicon_load(VnkgContext *ctx, const char *dir,
                                      VnkgLexicon **out);
VNKG_API void vnkg_lexicon_free(VnkgContext *ctx, VnkgLexicon *lex);

/* Number of gazetteer entries, titles and surface forms loaded. */
VNKG_API size_t vnkg_lexicon_entry_count(const VnkgLexicon *lex);
VNKG_API size_t vnkg_lexicon_title_count(const VnkgLexicon *lex);
VNKG_API size_t vnkg_lexicon_form_count(const VnkgLexicon *lex);

/* The ontology directory to use when none is given (the CLI checks
 * $VNKG_ONTOLOGY first): the installed data directory when it exists,
 * else the source tree's ontology/ (a build that is not installed). */
VNKG_API const char *vnkg_lexicon_default_dir(void);

#ifdef __cplusplus
}
#endif
#endif
