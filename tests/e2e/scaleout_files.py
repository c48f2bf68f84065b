#!/usr/bin/python3
"""Scale-out test for files: two natter-server instances on one PostgreSQL database and one
Redis, sharing one files folder ([files] directory, docs/scaling.md). A file moves between
them as it would behind a load balancer:

- alice (chat on A) uploads half a file through A's /v1/files, the connection is cut, and the
  upload resumes through B's from the offset A acknowledged, and is stored there;
- she sends it on A; bob (chat on B) gets the message through the bus;
- bob downloads it through A and through B: the same bytes, the announced SHA-256;
- carol, an outsider, is refused on both.

Needs NATTER_TEST_POSTGRES_URL and NATTER_TEST_REDIS_URL like scaleout.py (skipped, exit 77,
without them unless NATTER_REQUIRE_SCALEOUT is set).

Usage: scaleout_files.py --server-binary PATH
"""
import argparse
import asyncio
import hashlib
import os
import shutil
import sys
import tempfile
import uuid

from files_e2e import CHUNK, files_conn, user
from instance import Instance, drop_schema, fail, schema_database, skip
from scaleout import release_redis_database, take_redis_database


def need(ok, what):
    if not ok:
        fail(what)
    print(f"{what}: ok", flush=True)


async def scenario(a, b):
    alice, _, alice_token = await user(a.url, "alice")
    bob, bob_id, bob_token = await user(b.url, "bob")
    _, _, carol_token = await user(b.url, "carol")
    r = await alice.request("send", to=bob_id, client_id=str(uuid.uuid4()), content="hi")
    conv = r["message"]["conversation_id"]

    data = b"%PDF-1.4\n" + os.urandom(900 * 1024)
    digest = hashlib.sha256(data).hexdigest()
    up = await files_conn(a.url, alice_token)
    began = await up.request("file_begin", conversation_id=conv, name="minutes.pdf",
                             size=len(data), sha256=digest)
    need(began.get("type") == "ok", "file_begin on A")
    need(await up.send_range(data, 0, 2 * CHUNK), "two chunks acknowledged by A")
    await up.ws.close()

    up = await files_conn(b.url, alice_token)
    resumed = await up.request("file_begin", conversation_id=conv, name="minutes.pdf",
                               size=len(data), sha256=digest, upload_id=began["upload_id"])
    need(resumed.get("offset") == 2 * CHUNK, "B resumes the upload at A's offset")
    need(await up.send_range(data, 2 * CHUNK, len(data)), "the rest acknowledged by B")
    ended = await up.request("file_end", upload_id=began["upload_id"])
    stored = ended.get("file", {})
    need(stored.get("sha256") == digest and stored.get("size") == len(data),
         "B stores the file")
    await up.ws.close()

    r = await alice.request("send", conversation_id=conv, client_id=str(uuid.uuid4()),
                            content="the minutes", file_id=stored["id"])
    need(r.get("message", {}).get("file") == stored, "alice sends it on A")
    ev = await bob.wait(lambda e: e.get("type") == "message"
                        and e["message"].get("file", {}).get("id") == stored["id"])
    need(ev is not None, "bob, on B, gets the message with the file")

    for server in (a, b):
        down = await files_conn(server.url, bob_token)
        got = await down.request("file_get", file_id=stored["id"], offset=0)
        need(got.get("file") == stored and await down.closed() == 1000,
             f"bob's download through {server.name} ends normally")
        need(hashlib.sha256(bytes(down.binary)).hexdigest() == digest,
             f"bob's copy through {server.name} has the announced SHA-256")
        out = await files_conn(server.url, carol_token)
        r = await out.request("file_get", file_id=stored["id"])
        need(r.get("code") == "not_found", f"carol, an outsider, is refused by {server.name}")
        await out.ws.close()
    for c in (alice, bob):
        await c.ws.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server-binary", required=True)
    args = parser.parse_args()

    postgres = os.environ.get("NATTER_TEST_POSTGRES_URL", "")
    redis = os.environ.get("NATTER_TEST_REDIS_URL", "")
    if not postgres or not redis:
        return skip("NATTER_TEST_POSTGRES_URL and NATTER_TEST_REDIS_URL must be set: this "
                    "test needs a PostgreSQL and a Redis server (scripts/test.sh starts "
                    "throwaway ones and sets both).")

    schema = f"natter_scaleout_files_{os.getpid()}"
    database = schema_database(postgres, schema)
    base = "/".join(redis.rstrip("/").split("/")[:3])
    db = take_redis_database(base)
    redis_url = f"{base}/{db}"
    workdir = tempfile.mkdtemp(prefix="natter-scaleout-files-")
    # The files folder both instances serve from (with PostgreSQL, files are served only
    # when it is set).
    shared = f"\n[files]\ndirectory = {os.path.join(workdir, 'files')}\n"
    a = Instance("A", args.server_binary, database, redis_url, workdir, shared)
    b = Instance("B", args.server_binary, database, redis_url, workdir, shared)
    try:
        a.start()
        b.start()
        asyncio.run(asyncio.wait_for(scenario(a, b), 120))
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
    print("scale-out files: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
