#!/usr/bin/env bash
# The README's test command: installs what is missing, builds everything with warnings as
# errors and runs every test suite (QtTest via CTest, offscreen; end-to-end with the real
# binaries).
#   NATTER_BUILD_DIR   build directory (default: build-test)
#   NATTER_CMAKE_ARGS  extra CMake arguments (e.g. -DNATTER_SANITIZE=ON)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"

build=${NATTER_BUILD_DIR:-$root/build-test}
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
# shellcheck disable=SC2086 # NATTER_CMAKE_ARGS is a list of arguments on purpose
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNATTER_WERROR=ON -DNATTER_BUILD_BENCH=ON \
    "${launcher[@]}" ${NATTER_CMAKE_ARGS:-}
cmake --build "$build" --parallel "$(nproc)"
export QT_QPA_PLATFORM=offscreen

# The PostgreSQL suites (tst_store_postgres, tst_postgresstore) need a server: a throwaway one
# of their own (own directory, free port on 127.0.0.1, stopped on exit), unless
# NATTER_TEST_POSTGRES_URL already names one. Without either they fail and say why.
# The scale-out suites (e2e_scaleout, tst_redisbus) also need Redis: likewise a throwaway one
# unless NATTER_TEST_REDIS_URL names one. With both, NATTER_REQUIRE_SCALEOUT=1 makes those
# suites fail rather than skip when something is missing.
pg_bin=$("$root/scripts/throwaway-postgres.sh" bindir)
pg_dir=""
redis_dir=""
cleanup() {
    [ -z "$pg_dir" ] || "$root/scripts/throwaway-postgres.sh" stop "$pg_dir"
    [ -z "$redis_dir" ] || "$root/scripts/throwaway-redis.sh" stop "$redis_dir"
}
trap cleanup EXIT
if [ -z "${NATTER_TEST_POSTGRES_URL:-}" ] && [ -x "$pg_bin/initdb" ]; then
    pg_dir=$(mktemp -d /tmp/natter-pg.XXXXXX)
    NATTER_TEST_POSTGRES_URL=$(NATTER_PG_BINDIR=$pg_bin \
        "$root/scripts/throwaway-postgres.sh" start "$pg_dir")
    export NATTER_TEST_POSTGRES_URL
    echo "PostgreSQL for the tests: $NATTER_TEST_POSTGRES_URL"
fi
if [ -z "${NATTER_TEST_REDIS_URL:-}" ] && command -v redis-server >/dev/null; then
    redis_dir=$(mktemp -d /tmp/natter-redis.XXXXXX)
    NATTER_TEST_REDIS_URL=$("$root/scripts/throwaway-redis.sh" start "$redis_dir")
    export NATTER_TEST_REDIS_URL
    echo "Redis for the tests: $NATTER_TEST_REDIS_URL"
fi
if [ -n "${NATTER_TEST_POSTGRES_URL:-}" ] && [ -n "${NATTER_TEST_REDIS_URL:-}" ]; then
    export NATTER_REQUIRE_SCALEOUT=1
fi
# Two suites more than cores: most of a suite's time is waiting (timers, sockets, a server's
# reply), so at one suite per core the cores were busy under a fifth of the time.
ctest --test-dir "$build" --output-on-failure --parallel "$(( $(nproc) + 2 ))" --timeout 600
