#!/usr/bin/python3
"""Fault test: nothing acknowledged is lost, nothing is stored or shown twice.

Pairs of clients send numbered messages to each other (a window of messages in flight)
through the real natter-server while the test freezes it (SIGSTOP, then SIGCONT) and kills it
with SIGKILL several times at random moments (restarting it on the same database) and cuts client connections without a
close frame. Clients do what docs/protocol.md asks: reconnect, `auth` with their token, `sync`
from their sync cursor (moved only by sync replies), and re-send every unacknowledged message with its original
client_id. At the end:
  - every message is stored exactly once, in send order (history of each conversation);
  - every recipient holds every message exactly once (deduplicated by message id, as the
    protocol tells clients to), in send order;
  - every message acknowledged before a crash is still there after it.

Usage: crash_recovery.py --server-binary PATH [--seed N]
"""
import argparse
import asyncio
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
import uuid

import websockets

from instance import fail, free_port

PAIRS = 3
MESSAGES = 150      # per sender
PACE = 0.035        # seconds between new messages of one sender (under the rate limit)
WINDOW = 4          # messages in flight per sender
KILLS = 4
STOP_SECONDS = 3.0  # a frozen server (SIGSTOP) before the kills
TIME_LIMIT = 90.0
NAMESPACE = uuid.UUID("6f1d2c3e-8a47-4d0b-9a3e-2b7c5d9e1f00")


