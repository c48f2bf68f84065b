"""Group conversations in the protocol conformance test (docs/protocol.md, "Groups"):
create, message, typing, read, rename, add, set_role, remove, leave, group_members, with the
errors of an outsider and of a plain member. Called by protocol_conformance.py, which owns
the Client, check() and the captured examples."""

import uuid


def _ok(reply):
    return reply is not None and reply.get("type") == "ok"


def _code(reply):
    return (reply or {}).get("code")


def _line(kind):
    return lambda e: (e.get("message", {}).get("system") or {}).get("kind") == kind


async def groups(url, Client, check, examples):
    clients = {}
    for name in ("gina", "hal", "ivy", "jon"):
        c = await Client.connected(url, name[0] + "g")
        await c.register(name)
        await c.wait_event("presence", lambda e: e["snapshot"])
        clients[name] = c
    gina, hal, ivy, jon = clients["gina"], clients["hal"], clients["ivy"], clients["jon"]
    hal_id, ivy_id, jon_id = hal.user["id"], ivy.user["id"], jon.user["id"]

    r = await gina.request("create_group", "create_group", name="Lunch", members=[hal_id, ivy_id])
    check("create_group returns the group with its creator as admin",
          _ok(r) and r["group"]["name"] == "Lunch" and len(r["group"]["members"]) == 3
          and {"user_id": gina.user["id"], "role": "admin"} in r["group"]["members"])
    gid = r["group"]["id"] if _ok(r) else 0
    ev = await hal.wait_event("message", _line("group_created"))
    check("members get the group_created system line", ev is not None
          and ev["message"]["sender_id"] == gina.user["id"])
    if ev:
        examples.append(("system line (message event)", "server → client", ev))
    ev = await ivy.wait_event("group_updated")
    check("members get group_updated", ev is not None and ev["group"]["id"] == gid)
    if ev:
        examples.append(("group_updated event", "server → client", ev))
    check("an outsider hears nothing", await jon.no_event("message", wait=0.3))

    r = await hal.request("conversations", "conversations with a group")
    convs = (r or {}).get("conversations", [])
    check("conversations lists the group with kind, name, member_count, role",
          any(c["id"] == gid and c["kind"] == "group" and c["name"] == "Lunch"
              and c["member_count"] == 3 and c["role"] == "member" for c in convs))

    r = await hal.request("send", "send in a group", conversation_id=gid,
                          client_id=str(uuid.uuid4()), content="noon?")
    ev1 = await gina.wait_event("message", lambda e: e["message"]["content"] == "noon?")
    ev2 = await ivy.wait_event("message", lambda e: e["message"]["content"] == "noon?")
    check("a group message reaches every member", _ok(r) and ev1 and ev2)
    mid = r["message"]["id"] if _ok(r) else 0

    await ivy.request("typing", conversation_id=gid, active=True)
    check("typing reaches the members",
          await gina.wait_event("typing", lambda e: e["user_id"] == ivy_id) is not None
          and await jon.no_event("typing", wait=0.2))
    r = await ivy.request("read", conversation_id=gid, up_to=mid)
    ev = await hal.wait_event("receipt", lambda e: e["user_id"] == ivy_id)
    check("a read receipt reaches the other members", _ok(r) and ev is not None)

    r = await gina.request("group_members", "group_members", conversation_id=gid)
    check("group_members lists roles and read positions",
          _ok(r) and len(r["members"]) == 3
          and any(m["user"]["id"] == ivy_id and m["read_up_to"] == mid for m in r["members"]))

    # Authorization: an outsider sees no group; a plain member may not manage it.
    r = await jon.request("group_members", "group request by an outsider", conversation_id=gid)
    check("outsider -> not_found", _code(r) == "not_found")
    r = await hal.request("rename_group", "rename_group by a plain member",
                          conversation_id=gid, name="Mine")
    check("plain member renaming -> forbidden", _code(r) == "forbidden")
    r = await jon.request("send", conversation_id=gid, client_id=str(uuid.uuid4()), content="hi")
    check("outsider sending -> not_found", _code(r) == "not_found")

    r = await gina.request("rename_group", "rename_group", conversation_id=gid, name="Lunch club")
    check("rename_group", _ok(r) and r["group"]["name"] == "Lunch club")
    r = await gina.request("add_members", "add_members", conversation_id=gid, members=[jon_id])
    ev = await jon.wait_event("message", _line("members_added"))
    check("add_members: the new member gets the line", _ok(r) and ev is not None)
    r = await jon.request("history", conversation_id=gid)
    check("a member added later sees from the line that added them",
          _ok(r) and [m["id"] for m in r["messages"]] == [ev["message"]["id"]] if ev else False)
    r = await gina.request("set_role", "set_role", conversation_id=gid, user_id=hal_id, role="admin")
    check("set_role", _ok(r) and {"user_id": hal_id, "role": "admin"} in r["group"]["members"])
    r = await hal.request("remove_member", "remove_member", conversation_id=gid, user_id=ivy_id)
    ev = await ivy.wait_event("message", _line("member_removed"))
    check("remove_member: the removed member gets the line", _ok(r) and ev is not None)
    r = await ivy.request("history", conversation_id=gid)
    check("a removed member can no longer read", _code(r) == "not_found")
    r = await jon.request("leave_group", "leave_group", conversation_id=gid)
    ev = await gina.wait_event("message", _line("member_left"))
    check("leave_group", _ok(r) and ev is not None)
    for c in clients.values():
        await c.close()
