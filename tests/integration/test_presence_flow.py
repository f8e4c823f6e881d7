"""Two real clients against a real backend: presence changes reach the right people, and only them."""

from __future__ import annotations

import asyncio

from dvz_desktop.protocol import Status
from dvz_desktop.services.session import SessionError

from ..conftest import PASSWORDS
from .helpers import PresenceLog, login

#: These features cross cluster nodes: the backend fixture runs them on two nodes too (conftest.py).
CLUSTER_READY = True


async def test_colleague_sees_walk_to_kitchen_and_status_other_org_sees_nothing(backend) -> None:
    bernd = await login(backend.url, "bernd", PASSWORDS["bernd"])
    clara = await login(backend.url, "clara", PASSWORDS["clara"])  # partner municipality
    dora = await login(backend.url, "dora", PASSWORDS["dora"])  # unrelated ministry
    logs = {name: PresenceLog(s) for name, s in (("bernd", bernd), ("clara", clara), ("dora", dora))}

    anna = await login(backend.url, "anna", PASSWORDS["anna"])
    await logs["bernd"].wait_for(lambda p: p.person_id == "anna" and p.status is Status.AVAILABLE)

    await anna.move("kh-kueche")
    await logs["bernd"].wait_for(lambda p: p.person_id == "anna" and p.room_id == "kh-kueche")

    await anna.set_status(Status.BUSY, "Bis 11 Uhr im Termin")
    seen = await logs["bernd"].wait_for(lambda p: p.person_id == "anna" and p.status is Status.BUSY)
    assert seen.note == "Bis 11 Uhr im Termin"
    assert seen.room_id == "kh-kueche"
    assert seen.first_seen_today is not None

    # The partner municipality sees Anna's status, but not which of the Landkreis' rooms she is in.
    partner_view = await logs["clara"].wait_for(lambda p: p.person_id == "anna" and p.status is Status.BUSY)
    assert all(u.room_id is None for u in logs["clara"].about("anna"))
    assert partner_view.note == "Bis 11 Uhr im Termin"

    # When Anna walks into the shared project room, the partner sees her there.
    await anna.move("kh-ikz")
    await logs["clara"].wait_for(lambda p: p.person_id == "anna" and p.room_id == "kh-ikz")

    # Give any stray fan-out a moment to arrive, then check the ministry received nothing about Anna.
    await asyncio.sleep(0.2)
    assert logs["dora"].about("anna") == []

    for session in (anna, bernd, clara, dora):
        await session.stop()


async def test_going_offline_is_seen_and_welcome_snapshot_hides_other_orgs(backend) -> None:
    anna = await login(backend.url, "anna", PASSWORDS["anna"])
    bernd_log_holder = await login(backend.url, "bernd", PASSWORDS["bernd"])
    log = PresenceLog(bernd_log_holder)
    dora = await login(backend.url, "dora", PASSWORDS["dora"])

    await anna.stop()
    gone = await log.wait_for(lambda p: p.person_id == "anna" and p.status is Status.OFFLINE)
    assert gone.room_id is None

    # Dora's office contains only her ministry: no Landkreis people, rooms or presence.
    assert dora.welcome is not None
    assert {p.id for p in dora.welcome.office.people} == {"dora"}
    assert [o.id for o in dora.welcome.office.organisations] == ["min"]
    assert {p.person_id for p in dora.welcome.presence} == {"dora"}
    # Bernd's office holds his Landkreis and, from the partner, only the shared project room.
    bernd_office = bernd_log_holder.welcome.office
    partner = next(o for o in bernd_office.organisations if o.id == "gem")
    assert partner.buildings == ()  # the project room belongs to the Landkreis' own building
    assert "clara" in {p.id for p in bernd_office.people}
    for session in (bernd_log_holder, dora):
        await session.stop()


async def test_moving_into_a_room_of_another_organisation_is_refused(backend) -> None:
    dora = await login(backend.url, "dora", PASSWORDS["dora"])
    try:
        await dora.move("kh-kueche")
    except SessionError as exc:
        assert exc.code == "forbidden"
        assert "Berechtigung" in exc.message
    else:
        raise AssertionError("a ministry user must not enter the Landkreis kitchen")
    try:
        await dora.move("no-such-room")
    except SessionError as exc:
        assert exc.code == "unknown_room"
    else:
        raise AssertionError("unknown rooms must be refused")
    await dora.stop()
