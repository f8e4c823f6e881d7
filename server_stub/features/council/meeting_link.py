"""A council session and the meeting in its room as one (rules: ``core/council/meeting_link.py``).

One list of hands: a hand raised or lowered in the meeting (``meeting_hand``) goes on or off the
session's speaker list first; after every change of the session (and of the meeting) the meeting's hands
are set from the speaker list, so the floor given or a hand lowered by the chair clears it in the
meeting's participant list too. Hands already up when a session starts go on the list in their order.

On a cluster the node that runs the session does both; a meeting hand raised through a socket on another
node goes to it as that person's ``council_hand`` (across_nodes.py).

Mute the others: "Nächste Wortmeldung" with the option mutes everyone else in the meeting with the
meetings feature's moderator mute, which Janus applies (the members' clients need not cooperate).
"""

from __future__ import annotations

import logging

from dvz_desktop.core.clock import Clock
from dvz_desktop.core.council.meeting_link import hands_to_import, meeting_hand_changes, others_to_mute
from dvz_desktop.core.council.session import CouncilRefused, CouncilSession
from dvz_desktop.core.council.speakers import HandKind
from dvz_desktop.protocol import CouncilHand

from ...feature import new_id
from ..calls.feature import CallsFeature, _Call
from ..meetings.feature import MeetingsFeature
from .feature import CouncilFeature

log = logging.getLogger(__name__)


class MeetingLink:
    def __init__(self, council: CouncilFeature, calls: CallsFeature, meetings: MeetingsFeature, clock: Clock) -> None:
        self.council = council
        self.calls = calls
        self.meetings = meetings
        self.clock = clock
        #: Sessions whose meeting hands were taken onto the speaker list already.
        self._imported: set[str] = set()
        council.listeners.append(self.session_changed)
        council.mute_others = self.mute_others
        meetings.listeners.append(self.call_changed)
        meetings.hand_listeners.append(self.meeting_hand)

    def _session_in(self, room_id: str | None) -> CouncilSession | None:
        return next((s for s in self.council.sessions.values() if s.room_id == room_id and s.ended_at is None), None)

    # --- one list of hands ---

    def meeting_hand(self, call: _Call, person: str, raised: bool) -> None:
        session = self._session_in(call.room_id)
        if session is None:
            self._to_owner(call.room_id, person, raised)
            return
        if not session.present(person):
            return
        try:
            changed = (session.raise_hand(person, HandKind.SPEECH, self.clock.now()) if raised
                       else session.lower_hand(person, person))
        except CouncilRefused:
            return
        if changed:
            self.council.publish(session)

    def _to_owner(self, room_id: str | None, person: str, raised: bool) -> None:
        """The session in the room runs on another node: the hand goes there (it checks who is present)."""
        nodes = self.council.nodes
        remote = nodes.find_in_room(room_id) if nodes is not None and room_id is not None else None
        if nodes is not None and remote is not None:
            hand = CouncilHand(id=new_id("m"), session_id=remote.session_id, raised=raised)
            nodes.tell(person, remote, hand.model_dump_json())

    def session_changed(self, session: CouncilSession) -> None:
        if session.ended_at is not None:
            self._imported.discard(session.session_id)
            return
        call = self.calls.call_in_room(session.room_id)
        if call is not None:
            self._sync(session, call)

    def call_changed(self, call: _Call) -> None:
        if not call.ended:
            session = self._session_in(call.room_id)
            if session is not None:
                self._sync(session, call)

    def _sync(self, session: CouncilSession, call: _Call) -> None:
        present = set(session.attendance.present())
        waiting = {r.person_id for r in session.speakers.waiting}
        if session.session_id not in self._imported:
            self._imported.add(session.session_id)
            raised_at = {key: member.hand_raised_at for key, member in call.members.items()}
            imported = hands_to_import(raised_at, waiting, present)
            for person in imported:
                session.raise_hand(person, HandKind.SPEECH, raised_at[person] or self.clock.now())
            if imported:
                self.council.publish(session)  # which syncs again, with the hands on the list
                return
        now = self.clock.now()
        raised = {key: member.hand_raised_at is not None for key, member in call.members.items()}
        for person, up in meeting_hand_changes(waiting, present, raised).items():
            if person in call.members:
                self.calls.set_hand(call, person, up, now)

    # --- mute the others ---

    def mute_others(self, session: CouncilSession, chair: str, speaker: str) -> None:
        call = self.calls.call_in_room(session.room_id)
        if call is None:
            return
        targets = others_to_mute(call.members, speaker, chair, call.muted_by_moderator)
        for target in targets:
            if target in call.members:
                self.meetings.mute(call, chair, target)
        log.info("council session %s: the chair gave the floor and muted %d others", session.session_id, len(targets))
