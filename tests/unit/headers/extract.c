/* SPDX-License-Identifier: MIT */
/* Proves <vnkg/extract.h> compiles on its own. */
#include <vnkg/extract.h>

int vnkg_header_extract_ok(void);

int
vnkg_header_extract_ok(void)
{
    return 1;
}
