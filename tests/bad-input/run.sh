#!/bin/sh
# SPDX-License-Identifier: MIT
# Hostile and broken input (issue 6): vnkg never crashes, never hangs and
# never loses or half-writes data. Each case checks the exit status, the one
# line on stderr that names the file (and line or byte offset), and the
# state of the output directory.
# usage: run.sh VNKG SOURCE_ROOT WORKDIR
# VNKG_BAD_INPUT_SCALE (default 1) scales the generated big inputs (the
# 100 MB line, the 1M-article JSONL, the corpora interrupted by signals);
# the sanitizer run sets 0.1.
set -u
vnkg=$1 root=$2 work=$3
fix=$root/tests/bad-input
scale=${VNKG_BAD_INPUT_SCALE:-1}
rm -rf "$work"
mkdir -p "$work"
work=$(cd "$work" && pwd)
count=0 fails=0 skips=0 mnt=
started=$(date +%s)
cleanup() {
    [ -n "$mnt" ] && umount "$mnt" 2>/dev/null
    [ -n "${listener:-}" ] && kill "$listener" 2>/dev/null
    chmod -R u+rwx "$work" 2>/dev/null
}
trap cleanup EXIT

ok() { # description
    count=$((count + 1))
    echo "ok $count - $1"
}

check() { # description, status of the condition
    count=$((count + 1))
    if [ "$2" -eq 0 ]; then
        echo "ok $count - $1"
    else
        echo "not ok $count - $1"
        fails=$((fails + 1))
        sed 's/^/#   stderr: /' "$work/err" | head -5
    fi
}

todo() { # description, status, reason: a known bug, reported, not failed
    count=$((count + 1))
    if [ "$2" -eq 0 ]; then
        echo "ok $count - $1 # TODO $3"
    else
        echo "not ok $count - $1 # TODO $3"
    fi
}

skip() { # description, reason
    count=$((count + 1)) skips=$((skips + 1))
    echo "ok $count - $1 # SKIP $2"
}

scaled() { # n: n * scale, at least 1
    awk -v n="$1" -v s="$scale" 'BEGIN { v = int(n * s); print v < 1 ? 1 : v }'
}

# Runs vnkg under a 60 s watchdog: stdout in $work/out, stderr in
# $work/err, exit status in $got, wall time in $secs.
vk() {
    t0=$(date +%s.%N)
    timeout -s KILL 60 "$vnkg" "$@" >"$work/out" 2>"$work/err"
    got=$?
    secs=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
}

status() { # description, expected exit status (after vk)
    [ "$got" -eq "$2" ]
    check "$1: exit $2 (got $got, ${secs}s)" $?
}

names() { # description, fixed text that a stderr line must hold
    grep -q -F -- "$2" "$work/err"
    check "$1: stderr names '$2'" $?
}

lines() { # description, maximum number of stderr lines
    n=$(wc -l <"$work/err")
    [ "$n" -ge 1 ] && [ "$n" -le "$2" ]
    check "$1: $n line(s) on stderr (1..$2)" $?
}

no_temp() { # description, directory
    [ -z "$(find "$2" -name '*.tmp.*' 2>/dev/null)" ]
    check "$1: no temporary file left in $(basename "$2")" $?
}

valid_xml() { # description, directory
    xmllint --noout "$2/graph.graphml" "$2/graph.rdf" 2>>"$work/err"
    check "$1: graph.graphml and graph.rdf parse (xmllint)" $?
}

nodes() { # directory: number of nodes in graph.graphml
    grep -c '<node ' "$1/graph.graphml" 2>/dev/null
}

has() { # description, directory, text the graph must hold
    grep -q -F -- "$3" "$2/graph.graphml" 2>/dev/null
    check "$1: graph holds '$3'" $?
}

