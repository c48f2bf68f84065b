#!/usr/bin/env bash
# The standard benchmark workload (docs/performance.md has the method and the reference
# figures) against a Release natter-server on a temporary database, driven by
# bench/natter-loadgen on the same machine.
#
#   bench/run.sh            the full set (about 15 minutes on 2 cores)
#   bench/run.sh --tiny     everything at a tiny size, for CI (well under a minute once built)
#   bench/run.sh --groups   only the group runs (issue 21): 100 groups x 50 members at 2,000
#                           sends/s, one 256-member group at 200 sends/s, presence with
#                           every user in 5 groups of 200 (with --tiny: small)
#
# Options: --no-build (use what is in the build directory), --keep (keep the temporary
# directory with the database and server logs), --build-dir DIR (default: build-bench),
# --database postgresql://… (run on that PostgreSQL instead of a fresh SQLite file; e.g. from
# `NATTER_PG_DURABLE=1 scripts/throwaway-postgres.sh start DIR`; its results file ends in
# -postgres).
# Every result is one JSON line in bench/results/latest.jsonl (tiny.jsonl for --tiny;
# rewritten on each run); a
# table is printed at the end and, when python3-matplotlib is installed, bench/plot.py draws
# bench/results/latency.png. Exit status: 0 when every step worked, 1 when one failed (its
# JSON line has "ok": false), 2 on a setup problem.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
build=$root/build-bench
tiny=0
groups=0
do_build=1
keep=0
pg_url=

usage() { sed -n '2,21p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
while [[ $# -gt 0 ]]; do
    case $1 in
        --tiny) tiny=1 ;;
        --groups) groups=1 ;;
        --no-build) do_build=0 ;;
        --keep) keep=1 ;;
        --build-dir) build=$(realpath -m "$2"); shift ;;
        --database) pg_url=$2; shift ;;
        -h | --help) usage; exit 0 ;;
        *) echo "run.sh: unknown argument $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

say() { printf '\n== %s\n' "$*" >&2; }

if [[ $do_build == 1 ]]; then
    say "building natter-server and natter-loadgen (Release) in $build"
    generator=()
    if [[ ! -f $build/CMakeCache.txt ]] && command -v ninja >/dev/null; then
        generator=(-G Ninja)
    fi
    cmake -S "$root" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release \
        -DNATTER_BUILD_BENCH=ON -DNATTER_BUILD_TESTS=OFF -DNATTER_BUILD_CLIENT=OFF >/dev/null
    cmake --build "$build" --target natter-server natter-loadgen natter-writecount
fi
server=$build/server/natter-server
loadgen=$build/bench/natter-loadgen
# Preloaded into the server to count what it writes to its WAL (bench/writecount); a build
# without it still runs, without those figures.
writecount=$build/bench/libnatter-writecount.so
for binary in "$server" "$loadgen"; do
    [[ -x $binary ]] || { echo "run.sh: $binary is missing (build first)" >&2; exit 2; }
done

# 10,000 connections need as many descriptors in the server and in the load generator.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if [[ $tiny == 0 && $(ulimit -n) != unlimited && $(ulimit -n) -lt 10100 ]]; then
    echo "run.sh: warning: open file limit $(ulimit -n) < 10100: the 10,000-connection run" \
        "will fail (raise the hard limit: ulimit -Hn / LimitNOFILE)" >&2
fi

