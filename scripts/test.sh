#!/usr/bin/env bash
# The README's test command: installs what is missing, builds everything with warnings as
# errors and runs every test suite (QtTest via CTest, offscreen; end-to-end with the real
# binaries).
#   NATTER_BUILD_DIR   build directory (default: build-test)
#   NATTER_CMAKE_ARGS  extra CMake arguments (e.g. -DNATTER_SANITIZE=ON)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"

build=${NATTER_BUILD_DIR:-$root/build-test}
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
# shellcheck disable=SC2086 # NATTER_CMAKE_ARGS is a list of arguments on purpose
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNATTER_WERROR=ON \
    "${launcher[@]}" ${NATTER_CMAKE_ARGS:-}
cmake --build "$build" --parallel "$(nproc)"
export QT_QPA_PLATFORM=offscreen
ctest --test-dir "$build" --output-on-failure --parallel "$(nproc)" --timeout 600
