#!/usr/bin/python3
"""Abuse test against the real natter-server: one connection throws a few thousand random
and mutated frames (and floods) while a well-behaved pair keeps chatting. The server must
answer garbage with typed errors, rate-limit the flooder, keep serving the others with normal
latency, and stay up.

Usage: hostile_frames.py --server-binary PATH [--seed N]
"""
import argparse
import asyncio
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

import websockets

VALID = [
    {"type": "send", "to": 2, "client_id": "6f1d2c3e-8a47-4d0b-9a3e-2b7c5d9e1f00", "content": "hi"},
    {"type": "history", "conversation_id": 1, "before": 40, "limit": 3},
    {"type": "typing", "conversation_id": 1, "active": True},
    {"type": "read", "conversation_id": 1, "up_to": 8},
    {"type": "edit", "message_id": 3, "content": "x"},
    {"type": "delete", "message_id": 4, "scope": "everyone"},
    {"type": "sync", "since": 0},
    {"type": "users", "query": "a"},
]
CODES = {"bad_request", "unknown_type", "unauthorized", "forbidden", "not_found", "conflict",
         "too_large", "rate_limited", "internal", "unavailable"}


def mutate(rng, text):
    data = bytearray(text.encode())
    for _ in range(rng.randint(1, 6)):
        op = rng.random()
        pos = rng.randrange(len(data) + 1)
        if op < 0.3 and data:
            del data[pos % len(data)]
        elif op < 0.6:
            data.insert(pos, rng.choice(b'{}[]":,\\0123456789abcnulltrue -'))
        elif data:
            data[pos % len(data)] = rng.randrange(32, 127)
    return data.decode("utf-8", "replace")


def garbage(rng, n):
    kind = rng.random()
    if kind < 0.5:
        frame = dict(rng.choice(VALID), id=f"g{n}")
        return mutate(rng, json.dumps(frame))
    if kind < 0.7:
        frame = dict(rng.choice(VALID), id=f"g{n}")
        key = rng.choice(list(frame))
        frame[key] = rng.choice([None, -1, 2**60, 1.5, "x", [], {}, True, "\u0000", "😀" * 50])
        return json.dumps(frame)
    if kind < 0.85:
        return "".join(chr(rng.randrange(1, 0x2FF)) for _ in range(rng.randrange(1, 200)))
    if kind < 0.95:
        depth = rng.randrange(5, 40)
        return '{"type":"ping","id":"d%d","x":%s%s}' % (n, "[" * depth, "]" * depth)
    return json.dumps({"type": "ping", "id": f"big{n}", "pad": "y" * rng.randrange(60000, 90000)})


async def main_async(url, rng):
    results = {"passed": 0, "failed": 0}

    def check(name, ok, detail=""):
        print(("PASS " if ok else "FAIL ") + name + ("" if ok else f" {detail}"))
        results["passed" if ok else "failed"] += 1

    async def open_user(name):
        ws = await websockets.connect(url, max_size=2**22)
        await ws.send(json.dumps({"type": "register", "id": "r", "username": name,
                                  "password": "hostile-pass"}))
        while True:
            frame = json.loads(await ws.recv())
            if frame.get("re") == "r":
                return ws, frame["user"]["id"]

    alice, _ = await open_user("alice")
    bob, bob_id = await open_user("bob")
    mallory, _ = await open_user("mallory")

    errors, codes, sent = [0], {}, [0]

    async def read_mallory():
        try:
            async for text in mallory:
                frame = json.loads(text)
                if frame.get("type") == "error":
                    errors[0] += 1
                    codes[frame.get("code")] = codes.get(frame.get("code"), 0) + 1
        except websockets.ConnectionClosed:
            pass

    async def attack():
        for n in range(3000):
            try:
                await mallory.send(garbage(rng, n))
                sent[0] += 1
            except websockets.ConnectionClosed:
                return
            if n % 50 == 0:
                await asyncio.sleep(0)

    latencies = []

    async def chat():
        pending = {}
        async def reader():
            async for text in bob:
                frame = json.loads(text)
                if frame.get("type") == "message":
                    start = pending.pop(frame["message"]["client_id"], None)
                    if start is not None:
                        latencies.append((time.monotonic() - start) * 1000)
        task = asyncio.ensure_future(reader())
        for i in range(40):
            cid = str(uuid.uuid4())
            pending[cid] = time.monotonic()
            await alice.send(json.dumps({"type": "send", "id": f"c{i}", "to": bob_id,
                                         "client_id": cid, "content": f"hello {i}"}))
            await asyncio.sleep(0.05)
        await asyncio.sleep(1.0)
        task.cancel()

    reader_task = asyncio.ensure_future(read_mallory())
    await asyncio.gather(attack(), chat())
    await asyncio.sleep(1.0)
    reader_task.cancel()

    check(f"{sent[0]} hostile frames sent, {errors[0]} typed errors back",
          sent[0] >= 1000 and errors[0] > 0)
    check("every error code is one of the documented ones", set(codes) <= CODES, str(codes))
    check("the flood was rate limited", codes.get("rate_limited", 0) > 0, str(codes))
    p50 = statistics.median(latencies) if latencies else float("inf")
    check(f"the others' 40 messages all arrived (p50 {p50:.1f} ms, max "
          f"{max(latencies or [0]):.1f} ms)", len(latencies) == 40 and p50 < 200,
          f"{len(latencies)} arrived")
    # Still serving: a brand new user can register and chat.
    carol, _ = await open_user("carol")
    await carol.send(json.dumps({"type": "ping", "id": "p"}))
    frame = json.loads(await asyncio.wait_for(carol.recv(), 5))
    while frame.get("re") != "p":
        frame = json.loads(await asyncio.wait_for(carol.recv(), 5))
    check("the server still serves a new client", frame.get("type") == "ok")
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server-binary", required=True)
    parser.add_argument("--seed", type=int, default=int.from_bytes(os.urandom(4), "little"))
    args = parser.parse_args()
    print(f"seed {args.seed}")
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        proc = subprocess.Popen([args.server_binary, "--listen", "127.0.0.1:0", "--database",
                                 os.path.join(tmp, "natter.db"), "--create",
                                 "--password-cost", "min",
                                 "--log-level", "error"], stdout=subprocess.PIPE, text=True)
        match = re.search(r"(ws://\S+/v1)", proc.stdout.readline())
        if not match:
            print("0 passed, 1 failed")
            sys.exit(1)
        try:
            results = asyncio.run(asyncio.wait_for(main_async(match.group(1), rng), 90))
        except Exception as exc:  # noqa: BLE001 - reported as a failure
            print(f"FAIL scenario: {exc!r}")
            results = {"passed": 0, "failed": 1}
        alive = proc.poll() is None
        print(("PASS" if alive else "FAIL") + " the server process is still running")
        results["passed" if alive else "failed"] += 1
        proc.terminate()
        proc.wait(10)
    print(f"{results['passed']} passed, {results['failed']} failed")
    sys.exit(1 if results["failed"] else 0)


if __name__ == "__main__":
    main()
