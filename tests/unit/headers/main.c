/* SPDX-License-Identifier: MIT */
/* Links the one-header translation units: each compiled alone. */
#include <stdio.h>

int vnkg_header_analyse_ok(void);
int vnkg_header_context_ok(void);
int vnkg_header_document_ok(void);
int vnkg_header_export_ok(void);
int vnkg_header_extract_ok(void);
int vnkg_header_facts_ok(void);
int vnkg_header_graph_ok(void);
int vnkg_header_ingest_ok(void);
int vnkg_header_lexicon_ok(void);
int vnkg_header_normalise_ok(void);
int vnkg_header_pipeline_ok(void);
int vnkg_header_query_ok(void);
int vnkg_header_segment_ok(void);
int vnkg_header_status_ok(void);
int vnkg_header_vnkg_ok(void);

int
main(void)
{
    int n = vnkg_header_analyse_ok() + vnkg_header_context_ok() +
            vnkg_header_document_ok() + vnkg_header_export_ok() +
            vnkg_header_extract_ok() + vnkg_header_facts_ok() +
            vnkg_header_graph_ok() + vnkg_header_ingest_ok() +
            vnkg_header_lexicon_ok() + vnkg_header_normalise_ok() +
            vnkg_header_pipeline_ok() + vnkg_header_query_ok() +
            vnkg_header_segment_ok() + vnkg_header_status_ok() +
            vnkg_header_vnkg_ok();
    printf("%d headers compile alone\n", n);
    return n == 15 ? 0 : 1;
}
