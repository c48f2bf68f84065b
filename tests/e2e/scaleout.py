#!/usr/bin/python3
"""Scale-out test: two natter-server instances on one PostgreSQL database and one Redis server.

Users connected to different instances chat as if on one server: messages, delivered and
read receipts, typing, edits and deletes, presence both ways, and one user on both instances
at once. Then instance A is killed with SIGKILL while one of its users is sending: the users
on B see that user go offline after the instance timeout, the user reconnects to B, syncs and
re-sends what was not acknowledged, and every message arrives exactly once, in order. Junk
published on the Redis channel by someone else is ignored.

Needs NATTER_TEST_POSTGRES_URL and NATTER_TEST_REDIS_URL (scripts/test.sh starts throwaway
servers and sets both). Without them the test is skipped (exit 77), unless
NATTER_REQUIRE_SCALEOUT is set: then it fails.

Usage: scaleout.py --server-binary PATH
"""
import argparse
import asyncio
import os
import shutil
import socket
import sys
import tempfile
import time
import uuid

import websockets

from instance import Instance, drop_schema, fail, schema_database, skip
from protocolclient import ProtocolClient

INSTANCE_TIMEOUT_MS = 2000
PRESENCE_GRACE_MS = 1000
LIMITS = (f"instance-timeout-ms = {INSTANCE_TIMEOUT_MS}\n"
          f"presence-grace-ms = {PRESENCE_GRACE_MS}\n")
# Each run takes a Redis database of its own (and so its own channel natter:bus:N) so that
# suites and runs sharing one Redis server never hear each other: a lock key in database 0.
REDIS_DBS = range(1, 16)
LOCK_MS = 600_000
STREAM = 40          # messages carol sends while instance A is killed
WINDOW = 4
WAIT = 10.0          # seconds for any one expected event


def encode_command(*parts):
    parts = [p if isinstance(p, bytes) else str(p).encode() for p in parts]
    return b"*%d\r\n" % len(parts) + b"".join(b"$%d\r\n%s\r\n" % (len(p), p) for p in parts)


def redis_command(redis_url, *parts, database=None):
    """One command through a raw RESP connection (redis-cli need not be installed); only for
    commands with a one-line answer."""
    host_port = redis_url.split("://", 1)[1].split("/", 1)[0]
    host, port = host_port.rsplit(":", 1)
    request = encode_command(*parts)
    answers = 1
    if database is not None:
        request = encode_command("SELECT", database) + request
        answers = 2
    with socket.create_connection((host, int(port)), timeout=5) as s:
        s.sendall(request)
        reply = b""
        while reply.count(b"\r\n") < answers:
            chunk = s.recv(256)
            if not chunk:
                break
            reply += chunk
    return reply.split(b"\r\n")[answers - 1]


def redis_publish(redis_url, channel, payload):
    reply = redis_command(redis_url, "PUBLISH", channel, payload)
    if not reply.startswith(b":"):
        fail(f"PUBLISH answered {reply!r}")
    return int(reply[1:].split(b"\r\n")[0])


def take_redis_database(redis_url):
    """A database number no other test run holds (released by release_redis_database)."""
    for db in REDIS_DBS:
        reply = redis_command(redis_url, "SET", f"natter:test-db:{db}", os.getpid(), "NX",
                              "PX", LOCK_MS)
        if reply.startswith(b"+OK"):
            # Whatever an earlier run left there (it was killed) is not ours to hear.
            redis_command(redis_url, "FLUSHDB", database=db)
            return db
    fail("every Redis test database (1-15) is taken by other test runs")


def release_redis_database(redis_url, db):
    redis_command(redis_url, "DEL", f"natter:test-db:{db}")


