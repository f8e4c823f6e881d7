"""Calls: one aiortc peer connection per other member (a mesh of at most four), signalled through the
existing session; a call the backend moved to the media server (``mode`` "sfu") runs through
``meeting.SfuLink`` instead. aiortc and av are imported on the first call, never at start.

My microphone and camera are one track each, handed to every connection through aiortc's MediaRelay:
two connections reading one track directly would each get every other frame.

Moving from the mesh to the media server, the mesh connections stay until the same person is heard
through the media server (or a few seconds passed), so a growing meeting freezes only briefly.

Who offers is fixed (the member with the smaller id offers to the larger), so two peers never offer to
each other at once. Candidates travel inside the SDP (aiortc gathers before it answers). The ICE servers
are the list the backend configured, passed explicitly even when empty, so aiortc's built-in third-party
STUN server is never contacted.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any, Literal

from typing_extensions import TypeIs

from dvz_desktop.core.events import Event
from dvz_desktop.core.tasks import TaskSet
from dvz_desktop.protocol import (
    CallAnswer,
    CallEnded,
    CallInfo,
    CallJoin,
    CallLeave,
    CallMedia,
    CallSignal,
    CallSignalEvent,
    CallUpdate,
    ServerMessage,
    Welcome,
)
from dvz_desktop.protocol.meetings import (
    MeetingHand,
    MeetingInviteGuest,
    MeetingModerate,
    MeetingModerated,
    MeetingSdp,
)

from .call_tracks import LocalTracks, MediaSource, NoDevices, close_connection, tune_audio_jitter_buffer
from .session import Session, SessionError

__all__ = ["CallClient", "MediaSource", "NoDevices", "guest_link", "tune_audio_jitter_buffer"]


def guest_link(session_url: str, token: str) -> str:
    """The page a meeting guest opens: the backend's own address, over HTTPS where the socket is wss."""
    from urllib.parse import urlsplit

    parts = urlsplit(session_url)
    scheme = "https" if parts.scheme == "wss" else "http"
    return f"{scheme}://{parts.netloc}/besprechung/{token}"

log = logging.getLogger(__name__)

#: Seconds the mesh connections stay after the call moved to the media server, at most.
MESH_OVERLAP_S = 5.0


@dataclass
class Peer:
    person_id: str
    pc: Any
    remote_tracks: dict[str, Any] = field(default_factory=dict)
    readers: list[asyncio.Task[None]] = field(default_factory=list)


def _is_source(media: object) -> TypeIs[MediaSource]:
    """A source with tracks, rather than a factory that makes one on the first call."""
    return hasattr(media, "audio_track")


