"""One council session: who may do what, quorum changes as members come and go, connection losses."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from dvz_desktop.core.council.agenda import AgendaItem
from dvz_desktop.core.council.attendance import Mode
from dvz_desktop.core.council.profiles import BAVARIA, MECKLENBURG_VORPOMMERN, VoteKind
from dvz_desktop.core.council.session import Body, CouncilRefused, CouncilSession
from dvz_desktop.core.council.speakers import HandKind
from dvz_desktop.core.council.votes import BallotRefused, Choice

T0 = datetime(2026, 12, 3, 17, 0, tzinfo=UTC)
MEMBERS = frozenset(f"m{n}" for n in range(10))


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def council(**body: object) -> CouncilSession:
    spec = Body("uva", "Umweltausschuss", MEMBERS, "chair", "protokoll", **body)  # type: ignore[arg-type]
    return CouncilSession("s1", "saal", "12. Sitzung", frozenset(), T0, body=spec)


def test_only_the_chair_moderates_and_only_present_people_raise_hands() -> None:
    session = council()
    with pytest.raises(CouncilRefused) as refused:
        session.raise_hand("m1", HandKind.SPEECH, at(0))
    assert refused.value.reason == CouncilRefused.NOT_PRESENT
    session.entered("m1", True, at(0))
    session.entered("m2", True, at(0))
    session.raise_hand("m1", HandKind.SPEECH, at(1))
    session.raise_hand("m2", HandKind.SPEECH, at(2))
    with pytest.raises(CouncilRefused) as refused:
        session.next_speaker("m1", at(3))
    assert refused.value.reason == CouncilRefused.NOT_CHAIR
    with pytest.raises(CouncilRefused):
        session.lower_hand("m1", "m2")  # not one's own hand
    session.lower_hand("chair", "m2")   # the chair may
    floor = session.next_speaker("chair", at(3))
    assert floor is not None and floor.person_id == "m1"
    assert [s.floor.person_id for s in session.speeches] == ["m1"]


def test_leaving_the_room_lowers_the_hand_and_a_new_item_clears_the_list() -> None:
    session = council()
    session.set_agenda("chair", [AgendaItem("1", "Eröffnung"), AgendaItem("2", "Haushalt")])
    for person in ("m1", "m2"):
        session.entered(person, True, at(0))
        session.raise_hand(person, HandKind.SPEECH, at(0))
    session.entered("m1", False, at(1))
    assert session.speakers.order() == ["m2"]
    session.go_to_item("chair", 1, at(2))
    assert session.speakers.order() == [] and session.current_item == 1
    with pytest.raises(CouncilRefused):
        session.go_to_item("chair", 5, at(2))


def test_quorum_changes_are_recorded_when_members_come_and_go() -> None:
    session = council()
    for n in range(6):
        session.entered(f"m{n}", True, at(n))
    session.entered("m5", False, at(20))
    assert [(c.quorate, c.present) for c in session.quorum_changes] == [(False, 1), (True, 6), (False, 5)]
    assert session.quorum_changes[1].at == at(5) and session.quorum_changes[2].at == at(20)


def test_the_chair_marks_the_hall_and_a_remote_member_is_refused_a_secret_vote_in_bavaria() -> None:
    session = council(profile=BAVARIA)
    session.mark_hall("chair", "m1", True, at(0))
    session.entered("m2", True, at(0))
    session.open_vote("chair", "v1", VoteKind.SECRET, "Geheim", at(1))
    assert session.may_vote("m1") is None
    assert session.may_vote("m2") == BallotRefused.REMOTE_EXCLUDED
    with pytest.raises(BallotRefused):
        session.cast("m2", Choice.YES)
    session.cast("m1", Choice.YES)
    assert session.may_vote("m1") == BallotRefused.ALREADY_VOTED
    with pytest.raises(CouncilRefused):
        session.mark_hall("m1", "m2", True, at(2))


def test_a_connection_lost_during_a_vote_is_recorded_and_mv_asks_the_chair_to_interrupt() -> None:
    session = council(profile=MECKLENBURG_VORPOMMERN)
    session.entered("m1", True, at(0))
    session.open_vote("chair", "v1", VoteKind.OPEN, "Antrag", at(1))
    assert not session.connection_warning()
    session.connection_lost("m1", at(2))
    assert session.connection_warning()
    assert [(c.person_id, c.vote_id) for c in session.attendance.losses] == [("m1", "v1")]
    assert session.attendance.mode_of("m1") is None


def test_a_meeting_without_a_body_has_a_moderator_but_no_votes() -> None:
    meeting = CouncilSession("s2", "besprechung", "Dienstbesprechung", frozenset({"anna"}), T0)
    meeting.entered("bernd", True, at(0))
    meeting.raise_hand("bernd", HandKind.REPLY, at(0))
    meeting.set_speaker_limit("anna", 120)
    floor = meeting.next_speaker("anna", at(1))
    assert floor is not None and floor.limit == timedelta(minutes=2)
    with pytest.raises(CouncilRefused) as refused:
        meeting.open_vote("anna", "v", VoteKind.OPEN, "?", at(2))
    assert refused.value.reason == CouncilRefused.NO_BODY
    with pytest.raises(CouncilRefused):
        meeting.set_speaker_limit("anna", 0)


def test_minutes_notes_only_by_the_minute_taker_or_the_chair_and_nothing_after_the_end() -> None:
    session = council()
    session.set_agenda("chair", [AgendaItem("1", "Eröffnung")])
    session.write_notes("protokoll", 0, "Die Vorsitzende eröffnet die Sitzung.")
    with pytest.raises(CouncilRefused) as refused:
        session.write_notes("m1", 0, "…")
    assert refused.value.reason == CouncilRefused.NOT_MINUTE_TAKER
    session.entered("m1", True, at(0))
    session.open_vote("chair", "v", VoteKind.OPEN, "?", at(1))
    session.end("chair", at(90))
    assert session.votes.active is None and session.attendance.stays[0].left == at(90)
    assert session.attendance.mode_of("m1") is None
    with pytest.raises(CouncilRefused) as refused:
        session.raise_hand("m1", HandKind.SPEECH, at(91))
    assert refused.value.reason == CouncilRefused.ENDED
    assert Mode.HALL.value == "hall"
