"""Client side of office behaviour: the knocks, invitations, questions, doors, absences and inbox that
concern me, kept current from the server's updates and re-read from every ``welcome``.

The UI reads the dictionaries and listens to the events; every method sends one command and returns
the server's answer (or raises :class:`SessionError` with a German message).
"""

from __future__ import annotations

from datetime import date

from dvz_desktop.core.events import Event
from dvz_desktop.protocol import (
    FINAL_KNOCK_STATES,
    Absence,
    AbsenceCategory,
    AbsenceChanged,
    AnswerInvite,
    AnswerKnock,
    AnswerQuestion,
    AskQuestion,
    CancelKnock,
    ClearAbsence,
    DismissInbox,
    DoorChanged,
    DoorInfo,
    DoorState,
    InboxAdded,
    InboxItem,
    Invitation,
    Invite,
    InviteState,
    InviteUpdate,
    Knock,
    KnockAnswer,
    KnockOn,
    KnockState,
    KnockUpdate,
    LeaveMessage,
    OfficeHours,
    QuestionUpdate,
    QuickQuestion,
    ServerMessage,
    SetAbsence,
    SetCoffee,
    SetDoor,
    SetOfficeHours,
    Welcome,
)

from .session import Session


class OfficeBehaviour:
    def __init__(self, session: Session) -> None:
        self._session = session
        self.doors: dict[str, DoorInfo] = {}
        self.knocks: dict[str, Knock] = {}
        self.invitations: dict[str, Invitation] = {}
        self.questions: dict[str, QuickQuestion] = {}
        self.absences: dict[str, Absence] = {}
        self.inbox: dict[str, InboxItem] = {}
        self.doors_changed: Event[tuple[DoorInfo, ...]] = Event()
        self.knock_changed: Event[Knock] = Event()
        self.invitation_changed: Event[Invitation] = Event()
        self.question_changed: Event[QuickQuestion] = Event()
        self.absences_changed: Event[None] = Event()
        self.inbox_changed: Event[None] = Event()
        session.welcomed.connect(self._on_welcome)
        session.message_received.connect(self._on_message)
        if session.welcome is not None:
            self._on_welcome(session.welcome)

    @property
    def me(self) -> str | None:
        return self._session.me

    # --- commands ---

    async def go_to(self, room_id: str) -> str:
        """Walk to a room; knocks if the door is closed. Returns the knock id (its updates follow)."""
        ack = await self._session.command(KnockOn(id=self._session.next_id(), room_id=room_id))
        return ack.ref or ""

    async def answer_knock(self, knock_id: str, answer: KnockAnswer, minutes: int | None = None,
                           text: str = "") -> None:
        await self._session.command(AnswerKnock(id=self._session.next_id(), knock_id=knock_id, answer=answer,
                                                minutes=minutes, text=text))

    async def cancel_knock(self, knock_id: str) -> None:
        await self._session.command(CancelKnock(id=self._session.next_id(), knock_id=knock_id))

    async def leave_message(self, knock_id: str, text: str) -> None:
        await self._session.command(LeaveMessage(id=self._session.next_id(), knock_id=knock_id, text=text))

    async def invite(self, person_id: str) -> str:
        ack = await self._session.command(Invite(id=self._session.next_id(), person_id=person_id))
        return ack.ref or ""

    async def answer_invite(self, invite_id: str, accept: bool) -> None:
        await self._session.command(AnswerInvite(id=self._session.next_id(), invite_id=invite_id, accept=accept))

    async def ask(self, person_id: str, text: str) -> str:
        ack = await self._session.command(AskQuestion(id=self._session.next_id(), person_id=person_id, text=text))
        return ack.ref or ""

    async def answer_question(self, question_id: str, text: str) -> None:
        await self._session.command(AnswerQuestion(id=self._session.next_id(), question_id=question_id, text=text))

    async def set_coffee(self, wanted: bool) -> None:
        await self._session.command(SetCoffee(id=self._session.next_id(), wanted=wanted))

    async def set_door(self, room_id: str, state: DoorState, note: str = "") -> None:
        await self._session.command(SetDoor(id=self._session.next_id(), room_id=room_id, state=state, note=note))

    async def set_office_hours(self, room_id: str, hours: tuple[OfficeHours, ...]) -> None:
        await self._session.command(SetOfficeHours(id=self._session.next_id(), room_id=room_id, hours=hours))

    async def set_absence(self, start: date, end: date, category: AbsenceCategory, deputy_id: str | None) -> None:
        await self._session.command(SetAbsence(id=self._session.next_id(), start=start, end=end,
                                               category=category, deputy_id=deputy_id))

    async def clear_absence(self) -> None:
        await self._session.command(ClearAbsence(id=self._session.next_id()))

    async def dismiss(self, item_ids: tuple[str, ...]) -> None:
        if item_ids:
            await self._session.command(DismissInbox(id=self._session.next_id(), item_ids=item_ids))
            for item_id in item_ids:
                self.inbox.pop(item_id, None)
            self.inbox_changed.emit(None)

    # --- questions the UI asks ---

    def door_of(self, room_id: str) -> DoorInfo:
        return self.doors.get(room_id) or DoorInfo(room_id=room_id)

    def ringing_for_me(self) -> list[Knock]:
        """Knocks someone else makes that I may answer (not my own)."""
        return [k for k in self.knocks.values() if k.knocker_id != self.me]

    # --- updates from the server ---

    def _on_welcome(self, welcome: Welcome) -> None:
        self.doors = {d.room_id: d for d in welcome.doors}
        self.knocks = {k.knock_id: k for k in welcome.knocks}
        self.invitations = {i.invite_id: i for i in welcome.invitations}
        self.questions = {q.question_id: q for q in welcome.questions}
        self.absences = {a.person_id: a for a in welcome.absences}
        self.inbox = {i.item_id: i for i in welcome.inbox}
        self.doors_changed.emit(welcome.doors)
        self.absences_changed.emit(None)
        self.inbox_changed.emit(None)

    def _on_message(self, msg: ServerMessage) -> None:
        if isinstance(msg, KnockUpdate):
            self._on_knock(msg.knock)
        elif isinstance(msg, DoorChanged):
            self.doors.update({d.room_id: d for d in msg.doors})
            self.doors_changed.emit(msg.doors)
        elif isinstance(msg, InviteUpdate):
            inv = msg.invitation
            if inv.state is InviteState.PENDING:
                self.invitations[inv.invite_id] = inv
            else:
                self.invitations.pop(inv.invite_id, None)
            if inv.state is InviteState.ACCEPTED and inv.guest_id == self.me:
                self._session.walked_to(inv.room_id)
            self.invitation_changed.emit(inv)
        elif isinstance(msg, QuestionUpdate):
            self.questions[msg.question.question_id] = msg.question
            self.question_changed.emit(msg.question)
        elif isinstance(msg, AbsenceChanged):
            for person_id in msg.cleared:
                self.absences.pop(person_id, None)
            self.absences.update({a.person_id: a for a in msg.absences})
            self.absences_changed.emit(None)
        elif isinstance(msg, InboxAdded):
            self.inbox.update({i.item_id: i for i in msg.items})
            self.inbox_changed.emit(None)

    def _on_knock(self, knock: Knock) -> None:
        if knock.state in FINAL_KNOCK_STATES:
            self.knocks.pop(knock.knock_id, None)
        else:
            self.knocks[knock.knock_id] = knock
        if knock.knocker_id == self.me and knock.state in (KnockState.COME_IN, KnockState.ENTERED):
            self._session.walked_to(knock.room_id)
        self.knock_changed.emit(knock)
