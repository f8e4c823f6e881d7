"""Invitations, quick questions, deputies, coffee, visibility and authorisation through the real backend."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from dvz_desktop.core.clock import ManualClock
from dvz_desktop.protocol import (
    AbsenceCategory,
    DoorState,
    InboxKind,
    InviteState,
    KnockAnswer,
    KnockState,
    Status,
)
from dvz_desktop.services.session import SessionError
from server_stub.app import Backend, BackendConfig
from server_stub.directory.orgfile import OrgFile

from ..conftest import PASSWORDS
from .helpers import Person, people, spread

CLUSTER_READY = True


@pytest.fixture
async def office(backend):
    crowd = await spread(backend, PASSWORDS, "anna", "bernd", "erik", "clara", "dora")
    # On a cluster the five are on two nodes: everyone Anna asks is online for her node first.
    for name in ("bernd", "erik", "clara"):
        await crowd["anna"].presence.wait_for(
            lambda p, name=name: p.person_id == name and p.status is not Status.OFFLINE)
    yield crowd
    for person in crowd.values():
        await person.session.stop()


def is_type(name: str):
    return lambda m: getattr(m, "type", "") == name


async def test_invitation_accepted_moves_the_guest(office: dict[str, Person]) -> None:
    anna, bernd = office["anna"], office["bernd"]
    invite_id = await anna.office.invite("bernd")
    pending = await bernd.wait_for(is_type("invite_update"))
    assert (pending.invitation.host_id, pending.invitation.room_id) == ("anna", "kh-101")
    assert list(bernd.office.invitations) == [invite_id]
    await bernd.office.answer_invite(invite_id, accept=True)
    await anna.presence.wait_for(lambda p: p.person_id == "bernd" and p.room_id == "kh-101")
    done = await anna.wait_for(lambda m: is_type("invite_update")(m) and m.invitation.state is InviteState.ACCEPTED)
    assert done.invitation.guest_id == "bernd"


async def test_invitation_declined_and_refused_cases(office: dict[str, Person]) -> None:
    anna, bernd, clara, dora = office["anna"], office["bernd"], office["clara"], office["dora"]
    invite_id = await anna.office.invite("bernd")
    await bernd.wait_for(lambda m: is_type("invite_update")(m) and m.invitation.invite_id == invite_id)
    await bernd.office.answer_invite(invite_id, accept=False)
    declined = await anna.wait_for(lambda m: is_type("invite_update")(m) and m.invitation.state is InviteState.DECLINED)
    assert declined.invitation.invite_id == invite_id
    with pytest.raises(SessionError) as err:
        await anna.office.invite("anna")
    assert err.value.code == "cannot_invite_self" and "selbst" in err.value.message
    await dora.session.stop()
    with pytest.raises(SessionError) as err:  # dora is in another organisation: unknown to Anna
        await anna.office.invite("dora")
    assert err.value.code == "unknown_person"
    await clara.session.stop()
    await anna.presence.wait_for(lambda p: p.person_id == "clara" and p.status is Status.OFFLINE)
    with pytest.raises(SessionError) as err:  # a partner colleague who is offline
        await anna.office.invite("clara")
    assert err.value.code == "person_offline" and "nicht angemeldet" in err.value.message
    with pytest.raises(SessionError) as err:  # nobody else can answer Bernd's invitation
        second = await anna.office.invite("bernd")
        await office["erik"].office.answer_invite(second, accept=True)
    assert err.value.code == "unknown_knock"


async def test_quick_question_answer_comes_back_inline(office: dict[str, Person]) -> None:
    anna, bernd = office["anna"], office["bernd"]
    question_id = await anna.office.ask("bernd", "Hast du das Aktenzeichen vom Bauantrag Müller?")
    asked = await bernd.wait_for(is_type("question_update"))
    assert asked.question.text == "Hast du das Aktenzeichen vom Bauantrag Müller?"
    await bernd.office.answer_question(question_id, "63-2026-0815")
    answered = await anna.wait_for(lambda m: is_type("question_update")(m) and m.question.answer is not None)
    assert answered.question.answer == "63-2026-0815"
    # Both keep it: it is in the next welcome of both sides.
    for person in (anna, bernd):
        assert person.office.questions[question_id].answer == "63-2026-0815"
    with pytest.raises(SessionError):  # the asker cannot answer their own question, nor answer twice
        await anna.office.answer_question(question_id, "selbst")


async def test_deputy_receives_knocks_questions_and_invitations_and_absent_person_gets_handover(
    backend, office: dict[str, Person]
) -> None:
    anna, bernd, erik = office["anna"], office["bernd"], office["erik"]
    today = date.today()
    await bernd.office.set_door("kh-102", DoorState.CLOSED)
    await bernd.office.set_absence(today, today + timedelta(days=4), AbsenceCategory.VACATION, "erik")
    # Colleagues see until when and who deputises, not why; the deputy sees the category.
    seen_by_anna = await anna.wait_for(lambda m: is_type("absence")(m) and m.absences)
    assert seen_by_anna.absences[0].deputy_id == "erik" and seen_by_anna.absences[0].category is None
    seen_by_erik = await erik.wait_for(lambda m: is_type("absence")(m) and m.absences)
    assert seen_by_erik.absences[0].category is AbsenceCategory.VACATION
    door = await anna.wait_for(lambda m: is_type("door")(m) and m.doors[0].deputy_id == "erik")
    assert door.doors[0].absent_until == today + timedelta(days=4)
    await bernd.session.stop()  # Bernd goes on holiday
    await anna.presence.wait_for(lambda p: p.person_id == "bernd" and p.status is Status.OFFLINE)

    knock_id = await anna.office.go_to("kh-102")
    offered = await erik.knock_state(knock_id, KnockState.RINGING)
    assert offered.on_behalf_of == "bernd"
    await erik.office.answer_knock(knock_id, KnockAnswer.NOT_NOW, text="Ich vertrete, komme zu Ihnen")
    await anna.knock_state(knock_id, KnockState.NOT_NOW)

    question_id = await anna.office.ask("bernd", "Wer unterschreibt den Bescheid?")
    routed = await erik.wait_for(is_type("question_update"))
    assert routed.question.on_behalf_of == "bernd" and routed.question.to_id == "erik"
    await erik.office.answer_question(question_id, "Ich, als Vertretung.")

    invite_id = await anna.office.invite("bernd")
    invited = await erik.wait_for(is_type("invite_update"))
    assert invited.invitation.on_behalf_of == "bernd"
    await erik.office.answer_invite(invite_id, accept=False)

    back = (await people(backend.url, PASSWORDS, "bernd"))["bernd"]
    handover = [i for i in back.office.inbox.values() if i.kind is InboxKind.HANDOVER]
    assert len(handover) == 3 and {i.handled_by for i in handover} == {"erik"}
    # Each as facts (the client words them): what it was, how it ended, what was asked and answered.
    facts = {(i.subject, i.outcome, i.text, i.answer) for i in handover}
    assert facts == {("anklopfen", "jetzt_nicht", "", ""), ("einladung", "abgelehnt", "", ""),
                     ("frage", "", "Wer unterschreibt den Bescheid?", "Ich, als Vertretung.")}
    await back.office.clear_absence()
    cleared = await anna.wait_for(lambda m: is_type("absence")(m) and m.cleared == ("bernd",))
    assert cleared.absences == ()
    await back.session.stop()


async def test_absence_rules(office: dict[str, Person]) -> None:
    bernd = office["bernd"]
    today = date.today()
    with pytest.raises(SessionError) as err:
        await bernd.office.set_absence(today - timedelta(days=9), today - timedelta(days=2),
                                       AbsenceCategory.OTHER, None)
    assert err.value.code == "invalid_period"
    with pytest.raises(SessionError) as err:  # a deputy from another organisation is not possible
        await bernd.office.set_absence(today, today, AbsenceCategory.OTHER, "clara")
    assert err.value.code == "forbidden"


async def test_coffee_flag_from_entering_the_kitchen(office: dict[str, Person]) -> None:
    anna, bernd = office["anna"], office["bernd"]
    await anna.session.move("kh-kueche")
    seen = await bernd.presence.wait_for(lambda p: p.person_id == "anna" and p.room_id == "kh-kueche")
    assert seen.coffee
    await anna.session.move("kh-101")
    await bernd.presence.wait_for(lambda p: p.person_id == "anna" and p.room_id == "kh-101" and not p.coffee)
    await bernd.office.set_coffee(True)
    await anna.presence.wait_for(lambda p: p.person_id == "bernd" and p.coffee)


async def test_authorisation(office: dict[str, Person]) -> None:
    anna, bernd, erik, clara = office["anna"], office["bernd"], office["erik"], office["clara"]
    with pytest.raises(SessionError) as err:
        await anna.office.set_door("kh-102", DoorState.LOCKED)  # Bernd's office
    assert err.value.code == "forbidden"
    with pytest.raises(SessionError) as err:
        await clara.office.set_door("kh-sitz", DoorState.CLOSED)  # a Landkreis meeting room
    assert err.value.code == "forbidden"
    await bernd.office.set_door("kh-102", DoorState.CLOSED)
    knock_id = await anna.office.go_to("kh-102")
    await bernd.knock_state(knock_id, KnockState.RINGING)
    for outsider in (erik, clara):  # not in the room: cannot let Anna in
        with pytest.raises(SessionError) as err:
            await outsider.office.answer_knock(knock_id, KnockAnswer.COME_IN)
        assert err.value.code in ("not_in_room", "unknown_knock")
    with pytest.raises(SessionError):  # guessing ids gets nowhere
        await erik.office.answer_knock("k" + "A" * 12, KnockAnswer.COME_IN)
    assert not any(is_type("knock_update")(m) for m in erik.received + clara.received)


async def test_presence_visibility_limited_to_the_unit(org_three: OrgFile, tmp_path: Path) -> None:
    org = org_three.model_copy(deep=True)
    org.organisations[0].presence_visibility = "unit"
    server = Backend(org, BackendConfig(data_dir=tmp_path / "data"))
    port = await server.start("127.0.0.1", 0)
    url = f"ws://127.0.0.1:{port}/ws"
    try:
        crowd = await people(url, PASSWORDS, "bernd", "erik", "anna")
        await crowd["anna"].session.set_status(Status.BUSY, "Haushalt")
        await crowd["bernd"].presence.wait_for(lambda p: p.person_id == "anna" and p.status is Status.BUSY)
        # Erik (another unit) sees neither Anna's arrival nor her status, and has none in his snapshot.
        assert crowd["erik"].presence.about("anna") == []
        assert {p.person_id for p in crowd["erik"].session.welcome.presence} == {"erik"}
        for person in crowd.values():
            await person.session.stop()
    finally:
        await server.stop()


async def test_appear_offline_hides_me_and_stops_rings(office: dict[str, Person]) -> None:
    anna, bernd = office["anna"], office["bernd"]
    await bernd.session.set_status(Status.AVAILABLE, "", appear_offline=True)
    hidden = await anna.presence.wait_for(lambda p: p.person_id == "bernd" and p.status is Status.OFFLINE)
    assert hidden.room_id is None and hidden.note == ""
    mine = await bernd.presence.wait_for(lambda p: p.person_id == "bernd" and p.appear_offline)
    assert mine.status is Status.AVAILABLE  # Bernd himself sees the truth
    with pytest.raises(SessionError) as err:
        await anna.office.ask("bernd", "Da?")
    assert err.value.code == "person_offline"


async def test_unanswered_knock_ends_after_sixty_seconds(org_three: OrgFile, tmp_path: Path) -> None:
    clock = ManualClock(datetime.now().astimezone())
    server = Backend(org_three, BackendConfig(data_dir=tmp_path / "data"), clock=clock)
    port = await server.start("127.0.0.1", 0)
    try:
        crowd = await people(f"ws://127.0.0.1:{port}/ws", PASSWORDS, "anna", "bernd")
        anna, bernd = crowd["anna"], crowd["bernd"]
        await bernd.office.set_door("kh-102", DoorState.CLOSED)
        knock_id = await anna.office.go_to("kh-102")
        await bernd.knock_state(knock_id, KnockState.RINGING)
        clock.advance(seconds=59)
        server.behaviour.tick()
        clock.advance(seconds=1)
        server.behaviour.tick()
        ended = await anna.knock_state(knock_id, KnockState.NO_ANSWER)
        assert ended.knock_id == knock_id
        await bernd.knock_state(knock_id, KnockState.NO_ANSWER)
        missed = await bernd.wait_for(is_type("inbox"))
        assert missed.items[0].kind is InboxKind.MISSED_KNOCK
        for person in crowd.values():
            await person.session.stop()
    finally:
        await server.stop()