work=$(mktemp -d -t natter-bench.XXXXXX)
server_pid=
stop_server() {
    if [[ -n $server_pid ]]; then
        kill -TERM "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
        server_pid=
    fi
}
cleanup() {
    stop_server
    if [[ $keep == 1 ]]; then
        echo "run.sh: kept $work" >&2
    else
        rm -rf "$work"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The default request limits (30/s per connection, 60/s per account) would make every
# benchmark measure the rate limiter: raise them, and the limits of not-signed-in sockets and
# of sockets still in their handshake per address, which a single load-generating address
# trips (and sign-ups per address). A loaded server may take longer than
# the default 10 s to answer a sign-in. Everything else keeps its default (the load generator
# pings like a client, so the idle timeout stays).
cat >"$work/bench.conf" <<'EOF'
[limits]
requests-per-second = 100000
request-burst = 100000
user-requests-per-second = 100000
user-request-burst = 100000
max-unauthenticated-per-address = 100000
max-handshakes-per-address = 100000
user-read-bytes-per-second = 1099511627776
user-read-burst-bytes = 1099511627776
auth-timeout-ms = 120000
register-per-address-burst = 0
register-burst = 0
EOF
# The tiny presence run waits out the offline grace period twice: a short one keeps CI quick.
short_grace_ms=500
{ cat "$work/bench.conf"; echo "presence-grace-ms = $short_grace_ms"; } >"$work/short-grace.conf"
server_config=$work/bench.conf
database=$work/natter.db
create=(--create)
if [[ -n $pg_url ]]; then
    database=$pg_url
    create=()
fi
server_args=(--database "$database" "${create[@]}" --listen 127.0.0.1:0 --password-cost min --no-discovery
    --log-level warning)

mkdir -p "$here/results"
# A tiny run (CI) must not overwrite the figures of the last full run.
results=$here/results/latest.jsonl
[[ $tiny == 1 ]] && results=$here/results/tiny.jsonl
[[ $groups == 1 ]] && results=$here/results/groups.jsonl
[[ $groups == 1 && $tiny == 1 ]] && results=$here/results/tiny-groups.jsonl
[[ -n $pg_url ]] && results=${results%.jsonl}-postgres.jsonl
: >"$results"
failed=()

# Starts a server on the shared database; sets server_pid and url.
start_server() {
    # Emptied here, not by the child's redirection: reading it must not find the last
    # server's line.
    : >"$work/server.out"
    local preload=()
    [[ -f $writecount ]] && preload=(env LD_PRELOAD="$writecount"
        NATTER_WRITECOUNT_FILE="$work/write-counts")
    "${preload[@]}" "$server" --config "$server_config" "${server_args[@]}" >>"$work/server.out" \
        2>>"$work/server.err" &
    server_pid=$!
    url=
    for _ in $(seq 300); do
        url=$(sed -n 's/^natter-server listening on //p' "$work/server.out")
        [[ -n $url ]] && return 0
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.1
    done
    echo "run.sh: natter-server did not start:" >&2
    tail -n 20 "$work/server.err" >&2
    exit 2
}

# run_loadgen LABEL ARGS...: a fresh server process (so CPU and RSS are this run's), one
# loadgen run against it, its JSON line appended to the results. What the runs before wrote
# is synced first, so that no run's commits wait behind the writeback of the gigabytes an
# earlier run left dirty.
run_loadgen() {
    local label=$1
    shift
    say "$label"
    sync
    start_server
    local rc=0
    local counts=()
    [[ -f $writecount ]] && counts=(--write-counts "$work/write-counts")
    "$loadgen" --url "$url" --server-pid "$server_pid" --label "$label" "${counts[@]}" "$@" \
        >"$work/loadgen.out" || rc=$?
    stop_server
    cat "$work/loadgen.out" >&2
    local line
    line=$(grep '^{' "$work/loadgen.out" | tail -n 1 || true)
    if [[ -z $line ]]; then
        line=$(printf '{"label":"%s","ok":false,"error":"natter-loadgen exited with %s"}' \
            "$label" "$rc")
    fi
    echo "$line" >>"$results"
    if [[ $rc != 0 ]]; then
        failed+=("$label")
    fi
}

# overload_run LABEL ARGS...: open loop at twice what the run just before delivered (a closed
# loop: the server's capacity), with refusals expected. The request limits stay lifted, so
# only the server-wide send budget (send-pass-ms, on by default) pushes back.
overload_run() {
    local label=$1 capacity
    shift
    capacity=$(tail -n 1 "$results" | python3 -c \
        'import json, sys; print(int(json.load(sys.stdin).get("delivered_per_s", 0)))')
    if [[ $capacity -le 0 ]]; then
        echo "{\"label\":\"$label\",\"ok\":false,\"error\":\"no capacity figure\"}" >>"$results"
        failed+=("$label")
        return
    fi
    run_loadgen "$label" --mode open --rate $((2 * capacity)) --overload "$@"
}

# Time from exec to the "listening" line, on the database the runs above filled.
cold_start() {
    local runs=$1 label="cold start" samples=() i
    say "$label ($runs runs)"
    for ((i = 0; i < runs; i++)); do
        local t0=$EPOCHREALTIME line=
        coproc SERVER { exec "$server" --config "$server_config" "${server_args[@]}" \
            2>>"$work/server.err"; }
        local pid=$SERVER_PID
        read -r -t 60 line <&"${SERVER[0]}" || true
        local t1=$EPOCHREALTIME
        kill -TERM "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        if [[ $line != "natter-server listening on "* ]]; then
            echo "$(printf '{"label":"%s","mode":"coldstart","ok":false,"error":"no listening line"}' "$label")" >>"$results"
            failed+=("$label")
            return
        fi
        samples+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) * 1000 }')")
    done
    local sorted median
    sorted=$(printf '%s\n' "${samples[@]}" | sort -n)
    median=$(echo "$sorted" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
    local bytes
    bytes=0
    [[ -z $pg_url ]] && bytes=$(du -cb "$database"* | tail -n 1 | cut -f1)
    local line
    line=$(printf '{"label":"%s","mode":"coldstart","runs":%d,"start_median_ms":%s,"start_min_ms":%s,"start_max_ms":%s,"start_samples_ms":[%s],"database_bytes":%s,"ok":true}' \
        "$label" "$runs" "$median" "$(echo "$sorted" | head -n 1)" "$(echo "$sorted" | tail -n 1)" \
        "$(IFS=,; echo "${samples[*]}")" "$bytes")
    echo "$line" >&2
    echo "$line" >>"$results"
}

