/* SPDX-License-Identifier: MIT */
/* Proves <vnkg/status.h> compiles on its own. */
#include <vnkg/status.h>

int vnkg_header_status_ok(void);

int
vnkg_header_status_ok(void)
{
    return 1;
}
