#!/usr/bin/python3
"""Protocol conformance: a client written only from docs/protocol.md drives the real
natter-server binary through every flow and every documented error.

Usage: protocol_conformance.py --server-binary PATH [--examples FILE]
Prints PASS/FAIL per check and a final "N passed, M failed" line; exits non-zero on failure.
"""
import argparse
import asyncio
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import uuid

import websockets

import conformance_groups
import conformance_reactions
from protocolclient import ProtocolClient

TIMEOUT = 5.0
results = {"passed": 0, "failed": 0}
examples = []  # (title, direction, frame) captured for docs/protocol.md


def check(name, condition, detail=""):
    if condition:
        results["passed"] += 1
        print(f"PASS {name}")
    else:
        results["failed"] += 1
        print(f"FAIL {name} {detail}")
    return condition


class Client(ProtocolClient):
    """One WebSocket connection: requests with ids, replies matched by "re", events queued.
    A request that gets no reply (in time, or before the socket closes) returns None."""

    timeout = TIMEOUT

    def __init__(self, name):
        super().__init__(name)
        self.replies = {}          # replies no request waited for (raw frames with an id)
        self.events = []
        self.user = None
        self.close_code = None

    @classmethod
    async def connected(cls, url, name="client"):
        client = cls(name)
        await client.open(url)
        return client

    def apply(self, frame):
        self.events.append(frame)

    def unanswered(self, frame):
        self.replies[frame["re"]] = frame

    def closed(self, ws):
        self.close_code = ws.close_code

    async def raw(self, text):
        await self.ws.send(text)

    async def request(self, type_, capture=None, **fields):
        if capture:  # the frame as the base class sends it, with the next id
            examples.append((capture, "client → server",
                             {"type": type_, "id": f"{self.name}-{self.req + 1}", **fields}))
        try:
            reply = await super().request(type_, **fields)
        except (asyncio.TimeoutError, ConnectionError):
            reply = None
        if capture and reply:
            examples.append((capture, "server → client", reply))
        return reply

    async def wait_reply(self, rid, timeout=TIMEOUT):
        loop = asyncio.get_event_loop()
        end = loop.time() + timeout
        while rid not in self.replies and loop.time() < end and self.close_code is None:
            await asyncio.sleep(0.005)
        return self.replies.pop(rid, None)

    async def wait_event(self, type_, pred=lambda e: True, timeout=TIMEOUT):
        loop = asyncio.get_event_loop()
        end = loop.time() + timeout
        while loop.time() < end:
            for i, e in enumerate(self.events):
                if e.get("type") == type_ and pred(e):
                    return self.events.pop(i)
            await asyncio.sleep(0.005)
        return None

    async def no_event(self, type_, pred=lambda e: True, wait=0.6):
        await asyncio.sleep(wait)
        return not any(e.get("type") == type_ and pred(e) for e in self.events)

    async def wait_closed(self, timeout=TIMEOUT):
        try:
            await asyncio.wait_for(asyncio.shield(self.reader), timeout)
        except asyncio.TimeoutError:
            pass
        return self.close_code

    async def close(self):
        await self.ws.close()
        await self.wait_closed()

    async def register(self, username, password="correct horse", capture=None):
        reply = await self.request("register", capture, username=username, password=password)
        if reply and reply.get("type") == "ok":
            self.user, self.token = reply["user"], reply["token"]
        return reply


def ok(reply):
    return reply is not None and reply.get("type") == "ok"


def code(reply):
    return (reply or {}).get("code")


