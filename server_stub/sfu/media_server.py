"""The media server (Janus) as meetings use it: one connection for the whole backend, one VideoRoom room
per call, one Janus session per member with its publisher handle and one subscriber handle for each
other member it receives.

Everything a client may do reaches Janus only through these methods, which the meetings feature calls
after it has checked that the caller is a member of the call. The rooms are private (not listed), need
their PIN to join and their secret to change, and demand a member's private id for every subscription
(``require_pvtid``): Janus's own ids never leave the backend, and a client that somehow reached Janus
could not guess its way into a room.

A member is *entered* as soon as the call runs on the media server (a publisher that publishes nothing
yet), so their subscriptions can start at once; their media counts as *published* when Janus reports
the connection up (``webrtcup``). Only then may others subscribe to it (Janus refuses earlier).

When the connection to Janus is lost (a crash, a restart), every room and session is gone with it:
``on_change(False)`` tells the meetings feature, and a supervisor reconnects with backoff and reports
``on_change(True)`` when Janus is back, so the feature can make the rooms anew.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import janus_messages as msg
from .janus_client import JanusClient, JanusSession, JanusUnavailable, VideoRoomHandle
from .janus_messages import JanusError

log = logging.getLogger(__name__)

#: Seconds between attempts to reach a lost Janus: quickly at first, then every five seconds.
RETRY_DELAYS = (0.2, 0.5, 1.0, 2.0, 5.0)


class NotPublishing(Exception):
    """The member to receive has no media on the media server (yet)."""


class NotEntered(Exception):
    """No such call or member on the media server (it was lost, or the member left)."""


@dataclass
class Subscription:
    """What one member receives of another: a subscriber handle, and the video's mid once asked for."""

    handle: VideoRoomHandle
    joined: bool = False
    #: The mid of the video on this subscription (the subscriber's side), once the video was asked for.
    video_mid: str | None = None
    video_on: bool = False
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


@dataclass
class Member:
    key: str
    session: JanusSession
    publisher: VideoRoomHandle
    feed_id: int | str
    private_id: int
    #: Kind ("audio", "video") -> mid of the stream the member publishes.
    streams: dict[str, str] = field(default_factory=dict)
    published: bool = False
    subscriptions: dict[str, Subscription] = field(default_factory=dict)
    watcher: asyncio.Task[None] | None = None


@dataclass
class Room:
    janus_id: int
    secret: str
    pin: str
    members: dict[str, Member] = field(default_factory=dict)
    entering: dict[str, asyncio.Task[Member]] = field(default_factory=dict)


