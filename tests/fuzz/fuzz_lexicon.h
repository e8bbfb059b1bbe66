/* SPDX-License-Identifier: MIT */
/* The real lexicon of ontology/ (VNKG_FUZZ_ONTOLOGY), loaded once. */
#ifndef VNKG_FUZZ_LEXICON_H
#define VNKG_FUZZ_LEXICON_H

#include <vnkg/vnkg.h>

/* The lexicon, loaded on first use with its own context and kept for the
 * life of the process (freed at exit); aborts when it cannot be loaded. */
const VnkgLexicon *fuzz_lexicon(void);

#endif