class CallClient:
    def __init__(self, session: Session, media: MediaSource | Callable[[], MediaSource] | None = None) -> None:
        self._session = session
        # A factory is called on the first call: device libraries load only then.
        self._media: MediaSource | None = None
        self._media_factory: Callable[[], MediaSource] | None = None
        if media is None or _is_source(media):
            self._media = media
        else:
            self._media_factory = media
        self.call: CallInfo | None = None
        self.peers: dict[str, Peer] = {}
        self._loop = asyncio.get_event_loop()
        self._tasks = TaskSet(self._loop)
        #: Every decoded remote frame: (person id, "audio" or "video", frame).
        self.frame_received: Event[tuple[str, str, Any]] = Event()
        self.call_changed: Event[CallInfo | None] = Event()
        #: German text when the call could not be set up or ended unexpectedly.
        self.failed: Event[str] = Event()
        self.ringing: Event[CallInfo] = Event()
        #: My call ended without anyone hanging up (the reason, e.g. "connection_lost": the other
        #: person's connection was lost); the view words it.
        self.ended_unexpectedly: Event[str] = Event()
        self.frames: dict[tuple[str, str], int] = {}
        #: On hold (another conversation is live): my tracks send silence and a black picture.
        self.held = False
        #: The call on the media server, while it runs there.
        self.sfu: Any = None
        #: My microphone and camera, one track each, handed to every connection.
        self.local = LocalTracks()
        #: A moderator muted me ("mute") or removed me ("remove"); the argument is who did.
        self.moderated: Event[MeetingModerated] = Event()
        self._shown: tuple[set[str], bool] = (set(), True)
        self._overlap: asyncio.Task[None] | None = None
        #: People an offer is on its way to (not in ``peers`` until its task runs): never two at once.
        self._offering: set[str] = set()
        #: Per member, their ``connection`` as last seen: when it goes up, they are connected to anew.
        self._connections: dict[str, int] = {}
        #: After a reconnect: the old connections closing; signals wait for it.
        self._rewiring: asyncio.Task[None] | None = None
        #: The call I am leaving or left: its updates and signals still on their way are not followed (a
        #: meeting falling back to peer to peer while everyone leaves would connect me anew).
        self._left: set[str] = set()
        session.message_received.connect(self._on_message)
        session.welcomed.connect(self._on_welcome)

    @property
    def me(self) -> str | None:
        return self._session.me

    @property
    def media(self) -> MediaSource:
        if self._media is None:
            self._media = self._media_factory() if self._media_factory is not None else NoDevices()
        return self._media

    # --- commands ---

    async def join_room(self, room_id: str) -> str:
        self._left.clear()  # the room's call may be the one I left earlier
        ack = await self._session.command(CallJoin(id=self._session.next_id(), room_id=room_id))
        return ack.ref or ""

    async def call_person(self, person_id: str) -> str:
        self._left.clear()
        ack = await self._session.command(CallJoin(id=self._session.next_id(), person_id=person_id))
        return ack.ref or ""

    async def answer(self, call_id: str, accept: bool) -> None:
        self._left.discard(call_id)
        await self._session.command(CallAnswer(id=self._session.next_id(), call_id=call_id, accept=accept))

    async def leave(self) -> None:
        call = self.call
        if call is not None:
            self._left.add(call.call_id)
        await self._teardown()
        if call is not None:
            with contextlib.suppress(SessionError, TimeoutError):
                await self._session.command(CallLeave(id=self._session.next_id(), call_id=call.call_id))

    async def set_media(self, audio: bool, video: bool, speaking: bool = False, screen: bool = False) -> None:
        """Mute or unmute; the tracks stay negotiated, disabled ones send silence / nothing. ``screen``: the
        picture is my shared screen (a meeting puts it on everyone's main stage)."""
        for kind, on in (("audio", audio), ("video", video)):
            track = self.local.devices.get(kind)
            if track is not None and hasattr(track, "enabled"):
                track.enabled = on
        if self.call is not None:
            await self._session.command(CallMedia(id=self._session.next_id(), call_id=self.call.call_id,
                                                  audio=audio, video=video, speaking=speaking,
                                                  screen=screen and video))

    async def raise_hand(self, raised: bool) -> None:
        if self.call is not None:
            await self._session.command(MeetingHand(id=self._session.next_id(), call_id=self.call.call_id,
                                                    raised=raised))

    async def moderate(self, person_id: str, action: str) -> None:
        """As a moderator: mute (``"mute"``) or remove (``"remove"``) a member."""
        if self.call is not None:
            await self._session.command(MeetingModerate(id=self._session.next_id(), call_id=self.call.call_id,
                                                        person_id=person_id, action=action))  # type: ignore[arg-type]

    async def invite_guest(self) -> str:
        """As a moderator: an invitation for a guest from outside; returns the link to send them."""
        assert self.call is not None
        ack = await self._session.command(MeetingInviteGuest(id=self._session.next_id(), call_id=self.call.call_id))
        return guest_link(self._session.url, ack.ref or "")

    def show_videos(self, shown: set[str], visible: bool) -> None:
        """The people whose tiles the view shows, and whether the call is in sight: in a meeting only
        their videos are received, and none while it is out of sight."""
        self._shown = (set(shown), visible)
        if self.sfu is not None:
            self.sfu.show(*self._shown)

    def set_held(self, held: bool) -> None:
        self.held = held
        self.local.set_held(held)

    # --- events ---

    def _on_welcome(self, welcome: Welcome) -> None:
        # After a reconnect the old peer connections are useless: connect anew to whoever is still there
        # (a call goes on across a reconnect in a cluster, whose other node took over), once they are closed.
        still = next((c for c in welcome.calls if self.me in {m.person_id for m in c.members} | set(c.ringing)), None)
        if still is not None:
            self.call = still  # signals arriving meanwhile belong to it
        self._rewiring = self._tasks.spawn(self._rewire(still))

    async def _rewire(self, call: CallInfo | None) -> None:
        await self._teardown(keep_call=call is not None)
        self._connections.clear()
        if call is not None:
            self._on_update(call)

    def _on_message(self, msg: ServerMessage) -> None:
        if isinstance(msg, CallUpdate):
            self._on_update(msg.call)
        elif isinstance(msg, CallSignalEvent):
            self._spawn(self._on_signal(msg))
        elif isinstance(msg, CallEnded):
            if self.call is not None and self.call.call_id == msg.call_id:
                if msg.reason == "connection_lost":
                    self.ended_unexpectedly.emit(msg.reason)
                self._spawn(self._teardown())
        elif isinstance(msg, MeetingSdp):
            if self.sfu is not None and self.sfu.call_id == msg.call_id:
                self.sfu.on_sdp(msg)
        elif isinstance(msg, MeetingModerated):
            if self.call is not None and self.call.call_id == msg.call_id:
                self.moderated.emit(msg)

    def _on_update(self, call: CallInfo) -> None:
        if call.call_id in self._left:
            return
        me = self.me
        if me in call.ringing:
            self.call = call
            self.ringing.emit(call)
            self.call_changed.emit(call)
            return
        if me not in {m.person_id for m in call.members}:
            return
        self.call = call
        self.call_changed.emit(call)
        members = {m.person_id for m in call.members} - {me}
        for gone in set(self.peers) - members:
            self._spawn(self._close_peer(gone))
        for member in call.members:
            known = self._connections.get(member.person_id)
            self._connections[member.person_id] = member.connection
            if known is not None and known != member.connection and member.person_id in self.peers:
                self._offering.add(member.person_id)  # their side starts anew: so does this one
                self._spawn(self._renew(member.person_id, call.mode == "mesh" and (me or "") < member.person_id))
        if call.mode == "sfu":
            if not call.sfu_lost:
                self._on_media_server(call)
            elif self.sfu is not None:  # the media server failed: wait for it (the view says so)
                self._spawn(self._close_sfu())
            return
        if self.sfu is not None:  # fell back to the mesh
            self._spawn(self._close_sfu())
        for person in sorted(members - set(self.peers) - self._offering):
            if (me or "") < person:
                self._offering.add(person)
                self._spawn(self._offer(person))

    # --- the media server ---

    def _on_media_server(self, call: CallInfo) -> None:
        from .meeting import SfuLink

        tune_audio_jitter_buffer()
        link = self.sfu
        if link is None or link.call_id != call.call_id or link.epoch != call.sfu_epoch:
            if link is not None:
                self._spawn(link.close())
            link = self.sfu = SfuLink(self._session, call, self._local_track, self._deliver, self.failed.emit,
                                      self._spawn)
            link.on_first_audio = lambda person: self._spawn(self._close_peer(person))
            link.show(*self._shown)
            self._spawn(link.publish())
            if self.peers:
                self._overlap = self._tasks.spawn(self._end_overlap(link))
        link.update(call)

    async def _end_overlap(self, link: Any) -> None:
        await asyncio.sleep(MESH_OVERLAP_S)  # a deadline, not a wait for a condition
        if self.sfu is link:
            for person in list(self.peers):
                await self._close_peer(person)

    async def _close_sfu(self) -> None:
        link, self.sfu = self.sfu, None
        if link is not None:
            await link.close()

    def _deliver(self, person_id: str, kind: str, frame: Any) -> None:
        key = (person_id, kind)
        self.frames[key] = self.frames.get(key, 0) + 1
        self.frame_received.emit((person_id, kind, frame))

    def _local_track(self, kind: str) -> Any | None:
        """A track of my microphone or camera for one more connection (None without that device)."""
        return self.local.for_connection(kind, self.media, self.held)

    # --- peer connections ---

    def _new_peer(self, person_id: str) -> Peer:
        from aiortc import RTCConfiguration, RTCIceServer, RTCPeerConnection

        tune_audio_jitter_buffer()
        assert self.call is not None
        servers = [RTCIceServer(urls=list(s.urls), username=s.username, credential=s.credential)
                   for s in self.call.ice_servers]
        pc = RTCPeerConnection(RTCConfiguration(iceServers=servers))  # explicit, even when empty
        peer = Peer(person_id, pc)
        self.peers[person_id] = peer

        @pc.on("track")
        def on_track(track: Any) -> None:
            peer.remote_tracks[track.kind] = track
            peer.readers.append(self._loop.create_task(self._read(person_id, track)))

        @pc.on("connectionstatechange")
        async def on_state() -> None:
            if pc.connectionState == "failed":
                self.failed.emit(f"Die Verbindung zu {person_id} ist abgebrochen.")
                await self._close_peer(person_id)

        for kind in ("audio", "video"):
            track = self._local_track(kind)
            if track is not None:
                pc.addTrack(track)
            else:
                pc.addTransceiver(kind, direction="recvonly")
        return peer

    async def _renew(self, person_id: str, offer: bool) -> None:
        try:
            await self._close_peer(person_id)
        finally:
            self._offering.discard(person_id)
        if offer and self.call is not None and person_id in {m.person_id for m in self.call.members}:
            self._offering.add(person_id)
            await self._offer(person_id)

    async def _offer(self, person_id: str) -> None:
        try:
            await self._make_offer(person_id)
        finally:
            self._offering.discard(person_id)

    async def _make_offer(self, person_id: str) -> None:
        if self.call is None or self.call.call_id in self._left:
            return  # left (or the call ended) before this offer's turn came
        call_id = self.call.call_id
        try:
            peer = self._new_peer(person_id)
            offer = await peer.pc.createOffer()
            await peer.pc.setLocalDescription(offer)  # gathers the candidates into the SDP
        except Exception as exc:  # e.g. no network interface to gather candidates from
            log.warning("could not offer a call to %s: %s", person_id, type(exc).__name__)
            self.failed.emit("Das Gespräch konnte nicht aufgebaut werden (keine Netzwerkverbindung?).")
            await self._close_peer(person_id)
            return
        await self._signal(call_id, person_id, "offer", peer.pc.localDescription.sdp)

    async def _on_signal(self, msg: CallSignalEvent) -> None:
        from aiortc import RTCSessionDescription

        rewiring = self._rewiring
        if rewiring is not None and not rewiring.done():
            await asyncio.wait({rewiring})  # the connections of before the reconnect are closed first
        if self.call is None or msg.call_id != self.call.call_id or msg.call_id in self._left:
            return
        try:
            if msg.sdp_type == "offer":
                await self._close_peer(msg.from_id)
                if msg.call_id in self._left:
                    return  # left while the earlier connection closed
                peer = self._new_peer(msg.from_id)
                await peer.pc.setRemoteDescription(RTCSessionDescription(sdp=msg.sdp, type="offer"))
                answer = await peer.pc.createAnswer()
                await peer.pc.setLocalDescription(answer)
                await self._signal(msg.call_id, msg.from_id, "answer", peer.pc.localDescription.sdp)
            else:
                known = self.peers.get(msg.from_id)
                if known is not None:
                    await known.pc.setRemoteDescription(RTCSessionDescription(sdp=msg.sdp, type="answer"))
        except Exception as exc:  # a malformed SDP from the other side: this call fails cleanly
            log.warning("call setup with %s failed: %s", msg.from_id, type(exc).__name__)
            self.failed.emit("Das Gespräch konnte nicht aufgebaut werden: ungültige Verbindungsdaten.")
            await self.leave()

    async def _signal(self, call_id: str, to: str, sdp_type: Literal["offer", "answer"], sdp: str) -> None:
        try:
            await self._session.command(CallSignal(id=self._session.next_id(), call_id=call_id, to=to,
                                                   sdp_type=sdp_type, sdp=sdp))
        except (SessionError, TimeoutError) as exc:
            log.warning("call signal not delivered: %s", getattr(exc, "code", exc))

    async def _read(self, person_id: str, track: Any) -> None:
        from aiortc.mediastreams import MediaStreamError

        try:
            while True:
                frame = await track.recv()
                if self.sfu is not None and person_id in self.sfu.heard:
                    continue  # heard through the media server already: the mesh connection is closing
                self._deliver(person_id, track.kind, frame)
        except (MediaStreamError, asyncio.CancelledError):
            pass

    async def _close_peer(self, person_id: str) -> None:
        peer = self.peers.pop(person_id, None)
        if peer is None:
            return
        for task in peer.readers:
            task.cancel()
        await close_connection(peer.pc)
        # Again: an answer still being applied may have added a track (and its reader) meanwhile, whose
        # recv() would wait for ever on the closed connection.
        for task in peer.readers:
            task.cancel()
        if peer.readers:
            # wait() neither raises the readers' cancellation nor swallows one aimed at this coroutine.
            await asyncio.wait(peer.readers)

    async def _teardown(self, keep_call: bool = False) -> None:
        if self._overlap is not None:
            self._overlap.cancel()
        await self._close_sfu()
        for person in list(self.peers):
            await self._close_peer(person)
        self.local.stop()
        close = getattr(self._media, "close", None)
        if close is not None and not self.peers:
            close()  # the microphone is released when the call is over
        if self._media_factory is not None:
            self._media = None  # a fresh device set for the next call
        if not keep_call and self.call is not None:
            self.held = False
            self.call = None
            self.call_changed.emit(None)

    def _spawn(self, coro: Coroutine[Any, Any, Any]) -> None:
        self._tasks.spawn(coro)

    def detach(self) -> None:
        """Stop listening to the session (a client that is replaced)."""
        self._session.message_received.disconnect(self._on_message)
        self._session.welcomed.disconnect(self._on_welcome)

    async def idle(self) -> None:
        """Wait for running setup and teardown work (tests, shutdown)."""
        await self._tasks.idle()


MediaFactory = Callable[[], MediaSource]
