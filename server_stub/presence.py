"""Who is where, in which status, since when today. Kept in memory; only "first seen today" is stored."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from dvz_desktop.core.clock import Clock
from dvz_desktop.protocol import Presence, Status

from .directory import Directory
from .store import Store


class PresenceBoard:
    def __init__(
        self,
        directory: Directory,
        store: Store,
        clock: Clock,
        publish: Callable[[Presence], None],
    ) -> None:
        self._directory = directory
        self._store = store
        self._clock = clock
        self._publish = publish
        self._current: dict[str, Presence] = {}
        # Status, note and room a person chose, kept while they are briefly offline during this run,
        # so a reconnect puts them back where they were.
        self._chosen: dict[str, Presence] = {}
        self._day = clock.now().date()

    def get(self, person_id: str) -> Presence:
        return self._current.get(person_id) or Presence(person_id=person_id)

    def is_online(self, person_id: str) -> bool:
        return self.get(person_id).status is not Status.OFFLINE

    def snapshot_for(self, viewer_org: str) -> tuple[Presence, ...]:
        """Everyone online whom staff of ``viewer_org`` may see (offline is the default)."""
        audience_of = self._directory.audience
        return tuple(
            self._directory.presence_for(viewer_org, p)
            for pid, p in self._current.items()
            if p.status is not Status.OFFLINE
            and viewer_org in audience_of(self._directory.org_of(pid))
        )

    def come_online(self, person_id: str, arrived_at: datetime | None = None) -> Presence:
        """Mark a person online; ``arrived_at`` lets the demo pretend someone came in earlier today."""
        if self.is_online(person_id):
            return self.get(person_id)
        now = self._clock.now()
        first_seen = self._store.mark_seen(person_id, now.date(), arrived_at or now)
        chosen = self._chosen.get(person_id)
        person = self._directory.people[person_id]
        presence = Presence(
            person_id=person_id,
            status=chosen.status if chosen else Status.AVAILABLE,
            note=chosen.note if chosen else "",
            room_id=(chosen.room_id if chosen and chosen.room_id else person.home_room_id),
            first_seen_today=first_seen,
        )
        return self._set(presence)

    def go_offline(self, person_id: str) -> Presence:
        current = self.get(person_id)
        if current.status is Status.OFFLINE:
            return current
        self._chosen[person_id] = current
        return self._set(current.model_copy(update={"status": Status.OFFLINE, "room_id": None}))

    def set_status(self, person_id: str, status: Status, note: str) -> Presence:
        current = self.get(person_id)
        return self._set(current.model_copy(update={"status": status, "note": note}))

    def move(self, person_id: str, room_id: str) -> Presence:
        return self._set(self.get(person_id).model_copy(update={"room_id": room_id}))

    def roll_over_day(self) -> None:
        """At midnight "first seen today" starts again: yesterday's times are deleted."""
        now = self._clock.now()
        if now.date() == self._day:
            return
        self._day = now.date()
        self._store.purge_first_seen(self._day)
        for pid, presence in list(self._current.items()):
            if presence.status is Status.OFFLINE:
                self._current.pop(pid)
            else:
                seen = self._store.mark_seen(pid, self._day, now)
                self._set(presence.model_copy(update={"first_seen_today": seen}))

    def _set(self, presence: Presence) -> Presence:
        if self._current.get(presence.person_id) == presence:
            return presence
        self._current[presence.person_id] = presence
        self._publish(presence)
        return presence
