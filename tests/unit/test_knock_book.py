"""The knock state machine: answers, timeouts, two knockers, people leaving, nicht stören, limits."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from dvz_desktop.core.knocks import KNOCKS_PER_DOOR, KnockBook, KnockRefused
from dvz_desktop.protocol import ErrorCode, KnockAnswer, KnockState

T0 = datetime(2026, 11, 24, 9, 0)


def ring(book: KnockBook, knock_id: str = "k1", knocker: str = "clara", inside: tuple[str, ...] = ("anna", "bernd"),
         dnd: tuple[str, ...] = (), at: datetime = T0) -> KnockState:
    effects = book.start(knock_id, knocker, "r1", inside, dnd, at)
    return effects.changed[-1].state


def test_herein_lets_the_knocker_in_and_ends_the_knock() -> None:
    book = KnockBook()
    assert ring(book) is KnockState.RINGING
    assert book.recipients("k1") == {"anna", "bernd"}
    effects = book.answer("k1", "bernd", KnockAnswer.COME_IN, T0)
    assert effects.changed[0].state is KnockState.COME_IN
    assert effects.changed[0].answered_by == "bernd"
    assert book.get("k1") is None
    with pytest.raises(KnockRefused) as err:  # the other occupant answers too late
        book.answer("k1", "anna", KnockAnswer.NOT_NOW, T0)
    assert err.value.code is ErrorCode.UNKNOWN_KNOCK


def test_jetzt_nicht_carries_the_line_of_text() -> None:
    book = KnockBook()
    ring(book)
    knock = book.answer("k1", "anna", KnockAnswer.NOT_NOW, T0, text="Bin im Telefonat").changed[0]
    assert (knock.state, knock.text) == (KnockState.NOT_NOW, "Bin im Telefonat")


def test_only_people_inside_may_answer() -> None:
    book = KnockBook()
    ring(book)
    with pytest.raises(KnockRefused) as err:
        book.answer("k1", "dora", KnockAnswer.COME_IN, T0)
    assert err.value.code is ErrorCode.NOT_IN_ROOM
    with pytest.raises(KnockRefused):
        book.answer("k1", "clara", KnockAnswer.COME_IN, T0)  # the knocker cannot let themself in


def test_no_answer_after_sixty_seconds_is_a_missed_knock_for_those_inside() -> None:
    book = KnockBook()
    ring(book)
    assert book.expire(T0 + timedelta(seconds=59)).changed == []
    effects = book.expire(T0 + timedelta(seconds=60))
    assert effects.changed[0].state is KnockState.NO_ANSWER
    assert sorted(m.person_id for m in effects.missed) == ["anna", "bernd"]
    assert book.open_knocks() == []


def test_gleich_keeps_the_knock_open_for_the_promised_minutes() -> None:
    book = KnockBook()
    ring(book)
    waiting = book.answer("k1", "anna", KnockAnswer.WAIT, T0, minutes=5).changed[0]
    assert (waiting.state, waiting.minutes) == (KnockState.WAIT, 5)
    assert book.expire(T0 + timedelta(minutes=5)).changed == []
    answered = book.answer("k1", "anna", KnockAnswer.COME_IN, T0 + timedelta(minutes=5))
    assert answered.changed[0].state is KnockState.COME_IN


def test_gleich_that_is_never_followed_up_ends_without_counting_as_missed() -> None:
    book = KnockBook()
    ring(book)
    book.answer("k1", "anna", KnockAnswer.WAIT, T0, minutes=2)
    effects = book.expire(T0 + timedelta(minutes=3, seconds=1))
    assert effects.changed[0].state is KnockState.NO_ANSWER
    assert effects.missed == []


def test_two_knockers_at_once_are_answered_separately() -> None:
    book = KnockBook()
    ring(book, "k1", knocker="clara")
    ring(book, "k2", knocker="dora")
    book.answer("k1", "anna", KnockAnswer.COME_IN, T0)
    assert book.get("k2") is not None and book.get("k2").state is KnockState.RINGING
    assert book.answer("k2", "anna", KnockAnswer.NOT_NOW, T0).changed[0].knocker_id == "dora"


def test_occupants_leaving_during_a_knock_end_it_as_nobody_there() -> None:
    book = KnockBook()
    ring(book)
    assert book.room_changed("r1", inside={"bernd"}, do_not_disturb=()).changed == []
    assert book.recipients("k1") == {"bernd"}
    effects = book.room_changed("r1", inside=(), do_not_disturb=())
    assert effects.changed[0].state is KnockState.NOBODY


def test_someone_entering_during_a_knock_can_answer_it() -> None:
    book = KnockBook()
    ring(book, inside=("anna",))
    book.room_changed("r1", inside={"anna", "erik"}, do_not_disturb=())
    assert book.answer("k1", "erik", KnockAnswer.COME_IN, T0).changed[0].answered_by == "erik"


def test_the_knocker_disconnecting_cancels_the_knock() -> None:
    book = KnockBook()
    ring(book)
    effects = book.knocker_gone("clara")
    assert effects.changed[0].state is KnockState.CANCELLED
    assert effects.missed == []  # nobody missed anything: the knocker gave up
    assert book.open_for("anna") == []


def test_nicht_stoeren_holds_the_knock_and_shows_it_later() -> None:
    book = KnockBook()
    effects = book.start("k1", "clara", "r1", inside=("anna",), do_not_disturb=("anna",), now=T0)
    assert effects.changed[0].state is KnockState.HELD
    assert [m.person_id for m in effects.missed] == ["anna"]


def test_mixed_room_rings_for_the_available_and_holds_for_the_rest() -> None:
    book = KnockBook()
    assert ring(book, dnd=("anna",)) is KnockState.RINGING
    assert book.recipients("k1") == {"bernd"}
    effects = book.expire(T0 + timedelta(seconds=61))
    assert sorted(m.person_id for m in effects.missed) == ["anna", "bernd"]


def test_an_empty_room_answers_nobody_there() -> None:
    book = KnockBook()
    assert ring(book, inside=()) is KnockState.NOBODY
    assert book.open_knocks() == []


def test_knocking_again_and_again_is_limited_per_door() -> None:
    book = KnockBook()
    with pytest.raises(KnockRefused):  # while the first knock rings, a second one is refused
        ring(book, "k1"), ring(book, "k2")
    book.knocker_gone("clara")
    for n in range(2, KNOCKS_PER_DOOR + 1):
        ring(book, f"k{n}", at=T0 + timedelta(seconds=n))
        book.knocker_gone("clara")
    with pytest.raises(KnockRefused) as err:
        ring(book, "k9", at=T0 + timedelta(minutes=1))
    assert err.value.code is ErrorCode.KNOCK_LIMITED
    # Other doors are unaffected, and after the window the door can be knocked on again.
    started = book.start("kx", "clara", "r2", ("erik",), (), T0 + timedelta(minutes=1))
    assert started.changed[0].state is KnockState.RINGING
    assert ring(book, "k10", at=T0 + timedelta(minutes=11)) is KnockState.RINGING


def test_deputy_knock_survives_room_changes_and_ends_when_the_deputy_goes_offline() -> None:
    book = KnockBook()
    book.start("k1", "clara", "r1", inside=("bernd",), do_not_disturb=(), now=T0, on_behalf_of="anna")
    assert book.room_changed("r1", inside=(), do_not_disturb=()).changed == []
    assert book.get("k1").on_behalf_of == "anna"
    effects = book.recipient_gone("bernd")
    assert effects.changed[0].state is KnockState.NOBODY
