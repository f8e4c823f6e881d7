"""Person-to-person requests on the backend: invitations, quick questions, absences with deputies and
the coffee flag."""

from __future__ import annotations

from datetime import date

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

from ...feature import Refused, new_id
from .context import BehaviourContext
from .knocking import DoorsAndKnocks


class PeopleRequests:
    def __init__(self, ctx: BehaviourContext, doors: DoorsAndKnocks) -> None:
        self.ctx = ctx
        self.doors = doors
        self.invites = InviteBook()
        for absence in ctx.store.absences():
            ctx.absences.set(absence)

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
        self._tell(invitation)
        return invite_id

    def answer_invite(self, person_id: str, invite_id: str, accept: bool) -> None:
        pending = self.invites.get(invite_id)
        if pending is None or pending.guest_id != person_id:
            raise Refused(ErrorCode.UNKNOWN_KNOCK)
        if accept and not self.ctx.directory.can_enter(person_id, pending.room_id):
            raise Refused(ErrorCode.FORBIDDEN)
        invitation = self.invites.answer(invite_id, person_id, accept)
        if invitation.state is InviteState.ACCEPTED:
            self.doors.passes.add((person_id, invitation.room_id))
            self.ctx.presence.move(person_id, invitation.room_id)
        self._tell(invitation)

    def invitations_changed(self, changed: list[Invitation]) -> None:
        for invitation in changed:
            self._tell(invitation)

    def _tell(self, invitation: Invitation) -> None:
        payload = InviteUpdate(invitation=invitation).model_dump_json()
        for person_id in {invitation.host_id, invitation.guest_id}:
            self.ctx.hub.send_to(person_id, payload)
        if invitation.on_behalf_of and invitation.state is not InviteState.PENDING:
            self.ctx.inbox.add(invitation.on_behalf_of, InboxKind.HANDOVER, from_id=invitation.host_id,
                               room_id=invitation.room_id, handled_by=invitation.guest_id,
                               subject=InboxSubject.INVITATION, outcome=invitation.state.value)

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

    def answer_question(self, person_id: str, question_id: str, text: str) -> None:
        question = self.ctx.store.question(question_id)
        if question is None or question.to_id != person_id or question.answer is not None:
            raise Refused(ErrorCode.UNKNOWN_KNOCK)
        answered = question.model_copy(update={"answer": text, "answered_at": self.ctx.now()})
        self.ctx.store.save_question(answered)
        self._tell_question(answered)
        if answered.on_behalf_of:
            self.ctx.inbox.add(answered.on_behalf_of, InboxKind.HANDOVER, from_id=answered.from_id,
                               text=answered.text, answer=text, handled_by=person_id, subject=InboxSubject.QUESTION)

    def _tell_question(self, question: QuickQuestion) -> None:
        payload = QuestionUpdate(question=question).model_dump_json()
        for person_id in {question.from_id, question.to_id}:
            self.ctx.hub.send_to(person_id, payload)

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
        self.ctx.absences.set(absence)
        self.ctx.store.save_absence(absence)
        self._publish(absence, cleared=())

    def clear_absence(self, person_id: str) -> None:
        previous = self.ctx.absences.clear(person_id)
        self.ctx.store.delete_absence(person_id)
        if previous is not None:
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
