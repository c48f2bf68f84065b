#!/usr/bin/env bash
# The README's run command: installs what is missing, builds (Release) and starts
# natter-server on a temporary SQLite database. When the desktop client is built too, it
# opens two windows side by side signed in as the demo users alice and bob.
#   NATTER_DEMO_PORT   port to listen on (default: a free one)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"

build="$root/build"
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DNATTER_BUILD_TESTS=OFF \
    "${launcher[@]}" >/dev/null
cmake --build "$build" --parallel "$(nproc)"

data=$(mktemp -d /tmp/natter-demo.XXXXXX)
port=${NATTER_DEMO_PORT:-0}
"$build/server/natter-server" --listen "127.0.0.1:$port" --database "$data/natter.db" \
    >"$data/server.log" 2>&1 &
server=$!
pids=("$server")
cleanup() {
    kill "${pids[@]}" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$data"
}
trap cleanup EXIT INT TERM

url=""
for _ in $(seq 100); do
    url=$(grep -o 'ws://[^ ]*/v1' "$data/server.log" | head -n1 || true)
    [ -n "$url" ] && break
    kill -0 "$server" 2>/dev/null || { cat "$data/server.log" >&2; exit 1; }
    sleep 0.1
done
[ -n "$url" ] || { echo "natter-server did not start" >&2; cat "$data/server.log" >&2; exit 1; }
echo "natter-server is listening on $url (data in $data; Ctrl+C stops it)"

client="$build/client/app/natter"
if [ -x "$client" ]; then
    export NATTER_DEMO_PASSWORD=natter-demo-password
    export XDG_CONFIG_HOME="$data/config" XDG_DATA_HOME="$data/share"
    for who in alice:left bob:right; do
        name=${who%%:*} side=${who##*:}
        "$client" --profile "$name" --server "$url" --username "$name" \
            --password-env NATTER_DEMO_PASSWORD --register --position "$side" &
        pids+=("$!")
    done
    # Stop when both windows are closed.
    wait "${pids[1]}" "${pids[2]}" || true
else
    echo "(the desktop client is not built yet: connect any client to $url)"
    wait "$server"
fi
