#!/bin/sh
# SPDX-License-Identifier: MIT
# The shared library exports exactly the public API: every dynamic symbol it
# defines starts with vnkg_ and is declared with VNKG_API in include/vnkg/,
# every such declaration is exported (so none lacks its definition), the core
# pipeline is there, and <vnkg/vnkg.h> includes every other public header.
# Usage: check_symbols.sh LIBVNKG.so SOURCE_ROOT
set -eu
lib=$1
root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
fail=0

# Symbols the linker itself defines in some toolchains' output.
nm -D --defined-only "$lib" | awk '{ print $NF }' |
    grep -v -x -E '_init|_fini|_edata|_end|__bss_start' | sort -u \
        >"$tmp/exported"
if [ ! -s "$tmp/exported" ]; then
    echo "check_symbols: $lib exports nothing" >&2
    exit 1
fi

# Names declared with VNKG_API, comments stripped (a comment may name a
# function without declaring it).
perl -0777 -ne '
    s{/\*.*?\*/}{ }gs;
    print "$1\n" while /\bVNKG_API\b[^;{}()]*?\b(vnkg_\w+)\s*[(\[;]/g;
' "$root"/include/vnkg/*.h | sort -u >"$tmp/declared"

bad=$(grep -v '^vnkg_' "$tmp/exported" || true)
if [ -n "$bad" ]; then
    echo "check_symbols: exported without the vnkg_ prefix (make them" \
        "static, or hidden by leaving out VNKG_API):" >&2
    echo "$bad" | sed 's/^/  /' >&2
    fail=1
fi
undeclared=$(comm -23 "$tmp/exported" "$tmp/declared" | grep '^vnkg_' || true)
if [ -n "$undeclared" ]; then
    echo "check_symbols: exported but not declared with VNKG_API in" \
        "include/vnkg/:" >&2
    echo "$undeclared" | sed 's/^/  /' >&2
    fail=1
fi
missing=$(comm -13 "$tmp/exported" "$tmp/declared")
if [ -n "$missing" ]; then
    echo "check_symbols: declared with VNKG_API but not exported (no" \
        "definition?):" >&2
    echo "$missing" | sed 's/^/  /' >&2
    fail=1
fi

for f in vnkg_context_new vnkg_context_free vnkg_ingest_path vnkg_ingest_text \
    vnkg_normalise_document vnkg_lexicon_load vnkg_extract_document \
    vnkg_graph_build vnkg_analyse_run vnkg_export_graphml; do
    if ! grep -q -x "$f" "$tmp/exported"; then
        echo "check_symbols: core function $f is not exported" >&2
        fail=1
    fi
done

for h in "$root"/include/vnkg/*.h; do
    name=${h##*/}
    [ "$name" = vnkg.h ] && continue
    if ! grep -q "^#include <vnkg/$name>" "$root/include/vnkg/vnkg.h"; then
        echo "check_symbols: include/vnkg/vnkg.h does not include" \
            "<vnkg/$name>" >&2
        fail=1
    fi
done

if [ "$fail" -eq 0 ]; then
    echo "check_symbols: $(wc -l <"$tmp/exported") symbols, all public API"
fi
exit "$fail"
