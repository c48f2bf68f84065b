#!/usr/bin/python3
"""Socket-level frame abuse against the real natter-server, over ws:// and wss://, before and
after sign-in: frames of 64 KiB +- 1 and 1 MiB +- 1, 16 MiB and 64 MiB, fragmented messages
whose continuations add up past the 1 MiB limit, a header announcing more than it sends, and a
connection closed (or reset) in the middle of a frame.

Each frame is written by hand (RFC 6455, masked with a zero key) on a raw socket, so nothing
between the test and the server caps the size. After each case a second, signed-in client's
ping must be answered within 100 ms (best of 5), the server's CPU must go back to idle, and at
the end its log must be a few KB at most: one oversized frame once made the server spin at
100 % of a core, writing a warning 226,000 times a second, and stop accepting.

Usage: oversize_frames.py --server-binary PATH
"""
import argparse
import base64
import concurrent.futures
import json
import os
import re
import socket
import ssl
import struct
import subprocess
import sys
import tempfile
import time

KIB = 1024
MIB = 1024 * 1024
# The log of one server run, every case included: a line or two per connection at info level,
# and hardly any warnings.
LOG_BUDGET = 32 * KIB
WARNING_BUDGET = 4 * KIB
TEXT, CONTINUATION, CLOSE = 0x1, 0x0, 0x8


class Closed(Exception):
    """The server closed the WebSocket: `code` from its close frame, None for a bare TCP end."""

    def __init__(self, code):
        super().__init__(f"closed with {code}")
        self.code = code


class RawClient:
    """A WebSocket client that writes frames byte by byte as the test says."""

    def __init__(self, port, tls, timeout=10.0):
        sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        if tls:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
            sock = context.wrap_socket(sock, server_hostname="localhost")
        self.sock = sock
        self.buf = b""
        key = base64.b64encode(os.urandom(16)).decode()
        sock.sendall((f"GET /v1 HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
                      f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                      "Sec-WebSocket-Version: 13\r\n\r\n").encode())
        while b"\r\n\r\n" not in self.buf:
            self._fill()
        head, self.buf = self.buf.split(b"\r\n\r\n", 1)
        if b" 101 " not in head.split(b"\r\n", 1)[0]:
            raise RuntimeError(f"handshake refused: {head[:80]!r}")
        self.next_id = 0

    def _fill(self):
        chunk = self.sock.recv(65536)
        if not chunk:
            raise Closed(None)
        self.buf += chunk

    @staticmethod
    def header(opcode, length, fin=True):
        first = (0x80 if fin else 0) | opcode
        if length < 126:
            head = struct.pack("!BB", first, 0x80 | length)
        elif length < 65536:
            head = struct.pack("!BBH", first, 0x80 | 126, length)
        else:
            head = struct.pack("!BBQ", first, 0x80 | 127, length)
        return head + b"\0\0\0\0"  # a zero masking key leaves the payload as it is

    def send_raw(self, data):
        """Sends as much of `data` as the server takes; False when it stopped taking it."""
        try:
            self.sock.sendall(data)
            return True
        except OSError:
            return False

    def send_frame(self, payload, opcode=TEXT, fin=True):
        return self.send_raw(self.header(opcode, len(payload), fin) + payload)

    def recv_frame(self):
        while True:
            if len(self.buf) >= 2:
                length = self.buf[1] & 0x7F
                offset = 2
                if length == 126 and len(self.buf) >= 4:
                    length, offset = struct.unpack("!H", self.buf[2:4])[0], 4
                elif length == 127 and len(self.buf) >= 10:
                    length, offset = struct.unpack("!Q", self.buf[2:10])[0], 10
                if length < 126 or offset > 2:
                    if len(self.buf) >= offset + length:
                        opcode = self.buf[0] & 0x0F
                        payload = self.buf[offset:offset + length]
                        self.buf = self.buf[offset + length:]
                        return opcode, payload
            self._fill()

    def recv_json(self):
        """The next text frame as JSON; Closed when a close frame (or the TCP end) comes."""
        while True:
            opcode, payload = self.recv_frame()
            if opcode == CLOSE:
                raise Closed(struct.unpack("!H", payload[:2])[0] if len(payload) >= 2 else None)
            if opcode == TEXT:
                return json.loads(payload)

    def request(self, frame):
        self.next_id += 1
        frame = dict(frame, id=f"r{self.next_id}")
        self.send_frame(json.dumps(frame).encode())
        while True:
            reply = self.recv_json()
            if reply.get("re") == frame["id"]:
                return reply

    def wait_close(self):
        """The close code the server sends (None: the connection ended without one)."""
        try:
            while True:
                self.recv_json()
        except Closed as closed:
            return closed.code
        except OSError:
            return None

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


