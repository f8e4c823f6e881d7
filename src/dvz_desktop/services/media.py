"""Media for calls: tracks that can be switched without renegotiating, fed by the microphone
(sounddevice, 48 kHz), the camera (aiortc's media player: v4l2 / dshow / avfoundation) or the screen,
and the loudspeaker for what the others say. Imported on the first call only.

Muting does not remove a track (that would need a new offer); a muted microphone sends silence and a
switched-off camera sends a small black picture once a second.
"""

from __future__ import annotations

import asyncio
import fractions
import logging
import sys
import time
from collections.abc import Callable
from typing import Any

import numpy as np
from aiortc.mediastreams import MediaStreamError, MediaStreamTrack
from av import AudioFrame, VideoFrame

log = logging.getLogger(__name__)

SAMPLE_RATE = 48_000
FRAME_SAMPLES = 960  # 20 ms
VIDEO_SIZE = (640, 480)


class SwitchableAudioTrack(MediaStreamTrack):
    """My microphone as a track; ``muted`` sends silence. Without a device it sends silence too."""

    kind = "audio"

    def __init__(self, source: Callable[[], np.ndarray | None] | None = None) -> None:
        super().__init__()
        self.muted = False
        #: On hold (another conversation is live): silence, whatever ``muted`` says.
        self.held = False
        self._source = source  # returns 20 ms of int16 mono samples, or None when nothing is ready
        self._start: float | None = None
        self._pts = 0
        self.level = 0.0  # RMS of the last frame sent, 0..1 (the speaking indicator)

    async def recv(self) -> AudioFrame:
        if self.readyState != "live":
            raise MediaStreamError  # stopped: a relay reading it ends too
        if self._start is None:
            self._start = time.monotonic()
        # Pace like a real device: one 20 ms frame per 20 ms.
        due = self._start + self._pts / SAMPLE_RATE
        delay = due - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        samples = None if self.muted or self.held or self._source is None else self._source()
        if samples is None:
            samples = np.zeros(FRAME_SAMPLES, dtype=np.int16)
        self.level = float(np.sqrt(np.mean((samples.astype(np.float32) / 32768) ** 2))) if samples.size else 0.0
        frame = AudioFrame.from_ndarray(samples.reshape(1, -1), format="s16", layout="mono")
        frame.sample_rate = SAMPLE_RATE
        frame.pts = self._pts
        frame.time_base = fractions.Fraction(1, SAMPLE_RATE)
        self._pts += FRAME_SAMPLES
        return frame


