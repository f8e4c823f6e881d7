"""Meetings under test: the real backend on loopback driving a real Janus (in a network namespace of its
own), and people who take part with the real session and call layers (aiortc), each sending a tone and a
picture of their own, so a test can tell it hears and sees *that* person."""

from __future__ import annotations

import asyncio
import colorsys
import contextlib
import time
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from av import AudioFrame, VideoFrame

from dvz_desktop.services.calls import CallClient
from dvz_desktop.services.session import Session
from server_stub.app import Backend
from server_stub.directory.orgfile import OrgFile, RoomSpec, StaffSpec
from server_stub.sfu.config import SfuConfig
from tests.services.janus import WS_PORT, JanusServer
from tests.services.janus_participant import (
    ColourTrack,
    Received,
    ToneTrack,
    close_to,
    dominant_frequency,
    wait_for,
)

from .helpers import login

ROOM = "kh-sitz"
LARGE_ROOM = "kh-saal"
PASSWORD = "meeting-pass"
__all__ = ["LARGE_ROOM", "PASSWORD", "ROOM", "Meeting", "Member", "close_to", "meeting_org", "wait_for"]


def meeting_org(org: OrgFile, people: int = 12) -> OrgFile:
    """org_three with ``people`` more staff of the Landkreis (t01 …) and a council chamber marked large."""
    org = org.model_copy(deep=True)
    floor = org.organisations[0].buildings[0].floors[0]
    floor.rooms.append(RoomSpec(id=LARGE_ROOM, name="Sitzungssaal", kind="meeting_room", x=320, y=200, w=300, h=150,
                                large=True))
    for i in range(1, people + 1):
        org.staff.append(StaffSpec(username=f"t{i:02d}", display_name=f"Teilnehmerin {i:02d}", org="lk",
                                   home_room=ROOM, initial_password=PASSWORD))
    return org


def colour_of(index: int) -> tuple[int, int, int]:
    """Colours far apart for up to a dozen people (hue steps), bright enough for VP8."""
    r, g, b = colorsys.hsv_to_rgb((index * 0.61803) % 1.0, 0.8, 0.85)
    return int(r * 255), int(g * 255), int(b * 255)


def tone_of(index: int) -> float:
    return 300.0 + 125.0 * index


class SyntheticDevices:
    """A person's microphone and camera: their tone and their colour."""

    def __init__(self, tone: float, colour: tuple[int, int, int], fps: float) -> None:
        self.tone, self.colour, self.fps = tone, colour, fps

    def audio_track(self) -> Any:
        return ToneTrack(self.tone)

    def video_track(self) -> Any:
        return ColourTrack(self.colour, self.fps)


@dataclass
class Member:
    name: str
    session: Session
    calls: CallClient
    tone: float
    colour: tuple[int, int, int]
    received: dict[str, Received] = field(default_factory=dict)
    #: When the last frame from each person arrived (monotonic seconds).
    last_at: dict[str, float] = field(default_factory=dict)

    async def join(self, room: str = ROOM) -> str:
        """Joins the room's call with the camera on (the picture the view shows)."""
        call_id = await self.calls.join_room(room)
        # As the call view does: the camera is switched on in a call the client knows. (On a cluster the
        # call's state can reach the client a moment after the join's answer; set_media before it would
        # tell nobody.)
        await wait_for(lambda: self.calls.call is not None and self.calls.call.call_id == call_id,
                       what="the call's state at its new member")
        await self.calls.set_media(audio=True, video=True)
        return call_id

    def observe(self, item: tuple[str, str, Any]) -> None:
        person, kind, frame = item
        self.last_at[person] = time.monotonic()
        into = self.received.setdefault(person, Received())
        if kind == "audio" and isinstance(frame, AudioFrame):
            into.audio_frames += 1
            into._audio.append(frame.to_ndarray().reshape(-1, len(frame.layout.channels))[:, 0])
            del into._audio[:-25]
            if len(into._audio) == 25:
                into.tone = dominant_frequency(np.concatenate(into._audio).astype(np.float64), frame.sample_rate)
        elif kind == "video" and isinstance(frame, VideoFrame):
            into.video_frames += 1
            into.colour = tuple(int(c) for c in frame.to_ndarray(format="rgb24").reshape(-1, 3).mean(axis=0))  # type: ignore[assignment]

    def hears(self, other: Member) -> bool:
        got = self.received.get(other.name)
        return got is not None and got.tone is not None and abs(got.tone - other.tone) <= 25

    def sees(self, other: Member) -> bool:
        got = self.received.get(other.name)
        return got is not None and got.video_frames >= 3 and close_to(got.colour, other.colour, tolerance=45)

    def counts(self) -> dict[str, int]:
        """Audio frames received so far from each person."""
        return {person: got.audio_frames for person, got in self.received.items()}

    def hears_again(self, other: Member, since: dict[str, int]) -> bool:
        """Hears ``other`` with at least half a second of new audio since ``since``."""
        return self.count(other.name, "audio") >= since.get(other.name, 0) + 25 and self.hears(other)

    def count(self, other: str, kind: str) -> int:
        got = self.received.get(other)
        return 0 if got is None else (got.audio_frames if kind == "audio" else got.video_frames)


