/* SPDX-License-Identifier: MIT */
/* The whole public API of libvnkg in one include:
 *
 *     #include <vnkg/vnkg.h>
 *
 * and link with `pkg-config --cflags --libs vnkg`. The stages, in the order
 * data flows through them: ingest (articles -> VnkgDocument), normalise (NFC,
 * cleaning), segment (sentences, tokens), extract (lexicon -> VnkgFacts),
 * graph (VnkgFacts -> VnkgGraph), analyse (centralities, communities) and
 * export (GraphML, RDF/XML, CSV/TSV). Every function that can fail returns a
 * VnkgStatus (status.h); state lives in a caller-created VnkgContext
 * (context.h). query reads a GraphML file back and answers questions about
 * it. See examples/top_entities.c. */
#ifndef VNKG_VNKG_H
#define VNKG_VNKG_H

#include <vnkg/analyse.h>
#include <vnkg/context.h>
#include <vnkg/document.h>
#include <vnkg/export.h>
#include <vnkg/extract.h>
#include <vnkg/facts.h>
#include <vnkg/graph.h>
#include <vnkg/ingest.h>
#include <vnkg/lexicon.h>
#include <vnkg/normalise.h>
#include <vnkg/pipeline.h>
#include <vnkg/query.h>
#include <vnkg/segment.h>
#include <vnkg/status.h>

#endif
