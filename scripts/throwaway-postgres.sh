#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests: its own data directory, a free port on 127.0.0.1,
# a socket in DIR (never the packaged cluster's /var/run/postgresql or port 5432), trust
# authentication on loopback only and durability switched off (the data is thrown away).
#   scripts/throwaway-postgres.sh start DIR   prints the URL to use, e.g.
#                                             postgresql://natter@127.0.0.1:40123/postgres
#   scripts/throwaway-postgres.sh stop DIR    stops it and removes what start created in DIR
#   scripts/throwaway-postgres.sh halt DIR    stops it (fast), keeping its data: an outage
#   scripts/throwaway-postgres.sh resume DIR  starts it again after halt, on the same port
#   scripts/throwaway-postgres.sh bindir      prints where the server binaries are
#                                             (NATTER_PG_BINDIR, else pg_config's, else the
#                                             newest /usr/lib/postgresql/*/bin)
# With NATTER_PG_DURABLE=1 durability stays on (fsync, synchronous_commit: for benchmarks).
# initdb refuses to run as root: as root, the server runs as the `postgres` system user
# (created by the postgresql package), which is given DIR.
set -euo pipefail

find_bindir() {
    if [ -n "${NATTER_PG_BINDIR:-}" ]; then
        echo "$NATTER_PG_BINDIR"
    elif command -v pg_config >/dev/null && [ -x "$(pg_config --bindir)/initdb" ]; then
        pg_config --bindir
    else
        # Debian installs each major version beside the others; the newest is last.
        find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin 2>/dev/null | sort -V | tail -n 1
    fi
}
bindir=$(find_bindir)
usage() {
    echo "usage: $0 start|stop|halt|resume DIR, or $0 bindir" >&2
    exit 2
}
if [ "${1:-}" = bindir ] && [ $# -eq 1 ]; then
    echo "$bindir"
    exit 0
fi
[ $# -eq 2 ] || usage
action=$1
dir=$2

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

free_port() {
    python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])'
}

start() {
    [ -x "$bindir/initdb" ] || {
        echo "$0: no PostgreSQL server binaries in $bindir (install postgresql)" >&2
        exit 1
    }
    [ ! -e "$dir/data" ] || {
        echo "$0: $dir/data exists already; stop it first" >&2
        exit 1
    }
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if [ "$(id -u)" -eq 0 ]; then
        id postgres >/dev/null 2>&1 || {
            echo "$0: running as root needs the postgres system user" >&2
            exit 1
        }
        chown postgres: "$dir"
    fi
    as_owner "$bindir/initdb" -D "$dir/data" -U natter --auth-local=trust --auth-host=trust \
        --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 || {
        echo "$0: initdb failed:" >&2
        cat "$dir/initdb.log" >&2
        exit 1
    }
    # Another process may take the port between picking and binding: retry a few times.
    local port attempt durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    [ "${NATTER_PG_DURABLE:-0}" = 1 ] && durability=""
    for attempt in 1 2 3 4 5; do
        port=$(free_port)
        echo "-p $port -k $dir -c listen_addresses=127.0.0.1 $durability -c max_connections=200" \
            >"$dir/options"
        if pg_start; then
            echo "postgresql://natter@127.0.0.1:$port/postgres"
            return 0
        fi
        echo "$0: start on port $port failed (attempt $attempt)" >&2
    done
    cat "$dir/postgres.log" >&2
    exit 1
}

pg_start() {
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 30 \
        -o "$(cat "$dir/options")" start >/dev/null
}

halt() {
    local pidfile="$dir/data/postmaster.pid"
    [ -f "$pidfile" ] || return 0
    local pid
    pid=$(head -n 1 "$pidfile")
    # SIGINT is PostgreSQL's "fast" shutdown: sessions are ended, the data kept.
    if kill -INT "$pid" 2>/dev/null; then
        for _ in $(seq 300); do
            kill -0 "$pid" 2>/dev/null || return 0
            sleep 0.1
        done
        echo "$0: PostgreSQL (pid $pid) did not stop within 30 s" >&2
        exit 1
    fi
}

resume() {
    [ -f "$dir/options" ] || {
        echo "$0: nothing was started in $dir" >&2
        exit 1
    }
    pg_start || {
        cat "$dir/postgres.log" >&2
        exit 1
    }
}

stop() {
    [ -d "$dir" ] || return 0
    local pidfile="$dir/data/postmaster.pid"
    if [ -f "$pidfile" ]; then
        local pid
        pid=$(head -n 1 "$pidfile")
        # SIGINT is PostgreSQL's "fast" shutdown; wait up to 30 s for it to exit.
        if kill -INT "$pid" 2>/dev/null; then
            for _ in $(seq 300); do
                kill -0 "$pid" 2>/dev/null || break
                sleep 0.1
            done
        fi
    fi
    rm -rf "$dir/data" "$dir/initdb.log" "$dir/postgres.log" "$dir/options"
    rmdir "$dir" 2>/dev/null || true
}

case $action in
start) start ;;
stop) stop ;;
halt) halt ;;
resume) resume ;;
*) usage ;;
esac