if [[ $groups == 1 ]]; then
    # Open loop over every member of every group (each sends at rate / (G*M)); delivered/s
    # counts the M-1 deliveries of each send. Setup (sign-up, create_group) is not timed.
    # Then presence with groups: users p.. each in 5 groups (made by a group run that barely
    # sends), then the presence run on them: lists must still be exactly the 1:1 contacts.
    if [[ $tiny == 1 ]]; then
        run_loadgen "groups 4x10, 200 sends/s" --mode group --groups 4 --members 10 \
            --rate 200 --user-prefix g --warmup 1 --duration 2 --drain-timeout 5
        run_loadgen "setup: 50 users in 5 groups of 10" --mode group --clients 50 \
            --groups 25 --members 10 --rate 1 --warmup 0 --duration 0.2 --user-prefix p
        server_config=$work/short-grace.conf
        run_loadgen "presence, N=50, 5 groups each" --mode presence --clients 50 --contacts 4 \
            --observers 10 --user-prefix p --duration 10 --presence-grace-ms "$short_grace_ms"
        server_config=$work/bench.conf
    else
        run_loadgen "groups 100x50, 2000 sends/s" --mode group --groups 100 --members 50 \
            --rate 2000 --user-prefix g --warmup 3 --duration 15 --connect-timeout 600
        run_loadgen "group 1x256, 200 sends/s" --mode group --groups 1 --members 256 \
            --rate 200 --user-prefix h --warmup 3 --duration 15
        run_loadgen "setup: 10000 users in 5 groups of 200" --mode group --clients 10000 \
            --groups 250 --members 200 --rate 1 --warmup 0 --duration 0.2 --user-prefix p \
            --connect-timeout 600
        run_loadgen "presence, N=10000, 5 groups of 200 each" --mode presence --clients 10000 \
            --contacts 4 --user-prefix p --duration 60 --connect-timeout 600
    fi