def ping_of_size(size, request_id="big"):
    """A ping request exactly `size` bytes long (the padding field is ignored)."""
    head = '{"type":"ping","id":"%s","pad":"' % request_id
    pad = size - len(head) - 2
    return (head + "y" * pad + '"}').encode()


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Run:
    def __init__(self, binary, tmp, tls):
        self.tls = tls
        self.log_path = os.path.join(tmp, f"server-{'wss' if tls else 'ws'}.log")
        args = [binary, "--listen", "127.0.0.1:0", "--database",
                os.path.join(tmp, f"natter-{'wss' if tls else 'ws'}.db"), "--create",
                "--password-cost", "min", "--no-discovery"]
        if tls:
            cert, key = os.path.join(tmp, "cert.pem"), os.path.join(tmp, "key.pem")
            subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days",
                            "2", "-subj", "/CN=localhost", "-keyout", key, "-out", cert],
                           check=True, capture_output=True)
            args += ["--tls-cert", cert, "--tls-key", key]
        self.log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=self.log, text=True)
        line = self.proc.stdout.readline()
        match = re.search(r"wss?://[^/\s]+:(\d+)/v1", line)
        if not match:
            raise RuntimeError(f"the server did not say where it listens: {line!r}")
        self.port = int(match.group(1))
        observer = self.connect()
        self.token = observer.request({"type": "register", "username": "observer",
                                       "password": "observer-pass"})["token"]
        self.observer = observer
        attacker = self.connect()
        self.attacker_token = attacker.request({"type": "register", "username": "mallory",
                                                "password": "mallory-pass"})["token"]
        attacker.close()

    def connect(self):
        return RawClient(self.port, self.tls)

    def attacker(self, signed_in):
        client = self.connect()
        if signed_in:
            reply = client.request({"type": "auth", "token": self.attacker_token})
            if reply.get("type") != "ok":
                raise RuntimeError(f"auth refused: {reply}")
        return client

    def observer_ping_ms(self):
        start = time.monotonic()
        reply = self.observer.request({"type": "ping"})
        if reply.get("type") != "ok":
            raise RuntimeError(f"ping answered {reply}")
        return (time.monotonic() - start) * 1000

    def stop(self):
        self.observer.close()
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()  # a spinning event loop ignores SIGTERM
                self.proc.wait(10)
        self.log.close()


# Each case gets a fresh attacker connection and returns (ok, detail).
def frame_stays_open(size):
    def case(client):
        client.send_frame(ping_of_size(size))
        reply = client.recv_json()
        # Skips events (a presence snapshot after sign-in); a frame over 64 KiB is not parsed,
        # so its error has "re": null.
        while reply.get("re") != "big" and reply.get("type") != "error":
            reply = client.recv_json()
        expected = "ok" if size <= 64 * KIB else "too_large"
        got = reply.get("type") if reply.get("type") == "ok" else reply.get("code")
        if got != expected:
            return False, f"answered {got}, expected {expected}"
        again = client.request({"type": "ping"})  # the socket stays usable
        return again.get("type") == "ok", f"then ping answered {again}"
    return case


def frame_closes(size):
    def case(client):
        client.send_frame(ping_of_size(size))
        code = client.wait_close()
        return code == 1009, f"close code {code}"
    return case


def fragments_past_limit(piece, count):
    def case(client):
        for i in range(count):
            opcode = TEXT if i == 0 else CONTINUATION
            if not client.send_frame(b"y" * piece, opcode=opcode, fin=(i == count - 1)):
                break
        code = client.wait_close()
        return code == 1009, f"close code {code}"
    return case


def header_over_limit_without_payload(client):
    client.send_raw(RawClient.header(TEXT, MIB + 1) + b"y" * (16 * KIB))
    code = client.wait_close()
    return code == 1009, f"close code {code}"


def header_under_limit_without_payload(client):
    # Announces 200 KiB, sends 16 KiB and waits: the server must not busy-wait for the rest.
    client.send_raw(RawClient.header(TEXT, 200 * KIB) + b"y" * (16 * KIB))
    time.sleep(0.3)
    return True, ""


def closed_mid_frame(client):
    client.send_raw(RawClient.header(TEXT, 512 * KIB) + b"y" * (100 * KIB))
    client.sock.shutdown(socket.SHUT_RDWR)
    return True, ""


def reset_mid_frame(client):
    client.send_raw(RawClient.header(TEXT, 512 * KIB) + b"y" * (100 * KIB))
    # Closed with a zero linger time (by the caller): the kernel sends RST instead of FIN.
    client.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    return True, ""


