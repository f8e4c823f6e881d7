"""When the media server fails, and when there is none: a real Janus killed mid-meeting and started again,
with the real backend and aiortc clients. Four people fall back to talking peer to peer and return to
the media server when it is back; six wait for it and carry on; without a media server the fifth person
is told why and the room stays at four."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from dvz_desktop.protocol import ErrorCode, error_texts
from dvz_desktop.services.calls import CallClient
from dvz_desktop.services.session import SessionError
from server_stub.app import Backend, BackendConfig
from server_stub.directory.orgfile import OrgFile
from tests.services.janus import janus  # noqa: F401  (the fixture)

from .helpers import login
from .meeting_helpers import (  # noqa: F401  (fixtures)
    LARGE_ROOM,
    PASSWORD,
    ROOM,
    Meeting,
    Member,
    everyone_hears_everyone,
    meeting,
    meeting_org,
    veth_only,
    wait_for,
)


def state(people: list[Member]) -> set[tuple[str, bool, int]]:
    calls = [p.calls.call for p in people]
    return {(c.mode, c.sfu_lost, c.sfu_epoch) for c in calls if c is not None}


async def all_hear_again(people: list[Member], timeout: float = 40.0) -> None:
    since = {p.name: p.counts() for p in people}
    await wait_for(lambda: all(a.hears_again(b, since[a.name]) for a in people for b in people if a is not b),
                   timeout=timeout, what="everyone hearing everyone anew")


async def test_four_in_a_large_room_fall_back_to_peer_to_peer_and_return_when_janus_is_back(meeting: Meeting) -> None:  # noqa: F811
    people = [await meeting.person(f"t{i:02d}", room=LARGE_ROOM) for i in range(1, 5)]
    for person in people:
        await person.join(LARGE_ROOM)
    await wait_for(lambda: state(people) == {("sfu", False, 1)}, what="a large room on the media server at once")
    await everyone_hears_everyone(people)

    meeting.janus.kill()
    await wait_for(lambda: state(people) == {("mesh", True, 1)}, what="the fall back to peer to peer")
    await all_hear_again(people)
    assert len(people[0].calls.peers) == 3 and people[0].calls.sfu is None

    meeting.janus.start()
    await wait_for(lambda: state(people) == {("sfu", False, 2)}, timeout=30, what="back on the media server")
    await all_hear_again(people)
    await wait_for(lambda: all(p.calls.peers == {} for p in people), what="the peer connections closed")


async def test_six_wait_for_janus_and_carry_on_when_it_is_back(meeting: Meeting) -> None:  # noqa: F811
    people = [await meeting.person(f"t{i:02d}") for i in range(1, 7)]
    for person in people:
        await person.join()
    await wait_for(lambda: state(people) == {("sfu", False, 1)}, what="six on the media server")
    await everyone_hears_everyone(people)

    meeting.janus.kill()
    await wait_for(lambda: state(people) == {("sfu", True, 1)}, what="the meeting waiting for the media server")
    # Each client lets go of the media server as the state arrives (on its own schedule under load).
    await wait_for(lambda: all(p.calls.sfu is None and p.calls.peers == {} for p in people),
                   what="every client without media connections")
    # Meanwhile nobody else gets in: the mesh cannot carry seven.
    seventh = await meeting.person("t07")
    with pytest.raises(SessionError) as refused:
        await seventh.calls.join_room(ROOM)
    assert refused.value.code == "media_server_unavailable"
    assert refused.value.message == error_texts(ErrorCode.MEDIA_SERVER_UNAVAILABLE)[0]

    meeting.janus.start()
    await wait_for(lambda: state(people) == {("sfu", False, 2)}, timeout=30,
                   what="the meeting on the media server again")
    await all_hear_again(people)


async def test_without_a_media_server_the_fifth_is_told_why_and_the_room_stays_at_four(
        org_three: OrgFile, tmp_path: Path) -> None:
    backend = Backend(meeting_org(org_three), BackendConfig(data_dir=tmp_path / "data"))
    port = await backend.start("127.0.0.1", 0)
    url = f"ws://127.0.0.1:{port}/ws"
    sessions = []
    try:
        for i in range(1, 6):
            session = await login(url, f"t{i:02d}", PASSWORD)
            await session.move(ROOM)
            sessions.append(session)
        for session in sessions[:4]:
            await CallClient(session).join_room(ROOM)
        with pytest.raises(SessionError) as refused:
            await CallClient(sessions[4]).join_room(ROOM)
        assert refused.value.code == "call_full"
        assert refused.value.message.startswith("Das Gespräch in diesem Raum ist voll")
        assert "Konferenzserver" in refused.value.message
        call = backend.calls.call_in_room(ROOM)
        assert call is not None and len(call.members) == 4 and call.mode.value == "mesh"
    finally:
        for session in sessions:
            await session.stop()
        await backend.stop()


async def test_everyone_can_leave_while_the_media_server_is_gone(meeting: Meeting) -> None:  # noqa: F811
    """Leaving tears down every connection, also one whose answer was still being applied: its late
    track's reader must end with it (the leave waited for ever). Everyone leaves at once: the meeting
    falls back to peer to peer while they go, and who has left must not be connected anew (a member
    kept a peer connection to another after leaving)."""
    people = [await meeting.person(f"t{i:02d}") for i in range(1, 7)]
    for person in people:
        await person.join()
    await wait_for(lambda: state(people) == {("sfu", False, 1)}, what="six on the media server")
    meeting.janus.kill()
    await wait_for(lambda: state(people) == {("sfu", True, 1)}, what="the meeting waiting for the media server")

    # Everyone hangs up and logs off at once (the others see the call shrink meanwhile).
    await asyncio.wait_for(meeting.close(), timeout=60)
    left_over = [(p.name, p.calls.call, list(p.calls.peers), p.calls.sfu) for p in people
                 if p.calls.call is not None or p.calls.peers or p.calls.sfu is not None]
    assert left_over == []
