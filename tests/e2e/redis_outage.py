#!/usr/bin/python3
"""Redis outage under live traffic: nothing acknowledged goes missing, nothing is doubled.

Two natter-server instances share one PostgreSQL database and a Redis server this test
starts itself (so it can kill it). Twenty clients, ten on each instance, keep sending:
each writes in turn to a partner on the other instance and to a neighbour on its own, so
every client receives cross-instance messages and, during the outage, local events (its own
send replies, receipts, messages from its neighbour) with revisions beyond the
cross-instance messages it cannot get live. Redis is SIGKILLed for several seconds while
they send, then started again on the same port: both instances close their sockets with
1012 and the clients reconnect and `sync` exactly as docs/protocol.md says (the sync cursor
moves only with `sync` replies; live events never move it). At the end every client
reconnects once more and syncs. Then:
  - every acknowledged message is held by its recipient (0 missing), each exactly once;
  - no message is stored twice (one id per client_id, as acknowledged);
  - while Redis was down, no sender was told that a message to a user on the other
    instance was delivered (it could not have been pushed to them);
  - both instances closed their sockets with 1012.

Needs NATTER_TEST_POSTGRES_URL and redis-server. Without them the test is skipped (exit
77), unless NATTER_REQUIRE_SCALEOUT is set: then it fails.

Usage: redis_outage.py --server-binary PATH
"""
import argparse
import asyncio
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid

import websockets

from instance import Instance, drop_schema, fail, free_port, schema_database, skip
from protocolclient import ProtocolClient

PER_INSTANCE = 10
PACE = 0.1            # seconds between two messages of one client
BEFORE = 3.0          # seconds of traffic before Redis is killed
OUTAGE = 8.0          # seconds Redis stays down (under the instance timeout)
AFTER = 2.0           # seconds of traffic after every client reconnected
INSTANCE_TIMEOUT_MS = 15000  # longer than the outage: the others' users stay "online"
# Everyone signs up from 127.0.0.1 at once.
LIMITS = (f"instance-timeout-ms = {INSTANCE_TIMEOUT_MS}\n"
          "register-per-address-burst = 0\nregister-burst = 0\n")
WAIT = 10.0           # seconds for any one reply
TIME_LIMIT = 100.0


