"""The backend's driver of the media server against a real Janus (in a network namespace of its own),
with real aiortc peers whose signalling goes through the driver only: rooms with secrets, publishing,
receiving audio first and video when asked, pausing and resuming a video, a moderator's mute and
removal, and the connection lost and found again."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import pytest
from aiortc import RTCPeerConnection, RTCSessionDescription

from server_stub.sfu.janus_client import JanusClient
from server_stub.sfu.janus_messages import PluginError
from server_stub.sfu.media_server import MediaServer, NotEntered, NotPublishing
from tests.services.janus import JanusServer, janus  # noqa: F401  (the fixture)
from tests.services.janus_participant import (
    ColourTrack,
    Received,
    ToneTrack,
    close_to,
    consume,
    rtc_configuration,
    wait_for,
)

CALL = "r-call-1"
RED, GREEN = (200, 30, 30), (30, 170, 60)


@dataclass
class Peer:
    """One member's aiortc side: the publishing connection and one receiving connection per member."""

    key: str
    server: MediaServer
    pcs: dict[str, RTCPeerConnection] = field(default_factory=dict)
    received: dict[str, Received] = field(default_factory=dict)
    tasks: list[asyncio.Task[None]] = field(default_factory=list)

    async def publish(self, colour: tuple[int, int, int], tone: float) -> None:
        pc = self.pcs[""] = RTCPeerConnection(rtc_configuration())
        pc.addTransceiver(ToneTrack(tone), direction="sendonly")
        pc.addTransceiver(ColourTrack(colour), direction="sendonly")
        await pc.setLocalDescription(await pc.createOffer())
        answer = await self.server.publish(CALL, self.key, pc.localDescription.sdp)
        await pc.setRemoteDescription(RTCSessionDescription(answer, "answer"))

    async def receive(self, publisher: str, video: bool) -> None:
        offer = await self.server.subscribe(CALL, self.key, publisher, video)
        if offer is None:
            return
        pc = self.pcs.get(publisher)
        if pc is None:
            pc = self.pcs[publisher] = RTCPeerConnection(rtc_configuration())
            into = self.received.setdefault(publisher, Received())
            pc.on("track", lambda track: self.tasks.append(asyncio.create_task(consume(track, into))))
        await pc.setRemoteDescription(RTCSessionDescription(offer, "offer"))
        await pc.setLocalDescription(await pc.createAnswer())
        await self.server.answer(CALL, self.key, publisher, pc.localDescription.sdp)

    async def close(self) -> None:
        for task in self.tasks:
            task.cancel()
        for pc in self.pcs.values():
            await pc.close()


@pytest.fixture
async def media(janus: JanusServer) -> AsyncIterator[tuple[MediaServer, list[tuple[str, str, bool]], list[bool]]]:  # noqa: F811
    published: list[tuple[str, str, bool]] = []
    changes: list[bool] = []
    server = MediaServer(janus.url, api_secret=janus.api_secret, admin_key=janus.admin_key,
                         on_change=changes.append, on_published=lambda c, k, on: published.append((c, k, on)))
    await server.start()
    assert server.up
    yield server, published, changes
    await server.close()


async def test_audio_first_then_video_when_asked_then_paused_and_resumed(media) -> None:  # type: ignore[no-untyped-def]
    server, published, _ = media
    await server.open_room(CALL, capacity=10)
    anna, bernd = Peer("anna", server), Peer("bernd", server)
    try:
        await anna.publish(RED, 440.0)
        with pytest.raises(NotPublishing):  # not before Janus has her media
            await bernd.receive("anna", video=False)
        await wait_for(lambda: (CALL, "anna", True) in published, what="anna's media at the media server")

        await bernd.receive("anna", video=False)
        got = bernd.received["anna"]
        await wait_for(lambda: got.tone is not None, what="anna's tone at bernd")
        assert got.tone == pytest.approx(440, abs=25)
        assert got.video_frames == 0  # no video asked for, none sent

        await bernd.receive("anna", video=True)  # renegotiates: the video is added
        await wait_for(lambda: got.video_frames >= 5, what="anna's picture at bernd")
        assert close_to(got.colour, RED)

        await server.set_video(CALL, "bernd", "anna", False)
        await asyncio.sleep(0.5)  # frames already on their way may still land
        paused_at = got.video_frames
        await wait_for(lambda: got.audio_frames > 100, what="audio going on while the video is paused")
        assert got.video_frames - paused_at <= 2
        assert await server.subscribe(CALL, "bernd", "anna", True) is None  # resumes, no renegotiation
        await wait_for(lambda: got.video_frames > paused_at + 10, what="the picture back after resuming")
    finally:
        await anna.close()
        await bernd.close()


