#!/usr/bin/env bash
# Builds the protocol decoder fuzz target with clang's libFuzzer (+ ASan/UBSan) and runs it
# for a bounded time on the seed corpus of valid frames. Exits non-zero on any crash.
#   FUZZ_SECONDS  how long to fuzz (default 30)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${FUZZ_BUILD_DIR:-$root/build-fuzz}
mkdir -p "$out/corpus"
cp "$root"/tests/fuzz/corpus/* "$out/corpus/"
# shellcheck disable=SC2046 # pkg-config prints a list of flags on purpose
clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -fPIC -I"$root/common" $(pkg-config --cflags Qt6Core) \
    "$root/tests/fuzz/fuzz_decoder.cpp" "$root"/common/*.cpp \
    $(pkg-config --libs Qt6Core) -o "$out/fuzz_decoder"
cd "$out"
ASAN_OPTIONS=detect_leaks=0 ./fuzz_decoder -max_total_time="${FUZZ_SECONDS:-30}" \
    -max_len=70000 -timeout=10 -print_final_stats=1 corpus 2>&1 | tail -n 40
echo "fuzz: no crash in ${FUZZ_SECONDS:-30} s"
