#!/usr/bin/env bash
# Files through a natter-server on loopback (issue 23's figures, docs/performance.md "Files"):
# a fresh server on a fresh SQLite database and files folder, natter-file-bench against it
# (the app's own FileUpload and FileDownload), the server stopped by its PID after.
#   bench/files.sh [--build-dir DIR] [--tiny] [natter-file-bench options...]
# --build-dir: a build with the client and benches (default: build). --tiny: 16 MB files and
# 3 downloads at once (seconds; proves the bench works). The JSON line goes to
# bench/results/files.jsonl (files-tiny.jsonl for --tiny).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
build=$root/build
tiny=0
args=()
while [[ $# -gt 0 ]]; do
    case $1 in
        --build-dir) build=$(realpath -m "$2"); shift ;;
        --tiny) tiny=1 ;;
        *) args+=("$1") ;;
    esac
    shift
done
server=$build/server/natter-server
bench=$build/bench/natter-file-bench
for binary in "$server" "$bench"; do
    [[ -x $binary ]] || { echo "files.sh: $binary is missing (build with -DNATTER_BUILD_BENCH=ON)" >&2; exit 2; }
done
[[ $tiny == 1 ]] && args=(--size-mb 16 --fanout-size-mb 16 --fanout 3 "${args[@]}")

# What an earlier run (or anything else) left to write back goes to disk first: a commit's
# fdatasync waiting behind a gigabyte of someone else's writeback is not the server's latency.
sync
# The server's database and files folder: on disk, as in use.
work=$(mktemp -d "${TMPDIR:-/tmp}/natter-files-bench.XXXXXX")
server_pid=
cleanup() {
    if [[ -n $server_pid ]]; then
        kill -TERM "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
# Limits that let one bench process be four people moving gigabytes.
cat >"$work/files.conf" <<'CONF'
[limits]
register-per-address-burst = 0
register-burst = 0
[files]
max-file-bytes = 4294967296
user-quota-bytes = 68719476736
free-reserve-bytes = 268435456
CONF
# shellcheck source=startserver.sh
source "$here/startserver.sh"
start_natter_server "$server" "$work/files.conf" "$work"
results=$here/results/files.jsonl
[[ $tiny == 1 ]] && results=$here/results/files-tiny.jsonl
mkdir -p "$here/results"
# The people's own files (what they send, what they download) are on a RAM disk where there is
# one: on a LAN each has a disk of their own, here they would share the server's.
client_tmp=/tmp
[[ -d /dev/shm && -w /dev/shm ]] && client_tmp=/dev/shm
out=$(TMPDIR=$client_tmp "$bench" --url "$url" --server-pid "$server_pid" "${args[@]}")
echo "$out"
tail -n 1 <<<"$out" >>"$results"
