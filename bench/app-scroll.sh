#!/usr/bin/env bash
# The whole desktop app through a long conversation (issue 20's memory goal,
# docs/performance.md "Client: a long history"): a fresh server whose conversation between
# hist0 and hist1 holds --messages messages (natter-loadgen's history fill), the real app
# signed in as hist1 on a fresh profile in a virtual X display, the conversation opened
# during its first catch-up, then PageUp pressed (xdotool) until the first message is on
# screen. Prints the app's resident size along the way and after, and keeps screenshots.
#   bench/app-scroll.sh [--build-dir DIR] [--messages N] [--keys K] [--keep]
# --build-dir: a build with the app and the benches (default: build). --keys: PageUp presses
# (default 30,000: keys pressed while a page is on its way are lost, so more than the ~8,400
# steps the conversation is long). --keep: leave the work directory (screenshots, logs).
# Needs xvfb-run, xdotool and ImageMagick's import (Debian: xvfb xdotool imagemagick).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
build=$root/build
messages=100000
keys=30000
keep=0
while [[ $# -gt 0 ]]; do
    case $1 in
        --build-dir) build=$(realpath -m "$2"); shift ;;
        --messages) messages=$2; shift ;;
        --keys) keys=$2; shift ;;
        --keep) keep=1 ;;
        *) echo "app-scroll.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
server=$build/server/natter-server
loadgen=$build/bench/natter-loadgen
app=$build/client/app/natter
for binary in "$server" "$loadgen" "$app"; do
    [[ -x $binary ]] || { echo "app-scroll.sh: $binary is missing (build with -DNATTER_BUILD_BENCH=ON)" >&2; exit 2; }
done
for tool in xvfb-run xdotool import; do
    command -v "$tool" >/dev/null || { echo "app-scroll.sh: $tool is missing" >&2; exit 2; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/natter-app-scroll.XXXXXX")
server_pid=
cleanup() {
    if [[ -n $server_pid ]]; then
        kill -TERM "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    if [[ $keep == 1 ]]; then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
# The fill sends as fast as the server takes them: the request limits are lifted for it, as
# bench/run.sh does (the app then pages under the same lifted limits).
cat >"$work/server.conf" <<'CONF'
[limits]
requests-per-second = 100000
request-burst = 100000
user-requests-per-second = 100000
user-request-burst = 100000
register-per-address-burst = 0
register-burst = 0
CONF
# shellcheck source=startserver.sh
source "$here/startserver.sh"
start_natter_server "$server" "$work/server.conf" "$work"
echo "filling hist0 -> hist1 with $messages messages" >&2
"$loadgen" --url "$url" --history "$messages" --user-prefix hist --history-requests 1 \
    >"$work/fill.out" 2>"$work/fill.err"

# The app's part, inside the virtual display: a 640x720 window at the top left, so the
# conversation row, the jump button and the message list are at known places.
cat >"$work/drive.sh" <<'DRIVE'
set -euo pipefail
rss() { sed -n 's/^VmRSS:[[:space:]]*//p' "/proc/$1/status"; }
export XDG_CONFIG_HOME=$WORK/home/config XDG_DATA_HOME=$WORK/home/data
export XDG_CACHE_HOME=$WORK/home/cache XDG_RUNTIME_DIR=$WORK/home/run
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
PW=bench-password-1 "$APP" --profile scroll --server "$URL" --username hist1 \
    --password-env PW --no-discovery --geometry 640x720+0+0 >"$WORK/app.log" 2>&1 &
pid=$!
sleep 4
echo "signed in, nothing open: $(rss $pid)"
xdotool mousemove 150 120 click 1 # the conversation, while its first catch-up runs
sleep 3
xdotool mousemove 583 590 click 1 # jump to the newest message
for i in 1 2 3 4 5 6 7 8 9 10; do
    sleep 2
    echo "open, catching up, +$((2 * i)) s: $(rss $pid)"
done
import -window root "$WORK/before.png"
xdotool mousemove 450 300 click 1 # the message list takes the keys
start=$(date +%s)
xdotool key --delay 4 --repeat "$KEYS" Prior
sleep 3
echo "after $KEYS PageUp in $(($(date +%s) - start)) s: $(rss $pid) (peak $(sed -n 's/^VmHWM:[[:space:]]*//p' /proc/$pid/status))"
import -window root "$WORK/after.png"
kill "$pid"
wait "$pid" || true
DRIVE
WORK=$work APP=$app URL=$url KEYS=$keys xvfb-run -a -s "-screen 0 1280x900x24" \
    bash "$work/drive.sh"
echo "the screenshot after the scroll shows the first message ('h0-…') when it got there:" \
    "$work/after.png (--keep keeps it)" >&2
