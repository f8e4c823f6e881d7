"""Writes attendance as it changes: every arrival and leaving with its time and mode, lost connections,
and the quorum gained or lost (for the minutes; the live state comes from ``core.council``)."""

from __future__ import annotations

from datetime import datetime

from dvz_desktop.core.council.attendance import Mode
from dvz_desktop.core.council.session import CouncilSession, QuorumChange

from .store import CouncilStore


class AttendanceRecorder:
    def __init__(self, store: CouncilStore) -> None:
        self.store = store
        #: Per session: the last quorum change written.
        self._written: dict[str, QuorumChange] = {}

    def enter(self, session: CouncilSession, person: str, inside: bool, now: datetime) -> None:
        """Someone came into the session's room on DVZ (or left it)."""
        before = session.attendance.mode_of(person)
        session.entered(person, inside, now)
        self.moved(session, person, before, now)

    def lost(self, session: CouncilSession, person: str, now: datetime) -> None:
        """Someone's connection dropped while in the session's room."""
        before = session.attendance.mode_of(person)
        vote = session.votes.active
        if session.connection_lost(person, now):
            self.store.event(session.session_id, now, "connection_lost", person, vote.vote_id if vote else "")
        self.moved(session, person, before, now)

    def moved(self, session: CouncilSession, person: str, before: Mode | None, now: datetime) -> None:
        after = session.attendance.mode_of(person)
        if after is before:
            return
        if before is not None:
            self.store.leave(session.session_id, person, now)
        if after is not None:
            self.store.arrive(session.session_id, person, after.value, now)

    def quorum(self, session: CouncilSession, now: datetime) -> None:
        if session.body is None or not session.quorum_changes:
            return
        last = session.quorum_changes[-1]
        if self._written.get(session.session_id) is not last:
            self._written[session.session_id] = last
            self.store.event(session.session_id, last.at, "quorum", None,
                             f"{'quorate' if last.quorate else 'not_quorate'}:{last.present}")

    def forget(self, session_id: str) -> None:
        self._written.pop(session_id, None)