snapshot() { # directory: checksums of its files
    (cd "$1" && cksum ./* 2>/dev/null)
}

# N tiny JSONL articles; every 1000th names an official, the others no
# entity (articles that all name one entity are measured elsewhere).
tiny_jsonl() { # n, file
    awk -v n="$1" 'BEGIN { for (i = 1; i <= n; i++)
        printf "{\"id\":\"t%d\",\"text\":\"Tin %d: %s\"}\n", i, i,
            i % 1000 ? "giá lúa ổn định." : "Thủ tướng Phạm Minh Chính." }' \
        >"$2"
}

article='Thủ tướng Phạm Minh Chính tiếp Bộ trưởng Ngoại giao Bùi Thanh Sơn.'
d=$work/in
mkdir -p "$d"

# ---------------------------------------------------------------- bytes
# invalid UTF-8: lax replaces and reports once with the byte offset,
# --strict fails naming the file
for c in overlong:'\300\257' surrogate:'\355\240\200' truncated:'\341\272'; do
    name=${c%%:*} bytes=${c#*:}
    f=$d/$name.txt
    { printf '%s\n' "$article"; printf "x $bytes y $bytes\n"; } >"$f"
    off=$(($(printf '%s\n' "$article" | wc -c) + 2))
    vk build "$f" -o "$work/o-$name"
    status "UTF-8 $name, lax" 0
    names "UTF-8 $name, lax" "$name.txt: byte $off: invalid UTF-8"
    lines "UTF-8 $name, lax (one diagnostic)" 1
    has "UTF-8 $name, lax" "$work/o-$name" "Phạm Minh Chính"
    vk build --strict "$f" -o "$work/os-$name"
    status "UTF-8 $name, --strict" 1
    names "UTF-8 $name, --strict" "$name.txt: byte $off"
done
# a truncated sequence at the very end of the file
{ printf '%s\n' "$article"; printf 'cuối \341\272'; } >"$d/cut-end.txt"
vk build "$d/cut-end.txt" -o "$work/o-cut-end"
status "UTF-8 cut at end of file" 0
names "UTF-8 cut at end of file" "cut-end.txt: byte"

# NUL bytes are removed and reported once
{ printf '%s\n' "$article"; printf 'a\000b\000c\n'; } >"$d/nul.txt"
off=$(($(printf '%s\n' "$article" | wc -c) + 1))
vk build "$d/nul.txt" -o "$work/o-nul"
status "NUL bytes" 0
names "NUL bytes" "nul.txt: byte $off: NUL byte"
lines "NUL bytes (one diagnostic)" 1
has "NUL bytes" "$work/o-nul" "Phạm Minh Chính"

# binary files: refused when named, skipped inside a directory
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\000\001' >"$d/photo.png"
cp "$d/photo.png" "$d/photo.txt"
head -c 4096 "$(command -v sh)" >"$d/prog.html"
for f in photo.png prog.html; do
    vk build "$d/$f" -o "$work/o-bin"
    status "binary $f named" 1
    names "binary $f named" "$f: not a text file"
    lines "binary $f named" 2
done
[ ! -e "$work/o-bin" ]
check "binary named: no output directory written" $?
mkdir -p "$d/mixed"
cp "$d/photo.txt" "$d/prog.html" "$d/mixed/"
printf '%s\n' "$article" >"$d/mixed/good.txt"
vk build "$d/mixed" -o "$work/o-mixed"
status "binary files in a directory" 0
names "binary files in a directory" "photo.txt: not a text file, skipped"
names "binary files in a directory" "prog.html: not a text file, skipped"
has "binary files in a directory" "$work/o-mixed" "Bùi Thanh Sơn"

# empty and blank files: no article, valid empty outputs
: >"$d/empty.txt"
printf '  \n\t\r\n   \n' >"$d/blank.txt"
printf ' \n' >"$d/blank.html"
for f in empty.txt blank.txt blank.html; do
    vk build "$d/$f" -o "$work/o-$f"
    status "$f" 0
    names "$f" "$f"
    [ "$(nodes "$work/o-$f")" = 0 ]
    check "$f: graph has no node" $?
    valid_xml "$f" "$work/o-$f"
done

# one 100 MB line (x scale): over the default article limit it is refused
# quickly; with the limit raised it is processed
mb=$(scaled 100)
{
    printf '%s A' "$article"
    head -c $((mb * 1048576)) /dev/zero | tr '\0' 'a'
    printf '\n'
} >"$work/line.txt"
if [ "$mb" -gt 16 ]; then # over the default of 16 MiB
    lim= what="default limit" max=16777216
else # a scaled-down run: a limit below the line
    lim="--max-article-bytes $((mb / 2))M" what="--max-article-bytes $((mb / 2))M"
    max=$((mb / 2 * 1048576))
fi
vk build $lim "$work/line.txt" -o "$work/o-line"
status "${mb} MB line, $what" 1
names "${mb} MB line, $what" "line.txt: article of"
names "${mb} MB line, $what" "exceeds the limit of $max bytes"
vk build -q --max-article-bytes $((mb + 1))M "$work/line.txt" -o "$work/o-line"
status "${mb} MB line, --max-article-bytes $((mb + 1))M" 0
has "${mb} MB line, processed" "$work/o-line" "Phạm Minh Chính"
vk build -q --max-file-bytes 1M "$work/line.txt" -o "$work/o-line2"
status "${mb} MB line, --max-file-bytes 1M" 1
names "${mb} MB line, --max-file-bytes 1M" "line.txt: file of"
# the same line in the middle of a JSONL file: that line is skipped
{
    printf '{"id":"a","text":"%s"}\n{"id":"big","text":"' "$article"
    head -c $((mb * 1048576)) /dev/zero | tr '\0' 'a'
    printf '"}\n{"id":"c","text":"Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên."}\n'
} >"$work/line.jsonl"
vk build -q --max-article-bytes 1M "$work/line.jsonl" -o "$work/o-linej"
status "${mb} MB JSONL line over --max-article-bytes 1M" 0
names "${mb} MB JSONL line" "line.jsonl:2: line of"
has "${mb} MB JSONL line, lines 1 and 3 kept" "$work/o-linej" "Phạm Minh Chính"
has "${mb} MB JSONL line, lines 1 and 3 kept" "$work/o-linej" "Nguyễn Hồng Diên"
rm -f "$work/line.txt" "$work/line.jsonl"
# a 1 MB sentence naming two people: its edges' evidence should be cut,
# not copied whole into every edge of every output file
{
    printf '%s ' "$article"
    head -c 1048576 /dev/zero | tr '\0' 'a'
    printf '\n'
} >"$work/sentence.txt"
vk build -q "$work/sentence.txt" -o "$work/o-sentence"
status "1 MB sentence" 0
kb=$(du -k "$work/o-sentence/graph.graphml" | cut -f1)
[ "$kb" -lt 512 ]
check "1 MB sentence: graph.graphml of ${kb} KiB (< 512): evidence is cut" $?
rm -rf "$work/sentence.txt" "$work/o-sentence"

# a million tiny articles (x scale) in one JSONL
n=$(scaled 1000000)
tiny_jsonl "$n" "$work/many.jsonl"
vk build "$work/many.jsonl" -o "$work/o-many"
status "$n articles in one JSONL" 0
grep -q "^vnkg: $n articles" "$work/out"
check "$n articles in one JSONL: all $n read" $?
has "$n articles in one JSONL" "$work/o-many" "Phạm Minh Chính"
vk build -q --max-articles 1000 "$work/many.jsonl" -o "$work/o-many2"
status "$n articles, --max-articles 1000" 1
names "$n articles, --max-articles 1000" "many.jsonl:1001: more than 1000 articles"
[ ! -e "$work/o-many2/graph.graphml" ]
check "$n articles, --max-articles 1000: nothing written" $?
rm -rf "$work/o-many" # hundreds of MB of mentions and provenance

# ----------------------------------------------------------------- HTML
vk build "$fix/unclosed.html" -o "$work/o-unclosed"
status "HTML with unclosed tags" 0
has "HTML with unclosed tags" "$work/o-unclosed" "Bùi Thanh Sơn"

awk 'BEGIN { printf "<html><body><p>Thủ tướng Phạm Minh Chính phát biểu.</p>";
    for (i = 0; i < 10000; i++) printf "<div>";
    printf "sâu";
    for (i = 0; i < 10000; i++) printf "</div>";
    print "</body></html>" }' >"$d/deep.html"
vk build "$d/deep.html" -o "$work/o-deep"
status "HTML nested 10,000 deep" 0
names "HTML nested 10,000 deep" "deep.html: HTML nested deeper than 256"
has "HTML nested 10,000 deep" "$work/o-deep" "Phạm Minh Chính"
vk build --max-html-depth 8 "$d/deep.html" -o "$work/o-deep8"
status "HTML nested 10,000 deep, --max-html-depth 8" 0
names "HTML nested 10,000 deep, --max-html-depth 8" "deeper than 8 elements"

vk build "$fix/laughs.html" -o "$work/o-laughs"
status "billion laughs" 0
awk -v s="$secs" 'BEGIN { exit !(s < 5) }'
check "billion laughs: done in ${secs}s (< 5 s)" $?
! grep -q 'lollollol' "$work/o-laughs"/* && [ "$(du -sk "$work/o-laughs" | cut -f1)" -lt 1024 ]
check "billion laughs: no entity expanded in the outputs" $?

# external entities: nothing read, nothing fetched. A listener on
# 127.0.0.1 records any connection; then the same page under unshare -n.
port=
if [ -x /usr/bin/python3 ]; then
    /usr/bin/python3 -c '
import socket, sys, time
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(8)
open(sys.argv[1], "w").write(str(s.getsockname()[1]))
s.settimeout(30)
try:
    s.accept(); open(sys.argv[2], "w").write("connected\n")
except OSError:
    pass
' "$work/port" "$work/hit" &
    listener=$!
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        [ -s "$work/port" ] && break
        sleep 0.1
    done
    port=$(cat "$work/port" 2>/dev/null)
fi
sed "s/@PORT@/${port:-9}/g" "$fix/xxe.html.in" >"$d/xxe.html"
vk build "$d/xxe.html" -o "$work/o-xxe"
status "external entities" 0
! grep -q 'root:' "$work/o-xxe"/*
check "external entities: /etc/passwd not in the outputs" $?
has "external entities: the article is still read" "$work/o-xxe" "Phạm Minh Chính"
if [ -n "$port" ]; then
    sleep 0.2
    [ ! -e "$work/hit" ]
    check "external entities: no connection to http://127.0.0.1:$port" $?
    kill "$listener" 2>/dev/null
    listener=
else
    skip "external entities: no connection" "no /usr/bin/python3 for the listener"
fi
if unshare -n true 2>/dev/null; then
    t0=$(date +%s.%N)
    timeout -s KILL 60 unshare -n "$vnkg" build "$d/xxe.html" \
        -o "$work/o-xxe-nonet" >"$work/out" 2>"$work/err"
    got=$?
    secs=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
    status "external entities without a network (unshare -n)" 0
    ! grep -q 'root:' "$work/o-xxe-nonet"/*
    check "external entities without a network: no /etc/passwd" $?
else
    skip "external entities without a network" "unshare -n not permitted"
fi

# ---------------------------------------------------------------- JSONL
vk build "$fix/malformed.jsonl" -o "$work/o-jsonl"
status "JSONL with bad lines" 0
names "JSONL malformed middle line" "malformed.jsonl:2:"
names "JSONL missing text" "malformed.jsonl:3: no string field \"text\""
names "JSONL text is a number" "malformed.jsonl:4: no string field \"text\""
names "JSONL not an object" "malformed.jsonl:6: not a JSON object"
names "JSONL truncated last line" "malformed.jsonl:9:"
has "JSONL other lines kept (line 1)" "$work/o-jsonl" "Phạm Minh Chính"
has "JSONL other lines kept (wrong-typed title/date, line 5)" "$work/o-jsonl" "Bùi Thanh Sơn"
has "JSONL other lines kept (after a blank line, line 8)" "$work/o-jsonl" "Nguyễn Hồng Diên"

# a 20 MB string in one field (x scale)
mb=$(scaled 20)
{
    printf '{"id":"a","text":"Thủ tướng Phạm Minh Chính."}\n'
    printf '{"id":"huge","text":"Bộ trưởng Ngoại giao Bùi Thanh Sơn phát biểu.\\n\\nX'
    head -c $((mb * 1048576)) /dev/zero | tr '\0' 'x'
    printf '"}\n{"id":"c","text":"Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên."}\n'
} >"$work/huge.jsonl"
vk build --max-article-bytes 1M "$work/huge.jsonl" -o "$work/o-huge"
status "JSONL ${mb} MB string over --max-article-bytes 1M" 0
names "JSONL ${mb} MB string" "huge.jsonl:2: line of"
lines "JSONL ${mb} MB string (one diagnostic)" 1
has "JSONL ${mb} MB string, other lines kept" "$work/o-huge" "Nguyễn Hồng Diên"
! grep -q -F "Bùi Thanh Sơn" "$work/o-huge/graph.graphml"
check "JSONL ${mb} MB string: the huge line skipped" $?
vk build -q --max-article-bytes $((mb + 1))M "$work/huge.jsonl" -o "$work/o-huge2"
status "JSONL ${mb} MB string, --max-article-bytes $((mb + 1))M" 0
has "JSONL ${mb} MB string, limit raised: read" "$work/o-huge2" "Bùi Thanh Sơn"
rm -f "$work/huge.jsonl"

# ---------------------------------------------------------------- paths
vk build "$d/missing.txt" -o "$work/o-missing"
status "missing file" 1
names "missing file" "missing.txt: No such file or directory"
lines "missing file" 2
[ ! -e "$work/o-missing" ]
check "missing file: nothing written" $?

if [ "$(id -u)" -eq 0 ]; then
    skip "unreadable file" "running as root, which reads a chmod 000 file"
else
    printf '%s\n' "$article" >"$d/secret.txt"
    chmod 000 "$d/secret.txt"
    vk build "$d/secret.txt" -o "$work/o-secret"
    status "unreadable file" 1
    names "unreadable file" "secret.txt: Permission denied"
fi

mkdir -p "$d/loop/a/b"
printf '%s\n' "$article" >"$d/loop/a/b/x.txt"
ln -s .. "$d/loop/a/b/up"
ln -s ../.. "$d/loop/a/b/upup"
ln -s "$d/loop" "$d/loop/a/abs"
vk build "$d/loop" -o "$work/o-loop"
status "symlink loops in a directory" 0
names "symlink loops in a directory" "up: directory loop"
names "symlink loops in a directory" "abs: directory loop"
has "symlink loops in a directory" "$work/o-loop" "Phạm Minh Chính"
ln -s self "$d/self.txt" 2>/dev/null || true
ln -s "$d/self.txt" "$d/self" 2>/dev/null || true
vk build "$d/self.txt" -o "$work/o-self"
status "a symlink to itself" 1
names "a symlink to itself" "self.txt: Too many levels of symbolic links"

mkfifo "$d/pipe.txt"
vk build "$d/pipe.txt" -o "$work/o-fifo"
status "FIFO named" 1
names "FIFO named" "pipe.txt: a FIFO, refused"
awk -v s="$secs" 'BEGIN { exit !(s < 10) }'
check "FIFO named: no hang (${secs}s)" $?
mkdir -p "$d/withfifo"
mkfifo "$d/withfifo/pipe.txt"
printf '%s\n' "$article" >"$d/withfifo/good.txt"
vk build "$d/withfifo" -o "$work/o-withfifo"
status "FIFO in a directory" 0
names "FIFO in a directory" "pipe.txt: a FIFO, skipped"
has "FIFO in a directory" "$work/o-withfifo" "Phạm Minh Chính"

# -------------------------------------------------------------- outputs
printf '%s\n' "$article" >"$d/small.txt"
: >"$work/file"
vk build "$d/small.txt" -o "$work/file/sub"
status "output below a regular file" 3
names "output below a regular file" "file/sub"
lines "output below a regular file" 2

if [ "$(id -u)" -eq 0 ]; then
    skip "unwritable output directory" "running as root, which writes a chmod 500 directory"
else
    vk build -q "$d/small.txt" -o "$work/o-ro"
    before=$(snapshot "$work/o-ro")
    chmod 500 "$work/o-ro"
    vk build "$root/samples" -o "$work/o-ro"
    status "unwritable output directory" 3
    names "unwritable output directory" "o-ro/graph.graphml: Permission denied"
    [ "$(snapshot "$work/o-ro")" = "$before" ]
    check "unwritable output directory: previous outputs intact" $?
    chmod 700 "$work/o-ro"
fi

# a full disk: a 64 KiB tmpfs holds a small run's outputs, not the samples'
mnt=$work/full
mkdir -p "$mnt"
if mount -t tmpfs -o size=64k tmpfs "$mnt" 2>/dev/null; then
    vk build -q "$d/small.txt" -o "$mnt/out"
    status "full disk: a small run fits" 0
    before=$(snapshot "$mnt/out")
    vk build -q "$root/samples" -o "$mnt/out"
    status "full disk" 3
    names "full disk" "out/graph.graphml: No space left on device"
    lines "full disk" 2
    [ "$(snapshot "$mnt/out")" = "$before" ]
    check "full disk: previous outputs intact" $?
    no_temp "full disk" "$mnt/out"
    # the outputs written on 4 threads: still none replaced
    vk build -q -j 4 "$root/samples" -o "$mnt/out"
    status "full disk, -j 4" 3
    names "full disk, -j 4" "out/graph.graphml: No space left on device"
    [ "$(snapshot "$mnt/out")" = "$before" ]
    check "full disk, -j 4: previous outputs intact" $?
    no_temp "full disk, -j 4" "$mnt/out"
    umount "$mnt" && mnt=
else
    mnt=
    skip "full disk (tmpfs of 64 KiB)" "mount -t tmpfs not permitted"
fi

# SIGINT and SIGTERM: exit 130 and 143, earlier outputs intact, no partial
# file. The corpus (not scaled) takes seconds; the signal comes after 0.5 s,
# or (third case) as soon as a temporary output file exists.
rm -f "$work/many.jsonl"
tiny_jsonl 300000 "$work/sig.jsonl"
out=$work/o-sig
vk build -q "$d/small.txt" -o "$out"
before=$(snapshot "$out")
for sig in INT TERM; do
    [ "$sig" = INT ] && want=130 || want=143
    "$vnkg" build -q "$work/sig.jsonl" -o "$out" >"$work/out" 2>"$work/err" &
    pid=$!
    sleep 0.5
    kill -s "$sig" "$pid"
    wait "$pid"
    got=$? secs=0.5
    status "SIG$sig after 0.5 s" "$want"
    names "SIG$sig after 0.5 s" "vnkg: "
    lines "SIG$sig after 0.5 s" 1
    [ "$(snapshot "$out")" = "$before" ]
    check "SIG$sig after 0.5 s: previous outputs byte-identical" $?
    no_temp "SIG$sig after 0.5 s" "$out"
done
"$vnkg" build -q "$work/sig.jsonl" -o "$out" >"$work/out" 2>"$work/err" &
pid=$!
seen=
while kill -0 "$pid" 2>/dev/null; do
    for f in "$out"/*.tmp.*; do
        [ -e "$f" ] && seen=$f && break 2
    done
    sleep 0.01
done
if [ -n "$seen" ]; then
    kill -s TERM "$pid"
    wait "$pid"
    got=$? secs=-
    status "SIGTERM while $(basename "$seen") is written" 143
    no_temp "SIGTERM during export" "$out"
    for f in "$out"/*; do # each file is the old one or a complete new one
        case $f in
        *.graphml | *.rdf | *.svg) xmllint --noout "$f" 2>>"$work/err" ;;
        *) [ -s "$f" ] ;;
        esac || break
    done
    check "SIGTERM during export: every output complete" $?
else
    wait "$pid"
    skip "SIGTERM during export" "the run ended before a temporary file was seen"
fi
rm -f "$work/sig.jsonl"

echo "1..$count"
echo "# $((count - fails)) passed ($skips skipped), $fails failed in" \
    "$(($(date +%s) - started)) s (scale $scale)"
[ "$fails" -eq 0 ]
