"""What the e2e tests share: `fail`, `free_port` and, for the scale-out tests, a
natter-server instance on a shared database with --redis, started on a free port of
127.0.0.1 with its own config and log file, and the PostgreSQL schema it runs in."""
import os
import shutil
import socket
import subprocess
import sys
import time

SKIP = 77  # the tests' SKIP_RETURN_CODE


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    raise SystemExit(1)


def skip(message):
    """SKIP, the exit status for a scale-out test without its servers; a failure instead
    when NATTER_REQUIRE_SCALEOUT is set."""
    if os.environ.get("NATTER_REQUIRE_SCALEOUT"):
        fail(message)
    print(f"SKIP: {message}")
    return SKIP


def schema_database(postgres, schema):
    """The --database URL for a schema of this test run's own on the PostgreSQL server."""
    return postgres + ("&" if "?" in postgres else "?") + f"schema={schema}"


def drop_schema(postgres, schema):
    if shutil.which("psql"):
        subprocess.run(["psql", postgres, "-q", "-c", f"DROP SCHEMA IF EXISTS {schema} CASCADE"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Instance:
    """`limits`: the [limits] lines of its config file; `redis` None: an instance alone."""

    def __init__(self, name, binary, database, redis, workdir, limits):
        self.name, self.binary, self.database, self.redis = name, binary, database, redis
        self.port = None
        self.proc = None
        self.log_path = os.path.join(workdir, f"{name}.log")
        self.config = os.path.join(workdir, f"{name}.conf")
        with open(self.config, "w") as f:
            f.write("[limits]\n" + limits)

    @property
    def url(self):
        return f"ws://127.0.0.1:{self.port}/v1"

    def start(self):
        for _ in range(20):
            self.port = free_port()
            log = open(self.log_path, "a")
            log_start = log.tell()  # this run's lines only: the log is kept across restarts
            bus = ["--redis", self.redis] if self.redis else []
            self.proc = subprocess.Popen(
                [self.binary, "--listen", f"127.0.0.1:{self.port}", "--database", self.database,
                 *bus, "--config", self.config, "--password-cost", "min",
                 "--log-level", "info", "--no-discovery"],
                stdout=subprocess.PIPE, stderr=log, text=True)
            log.close()
            line = self.proc.stdout.readline()
            if "listening on ws://" in line:
                if self.redis:
                    self.wait_for_bus(log_start)
                return
            self.proc.wait()
            time.sleep(0.1)  # the port was taken meanwhile: another one
        fail(f"instance {self.name} did not start:\n{self.log()}")

    def wait_for_bus(self, log_start, timeout=10.0):
        """Until both Redis connections are up (or `timeout` passes: Redis may be down on
        purpose). A client that signs in before the subscription is made is closed with
        1012 when it is (events may have been missed), which is not what a test of
        cross-instance traffic is about."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            log = self.log()[log_start:]
            if "(subscriber) connected" in log and "(commands) connected" in log:
                return
            time.sleep(0.02)

    def kill(self):
        self.proc.kill()  # SIGKILL: no goodbye on the bus, no flush
        self.proc.wait()

    def stop(self):
        """SIGTERM; the exit status (0 after a clean shutdown, also under the sanitizers)."""
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                return self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                return "hung"
        return None

    def alive(self):
        return self.proc.poll() is None

    def log(self):
        with open(self.log_path) as f:
            return f.read()

    def print_log(self, last=None):
        """To stderr, all of it or its `last` lines, if it was started at all."""
        if not os.path.exists(self.log_path):
            return
        lines = self.log().splitlines()
        if last is None:
            print(f"--- instance {self.name} log ---\n" + "\n".join(lines), file=sys.stderr)
        else:
            print(f"--- instance {self.name} log (last {last} lines) ---\n"
                  + "\n".join(lines[-last:]), file=sys.stderr)
