"""Invitations (accept, decline, lapse, refused cases) and auto-away (replace, restore, respect choices)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from dvz_desktop.core.autoaway import AutoAway
from dvz_desktop.core.deputies import Recipient
from dvz_desktop.core.invitations import INVITE_TIME, InviteBook, InviteRefused
from dvz_desktop.protocol import ErrorCode, InviteState, Status

T0 = datetime(2026, 11, 24, 9, 0)


def test_accepting_and_declining() -> None:
    book = InviteBook()
    inv = book.invite("i1", "anna", "r1", Recipient("bernd"), True, T0)
    assert (inv.state, inv.room_id) == (InviteState.PENDING, "r1")
    assert book.open_for("bernd") == [inv]
    assert book.answer("i1", "bernd", accept=True).state is InviteState.ACCEPTED
    book.invite("i2", "anna", "r1", Recipient("bernd"), True, T0)
    with pytest.raises(InviteRefused):
        book.answer("i2", "clara", accept=True)  # only the guest answers
    assert book.answer("i2", "bernd", accept=False).state is InviteState.DECLINED


@pytest.mark.parametrize(
    ("recipient", "online", "room", "code"),
    [(Recipient("anna"), True, "r1", ErrorCode.CANNOT_INVITE_SELF),
     (Recipient("bernd"), False, "r1", ErrorCode.PERSON_OFFLINE),
     (Recipient("bernd"), True, None, ErrorCode.NOT_IN_ROOM)],
)
def test_refused_invitations(recipient: Recipient, online: bool, room: str | None, code: ErrorCode) -> None:
    with pytest.raises(InviteRefused) as err:
        InviteBook().invite("i1", "anna", room, recipient, online, T0)
    assert err.value.code is code


def test_invitation_lapses_and_is_withdrawn_when_the_host_leaves() -> None:
    book = InviteBook()
    book.invite("i1", "anna", "r1", Recipient("bernd"), True, T0)
    assert book.expire(T0 + INVITE_TIME - timedelta(seconds=1)) == []
    assert book.expire(T0 + INVITE_TIME)[0].state is InviteState.EXPIRED
    book.invite("i2", "anna", "r1", Recipient("bernd"), True, T0)
    assert book.host_left_room("anna", "r1") == []
    assert book.host_left_room("anna", "kueche")[0].state is InviteState.CANCELLED


def test_invitation_for_an_absent_colleague_goes_to_the_deputy() -> None:
    inv = InviteBook().invite("i1", "anna", "r1", Recipient("erik", on_behalf_of="bernd"), True, T0)
    assert (inv.guest_id, inv.on_behalf_of) == ("erik", "bernd")


def test_auto_away_replaces_and_restores() -> None:
    away = AutoAway(idle_minutes=10)
    assert away.decide(9 * 60, Status.BUSY) is None
    assert away.decide(10 * 60, Status.BUSY) is Status.AWAY
    assert away.decide(11 * 60, Status.AWAY) is None
    assert away.decide(0.5, Status.AWAY) is Status.BUSY


def test_auto_away_leaves_deliberate_statuses_alone() -> None:
    away = AutoAway(idle_minutes=10)
    assert away.decide(3600, Status.DO_NOT_DISTURB) is None
    assert away.decide(3600, Status.IN_MEETING) is None
    assert away.decide(3600, Status.AVAILABLE) is Status.AWAY
    # The person chose "in Besprechung" on another device meanwhile: nothing is restored.
    assert away.decide(0, Status.IN_MEETING) is None
    assert away.decide(0, Status.IN_MEETING) is None


def test_auto_away_can_be_switched_off() -> None:
    assert AutoAway(idle_minutes=0).decide(10**6, Status.AVAILABLE) is None


def test_an_appointment_sets_in_besprechung_and_gives_it_back() -> None:
    from datetime import datetime, timedelta

    from dvz_desktop.core.appointments import Appointment, busy_at
    from dvz_desktop.core.meeting_status import next_status
    from dvz_desktop.protocol import Status

    nine = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
    periods = [Appointment("u1", "Jour fixe", nine, nine + timedelta(hours=1)),
               Appointment("u2", "Klausurtag", nine.replace(hour=0), nine.replace(hour=0) + timedelta(days=1), True)]
    assert busy_at(nine + timedelta(minutes=5), periods)
    assert not busy_at(nine + timedelta(hours=1), periods)  # the end is free again; all-day does not count
    assert next_status(True, Status.AVAILABLE, False) is Status.IN_MEETING
    assert next_status(True, Status.DO_NOT_DISTURB, False) is None  # a status I chose stays
    assert next_status(False, Status.IN_MEETING, True) is Status.AVAILABLE
    assert next_status(False, Status.IN_MEETING, False) is None  # I set it myself: mine to change
