/* SPDX-License-Identifier: MIT */
/* Proves <vnkg/pipeline.h> compiles on its own. */
#include <vnkg/pipeline.h>

int vnkg_header_pipeline_ok(void);

int
vnkg_header_pipeline_ok(void)
{
    return 1;
}
