"""Attendance, quorum, votes, Land profiles and the OParl import, as sentences; counting also as properties."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime, timedelta
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from dvz_desktop.core.council.agenda import typed_agenda
from dvz_desktop.core.council.attendance import Attendance, Mode, QuorumRule, quorum_text_de
from dvz_desktop.core.council.oparl import OParlError, agenda_from_oparl, meeting_name
from dvz_desktop.core.council.profiles import BAVARIA, GENERIC, MECKLENBURG_VORPOMMERN, SAARLAND, VoteKind, profile
from dvz_desktop.core.council.votes import BallotRefused, Choice, Tally, VoteBook, tally_of

T0 = datetime(2026, 12, 3, 17, 0, tzinfo=UTC)
FIXTURE = Path(__file__).parents[1] / "fixtures" / "oparl" / "meeting_kreistag.json"
MEMBERS = frozenset(f"m{n}" for n in range(10))


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


# --- quorum ---

def test_more_than_half_of_ten_members_is_six() -> None:
    rule = QuorumRule()
    assert rule.required(10) == 6 and rule.required(11) == 6 and rule.required(1) == 1
    assert not rule.met(5, 10) and rule.met(6, 10)


def test_at_least_two_thirds_is_configurable() -> None:
    rule = QuorumRule(Fraction(2, 3), more_than=False)
    assert rule.required(9) == 6 and rule.required(10) == 7
    assert quorum_text_de(rule) == "mindestens zwei Drittel der Mitglieder"
    assert quorum_text_de(QuorumRule()) == "mehr als die Hälfte der Mitglieder"


@given(st.integers(1, 500), st.integers(1, 12), st.integers(1, 12), st.booleans())
def test_the_required_count_is_the_smallest_that_meets_the_rule(members: int, a: int, b: int, more: bool) -> None:
    share = Fraction(min(a, b), max(a, b))
    rule = QuorumRule(share, more)
    need = rule.required(members)
    if need <= members:
        assert rule.met(need, members)
    assert not rule.met(need - 1, members)
    exact = share * members
    assert (need > exact) if more else (need >= exact)


def test_hall_and_remote_presence_with_times_and_quorum_lost_when_members_leave() -> None:
    attendance = Attendance(MEMBERS)
    for n in range(4):
        attendance.mark_hall(f"m{n}", True, at(0))
    for n in range(4, 7):
        attendance.set_remote(f"m{n}", True, at(1))
    attendance.set_remote("gast", True, at(1))  # not a member: present, but not counted
    assert attendance.quorate() and len(attendance.members_present()) == 7
    assert attendance.mode_of("m0") is Mode.HALL and attendance.mode_of("m5") is Mode.REMOTE
    attendance.set_remote("m5", False, at(30))
    attendance.set_remote("m6", False, at(31))
    assert not attendance.quorate()
    stay = next(s for s in attendance.stays if s.person_id == "m5")
    assert (stay.mode, stay.arrived, stay.left) == (Mode.REMOTE, at(1), at(30))


def test_marked_in_the_hall_wins_over_being_in_the_room_online() -> None:
    attendance = Attendance(MEMBERS)
    attendance.set_remote("m1", True, at(0))
    attendance.mark_hall("m1", True, at(5))
    assert attendance.mode_of("m1") is Mode.HALL
    attendance.set_remote("m1", False, at(6))  # the laptop in the hall closed: still in the hall
    assert attendance.mode_of("m1") is Mode.HALL
    assert [(s.mode, s.arrived, s.left) for s in attendance.stays] == [(Mode.REMOTE, at(0), at(5)),
                                                                       (Mode.HALL, at(5), None)]


def test_a_lost_connection_is_recorded_with_the_running_vote() -> None:
    attendance = Attendance(MEMBERS)
    attendance.set_remote("m1", True, at(0))
    assert attendance.connection_lost("m1", at(3), "v1")
    assert not attendance.connection_lost("m2", at(3), "v1")  # was not remote: nothing to lose
    assert [(c.person_id, c.vote_id) for c in attendance.losses] == [("m1", "v1")]
    assert attendance.mode_of("m1") is None


# --- votes ---

def voting(profile_=GENERIC) -> VoteBook:  # type: ignore[no-untyped-def]
    return VoteBook(profile_)


def test_an_open_vote_counts_and_a_motion_needs_more_yes_than_no() -> None:
    book = voting()
    book.open("v1", VoteKind.OPEN, "Radverkehrskonzept beschließen", at(0))
    for n, choice in enumerate([Choice.YES] * 4 + [Choice.NO] * 3 + [Choice.ABSTAIN] * 2):
        book.cast(f"m{n}", choice, Mode.HALL, MEMBERS)
    result = book.close(at(2))
    assert result.tally == Tally(4, 3, 2) and result.carried and result.record == ()
    book.open("v2", VoteKind.OPEN, "Gleichstand", at(3))
    book.cast("m0", Choice.YES, Mode.HALL, MEMBERS)
    book.cast("m1", Choice.NO, Mode.HALL, MEMBERS)
    assert not book.close(at(4)).carried  # a tie rejects the motion


def test_a_named_vote_keeps_who_voted_how_and_a_secret_one_does_not() -> None:
    book = voting()
    book.open("v1", VoteKind.NAMED, "Namentlich", at(0))
    book.cast("m2", Choice.NO, Mode.REMOTE, MEMBERS)
    book.cast("m1", Choice.YES, Mode.HALL, MEMBERS)
    assert book.close(at(1)).record == (("m1", Choice.YES), ("m2", Choice.NO))
    secret = book.open("v2", VoteKind.SECRET, "Geheim", at(2))
    book.cast("m2", Choice.NO, Mode.HALL, MEMBERS)
    book.cast("m1", Choice.YES, Mode.HALL, MEMBERS)
    assert secret.named == {} and secret.participants == {"m1", "m2"} and secret.tally == Tally(1, 1, 0)
    assert book.close(at(3)).record == ()


def test_only_present_members_with_a_vote_vote_once_and_only_one_vote_runs() -> None:
    book = voting()
    book.open("v1", VoteKind.OPEN, "Antrag", at(0))
    with pytest.raises(BallotRefused) as refused:
        book.open("v2", VoteKind.OPEN, "Noch einer", at(0))
    assert refused.value.reason == BallotRefused.VOTE_RUNNING
    cases = [("gast", Mode.HALL, BallotRefused.NOT_ELIGIBLE), ("m1", None, BallotRefused.NOT_PRESENT)]
    for person, mode, reason in cases:
        with pytest.raises(BallotRefused) as refused:
            book.cast(person, Choice.YES, mode, MEMBERS)
        assert refused.value.reason == reason
    book.cast("m1", Choice.YES, Mode.HALL, MEMBERS)
    with pytest.raises(BallotRefused) as refused:
        book.cast("m1", Choice.NO, Mode.HALL, MEMBERS)
    assert refused.value.reason == BallotRefused.ALREADY_VOTED
    assert book.close(at(1)).tally == Tally(1, 0, 0)
    with pytest.raises(BallotRefused):
        book.cast("m2", Choice.YES, Mode.HALL, MEMBERS)


@pytest.mark.parametrize("land", [BAVARIA, SAARLAND])
def test_bavaria_and_saarland_keep_remote_members_out_of_secret_votes_and_elections(land) -> None:  # type: ignore[no-untyped-def]
    book = voting(land)
    book.open("v1", VoteKind.SECRET, "Geheim", at(0))
    with pytest.raises(BallotRefused) as refused:
        book.cast("m1", Choice.YES, Mode.REMOTE, MEMBERS)
    assert refused.value.reason == BallotRefused.REMOTE_EXCLUDED
    book.cast("m2", Choice.YES, Mode.HALL, MEMBERS)
    book.close(at(1))
    book.open("v2", VoteKind.OPEN, "Wahl des Vorsitzes", at(2), election=True)
    with pytest.raises(BallotRefused):
        book.cast("m1", Choice.YES, Mode.REMOTE, MEMBERS)
    book.close(at(3))
    book.open("v3", VoteKind.NAMED, "Offen, per Video erlaubt", at(4))
    book.cast("m1", Choice.YES, Mode.REMOTE, MEMBERS)


def test_bavaria_allows_no_abstention_and_mv_stops_on_connection_loss() -> None:
    book = voting(BAVARIA)
    book.open("v1", VoteKind.OPEN, "Antrag", at(0))
    with pytest.raises(BallotRefused) as refused:
        book.cast("m1", Choice.ABSTAIN, Mode.HALL, MEMBERS)
    assert refused.value.reason == BallotRefused.NO_ABSTENTION
    assert MECKLENBURG_VORPOMMERN.stop_on_connection_loss and not GENERIC.stop_on_connection_loss
    assert MECKLENBURG_VORPOMMERN.remote_may_vote(VoteKind.SECRET, election=True)
    assert profile("by") is BAVARIA
    with pytest.raises(ValueError):
        profile("xx")


ballots = st.lists(st.tuples(st.sampled_from(sorted(MEMBERS | {"gast"})),
                             st.sampled_from(list(Choice)), st.sampled_from([Mode.HALL, Mode.REMOTE, None])),
                   max_size=40)


@given(ballots, st.sampled_from(list(VoteKind)), st.sampled_from([GENERIC, BAVARIA, SAARLAND]))
def test_the_count_is_exactly_the_accepted_ballots(cast: list[tuple[str, Choice, Mode | None]], kind: VoteKind,
                                                   land) -> None:  # type: ignore[no-untyped-def]
    book = voting(land)
    vote = book.open("v", kind, "Antrag", at(0))
    accepted: list[tuple[str, Choice]] = []
    for person, choice, mode in cast:
        try:
            book.cast(person, choice, mode, MEMBERS)
        except BallotRefused:
            continue
        accepted.append((person, choice))
    result = book.close(at(1))
    counts = Counter(choice for _, choice in accepted)
    assert result.tally == Tally(counts[Choice.YES], counts[Choice.NO], counts[Choice.ABSTAIN])
    assert result.tally == tally_of(c for _, c in accepted)
    voters = [p for p, _ in accepted]
    assert len(voters) == len(set(voters)) and set(voters) <= MEMBERS
    assert vote.participants == set(voters)
    assert result.carried == (counts[Choice.YES] > counts[Choice.NO])
    assert result.record == (tuple(sorted(accepted)) if kind is VoteKind.NAMED else ())


@given(st.permutations([Choice.YES] * 5 + [Choice.NO] * 3 + [Choice.ABSTAIN] * 2))
def test_a_secret_vote_ends_the_same_whatever_the_order_of_the_ballots(order: list[Choice]) -> None:
    book = voting()
    vote = book.open("v", VoteKind.SECRET, "Geheim", at(0))
    for n, choice in enumerate(order):
        book.cast(f"m{n}", choice, Mode.HALL, MEMBERS)
    # What the vote holds does not depend on who chose what, or in which order.
    assert (vote.tally, sorted(vote.participants), vote.named) == (Tally(5, 3, 2), sorted(MEMBERS), {})


# --- the agenda ---

def test_the_oparl_fixture_gives_the_agenda_in_order_without_deleted_items() -> None:
    source = json.loads(FIXTURE.read_text(encoding="utf-8"))
    items = agenda_from_oparl(source)
    assert [(i.number, i.public) for i in items] == [("Ö 1", True), ("Ö 2", True), ("Ö 3", True), ("N 1", False)]
    assert items[2].title == "Radverkehrskonzept 2027 – Beschluss über die Prioritätenliste"
    assert meeting_name(source) == "12. Sitzung des Ausschusses für Umwelt und Verkehr"
    assert [i.number for i in agenda_from_oparl({"data": source["agendaItem"]})] == ["Ö 1", "Ö 2", "Ö 3", "N 1"]


@pytest.mark.parametrize(("source", "words"), [
    ([], "kein JSON-Objekt"),
    ({"type": "https://schema.oparl.org/1.1/Person"}, "keine Sitzung"),
    ({"type": "https://schema.oparl.org/1.1/Meeting", "agendaItem": [{"number": "1"}]}, "Name fehlt"),
    ({"type": "https://schema.oparl.org/1.1/Meeting", "agendaItem": [{"name": "x", "public": "ja"}]}, "public"),
    ({"type": "https://schema.oparl.org/1.1/Meeting", "agendaItem": [{"name": "x"}] * 201}, "höchstens 200"),
])
def test_bad_oparl_sources_are_refused_with_a_german_reason(source: object, words: str) -> None:
    with pytest.raises(OParlError, match=words):
        agenda_from_oparl(source)


def test_a_typed_agenda_numbers_the_lines_and_marks_non_public_items() -> None:
    items = typed_agenda(["Eröffnung", "", "Haushalt 2027", "N: Personalangelegenheit"])
    assert [(i.number, i.title, i.public) for i in items] == [
        ("1", "Eröffnung", True), ("2", "Haushalt 2027", True), ("3", "Personalangelegenheit", False)]
