"""The virtual moderator and council sessions on the wire.

A session runs in a room: a meeting with a moderator (speaker list, time limit, timers) or, with a body
from the organisation file, a council session (agenda, attendance, quorum, votes, minutes). Everyone who
takes part gets the whole state as ``council_state`` after every change — people in the room, the
body's members, chair and minute-taker, and whoever follows it (a hall display). Times to count down
are sent as the seconds left when the state was sent, so a client's clock does not matter.

Secret votes: the state says how many voted and who took part, never who chose what.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field

from .base import CommandId, EntityId, LenientModel, StrictModel

#: Limits both sides know.
MAX_COUNCIL_TITLE = 300
MAX_AGENDA_ITEMS = 200
MAX_AGENDA_NUMBER = 20
MAX_VOTE_QUESTION = 500
MAX_TIMER_LABEL = 80
#: An OParl file travels inside one control frame.
MAX_OPARL_CHARS = 60_000
#: The minute-taker's text per agenda item.
MAX_NOTES_CHARS = 20_000

HandKindName = Literal["speech", "reply"]
VoteKindName = Literal["open", "named", "secret"]
ChoiceName = Literal["yes", "no", "abstain"]
ProfileName = Literal["allgemein", "by", "sl", "mv"]
ModeName = Literal["hall", "remote"]
TimerKindName = Literal["item", "break"]


class CouncilItem(StrictModel):
    """An agenda item (Tagesordnungspunkt) as the chair types it in."""

    number: Annotated[str, Field(max_length=MAX_AGENDA_NUMBER)]
    title: Annotated[str, Field(min_length=1, max_length=MAX_COUNCIL_TITLE)]
    public: bool = True


class CouncilItemInfo(LenientModel):
    """An agenda item as the server sends it."""

    number: str
    title: str
    public: bool = True


# --- client -> server ------------------------------------------------------------------------


class CouncilStart(StrictModel):
    """Start a session in the room I am in; with a body, a council session (only its chair may)."""

    type: Literal["council_start"] = "council_start"
    id: CommandId
    room_id: EntityId
    body_id: EntityId | None = None
    title: Annotated[str, Field(min_length=1, max_length=MAX_COUNCIL_TITLE)]
    #: Citizens may follow it on the body's public page.
    public: bool = False


class CouncilSync(StrictModel):
    """Sent by the client after every welcome (and when its council part starts): the server answers
    with ``council_bodies`` and a ``council_state`` of every running session that concerns me, then the
    ack. Asked for, not pushed after the welcome, so nothing is missed while the client builds its window."""

    type: Literal["council_sync"] = "council_sync"
    id: CommandId


class CouncilEnd(StrictModel):
    type: Literal["council_end"] = "council_end"
    id: CommandId
    session_id: EntityId


class CouncilFollow(StrictModel):
    """Receive the state without being in the room (a hall display, a member outside); ``follow`` False
    stops it."""

    type: Literal["council_follow"] = "council_follow"
    id: CommandId
    session_id: EntityId
    follow: bool = True


class CouncilAgenda(StrictModel):
    """The chair sets the agenda: typed in (``items``) or from an OParl 1.1 meeting (``oparl``, the file's
    JSON text); exactly one of the two."""

    type: Literal["council_agenda"] = "council_agenda"
    id: CommandId
    session_id: EntityId
    items: Annotated[tuple[CouncilItem, ...], Field(max_length=MAX_AGENDA_ITEMS)] = ()
    oparl: Annotated[str, Field(max_length=MAX_OPARL_CHARS)] | None = None


class CouncilGoTo(StrictModel):
    """The chair calls an agenda item (index into the agenda; null: none)."""

    type: Literal["council_goto"] = "council_goto"
    id: CommandId
    session_id: EntityId
    index: Annotated[int, Field(ge=0, lt=MAX_AGENDA_ITEMS)] | None


class CouncilHand(StrictModel):
    """Raise or lower my hand; the chair may lower someone else's (``person_id``)."""

    type: Literal["council_hand"] = "council_hand"
    id: CommandId
    session_id: EntityId
    raised: bool
    kind: HandKindName = "speech"
    person_id: EntityId | None = None


