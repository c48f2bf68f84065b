#!/usr/bin/python3
"""A PostgreSQL outage under live traffic: nothing acknowledged goes missing, nothing is
doubled, nothing is out of order.

One natter-server instance on a PostgreSQL server this test starts itself
(scripts/throwaway-postgres.sh, durable, so that it can stop and start it again). Ten
clients in five pairs keep sending to their partner, one message in flight at a time, as
docs/protocol.md asks of a client that keeps its order: a send answered with a retryable
error (`unavailable`, `internal`, `rate_limited`) goes again with its client_id after a
pause, before any later one. PostgreSQL is stopped ("fast": every session ended) while they
send, left down for several seconds, then started again on the same port. The server's two
connections (the event loop's and the message writer's) must find it again on their own.
Then every client signs in afresh and syncs from 0:
  - every message sent was acknowledged, and its partner holds it exactly once, under the
    id it was acknowledged with;
  - each sender's messages are stored in the order they were sent (ids increase);
  - during the outage, sends were answered `unavailable` (the outage was real), and the
    server kept running.

Needs the PostgreSQL server binaries (package postgresql). Without them the test is
skipped (exit 77), unless NATTER_REQUIRE_SCALEOUT is set: then it fails.

Usage: postgres_outage.py --server-binary PATH
"""
import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
import uuid

from instance import Instance, fail, skip
from protocolclient import CONNECTION_ERRORS, ProtocolClient

PAIRS = 5
PACE = 0.02           # seconds between two messages of one client
BEFORE = 2.0          # seconds of traffic before PostgreSQL stops
OUTAGE = 5.0          # seconds it stays down
AFTER = 2.0           # seconds of traffic after it is back
LIMITS = "register-per-address-burst = 0\nregister-burst = 0\n"
RETRYABLE = ("unavailable", "internal", "rate_limited")
HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(HERE, "..", "..", "scripts", "throwaway-postgres.sh")