async def scenario(url):
    base = url.rsplit("/", 1)[0]

    # --- accounts --------------------------------------------------------------------
    alice = await Client.connected(url, "a")
    r = await alice.register("alice", capture="register")
    check("register returns user and token", ok(r) and r["user"]["username"] == "alice" and r["token"])
    snap = await alice.wait_event("presence", lambda e: e["snapshot"])
    check("presence snapshot after auth", snap is not None and snap["online"] == [])
    if snap:
        examples.append(("presence snapshot", "server → client", snap))

    bob = await Client.connected(url, "b")
    await bob.register("bob")
    # Presence is scoped to contacts (people one shares a conversation with).
    check("no presence about a stranger", await alice.no_event("presence", wait=0.5))
    bob_id, alice_id = bob.user["id"], alice.user["id"]

    dup = await Client.connected(url, "x")
    r = await dup.register("ALICE")
    check("username taken case-insensitively -> conflict", code(r) == "conflict")
    r = await dup.request("login", username="alice", password="wrong password")
    check("wrong password -> unauthorized", code(r) == "unauthorized")
    if r:
        examples.append(("login error", "server → client", r))
    r = await dup.request("conversations")
    check("request before auth -> unauthorized", code(r) == "unauthorized")
    r = await dup.request("login", capture="login", username="alice", password="correct horse")
    check("login with the right password", ok(r) and r["user"]["id"] == alice_id)
    alice2 = dup  # alice's second socket
    await alice2.wait_event("presence", lambda e: e["snapshot"])

    t = await Client.connected(url, "t")
    r = await t.request("auth", capture="auth", token=bob.token)
    check("auth with a token", ok(r) and r["user"]["id"] == bob_id)
    await t.close()

    carol = await Client.connected(url, "c")
    await carol.register("carol")

    # --- messaging -------------------------------------------------------------------
    cid = str(uuid.uuid4())
    r = await alice.request("send", capture="send", to=bob_id, client_id=cid,
                            content="Hi Bob <b>plain</b>", sender_id=carol.user["id"])
    check("send acked with id, created_at, rev", ok(r) and r["message"]["id"] > 0
          and r["message"]["created_at"] > 0 and r["message"]["rev"] > 0)
    msg = r["message"]
    check("sender is the authenticated user, not the payload", msg["sender_id"] == alice_id)
    conv = msg["conversation_id"]
    ev = await bob.wait_event("message")
    check("recipient receives the message", ev is not None and ev["message"]["id"] == msg["id"])
    if ev:
        examples.append(("message event", "server → client", ev))
    ev = await alice2.wait_event("message")
    check("sender's other socket receives it", ev is not None and ev["message"]["id"] == msg["id"])
    check("sender's own socket gets no message event", await alice.no_event("message", wait=0.2))
    check("third user gets nothing", await carol.no_event("message", wait=0.1))
    diff = await alice.wait_event("presence", lambda e: not e["snapshot"])
    check("presence diff when the first message makes them contacts",
          diff is not None and [u["username"] for u in diff["online"]] == ["bob"])
    if diff:
        examples.append(("presence diff", "server → client", diff))

    r = await alice.request("send", to=bob_id, client_id=cid, content="Hi Bob <b>plain</b>")
    check("duplicate client_id returns the original", ok(r) and r["message"]["id"] == msg["id"])
    check("duplicate is not delivered again", await bob.no_event("message", wait=0.4))

    r = await bob.request("send", conversation_id=conv, client_id=str(uuid.uuid4()), content="Hello Alice")
    check("send by conversation_id", ok(r) and r["message"]["conversation_id"] == conv)
    await alice.wait_event("message")
    await alice2.wait_event("message")

    r = await alice.request("send", to=alice_id, client_id=str(uuid.uuid4()), content="me")
    check("send to self -> bad_request", code(r) == "bad_request")
    r = await alice.request("send", to=999999, client_id=str(uuid.uuid4()), content="x")
    check("send to unknown user -> not_found", code(r) == "not_found")
    r = await carol.request("send", conversation_id=conv, client_id=str(uuid.uuid4()), content="x")
    check("someone else's conversation -> not_found", code(r) == "not_found")
    if r:
        examples.append(("send error", "server → client", r))

    # --- typing ----------------------------------------------------------------------
    r = await alice.request("typing", capture="typing", conversation_id=conv, active=True)
    ev = await bob.wait_event("typing")
    check("typing relayed to the peer", ok(r) and ev is not None and ev["active"] and ev["user_id"] == alice_id)
    if ev:
        examples.append(("typing event", "server → client", ev))
    check("typing not seen by a third user", await carol.no_event("typing", wait=0.1))
    r = await carol.request("typing", conversation_id=conv, active=True)
    check("typing in someone else's conversation -> not_found", code(r) == "not_found")
    await alice.request("typing", conversation_id=conv, active=False)
    ev = await bob.wait_event("typing", lambda e: not e["active"])
    check("typing stop relayed", ev is not None)

    # --- history, receipts ------------------------------------------------------------
    ids = []
    for i in range(5):
        r = await alice.request("send", to=bob_id, client_id=str(uuid.uuid4()), content=f"n{i}")
        ids.append(r["message"]["id"])
    r = await bob.request("conversations", capture="conversations")
    c = r and r["conversations"][0]
    check("conversations: peer, last message, unread", ok(r) and c["peer"]["id"] == alice_id
          and c["last_message"]["id"] == ids[-1] and c["unread"] == 6)
    r = await bob.request("history", capture="history", conversation_id=conv, limit=3)
    check("history newest first with has_more", ok(r) and [m["id"] for m in r["messages"]] == ids[:-4:-1]
          and r["has_more"] is True)
    r = await bob.request("history", conversation_id=conv, before=ids[2], limit=100)
    check("history before is exclusive", ok(r) and r["messages"][0]["id"] == ids[1] and r["has_more"] is False)
    r = await carol.request("history", conversation_id=conv)
    check("history of someone else's conversation -> not_found", code(r) == "not_found")
    r = await bob.request("history", conversation_id=conv, limit=101)
    check("history limit over 100 -> bad_request", code(r) == "bad_request")

    alice.events.clear()
    r = await bob.request("read", capture="read", conversation_id=conv, up_to=ids[-1])
    ev = await alice.wait_event("receipt", lambda e: e["user_id"] == bob_id and e["read_up_to"] == ids[-1])
    check("read receipt delivered to the other side", ok(r) and ev is not None)
    if ev:
        examples.append(("receipt event", "server → client", ev))
    r = await bob.request("conversations")
    check("unread count follows the read position", ok(r) and r["conversations"][0]["unread"] == 0)

    # --- edit, delete -----------------------------------------------------------------
    r = await alice.request("edit", capture="edit", message_id=ids[0], content="n0 (edited)")
    check("edit own message", ok(r) and r["message"]["content"] == "n0 (edited)" and r["message"]["edited_at"])
    ev = await bob.wait_event("message_updated")
    check("edit pushed to the other side", ev is not None and ev["message"]["content"] == "n0 (edited)")
    if ev:
        examples.append(("message_updated event", "server → client", ev))
    r = await bob.request("edit_history", capture="edit_history", message_id=ids[0])
    check("edit history kept", ok(r) and [e["content"] for e in r["edits"]] == ["n0"])
    r = await bob.request("edit", message_id=ids[0], content="hijack")
    check("edit of someone else's message -> forbidden", code(r) == "forbidden")
    r = await carol.request("edit_history", message_id=ids[0])
    check("edit history of a message you cannot see -> not_found", code(r) == "not_found")

    r = await bob.request("delete", capture="delete", message_id=ids[1], scope="me")
    check("delete for me", ok(r))
    r = await bob.request("history", conversation_id=conv, limit=100)
    check("deleted-for-me hidden from own history", ok(r) and ids[1] not in [m["id"] for m in r["messages"]])
    r = await alice.request("history", conversation_id=conv, limit=100)
    check("...but not from the peer's", ok(r) and ids[1] in [m["id"] for m in r["messages"]])
    r = await bob.request("delete", message_id=ids[2], scope="everyone")
    check("delete for everyone of someone else's message -> forbidden", code(r) == "forbidden")
    r = await alice.request("delete", message_id=ids[2], scope="everyone")
    ev = await bob.wait_event("message_updated", lambda e: e["message"]["deleted"])
    check("delete for everyone leaves a tombstone on both sides", ok(r) and ev is not None
          and ev["message"]["content"] == "")
    r = await alice.request("edit", message_id=ids[2], content="resurrect")
    check("edit of a deleted message -> conflict", code(r) == "conflict")

    # --- search, and the history around a hit -----------------------------------------
    r = await bob.request("search", capture="search", query="EDIT")
    check("search finds by a word's start, any case, newest first",
          ok(r) and [m["id"] for m in r["messages"]] == [ids[0]] and r["has_more"] is False)
    check("a first search page counts its hits (total, total_exact)",
          ok(r) and r.get("total") == 1 and r.get("total_exact") is True)
    r = await bob.request("search", query="EDIT", before=ids[0] + 1)
    check("a later page (with before) does not count them again",
          ok(r) and "total" not in r and "total_exact" not in r)
    r = await bob.request("search", query="n1")
    check("search leaves out what the caller deleted for themselves", ok(r) and r["messages"] == [])
    r = await alice.request("search", query="n1", conversation_id=conv, sender_id=alice_id)
    check("...but the peer finds it (conversation and sender filters)",
          ok(r) and [m["id"] for m in r["messages"]] == [ids[1]])
    r = await alice.request("search", query="n2 ")
    check("search never finds a message deleted for everyone", ok(r) and r["messages"] == [])
    r = await carol.request("search", query="edited")
    check("search finds nothing in someone else's conversation", ok(r) and r["messages"] == [])
    r = await carol.request("search", query="edited", conversation_id=conv)
    check("search naming someone else's conversation -> not_found", code(r) == "not_found")
    r = await bob.request("search", query="*")
    check("search without a word -> bad_request on query",
          code(r) == "bad_request" and r.get("field") == "query")
    if r:
        examples.append(("search error", "server → client", r))
    r = await bob.request("search", query="x" * 201)
    check("search query over 200 characters -> too_large", code(r) == "too_large")
    r = await alice.request("history", capture="history around", conversation_id=conv,
                            around=ids[3], limit=3)
    got = [m["id"] for m in (r or {}).get("messages", [])]
    check("history around a message: it and its neighbours, newest first",
          ok(r) and got == [ids[4], ids[3], ids[2]] and r["has_more"] is True
          and r["has_newer"] is False, f"got {got}")
    r = await alice.request("history", conversation_id=conv, after=ids[2], limit=1)
    check("history after a message", ok(r) and [m["id"] for m in r["messages"]] == [ids[3]]
          and r["has_newer"] is True)
    every = await alice.request("history", conversation_id=conv, limit=100)
    oldest = [m["id"] for m in (every or {}).get("messages", [])][-2:]
    r = await alice.request("history", conversation_id=conv, after=0, limit=2)
    got = [m["id"] for m in (r or {}).get("messages", [])]
    check("history after 0: the oldest page, newest first",
          ok(r) and len(oldest) == 2 and got == oldest and r["has_more"] is False
          and r["has_newer"] is True, f"got {got}, oldest {oldest}")
    r = await bob.request("history", conversation_id=conv, around=ids[1])
    check("history around a message hidden for the caller -> not_found", code(r) == "not_found")

    # --- sync after reconnect -----------------------------------------------------------
    r = await bob.request("sync", since=0, limit=500)
    seen = r["rev"] if ok(r) else 0
    while ok(r) and r["has_more"]:
        r = await bob.request("sync", since=seen, limit=500)
        seen = r["rev"]
    token = bob.token
    await bob.close()
    gap = []
    for i in range(3):
        r = await alice.request("send", to=bob_id, client_id=str(uuid.uuid4()), content=f"gap {i}")
        gap.append(r["message"]["id"])
    bob = await Client.connected(url, "b2")
    await bob.request("auth", token=token)
    r = await bob.request("sync", capture="sync", since=seen)
    got = [m["id"] for m in (r or {}).get("messages", [])]
    check("sync returns exactly the gap, in order", ok(r) and got == gap, f"got {got} want {gap}")
    check("sync cursor moves forward", ok(r) and r["rev"] > seen)
    # The cursor is the sync reply's rev, never a live event's: a later sync from it repeats
    # what came live (applied idempotently) and moves past it.
    cursor = r["rev"] if ok(r) else seen
    live = await alice.request("send", to=bob_id, client_id=str(uuid.uuid4()), content="live")
    ev = await bob.wait_event("message", lambda e: e["message"]["id"] == live["message"]["id"])
    r = await bob.request("sync", since=cursor)
    got = [m["id"] for m in (r or {}).get("messages", [])]
    check("a sync from the cursor repeats what came live and moves past it",
          ok(r) and ev is not None and got == [live["message"]["id"]]
          and r["rev"] >= ev["message"]["rev"], f"got {got}")

    # --- presence: offline only when the last socket closes -------------------------------
    r = await carol.request("send", to=alice_id, client_id=str(uuid.uuid4()), content="hi alice")
    check("carol writes to alice", ok(r))
    await carol.wait_event("presence", lambda e: alice_id in [u["id"] for u in e["online"]])
    carol.events.clear()
    await alice2.close()
    check("no offline while another socket is open",
          await carol.no_event("presence", lambda e: alice_id in e["offline"], wait=0.6))
    await alice.close()
    ev = await carol.wait_event("presence", lambda e: alice_id in e["offline"])
    check("offline when the last socket closes", ev is not None)

    # --- bad input ------------------------------------------------------------------------
    bad = await Client.connected(url, "z")
    await bad.register("mallory")

    async def raw_error(text):
        bad.events.clear()
        await bad.raw(text)
        frame = await bad.wait_event("error")
        if frame is None:
            # errors that carry an id are replies
            for k in list(bad.replies):
                frame = bad.replies.pop(k)
        return frame

    e = await raw_error("{not json")
    check("malformed JSON -> bad_request, re null", code(e) == "bad_request" and e.get("re") is None)
    if e:
        examples.append(("error without id", "server → client", e))
    e = await raw_error("[1,2,3]")
    check("non-object -> bad_request", code(e) == "bad_request")
    e = await raw_error(json.dumps({"type": "fly", "id": "q1"}))
    check("unknown type -> unknown_type", code(e) == "unknown_type" and e.get("re") == "q1")
    e = await raw_error(json.dumps({"type": "ping"}))
    check("missing id -> bad_request", code(e) == "bad_request")
    r = await bad.request("history", conversation_id="7")
    check("wrong field type -> bad_request naming the field", code(r) == "bad_request" and r.get("field") == "conversation_id")
    r = await bad.request("send", to=bob_id, client_id=str(uuid.uuid4()), content="   ")
    check("empty content -> bad_request", code(r) == "bad_request")
    r = await bad.request("send", to=bob_id, client_id=str(uuid.uuid4()), content="a\u0001b")
    check("control characters -> bad_request", code(r) == "bad_request")
    r = await bad.request("send", to=bob_id, client_id=str(uuid.uuid4()), content="x" * 16385)
    check("content over 16 KiB -> too_large", code(r) == "too_large")
    # An oversize frame is not parsed, so its id is unknown: the error has "re": null.
    e = await raw_error(json.dumps({"type": "ping", "id": "big", "pad": "y" * 70000}))
    check("frame over 64 KiB -> too_large", code(e) == "too_large" and e.get("re") is None)
    r = await bad.request("ping")
    check("socket still works after an oversize frame", ok(r))
    e = await raw_error('{"type":"ping","id":"deep","x":' + "[" * 20 + "]" * 20 + "}")
    check("deep nesting -> bad_request", code(e) == "bad_request")
    await bad.ws.send(b"\x00\x01")
    e = await bad.wait_event("error") or await bad.wait_reply("", 1)
    check("binary frame -> bad_request", code(e) == "bad_request")

    wrong = await websockets.connect(base + "/v2")
    try:
        text = await asyncio.wait_for(wrong.recv(), TIMEOUT)
        frame = json.loads(text)
        await asyncio.wait_for(wrong.wait_closed(), TIMEOUT)
    except Exception:  # noqa: BLE001 - any failure is a failed check below
        frame = {}
    check("wrong path -> unsupported_version and close 4400",
          frame.get("code") == "unsupported_version" and wrong.close_code == 4400)

    # --- still serving ----------------------------------------------------------------------
    r = await bob.request("send", to=carol.user["id"], client_id=str(uuid.uuid4()), content="still here?")
    ev = await carol.wait_event("message")
    check("a well-behaved client still works after all that", ok(r) and ev is not None)

    r = await bob.request("ping", capture="ping")
    r = await bob.request("users", capture="users")
    check("users lists others with online flags", ok(r) and "carol" in [u["username"] for u in r["users"]]
          and "bob" not in [u["username"] for u in r["users"]])
    r = await bob.request("logout", capture="logout")
    r2 = await bob.request("conversations")
    check("logout makes the socket unauthenticated", ok(r) and code(r2) == "unauthorized")
    t = await Client.connected(url, "t2")
    r = await t.request("auth", token=token)
    check("a logged-out token is revoked", code(r) == "unauthorized")