class Server:
    def __init__(self, binary, db, port):
        self.binary, self.db, self.port, self.proc = binary, db, port, None
        # All peers sign up from 127.0.0.1: more than one address's sign-up burst.
        self.config = os.path.join(os.path.dirname(db), "server.conf")
        with open(self.config, "w") as f:
            f.write("[limits]\nregister-per-address-burst = 0\n")

    def start(self):
        for _ in range(50):
            self.proc = subprocess.Popen(
                [self.binary, "--listen", f"127.0.0.1:{self.port}", "--database", self.db,
                 "--create", "--password-cost", "min", "--log-level", "error", "--config", self.config],
                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
            line = self.proc.stdout.readline()
            if re.search(r"listening on ws://", line):
                return
            self.proc.wait()
            time.sleep(0.1)  # the port may still be held for a moment
        fail("server did not restart")

    def kill(self):
        self.proc.kill()  # SIGKILL: no chance to flush anything
        self.proc.wait()


class Peer:
    def __init__(self, name, url):
        self.name, self.url = name, url
        self.uid = self.token = None
        self.partner = None
        self.rev = 0              # the sync cursor: moved only by sync replies
        self.next = 0
        self.inflight = {}        # n -> client_id, not yet acked
        self.acked = {}           # n -> message id
        self.received = {}        # message id -> content (from the partner)
        self.ws = None
        self.req = 0
        self.pending_replies = {}
        self.reconnects = 0
        self.retry = set()
        self.retry_at = 0.0
        self.next_at = 0.0

    def client_id(self, n):
        return str(uuid.uuid5(NAMESPACE, f"{self.name}-{n}"))

    def done_sending(self):
        return len(self.acked) == MESSAGES

    def apply_event(self, frame):
        kind = frame.get("type")
        if kind in ("message", "message_updated"):
            # Live events never move the sync cursor (docs/protocol.md).
            m = frame["message"]
            if m["sender_id"] != self.uid:
                self.received[m["id"]] = m["content"]

    async def request(self, type_, **fields):
        self.req += 1
        rid = f"{self.name}-{self.req}"
        await self.ws.send(json.dumps({"type": type_, "id": rid, **fields}))
        while True:
            frame = json.loads(await asyncio.wait_for(self.ws.recv(), 5))
            if frame.get("re") == rid:
                return frame
            self.handle(frame)

    def handle(self, frame):
        if frame.get("type") == "ok" and "message" in frame and frame.get("re", "").startswith(f"{self.name}-s"):
            n = int(frame["re"].split("-s")[1].split(".")[0])
            if n in self.inflight:
                del self.inflight[n]
                self.acked[n] = frame["message"]["id"]
        elif frame.get("type") == "error" and frame.get("code") == "rate_limited":
            # As the protocol says: wait retry_after_ms, then send the same request again.
            n = int(frame["re"].split("-s")[1].split(".")[0])
            self.retry.add(n)
            self.retry_at = asyncio.get_event_loop().time() + frame["retry_after_ms"] / 1000
        elif frame.get("type") == "error":
            raise RuntimeError(f"{self.name}: unexpected error {frame}")
        elif "re" not in frame:
            self.apply_event(frame)

    async def send(self, n):
        self.req += 1
        await self.ws.send(json.dumps({"type": "send", "id": f"{self.name}-s{n}.{self.req}",
                                       "to": self.partner.uid, "client_id": self.inflight[n],
                                       "content": f"{self.name} #{n}"}))

    async def connect(self):
        self.ws = await websockets.connect(self.url, open_timeout=2, close_timeout=1)
        if self.token is None:
            r = await self.request("register", username=self.name, password="crash-test-pw")
            self.uid, self.token = r["user"]["id"], r["token"]
        else:
            r = await self.request("auth", token=self.token)
            if r.get("type") != "ok":
                raise RuntimeError(f"{self.name}: auth failed {r}")
        # Fill the gap: everything after the cursor.
        while True:
            r = await self.request("sync", since=self.rev, limit=500)
            for m in r["messages"]:
                if m["sender_id"] != self.uid:
                    self.received[m["id"]] = m["content"]
            self.rev = max(self.rev, r["rev"])
            if not r["has_more"]:
                break

    async def run(self, everyone_done):
        while not everyone_done():
            try:
                if self.ws is None:
                    await self.connect()
                    self.retry.clear()
                    for n in sorted(self.inflight):  # re-send unacked, original client_id
                        await self.send(n)
                if self.retry and asyncio.get_event_loop().time() >= self.retry_at:
                    for n in sorted(self.retry):
                        if n in self.inflight:
                            await self.send(n)
                    self.retry.clear()
                now = asyncio.get_event_loop().time()
                if self.next < MESSAGES and len(self.inflight) < WINDOW and now >= self.next_at:
                    self.inflight[self.next] = self.client_id(self.next)
                    await self.send(self.next)
                    self.next += 1
                    self.next_at = now + PACE
                try:
                    frame = json.loads(await asyncio.wait_for(self.ws.recv(), PACE))
                    self.handle(frame)
                except asyncio.TimeoutError:
                    pass
            except (websockets.ConnectionClosed, OSError, asyncio.TimeoutError,
                    websockets.InvalidHandshake, websockets.InvalidMessage, EOFError):
                if self.ws is not None:
                    self.ws.transport.abort()
                self.ws = None
                self.reconnects += 1
                await asyncio.sleep(random.uniform(0.05, 0.2))
        if self.ws is not None:
            await self.ws.close()

    def cut(self):
        # A network cut: the TCP connection goes away without a close frame.
        if self.ws is not None and self.ws.transport is not None:
            self.ws.transport.abort()


async def scenario(server, url):
    peers = []
    for i in range(PAIRS):
        a, b = Peer(f"p{i}a", url), Peer(f"p{i}b", url)
        a.partner, b.partner = b, a
        peers += [a, b]
    for p in peers:  # register everyone before the chaos so partners know their ids
        await p.connect()

    def everyone_done():
        return all(p.done_sending() and len(p.received) >= MESSAGES for p in peers)

    acked_before_kill = []
    kills_mid_traffic = 0
    stopped_mid_traffic = False

    async def chaos():
        nonlocal kills_mid_traffic, stopped_mid_traffic
        # Frozen, as a stalled machine or a debugger would leave it: the clients' requests
        # wait or time out; when it continues, nothing is lost and nothing doubled.
        await asyncio.sleep(random.uniform(0.2, 0.5))
        stopped_mid_traffic = not everyone_done()
        server.proc.send_signal(signal.SIGSTOP)
        await asyncio.sleep(STOP_SECONDS)
        server.proc.send_signal(signal.SIGCONT)
        for _ in range(KILLS):
            await asyncio.sleep(random.uniform(0.3, 0.9))
            kills_mid_traffic += not everyone_done()
            if random.random() < 0.5:
                random.choice(peers).cut()
            acked_before_kill.append({p.name: dict(p.acked) for p in peers})
            server.kill()
            await asyncio.sleep(random.uniform(0.0, 0.3))
            server.start()
            await asyncio.sleep(random.uniform(0.2, 0.6))
            random.choice(peers).cut()

    await asyncio.wait_for(asyncio.gather(chaos(), *(p.run(everyone_done) for p in peers)),
                           TIME_LIMIT)
    return peers, acked_before_kill, kills_mid_traffic, stopped_mid_traffic


async def stored_history(url, peer):
    """Everything stored in the peer's conversation, oldest first (one fresh socket)."""
    ws = await websockets.connect(url)
    n = 0

    async def req(type_, **fields):
        nonlocal n
        n += 1
        await ws.send(json.dumps({"type": type_, "id": str(n), **fields}))
        while True:
            frame = json.loads(await ws.recv())
            if frame.get("re") == str(n):
                return frame

    await req("auth", token=peer.token)
    conv = (await req("conversations"))["conversations"][0]["id"]
    messages, before = [], None
    while True:
        fields = {"conversation_id": conv, "limit": 100}
        if before:
            fields["before"] = before
        r = await req("history", **fields)
        messages += r["messages"]
        if not r["has_more"]:
            break
        before = r["messages"][-1]["id"]
    await ws.close()
    return list(reversed(messages))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server-binary", required=True)
    parser.add_argument("--seed", type=int, default=int.from_bytes(os.urandom(4), "little"))
    args = parser.parse_args()
    random.seed(args.seed)
    print(f"seed {args.seed}")
    passed = failed = 0

    def check(name, ok, detail=""):
        nonlocal passed, failed
        print(("PASS " if ok else "FAIL ") + name + (f" {detail}" if not ok and detail else ""))
        passed, failed = passed + bool(ok), failed + (not ok)

    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        server = Server(args.server_binary, os.path.join(tmp, "natter.db"), port)
        server.start()
        url = f"ws://127.0.0.1:{port}/v1"
        loop = asyncio.new_event_loop()
        try:
            peers, snapshots, mid, stopped = loop.run_until_complete(scenario(server, url))
            check(f"the server was frozen (SIGSTOP) for {STOP_SECONDS:.0f} s under live traffic",
                  stopped)
            reconnects = sum(p.reconnects for p in peers)
            # The test only proves something if the crashes hit live traffic.
            check(f"{mid} of {KILLS} SIGKILLs hit live traffic, {reconnects} reconnects",
                  mid >= KILLS - 1 and reconnects >= mid)
            totals = {"sent": 0, "acked": 0, "stored": 0, "delivered": 0, "duplicates": 0,
                      "lost": 0}
            for p in peers:
                expected = [f"{p.partner.name} #{n}" for n in range(MESSAGES)]
                shown = [p.received[i] for i in sorted(p.received)]
                check(f"{p.name} received each of {MESSAGES} messages exactly once, in order",
                      shown == expected, f"got {len(shown)}: {shown[:5]}...")
                history = loop.run_until_complete(stored_history(url, p))
                mine = [m["content"] for m in history if m["sender_id"] == p.partner.uid]
                totals["sent"] += p.partner.next
                totals["acked"] += len(p.partner.acked)
                totals["stored"] += len(set(mine))
                totals["delivered"] += len(set(shown))
                totals["duplicates"] += (len(mine) - len(set(mine))) + (len(shown) - len(set(shown)))
                totals["lost"] += len(set(expected) - set(mine)) + len(set(expected) - set(shown))
                check(f"{p.name}'s conversation stores each message of {p.partner.name} once, "
                      "in order", mine == expected, f"stored {len(mine)}")
                ids = {m["content"]: m["id"] for m in history}
                lost = [(n, mid) for snap in snapshots for n, mid in snap[p.name].items()
                        if ids.get(f"{p.name} #{n}") != mid]
                check(f"every message acked to {p.name} before a crash survived with its id",
                      not lost, f"lost {lost[:5]}")
            print("figures: " + ", ".join(f"{k} {v}" for k, v in totals.items()))
            check("duplicates = 0 and lost = 0", totals["duplicates"] == 0 and totals["lost"] == 0)
        except Exception as exc:  # noqa: BLE001 - a failure to finish is a failed check
            check("scenario finished in time", False, repr(exc))
        finally:
            server.kill()
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