async def test_a_moderator_mutes_at_the_media_server_and_a_removed_member_loses_media_at_once(media) -> None:  # type: ignore[no-untyped-def]
    server, published, _ = media
    await server.open_room(CALL, capacity=10)
    anna, bernd = Peer("anna", server), Peer("bernd", server)
    try:
        await anna.publish(RED, 440.0)
        await bernd.publish(GREEN, 880.0)
        await wait_for(lambda: {("anna", True), ("bernd", True)} <= {(k, on) for _, k, on in published},
                       what="both publishing")
        await bernd.receive("anna", video=True)
        await anna.receive("bernd", video=True)
        at_bernd, at_anna = bernd.received["anna"], anna.received["bernd"]
        await wait_for(lambda: at_bernd.tone is not None and at_anna.video_frames > 5, what="media both ways")

        await server.mute(CALL, "anna", True)
        await asyncio.sleep(0.5)
        muted_at = at_bernd.audio_frames
        await wait_for(lambda: at_bernd.video_frames > 40, what="video going on while anna is muted")
        assert at_bernd.audio_frames - muted_at <= 2  # Janus drops her microphone
        await server.mute(CALL, "anna", False)
        await wait_for(lambda: at_bernd.audio_frames > muted_at + 25, what="anna audible again")

        await server.remove(CALL, "bernd")
        await asyncio.sleep(0.5)
        counts = (at_bernd.audio_frames, at_bernd.video_frames, at_anna.audio_frames, at_anna.video_frames)
        await asyncio.sleep(1.0)
        assert (at_bernd.audio_frames, at_bernd.video_frames, at_anna.audio_frames, at_anna.video_frames) == counts
        with pytest.raises(NotEntered):
            await server.answer(CALL, "bernd", "anna", "v=0\r\n")
    finally:
        await anna.close()
        await bernd.close()


async def test_rooms_are_private_and_a_member_needs_the_backends_private_id(media, janus: JanusServer) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    server, published, _ = media
    await server.open_room(CALL, capacity=10)
    anna = Peer("anna", server)
    try:
        await anna.publish(RED, 440.0)
        await wait_for(lambda: bool(published), what="anna publishing")
        room = server.rooms[CALL]
        async with await JanusClient.connect(janus.url, api_secret=janus.api_secret) as intruder:
            handle = await (await intruder.create_session()).attach_videoroom()
            listed = await handle.message({"request": "list"})
            assert room.janus_id not in {r.get("room") for r in listed.data.get("list", [])}  # not listed
            with pytest.raises(PluginError):  # without the PIN
                await handle.join_as_publisher(room.janus_id)
            feed = server.rooms[CALL].members["anna"].feed_id
            for guess in (None, 1, 4711):  # even with the PIN and the feed id, no private id: refused
                with pytest.raises(PluginError) as refused:
                    await handle.join_as_subscriber(room.janus_id, [feed], private_id=guess, pin=room.pin)
                assert refused.value.code == 433
    finally:
        await anna.close()


async def test_a_lost_media_server_is_reported_and_found_again(media, janus: JanusServer) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    server, _, changes = media
    await server.open_room(CALL, capacity=10)
    await server.enter(CALL, "anna")
    janus.kill()
    await wait_for(lambda: changes == [False], what="the loss reported")
    assert not server.up and server.rooms == {}
    janus.start()
    await wait_for(lambda: changes == [False, True], timeout=30, what="the media server back")
    assert server.up
    await server.open_room(CALL, capacity=10)  # the feature makes its rooms anew
    member = await server.enter(CALL, "anna")
    assert member.private_id
