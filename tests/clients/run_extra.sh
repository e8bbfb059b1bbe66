#!/bin/sh
# SPDX-License-Identifier: MIT
# Build the samples' graph with every format, then let independent clients
# read graph.gexf, graph.svg and report.md (check_extra.py).
# usage: run_extra.sh VNKG SAMPLES OUTDIR PYTHON CHECK_EXTRA_PY
# Exit 77 (skipped) while the CLI does not write GEXF and SVG yet.
set -eu
vnkg=$1 samples=$2 out=$3 python=$4 check=$5
rm -rf "$out"
"$vnkg" build "$samples" -o "$out" --format all -q
if [ ! -e "$out/graph.gexf" ] && ! "$vnkg" --help 2>&1 | grep -q gexf; then
    echo "run_extra: this vnkg does not write graph.gexf, skipped" >&2
    exit 77
fi
exec "$python" "$check" "$out"
