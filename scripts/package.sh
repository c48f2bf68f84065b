#!/usr/bin/env bash
# Builds the Debian packages `natter` and `natter-server` with CPack and prints their paths.
# Usage: scripts/package.sh [BUILD_DIR]          (default: build-pkg)
# A BUILD_DIR that is configured already is reused as it is (e.g. the CI build); otherwise a
# Release build without tests is configured, with Debian's hardening flags. The packages land
# in BUILD_DIR/packages; check them with tests/packaging/check-debs.sh BUILD_DIR/packages.
#   NATTER_CMAKE_ARGS  extra CMake arguments for a new configuration
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"

build=$(realpath -m "${1:-$root/build-pkg}")
if [ ! -f "$build/CMakeCache.txt" ]; then
    launcher=()
    command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    # The flags Debian's own packages get (stack protector, fortify, relro, bindnow); no -g,
    # the binaries are stripped anyway.
    export DEB_BUILD_MAINT_OPTIONS=hardening=+all DEB_CXXFLAGS_MAINT_STRIP=-g
    cppflags=$(dpkg-buildflags --get CPPFLAGS)
    cxxflags=$(dpkg-buildflags --get CXXFLAGS)
    ldflags=$(dpkg-buildflags --get LDFLAGS)
    # shellcheck disable=SC2086 # NATTER_CMAKE_ARGS is a list of arguments on purpose
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DNATTER_BUILD_TESTS=OFF \
        -DCMAKE_CXX_FLAGS="$cppflags $cxxflags" -DCMAKE_EXE_LINKER_FLAGS="$ldflags" \
        "${launcher[@]}" ${NATTER_CMAKE_ARGS:-}
fi
cmake --build "$build" --parallel "$(nproc)"

rm -rf "$build/packages"
(cd "$build" && cpack -G DEB)
echo "Packages:"
ls -1 "$build"/packages/*.deb
