"""Person-to-person requests on the backend: invitations, quick questions, absences with deputies and
the coffee flag.

Several nodes: an invitation is written like a knock (ledger.py, one writer each); questions and absences
live in the database anyway. What changed is told to this node's sockets and, through ``ctx.elsewhere``,
to the other nodes, which tell theirs (``*_relayed``).
"""

from __future__ import annotations

import json
import logging
from datetime import date, datetime

from dvz_desktop.core.invitations import InviteBook, InviteRefused
from dvz_desktop.protocol import (
    Absence,
    AbsenceCategory,
    AbsenceChanged,
    ErrorCode,
    InboxKind,
    InboxSubject,
    Invitation,
    InviteState,
    InviteUpdate,
    QuestionUpdate,
    QuickQuestion,
)

from ...db import DatabaseError
from ...feature import Refused, new_id
from .context import BehaviourContext
from .knocking import DoorsAndKnocks
from .ledger import Track

log = logging.getLogger(__name__)


class PeopleRequests:
    def __init__(self, ctx: BehaviourContext, doors: DoorsAndKnocks) -> None:
        self.ctx = ctx
        self.doors = doors
        self.invites = InviteBook()
        self.track = Track(ctx.store.ledger, "invite")
        for absence in ctx.store.absences():
            ctx.absences.set(absence)
        for row in ctx.store.ledger.open_items("invite"):  # invitations open when this node (re)started
            self._take_over(row.version, json.loads(row.body))

    # --- invitations ---

    def invite(self, host_id: str, person_id: str) -> str:
        self.ctx.require_person(host_id, person_id)
        recipient = self.ctx.route(person_id)
        invite_id = new_id("e")
        try:
            invitation = self.invites.invite(invite_id, host_id, self.ctx.presence.get(host_id).room_id, recipient,
                                             self.ctx.presence.reachable(recipient.person_id), self.ctx.now())
        except InviteRefused as exc:
            raise Refused(exc.code) from None
        self._write(invitation, quiet=False)
        return invite_id

    def answer_invite(self, person_id: str, invite_id: str, accept: bool) -> None:
        pending = self.invites.get(invite_id)
        if pending is None or pending.guest_id != person_id:
            raise Refused(ErrorCode.UNKNOWN_KNOCK)
        if accept and not self.ctx.directory.can_enter(person_id, pending.room_id):
            raise Refused(ErrorCode.FORBIDDEN)
        invitation = self.invites.answer(invite_id, person_id, accept)
        if not self._write(invitation, quiet=False):
            raise Refused(ErrorCode.UNKNOWN_KNOCK)  # withdrawn or lapsed on another node a moment ago
        if invitation.state is InviteState.ACCEPTED:
            self.ctx.presence.move(person_id, invitation.room_id)

    def invitations_changed(self, changed: list[Invitation]) -> None:
        for invitation in changed:
            self._write(invitation, quiet=True)

    def _write(self, invitation: Invitation, quiet: bool) -> bool:
        """Write the invitation's new state (one writer: ledger.py); tell and hand over only if written."""
        is_open = invitation.state is InviteState.PENDING
        deadline = self.invites.deadline(invitation.invite_id)
        body = json.dumps({"invitation": invitation.model_dump(mode="json"),
                           "deadline": deadline.isoformat() if deadline else None})
        try:
            version = self.track.commit(invitation.invite_id, body, is_open, self.ctx.now())
        except DatabaseError:
            if not quiet:
                self.invites.drop(invitation.invite_id)
                raise
            log.warning("an invitation could not be stored (database unreachable)")
            return False
        if version is None:
            row = self.ctx.store.ledger.get(invitation.invite_id)
            if row is not None:
                self._take_over(row.version, json.loads(row.body))
            return False
        self._changed(invitation, deadline)
        if invitation.on_behalf_of and not is_open:
            self.ctx.inbox.add(invitation.on_behalf_of, InboxKind.HANDOVER, from_id=invitation.host_id,
                               room_id=invitation.room_id, handled_by=invitation.guest_id,
                               subject=InboxSubject.INVITATION, outcome=invitation.state.value)
        self.ctx.elsewhere("invite", json.dumps({"version": version, **json.loads(body)}))
        return True

    def invite_relayed(self, payload: str) -> None:
        body = json.loads(payload)
        self._take_over(body["version"], body)

    def _take_over(self, version: int, body: dict[str, object]) -> None:
        invitation = Invitation.model_validate(body["invitation"])
        is_open = invitation.state is InviteState.PENDING
        if not self.track.seen(invitation.invite_id, version, is_open, self.ctx.now()):
            return
        deadline = body.get("deadline")
        self._changed(invitation, datetime.fromisoformat(str(deadline)) if deadline else None)

    def _changed(self, invitation: Invitation, deadline: datetime | None) -> None:
        if invitation.state is InviteState.PENDING and deadline is not None:
            self.invites.put(invitation, deadline)
        else:
            self.invites.drop(invitation.invite_id)
        if invitation.state is InviteState.ACCEPTED:
            self.doors.passes.add((invitation.guest_id, invitation.room_id))
        payload = InviteUpdate(invitation=invitation).model_dump_json()
        for person_id in {invitation.host_id, invitation.guest_id}:
            self.ctx.hub.send_to(person_id, payload)

    # --- quick questions ---

    def ask(self, person_id: str, to_id: str, text: str) -> str:
        self.ctx.require_person(person_id, to_id)
        if to_id == person_id:
            raise Refused(ErrorCode.CANNOT_INVITE_SELF)
        recipient = self.ctx.route(to_id)
        if not self.ctx.presence.reachable(recipient.person_id):
            raise Refused(ErrorCode.PERSON_OFFLINE)
        question = QuickQuestion(question_id=new_id("q"), from_id=person_id, to_id=recipient.person_id,
                                 text=text, asked_at=self.ctx.now(), on_behalf_of=recipient.on_behalf_of)
        self.ctx.store.save_question(question)
        self._tell_question(question)
        return question.question_id

    def question_relayed(self, payload: str) -> None:
        question = QuickQuestion.model_validate_json(payload)
        self._tell_question(question, here_only=True)

    def answer_question(self, person_id: str, question_id: str, text: str) -> None:
        question = self.ctx.store.question(question_id)
        if question is None or question.to_id != person_id or question.answer is not None:
            raise Refused(ErrorCode.UNKNOWN_KNOCK)
        answered = question.model_copy(update={"answer": text, "answered_at": self.ctx.now()})
        if not self.ctx.store.answer_once(question_id, text, answered.answered_at or self.ctx.now()):
            raise Refused(ErrorCode.UNKNOWN_KNOCK)  # answered a moment ago (another socket, another node)
        self._tell_question(answered)
        if answered.on_behalf_of:
            self.ctx.inbox.add(answered.on_behalf_of, InboxKind.HANDOVER, from_id=answered.from_id,
                               text=answered.text, answer=text, handled_by=person_id, subject=InboxSubject.QUESTION)

    def _tell_question(self, question: QuickQuestion, here_only: bool = False) -> None:
        payload = QuestionUpdate(question=question).model_dump_json()
        for person_id in {question.from_id, question.to_id}:
            self.ctx.hub.send_to(person_id, payload)
        if not here_only:
            self.ctx.elsewhere("question", question.model_dump_json())

    # --- absences ---

    def set_absence(self, person_id: str, start: date, end: date, category: AbsenceCategory,
                    deputy_id: str | None) -> None:
        if end < self.ctx.now().date():
            raise Refused(ErrorCode.INVALID_PERIOD)
        if deputy_id is not None:
            if deputy_id == person_id:
                raise Refused(ErrorCode.INVALID_MESSAGE)
            self.ctx.require_person(person_id, deputy_id)
            if self.ctx.directory.org_of(deputy_id) != self.ctx.directory.org_of(person_id):
                raise Refused(ErrorCode.FORBIDDEN)  # deputies come from one's own organisation
        absence = Absence(person_id=person_id, start=start, end=end, deputy_id=deputy_id, category=category)
        self.ctx.store.save_absence(absence)
        self.ctx.absences.set(absence)
        self._publish(absence, cleared=())
        self.ctx.elsewhere("absence", person_id)

    def clear_absence(self, person_id: str) -> None:
        self.ctx.store.delete_absence(person_id)
        previous = self.ctx.absences.clear(person_id)
        if previous is not None:
            self._publish(None, cleared=(person_id,), person_id=person_id)
        self.ctx.elsewhere("absence", person_id)

    def absence_relayed(self, person_id: str) -> None:
        """Another node set or cleared ``person_id``'s absence: as the database has it, shown here."""
        absence = self.ctx.store.absence(person_id)
        if absence is not None:
            self.ctx.absences.set(absence)
            self._publish(absence, cleared=())
        elif self.ctx.absences.clear(person_id) is not None:
            self._publish(None, cleared=(person_id,), person_id=person_id)

    def expire_absences(self) -> None:
        for person_id in self.ctx.absences.ended_before(self.ctx.now().date()):
            self.ctx.store.delete_absence(person_id)
            self._publish(None, cleared=(person_id,), person_id=person_id)

    def absences_visible_to(self, viewer_id: str) -> tuple[Absence, ...]:
        return tuple(self._for_viewer(a, viewer_id) for a in self.ctx.absences.all()
                     if self.ctx.directory.org_of(a.person_id) == self.ctx.directory.org_of(viewer_id))

    @staticmethod
    def _for_viewer(absence: Absence, viewer_id: str) -> Absence:
        # The category is for the person and their deputy; colleagues see only until when and who deputises.
        if viewer_id in (absence.person_id, absence.deputy_id):
            return absence
        return absence.model_copy(update={"category": None})

    def _publish(self, absence: Absence | None, cleared: tuple[str, ...], person_id: str | None = None) -> None:
        person_id = absence.person_id if absence else person_id
        assert person_id is not None
        org_id = self.ctx.directory.org_of(person_id)
        for conn in self.ctx.hub.connections_in_org(org_id):
            shown = (self._for_viewer(absence, conn.username),) if absence else ()
            self.ctx.hub.broadcast([conn], AbsenceChanged(absences=shown, cleared=cleared).model_dump_json())
        for place in self.ctx.directory.rooms.values():
            if place.room.owner_id == person_id:
                self.doors.publish_door(place.room.id)

    # --- coffee ---

    def set_coffee(self, person_id: str, wanted: bool) -> None:
        self.ctx.presence.set_coffee(person_id, wanted)