class Meeting:
    """The backend with its media server, and the people in it."""

    def __init__(self, backend: Backend, url: str, janus: JanusServer) -> None:
        self.backend = backend
        self.url = url
        self.janus = janus
        self.members: dict[str, Member] = {}
        self.frames: list[str] = []

    async def person(self, name: str, room: str | None = ROOM, index: int | None = None, fps: float = 5.0) -> Member:
        session = await login(self.url, name, PASSWORD)
        session.message_received.connect(lambda msg: self.frames.append(msg.model_dump_json()))
        index = len(self.members) if index is None else index
        member = Member(name, session, CallClient(session, SyntheticDevices(tone_of(index), colour_of(index), fps)),
                        tone_of(index), colour_of(index))
        member.calls.frame_received.connect(member.observe)
        if room is not None:
            await session.move(room)
        self.members[name] = member
        return member

    async def close(self) -> None:
        await leave_and_stop(self.members.values())

    def secrets_seen(self) -> list[str]:
        """Anything of Janus (its address, secrets, room ids or PINs) that reached a client."""
        server = self.backend.meetings.media.server
        assert server is not None
        # (Janus's address itself is no secret: media flows to it, and its candidates carry it.)
        # Its API address, with or without the scheme: a bare ":8188" also matches a random ssrc or ICE
        # password in an SDP (it did once in CI).
        needles = [self.janus.url, f"{self.janus.host.guest_address}:{WS_PORT}", self.janus.api_secret,
                   self.janus.admin_key]
        for room in server.rooms.values():
            needles += [room.secret, room.pin, str(room.janus_id)]
        return [n for n in needles if any(n in frame for frame in self.frames)]


@contextlib.asynccontextmanager
async def nodes_with_media_server(org: OrgFile, folder: Path, database: str, redis: str, janus: JanusServer,
                                  **options: Any) -> AsyncIterator[list[tuple[Backend, int]]]:
    """Two cluster nodes in this process ("node-a", "node-b"), both with the test's Janus, each in step
    with the other and connected to the media server: (node, port) each. ``options``: more BackendConfig."""
    import asyncio

    from server_stub.app import BackendConfig

    sfu = SfuConfig(janus.url, api_secret=janus.api_secret, admin_key=janus.admin_key)
    started: list[tuple[Backend, int]] = []
    try:
        for name in ("node-a", "node-b"):
            node = Backend(org, BackendConfig(data_dir=folder / name, database_url=database, redis_url=redis,
                                              node_id=name, sfu=sfu, **options))
            started.append((node, await node.start("127.0.0.1", 0)))
        for node, _ in started:
            server = node.meetings.media.server
            assert node.cluster is not None and server is not None
            await asyncio.wait_for(node.cluster.in_step.wait(), 10)
            await wait_for(lambda server=server: server.up, timeout=20, what="the media server")
        yield started
    finally:
        for node, _ in reversed(started):
            await node.stop()


def media_server_options(janus: JanusServer) -> tuple[str, ...]:
    """``dvz-server``'s options for the test's Janus ("=": a random secret may begin with "-")."""
    return f"--sfu={janus.url}", f"--sfu-secret={janus.api_secret}", f"--sfu-admin-key={janus.admin_key}"


@pytest.fixture
def veth_only(monkeypatch: pytest.MonkeyPatch, janus: JanusServer) -> None:
    """aiortc gathers on the veth end towards Janus's namespace only (the mesh uses it too), and never
    asks aiortc's default (third-party) STUN server."""
    import aioice.ice
    from aiortc.rtcicetransport import RTCIceGatherer

    monkeypatch.setattr(aioice.ice, "get_host_addresses", lambda use_ipv4, use_ipv6: [janus.host.host_address])

    def never(cls: Any) -> Any:
        raise AssertionError("aiortc's default (third-party) STUN server must never be used")

    monkeypatch.setattr(RTCIceGatherer, "getDefaultIceServers", classmethod(never))


@pytest.fixture(params=("sqlite",))
async def meeting(request: pytest.FixtureRequest, org_three: OrgFile, tmp_path: Path, janus: JanusServer,
                  veth_only: None) -> AsyncIterator[Meeting]:
    """One node, on SQLite unless a test asks for PostgreSQL too (``parametrize("meeting", …,
    indirect=True)``): a meeting's media path is the same on either, only guests' invitations are stored
    (test_meeting_guest.py runs on both). Meetings across the nodes of a cluster, on PostgreSQL:
    test_meeting_cluster.py."""
    from tests.conftest import backend_config

    config = backend_config(request, tmp_path / "data")
    config.sfu = SfuConfig(janus.url, api_secret=janus.api_secret, admin_key=janus.admin_key)
    backend = Backend(meeting_org(org_three), config)
    port = await backend.start("127.0.0.1", 0)
    server = backend.meetings.media.server
    assert server is not None
    await wait_for(lambda: server.up, timeout=20, what="the backend connected to the media server")
    room = Meeting(backend, f"ws://127.0.0.1:{port}/ws", janus)
    try:
        yield room
    finally:
        await room.close()
        await backend.stop()


async def leave_and_stop(members: Iterable[Member]) -> None:
    """The end of a test: every member leaves the call, their media stops, their session ends. All at once:
    one after the other, each leave waited for the media of everyone still in (eight members decoding
    each other's pictures in this one process took 40 s to leave)."""
    async def leave(member: Member) -> None:
        await member.calls.leave()
        await member.calls.idle()
        await member.session.stop()

    await asyncio.gather(*(leave(member) for member in members))


async def everyone_hears_everyone(people: list[Member], timeout: float = 40.0) -> None:
    await wait_for(lambda: all(a.hears(b) for a in people for b in people if a is not b), timeout=timeout,
                   what="everyone hearing everyone's own tone")
