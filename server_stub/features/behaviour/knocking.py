"""Doors and knocking on the backend: door states, office hours, walking in, knocks and their answers.

The rules are the pure ones in ``dvz_desktop.core.doors`` and ``core.knocks``; this module feeds them
the live facts (who is in which room, who is on "nicht stören", who is away) and sends the results.

Several nodes (cluster mode): every node keeps the open knocks and runs the rules on the presence it
shares with the others, but a knock's change counts only once written to its database row (ledger.py:
one writer per knock, whichever node gets there first). The node that wrote it tells its own sockets
and the other nodes (``ctx.elsewhere``), which take the new state over and tell theirs; what happens once
per knock (inbox entries, walking the knocker in) is done by the writer alone.
"""

from __future__ import annotations

import json
import logging

from dvz_desktop.core.doors import ALWAYS_OPEN_KINDS, Entry, RoomFacts, entry_for, may_set_door
from dvz_desktop.core.knocks import (
    MESSAGE_WINDOW,
    KnockBook,
    KnockEffects,
    KnockRefused,
)
from dvz_desktop.protocol import (
    DoorChanged,
    DoorInfo,
    DoorState,
    ErrorCode,
    InboxKind,
    InboxSubject,
    Knock,
    KnockAnswer,
    KnockState,
    KnockUpdate,
    OfficeHours,
    RoomKind,
)

from ...db import DatabaseError
from ...feature import Refused, new_id
from .context import BehaviourContext
from .knock_writer import KnockWriter, entry_of
from .ledger import Track

log = logging.getLogger(__name__)


