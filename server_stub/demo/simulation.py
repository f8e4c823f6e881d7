"""Simulated colleagues for the demo: they arrive, fetch coffee, meet, set statuses and leave.

The simulation acts through the same presence board as real users, so every client sees it as live
presence. Each step is small and random; ``speed`` makes the day pass faster.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Sequence
from datetime import timedelta

from dvz_desktop.core.clock import Clock
from dvz_desktop.core.tasks import TaskSet
from dvz_desktop.protocol import RoomKind, Status

from ..directory.visibility import Directory
from ..features.presence.board import PresenceBoard

log = logging.getLogger(__name__)

NOTES = {
    Status.BUSY: ["Bescheid bis 12 Uhr fertig", "Haushaltsentwurf", "Bitte nur Dringendes", "Akten sichten"],
    Status.DO_NOT_DISTURB: ["Telefonkonferenz", "Konzentriertes Arbeiten", "Prüfung Bauantrag"],
    Status.IN_MEETING: ["Kreistagsvorbereitung", "Jour fixe", "Abstimmung IKZ"],
    Status.AWAY: ["Mittagspause", "Außentermin", "Ortstermin Baustelle"],
    Status.AVAILABLE: ["", "", "Gern anrufen", "Homeoffice"],
}


class DemoSimulation:
    def __init__(
        self,
        board: PresenceBoard,
        directory: Directory,
        clock: Clock,
        exclude: Sequence[str] = (),
        seed: int | None = None,
        speed: float = 1.0,
    ) -> None:
        self._board = board
        self._directory = directory
        self._clock = clock
        self._rng = random.Random(seed)
        self._speed = max(speed, 0.01)
        self._people = [p for p in directory.people if p not in set(exclude)]
        self._busy: set[str] = set()  # people currently in a scripted episode (coffee, meeting)
        self._tasks = TaskSet()

    def populate_morning(self) -> None:
        """Three quarters of the staff are already in, having arrived between 7 and 9 o'clock."""
        now = self._clock.now()
        start = now.replace(hour=7, minute=0, second=0, microsecond=0)
        for person_id in self._people:
            if self._rng.random() < 0.75:
                arrived = start + timedelta(minutes=self._rng.randint(0, 120))
                self._board.come_online(person_id, arrived_at=min(arrived, now))
                if self._rng.random() < 0.3:
                    self._set_random_status(person_id)

    async def run(self) -> None:
        try:
            while True:
                await asyncio.sleep(self._rng.uniform(0.6, 2.0) / self._speed)
                self.step()
        finally:
            self._tasks.cancel()

    def step(self) -> None:
        online = [p for p in self._people if self._board.is_online(p) and p not in self._busy]
        offline = [p for p in self._people if not self._board.is_online(p)]
        share_online = len(online) / max(len(self._people), 1)
        actions = [
            (self._coffee, 3.0),
            (self._meeting, 1.5),
            (self._status, 3.0),
            (self._arrive, 2.0 if offline else 0.0),
            (self._leave, 0.6 if share_online > 0.6 else 0.0),
        ]
        action = self._rng.choices([a for a, _ in actions], weights=[w for _, w in actions])[0]
        action(online, offline)

    # --- episodes ---

    def _coffee(self, online: list[str], offline: list[str]) -> None:
        if not online:
            return
        person_id = self._rng.choice(online)
        kitchen = self._nearest_room(person_id, RoomKind.COFFEE_KITCHEN)
        if kitchen:
            self._episode([person_id], kitchen, None, self._rng.uniform(15, 60))

    def _meeting(self, online: list[str], offline: list[str]) -> None:
        if len(online) < 2:
            return
        first = self._rng.choice(online)
        org = self._directory.org_of(first)
        colleagues = [p for p in online if p != first and self._directory.org_of(p) == org]
        group = [first] + self._rng.sample(colleagues, k=min(len(colleagues), self._rng.randint(1, 3)))
        room = self._nearest_room(first, RoomKind.MEETING_ROOM)
        if room:
            self._episode(group, room, Status.IN_MEETING, self._rng.uniform(40, 120))

    def _status(self, online: list[str], offline: list[str]) -> None:
        if online:
            self._set_random_status(self._rng.choice(online))

    def _arrive(self, online: list[str], offline: list[str]) -> None:
        if offline:
            self._board.come_online(self._rng.choice(offline))

    def _leave(self, online: list[str], offline: list[str]) -> None:
        if online:
            self._board.go_offline(self._rng.choice(online))

    def _set_random_status(self, person_id: str) -> None:
        status = self._rng.choice([Status.AVAILABLE, Status.AVAILABLE, Status.BUSY, Status.DO_NOT_DISTURB,
                                   Status.AWAY])
        self._board.set_status(person_id, status, self._rng.choice(NOTES[status]))

    def _episode(self, group: list[str], room_id: str, status: Status | None, seconds: float) -> None:
        self._busy.update(group)
        before = {p: self._board.get(p) for p in group}
        for person_id in group:
            self._board.move(person_id, room_id)
            if status is not None:
                self._board.set_status(person_id, status, self._rng.choice(NOTES[status]))

        async def back() -> None:
            try:
                await asyncio.sleep(seconds / self._speed)
                for person_id, earlier in before.items():
                    if self._board.is_online(person_id):
                        self._board.move(person_id, earlier.room_id or room_id)
                        if status is not None:
                            self._board.set_status(person_id, earlier.status, earlier.note)
            finally:
                self._busy.difference_update(group)

        self._tasks.spawn(back(), name="demo-episode")

    def _nearest_room(self, person_id: str, kind: RoomKind) -> str | None:
        """A room of ``kind`` on the person's floor if there is one, else in their building."""
        presence = self._board.get(person_id)
        here = self._directory.rooms.get(presence.room_id or "")
        org = self._directory.org_of(person_id)
        candidates = [p for p in self._directory.rooms.values() if p.room.kind is kind and p.org_id == org]
        if here is not None:
            same_floor = [p for p in candidates if p.floor_id == here.floor_id]
            same_building = [p for p in candidates if p.building_id == here.building_id]
            candidates = same_floor or same_building or candidates
        return self._rng.choice(candidates).room.id if candidates else None
