#!/bin/sh
# SPDX-License-Identifier: MIT
# Same input, same bytes: whatever the thread count, the input order, the
# locale, or a split into shards extracted apart and merged (also through
# the README's GNU parallel recipe), or an --append onto an earlier build.
# usage: test_scale.sh VNKG SOURCE_ROOT WORKDIR
set -u
vnkg=$1 root=$2 work=$3
rm -rf "$work"
mkdir -p "$work"
fails=0 count=0
check() {
    count=$((count + 1))
    if [ "$2" -eq 0 ]; then echo "ok $count - $1"; else echo "not ok $count - $1"; fails=$((fails + 1)); fi
}
files="graph.graphml graph.rdf nodes.csv edges.csv mentions.tsv centrality.tsv report.md graph.svg facts.vnkg"
same() { # dir1 dir2
    for f in $files; do
        cmp -s "$1/$f" "$2/$f" || { echo "# differs: $f"; return 1; }
    done
}
corpus="$work/corpus"
mkdir -p "$corpus/a" "$corpus/b"
cp "$root"/samples/*.txt "$corpus/a/"
cp "$root"/tests/corpus/articles/* "$corpus/b/"

"$vnkg" build -q "$corpus" -o "$work/ref"; check "reference build" $?
for j in 2 3 8; do
    "$vnkg" build -q -j "$j" "$corpus" -o "$work/j$j"
    same "$work/ref" "$work/j$j"; check "-j $j gives the same bytes" $?
done
# --timings: a line per stage, with seconds, on one thread and on two
for j in 1 2; do
    "$vnkg" build -q -j "$j" --timings "$corpus" -o "$work/t$j" 2>"$work/t$j.err"
    ok=0
    for stage in "ingest+extract(wall)" ingest normalise extract merge graph \
        analyse export; do
        grep -Eq "^timing $(printf '%s' "$stage" | sed 's/[+()]/\\&/g') [0-9]+\.[0-9]{3}( |$)" \
            "$work/t$j.err" || { echo "# no timing line for $stage"; ok=1; }
    done
    same "$work/ref" "$work/t$j" || ok=1
    check "--timings -j $j: every stage timed, same bytes" $ok
done
"$vnkg" build -q "$corpus/b" "$corpus/a" -o "$work/order"
same "$work/ref" "$work/order"; check "input order does not matter" $?

for loc in vi_VN de_DE.UTF-8 fr_FR.UTF-8; do
    if locale -a 2>/dev/null | grep -qi "^$(echo "$loc" | sed 's/UTF-8/utf8/')$"; then
        LC_ALL=$loc "$vnkg" build -q "$corpus" -o "$work/loc"
        same "$work/ref" "$work/loc"; check "LC_ALL=$loc (decimal comma) gives the same bytes" $?
    else
        echo "ok - SKIP locale $loc not installed"
    fi
done

# shards: extract apart, merge in another order
"$vnkg" extract -q "$corpus/a" >"$work/a.facts"; check "extract shard a" $?
"$vnkg" extract -q -j 2 "$corpus/b" >"$work/b.facts"; check "extract shard b" $?
head -1 "$work/a.facts" | grep -q '^#vnkg-facts 1$'; check "facts file header" $?
"$vnkg" merge -q "$work/b.facts" "$work/a.facts" -o "$work/merged"; check "merge" $?
same "$work/ref" "$work/merged"; check "extract + merge = build" $?
cat "$work/b.facts" "$work/a.facts" | "$vnkg" merge -q - -o "$work/stdin"
check "merge reads concatenated facts files on stdin" $?
same "$work/ref" "$work/stdin"; check "cat parts | merge - = build" $?

# the README's GNU parallel recipe (one extract per file)
if command -v parallel >/dev/null 2>&1; then
    mkdir -p "$work/parts"
    find "$corpus" -type f | sort | parallel --will-cite -j 2 \
        "\"$vnkg\" extract -q {} > \"$work/parts/\$(echo {} | md5sum | cut -c1-12).facts\""
    check "parallel extract" $?
    "$vnkg" merge -q "$work"/parts/*.facts -o "$work/parallel"; check "merge the parallel parts" $?
    same "$work/ref" "$work/parallel"; check "GNU parallel recipe = build" $?
else
    echo "ok - SKIP GNU parallel not installed"
fi

# A graph big enough for igraph's PageRank (PRPACK) to split its sums over
# an OpenMP team: the bytes must not depend on OMP_NUM_THREADS or -j.
if command -v python3 >/dev/null 2>&1; then
    python3 "$root/bench/gen_corpus.py" --seed 7 --articles 600 \
        --out "$work/gen" --ontology "$root/ontology" >/dev/null 2>&1
    check "generate a 600-article corpus" $?
    OMP_NUM_THREADS=1 "$vnkg" build -q "$work/gen" -o "$work/omp1"
    OMP_NUM_THREADS=4 "$vnkg" build -q -j 2 "$work/gen" -o "$work/omp4"
    same "$work/omp1" "$work/omp4"; check "OMP_NUM_THREADS=1 and =4 give the same bytes" $?
else
    echo "ok - SKIP python3 not installed"
fi

# incremental: build a, then append b
"$vnkg" build -q "$corpus/a" -o "$work/inc"
"$vnkg" build -q --append "$work/inc" "$corpus/b"; check "append" $?
same "$work/ref" "$work/inc"; check "build + append = full build" $?
"$vnkg" build --append "$work/inc" "$corpus/a" -o "$work/inc" 2>"$work/err" >/dev/null
check "appending known articles succeeds" $?
grep -q "already in the graph" "$work/err"; check "known articles are skipped, not counted twice" $?
same "$work/ref" "$work/inc"; check "graph unchanged after appending known articles" $?

# errors
"$vnkg" merge -q "$work/missing.facts" -o "$work/x" 2>"$work/err"; test $? -eq 1; check "missing facts file exits 1" $?
grep -q "missing.facts" "$work/err"; check "missing facts file named" $?
printf 'not facts\n' >"$work/bad.facts"
"$vnkg" merge -q "$work/bad.facts" -o "$work/x" 2>"$work/err"; test $? -eq 1; check "bad facts file exits 1" $?
grep -q "bad.facts:1:" "$work/err"; check "bad facts file named with its line" $?
"$vnkg" build -q -j 0 "$corpus" -o "$work/x" 2>/dev/null; test $? -eq 2; check "-j 0 is a usage error" $?
"$vnkg" extract --help | grep -q "map step"; check "extract --help" $?
"$vnkg" merge --help | grep -q "Merge facts files"; check "merge --help" $?

echo "1..$count"
[ "$fails" -eq 0 ]
