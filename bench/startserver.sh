# Sourced by bench/files.sh and bench/app-scroll.sh: start_natter_server SERVER CONFIG DIR
# starts SERVER on 127.0.0.1:0 with a fresh SQLite database DIR/natter.db and the
# configuration file CONFIG, its output in DIR/server.out and DIR/server.err; sets server_pid
# and url, or says why and exits 2 when it did not start. (The caller stops it by its PID.)
start_natter_server() {
    local binary=$1 config=$2 dir=$3
    "$binary" --config "$config" --database "$dir/natter.db" --create \
        --listen 127.0.0.1:0 --password-cost min --no-discovery --log-level warning \
        >"$dir/server.out" 2>"$dir/server.err" &
    server_pid=$!
    url=
    for _ in $(seq 300); do
        url=$(sed -n 's/^natter-server listening on //p' "$dir/server.out")
        [[ -n $url ]] && return 0
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.1
    done
    echo "$(basename "$0"): natter-server did not start:" >&2
    tail -n 20 "$dir/server.err" >&2
    exit 2
}