class DoorsAndKnocks(KnockWriter):
    def __init__(self, ctx: BehaviourContext) -> None:
        self.ctx = ctx
        self.book = KnockBook()
        self._doors: dict[str, DoorInfo] = {d.room_id: d for d in ctx.store.doors() if d.room_id in ctx.directory.rooms}
        #: Who each open knock has been shown to (knocker, people inside, deputy), to tell them how it ends.
        self._audience: dict[str, set[str]] = {}
        self.track = Track(ctx.store.ledger, "knock")
        #: Knocks whose row could not be written or read (database away): read again at the next tick.
        self._stale: set[str] = set()
        for row in ctx.store.ledger.open_items("knock"):  # knocks that rang when this node (re)started
            self._take_over(row.item_id, row.version, json.loads(row.body))
        #: (person, room) pairs let in by "Herein" or an accepted invitation, until they leave that room.
        self.passes: set[tuple[str, str]] = set()

    # --- facts ---

    def facts(self, room_id: str) -> RoomFacts:
        room = self.ctx.directory.rooms[room_id].room
        door = self._doors.get(room_id) or DoorInfo(room_id=room_id, state=room.door)
        owner_unit = self.ctx.directory.unit_of(room.owner_id) if room.owner_id else ""
        return RoomFacts(room_id, room.kind, room.owner_id, door.state, door.note, door.office_hours, owner_unit,
                         self.ctx.directory.residents.get(room_id, frozenset()))

    def occupants(self, room_id: str) -> list[str]:
        return [p.person_id for p in self.ctx.presence.online_in(room_id)]

    def door_info(self, room_id: str) -> DoorInfo:
        """The door as drawn: stored state plus the deputy while the office's owner is away."""
        room = self.ctx.directory.rooms[room_id].room
        door = self._doors.get(room_id) or DoorInfo(room_id=room_id, state=room.door)
        if room.kind is RoomKind.PERSONAL_OFFICE and room.owner_id:
            absence = self.ctx.absences.get(room.owner_id)
            if absence and self.ctx.absences.is_away(room.owner_id, self.ctx.now().date()):
                return door.model_copy(update={"deputy_id": absence.deputy_id, "absent_until": absence.end})
        return door

    def doors_visible_to(self, org_id: str) -> tuple[DoorInfo, ...]:
        # The rooms this organisation sees, not every room of every organisation (one login each).
        today = self.ctx.now().date()
        rooms = {r for r in self._doors if self.ctx.directory.rooms[r].visible_to(org_id)} | {
            room_id for room_id, owner in self.ctx.directory.owned_rooms_visible_to(org_id)
            if self.ctx.absences.is_away(owner, today)}
        return tuple(self.door_info(r) for r in sorted(rooms))

    def publish_door(self, room_id: str) -> None:
        place = self.ctx.directory.rooms[room_id]
        payload = DoorChanged(doors=(self.door_info(room_id),)).model_dump_json()
        self.ctx.hub.send_to_orgs({place.org_id, *place.room.shared_with}, payload)

    # --- doors ---

    def set_door(self, person_id: str, room_id: str, state: DoorState, note: str) -> None:
        self.require_room(person_id, room_id)
        if not may_set_door(person_id, self.facts(room_id), self.occupants(room_id)):
            raise Refused(ErrorCode.FORBIDDEN)
        current = self._doors.get(room_id) or DoorInfo(room_id=room_id)
        self._store_door(current.model_copy(update={"state": state, "note": note}), passes=True)

    def set_office_hours(self, person_id: str, room_id: str, hours: tuple[OfficeHours, ...]) -> None:
        self.require_room(person_id, room_id)
        facts = self.facts(room_id)
        if facts.kind is not RoomKind.PERSONAL_OFFICE or person_id != facts.owner_id:
            raise Refused(ErrorCode.FORBIDDEN)
        current = self._doors.get(room_id) or DoorInfo(room_id=room_id)
        self._store_door(current.model_copy(update={"office_hours": hours}))

    def _store_door(self, door: DoorInfo, passes: bool = False) -> None:
        self.ctx.store.save_door(door)
        self._door_changed(door, passes)
        self.ctx.elsewhere("door", json.dumps({"room_id": door.room_id, "passes": passes}))

    def _door_changed(self, door: DoorInfo, passes: bool) -> None:
        self._doors[door.room_id] = door
        self.publish_door(door.room_id)
        if passes:  # everyone inside when the door closes may stay and come back after a short disconnect
            for occupant in self.occupants(door.room_id):
                self.passes.add((occupant, door.room_id))

    def door_relayed(self, payload: str) -> None:
        """Another node changed a door: read it from the database, show it here."""
        said = json.loads(payload)
        door = self.ctx.store.door(said["room_id"])
        if door is not None and door.room_id in self.ctx.directory.rooms:
            self._door_changed(door, said["passes"])

    def require_room(self, person_id: str, room_id: str) -> None:
        if room_id not in self.ctx.directory.rooms:
            raise Refused(ErrorCode.UNKNOWN_ROOM)
        if not self.ctx.directory.can_enter(person_id, room_id):
            raise Refused(ErrorCode.FORBIDDEN)

    # --- walking and knocking ---

    def may_walk_in(self, person_id: str, room_id: str) -> bool:
        """For a plain ``move``: open doors, my own rooms, and rooms I was let into."""
        if (person_id, room_id) in self.passes or self.ctx.presence.get(person_id).room_id == room_id:
            return True
        facts = self.facts(room_id)
        return entry_for(person_id, self.ctx.directory.unit_of(person_id), facts, self.ctx.now()) in (
            Entry.WALK_IN, Entry.WALK_IN_ANNOUNCED)

    def go_to(self, person_id: str, room_id: str) -> str:
        """Walk in or knock. Returns the knock id; the knock's updates tell what happened."""
        self.require_room(person_id, room_id)
        now = self.ctx.now()
        knock_id = new_id("k")
        if self.ctx.presence.get(person_id).room_id == room_id or (person_id, room_id) in self.passes:
            self.walk_in(person_id, room_id)
            self._instant({person_id}, self.book.instant(knock_id, person_id, room_id, KnockState.ENTERED, now))
            return knock_id
        facts = self.facts(room_id)
        entry = entry_for(person_id, self.ctx.directory.unit_of(person_id), facts, now)
        if entry in (Entry.WALK_IN, Entry.WALK_IN_ANNOUNCED):
            inside = set(self.occupants(room_id)) if entry is Entry.WALK_IN_ANNOUNCED else set()
            self.walk_in(person_id, room_id)
            self._instant({person_id, *inside},
                          self.book.instant(knock_id, person_id, room_id, KnockState.ENTERED, now))
            return knock_id
        if entry is Entry.LOCKED:
            knock = self.book.instant(knock_id, person_id, room_id, KnockState.LOCKED, now, text=facts.note)
            self._instant({person_id}, knock)
            return knock_id
        recipients, on_behalf_of = self._who_answers(facts)
        if entry is Entry.OUTSIDE_HOURS:
            # Written like every ended knock, so a message may follow it from whichever node.
            knock = self.book.instant(knock_id, person_id, room_id, KnockState.OUTSIDE_HOURS, now)
            self._apply(KnockEffects(changed=[knock]), asked=recipients)
            return knock_id
        held = [p for p in recipients if not self.ctx.presence.disturbable(p)]
        try:
            effects = self.book.start(knock_id, person_id, room_id, recipients, held, now, on_behalf_of)
        except KnockRefused as exc:
            raise Refused(exc.code) from None
        # Those on "nicht stören" get no banner; they find the knock in their inbox later.
        self._audience[knock_id] = {person_id, *(set(recipients) - set(held))}
        self._apply(effects, asked=recipients)
        return knock_id

    def _who_answers(self, facts: RoomFacts) -> tuple[list[str], str | None]:
        inside = [p for p in self.occupants(facts.room_id) if not self.ctx.presence.get(p).appear_offline]
        if inside or facts.kind is not RoomKind.PERSONAL_OFFICE or facts.owner_id is None:
            return inside, None
        route = self.ctx.route(facts.owner_id)
        if route.on_behalf_of is not None and self.ctx.presence.reachable(route.person_id):
            return [route.person_id], route.on_behalf_of
        return [], None

    def _message_recipients(self, facts: RoomFacts, recipients: list[str]) -> tuple[str, ...]:
        # A message at an office door is for its owner (also while away: it waits in their inbox).
        if facts.owner_id:
            return (facts.owner_id,)
        return tuple(recipients)

    def answer(self, person_id: str, knock_id: str, answer: KnockAnswer, minutes: int | None, text: str) -> None:
        for _attempt in range(2):  # a second time after another node changed the knock meanwhile
            try:
                effects = self.book.answer(knock_id, person_id, answer, self.ctx.now(), minutes, text)
            except KnockRefused as exc:
                raise Refused(exc.code) from None
            knock = effects.changed[0]
            if self._apply(effects, quiet=False):
                if knock.state is KnockState.COME_IN:
                    self.walk_in(knock.knocker_id, knock.room_id)
                return
        raise Refused(ErrorCode.UNKNOWN_KNOCK)

    def cancel(self, person_id: str, knock_id: str) -> None:
        try:
            self._apply(self.book.cancel(knock_id, person_id), quiet=False)
        except KnockRefused as exc:
            raise Refused(exc.code) from None

    def leave_message(self, person_id: str, knock_id: str, text: str) -> None:
        row = self.ctx.store.ledger.get(knock_id)
        message_to = self.ctx.store.ledger.take_message(knock_id, person_id, self.ctx.now() - MESSAGE_WINDOW)
        if row is None or not message_to:  # one message per knock
            raise Refused(ErrorCode.UNKNOWN_KNOCK)
        room_id = entry_of(json.loads(row.body))[0].room_id
        for recipient in message_to:
            self.ctx.inbox.add(recipient, InboxKind.DOOR_MESSAGE, from_id=person_id, room_id=room_id, text=text)

    def walk_in(self, person_id: str, room_id: str) -> None:
        self.ctx.presence.move(person_id, room_id)

    # --- reacting to presence and time ---

    def room_changed(self, room_id: str) -> None:
        """Someone entered, left, or changed status in a room (called for every such presence change)."""
        door = self._doors.get(room_id)
        if door is None or door.state is DoorState.OPEN:
            if not any(k.room_id == room_id for k in self.book.open_knocks()):
                return  # the common case costs nothing: no knock rings here, no door to reopen
        inside = [p for p in self.occupants(room_id) if not self.ctx.presence.get(p).appear_offline]
        dnd = [p for p in inside if not self.ctx.presence.disturbable(p)]
        for knock in self.book.open_knocks():
            if knock.room_id == room_id and knock.on_behalf_of is None:
                audience = self._audience.setdefault(knock.knock_id, set())
                newcomers = set(inside) - set(dnd) - audience
                audience |= newcomers
                self._tell(newcomers, knock)  # who walks in while it rings sees the banner too
        self._apply(self.book.room_changed(room_id, inside, dnd))
        if not inside:
            self._reopen_if_shared(room_id)

    def _reopen_if_shared(self, room_id: str) -> None:
        """A meeting or project room that empties opens again; offices keep their door."""
        door = self._doors.get(room_id)
        kind = self.ctx.directory.rooms[room_id].room.kind
        if door and door.state is not DoorState.OPEN and kind not in ALWAYS_OPEN_KINDS | {RoomKind.PERSONAL_OFFICE}:
            opened = door.model_copy(update={"state": DoorState.OPEN, "note": ""})
            try:
                self._store_door(opened)
            except DatabaseError:
                log.warning("the door of an emptied room could not be stored; it opens here only")
                self._door_changed(opened, passes=False)

    def person_left(self, person_id: str, room_id: str | None, offline: bool) -> None:
        self.passes = {(p, r) for p, r in self.passes if p != person_id or r == room_id}
        effects = self.book.knocker_gone(person_id) if offline else KnockEffects()
        if offline:
            effects.extend(self.book.recipient_gone(person_id))
        self._apply(effects)

    def knocks_moved_away(self, person_id: str, room_id: str | None) -> None:
        """A knocker who walks elsewhere stops knocking."""
        gone = [k.knock_id for k in self.book.open_knocks() if k.knocker_id == person_id and k.room_id != room_id]
        for knock_id in gone:
            self._apply(self.book.cancel(knock_id, person_id))

    def tick(self) -> None:
        now = self.ctx.now()
        for knock_id in list(self._stale):
            self._reload(knock_id)
        self._apply(self.book.expire(now))
        self.track.forget_ended(now)

    def _handover(self, knock: Knock) -> None:
        """The absent person learns what their deputy made of a knock meant for them."""
        self.ctx.inbox.add(knock.on_behalf_of or "", InboxKind.HANDOVER, from_id=knock.knocker_id,
                           room_id=knock.room_id, handled_by=knock.answered_by, subject=InboxSubject.KNOCK,
                           outcome=knock.state.value)

    def _tell(self, people: set[str], knock: Knock) -> None:
        payload = KnockUpdate(knock=knock).model_dump_json()
        for person_id in people:
            self.ctx.hub.send_to(person_id, payload)
