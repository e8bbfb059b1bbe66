#!/bin/sh
# SPDX-License-Identifier: MIT
# What `meson install` gives a C user works: install into a temporary
# DESTDIR, compile examples/top_entities.c against the staged headers and
# shared library with nothing but `pkg-config --cflags --libs vnkg`, run it
# on the staged ontology, and check the man page was installed.
# Usage: check_install.sh MESON BUILD_DIR SOURCE_ROOT   (CC from environment)
set -eu
meson=$1
build=$2
root=$3
cc=${CC:-cc}
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT INT TERM

"$meson" install -C "$build" --no-rebuild --quiet --destdir "$stage/root" \
    >"$stage/install.log" 2>&1 || {
    cat "$stage/install.log" >&2
    echo "check_install: meson install failed" >&2
    exit 1
}

pc=$(find "$stage/root" -name vnkg.pc | head -n 1)
header=$(find "$stage/root" -path '*/include/vnkg/vnkg.h' | head -n 1)
titles=$(find "$stage/root" -path '*/vnkg/titles.tsv' | head -n 1)
man=$(find "$stage/root" -path '*/man1/vnkg.1*' | head -n 1)
for what in "vnkg.pc:$pc" "vnkg/vnkg.h:$header" "ontology:$titles" \
    "man page:$man"; do
    if [ -z "${what#*:}" ]; then
        echo "check_install: ${what%%:*} not installed" >&2
        exit 1
    fi
done

# The .pc file names the final prefix; the sysroot maps it into the stage.
flags=$(PKG_CONFIG_PATH=${pc%/*} PKG_CONFIG_SYSROOT_DIR=$stage/root \
    pkg-config --cflags --libs vnkg)
libdir=${pc%/pkgconfig/vnkg.pc}
# shellcheck disable=SC2086
$cc "$root/examples/top_entities.c" $flags -o "$stage/top_entities"
if ! readelf -d "$stage/top_entities" | grep -q 'NEEDED.*libvnkg\.so'; then
    echo "check_install: the example did not link libvnkg.so" >&2
    exit 1
fi
LD_LIBRARY_PATH=$libdir "$stage/top_entities" "${titles%/titles.tsv}"
echo "check_install: ok ($cc top_entities.c $flags)"
