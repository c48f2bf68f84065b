#!/usr/bin/env bash
# A throwaway Redis server for tests: its own directory, a free port on 127.0.0.1, no
# persistence (no RDB snapshots, no AOF: the data is thrown away), never the packaged
# service's port 6379 or configuration.
#   scripts/throwaway-redis.sh start DIR   prints the URL to use, e.g. redis://127.0.0.1:40123
#   scripts/throwaway-redis.sh stop DIR    stops it and removes what start created in DIR
set -euo pipefail

server=${NATTER_REDIS_SERVER:-redis-server}
usage() {
    echo "usage: $0 start|stop DIR" >&2
    exit 2
}
[ $# -eq 2 ] || usage
action=$1
dir=$2

free_port() {
    python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])'
}

# True once the server on port $1 answers PING (redis-cli may be missing: talk RESP directly).
answers() {
    python3 - "$1" <<'PY'
import socket, sys
try:
    with socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=1) as s:
        s.sendall(b"PING\r\n")
        sys.exit(0 if s.recv(64).startswith(b"+PONG") else 1)
except OSError:
    sys.exit(1)
PY
}

start() {
    command -v "$server" >/dev/null || {
        echo "$0: $server not found (install redis-server)" >&2
        exit 1
    }
    [ ! -e "$dir/redis.pid" ] || {
        echo "$0: $dir/redis.pid exists already; stop it first" >&2
        exit 1
    }
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    # Another process may take the port between picking and binding: retry a few times.
    local port attempt
    for attempt in 1 2 3 4 5; do
        port=$(free_port)
        "$server" --bind 127.0.0.1 --port "$port" --dir "$dir" --daemonize yes \
            --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" --save "" \
            --appendonly no --protected-mode yes >/dev/null
        for _ in $(seq 100); do
            if answers "$port"; then
                echo "redis://127.0.0.1:$port"
                return 0
            fi
            sleep 0.05
        done
        echo "$0: start on port $port failed (attempt $attempt)" >&2
        stop_server
    done
    cat "$dir/redis.log" >&2 || true
    exit 1
}

stop_server() {
    local pidfile="$dir/redis.pid"
    [ -f "$pidfile" ] || return 0
    local pid
    pid=$(cat "$pidfile")
    if kill -TERM "$pid" 2>/dev/null; then
        for _ in $(seq 100); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
    fi
    rm -f "$pidfile"
}

stop() {
    [ -d "$dir" ] || return 0
    stop_server
    rm -f "$dir/redis.log" "$dir/dump.rdb"
    rmdir "$dir" 2>/dev/null || true
}

case $action in
start) start ;;
stop) stop ;;
*) usage ;;
esac
