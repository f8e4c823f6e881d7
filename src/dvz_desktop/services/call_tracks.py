"""My microphone and camera in a call, and aiortc's audio receivers tuned for speech.

Each device is one track, handed to every connection of the call (the mesh's peers, the media
server's publication) through aiortc's MediaRelay: two connections reading one track directly would
each get every other frame. The camera is converted once, on the loop, to the encoders' format: the
encoders run in threads, and PyAV reformatting one shared frame from two threads crashes the process.
"""

from __future__ import annotations

from typing import Any, Protocol

#: Audio packets held before playout. aiortc holds 4 (80 ms); on a LAN 2 (40 ms) is enough and keeps the
#: mouth-to-ear delay inside what people perceive as a phone call.
AUDIO_PREFETCH = 2
_TUNED = False


def tune_audio_jitter_buffer() -> None:
    """Make aiortc's receivers hold fewer audio packets (video is left as it is)."""
    global _TUNED
    if _TUNED:
        return
    import aiortc.rtcrtpreceiver as receiver
    from aiortc.jitterbuffer import JitterBuffer

    class LowLatencyJitterBuffer(JitterBuffer):
        def __init__(self, capacity: int, prefetch: int = 0, is_video: bool = False) -> None:
            super().__init__(capacity, prefetch if is_video else min(prefetch, AUDIO_PREFETCH), is_video)

    receiver.JitterBuffer = LowLatencyJitterBuffer  # type: ignore[attr-defined]
    _TUNED = True


class MediaSource(Protocol):
    """Where my tracks come from: devices in the app, synthetic tracks in tests, nothing without devices."""

    def audio_track(self) -> Any | None: ...

    def video_track(self) -> Any | None: ...


class NoDevices:
    """Receive only: the call works, the others just do not hear or see me."""

    def audio_track(self) -> None:
        return None

    def video_track(self) -> None:
        return None


class LocalTracks:
    def __init__(self) -> None:
        #: The device tracks themselves (muted, held and switched here).
        self.devices: dict[str, Any] = {}
        self._sources: dict[str, Any] = {}
        self._relay: Any = None

    def for_connection(self, kind: str, media: MediaSource, held: bool) -> Any | None:
        """A track of the ``kind`` device for one more connection (None without that device)."""
        from aiortc.contrib.media import MediaRelay

        from .media import Yuv420Track

        track = self.devices.get(kind)
        if track is None:
            track = media.audio_track() if kind == "audio" else media.video_track()
            if track is None:
                return None
            if hasattr(track, "held"):
                track.held = held
            self.devices[kind] = track
            self._sources[kind] = track if kind == "audio" else Yuv420Track(track)
        if self._relay is None:
            self._relay = MediaRelay()
        return self._relay.subscribe(self._sources[kind], buffered=kind == "audio")

    def set_held(self, held: bool) -> None:
        for track in self.devices.values():
            if hasattr(track, "held"):
                track.held = held

    def stop(self) -> None:
        """The call is over: the devices stop, and the relay reading them ends with them."""
        for track in [*self._sources.values(), *self.devices.values()]:
            track.stop()
        self.devices.clear()
        self._sources.clear()
        self._relay = None


async def close_connection(pc: Any) -> None:
    """Close an aiortc peer connection, also one still connecting. aiortc starts its ICE in a task of its
    own and nobody awaits it: closed meanwhile, that task fails with "RTCIceTransport is closed" and the
    loop reports an exception never retrieved. Closing a connection that is still being set up is normal
    here (someone hangs up, the meeting moves to the media server), so that failure is taken as the end
    it is."""
    import asyncio

    def connecting(task: asyncio.Task[Any]) -> bool:
        coro = task.get_coro()
        frame = getattr(coro, "cr_frame", None)
        return (getattr(coro, "__qualname__", "").endswith("__connect") and frame is not None
                and frame.f_locals.get("self") is pc)

    pending = [task for task in asyncio.all_tasks() if connecting(task)]
    await pc.close()
    for task in pending:
        task.add_done_callback(lambda done: done.cancelled() or done.exception())