def start_server(binary, db):
    proc = subprocess.Popen([binary, "--listen", "127.0.0.1:0", "--database", db, "--create",
                             "--password-cost", "min", "--log-level", "warning"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    match = re.search(r"natter-server listening on (ws://\S+/v1)", line)
    if not match:
        proc.kill()
        raise SystemExit(f"server did not start: {line!r} {proc.stderr.read()}")
    return proc, match.group(1)


def write_examples(path):
    with open(path, "w", encoding="utf-8") as out:
        for title, direction, frame in examples:
            out.write(f"### {title} ({direction})\n\n```json\n{json.dumps(frame, ensure_ascii=False)}\n```\n\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server-binary", required=True)
    parser.add_argument("--examples", help="write the captured frames here (for docs)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        proc, url = start_server(args.server_binary, os.path.join(tmp, "natter.db"))
        try:
            asyncio.get_event_loop().run_until_complete(asyncio.wait_for(scenario(url), 60))
        except Exception as exc:  # noqa: BLE001 - reported as a failure
            check("scenario ran to the end", False, repr(exc))
        proc.send_signal(signal.SIGTERM)
        try:
            rc = proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            rc = None
        check("SIGTERM exits 0", rc == 0, f"exit {rc}")
        # Groups on a server of their own: its sign-ups do not count against the first's.
        proc, url = start_server(args.server_binary, os.path.join(tmp, "groups.db"))
        try:
            asyncio.get_event_loop().run_until_complete(
                asyncio.wait_for(conformance_groups.groups(url, Client, check, examples), 60))
        except Exception as exc:  # noqa: BLE001 - reported as a failure
            check("group scenario ran to the end", False, repr(exc))
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        # Replies and reactions, on a server of their own as well.
        proc, url = start_server(args.server_binary, os.path.join(tmp, "reactions.db"))
        try:
            asyncio.get_event_loop().run_until_complete(asyncio.wait_for(
                conformance_reactions.replies_and_reactions(url, Client, check, examples), 60))
        except Exception as exc:  # noqa: BLE001 - reported as a failure
            check("reactions scenario ran to the end", False, repr(exc))
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
    if args.examples:
        write_examples(args.examples)
    print(f"{results['passed']} passed, {results['failed']} failed")
    sys.exit(1 if results["failed"] else 0)


if __name__ == "__main__":
    main()
