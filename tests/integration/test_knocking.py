"""Knocking through the real backend with real sessions: Herein, Jetzt nicht, nicht stören, locked doors,
office hours, leaving a message, and limits."""

from __future__ import annotations

import asyncio
from datetime import datetime, time

import pytest

from dvz_desktop.protocol import DoorState, InboxKind, KnockAnswer, KnockState, OfficeHours, Status, Weekday
from dvz_desktop.services.session import SessionError

from ..conftest import PASSWORDS
from .helpers import Person, people, spread

CLUSTER_READY = True


@pytest.fixture
async def office(backend):
    crowd = await spread(backend, PASSWORDS, "anna", "bernd", "erik", "clara")
    yield crowd
    for person in crowd.values():
        await person.session.stop()


async def close_door(owner: Person, room: str, state: DoorState = DoorState.CLOSED, note: str = "",
                     seen_by: tuple[Person, ...] = ()) -> None:
    """The owner closes the door, and waits until the owner and ``seen_by`` (who knock next, perhaps
    through another node of a cluster) see it so on their map."""
    await owner.office.set_door(room, state, note)
    for person in (owner, *seen_by):
        await person.wait_for(lambda m: getattr(m, "type", "") == "door" and m.doors[0].room_id == room
                              and m.doors[0].state is state)


async def test_knock_on_a_closed_door_and_be_asked_in(office: dict[str, Person]) -> None:
    anna, bernd = office["anna"], office["bernd"]
    await close_door(bernd, "kh-102", seen_by=(office["anna"], office["erik"]))
    # Everyone in the Landkreis sees the door closed on their map.
    await anna.wait_for(lambda m: getattr(m, "type", "") == "door" and m.doors[0].room_id == "kh-102")
    assert anna.office.door_of("kh-102").state is DoorState.CLOSED

    knock_id = await anna.office.go_to("kh-102")
    ringing = await bernd.knock_state(knock_id, KnockState.RINGING)
    assert (ringing.knocker_id, ringing.room_id) == ("anna", "kh-102")
    assert [k.knock_id for k in bernd.office.ringing_for_me()] == [knock_id]

    await bernd.office.answer_knock(knock_id, KnockAnswer.COME_IN)
    answered = await anna.knock_state(knock_id, KnockState.COME_IN)
    assert answered.answered_by == "bernd"
    await bernd.presence.wait_for(lambda p: p.person_id == "anna" and p.room_id == "kh-102")
    assert bernd.office.ringing_for_me() == []


async def test_jetzt_nicht_with_a_line_of_text_keeps_the_knocker_outside(office: dict[str, Person]) -> None:
    anna, bernd = office["anna"], office["bernd"]
    await close_door(bernd, "kh-102", seen_by=(office["anna"], office["erik"]))
    knock_id = await anna.office.go_to("kh-102")
    await bernd.knock_state(knock_id, KnockState.RINGING)
    await bernd.office.answer_knock(knock_id, KnockAnswer.NOT_NOW, text="Bin im Telefonat, komme gleich rüber")
    answer = await anna.knock_state(knock_id, KnockState.NOT_NOW)
    assert answer.text == "Bin im Telefonat, komme gleich rüber"
    assert anna.session.welcome is not None
    mine = [p for p in anna.presence.about("anna") if p.room_id == "kh-102"]
    assert mine == []  # she never entered
    # Walking in anyway is refused: the door is closed.
    with pytest.raises(SessionError) as err:
        await anna.session.move("kh-102")
    assert err.value.code == "door_closed"
    assert "klopfen" in err.value.message


async def test_gleich_then_herein(office: dict[str, Person]) -> None:
    anna, bernd = office["anna"], office["bernd"]
    await close_door(bernd, "kh-102", seen_by=(office["anna"], office["erik"]))
    knock_id = await anna.office.go_to("kh-102")
    await bernd.knock_state(knock_id, KnockState.RINGING)
    await bernd.office.answer_knock(knock_id, KnockAnswer.WAIT, minutes=3)
    waiting = await anna.knock_state(knock_id, KnockState.WAIT)
    assert waiting.minutes == 3
    await bernd.office.answer_knock(knock_id, KnockAnswer.COME_IN)
    await anna.knock_state(knock_id, KnockState.COME_IN)


