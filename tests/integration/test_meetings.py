"""Meetings through the real backend and a real Janus, with real aiortc clients (the session and call
layers of the desktop client) that each send a tone and a colour of their own: eight people hear
everyone and see the gallery; the fifth joiner moves a mesh call to the media server; only members can
publish or receive; without a media server the room stays at four."""

from __future__ import annotations

import asyncio
import itertools
import json
import time

import pytest
from websockets.asyncio.client import connect

from dvz_desktop.core.gallery import Gallery
from dvz_desktop.protocol import PROTOCOL_VERSION
from dvz_desktop.protocol.meetings import MeetingPublish, MeetingSubscribe
from dvz_desktop.services.session import SessionError
from tests.services.janus import janus  # noqa: F401  (the fixture)

from .meeting_helpers import (  # noqa: F401  (fixtures)
    PASSWORD,
    ROOM,
    Meeting,
    Member,
    everyone_hears_everyone,
    meeting,
    veth_only,
    wait_for,
)


async def join(people: list[Member], room: str = ROOM) -> str:
    call_ids = {await p.join(room) for p in people}
    assert len(call_ids) == 1
    return call_ids.pop()


async def test_eight_people_hear_everyone_and_see_the_gallery(meeting: Meeting) -> None:  # noqa: F811
    people = [await meeting.person(f"t{i:02d}") for i in range(1, 9)]
    for person in people:
        await person.join()
    call = people[0].calls.call
    await wait_for(lambda: all(p.calls.call is not None and p.calls.call.mode == "sfu" for p in people),
                   what="the call on the media server")
    await everyone_hears_everyone(people, timeout=60)

    # Each shows the gallery the rule picks (here everyone fits) and sees those faces.
    for person in people:
        others = [p.name for p in people if p is not person]
        person.calls.show_videos(set(Gallery().update(others, set())), visible=True)
    await wait_for(lambda: all(a.sees(b) for a in people for b in people if a is not b), timeout=60,
                   what="everyone seeing everyone's own colour")
    assert call is not None and people[0].calls.sfu is not None
    assert people[0].calls.peers == {}  # nothing peer to peer any more
    assert meeting.secrets_seen() == []  # no Janus address, secret, room id or PIN ever reached a client


async def test_only_the_videos_shown_are_received_and_hidden_ones_are_paused(meeting: Meeting) -> None:  # noqa: F811
    people = [await meeting.person(f"t{i:02d}") for i in range(1, 6)]
    await join(people)
    await everyone_hears_everyone(people)
    viewer, shown, hidden = people[0], people[1:3], people[3:]
    viewer.calls.show_videos({p.name for p in shown}, visible=True)
    await wait_for(lambda: all(viewer.sees(p) for p in shown), what="the shown faces")
    assert all(viewer.count(p.name, "video") == 0 for p in hidden)  # never subscribed

    viewer.calls.show_videos({p.name for p in shown}, visible=False)  # shrunk to the mini view
    await wait_for(lambda: viewer.calls.sfu.plan.paused == {p.name for p in shown}, what="videos paused")
    before = {p.name: viewer.count(p.name, "video") for p in shown}
    audio_before = viewer.count(shown[0].name, "audio")
    await wait_for(lambda: viewer.count(shown[0].name, "audio") > audio_before + 75, what="1.5 s of audio")
    assert all(viewer.count(p.name, "video") - before[p.name] <= 3 for p in shown)  # at most what was in flight
    viewer.calls.show_videos({p.name for p in shown}, visible=True)
    await wait_for(lambda: all(viewer.count(p.name, "video") > before[p.name] + 5 for p in shown),
                   what="the videos back")


async def test_the_fifth_joiner_moves_a_mesh_call_to_the_media_server(meeting: Meeting) -> None:  # noqa: F811
    first_four = [await meeting.person(f"t{i:02d}") for i in range(1, 5)]
    await join(first_four)
    await everyone_hears_everyone(first_four)
    assert all(p.calls.call is not None and p.calls.call.mode == "mesh" for p in first_four)
    assert len(first_four[0].calls.peers) == 3

    listener, speaker = first_four[0], first_four[1]
    arrivals: list[float] = []
    listener.calls.frame_received.connect(
        lambda item: arrivals.append(time.monotonic()) if item[0] == speaker.name and item[1] == "audio" else None)
    fifth = await meeting.person("t05")
    await fifth.join()
    people = [*first_four, fifth]
    await wait_for(lambda: all(p.calls.call is not None and p.calls.call.mode == "sfu" for p in people),
                   what="the call moved to the media server")
    moved = time.monotonic()
    await everyone_hears_everyone(people)
    await wait_for(lambda: all(p.calls.peers == {} for p in people), what="the mesh connections closed")
    during = [t for t in arrivals if t > moved - 1.0]
    longest = max((b - a for a, b in itertools.pairwise(during)), default=0.0)
    print(f"longest pause in {speaker.name}'s audio at {listener.name} while moving: {longest * 1000:.0f} ms")
    assert longest < 2.0  # a short freeze, not a dropped call


async def test_only_members_publish_or_receive_and_nobody_names_the_media_servers_ids(meeting: Meeting) -> None:  # noqa: F811
    people = [await meeting.person(f"t{i:02d}") for i in range(1, 6)]
    call_id = await join(people)
    await everyone_hears_everyone(people)
    outsider = await meeting.person("t06", room="kh-101")
    session = outsider.session
    for message in (MeetingSubscribe(id=session.next_id(), call_id=call_id, person_id="t01", video=True),
                    MeetingPublish(id=session.next_id(), call_id=call_id, sdp="v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\n")):
        with pytest.raises(SessionError) as refused:
            await session.command(message)
        assert refused.value.code == "not_in_call"

    member = people[0].session
    server = meeting.backend.meetings.media.server
    assert server is not None
    feed = server.rooms[call_id].members["t02"].feed_id
    for guess in ("t06", str(feed), "1"):  # someone outside the call, and the media server's own ids
        with pytest.raises(SessionError) as refused:
            await member.command(MeetingSubscribe(id=member.next_id(), call_id=call_id, person_id=guess))
        assert refused.value.code == "not_in_call"
    # There is no field for the media server's feed id: a frame that names one is refused as a whole.
    async with connect(meeting.url) as ws:
        await ws.send(json.dumps({"type": "hello", "id": "h1", "protocol_version": PROTOCOL_VERSION,
                                  "auth": {"method": "password", "username": "t01", "password": PASSWORD}}))
        assert json.loads(await ws.recv())["type"] == "welcome"
        await ws.send(json.dumps({"type": "meeting_subscribe", "id": "x1", "call_id": call_id, "person_id": "t02",
                                  "feed": feed}))
        while (answer := json.loads(await asyncio.wait_for(ws.recv(), 10)))["type"] != "error":
            pass
        assert (answer["code"], answer["reply_to"]) == ("invalid_message", "x1")
    assert meeting.secrets_seen() == []
