"""Votes (Abstimmungen): one active at a time; open, named (roll call) or secret; yes, no, abstain.

Only members with voting rights who are present vote, each once; a Land profile may keep remote members
out of secret votes and elections, or forbid abstaining. A motion is carried when more votes are for it
than against it (abstentions do not count; a tie rejects it).

Secrecy: a secret vote keeps the set of people who took part and, apart from it, the three counts — no
mapping, no list of ballots in the order they came, no times per ballot. An open vote keeps the same
(only the result is published); a named vote keeps each member's choice for the record.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from .attendance import Mode
from .profiles import LandProfile, VoteKind


class Choice(StrEnum):
    YES = "yes"
    NO = "no"
    ABSTAIN = "abstain"


class BallotRefused(ValueError):
    """Why a ballot (or opening a vote) is refused; ``reason`` is one of the names below."""

    NO_VOTE = "no_vote"
    VOTE_RUNNING = "vote_running"
    NOT_ELIGIBLE = "not_eligible"
    NOT_PRESENT = "not_present"
    REMOTE_EXCLUDED = "remote_excluded"
    ALREADY_VOTED = "already_voted"
    NO_ABSTENTION = "no_abstention"

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def refusal(person_id: str, mode: Mode | None, voters: frozenset[str], profile: LandProfile, kind: VoteKind,
            election: bool) -> str | None:
    """Why ``person_id`` may not vote in a vote of this kind, or None if they may."""
    if person_id not in voters:
        return BallotRefused.NOT_ELIGIBLE
    if mode is None:
        return BallotRefused.NOT_PRESENT
    if mode is Mode.REMOTE and not profile.remote_may_vote(kind, election):
        return BallotRefused.REMOTE_EXCLUDED
    return None


@dataclass(frozen=True)
class Tally:
    yes: int = 0
    no: int = 0
    abstain: int = 0

    @property
    def cast(self) -> int:
        return self.yes + self.no + self.abstain

    @property
    def carried(self) -> bool:
        return self.yes > self.no

    def add(self, choice: Choice) -> Tally:
        return Tally(self.yes + (choice is Choice.YES), self.no + (choice is Choice.NO),
                     self.abstain + (choice is Choice.ABSTAIN))


@dataclass(frozen=True)
class VoteResult:
    vote_id: str
    kind: VoteKind
    question: str
    election: bool
    tally: Tally
    #: Named votes only: each member's choice, by person id.
    record: tuple[tuple[str, Choice], ...]
    opened_at: datetime
    closed_at: datetime
    agenda_index: int | None = None

    @property
    def carried(self) -> bool:
        return self.tally.carried


@dataclass
class Vote:
    vote_id: str
    kind: VoteKind
    question: str
    election: bool
    opened_at: datetime
    agenda_index: int | None = None
    tally: Tally = Tally()
    #: Who took part (for every kind: nobody votes twice). A set: it has no order.
    participants: set[str] = field(default_factory=set)
    #: Named votes only.
    named: dict[str, Choice] = field(default_factory=dict)

    def cast(self, person_id: str, choice: Choice) -> None:
        if person_id in self.participants:
            raise BallotRefused(BallotRefused.ALREADY_VOTED)
        self.participants.add(person_id)
        self.tally = self.tally.add(choice)
        if self.kind is VoteKind.NAMED:
            self.named[person_id] = choice

    def result(self, now: datetime) -> VoteResult:
        return VoteResult(self.vote_id, self.kind, self.question, self.election, self.tally,
                          tuple(sorted(self.named.items())), self.opened_at, now, self.agenda_index)


class VoteBook:
    """The votes of one session: at most one open, the results of the closed ones in order."""

    def __init__(self, profile: LandProfile) -> None:
        self.profile = profile
        self.active: Vote | None = None
        self.results: list[VoteResult] = []

    def open(self, vote_id: str, kind: VoteKind, question: str, now: datetime, *, election: bool = False,
             agenda_index: int | None = None) -> Vote:
        if self.active is not None:
            raise BallotRefused(BallotRefused.VOTE_RUNNING)
        self.active = Vote(vote_id, kind, question, election, now, agenda_index)
        return self.active

    def cast(self, person_id: str, choice: Choice, mode: Mode | None, voters: frozenset[str]) -> Vote:
        vote = self.active
        if vote is None:
            raise BallotRefused(BallotRefused.NO_VOTE)
        reason = refusal(person_id, mode, voters, self.profile, vote.kind, vote.election)
        if reason is not None:
            raise BallotRefused(reason)
        if choice is Choice.ABSTAIN and not self.profile.abstention_allowed:
            raise BallotRefused(BallotRefused.NO_ABSTENTION)
        vote.cast(person_id, choice)
        return vote

    def close(self, now: datetime) -> VoteResult:
        vote = self.active
        if vote is None:
            raise BallotRefused(BallotRefused.NO_VOTE)
        self.active = None
        result = vote.result(now)
        self.results.append(result)
        return result

    def cancel(self) -> Vote | None:
        """The vote is void (the session was interrupted): nothing is counted."""
        vote, self.active = self.active, None
        return vote


def tally_of(choices: Iterable[Choice]) -> Tally:
    tally = Tally()
    for choice in choices:
        tally = tally.add(choice)
    return tally
