/* SPDX-License-Identifier: MIT */
/* Proves <vnkg/query.h> compiles on its own. */
#include <vnkg/query.h>

int vnkg_header_query_ok(void);

int
vnkg_header_query_ok(void)
{
    return 1;
}
