"""Replies and reactions in the protocol conformance test (docs/protocol.md, "Replies and
reactions"): send with reply_to and its quote in the reply, the event and history; react and
the reaction event in a 1:1 conversation and a group; reactions in sync; the errors (unknown
emoji, a message of another conversation, a stranger). Called by protocol_conformance.py,
which owns the Client, check() and the captured examples."""

import uuid

THUMBS = "\U0001F44D"
PARTY = "\U0001F389"


def _ok(reply):
    return reply is not None and reply.get("type") == "ok"


def _code(reply):
    return (reply or {}).get("code")


async def replies_and_reactions(url, Client, check, examples):
    clients = {}
    for name in ("kim", "lou", "max"):
        c = await Client.connected(url, name[0] + "r")
        await c.register(name)
        await c.wait_event("presence", lambda e: e["snapshot"])
        clients[name] = c
    kim, lou, max_ = clients["kim"], clients["lou"], clients["max"]

    r = await kim.request("send", to=lou.user["id"], client_id=str(uuid.uuid4()),
                          content="Is the printer on floor 2 working?")
    first = r["message"] if _ok(r) else {}
    cid = first.get("conversation_id", 0)
    await lou.wait_event("message")

    r = await lou.request("send", "send with reply_to", conversation_id=cid,
                          client_id=str(uuid.uuid4()), content="No, it is jammed again",
                          reply_to=first.get("id", 0))
    quote = (r or {}).get("message", {}).get("reply_to")
    check("send with reply_to: the reply's message quotes the original",
          _ok(r) and quote == {"id": first["id"], "sender_id": kim.user["id"],
                               "text": "Is the printer on floor 2 working?", "deleted": False})
    ev = await kim.wait_event("message", lambda e: "reply_to" in e["message"])
    check("the message event carries the quote", ev is not None and ev["message"]["reply_to"] == quote)
    if ev:
        examples.append(("message event of a reply", "server → client", ev))
    r = await kim.request("history", conversation_id=cid)
    check("history carries the quote",
          _ok(r) and r["messages"][0].get("reply_to") == quote
          and "reply_to" not in r["messages"][1])

    r = await max_.request("send", to=kim.user["id"], client_id=str(uuid.uuid4()), content="hi")
    elsewhere = r["message"]["id"] if _ok(r) else 0
    r = await lou.request("send", "send replying to a message of another conversation",
                          conversation_id=cid, client_id=str(uuid.uuid4()), content="x",
                          reply_to=elsewhere)
    check("reply_to of another conversation -> not_found, field reply_to",
          _code(r) == "not_found" and r.get("field") == "reply_to")

    r = await lou.request("react", "react", message_id=first.get("id", 0), emoji=THUMBS, on=True)
    check("react: the reply has the message's reactions",
          _ok(r) and r["reaction"]["reactions"] == {THUMBS: [lou.user["id"]]}
          and r["reaction"]["on"] is True)
    ev = await kim.wait_event("reaction")
    check("the other participant gets the reaction event",
          ev is not None and ev["reactions"] == {THUMBS: [lou.user["id"]]})
    if ev:
        examples.append(("reaction event", "server → client", ev))
    since = ev["rev"] - 1 if ev else 0
    r = await kim.request("sync", "sync with reactions", since=since)
    check("sync brings the message with its reactions",
          _ok(r) and any(m["id"] == first.get("id") and m.get("reactions")
                         == {THUMBS: [lou.user["id"]]} for m in r["messages"]))
    r = await lou.request("react", message_id=first.get("id", 0), emoji=THUMBS, on=False)
    check("react on: false clears it",
          _ok(r) and r["reaction"]["reactions"] == {} and await kim.wait_event("reaction") is not None)

    r = await lou.request("react", "react with an emoji outside the set",
                          message_id=first.get("id", 0), emoji="\U0001F4A9", on=True)
    check("unknown emoji -> bad_request, field emoji",
          _code(r) == "bad_request" and r.get("field") == "emoji")
    r = await max_.request("react", "react by a stranger", message_id=first.get("id", 0),
                           emoji=THUMBS, on=True)
    check("a stranger's react -> not_found", _code(r) == "not_found")

    # A group: every member hears it.
    r = await kim.request("create_group", name="Floor 2", members=[lou.user["id"], max_.user["id"]])
    gid = r["group"]["id"] if _ok(r) else 0
    r = await max_.request("send", conversation_id=gid, client_id=str(uuid.uuid4()),
                           content="cake in the kitchen")
    gm = r["message"]["id"] if _ok(r) else 0
    r = await lou.request("react", message_id=gm, emoji=PARTY, on=True)
    ev1 = await kim.wait_event("reaction", lambda e: e["conversation_id"] == gid)
    ev2 = await max_.wait_event("reaction", lambda e: e["conversation_id"] == gid)
    check("a reaction in a group reaches every member", _ok(r) and ev1 and ev2)
    for c in clients.values():
        await c.close()
