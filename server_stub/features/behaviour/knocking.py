"""Doors and knocking on the backend: door states, office hours, walking in, knocks and their answers.

The rules are the pure ones in ``dvz_desktop.core.doors`` and ``core.knocks``; this module feeds them
the live facts (who is in which room, who is on "nicht stören", who is away) and sends the results.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from dvz_desktop.core.doors import ALWAYS_OPEN_KINDS, Entry, RoomFacts, entry_for, may_set_door
from dvz_desktop.core.knocks import MESSAGE_WINDOW, KnockBook, KnockEffects, KnockRefused, may_leave_message
from dvz_desktop.protocol import (
    FINAL_KNOCK_STATES,
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

from ...feature import Refused, new_id
from .context import BehaviourContext

log = logging.getLogger(__name__)


@dataclass
class _Ended:
    knock: Knock
    ended_at: datetime
    #: Who a message left after this knock goes to.
    message_to: tuple[str, ...]


class DoorsAndKnocks:
    def __init__(self, ctx: BehaviourContext) -> None:
        self.ctx = ctx
        self.book = KnockBook()
        self._doors: dict[str, DoorInfo] = {d.room_id: d for d in ctx.store.doors() if d.room_id in ctx.directory.rooms}
        #: Who each open knock has been shown to (knocker, people inside, deputy), to tell them how it ends.
        self._audience: dict[str, set[str]] = {}
        self._ended: dict[str, _Ended] = {}
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
        self._store_door(current.model_copy(update={"state": state, "note": note}))
        # Everyone inside when the door closes may stay and come back after a short disconnect.
        for occupant in self.occupants(room_id):
            self.passes.add((occupant, room_id))

    def set_office_hours(self, person_id: str, room_id: str, hours: tuple[OfficeHours, ...]) -> None:
        self.require_room(person_id, room_id)
        facts = self.facts(room_id)
        if facts.kind is not RoomKind.PERSONAL_OFFICE or person_id != facts.owner_id:
            raise Refused(ErrorCode.FORBIDDEN)
        current = self._doors.get(room_id) or DoorInfo(room_id=room_id)
        self._store_door(current.model_copy(update={"office_hours": hours}))

    def _store_door(self, door: DoorInfo) -> None:
        self._doors[door.room_id] = door
        self.ctx.store.save_door(door)
        self.publish_door(door.room_id)

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
            self._tell({person_id}, self.book.instant(knock_id, person_id, room_id, KnockState.ENTERED, now))
            return knock_id
        facts = self.facts(room_id)
        entry = entry_for(person_id, self.ctx.directory.unit_of(person_id), facts, now)
        if entry in (Entry.WALK_IN, Entry.WALK_IN_ANNOUNCED):
            inside = set(self.occupants(room_id)) if entry is Entry.WALK_IN_ANNOUNCED else set()
            self.walk_in(person_id, room_id)
            self._tell({person_id, *inside}, self.book.instant(knock_id, person_id, room_id, KnockState.ENTERED, now))
            return knock_id
        if entry is Entry.LOCKED:
            knock = self.book.instant(knock_id, person_id, room_id, KnockState.LOCKED, now, text=facts.note)
            self._tell({person_id}, knock)
            return knock_id
        recipients, on_behalf_of = self._who_answers(facts)
        if entry is Entry.OUTSIDE_HOURS:
            knock = self.book.instant(knock_id, person_id, room_id, KnockState.OUTSIDE_HOURS, now)
            self._remember_ended(knock, self._message_recipients(facts, recipients))
            self._tell({person_id}, knock)
            return knock_id
        held = [p for p in recipients if not self.ctx.presence.disturbable(p)]
        try:
            effects = self.book.start(knock_id, person_id, room_id, recipients, held, now, on_behalf_of)
        except KnockRefused as exc:
            raise Refused(exc.code) from None
        # Those on "nicht stören" get no banner; they find the knock in their inbox later.
        self._audience[knock_id] = {person_id, *(set(recipients) - set(held))}
        for knock in effects.changed:
            if knock.state is not KnockState.RINGING:
                self._remember_ended(knock, self._message_recipients(facts, recipients))
        self._apply(effects)
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
        try:
            effects = self.book.answer(knock_id, person_id, answer, self.ctx.now(), minutes, text)
        except KnockRefused as exc:
            raise Refused(exc.code) from None
        knock = effects.changed[0]
        if knock.state is KnockState.COME_IN:
            self.passes.add((knock.knocker_id, knock.room_id))
            self.walk_in(knock.knocker_id, knock.room_id)
        self._apply(effects)

    def cancel(self, person_id: str, knock_id: str) -> None:
        try:
            self._apply(self.book.cancel(knock_id, person_id))
        except KnockRefused as exc:
            raise Refused(exc.code) from None

    def leave_message(self, person_id: str, knock_id: str, text: str) -> None:
        ended = self._ended.get(knock_id)
        if ended is None or ended.knock.knocker_id != person_id or not ended.message_to:
            raise Refused(ErrorCode.UNKNOWN_KNOCK)
        del self._ended[knock_id]  # one message per knock
        for recipient in ended.message_to:
            self.ctx.inbox.add(recipient, InboxKind.DOOR_MESSAGE, from_id=person_id, room_id=ended.knock.room_id,
                               text=text)

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
            self._store_door(door.model_copy(update={"state": DoorState.OPEN, "note": ""}))

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
        self._apply(self.book.expire(now))
        for knock_id in [k for k, e in self._ended.items() if now - e.ended_at > MESSAGE_WINDOW]:
            del self._ended[knock_id]

    # --- sending ---

    def _apply(self, effects: KnockEffects) -> None:
        for knock in effects.changed:
            audience = self._audience.get(knock.knock_id, set()) | {knock.knocker_id} | set(
                self.book.recipients(knock.knock_id))
            self._tell(audience, knock)
            if knock.state in FINAL_KNOCK_STATES:
                self._audience.pop(knock.knock_id, None)
                if may_leave_message(knock.state) and knock.knock_id not in self._ended:
                    asked = sorted(audience - {knock.knocker_id})
                    self._remember_ended(knock, self._message_recipients(self.facts(knock.room_id), asked))
                if knock.on_behalf_of:
                    self._handover(knock)
        for missed in effects.missed:
            self.ctx.inbox.add(missed.person_id, InboxKind.MISSED_KNOCK, from_id=missed.knock.knocker_id,
                               room_id=missed.knock.room_id)

    def _handover(self, knock: Knock) -> None:
        """The absent person learns what their deputy made of a knock meant for them."""
        self.ctx.inbox.add(knock.on_behalf_of or "", InboxKind.HANDOVER, from_id=knock.knocker_id,
                           room_id=knock.room_id, handled_by=knock.answered_by, subject=InboxSubject.KNOCK,
                           outcome=knock.state.value)

    def _remember_ended(self, knock: Knock, message_to: tuple[str, ...]) -> None:
        self._ended[knock.knock_id] = _Ended(knock, self.ctx.now(), message_to)

    def _tell(self, people: set[str], knock: Knock) -> None:
        payload = KnockUpdate(knock=knock).model_dump_json()
        for person_id in people:
            self.ctx.hub.send_to(person_id, payload)
