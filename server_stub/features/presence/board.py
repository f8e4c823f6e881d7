"""Who is where, in which status, since when today. Kept in memory; only "first seen today" is stored.

Every change goes to the listeners in the order they subscribed: first the hub (the change goes out to
the sockets that may see it), then the features that keep in step with who is where. The application
subscribes them once everything is built (app.py)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from dvz_desktop.core.clock import Clock
from dvz_desktop.protocol import Presence, RoomKind, Status

from ...db import DatabaseError
from ...directory.visibility import Directory
from .store import FirstSeenStore

log = logging.getLogger(__name__)


class PresenceBoard:
    def __init__(self, directory: Directory, store: FirstSeenStore, clock: Clock) -> None:
        self._directory = directory
        self._store = store
        self._clock = clock
        self._listeners: list[Callable[[Presence], None]] = []
        self._current: dict[str, Presence] = {}
        #: Who is online, per organisation: a login's snapshot reads the organisations its person may
        #: see, never everyone online (a login must not cost more the more people are connected).
        self._online_by_org: dict[str, dict[str, Presence]] = {}
        #: Who is online in each room (knocks and doors ask for a room's occupants on presence changes).
        self._online_by_room: dict[str, dict[str, Presence]] = {}
        # Status, note and room a person chose, kept while they are briefly offline during this run,
        # so a reconnect puts them back where they were.
        self._chosen: dict[str, Presence] = {}
        self._day = clock.now().date()

    def get(self, person_id: str) -> Presence:
        return self._current.get(person_id) or Presence(person_id=person_id)

    def subscribe(self, listener: Callable[[Presence], None]) -> None:
        """Hear every change from now on (after the listeners that subscribed earlier)."""
        self._listeners.append(listener)

    def is_online(self, person_id: str) -> bool:
        return self.get(person_id).status is not Status.OFFLINE

    def reachable(self, person_id: str) -> bool:
        """Online and not hiding ("als offline anzeigen" means: do not ring me)."""
        presence = self.get(person_id)
        return presence.status is not Status.OFFLINE and not presence.appear_offline

    def disturbable(self, person_id: str) -> bool:
        return self.get(person_id).status is not Status.DO_NOT_DISTURB

    def snapshot_for(self, viewer_id: str) -> tuple[Presence, ...]:
        """Everyone online whose presence ``viewer_id`` may see (offline is the default), and myself.
        Reads only the organisations that may be visible to the viewer (their own and its partners)."""
        directory = self._directory
        viewer_org, viewer_unit = directory.org_of(viewer_id), directory.unit_of(viewer_id)
        shown = []
        mine = self._current.get(viewer_id)
        if mine is not None:
            shown.append(mine)
        for org_id in directory.audience(viewer_org):
            for pid, p in self._online_by_org.get(org_id, {}).items():
                if pid != viewer_id and not p.appear_offline and directory.sees_presence(viewer_org, viewer_unit, pid):
                    shown.append(directory.presence_for(viewer_org, p))
        return tuple(shown)

    def online_people(self) -> list[str]:
        return [pid for people in self._online_by_org.values() for pid in people]

    def apply(self, presence: Presence) -> Presence:
        """A change that happened on another node of the cluster (cluster/presence.py): this node's
        sockets and features hear it like one of its own."""
        return self._set(presence)

    def online_in(self, room_id: str) -> list[Presence]:
        return list(self._online_by_room.get(room_id, {}).values())

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
            appear_offline=chosen.appear_offline if chosen else False,
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

    def set_status(self, person_id: str, status: Status, note: str, appear_offline: bool = False) -> Presence:
        current = self.get(person_id)
        return self._set(current.model_copy(update={"status": status, "note": note, "appear_offline": appear_offline}))

    def set_coffee(self, person_id: str, wanted: bool) -> Presence:
        return self._set(self.get(person_id).model_copy(update={"coffee": wanted}))

    def move(self, person_id: str, room_id: str) -> Presence:
        # Walking into the coffee kitchen says "Lust auf Kaffee"; leaving it ends that.
        coffee = self.get(person_id).coffee
        if self._is_kitchen(room_id):
            coffee = True
        elif self._is_kitchen(self.get(person_id).room_id):
            coffee = False
        return self._set(self.get(person_id).model_copy(update={"room_id": room_id, "coffee": coffee}))

    def _is_kitchen(self, room_id: str | None) -> bool:
        place = self._directory.rooms.get(room_id) if room_id else None
        return place is not None and place.room.kind is RoomKind.COFFEE_KITCHEN

    def roll_over_day(self) -> None:
        """At midnight "first seen today" starts again: yesterday's times are deleted."""
        now = self._clock.now()
        if now.date() == self._day:
            return
        self._day = now.date()
        self._store.purge(self._day)
        for pid, presence in list(self._current.items()):
            if presence.status is Status.OFFLINE:
                self._current.pop(pid)  # offline people are not in _online_by_org
            else:
                seen = self._store.mark_seen(pid, self._day, now)
                self._set(presence.model_copy(update={"first_seen_today": seen}))

    def _set(self, presence: Presence) -> Presence:
        if self._current.get(presence.person_id) == presence:
            return presence
        before = self._current.get(presence.person_id)
        if before is not None and before.room_id is not None:
            self._online_by_room.get(before.room_id, {}).pop(presence.person_id, None)
        if presence.room_id is not None and presence.status is not Status.OFFLINE:
            self._online_by_room.setdefault(presence.room_id, {})[presence.person_id] = presence
        self._current[presence.person_id] = presence
        online = self._online_by_org.setdefault(self._directory.org_of(presence.person_id), {})
        if presence.status is Status.OFFLINE:
            online.pop(presence.person_id, None)
        else:
            online[presence.person_id] = presence
        for listener in self._listeners:
            try:
                listener(presence)
            except DatabaseError:
                # One feature could not store its part (PostgreSQL away a moment): the change stands, and
                # the listeners after it (the sockets, the other nodes) still hear it.
                log.warning("a presence listener could not reach the database; the change goes on")
        return presence
