/* SPDX-License-Identifier: MIT */
/* Proves <vnkg/vnkg.h> compiles on its own. */
#include <vnkg/vnkg.h>

int vnkg_header_vnkg_ok(void);

int
vnkg_header_vnkg_ok(void)
{
    return 1;
}
