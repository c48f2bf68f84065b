#!/usr/bin/python3
"""Two people on the LAN find a running server by discovery and chat, without an address.

The check of an installed (or any running) natter-server: sends the documented discovery
query (docs/protocol.md, "Discovery") to the broadcast addresses and to loopback on UDP 7468,
takes the first answer, builds ws://SENDER:PORT/PATH from it exactly as the app does, and has
two new accounts exchange a message both ways through that address.

Usage: lan_chat.py [--port 7468] [--name EXPECTED_NAME] [--timeout SECONDS]
Exit status 0 when the chat worked; 1 with a message otherwise.
"""

import argparse
import asyncio
import json
import socket
import sys
import time
import uuid

import websockets


def discover(port, timeout, name=None):
    query = json.dumps({"natter": "discover", "v": 1}).encode().ljust(128, b" ")
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
    sock.bind(("0.0.0.0", 0))
    sock.settimeout(0.3)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for target in ("127.0.0.1", "255.255.255.255"):
            try:
                sock.sendto(query, (target, port))
            except OSError:
                pass  # no broadcast route: loopback still counts
        try:
            data, (host, _) = sock.recvfrom(512)
        except socket.timeout:
            continue
        answer = json.loads(data)
        # Other servers on the LAN may answer too: wait for the one asked for.
        if answer.get("natter") == "server" and name in (None, answer.get("name")):
            scheme = "wss" if answer.get("tls") else "ws"
            return answer, f"{scheme}://{host}:{answer['port']}{answer['path']}"
    return None, None


class Person:
    def __init__(self, url, name):
        self.url, self.name, self.n = url, name, 0

    async def __aenter__(self):
        self.ws = await websockets.connect(self.url, open_timeout=5)
        reply = await self.request("register", username=self.name, password="lan-chat-password")
        if reply.get("type") != "ok":
            raise RuntimeError(f"register {self.name}: {reply}")
        self.uid = reply["user"]["id"]
        return self

    async def __aexit__(self, *exc):
        await self.ws.close()

    async def request(self, type_, **fields):
        self.n += 1
        rid = f"{self.name}-{self.n}"
        await self.ws.send(json.dumps({"type": type_, "id": rid, **fields}))
        while True:
            frame = json.loads(await asyncio.wait_for(self.ws.recv(), 5))
            if frame.get("re") == rid:
                return frame

    async def message_event(self):
        while True:
            frame = json.loads(await asyncio.wait_for(self.ws.recv(), 5))
            if frame.get("type") == "message":
                return frame["message"]


async def chat(url):
    suffix = uuid.uuid4().hex[:6]
    async with Person(url, f"ann{suffix}") as ann, Person(url, f"ben{suffix}") as ben:
        for sender, recipient, text in ((ann, ben, "hello from ann"), (ben, ann, "hi ann")):
            reply = await sender.request("send", to=recipient.uid, content=text,
                                         client_id=str(uuid.uuid4()))
            if reply.get("type") != "ok":
                raise RuntimeError(f"send by {sender.name}: {reply}")
            got = await recipient.message_event()
            if got["content"] != text or got["sender_id"] != sender.uid:
                raise RuntimeError(f"{recipient.name} got {got}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=7468)
    parser.add_argument("--name")
    parser.add_argument("--timeout", type=float, default=10)
    args = parser.parse_args()
    answer, url = discover(args.port, args.timeout, args.name)
    if url is None:
        wanted = f" as {args.name!r}" if args.name else ""
        print(f"lan_chat: no server answered discovery{wanted} on UDP {args.port}",
              file=sys.stderr)
        return 1
    print(f"lan_chat: found {answer.get('name')!r} at {url}")
    try:
        asyncio.run(chat(url))
    except Exception as error:  # noqa: BLE001 - any failure is the check's failure
        print(f"lan_chat: chat through {url} failed: {error!r}", file=sys.stderr)
        return 1
    print("lan_chat: two accounts found the server and chatted both ways")
    return 0


if __name__ == "__main__":
    sys.exit(main())
