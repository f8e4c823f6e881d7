"""An aiortc participant of a Janus VideoRoom, for tests and benchmarks: it publishes a synthetic
tone and a picture of one colour, subscribes to others' feeds, and tells which tone and colour it
receives from whom (so a test proves it got *that* person's audio and video, not any packets).

The rules that make aiortc and Janus meet (found the hard way, kept here once):

* an explicit ``RTCConfiguration(iceServers=[])``: aiortc's default is a third-party STUN server;
* ``bundlePolicy=max-bundle``: Janus bundles everything on one transport;
* aiortc puts all its candidates into the SDP, so after the offer (or answer) the handle trickles
  ``completed`` at once, or Janus keeps waiting for more;
* a subscription is made only once the room lists the publisher (``wait_for_publisher``); before
  that Janus refuses it (no such feed).
"""

from __future__ import annotations

import asyncio
import fractions
import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from aiortc import RTCBundlePolicy, RTCConfiguration, RTCPeerConnection, RTCSessionDescription
from aiortc.mediastreams import MediaStreamError, MediaStreamTrack
from av import AudioFrame, VideoFrame

from server_stub.sfu.janus_client import JanusClient, JanusSession, Joined, VideoRoomHandle

SAMPLE_RATE = 48_000
FRAME_SAMPLES = 960  # 20 ms


class ToneTrack(MediaStreamTrack):
    """A sine tone in 20 ms frames, paced like a microphone."""

    kind = "audio"

    def __init__(self, frequency: float) -> None:
        super().__init__()
        self.frequency = frequency
        self._sent = 0
        self._start: float | None = None

    async def recv(self) -> AudioFrame:
        if self._start is None:
            self._start = time.monotonic()
        delay = self._start + self._sent / SAMPLE_RATE - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)  # a device's pace, not a wait for a condition
        t = (self._sent + np.arange(FRAME_SAMPLES)) / SAMPLE_RATE
        samples = (0.3 * 32767 * np.sin(2 * np.pi * self.frequency * t)).astype(np.int16)
        frame = AudioFrame.from_ndarray(samples.reshape(1, -1), format="s16", layout="mono")
        frame.sample_rate = SAMPLE_RATE
        frame.pts = self._sent
        frame.time_base = fractions.Fraction(1, SAMPLE_RATE)
        self._sent += FRAME_SAMPLES
        return frame


class ColourTrack(MediaStreamTrack):
    """A 320x240 picture of one colour at ``fps``."""

    kind = "video"

    def __init__(self, colour: tuple[int, int, int], fps: float = 15.0) -> None:
        super().__init__()
        self._picture = np.full((240, 320, 3), colour, np.uint8)
        self._fps = fps
        self._pts = 0
        self._start: float | None = None

    async def recv(self) -> VideoFrame:
        if self._start is None:
            self._start = time.monotonic()
        delay = self._start + self._pts / 90_000 - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        frame = VideoFrame.from_ndarray(self._picture, format="rgb24")
        frame.pts = self._pts
        frame.time_base = fractions.Fraction(1, 90_000)
        self._pts += int(90_000 / self._fps)
        return frame


def dominant_frequency(samples: np.ndarray, rate: int) -> float:
    spectrum = np.abs(np.fft.rfft(samples * np.hanning(samples.size)))
    return float(np.fft.rfftfreq(samples.size, 1 / rate)[int(np.argmax(spectrum))])


@dataclass
class Received:
    """What arrived from one feed: frame counts, the last colour, the tone, when the first came."""

    audio_frames: int = 0
    video_frames: int = 0
    colour: tuple[int, int, int] | None = None
    tone: float | None = None
    first_audio_at: float | None = None
    first_video_at: float | None = None
    _audio: list[np.ndarray] = field(default_factory=list, repr=False)


def rtc_configuration() -> RTCConfiguration:
    return RTCConfiguration(iceServers=[], bundlePolicy=RTCBundlePolicy.MAX_BUNDLE)