async def test_nicht_stoeren_holds_the_knock_and_shows_it_later(backend, office: dict[str, Person]) -> None:
    anna, bernd = office["anna"], office["bernd"]
    await close_door(bernd, "kh-102", seen_by=(office["anna"], office["erik"]))
    await bernd.session.set_status(Status.DO_NOT_DISTURB, "Konzentriert")
    await anna.presence.wait_for(lambda p: p.person_id == "bernd" and p.status is Status.DO_NOT_DISTURB)
    knock_id = await anna.office.go_to("kh-102")
    await anna.knock_state(knock_id, KnockState.HELD)
    missed = await bernd.wait_for(lambda m: getattr(m, "type", "") == "inbox")
    assert missed.items[0].kind is InboxKind.MISSED_KNOCK and missed.items[0].from_id == "anna"
    assert not any(getattr(m, "type", "") == "knock_update" for m in bernd.received)  # no ring, no banner
    # After a restart of Bernd's client the missed knock is still there.
    await bernd.session.stop()
    again = await people(backend.url, PASSWORDS, "bernd")
    assert [i.kind for i in again["bernd"].office.inbox.values()] == [InboxKind.MISSED_KNOCK]
    await again["bernd"].office.dismiss(tuple(again["bernd"].office.inbox))
    await again["bernd"].session.stop()
    third = await people(backend.url, PASSWORDS, "bernd")
    assert third["bernd"].office.inbox == {}
    await third["bernd"].session.stop()


async def test_a_locked_door_answers_with_its_note(office: dict[str, Person]) -> None:
    anna, bernd = office["anna"], office["bernd"]
    await close_door(bernd, "kh-102", DoorState.LOCKED, "Prüfungsarbeit bis 12 Uhr", seen_by=(anna,))
    knock_id = await anna.office.go_to("kh-102")
    locked = await anna.knock_state(knock_id, KnockState.LOCKED)
    assert locked.text == "Prüfungsarbeit bis 12 Uhr"
    await asyncio.sleep(0.2)
    assert not any(getattr(m, "type", "") == "knock_update" for m in bernd.received)


async def test_outside_office_hours_a_knock_from_another_unit_becomes_a_message(office: dict[str, Person]) -> None:
    anna, bernd, erik = office["anna"], office["bernd"], office["erik"]
    tomorrow = Weekday((datetime.now().astimezone().weekday() + 1) % 7)
    await bernd.office.set_office_hours("kh-102", (OfficeHours(weekday=tomorrow, start=time(8), end=time(12)),))
    await close_door(bernd, "kh-102", seen_by=(office["anna"], office["erik"]))
    shown = bernd.office.door_of("kh-102")
    assert shown.office_hours[0].weekday is tomorrow

    knock_id = await erik.office.go_to("kh-102")  # FB 3, another unit
    await erik.knock_state(knock_id, KnockState.OUTSIDE_HOURS)
    await erik.office.leave_message(knock_id, "Bitte um Rückruf wegen der Sondernutzung")
    message = await bernd.wait_for(lambda m: getattr(m, "type", "") == "inbox")
    item = message.items[0]
    assert (item.kind, item.from_id, item.text) == (InboxKind.DOOR_MESSAGE, "erik",
                                                    "Bitte um Rückruf wegen der Sondernutzung")
    with pytest.raises(SessionError):  # one message per knock
        await erik.office.leave_message(knock_id, "Nochmal")

    own_unit = await anna.office.go_to("kh-102")  # same unit as Bernd: rings as usual
    await bernd.knock_state(own_unit, KnockState.RINGING)


