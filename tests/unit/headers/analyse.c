/* SPDX-License-Identifier: MIT */
/* Proves <vnkg/analyse.h> compiles on its own. */
#include <vnkg/analyse.h>

int vnkg_header_analyse_ok(void);

int
vnkg_header_analyse_ok(void)
{
    return 1;
}
