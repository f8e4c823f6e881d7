"""The virtual moderator's speaker list and timers, as sentences."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, strategies as st

from dvz_desktop.core.council.speakers import HandKind, SpeakerList, SpeakerListError
from dvz_desktop.core.council.timers import TimerKind, start

T0 = datetime(2026, 12, 3, 17, 0, tzinfo=UTC)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def test_hands_are_taken_in_the_order_they_were_raised() -> None:
    speakers = SpeakerList()
    for n, person in enumerate(["anna", "bernd", "clara"]):
        speakers.raise_hand(person, HandKind.SPEECH, at(n))
    assert [speakers.next_speaker(at(10 + n)).person_id for n in range(3)] == ["anna", "bernd", "clara"]  # type: ignore[union-attr]
    assert speakers.next_speaker(at(20)) is None and speakers.floor is None


def test_a_direct_reply_goes_before_the_speeches_but_after_earlier_replies() -> None:
    speakers = SpeakerList()
    speakers.raise_hand("anna", HandKind.SPEECH, at(0))
    speakers.raise_hand("bernd", HandKind.SPEECH, at(1))
    speakers.raise_hand("clara", HandKind.REPLY, at(2))
    speakers.raise_hand("dora", HandKind.REPLY, at(3))
    assert speakers.order() == ["clara", "dora", "anna", "bernd"]


def test_raising_again_changes_nothing_and_switching_kind_moves_the_request() -> None:
    speakers = SpeakerList()
    speakers.raise_hand("anna", HandKind.SPEECH, at(0))
    speakers.raise_hand("bernd", HandKind.SPEECH, at(1))
    assert not speakers.raise_hand("bernd", HandKind.SPEECH, at(2))
    assert speakers.raise_hand("bernd", HandKind.REPLY, at(3))
    assert speakers.order() == ["bernd", "anna"]
    assert speakers.lower_hand("bernd") and not speakers.lower_hand("bernd")
    assert speakers.order() == ["anna"]


def test_the_chair_reorders_with_every_waiting_person_exactly_once() -> None:
    speakers = SpeakerList()
    for n, person in enumerate(["anna", "bernd", "clara"]):
        speakers.raise_hand(person, HandKind.SPEECH, at(n))
    speakers.reorder(["clara", "anna", "bernd"])
    assert speakers.order() == ["clara", "anna", "bernd"]
    for bad in (["clara", "anna"], ["clara", "anna", "anna"], ["clara", "anna", "bernd", "erik"]):
        with pytest.raises(SpeakerListError):
            speakers.reorder(bad)
    assert speakers.order() == ["clara", "anna", "bernd"]


def test_the_time_limit_runs_from_getting_the_floor_and_expires() -> None:
    speakers = SpeakerList(limit=timedelta(minutes=3))
    speakers.raise_hand("anna", HandKind.SPEECH, at(0))
    floor = speakers.next_speaker(at(60))
    assert floor is not None
    assert floor.remaining(at(60)) == timedelta(minutes=3)
    assert floor.remaining(at(200)) == timedelta(seconds=40) and not floor.expired(at(200))
    assert floor.expired(at(240)) and floor.remaining(at(300)) == timedelta(0)
    extended = speakers.extend(timedelta(minutes=1))
    assert extended is not None and not extended.expired(at(240)) and extended.expired(at(300))


def test_without_a_limit_nothing_expires() -> None:
    speakers = SpeakerList()
    speakers.raise_hand("anna", HandKind.SPEECH, at(0))
    floor = speakers.next_speaker(at(0))
    assert floor is not None and floor.remaining(at(9999)) is None and not floor.expired(at(9999))


def test_the_chair_gives_the_floor_directly_and_the_list_keeps_the_others() -> None:
    speakers = SpeakerList()
    speakers.raise_hand("anna", HandKind.SPEECH, at(0))
    speakers.raise_hand("bernd", HandKind.SPEECH, at(1))
    speakers.give_floor("bernd", at(2))
    assert speakers.floor is not None and speakers.floor.person_id == "bernd"
    assert speakers.order() == ["anna"]
    assert [f.person_id for f in speakers.spoken] == ["bernd"]


@given(st.lists(st.tuples(st.sampled_from(["a", "b", "c", "d", "e", "f"]),
                          st.sampled_from([HandKind.SPEECH, HandKind.REPLY, None])), max_size=60))
def test_every_person_waits_at_most_once_and_replies_always_come_first(
        steps: list[tuple[str, HandKind | None]]) -> None:
    speakers = SpeakerList()
    for n, (person, kind) in enumerate(steps):
        if kind is None:
            speakers.lower_hand(person)
        else:
            speakers.raise_hand(person, kind, at(n))
        order = speakers.order()
        assert len(order) == len(set(order))
        kinds = [r.kind for r in speakers.waiting]
        assert kinds == sorted(kinds, key=lambda k: k is HandKind.SPEECH)
        # within each kind, first come first served
        for kind_ in HandKind:
            times = [r.raised_at for r in speakers.waiting if r.kind is kind_]
            assert times == sorted(times)
    given_floor = []
    while (floor := speakers.next_speaker(at(1000))) is not None:
        given_floor.append(floor.person_id)
    assert len(given_floor) == len(set(given_floor))


def test_an_agenda_timer_counts_down_pauses_and_resumes() -> None:
    timer = start(TimerKind.ITEM, "TOP 3", 10, at(0))
    assert timer.remaining(at(120)) == timedelta(minutes=8)
    paused = timer.pause(at(120))
    assert paused.remaining(at(400)) == timedelta(minutes=8) and paused.ends_at() is None
    resumed = paused.resume(at(400))
    assert resumed.remaining(at(460)) == timedelta(minutes=7)
    assert resumed.ends_at() == at(400 + 480)
    assert not resumed.over(at(879)) and resumed.over(at(880))


def test_a_coffee_break_of_ten_minutes_is_over_after_ten_minutes() -> None:
    pause = start(TimerKind.BREAK, "Kaffeepause", 10, at(0))
    assert not pause.over(at(599)) and pause.over(at(600)) and pause.remaining(at(700)) == timedelta(0)
    with pytest.raises(ValueError):
        start(TimerKind.BREAK, "Kaffeepause", 0, at(0))