elif [[ $tiny == 1 ]]; then
    timing=(--warmup 1 --duration 2 --drain-timeout 5)
    run_loadgen "closed, N=10" --mode closed --clients 10 "${timing[@]}"
    run_loadgen "closed, N=20" --mode closed --clients 20 "${timing[@]}"
    overload_run "overload 2x capacity, N=20" --clients 20 "${timing[@]}"
    run_loadgen "open 200/s, N=20" --mode open --rate 200 --clients 20 "${timing[@]}"
    run_loadgen "open 1000/s, N=20" --mode open --rate 1000 --clients 20 "${timing[@]}"
    run_loadgen "idle, N=50" --mode idle --clients 50 --duration 10
    server_config=$work/short-grace.conf
    run_loadgen "presence, N=50" --mode presence --clients 50 --contacts 4 --observers 10 \
        --user-prefix p --duration 10 --presence-grace-ms "$short_grace_ms"
    server_config=$work/bench.conf
    run_loadgen "history, 1000 messages" --history 1000 --user-prefix hist --history-requests 50
    cold_start 3
else
    run_loadgen "closed, N=100" --mode closed --clients 100
    run_loadgen "closed, N=1000" --mode closed --clients 1000
    overload_run "overload 2x capacity, N=1000" --clients 1000
    run_loadgen "open 1000/s, N=1000" --mode open --rate 1000 --clients 1000
    run_loadgen "open 5000/s, N=1000" --mode open --rate 5000 --clients 1000
    run_loadgen "idle, N=10000" --mode idle --clients 10000 --duration 60 --connect-timeout 600
    # Users p00..p9999, 4 contacts each; setup (sign-up, 20,000 conversations) is not timed.
    run_loadgen "presence, N=10000" --mode presence --clients 10000 --contacts 4 \
        --user-prefix p --duration 60 --connect-timeout 600
    # The 1,000,000-message conversation is filled once per run (timed: fill_s, fill_per_s).
    run_loadgen "history, 1000000 messages" --history 1000000 --user-prefix hist
    cold_start 5
fi

say "results: $results"
python3 - "$results" <<'EOF' || true
import json, sys

cols = [("label", "run", "{}"), ("delivered_per_s", "deliv/s", "{:,.0f}"),
        ("p50_ms", "p50 ms", "{:.2f}"), ("p90_ms", "p90 ms", "{:.2f}"),
        ("p99_ms", "p99 ms", "{:.2f}"), ("max_ms", "max ms", "{:.1f}"),
        ("server_cpu_pct", "srv CPU%", "{:.0f}"), ("server_peak_rss_kb", "srv RSS KB", "{:,}"),
        ("all_delivered", "all deliv", "{}"), ("ok", "ok", "{}")]
