"""The public watching a public session through the media server: view only, without an account.

Each viewer is one subscription at Janus, to every stream published in the session's meeting (one
multistream handle, whatever the number of members). All viewers of a room's meeting share one Janus
session of the backend's, joined to the meeting's room as a publisher that never publishes: its private
id is what the room demands of subscribers (``require_pvtid``). So a viewer costs the members nothing:
they publish once, Janus forwards to each viewer, and nothing about viewers reaches the members' sockets.

Viewers never talk to Janus: they get an offer and send an answer, through the backend, which checks the
answer receives only. A viewer cannot publish (there is no message for it, and their handle is a
subscriber's), and learns no feed id, room id or name: only the streams of whoever publishes now.

The subscriptions follow the session by *reconciling* (one task per body, changes folded like relay.py):
no public session, a non-public item, the meeting not on the media server, nobody publishing — no
subscription, and a state that says why; otherwise every viewer's subscription carries exactly the
streams published now (everyone's sound, the pictures of cameras that are on). When those change
(someone starts or stops sending, a camera goes on or off), every viewer gets a new subscription
(``generation``) and the page swaps its connection.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any, Protocol

from dvz_desktop.core.meetings import Media
from dvz_desktop.core.tasks import TaskSet
from dvz_desktop.protocol import IceServer
from dvz_desktop.protocol.public_viewer import PublicMedia, PublicOffer

from ...sfu import janus_messages as msg
from ...sfu.janus_client import JanusSession, JanusUnavailable, VideoRoomHandle
from ...sfu.janus_messages import JanusError
from ...sfu.media_server import Room, scrub
from ..calls.feature import CallsFeature, _Call
from ..meetings.relay import MeetingMedia
from .public_stage import PublicStage

log = logging.getLogger(__name__)

#: Viewers of one body's session at most (``--public-viewers``); Janus forwards to each of them.
DEFAULT_MAX_VIEWERS = 200
Feed = tuple[int | str, str]


@dataclass(eq=False)
class Viewer:
    """One browser watching: a way to send it a frame, the body it watches, its subscription."""

    send: Callable[[str], None]
    body_id: str = ""
    state: str = ""
    generation: int = 0
    feeds: tuple[Feed, ...] = ()
    handle: VideoRoomHandle | None = None
    #: Cluster mode, on the viewer's node: the node serving it (the one driving the meeting's room), when
    #: that is another; its frames come from there (public_across_nodes.py).
    host: str | None = None
    #: Cluster mode, on the serving node: the node whose viewer this stands for (None: a socket here).
    origin: str | None = None
    #: Cluster mode: the viewer's name between the nodes.
    key: str = ""


class Hosts(Protocol):
    """How viewers reach the node that serves them (public_across_nodes.py)."""

    def watch(self, host: str, viewer: Viewer, body_id: str) -> None: ...
    def answer(self, host: str, viewer: Viewer, generation: int, sdp: str) -> None: ...
    def gone(self, host: str, viewer: Viewer) -> None: ...
    def forget(self, proxy: Viewer) -> None: ...


@dataclass
class _Listener:
    """The backend's non-publishing participant in a meeting's room, owner of the viewers' handles."""

    room: Room
    session: JanusSession
    private_id: int


@dataclass
class _Body:
    viewers: set[Viewer] = field(default_factory=set)
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    queued: bool = False
    listener: _Listener | None = None


_SENDS = re.compile(r"^a=(sendrecv|sendonly)\s*$", re.MULTILINE)


def receives_only(sdp: str) -> bool:
    """An answer that sends nothing: no media section is ``sendrecv`` or ``sendonly``."""
    return sdp.startswith("v=0") and _SENDS.search(sdp) is None


