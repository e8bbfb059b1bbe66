/* SPDX-License-Identifier: MIT */
/* Proves <vnkg/graph.h> compiles on its own. */
#include <vnkg/graph.h>

int vnkg_header_graph_ok(void);

int
vnkg_header_graph_ok(void)
{
    return 1;
}