rows = []
extras = []
for text in open(sys.argv[1]):
    r = json.loads(text)
    row = []
    for key, _, fmt in cols:
        v = r.get(key)
        row.append("" if v is None else fmt.format(v))
    rows.append(row)
    mode = r.get("mode")
    if mode == "idle" and r.get("error"):
        extras.append("{}: {} signed in after {} s, server RSS {} -> {} KB = {} KB per "
                      "connection".format(r.get("label"), r.get("signed_in"), r.get("elapsed_s"),
                                          r.get("server_rss_before_kb"),
                                          r.get("server_rss_after_kb"),
                                          r.get("server_rss_per_conn_kb")))
    elif mode == "idle":
        extras.append("{}: signed in in {} s, online lists correct: {} ({} s), server RSS "
                      "{} -> {} KB = {} KB per connection".format(
                          r.get("label"), r.get("sign_in_s"), r.get("presence_correct"),
                          r.get("presence_correct_s"), r.get("server_rss_before_kb"),
                          r.get("server_rss_after_kb"), r.get("server_rss_per_conn_kb")))
    elif mode == "presence" and not r.get("error"):
        extras.append("{}: {} signed in together in {} s; {} lists correct ({} contacts each) "
                      "after {} s; {:,} presence frames, {:,} bytes; server {} CPU s, "
                      "RSS {} -> {} KB = {} KB per connection".format(
                          r.get("label"), r.get("clients"), r.get("connect_s"),
                          r.get("lists_correct"), r.get("contacts"), r.get("settle_s"),
                          r.get("presence_frames") or 0, r.get("presence_bytes") or 0,
                          r.get("server_cpu_s"), r.get("server_rss_before_kb"),
                          r.get("server_rss_after_kb"), r.get("server_rss_per_conn_kb")))
        extras.append("{}: {} left, {} observers' lists correct after {} s; {:,} presence "
                      "frames, {:,} bytes; server {} CPU s, RSS after {} KB".format(
                          r.get("label"), r.get("clients", 0) - r.get("observers", 0),
                          r.get("disconnect_lists_correct"), r.get("disconnect_settle_s"),
                          r.get("disconnect_presence_frames") or 0,
                          r.get("disconnect_presence_bytes") or 0,
                          r.get("disconnect_server_cpu_s"),
                          r.get("disconnect_server_rss_after_kb")))
    elif mode == "history":
        extras.append("{}: filled {} in {} s ({} msg/s); page of 50: p50 {} ms, p99 {} ms "
                      "(newest p50 {} ms, older p50 {} ms)".format(
                          r.get("label"), r.get("filled"), r.get("fill_s"), r.get("fill_per_s"),
                          r.get("p50_ms"), r.get("p99_ms"), r.get("newest_p50_ms"),
                          r.get("older_p50_ms")))
    elif mode == "coldstart":
        extras.append("{}: median {} ms over {} runs (min {}, max {}), database {:,} bytes".format(
            r.get("label"), r.get("start_median_ms"), r.get("runs"), r.get("start_min_ms"),
            r.get("start_max_ms"),
            r.get("database_bytes") or 0))
    if r.get("server_cpu_s_per_1000_msg") is not None:
        extras.append("{}: server {} CPU-s per 1,000 messages, {} bytes written to disk per "
                      "message (WAL and checkpoints), of them WAL {}, database file {}, search "
                      "index {}".format(
                          r.get("label"), r.get("server_cpu_s_per_1000_msg"),
                          r.get("server_write_bytes_per_msg", "?"),
                          r.get("server_wal_bytes_per_msg", "?"),
                          r.get("server_db_file_bytes_per_msg", "?"),
                          r.get("server_search_bytes_per_msg", "?")))
    if r.get("error"):
        extras.append("{}: ERROR {}".format(r.get("label"), r.get("error")))
    if r.get("rate_limited") and r.get("label", "").startswith("overload"):
        extras.append("{}: offered {:,.0f}/s, refused {:,.0f}/s (rate_limited, at once), "
                      "accepted sends delivered p99 {} ms".format(
                          r.get("label"), r.get("achieved_send_per_s") or 0,
                          r.get("refused_per_s") or 0, r.get("p99_ms")))
    elif r.get("rate_limited"):
        extras.append("{}: {} sends were rate_limited".format(r.get("label"), r["rate_limited"]))
head = [c[1] for c in cols]
widths = [max(len(h), *(len(row[i]) for row in rows)) if rows else len(h)
          for i, h in enumerate(head)]
print(" | ".join(h.ljust(w) for h, w in zip(head, widths)))
print("-+-".join("-" * w for w in widths))
for row in rows:
    print(" | ".join(v.ljust(w) for v, w in zip(row, widths)))
print()
for line in extras:
    print(line)
EOF

# The plot needs matplotlib (Debian: python3-matplotlib); the system python has it when
# installed, a pyenv/venv python may not.
for python in /usr/bin/python3 python3; do
    if command -v "$python" >/dev/null && "$python" -c 'import matplotlib' 2>/dev/null; then
        plot=$here/results/latency.png
        [[ $tiny == 1 ]] && plot=$here/results/tiny-latency.png
        "$python" "$here/plot.py" "$results" "$plot" || true
        break
    fi
done

if [[ ${#failed[@]} -gt 0 ]]; then
    echo "run.sh: failed: ${failed[*]}" >&2
    exit 1
fi
