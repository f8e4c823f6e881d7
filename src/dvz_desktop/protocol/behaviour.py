"""Office behaviour on the wire: doors, knocks, invitations, quick questions, absences, the inbox.

Knocks, invitations and questions are short-lived conversations between people; each has a
server-chosen id (returned in ``ack.ref``) and every change is sent as a complete ``*_update`` with
the new state, so a client that reconnects needs no history: the ``welcome`` carries what is still
open, and the inbox keeps what was missed until it is dismissed.
"""

from __future__ import annotations

from datetime import date, datetime, time
from enum import Enum
from typing import Annotated, Literal

from pydantic import Field, model_validator

from .base import MAX_MESSAGE_CHARS, MAX_NOTE_CHARS, MAX_SHORT_TEXT, CommandId, EntityId, LenientModel, StrictModel
from .enums import DoorState

ShortText = Annotated[str, Field(max_length=MAX_SHORT_TEXT)]
MessageText = Annotated[str, Field(min_length=1, max_length=MAX_MESSAGE_CHARS)]


class Weekday(int, Enum):
    MONDAY = 0
    TUESDAY = 1
    WEDNESDAY = 2
    THURSDAY = 3
    FRIDAY = 4
    SATURDAY = 5
    SUNDAY = 6


class OfficeHours(StrictModel):
    """One opening window on a weekday, e.g. Thursday 14:00-18:00 (office time zone)."""

    weekday: Weekday
    start: time
    end: time

    @model_validator(mode="after")
    def _start_before_end(self) -> OfficeHours:
        if self.start >= self.end:
            raise ValueError("Sprechzeit: der Beginn muss vor dem Ende liegen")
        return self


class AbsenceCategory(str, Enum):
    """Deliberately coarse: no reason beyond these is ever asked for or stored."""

    VACATION = "urlaub"
    BUSINESS_TRIP = "dienstreise"
    TRAINING = "fortbildung"
    OTHER = "sonstiges"


class KnockState(str, Enum):
    RINGING = "klopft"  # occupants see the banner
    HELD = "zurueckgehalten"  # everyone inside is on "nicht stören": shown to them later
    ENTERED = "eingetreten"  # the door was open or ajar: the knocker walked in
    COME_IN = "herein"
    WAIT = "gleich"
    NOT_NOW = "jetzt_nicht"
    LOCKED = "abgeschlossen"  # the door is locked: answered with the room's note
    NOBODY = "niemand_da"  # the room is empty: the knocker may leave a message
    NO_ANSWER = "keine_antwort"  # 60 s without an answer
    OUTSIDE_HOURS = "ausserhalb_sprechzeit"  # became a message instead of a ring
    CANCELLED = "abgebrochen"  # the knocker went away or disconnected


#: States after which nothing more happens to a knock.
FINAL_KNOCK_STATES = frozenset(KnockState) - {KnockState.RINGING, KnockState.WAIT}


class KnockAnswer(str, Enum):
    COME_IN = "herein"
    WAIT = "gleich"
    NOT_NOW = "jetzt_nicht"


class InviteState(str, Enum):
    PENDING = "offen"
    ACCEPTED = "angenommen"
    DECLINED = "abgelehnt"
    EXPIRED = "abgelaufen"
    CANCELLED = "zurueckgezogen"


class InboxKind(str, Enum):
    MISSED_KNOCK = "verpasstes_anklopfen"
    DOOR_MESSAGE = "nachricht_an_der_tuer"
    HANDOVER = "uebergabe"  # something a deputy handled while I was away
    GUEST_REQUEST = "anfrage_digitale_tuer"  # a citizen's request left outside office hours
    CALLBACK = "rueckruf"  # a visit turned into a callback note


# --- state the client shows ------------------------------------------------------------------


class DoorInfo(LenientModel):
    """The current state of a room's door, as the map draws it."""

    room_id: str
    state: DoorState = DoorState.OPEN
    #: Shown on the door, and as the answer to a knock on a locked door.
    note: str = ""
    office_hours: tuple[OfficeHours, ...] = ()
    #: Set while the owner of a personal office is away and has named a deputy.
    deputy_id: str | None = None
    absent_until: date | None = None


class Knock(LenientModel):
    knock_id: str
    room_id: str
    knocker_id: str
    state: KnockState
    started_at: datetime
    #: For WAIT: "gleich, in N Minuten".
    minutes: int | None = None
    #: The line the occupant wrote with the answer, or the locked door's note.
    text: str = ""
    answered_by: str | None = None
    #: Set when the knock was offered to a deputy: the absent person it was meant for.
    on_behalf_of: str | None = None


class Invitation(LenientModel):
    invite_id: str
    host_id: str
    guest_id: str
    room_id: str
    state: InviteState
    created_at: datetime
    #: The person the invitation was meant for, when a deputy received it instead.
    on_behalf_of: str | None = None


class QuickQuestion(LenientModel):
    question_id: str
    from_id: str
    to_id: str
    text: str
    asked_at: datetime
    answer: str | None = None
    answered_at: datetime | None = None
    on_behalf_of: str | None = None


class Absence(LenientModel):
    person_id: str
    start: date
    end: date
    deputy_id: str | None = None
    #: Only the person themself and their deputy receive the category.
    category: AbsenceCategory | None = None


