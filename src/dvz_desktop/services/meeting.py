"""A call on the media server (a meeting), as one client takes part: my microphone and camera go out on one
connection (published), and each other member comes in on a connection of their own (subscribed). All
signalling goes through the DVZ socket (``meeting_*``); the backend relays it to the media server.

Why one receiving connection per member, rather than one for everyone: aiortc routes incoming packets
of an unknown SSRC by payload type alone, which is only unambiguous with one audio and one video
receiver per connection. Janus reuses the slots of people who left for people who join; on a shared
connection aiortc would drop those packets. Per member it never has to guess.

Audio comes from everyone. Video only for the tiles the view shows (``show``): subscribed the first time
someone is shown with a camera on, paused at the media server while they are not shown or the meeting is
out of sight, resumed without renegotiating (``core/gallery.py``, ``VideoPlan``). Candidates travel
inside the SDP; the ICE servers are the backend's explicit list, never aiortc's default.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Collection, Coroutine
from dataclasses import dataclass, field
from typing import Any

from dvz_desktop.core.gallery import Step, VideoPlan
from dvz_desktop.protocol import CallInfo
from dvz_desktop.protocol.meetings import (
    MeetingAnswer,
    MeetingPublish,
    MeetingSdp,
    MeetingSubscribe,
    MeetingVideo,
)

from .call_tracks import close_connection
from .session import Session, SessionError

log = logging.getLogger(__name__)


def rtc_configuration(call: CallInfo) -> Any:
    from aiortc import RTCBundlePolicy, RTCConfiguration, RTCIceServer

    servers = [RTCIceServer(urls=list(s.urls), username=s.username, credential=s.credential) for s in call.ice_servers]
    # Explicit (even when empty): aiortc's default is a third party's STUN server. Janus bundles everything.
    return RTCConfiguration(iceServers=servers, bundlePolicy=RTCBundlePolicy.MAX_BUNDLE)


@dataclass
class Incoming:
    """What I receive of one member: their connection, and whether I asked for their video."""

    pc: Any = None
    subscribed: bool = False
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    answering: asyncio.Task[None] | None = None
    readers: list[asyncio.Task[None]] = field(default_factory=list)


class SfuLink:
    def __init__(self, session: Session, call: CallInfo, local_track: Callable[[str], Any | None],
                 emit: Callable[[str, str, Any], None], failed: Callable[[str], None],
                 spawn: Callable[[Coroutine[Any, Any, None]], None]) -> None:
        self._session = session
        self.call = call
        self.call_id = call.call_id
        self.epoch = call.sfu_epoch
        self._local_track = local_track
        self._emit = emit
        self._failed = failed
        self._spawn = spawn
        self.pub: Any = None
        self.incoming: dict[str, Incoming] = {}
        self.plan = VideoPlan()
        self._shown: set[str] = set()
        self._visible = True
        self.closed = False
        #: Called with a member's id when their first audio frame arrives through the media server.
        self.on_first_audio: Callable[[str], None] = lambda person: None
        #: Members whose audio arrived through the media server.
        self.heard: set[str] = set()

    @property
    def me(self) -> str | None:
        return self._session.me

    # --- my publication ---

    async def publish(self) -> None:
        from aiortc import RTCPeerConnection

        pc = self.pub = RTCPeerConnection(rtc_configuration(self.call))
        sending = False
        for kind in ("audio", "video"):
            track = self._local_track(kind)
            if track is not None:
                pc.addTransceiver(track, direction="sendonly")
                sending = True
        if not sending:
            return  # no devices: the others cannot hear or see me, I still receive them

        @pc.on("connectionstatechange")
        def state() -> None:
            if pc.connectionState == "failed" and not self.closed:
                self._failed("Bild und Ton erreichen den Konferenzserver nicht (Netzwerk?).")

        await pc.setLocalDescription(await pc.createOffer())  # gathers the candidates into the SDP
        await self._command(MeetingPublish(id=self._session.next_id(), call_id=self.call_id,
                                           sdp=pc.localDescription.sdp))

    # --- what the backend relays ---

    def on_sdp(self, msg: MeetingSdp) -> None:
        if msg.person_id is None:
            self._spawn(self._publication_answered(msg.sdp))
            return
        incoming = self.incoming.setdefault(msg.person_id, Incoming())
        incoming.answering = asyncio.ensure_future(self._answer(msg.person_id, incoming, msg.sdp))

    async def _publication_answered(self, sdp: str) -> None:
        from aiortc import RTCSessionDescription

        if self.pub is not None and not self.closed:
            await self.pub.setRemoteDescription(RTCSessionDescription(sdp=sdp, type="answer"))

    async def _answer(self, person: str, incoming: Incoming, sdp: str) -> None:
        from aiortc import RTCPeerConnection, RTCSessionDescription

        if self.closed:
            return
        if incoming.pc is None:
            incoming.pc = RTCPeerConnection(rtc_configuration(self.call))
            incoming.pc.on("track", lambda track: incoming.readers.append(
                asyncio.ensure_future(self._read(person, track))))
        await incoming.pc.setRemoteDescription(RTCSessionDescription(sdp=sdp, type="offer"))
        await incoming.pc.setLocalDescription(await incoming.pc.createAnswer())
        await self._command(MeetingAnswer(id=self._session.next_id(), call_id=self.call_id, person_id=person,
                                          sdp=incoming.pc.localDescription.sdp))

    async def _read(self, person: str, track: Any) -> None:
        from aiortc.mediastreams import MediaStreamError

        try:
            while True:
                frame = await track.recv()
                if track.kind == "audio" and person not in self.heard:
                    self.heard.add(person)
                    self.on_first_audio(person)
                self._emit(person, track.kind, frame)
        except (MediaStreamError, asyncio.CancelledError):
            pass

    # --- who I receive ---

    def update(self, call: CallInfo) -> None:
        """A new state of the call: receive who publishes now, let go of who left."""
        self.call = call
        present = {m.person_id for m in call.members}
        for gone in set(self.incoming) - present:
            self.plan.forget(gone)  # at once: the plan must not pause what is gone
            self._spawn(self._let_go(gone))
        for member in call.members:
            person = member.person_id
            if person != self.me and member.publishing and not self._incoming(person).subscribed:
                self._spawn(self._receive(person))
        self._plan()

    def show(self, shown: Collection[str], visible: bool) -> None:
        """The people whose tiles the view shows, and whether the meeting is in sight at all."""
        self._shown, self._visible = set(shown), visible
        self._plan()

    def _incoming(self, person: str) -> Incoming:
        return self.incoming.setdefault(person, Incoming())

    async def _receive(self, person: str) -> None:
        incoming = self._incoming(person)
        async with incoming.lock:
            if incoming.subscribed or self.closed:
                return
            if await self._subscription(person, incoming, video=False):
                incoming.subscribed = True
        self._plan()

    def _plan(self) -> None:
        if self.closed:
            return
        present = {m.person_id for m in self.call.members}
        with_video = {m.person_id for m in self.call.members
                      if m.video and m.person_id in self.incoming and self.incoming[m.person_id].subscribed}
        for person, step in self.plan.step(self._shown & present, visible=self._visible, with_video=with_video):
            self._spawn(self._video(person, step))

    async def _video(self, person: str, step: Step) -> None:
        incoming = self._incoming(person)
        async with incoming.lock:
            if self.closed or not incoming.subscribed:
                return
            if step is Step.SUBSCRIBE:
                if not await self._subscription(person, incoming, video=True):
                    self.plan.subscribed.discard(person)  # asked again with the next change
            else:
                await self._command(MeetingVideo(id=self._session.next_id(), call_id=self.call_id, person_id=person,
                                                 on=step is Step.RESUME))

    async def _subscription(self, person: str, incoming: Incoming, video: bool) -> bool:
        """Asks for ``person`` (with their video or not) and waits until the offer is answered."""
        incoming.answering = None
        ok = await self._command(MeetingSubscribe(id=self._session.next_id(), call_id=self.call_id,
                                                  person_id=person, video=video))
        if ok and incoming.answering is not None:  # the offer came before the ack
            try:
                await incoming.answering
            except Exception as exc:  # noqa: BLE001 (a description aiortc cannot take: this member stays silent)
                log.warning("could not receive a member of the meeting: %s", type(exc).__name__)
                return False
        return ok

    async def _let_go(self, person: str) -> None:
        incoming = self.incoming.pop(person, None)
        self.plan.forget(person)
        self.heard.discard(person)
        if incoming is not None:
            await self._close_incoming(incoming)

    async def _close_incoming(self, incoming: Incoming) -> None:
        for task in incoming.readers:
            task.cancel()
        if incoming.answering is not None:
            incoming.answering.cancel()
        if incoming.pc is not None:
            await close_connection(incoming.pc)

    async def _command(self, message: Any) -> bool:
        try:
            await self._session.command(message)
            return True
        except (SessionError, TimeoutError) as exc:
            code = getattr(exc, "code", "timeout")
            if code not in ("not_publishing", "media_server_unavailable", "not_in_call") and not self.closed:
                log.warning("meeting signalling refused: %s", code)
            return False

    async def close(self) -> None:
        """Everything of this link stops (the call ended, fell back to the mesh, or the room is new)."""
        self.closed = True
        for incoming in list(self.incoming.values()):
            await self._close_incoming(incoming)
        self.incoming.clear()
        if self.pub is not None:
            with contextlib.suppress(Exception):
                await close_connection(self.pub)
            self.pub = None