class MediaServer:
    def __init__(self, url: str, *, api_secret: str | None, admin_key: str | None = None,
                 on_change: Callable[[bool], None] = lambda up: None,
                 on_published: Callable[[str, str, bool], None] = lambda call, key, on: None,
                 request_timeout: float = 10.0) -> None:
        self.url = url
        self._api_secret = api_secret
        self._admin_key = admin_key
        self._on_change = on_change
        self._on_published = on_published
        self._timeout = request_timeout
        self._client: JanusClient | None = None
        self._control: VideoRoomHandle | None = None
        self.rooms: dict[str, Room] = {}
        self._supervisor: asyncio.Task[None] | None = None
        self._stopping = False

    @property
    def up(self) -> bool:
        return self._client is not None and self._client.connected and self._control is not None

    # --- the connection ---

    async def start(self) -> None:
        """Connects (or keeps trying in the background) and watches the connection from then on."""
        await self._connect()
        self._supervisor = asyncio.create_task(self._supervise(), name="media-server-supervisor")

    async def close(self) -> None:
        self._stopping = True
        if self._supervisor is not None:
            self._supervisor.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._supervisor
        self._drop_rooms()
        if self._client is not None:
            await self._client.close()

    async def _connect(self) -> bool:
        try:
            client = await JanusClient.connect(self.url, api_secret=self._api_secret, request_timeout=self._timeout)
        except JanusUnavailable as exc:
            log.warning("media server not reachable (%s)", exc.reason)
            return False
        try:
            session = await client.create_session()
            self._control = await session.attach_videoroom()
        except (JanusError, TimeoutError) as exc:
            log.warning("media server refused the backend's session (%s); check --sfu-secret", exc)
            await client.close()
            return False
        self._client = client
        log.info("media server connected")
        return True

    async def _supervise(self) -> None:
        while not self._stopping:
            if self._client is not None and self._client.connected:
                await self._client.closed.wait()
                if self._stopping:
                    return
                log.warning("connection to the media server lost; its rooms are gone")
                self._client = self._control = None
                self._drop_rooms()
                self._on_change(False)
            for delay in (*RETRY_DELAYS, *([RETRY_DELAYS[-1]] * 1_000_000)):
                await asyncio.sleep(delay)  # backoff between attempts, not a wait for a condition
                if await self._connect():
                    self._on_change(True)
                    break

    def _drop_rooms(self) -> None:
        for room in self.rooms.values():
            for member in room.members.values():
                if member.watcher is not None:
                    member.watcher.cancel()
            for task in room.entering.values():
                task.cancel()
        self.rooms.clear()

    def _require_up(self) -> tuple[JanusClient, VideoRoomHandle]:
        if self._client is None or self._control is None or not self._client.connected:
            raise JanusUnavailable("the media server is not connected")
        return self._client, self._control

    # --- rooms ---

    async def open_room(self, call_id: str, capacity: int) -> None:
        """A private room for the call (a no-op if it is open already)."""
        if call_id in self.rooms:
            return
        _, control = self._require_up()
        room = Room(secrets.randbelow(2**52) + 1, secrets.token_urlsafe(24), secrets.token_urlsafe(12))
        await control.create_room(room.janus_id, admin_key=self._admin_key, secret=room.secret, pin=room.pin,
                                  publishers=capacity, notify_joining=False)
        self.rooms[call_id] = room

    async def close_room(self, call_id: str) -> None:
        room = self.rooms.pop(call_id, None)
        if room is None:
            return
        for task in room.entering.values():
            task.cancel()
        for member in list(room.members.values()):
            await self._destroy(member)
        if self.up and self._control is not None:
            with contextlib.suppress(JanusError, TimeoutError):
                await self._control.destroy_room(room.janus_id, secret=room.secret)

    def _room(self, call_id: str) -> Room:
        room = self.rooms.get(call_id)
        if room is None:
            raise NotEntered(call_id)
        return room

    # --- members ---

    async def enter(self, call_id: str, key: str) -> Member:
        """The member's Janus session, joined as a publisher without media (idempotent; concurrent
        callers wait for the same join)."""
        room = self._room(call_id)
        if key in room.members:
            return room.members[key]
        task = room.entering.get(key)
        if task is None:
            task = asyncio.create_task(self._enter(call_id, room, key), name="media-server-enter")
            room.entering[key] = task
        try:
            return await asyncio.shield(task)
        finally:
            if task.done():
                room.entering.pop(key, None)

    async def _enter(self, call_id: str, room: Room, key: str) -> Member:
        client, _ = self._require_up()
        session = await client.create_session()
        try:
            publisher = await session.attach_videoroom()
            joined = await publisher.join_as_publisher(room.janus_id, pin=room.pin)
        except BaseException:
            with contextlib.suppress(JanusError, TimeoutError):
                await session.destroy()
            raise
        member = Member(key, session, publisher, joined.feed_id, joined.private_id)
        member.watcher = asyncio.create_task(self._watch(call_id, member), name="media-server-watch")
        room.members[key] = member
        return member

    async def _watch(self, call_id: str, member: Member) -> None:
        """Follows the publisher's connection: up (others may subscribe now) and down."""
        while True:
            try:
                event = await member.publisher.next_event(timeout=3600)
            except (JanusUnavailable, TimeoutError):
                return
            kind = event.get("janus")
            if kind == "webrtcup" and not member.published:
                member.published = True
                self._on_published(call_id, member.key, True)
            elif kind == "hangup" and member.published:
                member.published = False
                self._on_published(call_id, member.key, False)

    async def leave(self, call_id: str, key: str) -> None:
        room = self.rooms.get(call_id)
        member = room.members.pop(key, None) if room is not None else None
        if member is not None:
            await self._destroy(member)

    async def remove(self, call_id: str, key: str) -> None:
        """A moderator removed the member: Janus kicks their publisher and their session is destroyed,
        so every stream to and from them stops at once."""
        room = self.rooms.get(call_id)
        member = room.members.pop(key, None) if room is not None else None
        if room is None or member is None:
            return
        if self._control is not None:
            with contextlib.suppress(JanusError, TimeoutError):
                await self._control.kick(room.janus_id, member.feed_id, secret=room.secret)
        await self._destroy(member)

    async def _destroy(self, member: Member) -> None:
        if member.watcher is not None:
            member.watcher.cancel()
        for other in self._members_receiving(member.key):
            gone = other.subscriptions.pop(member.key)
            with contextlib.suppress(JanusError, TimeoutError):
                await gone.handle.detach()
        with contextlib.suppress(JanusError, TimeoutError):
            await member.session.destroy()

    def _members_receiving(self, key: str) -> list[Member]:
        return [m for room in self.rooms.values() for m in room.members.values() if key in m.subscriptions]

    # --- media ---

    async def publish(self, call_id: str, key: str, offer_sdp: str) -> str:
        """Publishes the member's offer; returns Janus's answer."""
        member = await self.enter(call_id, key)
        if member.published:
            with contextlib.suppress(JanusError, TimeoutError):
                await member.publisher.unpublish()  # a client that publishes anew (after a reload)
            member.published = False
        reply = await member.publisher.message(msg.publish(), jsep={"type": "offer", "sdp": offer_sdp})
        if reply.jsep is None:
            raise JanusError(0, "Janus answered a publish without a session description")
        member.streams = {s["type"]: str(s["mid"]) for s in reply.data.get("streams", [])
                          if isinstance(s, dict) and s.get("type") in ("audio", "video") and "mid" in s}
        await member.publisher.trickle_completed()  # the offer carried every candidate
        return scrub(str(reply.jsep["sdp"]))

    def _publisher(self, call_id: str, key: str) -> Member:
        member = self._room(call_id).members.get(key)
        if member is None or not member.published:
            raise NotPublishing(key)
        return member

    async def subscribe(self, call_id: str, key: str, publisher_key: str, video: bool) -> str | None:
        """``key`` receives ``publisher_key``'s audio (and video if ``video``): Janus's offer to answer,
        or None when nothing needs negotiating (a paused video is resumed instead)."""
        room = self._room(call_id)
        member = await self.enter(call_id, key)
        source = self._publisher(call_id, publisher_key)
        sub = member.subscriptions.get(publisher_key)
        if sub is None:
            sub = member.subscriptions[publisher_key] = Subscription(await member.session.attach_videoroom())
        async with sub.lock:
            video_mid = source.streams.get("video") if video else None
            if not sub.joined:
                feeds: list[int | str | tuple[int | str, str]] = [
                    (source.feed_id, mid) for kind, mid in sorted(source.streams.items())
                    if kind == "audio" or mid == video_mid]
                reply = await sub.handle.message(msg.join_subscriber(room.janus_id, feeds, private_id=member.private_id,
                                                                     pin=room.pin))
                sub.joined = True
                offer, streams = await self._offer_of(sub, reply)
                sub.video_mid = _video_mid(streams, video_mid)
                sub.video_on = sub.video_mid is not None
                return offer
            if video_mid is not None and sub.video_mid is None:
                reply = await sub.handle.message(msg.subscribe([(source.feed_id, video_mid)]))
                offer, streams = await self._offer_of(sub, reply)
                sub.video_mid = _video_mid(streams, video_mid)
                sub.video_on = True
                return offer
            if sub.video_mid is not None and sub.video_on != video:
                await self._send_video(sub, video)
            return None

    async def _offer_of(self, sub: Subscription, reply: msg.PluginReply) -> tuple[str, list[Any]]:
        """Janus's offer and the subscription's streams: in the reply, or (after "updating") in the
        "updated" event that follows."""
        data, jsep = reply.data, reply.jsep
        if jsep is None:
            event = await sub.handle.next_event(lambda e: isinstance(e.get("jsep"), dict), timeout=self._timeout)
            data, jsep = (event.get("plugindata") or {}).get("data") or {}, event["jsep"]
        streams = data.get("streams")
        return scrub(str(jsep["sdp"])), streams if isinstance(streams, list) else []

    async def answer(self, call_id: str, key: str, publisher_key: str, answer_sdp: str) -> None:
        member = self._room(call_id).members.get(key)
        sub = member.subscriptions.get(publisher_key) if member is not None else None
        if sub is None:
            raise NotEntered(publisher_key)
        await sub.handle.start({"type": "answer", "sdp": answer_sdp})
        with contextlib.suppress(JanusError):
            await sub.handle.trickle_completed()

    async def set_video(self, call_id: str, key: str, publisher_key: str, on: bool) -> None:
        """Pauses or resumes a received video (Janus stops or starts forwarding it)."""
        member = self._room(call_id).members.get(key)
        sub = member.subscriptions.get(publisher_key) if member is not None else None
        if sub is None or sub.video_mid is None:
            raise NotEntered(publisher_key)
        async with sub.lock:
            if sub.video_on != on:
                await self._send_video(sub, on)

    async def _send_video(self, sub: Subscription, on: bool) -> None:
        await sub.handle.configure(streams=[{"mid": sub.video_mid, "send": on}])
        sub.video_on = on

    async def mute(self, call_id: str, key: str, muted: bool) -> None:
        """Mutes the member's microphone at the media server (a moderator's mute), or lifts that."""
        room = self._room(call_id)
        member = room.members.get(key)
        if member is None or "audio" not in member.streams:
            return
        _, control = self._require_up()
        await control.message(msg.moderate(room.janus_id, member.feed_id, member.streams["audio"], mute=muted,
                                           secret=room.secret))


def _video_mid(streams: list[Any], feed_mid: str | None) -> str | None:
    """The subscriber's mid for the publisher's video stream ``feed_mid``."""
    for stream in streams:
        if isinstance(stream, dict) and stream.get("type") == "video" and stream.get("feed_mid") == feed_mid:
            return str(stream["mid"])
    return None


_SESSION_NAME = re.compile(r"^s=.*$", re.MULTILINE)


def scrub(sdp: str) -> str:
    """Janus names its room in the SDP's session name (``s=VideoRoom <room id>``): the description a
    client gets carries no id of the media server's."""
    return _SESSION_NAME.sub("s=-", sdp, count=1)