class CouncilFloor(StrictModel):
    """The chair moves the floor: ``next`` (Nächste Wortmeldung), ``give`` (to ``person_id``), ``end``,
    ``extend`` (``seconds`` more), ``limit`` (each speaker's time from now on; ``seconds`` null: none).
    ``mute_others``: the others' microphones are muted while the speaker has the floor."""

    type: Literal["council_floor"] = "council_floor"
    id: CommandId
    session_id: EntityId
    action: Literal["next", "give", "end", "extend", "limit"]
    person_id: EntityId | None = None
    seconds: Annotated[int, Field(ge=1, le=3600)] | None = None
    mute_others: bool = False


class CouncilReorder(StrictModel):
    """The chair puts the waiting hands in this order (every one exactly once)."""

    type: Literal["council_reorder"] = "council_reorder"
    id: CommandId
    session_id: EntityId
    order: Annotated[tuple[EntityId, ...], Field(max_length=500)]


class CouncilTimer(StrictModel):
    type: Literal["council_timer"] = "council_timer"
    id: CommandId
    session_id: EntityId
    action: Literal["start", "pause", "resume", "stop"]
    kind: TimerKindName = "item"
    label: Annotated[str, Field(max_length=MAX_TIMER_LABEL)] = ""
    minutes: Annotated[int, Field(ge=1, le=240)] | None = None


class CouncilAttend(StrictModel):
    """The chair marks a person as sitting in the physical hall (or no longer)."""

    type: Literal["council_attend"] = "council_attend"
    id: CommandId
    session_id: EntityId
    person_id: EntityId
    in_hall: bool


class CouncilVoteOpen(StrictModel):
    type: Literal["council_vote_open"] = "council_vote_open"
    id: CommandId
    session_id: EntityId
    kind: VoteKindName
    question: Annotated[str, Field(min_length=1, max_length=MAX_VOTE_QUESTION)]
    #: An election (Wahl): some Länder keep remote members out.
    election: bool = False


class CouncilBallot(StrictModel):
    type: Literal["council_ballot"] = "council_ballot"
    id: CommandId
    session_id: EntityId
    vote_id: EntityId
    choice: ChoiceName


class CouncilVoteClose(StrictModel):
    type: Literal["council_vote_close"] = "council_vote_close"
    id: CommandId
    session_id: EntityId


class CouncilNotes(StrictModel):
    """The minute-taker's text for an agenda item (-1: before the first item)."""

    type: Literal["council_notes"] = "council_notes"
    id: CommandId
    session_id: EntityId
    item_index: Annotated[int, Field(ge=-1, lt=MAX_AGENDA_ITEMS)]
    text: Annotated[str, Field(max_length=MAX_NOTES_CHARS)]


class CouncilMinutesGet(StrictModel):
    """The minute-taker or the chair asks for the minutes' draft: ``council_minutes`` comes, then the ack."""

    type: Literal["council_minutes_get"] = "council_minutes_get"
    id: CommandId
    session_id: EntityId


# --- server -> client ------------------------------------------------------------------------


class CouncilBodyInfo(LenientModel):
    body_id: str
    name: str
    chair_id: str
    minute_taker_id: str | None = None
    members: tuple[str, ...] = ()
    #: Members without a vote.
    advisory: tuple[str, ...] = ()
    profile: ProfileName = "allgemein"
    #: The members present needed for a quorum, and the rule in words (German, for the minutes).
    quorum_required: int = 1
    quorum_rule: str = ""
    file_number: str = ""


class CouncilHandInfo(LenientModel):
    person_id: str
    kind: HandKindName = "speech"
    raised_at: datetime


class CouncilFloorInfo(LenientModel):
    person_id: str
    kind: HandKindName = "speech"
    since: datetime
    #: The speaker's limit and the seconds left when this state was sent (null: no limit).
    limit_s: int | None = None
    remaining_s: int | None = None
    mute_others: bool = False