def redis_answers(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
            s.sendall(b"PING\r\n")
            return s.recv(64).startswith(b"+PONG")
    except OSError:
        return False


class Redis:
    """A redis-server of this test's own on a fixed port: killed and started again."""

    def __init__(self, binary, workdir):
        self.binary, self.workdir = binary, workdir
        self.port = free_port()
        self.proc = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}"

    def start(self):
        for _ in range(20):
            self.proc = subprocess.Popen(
                [self.binary, "--bind", "127.0.0.1", "--port", str(self.port),
                 "--dir", self.workdir, "--save", "", "--appendonly", "no",
                 "--protected-mode", "yes", "--logfile", os.path.join(self.workdir, "redis.log")],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for _ in range(100):
                if redis_answers(self.port):
                    return
                if self.proc.poll() is not None:
                    break
                time.sleep(0.05)
            self.kill()
            time.sleep(0.2)  # the port is held for a moment after a kill
        fail(f"redis-server did not start on port {self.port}")

    def kill(self):
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


class Client(ProtocolClient):
    """A client that follows docs/protocol.md: the sync cursor moves only with `sync`
    replies; live events are applied by message id and never move it."""

    password = "outage-test-pw"
    timeout = WAIT
    reconnect_attempts = 100

    def __init__(self, name, home):
        super().__init__(name, home)
        self.partners = []         # user ids this client writes to, in turn
        self.receipts = []         # (monotonic time, receipt event)
        self.close_codes = []
        self.plan = []             # n -> (to, client_id, content)
        self.acked = {}            # n -> (message, monotonic times of the send and the ack)
        self.online = asyncio.Event()

    def apply(self, frame):
        if frame.get("type") == "receipt":
            self.receipts.append((time.monotonic(), frame))
        super().apply(frame)

    def closed(self, ws):
        self.close_codes.append(ws.close_code)
        self.online.clear()

    def refused(self, type_, fields, reply):
        raise ConnectionError(f"{self.name}: {type_} answered {reply}")

    async def register(self):
        await super().register(self.home.url)
        await self.sync()
        self.online.set()

    async def resume(self, url):
        await super().resume(url)
        self.online.set()

    def reconnect_delay(self, attempt):
        return random.uniform(0.05, 0.5)  # jitter: everyone comes back at once

    async def reconnect_and_sync(self):
        """Closes the connection and comes back, as after a restart of the app."""
        self.closing = True
        await self.ws.close()
        self.ws = None
        self.closing = False
        await self.come_back()

    async def send_loop(self, running):
        """One message at a time, to each partner in turn, until `running` is cleared and
        everything planned is acknowledged; an unacknowledged one is re-sent with its
        client_id after a reconnect."""
        n = 0
        while running.is_set() or n < len(self.plan):
            if n == len(self.plan):
                to = self.partners[n % len(self.partners)]
                self.plan.append((to, str(uuid.uuid4()), f"{self.name} #{n}"))
            to, client_id, content = self.plan[n]
            await self.online.wait()
            sent_at = time.monotonic()
            try:
                r = await self.request("send", to=to, client_id=client_id, content=content)
            except (ConnectionError, websockets.ConnectionClosed, asyncio.TimeoutError):
                # The same n again once back. Yield first: a send on a connection that has
                # just closed fails without ever waiting, and `online` is cleared only by the
                # reader task, which must get to run (this loop once spun for minutes).
                await asyncio.sleep(0.05)
                continue
            if r.get("type") == "error" and r.get("code") in ("rate_limited", "unavailable"):
                await asyncio.sleep(r.get("retry_after_ms", 200) / 1000)
                continue
            if r.get("type") != "ok":
                fail(f"{self.name}: send #{n} answered {r}")
            self.acked[n] = (r["message"], sent_at, time.monotonic())
            n += 1
            await asyncio.sleep(PACE)


async def scenario(a, b, redis):
    on_a = [Client(f"usera{i}", a) for i in range(PER_INSTANCE)]
    on_b = [Client(f"userb{i}", b) for i in range(PER_INSTANCE)]
    everyone = on_a + on_b
    await asyncio.gather(*(c.register() for c in everyone))
    by_uid = {c.uid: c for c in everyone}
    for group, other in ((on_a, on_b), (on_b, on_a)):
        for i, c in enumerate(group):
            c.partners = [other[i].uid, group[(i + 1) % len(group)].uid]

    running = asyncio.Event()
    running.set()
    senders = [asyncio.ensure_future(c.send_loop(running)) for c in everyone]
    await asyncio.sleep(BEFORE)
    redis.kill()
    down_at = time.monotonic()
    print(f"Redis killed after {sum(len(c.acked) for c in everyone)} acknowledged messages")
    await asyncio.sleep(OUTAGE)
    redis.start()
    up_at = time.monotonic()
    print(f"Redis started again after {up_at - down_at:.1f} s, "
          f"{sum(len(c.acked) for c in everyone)} acknowledged so far")

    # Both instances hear Redis again and close their sockets with 1012; everybody comes back.
    deadline = time.monotonic() + 30
    while not all(1012 in c.close_codes and c.online.is_set() for c in everyone):
        if time.monotonic() > deadline:
            late = [c.name for c in everyone if 1012 not in c.close_codes]
            fail(f"not closed with 1012 after the outage: {late}")
        await asyncio.sleep(0.1)
    print("both instances closed their sockets with 1012; every client reconnected and synced")
    await asyncio.sleep(AFTER)
    running.clear()
    await asyncio.gather(*senders)

    # Quiet: let the last live events arrive, then every client reconnects and syncs once more.
    await asyncio.sleep(1.0)
    for c in everyone:
        await c.reconnect_and_sync()

    acked_total = sum(len(c.acked) for c in everyone)
    missing, doubled, wrongly_delivered, outage_cross = [], [], [], 0
    for sender in everyone:
        for n, (message, sent_at, acked_at) in sender.acked.items():
            to = sender.plan[n][0]
            recipient = by_uid[to]
            held = recipient.received.get(message["id"])
            if held is None or held["content"] != sender.plan[n][2]:
                missing.append((sender.name, recipient.name, message["id"], message["rev"]))
            # Sent once Redis was dead: a reply read after the kill may be for a message the
            # server stored, published and saw delivered before it (redis.kill() blocks this
            # event loop while replies queue up), which is no outage at all.
            if recipient.home is not sender.home and down_at <= sent_at and acked_at < up_at:
                outage_cross += 1
                told = [e for t, e in sender.receipts if t < up_at and e["user_id"] == to
                        and e["conversation_id"] == message["conversation_id"]
                        and e["delivered_up_to"] >= message["id"]]
                if told:
                    wrongly_delivered.append((sender.name, recipient.name, message["id"]))
    for c in everyone:
        contents = [m["content"] for m in c.received.values()]
        doubled += sorted(x for x in set(contents) if contents.count(x) > 1)
    print(f"{acked_total} acknowledged, {outage_cross} across instances during the outage, "
          f"{len(missing)} missing at their recipients, {len(doubled)} stored twice, "
          f"{len(wrongly_delivered)} reported delivered while Redis was down")
    if outage_cross == 0:
        fail("no cross-instance message was acknowledged during the outage: nothing tested")
    if missing:
        fail(f"{len(missing)} acknowledged messages never reached their recipients, e.g. "
             f"{missing[:5]} (sender, recipient, id, rev)")
    if doubled:
        fail(f"messages held twice: {doubled[:5]}")
    if wrongly_delivered:
        fail(f"{len(wrongly_delivered)} messages to the other instance were reported delivered "
             f"while Redis was down, e.g. {wrongly_delivered[:5]}")
    for c in everyone:
        await c.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server-binary", required=True)
    args = parser.parse_args()

    postgres = os.environ.get("NATTER_TEST_POSTGRES_URL", "")
    redis_binary = shutil.which(os.environ.get("NATTER_REDIS_SERVER", "redis-server"))
    if not postgres or not redis_binary:
        missing = " and ".join(what for what, ok in [("NATTER_TEST_POSTGRES_URL", postgres),
                                                     ("redis-server", redis_binary)] if not ok)
        message = (f"{missing} missing: this test needs a PostgreSQL server (scripts/test.sh "
                   "starts a throwaway one and sets NATTER_TEST_POSTGRES_URL) and redis-server.")
        return skip(message)

    schema = f"natter_outage_{os.getpid()}"
    database = schema_database(postgres, schema)
    workdir = tempfile.mkdtemp(prefix="natter-outage-")
    redis = Redis(redis_binary, workdir)
    redis.start()
    a = Instance("A", args.server_binary, database, redis.url, workdir, LIMITS)
    b = Instance("B", args.server_binary, database, redis.url, workdir, LIMITS)
    try:
        a.start()  # migrates the schema; B then finds it current
        b.start()
        asyncio.get_event_loop().run_until_complete(
            asyncio.wait_for(scenario(a, b, redis), TIME_LIMIT))
    except BaseException:
        for server in (a, b):
            server.print_log(last=60)
        raise
    finally:
        a.stop()
        b.stop()
        redis.kill()
        shutil.rmtree(workdir, ignore_errors=True)
        drop_schema(postgres, schema)
    print("Redis outage: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