async def test_nobody_answers_in_an_empty_room_and_a_message_can_be_left(office: dict[str, Person]) -> None:
    anna, bernd = office["anna"], office["bernd"]
    await close_door(bernd, "kh-102", seen_by=(office["anna"], office["erik"]))
    await bernd.session.move("kh-kueche")
    await anna.presence.wait_for(lambda p: p.person_id == "bernd" and p.room_id == "kh-kueche")
    knock_id = await anna.office.go_to("kh-102")
    await anna.knock_state(knock_id, KnockState.NOBODY)
    await anna.office.leave_message(knock_id, "War da – Anna")
    note = await bernd.wait_for(lambda m: getattr(m, "type", "") == "inbox")
    assert note.items[0].text == "War da – Anna"


async def test_the_knocker_going_away_ends_the_banner(office: dict[str, Person]) -> None:
    anna, bernd = office["anna"], office["bernd"]
    await close_door(bernd, "kh-102", seen_by=(office["anna"], office["erik"]))
    knock_id = await anna.office.go_to("kh-102")
    await bernd.knock_state(knock_id, KnockState.RINGING)
    await anna.session.stop()
    await bernd.knock_state(knock_id, KnockState.CANCELLED)
    assert bernd.office.ringing_for_me() == []


async def test_knock_flood_is_limited_with_a_clear_message_and_others_are_undisturbed(
        office: dict[str, Person]) -> None:
    anna, bernd, erik = office["anna"], office["bernd"], office["erik"]
    await close_door(bernd, "kh-102", seen_by=(office["anna"], office["erik"]))
    refused = None
    for _ in range(6):
        try:
            knock_id = await anna.office.go_to("kh-102")
            await anna.office.cancel_knock(knock_id)
        except SessionError as exc:
            refused = exc
            break
    assert refused is not None and refused.code == "knock_limited"
    assert "mehrmals angeklopft" in refused.message
    other = await erik.office.go_to("kh-102")  # Erik's knocks are not affected by Anna's
    await bernd.knock_state(other, KnockState.RINGING)


async def test_bad_knocks_get_clear_errors(office: dict[str, Person]) -> None:
    anna, clara = office["anna"], office["clara"]
    with pytest.raises(SessionError) as err:
        await anna.office.go_to("gibt-es-nicht")
    assert err.value.code == "unknown_room"
    with pytest.raises(SessionError) as err:  # the partner municipality may not enter the Landkreis' offices
        await clara.office.go_to("kh-101")
    assert err.value.code == "forbidden"
    await clara.office.go_to("kh-ikz")  # but the shared project room is open to her
    await anna.presence.wait_for(lambda p: p.person_id == "clara" and p.room_id == "kh-ikz")


async def test_two_people_answering_at_once_one_answer_counts(office: dict[str, Person]) -> None:
    """Bernd and Erik are both in the office (on a cluster: on different nodes) and answer the same knock
    at the same moment: exactly one answer counts, the other is told the knock is over."""
    anna, bernd, erik = office["anna"], office["bernd"], office["erik"]
    await erik.session.move("kh-102")
    await anna.presence.wait_for(lambda p: p.person_id == "erik" and p.room_id == "kh-102")
    await close_door(bernd, "kh-102", seen_by=(anna, erik))
    knock_id = await anna.office.go_to("kh-102")
    for person in (bernd, erik):
        await person.knock_state(knock_id, KnockState.RINGING)
    answers = await asyncio.gather(bernd.office.answer_knock(knock_id, KnockAnswer.COME_IN),
                                   erik.office.answer_knock(knock_id, KnockAnswer.NOT_NOW, text="Später"),
                                   return_exceptions=True)
    refused = [a for a in answers if isinstance(a, SessionError)]
    assert len(refused) == 1 and refused[0].code == "unknown_knock", answers
    final = KnockState.COME_IN if answers[0] is None else KnockState.NOT_NOW
    for person in (anna, bernd, erik):
        await person.knock_state(knock_id, final)
    await asyncio.sleep(0.3)  # room for a second answer to arrive, if one had been let through
    ends = [m.knock.state for m in anna.received
            if getattr(m, "type", "") == "knock_update" and m.knock.knock_id == knock_id
            and m.knock.state is not KnockState.RINGING]
    assert ends == [final]
