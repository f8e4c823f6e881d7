"""Which faces a meeting shows, and which videos a client therefore receives.

**Gallery.** Up to nine tiles (``GALLERY_SIZE``) for the most recent speakers. Tiles stay where they
are: someone who starts speaking while not shown takes the place of the shown person who has been quiet
longest, in that person's slot, and nobody else moves. Before anyone has spoken, the first to arrive are
shown. Someone speaking is never replaced.

**Stage.** In the gallery view every shown tile is equal. In the speaker view the latest speaker is
large and a strip of the others runs beside them. A shared screen always takes the main stage (in both
views; someone else's screen, my own I know).

**Video plan.** A client receives audio from everyone but video only for tiles that show a picture:
the first time a tile shows someone with the camera on it subscribes to their video; when the tile goes
(or the whole meeting is out of sight, shrunk to the mini view) that video is paused at the media
server, and resumed when it comes back, without renegotiating.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from enum import Enum

from dvz_desktop.protocol.meetings import GALLERY_SIZE

#: Tiles beside the main stage in the speaker view (and beside a shared screen).
STRIP_SIZE = 5


@dataclass
class Gallery:
    capacity: int = GALLERY_SIZE
    #: The people shown, slot by slot.
    slots: list[str] = field(default_factory=list)
    #: When each person last spoke, as a count of updates (0: not yet).
    last_spoke: dict[str, int] = field(default_factory=dict)
    _tick: int = 0

    def update(self, members: Sequence[str], speaking: Collection[str]) -> list[str]:
        """``members`` in order of arrival (without me), ``speaking`` who speaks now; the slots after."""
        self._tick += 1
        present = set(members)
        for person in speaking:
            if person in present:
                self.last_spoke[person] = self._tick
        for gone in set(self.last_spoke) - present:
            del self.last_spoke[gone]
        self.slots = [p for p in self.slots if p in present]
        arrival = {person: index for index, person in enumerate(members)}

        def recency(person: str) -> tuple[int, int]:  # most recent speaker first, then first to arrive
            return (-self.last_spoke.get(person, 0), arrival[person])

        waiting = sorted((p for p in members if p not in self.slots), key=recency)
        while waiting and len(self.slots) < self.capacity:
            self.slots.append(waiting.pop(0))
        for newcomer in [p for p in waiting if p in speaking]:
            quiet = [i for i, p in enumerate(self.slots) if p not in speaking]
            if not quiet:
                break
            victim = min(quiet, key=lambda i: (self.last_spoke.get(self.slots[i], 0), -arrival[self.slots[i]]))
            self.slots[victim] = newcomer
        return list(self.slots)

    def latest_speaker(self) -> str | None:
        spoken = [(tick, person) for person, tick in self.last_spoke.items() if tick]
        return max(spoken)[1] if spoken else None


class View(str, Enum):
    GALLERY = "gallery"
    SPEAKER = "speaker"


@dataclass(frozen=True)
class Stage:
    """What the meeting view shows: a main stage (a person, or None in the gallery) and the tiles;
    ``screen`` when the main stage is someone's shared screen."""

    main: str | None
    tiles: tuple[str, ...]
    screen: bool = False

    def people(self) -> tuple[str, ...]:
        return ((self.main,) if self.main is not None else ()) + self.tiles


def arrange(view: View, slots: Sequence[str], *, sharing: Sequence[str] = (), latest_speaker: str | None = None,
            me: str | None = None) -> Stage:
    """The stage for ``slots`` (the gallery's choice). ``sharing``: who shares a screen, first first."""
    screens = [p for p in sharing if p != me]
    if screens:
        main = screens[0]
        return Stage(main, tuple(p for p in slots if p != main)[:STRIP_SIZE], screen=True)
    if view is View.SPEAKER and slots:
        speaker = latest_speaker if latest_speaker is not None and latest_speaker in slots else slots[0]
        return Stage(speaker, tuple(p for p in slots if p != speaker)[:STRIP_SIZE])
    return Stage(None, tuple(slots))


class Step(str, Enum):
    SUBSCRIBE = "subscribe"  # ask for the video (the first time: renegotiates)
    PAUSE = "pause"
    RESUME = "resume"


@dataclass
class VideoPlan:
    """The videos one client receives from the media server, and which of them are paused."""

    subscribed: set[str] = field(default_factory=set)
    paused: set[str] = field(default_factory=set)

    def step(self, shown: Collection[str], *, visible: bool, with_video: Collection[str]) -> list[tuple[str, Step]]:
        """The changes that make the client receive the videos of ``shown`` people who have a camera
        (or screen) on, while the meeting is ``visible``; everything else subscribed is paused."""
        # A camera that went off stays subscribed (it may come back) and is paused like a hidden tile.
        wanted = {p for p in shown if p in with_video} if visible else set()
        steps: list[tuple[str, Step]] = []
        for person in sorted(wanted - self.subscribed):
            self.subscribed.add(person)
            steps.append((person, Step.SUBSCRIBE))
        for person in sorted(wanted & self.paused):
            self.paused.discard(person)
            steps.append((person, Step.RESUME))
        for person in sorted(self.subscribed - wanted - self.paused):
            self.paused.add(person)
            steps.append((person, Step.PAUSE))
        return steps

    def forget(self, person: str) -> None:
        """``person`` left (their subscription is gone with them)."""
        self.subscribed.discard(person)
        self.paused.discard(person)

    def reset(self) -> None:
        """The media server's room was made anew: nothing is subscribed any more."""
        self.subscribed.clear()
        self.paused.clear()
