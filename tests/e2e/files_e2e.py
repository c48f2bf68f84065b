"""Files end to end against the real binary (docs/protocol.md "Files"): alice uploads a file
on /v1/files in chunks with the ack window, the connection is cut halfway and the upload
resumes from the acknowledged offset, she sends it to bob on the chat socket, bob downloads
it (whole and from an offset) and checks its SHA-256, and carol, an outsider, is refused.
--examples FILE writes the frames seen, for the "Files" section of docs/protocol.md."""
import argparse
import asyncio
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import uuid

import websockets

CHUNK = 256 * 1024
results = {"passed": 0, "failed": 0}
examples = []


def check(name, ok, detail=""):
    print(("PASS " if ok else "FAIL ") + name + ("" if ok or not detail else f": {detail}"),
          flush=True)
    results["passed" if ok else "failed"] += 1
    return ok


def example(title, frame):
    if not any(t == title for t, _ in examples):
        examples.append((title, frame))


class Conn:
    """One WebSocket: requests matched by id, other text frames queued, binary collected."""

    def __init__(self, ws):
        self.ws, self.req, self.frames, self.binary = ws, 0, [], bytearray()
        self.progress = 0
        self.reader = asyncio.ensure_future(self.read())

    @classmethod
    async def open(cls, url):
        return cls(await websockets.connect(url, max_size=2 ** 22, open_timeout=5))

    async def read(self):
        try:
            async for data in self.ws:
                if isinstance(data, bytes):
                    self.binary += data
                    continue
                frame = json.loads(data)
                if frame.get("type") == "file_progress":
                    self.progress = frame["offset"]
                    example("file_progress", frame)
                self.frames.append(frame)
        except websockets.ConnectionClosed:
            pass

    async def request(self, type_, title=None, **fields):
        self.req += 1
        rid = str(self.req)
        frame = {"type": type_, "id": rid, **fields}
        if title:
            example(title + " (request)", frame)
        await self.ws.send(json.dumps(frame))
        reply = await self.wait(lambda f: f.get("re") == rid)
        if title and reply:
            example(title + " (reply)", reply)
        return reply

    async def wait(self, match, timeout=10):
        for _ in range(int(timeout / 0.01)):
            for f in self.frames:
                if match(f):
                    self.frames.remove(f)
                    return f
            if self.reader.done():
                return None
            await asyncio.sleep(0.01)
        return None

    async def send_range(self, data, start, end, window=4):
        sent = start
        self.progress = start
        while sent < end:
            while sent - self.progress >= window * CHUNK:
                if self.reader.done():
                    return False
                await asyncio.sleep(0.005)
            await self.ws.send(data[sent:min(sent + CHUNK, end)])
            sent = min(sent + CHUNK, end)
        for _ in range(1000):
            if self.progress == end:
                return True
            await asyncio.sleep(0.01)
        return False

    async def closed(self, timeout=10):
        try:
            await asyncio.wait_for(self.reader, timeout)
        except asyncio.TimeoutError:
            return None
        return self.ws.close_code


async def user(url, name):
    c = await Conn.open(url)
    r = await c.request("register", username=name, password="e2e-files-pw")
    return c, r["user"]["id"], r["token"]


async def files_conn(url, token):
    c = await Conn.open(url + "/files")
    r = await c.request("auth", "auth on /v1/files", token=token)
    return c if r and r.get("type") == "ok" else None


