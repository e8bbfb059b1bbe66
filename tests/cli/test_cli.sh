#!/bin/sh
# SPDX-License-Identifier: MIT
# Command-line contract: exit codes, one-line errors naming the file,
# outputs written completely or not at all.
# usage: test_cli.sh VNKG SOURCE_ROOT WORKDIR
set -u
vnkg=$1 root=$2 work=$3
rm -rf "$work"
mkdir -p "$work"
fails=0 count=0

check() { # description, condition result
    count=$((count + 1))
    if [ "$2" -eq 0 ]; then
        echo "ok $count - $1"
    else
        echo "not ok $count - $1"
        fails=$((fails + 1))
    fi
}

run() { # expected-status, args... ; stdout in $work/out, stderr in $work/err
    want=$1
    shift
    "$vnkg" "$@" >"$work/out" 2>"$work/err"
    got=$?
    [ "$got" -eq "$want" ]
}

run 0 --version; check "--version exits 0" $?
grep -q '^vnkg [0-9]' "$work/out"; check "--version prints the version" $?
run 0 --help; check "--help exits 0" $?
grep -q 'build' "$work/out"; check "--help lists build" $?
run 0 build --help; check "build --help exits 0" $?
grep -q 'Examples' "$work/out"; check "build --help has examples" $?
run 2; check "no command exits 2" $?
run 2 frobnicate; check "unknown command exits 2" $?
grep -q "unknown command 'frobnicate'" "$work/err"; check "unknown command named" $?
run 2 build; check "build without input exits 2" $?
run 2 build --format xml "$root/samples"; check "unknown format exits 2" $?
run 2 build --bogus x; check "unknown option exits 2" $?

run 1 build "$work/missing.txt" -o "$work/o1"; check "missing input exits 1" $?
grep -q "missing.txt" "$work/err"; check "missing input named on stderr" $?
[ "$(wc -l <"$work/err")" -le 2 ]; check "error is short" $?
[ ! -e "$work/o1/graph.graphml" ]; check "no output for a failed run" $?

# a full run writes every file and leaves no temporary file behind
run 0 build "$root/samples" -o "$work/o2"; check "samples build exits 0" $?
for f in graph.graphml graph.rdf nodes.csv edges.csv centrality.tsv mentions.tsv; do
    [ -s "$work/o2/$f" ]; check "samples build wrote $f" $?
done
[ -z "$(find "$work/o2" -name '*.tmp.*')" ]; check "no temporary files left" $?
grep -q "Top entities by PageRank" "$work/out"; check "summary printed" $?
# its table is aligned by characters, not bytes: every row's type column
# starts at the same place, long labels are cut with "…"
sed -n '/^Top entities/,/^$/p' "$work/out" | grep '^ *[0-9]*\. ' >"$work/top"
[ "$(wc -l <"$work/top")" -eq 10 ]; check "summary lists ten entities" $?
# (the characters before the type column: wc -m counts them in UTF-8)
while IFS= read -r row; do
    printf '%s' "${row% [a-z]* *}" | LC_ALL=C.UTF-8 wc -m
done <"$work/top" | sort -u >"$work/top-widths"
[ "$(wc -l <"$work/top-widths")" -eq 1 ]
check "summary columns line up with Vietnamese labels" $?
grep -q '… event' "$work/top"; check "summary cuts a long label" $?

# -q prints nothing on success
run 0 build -q "$root/samples" -o "$work/o3"; check "quiet build exits 0" $?
[ ! -s "$work/out" ]; check "quiet prints nothing" $?

# same input, same bytes
run 0 build -q "$root/samples" -o "$work/o4"
cmp -s "$work/o3/graph.graphml" "$work/o4/graph.graphml"; check "graphml is deterministic" $?
cmp -s "$work/o3/graph.rdf" "$work/o4/graph.rdf"; check "rdf is deterministic" $?

# standard input
"$vnkg" build - -q -o "$work/o5" <"$root/samples/000_a02a045e16096a15.txt" 2>"$work/err"
check "stdin build exits 0" $?
grep -q 'stdin' "$work/o5/mentions.tsv"; check "stdin article id is stdin" $?

# format selection
run 0 build -q --format graphml "$root/samples" -o "$work/o6"; check "--format graphml exits 0" $?
[ -s "$work/o6/graph.graphml" ] && [ ! -e "$work/o6/graph.rdf" ]; check "--format graphml writes only graphml (+ centrality)" $?

# an output path that cannot be a directory: error, previous files intact
mkdir -p "$work/o7"
echo keep >"$work/o7/graph.graphml"
: >"$work/blocker"
run 3 build -q "$root/samples" -o "$work/blocker/sub"; check "unwritable output exits 3" $?
grep -q "blocker" "$work/err"; check "unwritable output named" $?
grep -q keep "$work/o7/graph.graphml"; check "unrelated previous output intact" $?

# invalid UTF-8: lax replaces and reports the byte offset, strict fails
printf 'Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn \377 phát biểu.\n' >"$work/bad.txt"
run 0 build "$work/bad.txt" -o "$work/o8"; check "invalid UTF-8 accepted in lax mode" $?
grep -q "bad.txt: byte" "$work/err"; check "invalid UTF-8 reported with byte offset" $?
run 1 build --strict "$work/bad.txt" -o "$work/o9"; check "--strict rejects invalid UTF-8" $?

echo "1..$count"
[ "$fails" -eq 0 ]
