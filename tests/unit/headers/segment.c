/* SPDX-License-Identifier: MIT */
/* Proves <vnkg/segment.h> compiles on its own. */
#include <vnkg/segment.h>

int vnkg_header_segment_ok(void);

int
vnkg_header_segment_ok(void)
{
    return 1;
}
