#!/bin/sh
# SPDX-License-Identifier: MIT
# The golden paths of the vnkg binary under valgrind: no memory error, no
# definite or indirect leak (threads included).
# usage: test_valgrind.sh VNKG SOURCE_ROOT WORKDIR
set -u
vnkg=$1 root=$2 work=$3
if ! command -v valgrind >/dev/null 2>&1; then
    echo "valgrind not installed: skipped"
    exit 77
fi
rm -rf "$work"
mkdir -p "$work"
vg="valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --quiet"
fails=0 count=0
check() {
    count=$((count + 1))
    if [ "$2" -eq 0 ]; then echo "ok $count - $1"; else echo "not ok $count - $1"; fails=$((fails + 1)); fi
}
$vg "$vnkg" build -q --format all "$root/samples" -o "$work/out"; check "build --format all" $?
$vg "$vnkg" build -q -j 3 "$root/samples" "$root/tests/corpus/articles" -o "$work/j3"; check "build -j 3" $?
$vg "$vnkg" extract -q "$root/samples" >"$work/s.facts"; check "extract" $?
$vg "$vnkg" merge -q "$work/s.facts" -o "$work/m"; check "merge" $?
$vg "$vnkg" build -q --append "$work/m" "$root/tests/corpus/articles"; check "append" $?
$vg "$vnkg" query "$work/out/graph.graphml" entity "bui thanh son" >/dev/null; check "query entity" $?
$vg "$vnkg" query "$work/out/graph.graphml" path "Trịnh Trường Huy" "Phạm Minh Chính" >/dev/null; check "query path" $?
$vg "$vnkg" build -q "$work/missing" -o "$work/x" 2>/dev/null; test $? -eq 1; check "a failing run exits 1, not 99" $?
echo "1..$count"
[ "$fails" -eq 0 ]