async def run(url):
    alice, alice_id, alice_token = await user(url, "alice")
    bob, bob_id, bob_token = await user(url, "bob")
    carol, _, carol_token = await user(url, "carol")
    r = await alice.request("send", to=bob_id, client_id=str(uuid.uuid4()), content="hi")
    conv = r["message"]["conversation_id"]

    # A PNG signature, then 700 KiB: three chunks, the last one short.
    data = bytes.fromhex("89504e470d0a1a0a0000000d49484452") + os.urandom(700 * 1024)
    digest = hashlib.sha256(data).hexdigest()

    up = await files_conn(url, alice_token)
    check("alice signs in on /v1/files with her session token", up is not None)
    began = await up.request("file_begin", "file_begin", conversation_id=conv,
                             name="holiday.png", size=len(data), sha256=digest)
    check("file_begin answers upload_id, offset 0, chunk_bytes and window_chunks",
          began.get("type") == "ok" and began["offset"] == 0 and began["chunk_bytes"] == CHUNK
          and began["window_chunks"] == 4)
    upload_id = began["upload_id"]
    check("two chunks are acknowledged", await up.send_range(data, 0, 2 * CHUNK))
    r = await up.request("file_end", "file_end before the last byte", upload_id=upload_id)
    check("file_end before the last byte: bad_request, still resumable",
          r.get("code") == "bad_request")
    await up.ws.close()  # the connection is cut

    up = await files_conn(url, alice_token)
    resumed = await up.request("file_begin", "file_begin to resume", conversation_id=conv,
                               name="holiday.png", size=len(data), sha256=digest,
                               upload_id=upload_id)
    check("the resume answers the acknowledged offset",
          resumed.get("offset") == 2 * CHUNK, json.dumps(resumed))
    check("the rest is acknowledged", await up.send_range(data, 2 * CHUNK, len(data)))
    ended = await up.request("file_end", "file_end", upload_id=upload_id)
    f = ended.get("file", {})
    check("file_end stores the file: size, sha256, mime sniffed from the bytes",
          f.get("size") == len(data) and f.get("sha256") == digest
          and f.get("mime") == "image/png", json.dumps(ended))
    await up.ws.close()

    # A wrong hash, for its example.
    bad = await files_conn(url, alice_token)
    b = await bad.request("file_begin", conversation_id=conv, name="x.txt", size=5,
                          sha256=hashlib.sha256(b"other").hexdigest())
    await bad.send_range(b"hello", 0, 5)
    r = await bad.request("file_end", "file_end with a wrong hash", upload_id=b["upload_id"])
    check("a wrong hash: hash_mismatch", r.get("code") == "hash_mismatch")
    r = await bad.request("file_begin", "file_begin over max-file-bytes", conversation_id=conv,
                          name="huge.iso", size=1 << 40, sha256=digest)
    check("over max-file-bytes: too_large before any byte", r.get("code") == "too_large")
    r = await bad.request("file_begin", "file_begin with a path as name", conversation_id=conv,
                          name="../../etc/passwd", size=5, sha256=digest)
    check("a name with ../: bad_request", r.get("code") == "bad_request"
          and r.get("field") == "name")
    await bad.ws.close()

    r = await alice.request("send", "send with file_id", conversation_id=conv,
                            client_id=str(uuid.uuid4()), content="", file_id=f["id"])
    check("alice sends the file; the message carries it", r.get("message", {}).get("file") == f)
    ev = await bob.wait(lambda e: e.get("type") == "message"
                        and e["message"].get("file", {}).get("id") == f["id"])
    check("bob gets the message with the file object", ev is not None)
    if ev:
        example("message event with a file", ev)

    down = await files_conn(url, bob_token)
    got = await down.request("file_get", "file_get", file_id=f["id"], offset=0)
    check("file_get answers the file", got.get("file") == f)
    code = await down.closed()
    check("the download ends with a normal close (1000)", code == 1000, str(code))
    check("bob's copy has the announced SHA-256",
          hashlib.sha256(bytes(down.binary)).hexdigest() == digest)

    part = await files_conn(url, bob_token)
    await part.request("file_get", "file_get from an offset", file_id=f["id"], offset=500000)
    await part.closed()
    check("a download resumes from an offset", bytes(part.binary) == data[500000:])

    out = await files_conn(url, carol_token)
    r = await out.request("file_get", "file_get by an outsider", file_id=f["id"])
    check("carol, an outsider, gets not_found", r.get("code") == "not_found")
    r = await carol.request("send", "send with someone else's file_id", to=alice_id,
                            client_id=str(uuid.uuid4()), content="mine now", file_id=f["id"])
    check("someone else's file_id on send: not_found", r.get("code") == "not_found"
          and r.get("field") == "file_id")

    bad_token = await Conn.open(url + "/files")
    r = await bad_token.request("auth", "auth with a bad token on /v1/files", token="nope")
    check("a bad token: unauthorized, closed with 4401",
          r.get("code") == "unauthorized" and await bad_token.closed() == 4401)
    for c in (alice, bob, carol, out):
        await c.ws.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server-binary", required=True)
    parser.add_argument("--examples", help="write the frames seen to this file (JSON lines)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        log = open(os.path.join(tmp, "server.log"), "wb")
        proc = subprocess.Popen(
            [args.server_binary, "--listen", "127.0.0.1:0", "--database",
             os.path.join(tmp, "natter.db"), "--create", "--password-cost", "min",
             "--no-discovery"], stdout=subprocess.PIPE, stderr=log, text=True)
        try:
            match = re.search(r"ws://[^/\s]+:(\d+)/v1", proc.stdout.readline())
            if not match:
                check("the server starts", False)
            else:
                asyncio.run(asyncio.wait_for(run(f"ws://127.0.0.1:{match.group(1)}/v1"), 120))
            check("the server is still running", proc.poll() is None)
        finally:
            proc.terminate()
            proc.wait(30)
            log.close()
        if results["failed"]:
            with open(os.path.join(tmp, "server.log"), errors="replace") as f:
                print(f.read()[-5000:], file=sys.stderr)
    if args.examples:
        with open(args.examples, "w") as out:
            for title, frame in examples:
                out.write(json.dumps({"title": title, "frame": frame}) + "\n")
    print(f"{results['passed']} passed, {results['failed']} failed")
    sys.exit(1 if results["failed"] else 0)


if __name__ == "__main__":
    main()
