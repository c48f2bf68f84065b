#!/usr/bin/env bash
# Installs the Debian 12 packages Natter needs to build, test and run (only the missing ones).
# Usage: scripts/install-deps.sh [--runtime-only]
set -euo pipefail

packages=(
    cmake g++ ninja-build pkg-config file dpkg-dev fakeroot
    # a faster linker for the many test programs (CMakeLists.txt uses it when installed)
    mold
    qt6-base-dev qt6-websockets-dev qt6-svg-dev qt6-l10n-tools qt6-qpa-plugins
    # CMake's Qt6LinguistTools package (qt_add_lrelease for the app's translations)
    qt6-tools-dev
    # the client keeps its session token in the desktop keyring
    qtkeychain-qt6-dev
    libqt6sql6-sqlite libsodium-dev libhiredis-dev
    # SHA-256 of file contents with the CPU's SHA instructions (common/sha256.h)
    libssl-dev
    # PostgreSQL backend: the Qt driver, and a server for its tests. The tests never use the
    # packaged cluster (which apt may start on port 5432): scripts/throwaway-postgres.sh runs
    # one in its own directory on a free port.
    libqt6sql6-psql postgresql
    # Scale-out (several instances, --redis): hiredis (libhiredis-dev above) and a Redis
    # server for the tests; scripts/throwaway-redis.sh runs its own, never the packaged one.
    redis-server
    python3 python3-websockets openssl clang libclang-rt-14-dev
    # scripts/check-format.sh (.clang-format is written for clang-format 14)
    clang-format
    xvfb xauth fonts-dejavu-core imagemagick xdotool x11-utils
    # tst_desktopnotifier runs a private session bus with a fake notification service
    dbus-daemon
    # packaging (scripts/package.sh, tests/packaging/check-debs.sh)
    lintian desktop-file-utils appstream librsvg2-bin systemd man-db
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$p")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing missing packages: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
fi
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
