/* SPDX-License-Identifier: MIT */
/* Proves <vnkg/normalise.h> compiles on its own. */
#include <vnkg/normalise.h>

int vnkg_header_normalise_ok(void);

int
vnkg_header_normalise_ok(void)
{
    return 1;
}