class Client(ProtocolClient):
    """A user of the scale-out scenario: events are kept and waited for, presence followed."""

    password = "scale-out-pw"
    timeout = WAIT

    def __init__(self, name):
        super().__init__(name)
        self.events = []
        self.online = None         # user id -> username, as presence events say; None
                                   # until this connection's snapshot

    def opened(self):
        self.online = None

    def apply(self, frame):
        self.events.append(frame)
        if frame.get("type") == "presence":
            if frame["snapshot"] or self.online is None:
                self.online = {}
            for user in frame["online"]:
                self.online[user["id"]] = user["username"]
            for uid in frame["offline"]:
                self.online.pop(uid, None)
        super().apply(frame)

    def context(self):
        return f"; events: {self.events[-8:]}"

    async def wait_event(self, what, match, timeout=WAIT):
        """The first event for which match() is true."""
        found = []

        def seen():
            found[:] = [e for e in self.events if match(e)]
            return bool(found)
        await self.wait_for(seen, what, timeout)
        return found[0]

    def sees(self, *uids):
        return self.online is not None and set(uids) <= self.online.keys()

    def sees_offline(self, uid):
        return self.online is not None and uid not in self.online


async def chat_across_instances(a, b):
    alice, bob, carol, dave = Client("alice"), Client("bob"), Client("carol"), Client("dave")
    await alice.register(a.url)
    await carol.register(a.url)
    await bob.register(b.url)
    await dave.register(b.url)

    # Presence follows conversations (contacts). Dave (B) writes to carol (A): each then sees
    # the other, across instances.
    await dave.ok("send", to=carol.uid, client_id=str(uuid.uuid4()), content="hi carol")
    await carol.wait_for(lambda: carol.sees(dave.uid), "presence of dave (on B)")
    await dave.wait_for(lambda: dave.sees(carol.uid), "presence of carol (on A)")

    # A message from A to B, the reply from B to A; delivered receipt back across.
    sent = (await alice.ok("send", to=bob.uid, client_id=str(uuid.uuid4()),
                           content="hello from A"))["message"]
    conv = sent["conversation_id"]
    await bob.wait_for(lambda: sent["id"] in bob.received, "alice's message")
    await alice.wait_for(lambda: alice.sees(bob.uid), "presence of bob (on B), now a contact")
    await bob.wait_for(lambda: bob.sees(alice.uid), "presence of alice (on A), now a contact")
    print("presence across instances: ok")
    await alice.wait_event("delivered receipt", lambda e: e["type"] == "receipt"
                           and e["user_id"] == bob.uid and e["delivered_up_to"] >= sent["id"])
    reply = (await bob.ok("send", conversation_id=conv, client_id=str(uuid.uuid4()),
                          content="hello from B"))["message"]
    await alice.wait_for(lambda: reply["id"] in alice.received, "bob's reply")
    print("messages and delivered receipts across instances: ok")

    # Typing, both ways of the switch.
    await alice.ok("typing", conversation_id=conv, active=True)
    await bob.wait_event("typing from alice", lambda e: e["type"] == "typing"
                         and e["user_id"] == alice.uid and e["active"])
    await alice.ok("typing", conversation_id=conv, active=False)
    await bob.wait_event("typing stopped", lambda e: e["type"] == "typing"
                         and e["user_id"] == alice.uid and not e["active"])
    print("typing across instances: ok")

    # Read receipt from B to A.
    await bob.ok("read", conversation_id=conv, up_to=sent["id"])
    await alice.wait_event("read receipt", lambda e: e["type"] == "receipt"
                           and e["user_id"] == bob.uid and e["read_up_to"] >= sent["id"])
    print("read receipts across instances: ok")

    # A reply with its quote and a reaction from B reach A.
    answer = (await bob.ok("send", conversation_id=conv, client_id=str(uuid.uuid4()),
                           content="a reply", reply_to=sent["id"]))["message"]
    await alice.wait_event("the reply with its quote", lambda e: e["type"] == "message"
                           and e["message"]["id"] == answer["id"]
                           and e["message"].get("reply_to", {}).get("id") == sent["id"])
    await bob.ok("react", message_id=sent["id"], emoji="\U0001F44D", on=True)
    await alice.wait_event("bob's reaction", lambda e: e["type"] == "reaction"
                           and e["message_id"] == sent["id"]
                           and e["reactions"] == {"\U0001F44D": [bob.uid]})
    print("replies and reactions across instances: ok")

    # Edit and delete for everyone from A reach B.
    await alice.ok("edit", message_id=sent["id"], content="hello from A, edited")
    await bob.wait_event("the edit", lambda e: e["type"] == "message_updated"
                         and e["message"]["id"] == sent["id"]
                         and e["message"]["content"] == "hello from A, edited")
    await alice.ok("delete", message_id=sent["id"], scope="everyone")
    await bob.wait_event("the delete", lambda e: e["type"] == "message_updated"
                         and e["message"]["id"] == sent["id"] and e["message"]["deleted"])
    print("edits and deletes across instances: ok")

    # One user on both instances: her socket on B gets what she sends from A.
    alice_b = Client("alice")
    alice_b.uid, alice_b.token = alice.uid, alice.token
    await alice_b.resume(b.url)
    mine = (await alice.ok("send", to=bob.uid, client_id=str(uuid.uuid4()),
                           content="to my other window"))["message"]
    await alice_b.wait_event("her own message on her other instance",
                             lambda e: e["type"] == "message" and e["message"]["id"] == mine["id"])
    await alice_b.close()
    await alice.close()
    await bob.close()
    print("one user on two instances: ok")
    return carol, dave