class PublicViewers:
    def __init__(self, calls: CallsFeature, media: MeetingMedia, stage_of: Callable[[str], PublicStage | None],
                 ice_servers: tuple[IceServer, ...] = (), max_viewers: int = DEFAULT_MAX_VIEWERS) -> None:
        self.calls = calls
        self.media = media
        #: The body's running public session, on whichever node (None: none runs).
        self.stage_of = stage_of
        #: Cluster mode: the way to the node driving a meeting's room, which serves the viewers.
        self.hosts: Hosts | None = None
        self.ice_servers = ice_servers
        self.max_viewers = max_viewers
        self.bodies: dict[str, _Body] = {}
        self._tasks = TaskSet()  # a failed task is reported (a failed test in the suite), not lost

    # --- viewers come and go ---

    def watch(self, viewer: Viewer, body_id: str) -> None:
        if viewer.body_id:
            return
        body = self.bodies.setdefault(body_id, _Body())
        if len(body.viewers) >= self.max_viewers:
            self._tell(viewer, "full")
            return
        viewer.body_id = body_id
        body.viewers.add(viewer)
        if self.media.server is None:
            self._tell(viewer, "no_media_server")
            return
        self.changed(body_id)

    def gone(self, viewer: Viewer) -> None:
        if viewer.host is not None and self.hosts is not None:
            self.hosts.gone(viewer.host, viewer)
        body = self.bodies.get(viewer.body_id)
        if body is None or viewer not in body.viewers:
            return
        body.viewers.discard(viewer)
        self._tasks.spawn(self._drop(viewer))
        if not body.viewers:
            self.changed(viewer.body_id)  # the listener goes too

    def viewer_count(self, body_id: str) -> int:
        body = self.bodies.get(body_id)
        return len(body.viewers) if body is not None else 0

    async def answer(self, viewer: Viewer, generation: int, sdp: str) -> str | None:
        """Starts the viewer's subscription with their answer; an error code if refused."""
        if not receives_only(sdp):
            return "view_only"
        if viewer.host is not None and self.hosts is not None:
            self.hosts.answer(viewer.host, viewer, generation, sdp)  # a refusal comes back as a frame
            return None
        body = self.bodies.get(viewer.body_id)
        if body is None or generation != viewer.generation or viewer.handle is None:
            return "stale"
        async with body.lock:
            if generation != viewer.generation or viewer.handle is None:
                return "stale"
            try:
                await viewer.handle.message(msg.start(), jsep={"type": "answer", "sdp": sdp})
                with contextlib.suppress(JanusError):
                    await viewer.handle.trickle_completed()
            except (JanusError, TimeoutError) as exc:
                log.info("the media server refused a viewer's answer: %s", exc)
                return "stale"
        return None

    # --- the subscriptions follow the session ---

    def changed(self, body_id: str) -> None:
        """Something about the body's session or its meeting changed: reconcile (changes are folded)."""
        body = self.bodies.get(body_id)
        if body is None or body.queued or self.media.server is None:
            return
        if not body.viewers and body.listener is None:
            return
        body.queued = True
        self._tasks.spawn(self._reconcile(body_id, body))

    def changed_room(self, room_id: str | None) -> None:
        """A meeting changed (members, publishing, the media server): the bodies whose session is there."""
        for body_id in list(self.bodies):
            stage = self.stage_of(body_id)
            if stage is not None and stage.room_id == room_id:
                self.changed(body_id)

    async def _reconcile(self, body_id: str, body: _Body) -> None:
        async with body.lock:
            body.queued = False
            try:
                await self._match(body_id, body)
            except JanusUnavailable:
                await self._set(body, "unavailable", None, ())
            except (JanusError, TimeoutError) as exc:
                log.warning("the media server refused the public's subscriptions: %s", exc)
                await self._set(body, "unavailable", None, ())
        if not body.viewers and body.listener is None and not body.queued:
            self.bodies.pop(body_id, None)

    async def _match(self, body_id: str, body: _Body) -> None:
        server = self.media.server
        assert server is not None
        stage = self.stage_of(body_id)
        call = self.calls.call_in_room(stage.room_id) if stage is not None else None
        host = self._host_of(call)
        await self._rehost(body, body_id, host)
        if host is not None:
            # Another node drives the meeting's room: it serves this node's viewers (and those this node
            # served for others go to it: their nodes send them there once they see the new owner).
            await self._set(body, "waiting", None, ())
            return
        if stage is None or not body.viewers:
            await self._set(body, "waiting", None, ())
            return
        if not stage.on_air:
            await self._set(body, "non_public", None, ())
            return
        if call is None or call.mode is not Media.SFU:
            await self._set(body, "waiting", None, ())
            return
        if call.sfu_lost or not server.up:
            await self._set(body, "unavailable", None, ())
            return
        room = await self.media.settled(call)
        if room is None:
            await self._set(body, "unavailable", None, ())
            return
        # Everyone's sound; a picture only while the camera is on (a switched-off camera sends black).
        feeds = tuple(sorted((member.feed_id, mid) for key, member in room.members.items()
                             if member.published and key in call.members
                             for kind, mid in member.streams.items() if kind == "audio" or call.members[key].video))
        await self._set(body, "live" if feeds else "waiting", room if feeds else None, feeds)

    def _host_of(self, call: _Call | None) -> str | None:
        """The node serving viewers of ``call``'s meeting when that is not this one (cluster mode)."""
        if (self.hosts is None or call is None or call.mode is not Media.SFU or call.sfu_node is None
                or self.media.owns(call)):
            return None
        return call.sfu_node

    async def _rehost(self, body: _Body, body_id: str, host: str | None) -> None:
        """This node's viewers served by ``host`` (None: here); those standing for another node's viewers
        go when this node serves no more."""
        hosts = self.hosts
        if hosts is None:
            return
        for viewer in list(body.viewers):
            if viewer.origin is not None:
                if host is not None:
                    body.viewers.discard(viewer)
                    hosts.forget(viewer)
                    await self._drop(viewer)
            elif viewer.host != host:
                if viewer.host is not None:
                    hosts.gone(viewer.host, viewer)
                await self._drop(viewer)
                viewer.host = host
                if host is not None:
                    hosts.watch(host, viewer, body_id)

    async def _set(self, body: _Body, state: str, room: Room | None, feeds: tuple[Feed, ...]) -> None:
        """Every viewer in ``state``; when live, subscribed to exactly ``feeds`` of ``room``. Viewers
        another node serves are left to it."""
        if body.listener is not None and (room is None or body.listener.room is not room):
            await self._close_listener(body)
        here = [v for v in body.viewers if v.host is None]
        if room is None:
            for viewer in here:
                if viewer.handle is not None:
                    await self._drop(viewer)
                if viewer.state != state:
                    self._tell(viewer, state)
            return
        listener = body.listener or await self._open_listener(body, room)
        stale = [v for v in here if v.handle is None or v.feeds != feeds]
        await asyncio.gather(*(self._subscribe(body, v, listener, feeds) for v in stale))

    async def _open_listener(self, body: _Body, room: Room) -> _Listener:
        client, _ = self.media.server._require_up()  # type: ignore[union-attr]
        session = await client.create_session()
        try:
            handle = await session.attach_videoroom()
            joined = await handle.join_as_publisher(room.janus_id, pin=room.pin)
        except BaseException:
            with contextlib.suppress(JanusError, TimeoutError):
                await session.destroy()
            raise
        body.listener = _Listener(room, session, joined.private_id)
        return body.listener

    async def _close_listener(self, body: _Body) -> None:
        listener, body.listener = body.listener, None
        for viewer in body.viewers:
            viewer.handle = None  # gone with the listener's session
            viewer.feeds = ()
        if listener is not None:
            with contextlib.suppress(JanusError, TimeoutError):
                await listener.session.destroy()

    async def _subscribe(self, body: _Body, viewer: Viewer, listener: _Listener, feeds: tuple[Feed, ...]) -> None:
        if viewer.handle is not None:
            await self._drop(viewer)
        handle = await listener.session.attach_videoroom()
        reply = await handle.message(msg.join_subscriber(listener.room.janus_id, feeds,
                                                         private_id=listener.private_id, pin=listener.room.pin))
        jsep = reply.jsep
        if jsep is None:
            event = await handle.next_event(lambda e: isinstance(e.get("jsep"), dict))
            jsep = event["jsep"]
        if viewer not in body.viewers:  # left while Janus answered
            with contextlib.suppress(JanusError, TimeoutError):
                await handle.detach()
            return
        viewer.handle, viewer.feeds = handle, feeds
        viewer.generation += 1
        self._tell(viewer, "live", streams=len(feeds))
        viewer.send(PublicOffer(generation=viewer.generation, sdp=scrub(str(jsep["sdp"]))).model_dump_json())

    async def _drop(self, viewer: Viewer) -> None:
        handle, viewer.handle, viewer.feeds = viewer.handle, None, ()
        if handle is not None:
            with contextlib.suppress(JanusError, TimeoutError):
                await handle.detach()

    def _tell(self, viewer: Viewer, state: str, streams: int = 0) -> None:
        viewer.state = state
        viewer.send(PublicMedia(state=state, streams=streams, generation=viewer.generation,  # type: ignore[arg-type]
                                ice_servers=self.ice_servers if state == "live" else (),
                                max_viewers=self.max_viewers).model_dump_json())

    def spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        self._tasks.spawn(coro)

    async def close(self) -> None:
        self._tasks.cancel()
        for body in self.bodies.values():
            if body.listener is not None:
                with contextlib.suppress(JanusError, TimeoutError, JanusUnavailable):
                    await body.listener.session.destroy()
        self.bodies.clear()

    async def idle(self) -> None:
        """Waits until nothing is under way (tests)."""
        await self._tasks.idle()