class InboxSubject(str, Enum):
    """What a deputy handled (a handover item)."""

    KNOCK = "anklopfen"
    INVITATION = "einladung"
    QUESTION = "frage"


class InboxItem(LenientModel):
    """Something that happened while I was not there. The server sends facts; the client words them in
    its user's language (nothing here is a sentence the server made up)."""

    item_id: str
    kind: InboxKind
    at: datetime
    from_id: str | None = None
    room_id: str | None = None
    #: What a person wrote: the message left at the door, the quick question, a guest's concern.
    text: str = ""
    #: For handover items: the deputy who handled it.
    handled_by: str | None = None
    #: For handover items: what was handled (an ``InboxSubject`` value) and how it ended (a ``KnockState``
    #: value for a knock, an ``InviteState`` value for an invitation). Plain strings, so that an older
    #: client words what it knows and skips a value a newer server added.
    subject: str = ""
    outcome: str = ""
    #: The deputy's answer to a quick question.
    answer: str = ""
    #: The digital door: the guest's name, the contact they left, and the clerk's note on a callback.
    guest_name: str = ""
    contact: str = ""
    note: str = ""


# --- client -> server ------------------------------------------------------------------------


class SetDoor(StrictModel):
    type: Literal["set_door"] = "set_door"
    id: CommandId
    room_id: EntityId
    state: DoorState
    note: Annotated[str, Field(max_length=MAX_NOTE_CHARS)] = ""


class SetOfficeHours(StrictModel):
    type: Literal["set_office_hours"] = "set_office_hours"
    id: CommandId
    room_id: EntityId
    hours: Annotated[tuple[OfficeHours, ...], Field(max_length=21)] = ()


class KnockOn(StrictModel):
    """Go to a room: walk in if the door allows it, otherwise knock. ``ack.ref`` is the knock id."""

    type: Literal["knock"] = "knock"
    id: CommandId
    room_id: EntityId


class AnswerKnock(StrictModel):
    type: Literal["answer_knock"] = "answer_knock"
    id: CommandId
    knock_id: EntityId
    answer: KnockAnswer
    minutes: Annotated[int, Field(ge=1, le=120)] | None = None
    text: ShortText = ""


class CancelKnock(StrictModel):
    type: Literal["cancel_knock"] = "cancel_knock"
    id: CommandId
    knock_id: EntityId


class LeaveMessage(StrictModel):
    """After a knock without answer (or outside office hours): a message at the door."""

    type: Literal["leave_message"] = "leave_message"
    id: CommandId
    knock_id: EntityId
    text: MessageText


class Invite(StrictModel):
    """Invite a colleague into the room I am in. ``ack.ref`` is the invitation id."""

    type: Literal["invite"] = "invite"
    id: CommandId
    person_id: EntityId


class AnswerInvite(StrictModel):
    type: Literal["answer_invite"] = "answer_invite"
    id: CommandId
    invite_id: EntityId
    accept: bool


class AskQuestion(StrictModel):
    """A quick question ("Kurze Frage"). ``ack.ref`` is the question id."""

    type: Literal["ask"] = "ask"
    id: CommandId
    person_id: EntityId
    text: MessageText


class AnswerQuestion(StrictModel):
    type: Literal["answer"] = "answer"
    id: CommandId
    question_id: EntityId
    text: MessageText


class SetCoffee(StrictModel):
    """"Lust auf Kaffee": shown on the map and in the tray."""

    type: Literal["set_coffee"] = "set_coffee"
    id: CommandId
    wanted: bool


class SetAbsence(StrictModel):
    type: Literal["set_absence"] = "set_absence"
    id: CommandId
    start: date
    end: date
    category: AbsenceCategory
    deputy_id: EntityId | None = None

    @model_validator(mode="after")
    def _ordered(self) -> SetAbsence:
        if self.end < self.start:
            raise ValueError("Abwesenheit: das Ende liegt vor dem Beginn")
        return self


class ClearAbsence(StrictModel):
    type: Literal["clear_absence"] = "clear_absence"
    id: CommandId


class DismissInbox(StrictModel):
    type: Literal["dismiss_inbox"] = "dismiss_inbox"
    id: CommandId
    item_ids: Annotated[tuple[EntityId, ...], Field(min_length=1, max_length=200)]


# --- server -> client ------------------------------------------------------------------------


class DoorChanged(LenientModel):
    type: Literal["door"] = "door"
    doors: tuple[DoorInfo, ...]


class KnockUpdate(LenientModel):
    """Sent to the knocker and to everyone the knock rings for, whenever its state changes."""

    type: Literal["knock_update"] = "knock_update"
    knock: Knock


class InviteUpdate(LenientModel):
    type: Literal["invite_update"] = "invite_update"
    invitation: Invitation


class QuestionUpdate(LenientModel):
    type: Literal["question_update"] = "question_update"
    question: QuickQuestion


class AbsenceChanged(LenientModel):
    type: Literal["absence"] = "absence"
    absences: tuple[Absence, ...]
    #: People whose absence ended or was cleared.
    cleared: tuple[str, ...] = ()


class InboxAdded(LenientModel):
    type: Literal["inbox"] = "inbox"
    items: tuple[InboxItem, ...]