class CouncilTimerInfo(LenientModel):
    kind: TimerKindName
    label: str = ""
    duration_s: int
    remaining_s: int
    running: bool = True


class CouncilPresent(LenientModel):
    person_id: str
    mode: ModeName
    since: datetime


class CouncilLoss(LenientModel):
    """A remote participant's connection was lost (with the vote that was running)."""

    person_id: str
    at: datetime
    vote_id: str | None = None


class CouncilVoided(LenientModel):
    """A vote that was open when the server running the session was lost (or restarted): its ballots
    were never counted and it does not count; the chair repeats it."""

    vote_id: str
    question: str
    at: datetime


class CouncilVoteInfo(LenientModel):
    vote_id: str
    kind: VoteKindName
    question: str
    election: bool = False
    opened_at: datetime
    #: How many have voted, and who (sorted: the order they voted in is not told).
    cast: int = 0
    voted: tuple[str, ...] = ()


class CouncilNamedVote(LenientModel):
    person_id: str
    choice: ChoiceName


class CouncilResult(LenientModel):
    vote_id: str
    kind: VoteKindName
    question: str
    election: bool = False
    yes: int = 0
    no: int = 0
    abstain: int = 0
    carried: bool = False
    #: Named votes only: who voted how.
    record: tuple[CouncilNamedVote, ...] = ()
    item_index: int | None = None
    closed_at: datetime


class CouncilInfo(LenientModel):
    session_id: str
    room_id: str
    title: str
    public: bool = False
    started_at: datetime
    ended_at: datetime | None = None
    #: Who moderates a session without a body.
    moderators: tuple[str, ...] = ()
    body: CouncilBodyInfo | None = None
    agenda: tuple[CouncilItemInfo, ...] = ()
    current_item: int | None = None
    hands: tuple[CouncilHandInfo, ...] = ()
    floor: CouncilFloorInfo | None = None
    speaker_limit_s: int | None = None
    timer: CouncilTimerInfo | None = None
    present: tuple[CouncilPresent, ...] = ()
    quorate: bool = False
    members_present: int = 0
    losses: tuple[CouncilLoss, ...] = ()
    #: The Land's code says the session must not go on after a lost connection (the chair is told).
    interrupt_advised: bool = False
    vote: CouncilVoteInfo | None = None
    results: tuple[CouncilResult, ...] = ()
    #: Votes void because the server that counted them was lost: the chair is told, and repeats them.
    voided: tuple[CouncilVoided, ...] = ()


class CouncilState(LenientModel):
    type: Literal["council_state"] = "council_state"
    session: CouncilInfo


class CouncilBodies(LenientModel):
    """The answer to ``council_sync``: the bodies I chair, keep the minutes of or belong to (a chair starts
    their sessions from here)."""

    type: Literal["council_bodies"] = "council_bodies"
    bodies: tuple[CouncilBodyInfo, ...] = ()


class CouncilMinutesItem(LenientModel):
    number: str
    title: str
    public: bool = True
    speakers: tuple[str, ...] = ()
    results: tuple[CouncilResult, ...] = ()
    notes: str = ""


class CouncilAttendance(LenientModel):
    person_id: str
    display_name: str
    role: Literal["chair", "member", "advisory", "minute_taker", "guest"]
    mode: ModeName
    arrived: datetime
    left: datetime | None = None


class CouncilMinutes(LenientModel):
    """The minutes' draft (Niederschrift) as it stands."""

    type: Literal["council_minutes"] = "council_minutes"
    session_id: str
    body_name: str
    title: str
    file_number: str = ""
    started_at: datetime
    ended_at: datetime | None = None
    chair: str
    minute_taker: str = ""
    quorum_rule: str = ""
    attendance: tuple[CouncilAttendance, ...] = ()
    opening_notes: str = ""
    items: tuple[CouncilMinutesItem, ...] = ()
    #: Disruptions: lost connections and changes of the quorum, in German, with their time.
    disruptions: tuple[str, ...] = ()
