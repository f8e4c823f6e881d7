"""One writer per knock, for ``DoorsAndKnocks`` (knocking.py): every change of a knock is written to its
row first (ledger.py); only the node that wrote it tells its sockets, the other nodes (``ctx.elsewhere``)
and does what happens once (inbox entries). A node that was not first takes over what the row says; a
node hearing of a change from another takes it over and tells its own sockets."""

from __future__ import annotations

import json
import logging
from datetime import datetime
from typing import Any

from dvz_desktop.core.doors import RoomFacts
from dvz_desktop.core.knocks import KnockBook, KnockEffects, OpenKnock, may_leave_message
from dvz_desktop.protocol import FINAL_KNOCK_STATES, InboxKind, Knock, KnockState

from ...db import DatabaseError
from .context import BehaviourContext
from .ledger import Track

log = logging.getLogger(__name__)


def body_of(knock: Knock, entry: OpenKnock | None) -> dict[str, Any]:
    body: dict[str, Any] = {"knock": knock.model_dump(mode="json")}
    if entry is not None:
        body.update(recipients=sorted(entry.recipients), held_for=sorted(entry.held_for),
                    deadline=entry.deadline.isoformat())
    return body


def entry_of(body: dict[str, Any]) -> tuple[Knock, OpenKnock | None]:
    knock = Knock.model_validate(body["knock"])
    if "deadline" not in body:
        return knock, None
    return knock, OpenKnock(knock, frozenset(body["recipients"]), frozenset(body["held_for"]),
                            datetime.fromisoformat(body["deadline"]))


class KnockWriter:
    ctx: BehaviourContext
    book: KnockBook
    track: Track
    passes: set[tuple[str, str]]
    _audience: dict[str, set[str]]
    _stale: set[str]

    def facts(self, room_id: str) -> RoomFacts:
        raise NotImplementedError

    def _message_recipients(self, facts: RoomFacts, recipients: list[str]) -> tuple[str, ...]:
        raise NotImplementedError

    def _handover(self, knock: Knock) -> None:
        raise NotImplementedError

    def _tell(self, people: set[str], knock: Knock) -> None:
        raise NotImplementedError

    # --- one writer per knock ---

    def _apply(self, effects: KnockEffects, quiet: bool = True, asked: list[str] | None = None) -> bool:
        """Write each changed knock (from the version this node knew); tell and do what follows only for
        those written. False if any was changed by another node first. ``quiet``: a database that is
        away is logged (the knock is read again later) instead of raised to the command."""
        written: set[str] = set()
        for knock in effects.changed:
            if self._write(knock, quiet, asked):
                written.add(knock.knock_id)
        for missed in effects.missed:
            if missed.knock.knock_id in written:
                self.ctx.inbox.add(missed.person_id, InboxKind.MISSED_KNOCK, from_id=missed.knock.knocker_id,
                                   room_id=missed.knock.room_id)
        return len(written) == len({k.knock_id for k in effects.changed})

    def _write(self, knock: Knock, quiet: bool, asked: list[str] | None) -> bool:
        entry = self.book.entry(knock.knock_id)
        final = knock.state in FINAL_KNOCK_STATES
        audience = self._audience.get(knock.knock_id, set()) | {knock.knocker_id} | set(
            self.book.recipients(knock.knock_id))
        message_to = None
        if final and may_leave_message(knock.state):
            people = asked if asked is not None else sorted(audience - {knock.knocker_id})
            message_to = self._message_recipients(self.facts(knock.room_id), people)
        body = json.dumps(body_of(knock, None if final else entry))
        try:
            version = self.track.commit(knock.knock_id, body, not final, self.ctx.now(), knock.knocker_id, message_to)
        except DatabaseError:
            self._stale.add(knock.knock_id)
            if not quiet:
                raise
            log.warning("a knock could not be stored (database unreachable); it is read again shortly")
            return False
        if version is None:  # another node changed it first: take over what it wrote, say nothing
            self._reload(knock.knock_id)
            return False
        self._changed(knock, audience)
        if final and knock.on_behalf_of:
            self._handover(knock)
        self.ctx.elsewhere("knock", json.dumps({"version": version, **json.loads(body)}))
        return True

    def _changed(self, knock: Knock, audience: set[str]) -> None:
        """A written change, here: tell this node's sockets, let the knocker in, forget an ended knock."""
        self._tell(audience, knock)
        if knock.state in FINAL_KNOCK_STATES:
            self._audience.pop(knock.knock_id, None)
            self.book.drop(knock.knock_id)
            if knock.state is KnockState.COME_IN:
                self.passes.add((knock.knocker_id, knock.room_id))

    def knock_relayed(self, payload: str) -> None:
        """Another node wrote a knock (or let someone walk in): take it over and tell the sockets here."""
        body = json.loads(payload)
        knock, entry = entry_of(body)
        if "to" in body:  # nothing rang (walked in, locked): only told
            self._tell(set(body["to"]), knock)
            return
        if not self.track.seen(knock.knock_id, body["version"], entry is not None, self.ctx.now()):
            return  # this node knows a newer state already
        self._take_over(knock.knock_id, body["version"], body)

    def _take_over(self, knock_id: str, version: int, body: dict[str, Any]) -> None:
        knock, entry = entry_of(body)
        self.track.seen(knock_id, version, entry is not None, self.ctx.now())
        audience = self._audience.get(knock_id, set()) | {knock.knocker_id} | set(self.book.recipients(knock_id))
        if entry is not None:
            if self.book.get(knock_id) is None:
                self.book.note_started(knock.knocker_id, knock.room_id, knock.started_at)
            self.book.put(entry)
            audience |= entry.recipients
            self._audience[knock_id] = audience
        self._changed(knock, audience)

    async def reread_shared(self) -> None:
        """The other nodes' news may have been lost (Redis lost its data): every open knock is read again
        at the next tick (an end written elsewhere reaches the knocker here), and knocks another node
        started meanwhile are taken over."""
        self._stale |= {k.knock_id for k in self.book.open_knocks()}
        for row in self.ctx.store.ledger.open_items("knock"):
            if row.version > self.track.versions.get(row.item_id, 0):
                self._take_over(row.item_id, row.version, json.loads(row.body))

    def _reload(self, knock_id: str) -> None:
        """Read a knock's row again: after another node wrote it first (told here as if relayed), or after
        the database was away (this node's copy back to what is written)."""
        try:
            row = self.ctx.store.ledger.get(knock_id)
        except DatabaseError:
            self._stale.add(knock_id)
            return
        self._stale.discard(knock_id)
        if row is None:
            self.book.drop(knock_id)
        elif row.version > self.track.versions.get(knock_id, 0):
            self._take_over(knock_id, row.version, json.loads(row.body))
        else:
            _knock, entry = entry_of(json.loads(row.body))
            if entry is not None:
                self.book.put(entry)
            else:
                self.book.drop(knock_id)

    def _instant(self, people: set[str], knock: Knock) -> None:
        """A knock that ended at once (nothing to write): told here and on the other nodes."""
        self._tell(people, knock)
        self.ctx.elsewhere("knock", json.dumps({"to": sorted(people), **body_of(knock, None)}))
