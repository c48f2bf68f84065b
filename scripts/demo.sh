#!/usr/bin/env bash
# The README's run command. On a fresh Debian 12 machine: installs the packages that are
# missing, builds natter and natter-server (Release, in ./build, reused when it exists),
# starts natter-server on a temporary SQLite database on a free port, and opens two natter
# windows side by side, signed in as the demo users alice and bob (registered on first use),
# each with its own --profile. Closing both windows, or Ctrl+C, stops the server and removes
# the temporary data.
#
# Works without a desktop too, e.g. for screenshots:
#   xvfb-run -a -s "-screen 0 1600x900x24" scripts/demo.sh
#
# Environment:
#   NATTER_BUILD_DIR      build directory (default: ./build)
#   NATTER_DEMO_PASSWORD  password of the demo users (default: a fixed demo password)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

# The packages of docs' platform list, without the PostgreSQL/Redis servers the demo does
# not use.
packages=(
    cmake g++ ninja-build pkg-config file dpkg-dev fakeroot
    qt6-base-dev qt6-websockets-dev qt6-svg-dev qt6-tools-dev qt6-l10n-tools
    libqt6sql6-sqlite libqt6sql6-psql libsodium-dev libhiredis-dev
    qtkeychain-qt6-dev libavahi-client-dev
    xvfb xauth fonts-dejavu-core imagemagick xdotool x11-utils
)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "demo: installing ${missing[*]}"
    sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "demo: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
        sudo=(sudo)
    fi
    "${sudo[@]}" apt-get update -q
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

build=${NATTER_BUILD_DIR:-$root/build}
if [ ! -f "$build/CMakeCache.txt" ]; then
    launcher=()
    command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DNATTER_BUILD_TESTS=OFF \
        "${launcher[@]}"
fi
cmake --build "$build" --parallel "$(nproc)" --target natter-server natter
server_bin="$build/server/natter-server"
client_bin="$build/client/app/natter"

data=$(mktemp -d "${TMPDIR:-/tmp}/natter-demo.XXXXXX")
pids=()
cleanup() {
    trap - EXIT INT TERM
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$data"
}
trap cleanup EXIT
trap 'echo; echo "demo: stopping"; exit 130' INT TERM

# Port 0: the server picks a free port and prints it on its "listening" line.
mkfifo "$data/server.out"
"$server_bin" --listen 127.0.0.1:0 --database "$data/natter.db" --create \
    >"$data/server.out" 2>"$data/server.log" &
pids+=("$!")
url=""
exec 3<"$data/server.out"
while IFS= read -r -t 30 line <&3; do
    if [[ $line =~ listening\ on\ (wss?://[^ ]+) ]]; then
        url=${BASH_REMATCH[1]}
        break
    fi
done
if [ -z "$url" ]; then
    echo "demo: natter-server did not start:" >&2
    cat "$data/server.log" >&2
    exit 1
fi
cat <&3 >/dev/null & # keep draining the server's stdout
pids+=("$!")
echo "demo: natter-server is listening on $url (data in $data)"

# Fresh client profiles, away from your own settings.
export XDG_CONFIG_HOME="$data/config" XDG_DATA_HOME="$data/share"
export NATTER_DEMO_PASSWORD=${NATTER_DEMO_PASSWORD:-natter-demo-password}
clients=()
for who in alice:left bob:right; do
    name=${who%%:*} side=${who##*:}
    "$client_bin" --profile "$name" --server "$url" --username "$name" \
        --password-env NATTER_DEMO_PASSWORD --register --position "$side" &
    clients+=("$!")
    pids+=("$!")
done
echo "demo: alice and bob are signed in. To start chatting, press Ctrl+K in one window and"
echo "      type the other's name. Close both windows or press Ctrl+C to stop."
for pid in "${clients[@]}"; do
    wait "$pid" || true
done
echo "demo: both windows closed, stopping natter-server"
