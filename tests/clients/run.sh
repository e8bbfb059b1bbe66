#!/bin/sh
# SPDX-License-Identifier: MIT
# Build the samples' graph, then let independent clients read every file.
# usage: run.sh VNKG SAMPLES OUTDIR PYTHON CHECK_OUTPUTS_PY
set -eu
vnkg=$1 samples=$2 out=$3 python=$4 check=$5
rm -rf "$out"
"$vnkg" build "$samples" -o "$out" -q
shift 5
exec "$python" "$check" "$@" "$out"