class SwitchableVideoTrack(MediaStreamTrack):
    """Camera or screen as a track; off sends a black picture once a second (the peers keep the track)."""

    kind = "video"

    def __init__(self, source: Callable[[], Any] | None = None, fps: float = 30.0) -> None:
        super().__init__()
        #: Camera or screen switched on ("on" would hide the event emitter's ``on`` method of the track).
        self.enabled = source is not None
        #: On hold (another conversation is live): the black picture, the camera stays chosen.
        self.held = False
        self._source = source  # an awaitable-returning callable producing a VideoFrame
        self._fps = fps
        self._pts = 0
        self._black = VideoFrame.from_ndarray(np.zeros((VIDEO_SIZE[1] // 4, VIDEO_SIZE[0] // 4, 3), np.uint8),
                                              format="rgb24")
        #: Called with every picture sent while the camera or screen is on (the self view).
        self.preview: Callable[[VideoFrame], None] | None = None

    def switch(self, source: Callable[[], Any] | None) -> None:
        self._source = source
        self.enabled = source is not None

    async def recv(self) -> VideoFrame:
        if self.readyState != "live":
            raise MediaStreamError
        if self.enabled and not self.held and self._source is not None:
            frame: VideoFrame = await self._source()
            if self.preview is not None:
                self.preview(frame)
        else:
            await asyncio.sleep(1.0)
            frame = self._black
        rate = 90_000
        frame.pts = self._pts
        frame.time_base = fractions.Fraction(1, rate)
        self._pts += int(rate / (self._fps if self.enabled and not self.held else 1.0))
        return frame


class Yuv420Track(MediaStreamTrack):
    """A video track in the encoders' format. Every connection of a call encodes the same frames (aiortc's
    MediaRelay hands one frame to all); converted here once, on the loop, the encoders running in
    threads never reformat a shared frame (PyAV caches one reformatter per frame: two threads using it
    at once crash the process)."""

    kind = "video"

    def __init__(self, source: MediaStreamTrack) -> None:
        super().__init__()
        self.source = source

    async def recv(self) -> VideoFrame:
        frame = await self.source.recv()
        assert isinstance(frame, VideoFrame)  # the source is a video track
        if frame.format.name != "yuv420p":
            converted = frame.reformat(format="yuv420p")
            converted.pts, converted.time_base = frame.pts, frame.time_base
            frame = converted
        return frame

    def stop(self) -> None:
        super().stop()
        self.source.stop()


def synthetic_video(width: int = 320, height: int = 240, fps: float = 30.0) -> Callable[[], Any]:
    """A moving test picture (tests and the demo without a camera)."""
    counter = {"n": 0}

    async def next_frame() -> VideoFrame:
        await asyncio.sleep(1 / fps)
        counter["n"] += 1
        picture = np.zeros((height, width, 3), np.uint8)
        picture[:, : (counter["n"] * 4) % width] = (46, 125, 50)
        return VideoFrame.from_ndarray(picture, format="rgb24")

    return next_frame


def camera_source(device: str | None = None) -> Callable[[], Any] | None:
    """The camera through aiortc's media player, or None when there is none (receive-only video)."""
    from aiortc.contrib.media import MediaPlayer

    size = f"{VIDEO_SIZE[0]}x{VIDEO_SIZE[1]}"
    try:
        if sys.platform == "win32":
            player = MediaPlayer(f"video={device or 'Integrated Camera'}", format="dshow",
                                 options={"video_size": size})
        elif sys.platform == "darwin":
            player = MediaPlayer(device or "default:none", format="avfoundation",
                                 options={"video_size": size, "framerate": "30"})
        else:
            player = MediaPlayer(device or "/dev/video0", format="v4l2", options={"video_size": size})
    except Exception as exc:  # no camera, or it is busy
        log.info("no camera (%s)", type(exc).__name__)
        return None
    track = player.video
    return track.recv if track is not None else None


class Microphone:
    """sounddevice capture at 48 kHz mono into 20 ms blocks; None where there is no input device."""

    def __init__(self, device: int | str | None = None) -> None:
        import sounddevice as sd

        self._blocks: asyncio.Queue[np.ndarray] = asyncio.Queue(maxsize=50)
        loop = asyncio.get_running_loop()

        def callback(indata: np.ndarray, frames: int, _time: Any, status: Any) -> None:
            block = indata[:, 0].copy()
            loop.call_soon_threadsafe(self._put, block)

        self._stream = sd.InputStream(samplerate=SAMPLE_RATE, channels=1, dtype="int16", blocksize=FRAME_SAMPLES,
                                      device=device, callback=callback)
        self._stream.start()

    def _put(self, block: np.ndarray) -> None:
        if self._blocks.full():
            self._blocks.get_nowait()  # drop the oldest rather than add delay
        self._blocks.put_nowait(block)

    def read(self) -> np.ndarray | None:
        try:
            return self._blocks.get_nowait()
        except asyncio.QueueEmpty:
            return None

    def close(self) -> None:
        self._stream.stop()
        self._stream.close()


def open_microphone(device: int | str | None = None) -> Microphone | None:
    try:
        return Microphone(device)
    except Exception as exc:  # no PortAudio, no input device
        log.info("no microphone (%s)", type(exc).__name__)
        return None


class DeviceMedia:
    """What the app uses in a call: the chosen microphone and, when switched on, the camera or screen."""

    def __init__(self, input_device: int | str | None = None, camera: str | None = None,
                 screen: Callable[[], Any] | None = None) -> None:
        self._input_device = input_device
        self._camera = camera
        self._screen = screen
        self.microphone: Microphone | None = None
        self.audio: SwitchableAudioTrack | None = None
        self.video: SwitchableVideoTrack | None = None
        #: German notes for the UI, e.g. that no microphone was found.
        self.notes: list[str] = []

    def audio_track(self) -> SwitchableAudioTrack:
        self.microphone = open_microphone(self._input_device)
        if self.microphone is None:
            self.notes.append("Kein Mikrofon gefunden: die anderen hören Sie nicht, Sie hören sie.")
        self.audio = SwitchableAudioTrack(self.microphone.read if self.microphone else None)
        return self.audio

    def video_track(self) -> SwitchableVideoTrack:
        self.video = SwitchableVideoTrack(None)  # camera off by default
        return self.video

    def set_camera(self, on: bool) -> bool:
        """Returns whether the camera is on afterwards (False when there is none)."""
        if self.video is None:
            return False
        source = camera_source(self._camera) if on else None
        if on and source is None:
            self.notes.append("Keine Kamera gefunden.")
        self.video.switch(source)
        return source is not None

    def share_screen(self, on: bool) -> None:
        if self.video is not None:
            self.video.switch(self._screen if on else None)

    def close(self) -> None:
        if self.microphone is not None:
            self.microphone.close()
            self.microphone = None


def audio_devices() -> tuple[list[str], list[str]]:
    """(microphones, loudspeakers) by name; empty lists where PortAudio finds nothing."""
    try:
        import sounddevice as sd

        devices = sd.query_devices()
    except Exception:
        return [], []
    inputs = [d["name"] for d in devices if d.get("max_input_channels", 0) > 0]
    outputs = [d["name"] for d in devices if d.get("max_output_channels", 0) > 0]
    return inputs, outputs


class Speaker:
    """Plays what the others say: one buffer per person, mixed in the sounddevice output callback."""

    def __init__(self, device: int | str | None = None) -> None:
        import sounddevice as sd

        self._buffers: dict[str, np.ndarray] = {}
        self._stream = sd.OutputStream(samplerate=SAMPLE_RATE, channels=1, dtype="int16", device=device,
                                       blocksize=FRAME_SAMPLES, callback=self._callback)
        self._stream.start()

    def _callback(self, outdata: np.ndarray, frames: int, _time: Any, _status: Any) -> None:
        mix = np.zeros(frames, dtype=np.int32)
        for person, buffer in list(self._buffers.items()):
            chunk = buffer[:frames]
            mix[: len(chunk)] += chunk
            self._buffers[person] = buffer[frames:]
        outdata[:, 0] = np.clip(mix, -32768, 32767).astype(np.int16)

    def play(self, person_id: str, frame: AudioFrame) -> None:
        samples = frame.to_ndarray()
        channels = len(frame.layout.channels)
        mono = samples.reshape(-1, channels).mean(axis=1).astype(np.int16) if channels > 1 else samples.ravel()
        buffer = self._buffers.get(person_id, np.zeros(0, dtype=np.int16))
        if len(buffer) > SAMPLE_RATE // 5:  # more than 200 ms behind: drop rather than lag
            buffer = buffer[-SAMPLE_RATE // 10:]
        self._buffers[person_id] = np.concatenate([buffer, mono.astype(np.int16)])

    def close(self) -> None:
        self._stream.stop()
        self._stream.close()


def open_speaker(device: int | str | None = None) -> Speaker | None:
    try:
        return Speaker(device)
    except Exception as exc:
        log.info("no loudspeaker (%s)", type(exc).__name__)
        return None
