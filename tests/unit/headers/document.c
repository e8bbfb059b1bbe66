/* SPDX-License-Identifier: MIT */
/* Proves <vnkg/document.h> compiles on its own. */
#include <vnkg/document.h>

int vnkg_header_document_ok(void);

int
vnkg_header_document_ok(void)
{
    return 1;
}
