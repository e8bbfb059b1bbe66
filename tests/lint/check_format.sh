#!/bin/sh
# SPDX-License-Identifier: MIT
# clang-format 14 in dry-run mode over every C file (STYLE.md settings).
set -eu
cd "$1"
files=$(find src include tests/unit examples -name '*.[ch]' 2>/dev/null | sort)
# shellcheck disable=SC2086
clang-format --dry-run --Werror $files
