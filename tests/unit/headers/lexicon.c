/* SPDX-License-Identifier: MIT */
/* Proves <vnkg/lexicon.h> compiles on its own. */
#include <vnkg/lexicon.h>

int vnkg_header_lexicon_ok(void);

int
vnkg_header_lexicon_ok(void)
{
    return 1;
}