CASES = [
    ("frame of 64 KiB - 1", frame_stays_open(64 * KIB - 1)),
    ("frame of 64 KiB", frame_stays_open(64 * KIB)),
    ("frame of 64 KiB + 1", frame_stays_open(64 * KIB + 1)),
    ("frame of 1 MiB - 1", frame_stays_open(MIB - 1)),
    ("frame of 1 MiB", frame_stays_open(MIB)),
    ("frame of 1 MiB + 1", frame_closes(MIB + 1)),
    ("frame of 16 MiB", frame_closes(16 * MIB)),
    ("frame of 64 MiB", frame_closes(64 * MIB)),
    ("two fragments of 600 KiB", fragments_past_limit(600 * KIB, 2)),
    ("twenty fragments of 60 KiB", fragments_past_limit(60 * KIB, 20)),
    ("header of 1 MiB + 1 with 16 KiB of payload", header_over_limit_without_payload),
    ("header of 200 KiB with 16 KiB of payload", header_under_limit_without_payload),
    ("close in the middle of a frame", closed_mid_frame),
    ("reset in the middle of a frame", reset_mid_frame),
]


def run_case(run, label, case, signed_in, check):
    """One case on a fresh attacker connection, then the health checks; False when the server
    no longer answers."""
    try:
        client = run.attacker(signed_in)
    except (OSError, Closed, RuntimeError) as exc:
        check(f"{label}: connect", False, repr(exc))
        return False
    try:
        ok, detail = case(client)
    except (OSError, Closed, ValueError) as exc:
        ok, detail = False, repr(exc)
    finally:
        client.close()
    check(label, ok, detail)
    if run.proc.poll() is not None:
        check(f"{label}: the server is still running", False)
        return False
    # The rest of the server: another client is answered at once, and the CPU goes back to
    # idle.
    try:
        best = min(run.observer_ping_ms() for _ in range(5))
        check(f"{label}: another client's ping answered in {best:.1f} ms", best < 100,
              "over 100 ms")
    except (OSError, Closed, RuntimeError) as exc:
        check(f"{label}: another client's ping answered", False, repr(exc))
        return False
    time.sleep(0.2)
    before = cpu_seconds(run.proc.pid)
    time.sleep(0.5)
    used = cpu_seconds(run.proc.pid) - before
    check(f"{label}: server CPU back to idle ({used / 0.5:.0%})", used < 0.1)
    return True


def run_scheme(binary, tmp, tls, only):
    """Every case against one server (ws:// or wss://); returns its report lines and counts."""
    scheme = "wss" if tls else "ws"
    lines = []
    results = {"passed": 0, "failed": 0}

    def check(name, ok, detail=""):
        outcome = "PASS " if ok else "FAIL "
        lines.append(outcome + name + ("" if ok or not detail else f": {detail}"))
        results["passed" if ok else "failed"] += 1
        return ok

    run = Run(binary, tmp, tls)
    try:
        for signed_in in (False, True):
            for name, case in CASES:
                if only and only not in name:
                    continue
                label = f"{scheme}, {'signed in' if signed_in else 'before sign-in'}, {name}"
                if not run_case(run, label, case, signed_in, check):
                    break
            else:
                continue
            break  # the server no longer answers: the rest of this run would hang
        alive = run.proc.poll() is None
        check(f"{scheme}: the server process is still running", alive)
    finally:
        run.stop()
    size = os.path.getsize(run.log_path)
    with open(run.log_path, "rb") as log:
        head = log.read(LOG_BUDGET + 1)
    warnings = sum(len(line) + 1 for line in head.split(b"\n")
                   if re.search(rb"^\S+ (warning|error|critical|fatal) ", line))
    if not check(f"{scheme}: the server log stays small ({size} bytes, {warnings} of "
                 "them warnings)", size <= LOG_BUDGET and warnings <= WARNING_BUDGET,
                 f"over {LOG_BUDGET} bytes or {WARNING_BUDGET} of warnings"):
        lines.append(head[:3000].decode(errors="replace"))
    return lines, results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server-binary", required=True)
    parser.add_argument("--only", help="run only the cases whose name contains this")
    args = parser.parse_args()
    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        # ws:// and wss:// each against a server of their own, side by side: most of a case's
        # time is the wait for the server's CPU to show idle, so two at once take the time of one.
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            runs = [pool.submit(run_scheme, args.server_binary, tmp, tls, args.only)
                    for tls in (False, True)]
            for future in runs:
                lines, results = future.result()
                print("\n".join(lines), flush=True)
                passed += results["passed"]
                failed += results["failed"]
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
