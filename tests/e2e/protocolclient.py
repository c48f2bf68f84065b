"""What the e2e clients share: one WebSocket connection at a time to a natter-server, requests
with ids whose replies resolve futures, events handed to `apply`, sync paging from the sync
cursor and the reconnect docs/protocol.md asks for when the server closes the socket."""
import asyncio
import json

import websockets

from instance import fail

# What a failed connect, auth or sync raises; the reconnect tries again on these.
CONNECTION_ERRORS = (OSError, ConnectionError, websockets.WebSocketException,
                     asyncio.TimeoutError)


class ProtocolClient:
    """Replies (frames with "re") resolve the request that sent their id; events go to
    `apply`. The sync cursor moves only with `sync` replies: live events never move it (their
    revisions are not contiguous). Subclasses set `password`, `timeout` and
    `reconnect_attempts` and override the hooks `opened`, `apply`, `unanswered`, `closed`,
    `refused`, `reconnect_delay` and `context`."""

    password = "e2e-test-pw"
    timeout = 10.0             # seconds for any one reply or awaited condition
    reconnect_attempts = 50

    def __init__(self, name, home=None):
        self.name = name
        self.home = home           # reconnect to this instance when the server closes us
        self.uid = self.token = None
        self.ws = None
        self.reader = None
        self.req = 0
        self.pending = {}          # request id -> future, of the current connection
        self.cursor = 0            # the sync cursor: moved only by sync replies
        self.received = {}         # message id -> message from others (events and sync)
        self.changed = asyncio.Condition()
        self.closing = False
        self.reconnecting = False
        self.reconnects = 0

    # --- the connection ----------------------------------------------------------------
    async def open(self, url):
        self.ws = await websockets.connect(url, open_timeout=5, close_timeout=1,
                                           max_size=2 ** 22)
        self.pending = {}  # each connection fails its own requests when it drops
        self.opened()
        self.reader = asyncio.ensure_future(self.read(self.ws, self.pending))

    async def read(self, ws, pending):
        try:
            async for text in ws:
                frame = json.loads(text)
                if frame.get("re") is not None:
                    future = pending.pop(frame["re"], None)
                    if future and not future.done():
                        future.set_result(frame)
                    else:
                        self.unanswered(frame)
                else:
                    self.apply(frame)
                await self.notify()
        except websockets.ConnectionClosed:
            pass
        finally:
            for future in pending.values():
                if not future.done():
                    future.set_exception(ConnectionError(f"{self.name}: connection lost"))
                    future.exception()  # nobody may be waiting any more (a timeout)
            pending.clear()
            await self.notify()
            if ws is self.ws:  # not one this client closed or gave up on itself
                self.closed(ws)
                if self.home is not None and not self.closing and not self.reconnecting:
                    asyncio.ensure_future(self.come_back())

    async def notify(self):
        async with self.changed:
            self.changed.notify_all()

    async def close(self):
        self.closing = True
        if self.ws is not None:
            await self.ws.close()
            await self.reader
            self.ws = None

    def drop(self):
        """What a killed server leaves: the socket gone, no close handshake."""
        if self.ws is not None and self.ws.transport is not None:
            self.ws.transport.abort()
        self.ws = None

    # --- hooks -------------------------------------------------------------------------
    def opened(self):
        """A new connection is up; its reader has not read anything yet."""

    def apply(self, frame):
        """An event (a frame without "re")."""
        if frame.get("type") in ("message", "message_updated"):
            self.take(frame["message"])

    def unanswered(self, frame):
        """A reply no request waits for (any more)."""

    def closed(self, ws):
        """The current connection ended (ws.close_code says how)."""

    def refused(self, type_, fields, reply):
        """`ok` got something other than "ok"."""
        fail(f"{self.name}: {type_} {fields} answered {reply}")

    def take(self, message):
        if message["sender_id"] != self.uid:
            self.received[message["id"]] = message

    # --- requests ------------------------------------------------------------------------
    async def request(self, type_, **fields):
        if self.ws is None:
            raise ConnectionError(f"{self.name}: not connected")
        self.req += 1
        rid = f"{self.name}-{self.req}"
        future = asyncio.get_event_loop().create_future()
        self.pending[rid] = future
        await self.ws.send(json.dumps({"type": type_, "id": rid, **fields}))
        return await asyncio.wait_for(future, self.timeout)

    async def ok(self, type_, **fields):
        reply = await self.request(type_, **fields)
        if reply.get("type") != "ok":
            self.refused(type_, fields, reply)
        return reply

    async def register(self, url):
        await self.open(url)
        r = await self.ok("register", username=self.name, password=self.password)
        self.uid, self.token = r["user"]["id"], r["token"]

    async def sync(self):
        """Everything after the cursor, page by page; the cursor moves to each reply's rev."""
        while True:
            r = await self.ok("sync", since=self.cursor, limit=500)
            for m in r["messages"]:
                self.take(m)
            self.cursor = max(self.cursor, r["rev"])
            if not r["has_more"]:
                return

    async def resume(self, url):
        """Reconnect (to any instance), authenticate with the token, sync from the cursor."""
        await self.open(url)
        await self.ok("auth", token=self.token)
        await self.sync()

    def reconnect_delay(self, attempt):
        """Seconds before reconnect attempt `attempt` (from 0)."""
        return 0 if attempt == 0 else 0.2

    async def come_back(self):
        """What the protocol asks of a client the server closed: reconnect, auth, sync."""
        self.reconnects += 1
        self.reconnecting = True
        try:
            for attempt in range(self.reconnect_attempts):
                await asyncio.sleep(self.reconnect_delay(attempt))
                try:
                    await self.resume(self.home.url)
                    return
                except CONNECTION_ERRORS:
                    if self.ws is not None:
                        await self.ws.close()
            fail(f"{self.name} could not reconnect to instance {self.home.name}")
        finally:
            self.reconnecting = False

    # --- waiting -------------------------------------------------------------------------
    def context(self):
        """What a failed wait_for adds to its message."""
        return ""

    async def wait_for(self, predicate, what, timeout=None):
        timeout = self.timeout if timeout is None else timeout
        deadline = asyncio.get_event_loop().time() + timeout
        async with self.changed:
            while not predicate():
                left = deadline - asyncio.get_event_loop().time()
                if left <= 0:
                    fail(f"{self.name}: no {what} within {timeout} s{self.context()}")
                try:
                    await asyncio.wait_for(self.changed.wait(), left)
                except asyncio.TimeoutError:
                    pass