async def failover(a, b, carol, dave):
    """Kill A while carol (on A) sends to dave (on B); carol carries on from B."""
    acked, inflight = {}, {}
    ids = {n: str(uuid.uuid4()) for n in range(STREAM)}

    async def send(n):
        try:
            reply = await carol.request("send", to=dave.uid, client_id=ids[n],
                                        content=f"carol #{n}")
        except (ConnectionError, websockets.ConnectionClosed, asyncio.TimeoutError):
            return  # still in flight: re-sent after the reconnect
        if reply.get("type") != "ok":
            fail(f"carol #{n}: {reply}")
        acked[n] = reply["message"]["id"]
        inflight.pop(n, None)

    cursor = {"next": 0}

    async def stream(until):
        """Sends with WINDOW requests in flight until `until` are acknowledged; re-sends
        what is in flight (unacknowledged) first, with the same client_id. Returns with the
        requests still in flight running."""
        tasks = set()
        for n in sorted(inflight):
            tasks.add(asyncio.ensure_future(send(n)))
        while len(acked) < until:
            if cursor["next"] < min(STREAM, until + WINDOW - 1) and len(inflight) < WINDOW:
                inflight[cursor["next"]] = True
                tasks.add(asyncio.ensure_future(send(cursor["next"])))
                cursor["next"] += 1
                await asyncio.sleep(0)  # let it go out
                continue
            if not tasks:
                fail(f"carol's sends stopped at {len(acked)} acknowledged")
            done, tasks = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                task.result()

    dave.home = b  # B closes its sockets when A dies (A's last events may be missing)
    await stream(STREAM // 3)
    a.kill()
    carol.drop()
    print(f"instance A killed with {len(acked)} of {STREAM} acknowledged, "
          f"{len(inflight)} in flight")

    # B's users see carol go offline once A's heartbeats stop (timeout, then the grace).
    start = time.monotonic()
    await dave.wait_for(lambda: dave.sees_offline(carol.uid), "carol offline after A died",
                        timeout=INSTANCE_TIMEOUT_MS / 1000 * 2 + PRESENCE_GRACE_MS / 1000 + 5)
    print(f"carol shown offline on B after {time.monotonic() - start:.1f} s: ok")
    if dave.reconnects < 1:
        fail("B did not ask its clients to sync after A died")

    # Meanwhile dave writes to her; she gets it by syncing on B.
    conv = next(iter(dave.received.values()))["conversation_id"]
    while_away = (await dave.ok("send", conversation_id=conv, client_id=str(uuid.uuid4()),
                                content="are you there?"))["message"]

    await carol.resume(b.url)
    if while_away["id"] not in carol.received:
        fail("carol's sync on B did not bring dave's message written while she was away")
    await dave.wait_for(lambda: dave.sees(carol.uid), "carol online again (on B)")
    print("carol reconnected to B, synced, shown online again: ok")

    await stream(STREAM)
    await dave.wait_for(lambda: sum(1 for m in dave.received.values()
                                    if m["sender_id"] == carol.uid) >= STREAM,
                        "all of carol's messages")
    # Exactly once each, in send order, with the ids she was given.
    from_carol = sorted((m for m in dave.received.values() if m["sender_id"] == carol.uid),
                        key=lambda m: m["id"])
    contents = [m["content"] for m in from_carol]
    if contents != [f"carol #{n}" for n in range(STREAM)]:
        fail(f"dave holds {contents}")
    if [m["id"] for m in from_carol] != [acked[n] for n in range(STREAM)]:
        fail("acknowledged ids differ from what dave holds")

    # What is stored (history on B) has each message once, in order.
    history, before = [], None
    while True:
        fields = {"conversation_id": conv, "limit": 100}
        if before:
            fields["before"] = before
        page = await dave.ok("history", **fields)
        history += page["messages"]
        if not page["has_more"]:
            break
        before = page["messages"][-1]["id"]
    stored = [m["content"] for m in reversed(history) if m["sender_id"] == carol.uid]
    if stored != [f"carol #{n}" for n in range(STREAM)]:
        fail(f"history holds {stored}")
    print(f"{STREAM} messages across the kill, each stored and delivered exactly once: ok")


async def junk_on_the_channel(b, redis_url, dave):
    channel = f"natter:bus:{redis_url.rsplit('/', 1)[1]}"
    receivers = 0
    for payload in [b"garbage", b"{}", b'{"v":1,"i":"x","k":"user","u":1}\nnot json',
                    b'{"v":1,"i":"x","k":"presence","s":"one"}', b"\xff\xfe" * 10,
                    b'{"v":2,"i":"x","k":"bye"}', b'{"v":1,"i":"bad id!","k":"bye"}']:
        receivers = redis_publish(redis_url, channel, payload)
    if receivers < 1:
        fail("instance B is not subscribed to the channel")
    await dave.ok("ping")
    if not b.alive():
        fail(f"instance B died on junk from Redis:\n{b.log()}")
    if "ignoring a malformed message" not in b.log():
        fail("instance B did not warn about the junk")
    print("junk published on the channel is ignored with a warning: ok")


async def scenario(a, b, redis_url):
    carol, dave = await chat_across_instances(a, b)
    await failover(a, b, carol, dave)
    await junk_on_the_channel(b, redis_url, dave)
    await carol.close()
    await dave.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server-binary", required=True)
    args = parser.parse_args()

    postgres = os.environ.get("NATTER_TEST_POSTGRES_URL", "")
    redis = os.environ.get("NATTER_TEST_REDIS_URL", "")
    if not postgres or not redis:
        missing = " and ".join(v for v, value in [("NATTER_TEST_POSTGRES_URL", postgres),
                                                  ("NATTER_TEST_REDIS_URL", redis)] if not value)
        message = (f"{missing} not set: this test needs a PostgreSQL and a Redis server. "
                   "scripts/test.sh starts throwaway ones (scripts/throwaway-postgres.sh, "
                   "scripts/throwaway-redis.sh) and sets both.")
        return skip(message)

    schema = f"natter_scaleout_{os.getpid()}"
    database = schema_database(postgres, schema)
    base = "/".join(redis.rstrip("/").split("/")[:3])  # without a database number
    db = take_redis_database(base)
    redis_url = f"{base}/{db}"
    workdir = tempfile.mkdtemp(prefix="natter-scaleout-")
    a = Instance("A", args.server_binary, database, redis_url, workdir, LIMITS)
    b = Instance("B", args.server_binary, database, redis_url, workdir, LIMITS)
    try:
        a.start()  # migrates the schema; B then finds it current
        b.start()
        asyncio.get_event_loop().run_until_complete(
            asyncio.wait_for(scenario(a, b, redis_url), 120))
        status = b.stop()
        if status != 0:
            fail(f"instance B did not stop cleanly on SIGTERM (status {status})")
    except BaseException:
        for server in (a, b):
            server.print_log()
        raise
    finally:
        a.stop()
        b.stop()
        shutil.rmtree(workdir, ignore_errors=True)
        release_redis_database(base, db)
        drop_schema(postgres, schema)
    print("scale-out: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
