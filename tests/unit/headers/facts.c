/* SPDX-License-Identifier: MIT */
/* Proves <vnkg/facts.h> compiles on its own. */
#include <vnkg/facts.h>

int vnkg_header_facts_ok(void);

int
vnkg_header_facts_ok(void)
{
    return 1;
}