def postgres(action, directory, durable=False):
    env = dict(os.environ, NATTER_PG_DURABLE="1" if durable else "0")
    done = subprocess.run(["bash", SCRIPT, action, directory], env=env, text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if done.returncode != 0:
        fail(f"throwaway-postgres.sh {action} failed:\n{done.stderr}")
    return done.stdout.strip()


class Sender(ProtocolClient):
    password = "pg-outage-pw"
    timeout = 15.0
    reconnect_attempts = 200

    def __init__(self, name, home):
        super().__init__(name, home)
        self.partner = 0
        self.plan = []        # (client_id, content), in the order they are sent
        self.acked = []       # message ids, in the same order
        self.refusals = {}    # error code -> count

    def reconnect_delay(self, attempt):
        return 0.2

    def refused(self, type_, fields, reply):
        raise ConnectionError(f"{self.name}: {type_} answered {reply}")

    async def send_loop(self, running):
        while running.is_set() or len(self.acked) < len(self.plan):
            n = len(self.acked)
            if n == len(self.plan):
                self.plan.append((str(uuid.uuid4()), f"{self.name} #{n}"))
            client_id, content = self.plan[n]
            try:
                r = await self.request("send", to=self.partner, client_id=client_id,
                                       content=content)
            except CONNECTION_ERRORS:
                await asyncio.sleep(0.1)  # the reconnect runs meanwhile (come_back)
                continue
            if r.get("type") == "error" and r.get("code") in RETRYABLE:
                self.refusals[r["code"]] = self.refusals.get(r["code"], 0) + 1
                await asyncio.sleep(max(r.get("retry_after_ms", 0), 100) / 1000)
                continue
            if r.get("type") != "ok":
                fail(f"{self.name}: send #{n} answered {r}")
            if r["message"]["client_id"] != client_id:
                fail(f"{self.name}: send #{n} acknowledged as {r['message']}")
            self.acked.append(r["message"]["id"])
            await asyncio.sleep(PACE)


async def scenario(instance, pg_dir):
    senders = [Sender(f"pgout{i}", instance) for i in range(2 * PAIRS)]
    for s in senders:
        await s.register(instance.url)
    for i in range(0, len(senders), 2):
        senders[i].partner, senders[i + 1].partner = senders[i + 1].uid, senders[i].uid
    running = asyncio.Event()
    running.set()
    loops = [asyncio.ensure_future(s.send_loop(running)) for s in senders]
    await asyncio.sleep(BEFORE)
    before = sum(len(s.acked) for s in senders)
    postgres("halt", pg_dir)
    print(f"PostgreSQL stopped after {before} acknowledged messages")
    await asyncio.sleep(OUTAGE)
    during = sum(len(s.acked) for s in senders) - before
    postgres("resume", pg_dir, durable=True)
    print(f"PostgreSQL started again; {during} acknowledged while it was down")
    await asyncio.sleep(AFTER)
    running.clear()
    await asyncio.wait_for(asyncio.gather(*loops), 60)
    if not instance.alive():
        fail("the server stopped during the outage")
    unavailable = sum(s.refusals.get("unavailable", 0) for s in senders)
    total = sum(len(s.acked) for s in senders)
    print(f"{total} messages acknowledged, {unavailable} sends answered unavailable")
    if unavailable == 0:
        fail("no send was answered unavailable: the outage did not reach the server")
    if total <= before:
        fail("nothing was acknowledged after the outage")

    # Everyone signs in afresh and syncs from 0: what is stored, once each, in order.
    for s in senders:
        await s.close()
    readers = []
    for s in senders:
        reader = ProtocolClient(s.name + "-reader")
        reader.uid, reader.token = s.uid, s.token
        await reader.resume(instance.url)
        readers.append(reader)
    for i, s in enumerate(senders):
        partner = readers[i + 1 if i % 2 == 0 else i - 1]
        held = sorted((m for m in partner.received.values() if m["sender_id"] == s.uid),
                      key=lambda m: m["id"])
        stored = [m["client_id"] for m in held]
        sent = [client_id for client_id, _ in s.plan]
        if len(stored) != len(set(stored)):
            fail(f"{s.name}: a message is stored twice")
        if stored != sent:
            missing = set(sent) - set(stored)
            fail(f"{s.name}: sent {len(sent)}, stored {len(stored)}, missing {len(missing)}"
                 f"{'' if missing else ', out of order'}")
        if [m["id"] for m in held] != s.acked:
            fail(f"{s.name}: stored under other ids than were acknowledged")
    for r in readers:
        await r.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server-binary", required=True)
    args = parser.parse_args()
    bindir = subprocess.run(["bash", SCRIPT, "bindir"], text=True, stdout=subprocess.PIPE,
                            check=False).stdout.strip()
    if not bindir or not os.path.exists(os.path.join(bindir, "initdb")):
        return skip("no PostgreSQL server binaries (install postgresql)")
    with tempfile.TemporaryDirectory(prefix="natter-pg-outage-") as work:
        # As root the server runs as the postgres user (throwaway-postgres.sh), which must
        # reach its directory inside this one.
        os.chmod(work, 0o755)
        pg_dir = os.path.join(work, "pg")
        url = postgres("start", pg_dir, durable=True)
        instance = Instance("outage", args.server_binary, url, None, work, LIMITS)
        try:
            instance.start()
            asyncio.run(asyncio.wait_for(scenario(instance, pg_dir), 120))
        except BaseException:
            instance.print_log(last=40)
            raise
        finally:
            status = instance.stop()
            postgres("stop", pg_dir)
        if status != 0:
            instance.print_log(last=40)
            fail(f"the server did not stop cleanly on SIGTERM (status {status})")
    print("PASS: nothing lost, doubled or reordered across a PostgreSQL outage")
    return 0


if __name__ == "__main__":
    sys.exit(main())
