/* SPDX-License-Identifier: MIT */
/* Proves <vnkg/ingest.h> compiles on its own. */
#include <vnkg/ingest.h>

int vnkg_header_ingest_ok(void);

int
vnkg_header_ingest_ok(void)
{
    return 1;
}
