/* SPDX-License-Identifier: MIT */
/* facts.vnkg: the merged facts beside the graph, for --append and merge. */
#include "export_internal.h"

static VnkgStatus
write_facts(VnkgContext *ctx, FILE *fp, const void *data)
{
    return vnkg_facts_write(ctx, data, fp);
}

VnkgStatus
vnkg_export_facts(VnkgContext *ctx, const VnkgFacts *facts, const char *path)
{
    return vnkg_export_atomic(ctx, path, write_facts, facts);
}
