#!/usr/bin/python3
"""Scale-out test for groups: one group whose members sit on two natter-server instances (one
PostgreSQL database, one Redis server). A group event crosses the bus as one envelope naming
the members (docs/scaling.md); this checks what the members see of it:

- the creation (system line and group_updated) reaches the members on the other instance;
- every member sends a burst: every other member, on either instance, gets every message
  exactly once (no loss, no double), and the sender's second socket on the other instance too;
- typing reaches the members on the other instance, not the typer;
- a member added on the other instance gets what follows; a member removed from the other
  instance gets the line that removes them and nothing more (messages, typing, renames);
- a rename (group_updated) crosses.

Needs NATTER_TEST_POSTGRES_URL and NATTER_TEST_REDIS_URL like scaleout.py (skipped, exit 77,
without them unless NATTER_REQUIRE_SCALEOUT is set).

Usage: scaleout_groups.py --server-binary PATH
"""
import argparse
import asyncio
import os
import shutil
import sys
import tempfile
import uuid

from instance import Instance, drop_schema, fail, schema_database, skip
from scaleout import Client, release_redis_database, take_redis_database

BURST = 15           # messages each member sends at once
QUIET = 1.0          # seconds in which a removed member must hear nothing


def line(kind):
    return lambda e: (e["type"] == "message"
                      and (e["message"].get("system") or {}).get("kind") == kind)


def from_group(client, gid):
    return [m for m in client.received.values() if m["conversation_id"] == gid]


async def burst(sender, gid, tag):
    """BURST sends in flight at once; the ids the server gave them."""
    replies = await asyncio.gather(*[
        sender.ok("send", conversation_id=gid, client_id=str(uuid.uuid4()),
                  content=f"{tag} {sender.name} #{n}") for n in range(BURST)])
    return {r["message"]["id"] for r in replies}


async def expect_exactly(client, gid, ids, what):
    await client.wait_for(lambda: ids <= set(client.received), what)
    got = [e["message"]["id"] for e in client.events
           if e["type"] == "message" and e["message"]["id"] in ids]
    if len(got) != len(set(got)):
        fail(f"{client.name}: {what}: a message arrived twice")


async def scenario(a, b):
    alice, carol = Client("alice"), Client("carol")   # on A
    bob, dave, erin = Client("bob"), Client("dave"), Client("erin")   # on B
    for client, server in ((alice, a), (carol, a), (bob, b), (dave, b), (erin, b)):
        await client.register(server.url)

    created = (await alice.ok("create_group", name="Across",
                              members=[bob.uid, carol.uid, dave.uid]))["group"]
    gid = created["id"]
    for member in (bob, carol, dave):
        await member.wait_event("the group_created line", line("group_created"))
        await member.wait_event("group_updated", lambda e: e["type"] == "group_updated"
                                and e["group"]["id"] == gid)
    if any(e["type"] == "group_updated" for e in erin.events):
        fail("erin, no member, heard of the group")
    print("group creation across instances: ok")

    # Alice also has a socket on B: what she sends from A reaches it.
    alice_b = Client("alice")
    alice_b.uid, alice_b.token = alice.uid, alice.token
    await alice_b.resume(b.url)

    members = [alice, bob, carol, dave]
    sent = {}
    results = await asyncio.gather(*[burst(m, gid, "first") for m in members])
    for member, ids in zip(members, results):
        sent[member.name] = ids
    for member in members:
        others = set().union(*[ids for name, ids in sent.items() if name != member.name])
        await expect_exactly(member, gid, others, "every other member's burst")
    await alice_b.wait_for(lambda: sent["alice"] <= {e["message"]["id"] for e in alice_b.events
                                                     if e["type"] == "message"},
                           "alice's own burst on her socket on B")
    print(f"{BURST * len(members)} group messages from both instances, each member got "
          "every other's exactly once: ok")

    await bob.ok("typing", conversation_id=gid, active=True)
    for member in (alice, carol, dave):
        await member.wait_event("bob typing", lambda e: e["type"] == "typing"
                                and e["user_id"] == bob.uid and e["active"])
    if any(e["type"] == "typing" and e["user_id"] == bob.uid for e in bob.events):
        fail("bob was told of his own typing")
    print("group typing across instances: ok")

    # Add erin (B) from A: she gets the line and what follows.
    await alice.ok("add_members", conversation_id=gid, members=[erin.uid])
    await erin.wait_event("the members_added line", line("members_added"))
    await erin.wait_event("group_updated", lambda e: e["type"] == "group_updated")
    after_add = await burst(carol, gid, "after add")
    await expect_exactly(erin, gid, after_add, "carol's messages after erin was added")
    print("a member added from the other instance gets what follows: ok")

    # Remove dave (B) from A: he gets the line, then nothing more.
    await alice.ok("remove_member", conversation_id=gid, user_id=dave.uid)
    await dave.wait_event("the member_removed line", line("member_removed"))
    heard = len(dave.events)
    last = await burst(carol, gid, "after remove")
    await alice.ok("typing", conversation_id=gid, active=True)
    await alice.ok("rename_group", conversation_id=gid, name="Across, renamed")
    for member in (bob, erin):
        await expect_exactly(member, gid, last, "carol's messages after dave was removed")
        await member.wait_event("the rename", lambda e: e["type"] == "group_updated"
                                and e["group"]["name"] == "Across, renamed")
        await member.wait_event("alice typing", lambda e: e["type"] == "typing"
                                and e["user_id"] == alice.uid)
    await asyncio.sleep(QUIET)
    late = [e for e in dave.events[heard:] if e["type"] != "presence"]
    if late:
        fail(f"dave, removed, still got {late[:3]}")
    print("a member removed from the other instance gets nothing more: ok")

    for client in (alice, alice_b, bob, carol, dave, erin):
        await client.close()


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

    schema = f"natter_scaleout_groups_{os.getpid()}"
    database = schema_database(postgres, schema)
    base = "/".join(redis.rstrip("/").split("/")[:3])
    db = take_redis_database(base)
    redis_url = f"{base}/{db}"
    workdir = tempfile.mkdtemp(prefix="natter-scaleout-groups-")
    a = Instance("A", args.server_binary, database, redis_url, workdir, "")
    b = Instance("B", args.server_binary, database, redis_url, workdir, "")
    try:
        a.start()
        b.start()
        asyncio.get_event_loop().run_until_complete(asyncio.wait_for(scenario(a, b), 120))
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
    print("scale-out groups: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
