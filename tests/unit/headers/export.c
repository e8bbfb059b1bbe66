/* SPDX-License-Identifier: MIT */
/* Proves <vnkg/export.h> compiles on its own. */
#include <vnkg/export.h>

int vnkg_header_export_ok(void);

int
vnkg_header_export_ok(void)
{
    return 1;
}
