"""An asyncio client for Janus (the SFU behind larger meetings) and its VideoRoom plugin.

It speaks Janus's websocket transport (subprotocol ``janus-protocol``) rather than the HTTP API with
long polls, because:

* events arrive the moment Janus sends them; a long poll adds a round trip (and a request per session
  in flight) to every "publisher joined" and every subscriber offer, on the way to the first frame;
* one connection carries every session and handle of the backend, with requests matched to replies by
  transaction; nothing but ``websockets`` (already the backend's library) is needed;
* a lost connection is noticed at once, and Janus drops the sessions of a websocket that went away,
  so a crashed backend leaves no orphaned publishers in its rooms.

Requests are matched by ``transaction``. A plugin request Janus handles asynchronously (join, publish,
start) is answered with ``ack`` first and its ``event`` later; the client waits for the event. What
arrives without a waiting request (someone published, ``webrtcup``, ``hangup``, a kick) goes to the
handle's (or session's) ``events``, a bounded buffer that ``next_event`` takes from by predicate.
Sessions send a keepalive every ``keepalive_interval`` (Janus ends idle sessions after its
``session_timeout``, 60 s by default).

Only ``websockets`` and the standard library: this package moves into the meetings feature later.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Self

import websockets
from websockets.asyncio.client import ClientConnection
from websockets.typing import Subprotocol

from . import janus_messages as msg
from .janus_events import EventBox, JanusUnavailable
from .janus_messages import JanusError, PluginReply

__all__ = ["EventBox", "JanusClient", "JanusSession", "JanusUnavailable", "Joined", "PluginHandle", "VideoRoomHandle"]

log = logging.getLogger(__name__)

Feeds = Iterable[int | str | tuple[int | str, str]]


@dataclass
class _Pending:
    future: asyncio.Future[dict[str, Any]]
    ack_is_reply: bool


class JanusClient:
    """One websocket to Janus; ``async with await JanusClient.connect(url, api_secret=...)``."""

    def __init__(self, ws: ClientConnection, *, api_secret: str | None, request_timeout: float) -> None:
        self._ws = ws
        self._api_secret = api_secret
        self.request_timeout = request_timeout
        self._pending: dict[str, _Pending] = {}
        self._sessions: dict[int, JanusSession] = {}
        self._handles: dict[int, PluginHandle] = {}
        self._lost: JanusUnavailable | None = None
        #: Set when the connection is gone (Janus crashed or was stopped): every session went with it.
        self.closed = asyncio.Event()
        self._reader = asyncio.create_task(self._read(), name="janus-reader")

    @classmethod
    async def connect(cls, url: str, *, api_secret: str | None, open_timeout: float = 10.0,
                      request_timeout: float = 10.0) -> JanusClient:
        try:
            ws = await websockets.connect(url, subprotocols=[Subprotocol("janus-protocol")],
                                          open_timeout=open_timeout, compression=None,
                                          max_size=4 * 1024 * 1024, user_agent_header=None)
        except (OSError, TimeoutError, websockets.InvalidHandshake) as exc:
            raise JanusUnavailable(f"cannot reach Janus: {type(exc).__name__}") from exc
        return cls(ws, api_secret=api_secret, request_timeout=request_timeout)

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    @property
    def connected(self) -> bool:
        return self._lost is None

    async def close(self) -> None:
        """Closes the socket; Janus then destroys the sessions made over it."""
        for session in list(self._sessions.values()):
            session.stop_keepalive()
        await self._ws.close()
        await self._reader

    async def request(self, janus: str, *, session_id: int | None = None, handle_id: int | None = None,
                      ack_is_reply: bool = False, timeout: float | None = None, **fields: Any) -> dict[str, Any]:
        """Sends one request and returns Janus's reply; raises ``JanusError`` for an error reply,
        ``JanusUnavailable`` when the connection is gone and ``TimeoutError`` after ``timeout``."""
        if self._lost is not None:
            raise self._lost
        transaction = secrets.token_hex(12)
        message = msg.envelope(janus, transaction, api_secret=self._api_secret, session_id=session_id,
                               handle_id=handle_id, **fields)
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._pending[transaction] = _Pending(future, ack_is_reply)
        try:
            await self._ws.send(json.dumps(message))
            async with asyncio.timeout(self.request_timeout if timeout is None else timeout):
                reply = await future
        except websockets.ConnectionClosed as exc:
            raise JanusUnavailable("connection to Janus closed") from exc
        finally:
            self._pending.pop(transaction, None)
            if future.done() and not future.cancelled():
                # The connection went while the request was still being sent: the loss failed the
                # future nobody awaits now (the caller gets the loss from here instead).
                future.exception()
        if reply.get("janus") == "error":
            error = reply.get("error") or {}
            raise JanusError(int(error.get("code", 0)), str(error.get("reason", "")))
        return reply

    async def info(self) -> dict[str, Any]:
        return await self.request("info")

    async def create_session(self, *, keepalive_interval: float | None = 25.0) -> JanusSession:
        reply = await self.request("create")
        session = JanusSession(self, int(reply["data"]["id"]), keepalive_interval)
        self._sessions[session.id] = session
        return session

    async def _read(self) -> None:
        try:
            async for raw in self._ws:
                try:
                    message = json.loads(raw)
                except ValueError:
                    log.warning("Janus sent something that is not JSON (%d bytes)", len(raw))
                    continue
                if isinstance(message, dict):
                    self._dispatch(message)
        except websockets.ConnectionClosed:
            pass
        except Exception:  # a bug here must not go unnoticed, nor leave waiters hanging
            log.exception("reading from Janus failed")
        finally:
            self._gone(JanusUnavailable("connection to Janus closed"))

    def _dispatch(self, message: dict[str, Any]) -> None:
        pending = self._pending.get(str(message.get("transaction", "")))
        if pending is not None and not pending.future.done():
            if message.get("janus") != "ack" or pending.ack_is_reply:
                pending.future.set_result(message)
            return
        handle = self._handles.get(message.get("sender"))  # type: ignore[arg-type]
        if handle is not None:
            handle.observe(message)
            if message.get("janus") == "detached":
                self._handles.pop(handle.id, None)
            return
        session = self._sessions.get(message.get("session_id"))  # type: ignore[arg-type]
        if session is not None:
            session.events.put(message)
            if message.get("janus") == "timeout":
                self._forget_session(session)
            return
        log.debug("Janus event for no known handle: %s", message.get("janus"))

    def _forget_session(self, session: JanusSession) -> None:
        session.stop_keepalive()
        self._sessions.pop(session.id, None)
        for handle_id in [h.id for h in self._handles.values() if h.session is session]:
            self._handles.pop(handle_id, None)

    def _gone(self, error: JanusUnavailable) -> None:
        self._lost = error
        self.closed.set()
        for pending in self._pending.values():
            if not pending.future.done():
                pending.future.set_exception(error)
        for session in self._sessions.values():
            session.stop_keepalive()
            session.events.fail(error)
        for handle in self._handles.values():
            handle.events.fail(error)


class JanusSession:
    """A Janus session: the owner of plugin handles, kept alive until ``destroy``."""

    def __init__(self, client: JanusClient, session_id: int, keepalive_interval: float | None) -> None:
        self.client = client
        self.id = session_id
        self.events = EventBox()
        self._keepalive: asyncio.Task[None] | None = None
        if keepalive_interval:
            self._keepalive = asyncio.create_task(self._keep_alive(keepalive_interval),
                                                  name=f"janus-keepalive-{session_id}")

    async def attach(self, plugin: str) -> PluginHandle:
        reply = await self.client.request("attach", session_id=self.id, plugin=plugin)
        kind = VideoRoomHandle if plugin == msg.VIDEOROOM else PluginHandle
        handle = kind(self, int(reply["data"]["id"]))
        self.client._handles[handle.id] = handle
        return handle

    async def attach_videoroom(self) -> VideoRoomHandle:
        handle = await self.attach(msg.VIDEOROOM)
        assert isinstance(handle, VideoRoomHandle)
        return handle

    async def keepalive(self) -> None:
        await self.client.request("keepalive", session_id=self.id, ack_is_reply=True)

    async def destroy(self) -> None:
        self.stop_keepalive()
        try:
            await self.client.request("destroy", session_id=self.id)
        finally:
            self.client._forget_session(self)

    def stop_keepalive(self) -> None:
        if self._keepalive is not None:
            self._keepalive.cancel()
            self._keepalive = None

    async def _keep_alive(self, interval: float) -> None:
        while True:
            await asyncio.sleep(interval)  # pacing, not waiting for a condition
            try:
                await self.keepalive()
            except JanusUnavailable:
                return
            except (JanusError, TimeoutError) as exc:
                log.warning("Janus keepalive for a session failed: %s", exc)


class PluginHandle:
    """A handle attached to a plugin: plugin messages, trickle, hangup, detach, and its events."""

    def __init__(self, session: JanusSession, handle_id: int) -> None:
        self.session = session
        self.id = handle_id
        self.events = EventBox()

    def observe(self, event: dict[str, Any]) -> None:
        """An event for this handle that no request waited for."""
        self.events.put(event)

    async def _request(self, janus: str, **fields: Any) -> dict[str, Any]:
        return await self.session.client.request(janus, session_id=self.session.id, handle_id=self.id, **fields)

    async def message(self, body: Mapping[str, Any], jsep: Mapping[str, Any] | None = None, *,
                      timeout: float | None = None) -> PluginReply:
        reply = await self._request("message", body=dict(body), jsep=dict(jsep) if jsep else None, timeout=timeout)
        return msg.plugin_reply(reply)

    async def trickle(self, candidates: Iterable[Mapping[str, Any]]) -> None:
        await self._request("trickle", candidates=[dict(c) for c in candidates], ack_is_reply=True)

    async def trickle_completed(self) -> None:
        await self._request("trickle", candidate=msg.TRICKLE_COMPLETED, ack_is_reply=True)

    async def hangup(self) -> None:
        await self._request("hangup")

    async def detach(self) -> None:
        try:
            await self._request("detach")
        finally:
            self.session.client._handles.pop(self.id, None)

    async def next_event(self, match: Callable[[dict[str, Any]], bool] | None = None, *,
                         timeout: float = 10.0) -> dict[str, Any]:
        return await self.events.take(match, timeout=timeout)


@dataclass(frozen=True)
class Joined:
    """A publisher in a room: its feed id, the private id its subscriptions name, who already publishes."""

    room: int | str
    feed_id: int | str
    private_id: int
    publishers: list[dict[str, Any]]


class VideoRoomHandle(PluginHandle):
    """The VideoRoom plugin: rooms, publishing, subscribing. ``publishers`` follows the room's events."""

    def __init__(self, session: JanusSession, handle_id: int) -> None:
        super().__init__(session, handle_id)
        #: Feed id -> the publisher as Janus lists it (display, streams), kept up to date by events.
        self.publishers: dict[int | str, dict[str, Any]] = {}

    def observe(self, event: dict[str, Any]) -> None:
        data = (event.get("plugindata") or {}).get("data") or {}
        for publisher in msg.publishers_in(event):
            self.publishers[publisher["id"]] = publisher
        for key in ("unpublished", "leaving", "kicked"):
            if data.get(key) not in (None, "ok"):
                self.publishers.pop(data[key], None)
        super().observe(event)

    async def create_room(self, room: int | str, *, admin_key: str | None, secret: str,
                          pin: str | None = None, **options: Any) -> int | str:
        reply = await self.message(msg.create_room(room, admin_key=admin_key, secret=secret, pin=pin, **options))
        return reply.data["room"]  # type: ignore[no-any-return]

    async def destroy_room(self, room: int | str, *, secret: str) -> None:
        await self.message(msg.destroy_room(room, secret=secret))

    async def room_exists(self, room: int | str) -> bool:
        return bool((await self.message(msg.room_exists(room))).data.get("exists"))

    async def participants(self, room: int | str) -> list[dict[str, Any]]:
        return list((await self.message(msg.list_participants(room))).data.get("participants", []))

    async def kick(self, room: int | str, participant: int | str, *, secret: str) -> None:
        await self.message(msg.kick(room, participant, secret=secret))

    async def join_as_publisher(self, room: int | str, *, display: str | None = None, pin: str | None = None,
                                feed_id: int | str | None = None) -> Joined:
        reply = await self.message(msg.join_publisher(room, display=display, pin=pin, feed_id=feed_id))
        publishers = [p for p in reply.data.get("publishers", []) if isinstance(p, dict)]
        for publisher in publishers:
            self.publishers[publisher["id"]] = publisher
        return Joined(room, reply.data["id"], int(reply.data["private_id"]), publishers)

    async def publish(self, offer: Mapping[str, Any], **options: Any) -> dict[str, Any]:
        """Publishes the offer's tracks; returns Janus's answer."""
        reply = await self.message(msg.publish(**options), jsep=offer)
        if reply.jsep is None:
            raise JanusError(0, "Janus answered a publish without a session description")
        return reply.jsep

    async def configure(self, **options: Any) -> PluginReply:
        return await self.message(msg.configure(**options))

    async def unpublish(self) -> None:
        await self.message(msg.unpublish())

    async def leave(self) -> None:
        await self.message(msg.leave())

    async def join_as_subscriber(self, room: int | str, feeds: Feeds, *, private_id: int | None,
                                 pin: str | None = None) -> dict[str, Any]:
        """Subscribes to feeds (or single streams of them); returns Janus's offer to answer with ``start``."""
        reply = await self.message(msg.join_subscriber(room, feeds, private_id=private_id, pin=pin))
        if reply.jsep is None:
            raise JanusError(0, "Janus sent no offer for the subscription")
        return reply.jsep

    async def start(self, answer: Mapping[str, Any]) -> None:
        await self.message(msg.start(), jsep=answer)

    async def subscribe(self, feeds: Feeds) -> dict[str, Any] | None:
        """Adds streams; returns Janus's new offer (answer it with ``start``)."""
        return (await self.message(msg.subscribe(feeds))).jsep

    async def unsubscribe(self, feeds: Feeds) -> dict[str, Any] | None:
        return (await self.message(msg.unsubscribe(feeds))).jsep

    async def wait_for_publisher(self, feed_id: int | str, *, timeout: float = 10.0) -> dict[str, Any]:
        """The publisher once the room lists it (only then can anyone subscribe to it)."""
        if feed_id in self.publishers:
            return self.publishers[feed_id]
        await self.next_event(lambda event: any(p.get("id") == feed_id for p in msg.publishers_in(event)),
                              timeout=timeout)
        return self.publishers[feed_id]
