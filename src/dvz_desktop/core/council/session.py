"""One session of the virtual moderator: in any meeting room, or as a council session of a body.

A session without a body is a meeting with a moderator (whoever started it, or the room's owner): a
speaker list, the speaker's time limit and timers. A session of a body (a committee, the Kreistag) adds
the agenda, attendance with quorum, votes under the body's Land profile, and the minutes' draft.

Every change is a method that takes who asks and the time, checks who may do it, and raises
:class:`CouncilRefused` with a reason otherwise; the caller sends the new state. Nothing here does I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from .agenda import MAX_ITEMS, AgendaItem
from .attendance import DEFAULT_QUORUM, Attendance, Mode, QuorumRule
from .profiles import GENERIC, LandProfile, VoteKind
from .speakers import Floor, HandKind, SpeakerList, SpeakerListError
from .timers import Countdown, TimerKind, start
from .votes import BallotRefused, Choice, Vote, VoteBook, VoteResult, refusal

#: The longest time limit per speaker and the longest timer the chair may set.
MAX_SPEAKER_LIMIT = timedelta(minutes=60)
MAX_TIMER_MINUTES = 240
#: Nobody has been in the session for this long: it ends by itself.
ABANDONED_MEETING = timedelta(minutes=15)
ABANDONED_COUNCIL = timedelta(hours=4)


class CouncilRefused(ValueError):
    """Why a command is refused; ``reason`` names it (the backend maps it to an error code)."""

    NOT_CHAIR = "not_chair"
    NOT_MINUTE_TAKER = "not_minute_taker"
    NOT_PRESENT = "not_present"
    NO_BODY = "no_body"
    UNKNOWN_ITEM = "unknown_item"
    UNKNOWN_PERSON = "unknown_person"
    BAD_ORDER = "bad_order"
    BAD_TIME = "bad_time"
    ENDED = "ended"

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Body:
    """A committee (Gremium) as the organisation file describes it."""

    body_id: str
    name: str
    members: frozenset[str]
    chair: str
    minute_taker: str | None = None
    #: Members without a vote (beratende Mitglieder); everyone else in ``members`` votes.
    advisory: frozenset[str] = frozenset()
    profile: LandProfile = GENERIC
    quorum: QuorumRule = DEFAULT_QUORUM
    #: The eAkte file number the minutes are filed under (Aktenzeichen).
    file_number: str = ""

    @property
    def voters(self) -> frozenset[str]:
        return self.members - self.advisory


@dataclass(frozen=True)
class Speech:
    item_index: int | None
    floor: Floor


@dataclass(frozen=True)
class VoidedVote:
    """A vote left open when the server counting it stopped or was lost: it does not count (its ballots
    were never written, by design), and the chair is told so to repeat it."""

    vote_id: str
    question: str
    at: datetime


@dataclass(frozen=True)
class QuorumChange:
    at: datetime
    quorate: bool
    present: int


@dataclass
class CouncilSession:
    session_id: str
    room_id: str
    title: str
    #: Who moderates a session without a body (who started it, or the room's owner).
    moderators: frozenset[str]
    started_at: datetime
    body: Body | None = None
    public: bool = False
    agenda: list[AgendaItem] = field(default_factory=list)
    current_item: int | None = None
    speakers: SpeakerList = field(default_factory=SpeakerList)
    timer: Countdown | None = None
    speeches: list[Speech] = field(default_factory=list)
    quorum_changes: list[QuorumChange] = field(default_factory=list)
    #: The minute-taker's text per agenda item (key -1: before the first item).
    notes: dict[int, str] = field(default_factory=dict)
    #: Votes that were void because the server counting them was lost (oldest first).
    voided: list[VoidedVote] = field(default_factory=list)
    ended_at: datetime | None = None
    attendance: Attendance = field(init=False)
    votes: VoteBook = field(init=False)

    def __post_init__(self) -> None:
        body = self.body
        members = body.members if body else frozenset()
        self.attendance = Attendance(members, body.quorum if body else DEFAULT_QUORUM)
        self.votes = VoteBook(body.profile if body else GENERIC)

    # --- who may ---

    @property
    def chairs(self) -> frozenset[str]:
        return frozenset({self.body.chair}) if self.body else self.moderators

    def is_chair(self, person_id: str) -> bool:
        return person_id in self.chairs

    def _chair(self, person_id: str) -> None:
        self._running()
        if not self.is_chair(person_id):
            raise CouncilRefused(CouncilRefused.NOT_CHAIR)

    def _running(self) -> None:
        if self.ended_at is not None:
            raise CouncilRefused(CouncilRefused.ENDED)

    def _body(self) -> Body:
        if self.body is None:
            raise CouncilRefused(CouncilRefused.NO_BODY)
        return self.body

    # --- presence ---

    def entered(self, person_id: str, inside: bool, now: datetime) -> bool:
        """Someone came into the session's room on DVZ, or left it."""
        changed = self.attendance.set_remote(person_id, inside, now)
        if not inside:
            self.speakers.forget(person_id, now)
        return self._after_attendance(now) or changed

    def connection_lost(self, person_id: str, now: datetime) -> bool:
        vote = self.votes.active
        changed = self.attendance.connection_lost(person_id, now, vote.vote_id if vote else None)
        if changed:
            self.speakers.forget(person_id, now)
        return self._after_attendance(now) or changed

    def mark_hall(self, actor: str, person_id: str, in_hall: bool, now: datetime) -> bool:
        self._chair(actor)
        self._body()
        changed = self.attendance.mark_hall(person_id, in_hall, now)
        return self._after_attendance(now) or changed

    def _after_attendance(self, now: datetime) -> bool:
        if self.body is None:
            return False
        quorate = self.attendance.quorate()
        if self.quorum_changes and self.quorum_changes[-1].quorate == quorate:
            return False
        self.quorum_changes.append(QuorumChange(now, quorate, len(self.attendance.members_present())))
        return True

    def present(self, person_id: str) -> bool:
        return self.attendance.mode_of(person_id) is not None

    # --- the agenda ---

    def set_agenda(self, actor: str, items: list[AgendaItem]) -> None:
        self._chair(actor)
        if len(items) > MAX_ITEMS:
            raise CouncilRefused(CouncilRefused.UNKNOWN_ITEM)
        self.agenda = list(items)
        self.current_item = None

    def go_to_item(self, actor: str, index: int | None, now: datetime) -> None:
        self._chair(actor)
        if index is not None and not 0 <= index < len(self.agenda):
            raise CouncilRefused(CouncilRefused.UNKNOWN_ITEM)
        if index != self.current_item:
            self.current_item = index
            self.speakers.clear(now)

    # --- the speaker list ---

    def raise_hand(self, person_id: str, kind: HandKind, now: datetime) -> bool:
        self._running()
        if not self.present(person_id):
            raise CouncilRefused(CouncilRefused.NOT_PRESENT)
        return self.speakers.raise_hand(person_id, kind, now)

    def lower_hand(self, actor: str, person_id: str) -> bool:
        """Lower one's own hand; the chair may take anyone off the list."""
        self._running()
        if actor != person_id and not self.is_chair(actor):
            raise CouncilRefused(CouncilRefused.NOT_CHAIR)
        return self.speakers.lower_hand(person_id)

    def reorder(self, actor: str, order: list[str]) -> None:
        self._chair(actor)
        try:
            self.speakers.reorder(order)
        except SpeakerListError:
            raise CouncilRefused(CouncilRefused.BAD_ORDER) from None

    def next_speaker(self, actor: str, now: datetime) -> Floor | None:
        self._chair(actor)
        floor = self.speakers.next_speaker(now)
        if floor is not None:
            self.speeches.append(Speech(self.current_item, floor))
        return floor

    def give_floor(self, actor: str, person_id: str, now: datetime) -> Floor:
        self._chair(actor)
        floor = self.speakers.give_floor(person_id, now)
        self.speeches.append(Speech(self.current_item, floor))
        return floor

    def end_speech(self, actor: str, now: datetime) -> None:
        self._chair(actor)
        self.speakers.end_speech(now)

    def extend_speech(self, actor: str, seconds: int | None) -> None:
        """The chair grants the speaker more time."""
        self._chair(actor)
        if seconds is None or not 0 < seconds <= MAX_SPEAKER_LIMIT.total_seconds():
            raise CouncilRefused(CouncilRefused.BAD_TIME)
        self.speakers.extend(timedelta(seconds=seconds))

    def set_speaker_limit(self, actor: str, seconds: int | None) -> None:
        self._chair(actor)
        if seconds is not None and not 0 < seconds <= MAX_SPEAKER_LIMIT.total_seconds():
            raise CouncilRefused(CouncilRefused.BAD_TIME)
        self.speakers.limit = timedelta(seconds=seconds) if seconds else None

    # --- timers ---

    def start_timer(self, actor: str, kind: TimerKind, label: str, minutes: float, now: datetime) -> Countdown:
        self._chair(actor)
        if not 0 < minutes <= MAX_TIMER_MINUTES:
            raise CouncilRefused(CouncilRefused.BAD_TIME)
        self.timer = start(kind, label, minutes, now)
        return self.timer

    def pause_timer(self, actor: str, paused: bool, now: datetime) -> None:
        self._chair(actor)
        if self.timer is not None:
            self.timer = self.timer.pause(now) if paused else self.timer.resume(now)

    def stop_timer(self, actor: str) -> None:
        self._chair(actor)
        self.timer = None

    # --- votes ---

    def open_vote(self, actor: str, vote_id: str, kind: VoteKind, question: str, now: datetime,
                  election: bool = False) -> Vote:
        self._chair(actor)
        self._body()
        return self.votes.open(vote_id, kind, question, now, election=election, agenda_index=self.current_item)

    def cast(self, person_id: str, choice: Choice) -> Vote:
        self._running()
        body = self._body()
        return self.votes.cast(person_id, choice, self.attendance.mode_of(person_id), body.voters)

    def may_vote(self, person_id: str) -> str | None:
        """Why this person cannot vote in the running vote (None: they can) — for the vote dialog."""
        vote = self.votes.active
        if self.body is None or vote is None:
            return BallotRefused.NO_VOTE
        if person_id in vote.participants:
            return BallotRefused.ALREADY_VOTED
        return refusal(person_id, self.attendance.mode_of(person_id), self.body.voters, self.votes.profile,
                       vote.kind, vote.election)

    def close_vote(self, actor: str, now: datetime) -> VoteResult:
        self._chair(actor)
        return self.votes.close(now)

    # --- minutes and the end ---

    def write_notes(self, actor: str, item_index: int, text: str) -> None:
        body = self._body()
        if actor not in {body.minute_taker, body.chair}:
            raise CouncilRefused(CouncilRefused.NOT_MINUTE_TAKER)
        if not -1 <= item_index < len(self.agenda):
            raise CouncilRefused(CouncilRefused.UNKNOWN_ITEM)
        self.notes[item_index] = text

    def end(self, actor: str, now: datetime) -> None:
        self._chair(actor)
        self.close(now)

    def close(self, now: datetime) -> None:
        """The session ends (by the chair, or left empty): a running vote is void, every stay ends now."""
        self.votes.cancel()
        self.speakers.end_speech(now)
        self.timer = None
        self.attendance.close_all(now)
        self.ended_at = now

    # --- views ---

    def abandoned_after(self) -> timedelta:
        """How long the session may stay without anyone in it before it ends by itself: a meeting soon
        (its room must not stay blocked), a council session only after a long break."""
        return ABANDONED_COUNCIL if self.body is not None else ABANDONED_MEETING

    def connection_warning(self) -> bool:
        """Whether the chair must be told to interrupt (a remote member's connection was lost under a
        profile where the session must not go on)."""
        return bool(self.attendance.losses) and self.votes.profile.stop_on_connection_loss

    def speaking_mode(self, person_id: str) -> Mode | None:
        return self.attendance.mode_of(person_id)
