/* SPDX-License-Identifier: MIT */
/* Proves <vnkg/context.h> compiles on its own. */
#include <vnkg/context.h>

int vnkg_header_context_ok(void);

int
vnkg_header_context_ok(void)
{
    return 1;
}
