"""What the scale-out e2e tests share: a natter-server instance on a shared database with
--redis, started on a free port of 127.0.0.1 with its own config and log file."""
import os
import socket
import subprocess
import sys
import time


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    raise SystemExit(1)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Instance:
    """`limits`: the [limits] lines of its config file."""

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
            self.proc = subprocess.Popen(
                [self.binary, "--listen", f"127.0.0.1:{self.port}", "--database", self.database,
                 "--redis", self.redis, "--config", self.config, "--password-cost", "min",
                 "--log-level", "info", "--no-discovery"],
                stdout=subprocess.PIPE, stderr=log, text=True)
            log.close()
            line = self.proc.stdout.readline()
            if "listening on ws://" in line:
                return
            self.proc.wait()
            time.sleep(0.1)  # the port was taken meanwhile: another one
        fail(f"instance {self.name} did not start:\n{self.log()}")

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
