"""Staff side of the digital door: the queues of my desks, admitting guests, and the visit itself —
a WebRTC call with the guest's browser (the browser offers, aiortc answers) and a text chat.

aiortc loads with the first visit that has a call, never at start.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from dvz_desktop.core.events import Event
from dvz_desktop.core.tasks import TaskSet
from dvz_desktop.protocol import ServerMessage
from dvz_desktop.protocol.door import (
    AdmitGuest,
    DeskQueue,
    EndVisit,
    HandOverVisit,
    VisitEvent,
    VisitSay,
    VisitSignal,
    VisitToCallback,
)

from .calls import MediaSource, NoDevices, tune_audio_jitter_buffer
from .session import Session, SessionError

log = logging.getLogger(__name__)


@dataclass
class VisitState:
    visit_id: str
    desk_id: str
    guest_name: str
    concern: str = ""
    #: (sender "guest"/"clerk", text, time), in order.
    lines: list[tuple[str, str, datetime]] = field(default_factory=list)
    pc: Any = None
    frames: dict[str, int] = field(default_factory=dict)
    readers: list[asyncio.Task[None]] = field(default_factory=list)
    ended: bool = False
    #: My tracks in this visit, by kind (held: silence and a black picture).
    tracks: dict[str, Any] = field(default_factory=dict)
    held: bool = False


class DoorClient:
    def __init__(self, session: Session, media: Callable[[], MediaSource] | None = None) -> None:
        self._session = session
        self._media_factory = media
        self._media: MediaSource | None = None
        self.queues: dict[str, DeskQueue] = {}
        self.visits: dict[str, VisitState] = {}
        self._loop = asyncio.get_event_loop()
        self._tasks = TaskSet(self._loop)
        self.queue_changed: Event[str] = Event()  # desk id
        self.visit_changed: Event[str] = Event()  # visit id
        #: Every decoded frame from a guest: (visit id, "audio"/"video", frame).
        self.frame_received: Event[tuple[str, str, Any]] = Event()
        self.failed: Event[str] = Event()
        session.message_received.connect(self._on_message)

    def waiting(self) -> int:
        """Guests waiting at all my desks (the tray shows "3 warten")."""
        return sum(q.desk.waiting for q in self.queues.values())

    # --- commands ---

    async def admit(self, desk_id: str, visit_id: str | None = None) -> str:
        ack = await self._session.command(AdmitGuest(id=self._session.next_id(), desk_id=desk_id, visit_id=visit_id))
        admitted = ack.ref or ""
        queue = self.queues.get(desk_id)
        guest = next((g for g in queue.guests if g.visit_id == admitted), None) if queue else None
        self.visits[admitted] = VisitState(admitted, desk_id, guest.name if guest else "",
                                           guest.concern if guest else "")
        self.visit_changed.emit(admitted)
        return admitted

    async def say(self, visit_id: str, body: str) -> None:
        await self._session.command(VisitSay(id=self._session.next_id(), visit_id=visit_id, body=body))
        visit = self.visits.get(visit_id)
        if visit is not None:
            visit.lines.append(("clerk", body, datetime.now().astimezone()))
            self.visit_changed.emit(visit_id)

    async def end(self, visit_id: str) -> None:
        await self._session.command(EndVisit(id=self._session.next_id(), visit_id=visit_id))
        await self._close(visit_id)

    async def hand_over(self, visit_id: str, to_desk_id: str | None = None) -> None:
        await self._session.command(HandOverVisit(id=self._session.next_id(), visit_id=visit_id, to_desk_id=to_desk_id))
        await self._close(visit_id)

    async def to_callback(self, visit_id: str, note: str = "") -> None:
        await self._session.command(VisitToCallback(id=self._session.next_id(), visit_id=visit_id, note=note))
        await self._close(visit_id)

    # --- from the backend ---

    def _on_message(self, msg: ServerMessage) -> None:
        if isinstance(msg, DeskQueue):
            self.queues[msg.desk.desk_id] = msg
            self.queue_changed.emit(msg.desk.desk_id)
        elif isinstance(msg, VisitEvent):
            visit = self.visits.get(msg.visit_id)
            if visit is None:
                return
            if msg.kind == "say":
                visit.lines.append(("guest", msg.body, msg.at))
                self.visit_changed.emit(msg.visit_id)
            elif msg.kind == "signal" and msg.sdp_type == "offer":
                self._spawn(self._answer(visit, msg))
            elif msg.kind == "left":
                self._spawn(self._close(msg.visit_id))

    async def _answer(self, visit: VisitState, msg: VisitEvent) -> None:
        from aiortc import (
            RTCConfiguration,
            RTCIceServer,
            RTCPeerConnection,
            RTCSessionDescription,
        )

        tune_audio_jitter_buffer()
        if visit.pc is not None:
            await visit.pc.close()
        servers = [RTCIceServer(urls=list(s.urls), username=s.username, credential=s.credential)
                   for s in msg.ice_servers]
        pc = visit.pc = RTCPeerConnection(RTCConfiguration(iceServers=servers))  # never aiortc's default STUN

        @pc.on("track")
        def on_track(track: Any) -> None:
            visit.readers.append(self._loop.create_task(self._read(visit, track)))

        media = self.media
        for kind, make in (("audio", media.audio_track), ("video", media.video_track)):
            track = make()
            if track is not None:
                track.held = visit.held
                visit.tracks[kind] = track
                pc.addTrack(track)
        try:
            await pc.setRemoteDescription(RTCSessionDescription(sdp=msg.sdp, type="offer"))
            await pc.setLocalDescription(await pc.createAnswer())
            await self._session.command(VisitSignal(id=self._session.next_id(), visit_id=visit.visit_id,
                                                    sdp_type="answer", sdp=pc.localDescription.sdp))
        except (SessionError, TimeoutError, ValueError) as exc:
            log.warning("visit call could not be set up (%s)", type(exc).__name__)
            self.failed.emit("Das Gespräch mit dem Gast konnte nicht aufgebaut werden.")

    @property
    def media(self) -> MediaSource:
        if self._media is None:
            self._media = self._media_factory() if self._media_factory is not None else NoDevices()
        return self._media

    async def _read(self, visit: VisitState, track: Any) -> None:
        from aiortc.mediastreams import MediaStreamError

        try:
            while True:
                frame = await track.recv()
                visit.frames[track.kind] = visit.frames.get(track.kind, 0) + 1
                self.frame_received.emit((visit.visit_id, track.kind, frame))
        except (MediaStreamError, asyncio.CancelledError):
            pass

    async def _close(self, visit_id: str) -> None:
        visit = self.visits.get(visit_id)
        if visit is None or visit.ended:
            return
        visit.ended = True
        for reader in visit.readers:
            reader.cancel()
        if visit.pc is not None:
            await visit.pc.close()
        self.visit_changed.emit(visit_id)

    async def hold(self, visit_id: str, held: bool, note: str = "") -> None:
        """Put a visit on hold (the guest neither hears nor sees me; ``note`` tells them why) or back."""
        visit = self.visits.get(visit_id)
        if visit is None or visit.ended or visit.held == held:
            return
        visit.held = held
        for track in visit.tracks.values():
            track.held = held
        self.visit_changed.emit(visit_id)
        if held and note:
            await self.say(visit_id, note)

    async def close_all(self) -> None:
        """Close every visit's connection (quitting): nothing of aiortc is left running."""
        for visit_id in list(self.visits):
            await self._close(visit_id)

    def _spawn(self, coro: Coroutine[Any, Any, Any]) -> None:
        self._tasks.spawn(coro)