class Participant:
    """One person in a room: a Janus session, a publisher handle and one subscription per feed."""

    def __init__(self, client: JanusClient, display: str, *, colour: tuple[int, int, int], tone: float) -> None:
        self.client = client
        self.display = display
        self.colour = colour
        self.tone = tone
        self.session: JanusSession | None = None
        self.publisher: VideoRoomHandle | None = None
        self.joined: Joined | None = None
        self.received: dict[int | str, Received] = {}
        self._pcs: list[RTCPeerConnection] = []
        self._readers: set[asyncio.Task[None]] = set()

    async def join_and_publish(self, room: int | str, *, pin: str | None) -> Joined:
        self.session = await self.client.create_session()
        self.publisher = await self.session.attach_videoroom()
        self.joined = await self.publisher.join_as_publisher(room, display=self.display, pin=pin)
        pc = RTCPeerConnection(rtc_configuration())
        self._pcs.append(pc)
        pc.addTransceiver(ToneTrack(self.tone), direction="sendonly")
        pc.addTransceiver(ColourTrack(self.colour), direction="sendonly")
        await pc.setLocalDescription(await pc.createOffer())
        answer = await self.publisher.publish({"type": "offer", "sdp": pc.localDescription.sdp})
        await self.publisher.trickle_completed()
        await pc.setRemoteDescription(RTCSessionDescription(sdp=answer["sdp"], type=answer["type"]))
        return self.joined

    async def subscribe(self, feed_id: int | str, *, pin: str | None) -> None:
        """Subscribes to one publisher, once the room lists it; media is counted as it arrives."""
        assert self.session is not None and self.publisher is not None and self.joined is not None
        await self.publisher.wait_for_publisher(feed_id)
        handle = await self.session.attach_videoroom()
        offer = await handle.join_as_subscriber(self.joined.room, [feed_id], private_id=self.joined.private_id,
                                                pin=pin)
        pc = RTCPeerConnection(rtc_configuration())
        self._pcs.append(pc)
        received = self.received.setdefault(feed_id, Received())
        pc.on("track", lambda track: self._read(track, received))
        await pc.setRemoteDescription(RTCSessionDescription(sdp=offer["sdp"], type=offer["type"]))
        await pc.setLocalDescription(await pc.createAnswer())
        await handle.start({"type": "answer", "sdp": pc.localDescription.sdp})
        await handle.trickle_completed()

    def _read(self, track: MediaStreamTrack, into: Received) -> None:
        task = asyncio.create_task(self._consume(track, into))
        self._readers.add(task)
        task.add_done_callback(self._readers.discard)

    async def _consume(self, track: MediaStreamTrack, into: Received) -> None:
        await consume(track, into)

    async def close(self) -> None:
        for task in list(self._readers):
            task.cancel()
        for pc in self._pcs:
            await pc.close()
        if self.session is not None and self.client.connected:
            await self.session.destroy()


async def consume(track: MediaStreamTrack, into: Received) -> None:
    """Counts what arrives on ``track`` and finds its tone or colour, until the track ends."""
    try:
        while True:
            frame = await track.recv()
            if isinstance(frame, AudioFrame):
                into.audio_frames += 1
                into.first_audio_at = into.first_audio_at or time.monotonic()
                into._audio.append(frame.to_ndarray().reshape(-1, len(frame.layout.channels))[:, 0])
                del into._audio[:-25]  # the last half second
                if len(into._audio) == 25:
                    into.tone = dominant_frequency(np.concatenate(into._audio).astype(np.float64), frame.sample_rate)
            elif isinstance(frame, VideoFrame):
                into.video_frames += 1
                into.first_video_at = into.first_video_at or time.monotonic()
                picture = frame.to_ndarray(format="rgb24")
                into.colour = tuple(int(c) for c in picture.reshape(-1, 3).mean(axis=0))  # type: ignore[assignment]
    except MediaStreamError:
        return


def close_to(colour: tuple[int, int, int] | None, expected: tuple[int, int, int], tolerance: int = 40) -> bool:
    return colour is not None and all(abs(a - b) <= tolerance for a, b in zip(colour, expected, strict=True))


async def wait_for(condition: Any, *, timeout: float = 20.0, what: str = "condition") -> None:
    """Polls ``condition()`` on the loop until it holds (media arrives on its own schedule)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        await asyncio.sleep(0.02)
