"""Meetings through the media server across the nodes of a cluster (issue 19, part "meetings").

Two nodes over one PostgreSQL and one Redis, both configured with one real Janus (in its network
namespace), real aiortc members who each send a tone and a colour of their own, a real Chromium guest:

* five members spread over both nodes hear and see each other: one node owns the meeting's room (where
  the fifth joined) and drives Janus; the other node's members reach it through the relay; no Janus
  address, secret, room id or PIN reaches a client;
* a guest invited through node A opens the page and joins through node B (which then owns the room);
* the owner node is SIGKILLed: once its lease has run out the other node takes the meeting over (a new
  room), the members on it hear each other again (the time is printed), and the members of the lost
  node come back through HAProxy and hear everyone again; so does a guest who came through it (their
  page joins anew, and the guest the lost node held leaves the meeting: no ghost).
"""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
import pytest

from dvz_desktop.protocol import CallJoin
from dvz_desktop.protocol.meetings import MeetingAnswer, MeetingInviteGuest, MeetingSubscribe
from dvz_desktop.services.calls import CallClient
from dvz_desktop.services.session import Session, SessionError
from server_stub.app import Backend
from server_stub.directory.orgfile import OrgFile
from tests.e2e.test_meeting_guest import (  # noqa: F401
    CHROMEDRIVER,
    CHROMIUM,
    browser,
    enter_as_guest,
    guest_and_staff_meet,
    in_browser,
    until,
)
from tests.integration.test_cluster_faults import start_nodes
from tests.services.haproxy import HAProxy, haproxy  # noqa: F401  (the fixture)
from tests.services.janus import WS_PORT, JanusServer, janus  # noqa: F401  (the fixture)
from tests.services.postgres import postgres_dsn  # noqa: F401  (the fixture)
from tests.services.redis_server import RedisServer, redis_server  # noqa: F401  (the fixture)

from .helpers import login
from .meeting_helpers import (  # noqa: F401  (fixtures)
    PASSWORD,
    ROOM,
    Member,
    SyntheticDevices,
    colour_of,
    everyone_hears_everyone,
    leave_and_stop,
    media_server_options,
    meeting_org,
    nodes_with_media_server,
    tone_of,
    veth_only,
    wait_for,
)

CLUSTER_READY = True


class People:
    """Members logged in at whichever node a test names, and every frame they received."""

    def __init__(self) -> None:
        self.members: dict[str, Member] = {}
        self.frames: list[str] = []

    async def add(self, url: str, name: str) -> Member:
        session = await login(url, name, PASSWORD, reconnect_min_s=0.05, reconnect_max_s=0.5)
        session.message_received.connect(lambda msg: self.frames.append(msg.model_dump_json()))
        index = len(self.members)
        member = Member(name, session, CallClient(session, SyntheticDevices(tone_of(index), colour_of(index), 5.0)),
                        tone_of(index), colour_of(index))
        member.calls.frame_received.connect(member.observe)
        await session.move(ROOM)
        self.members[name] = member
        return member

    async def close(self) -> None:
        await leave_and_stop(self.members.values())

    def seen(self, needles: list[str]) -> list[str]:
        return [n for n in needles if any(n in frame for frame in self.frames)]


def janus_needles(janus: JanusServer, *nodes: Backend) -> list[str]:  # noqa: F811
    """Janus's API address and keys, and every room id, secret and PIN the nodes hold."""
    needles = [janus.url, f"{janus.host.guest_address}:{WS_PORT}", janus.api_secret, janus.admin_key]
    for node in nodes:
        server = node.meetings.media.server
        assert server is not None
        for room in server.rooms.values():
            needles += [room.secret, room.pin, str(room.janus_id)]
    return needles


@dataclass
class TwoNodes:
    a: Backend
    b: Backend
    port_a: int
    port_b: int

    def url(self, node: str) -> str:
        return f"ws://127.0.0.1:{self.port_a if node == 'a' else self.port_b}/ws"


@pytest.fixture
async def two_nodes(org_three: OrgFile, tmp_path: Path, postgres_dsn: str, redis_server: RedisServer,  # noqa: F811
                    janus: JanusServer, veth_only: None) -> AsyncIterator[TwoNodes]:  # noqa: F811
    async with nodes_with_media_server(meeting_org(org_three), tmp_path, postgres_dsn, redis_server.url,
                                       janus) as started:
        (a, port_a), (b, port_b) = started
        yield TwoNodes(a, b, port_a, port_b)


@pytest.fixture
async def people() -> AsyncIterator[People]:
    crowd = People()
    try:
        yield crowd
    finally:
        await crowd.close()


def on_media_server(members: list[Member], epoch: int | None = None) -> Callable[[], bool]:
    return lambda: all(m.calls.call is not None and m.calls.call.mode == "sfu" and not m.calls.call.sfu_lost
                       and (epoch is None or m.calls.call.sfu_epoch == epoch) for m in members)


@pytest.mark.timeout(300)
async def test_five_members_on_two_nodes_hear_and_see_each_other(two_nodes: TwoNodes, people: People,
                                                                  janus: JanusServer) -> None:  # noqa: F811
    # Joining in turn, the fifth (t03) on node A: the call moves to the media server there.
    order = [("t01", "a"), ("t04", "b"), ("t02", "a"), ("t05", "b"), ("t03", "a")]
    crowd = [await people.add(two_nodes.url(node), name) for name, node in order]
    call_ids = {await member.join() for member in crowd}
    assert len(call_ids) == 1
    [call_id] = call_ids
    await wait_for(on_media_server(crowd), what="the call on the media server")
    await everyone_hears_everyone(crowd, timeout=60)
    for member in crowd:
        member.calls.show_videos({m.name for m in crowd if m is not member}, visible=True)
    await wait_for(lambda: all(x.sees(y) for x in crowd for y in crowd if x is not y), timeout=60,
                   what="everyone seeing everyone's own colour")

    # One owner drives the room (node A, where the fifth joined); node B holds no room and no session.
    a, b = two_nodes.a, two_nodes.b
    assert a.meetings.ownership is not None and b.meetings.ownership is not None
    assert a.calls.calls[call_id].sfu_node == b.calls.calls[call_id].sfu_node == a.meetings.ownership.me
    assert b.meetings.media.server is not None and b.meetings.media.server.rooms == {}
    assert a.meetings.media.server is not None
    assert set(a.meetings.media.server.rooms[call_id].members) == {m.name for m in crowd}
    assert people.seen(janus_needles(janus, a, b)) == []



@pytest.mark.timeout(120)
async def test_what_the_relay_costs_a_member_s_request(two_nodes: TwoNodes) -> None:
    """Five members without media (sessions only, so the figure is the signalling's, not the machine's
    decoding): the same request, one the owner refuses without asking Janus (an answer to a subscription
    that does not exist), from a member on the owner's node and from one on the other node; and requests
    outside the call refused on either node."""
    order = [("t01", "a"), ("t04", "b"), ("t02", "a"), ("t05", "b"), ("t03", "a")]
    sessions = {name: await login(two_nodes.url(node), name, PASSWORD) for name, node in order}
    try:
        for session in sessions.values():
            await session.move(ROOM)
            await session.command(CallJoin(id=session.next_id(), room_id=ROOM))
        [call_id] = {two_nodes.a.calls.call_in_room(ROOM).call_id}  # type: ignore[union-attr]
        a = two_nodes.a
        assert a.meetings.ownership is not None
        await wait_for(lambda: a.calls.calls[call_id].sfu_node == a.meetings.ownership.me  # type: ignore[union-attr]
                       and a.meetings.media.server is not None and call_id in a.meetings.media.server.rooms,
                       what="the room at node A")

        async def median_ms(session: Session) -> float:
            took = []
            for _ in range(50):
                began = time.perf_counter()
                with pytest.raises(SessionError) as refused:
                    await session.command(MeetingAnswer(id=session.next_id(), call_id=call_id, person_id="t02",
                                                        sdp="v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\n"))
                assert refused.value.code == "not_in_call"
                took.append((time.perf_counter() - began) * 1000)
            return statistics.median(took)

        here, there = await median_ms(sessions["t01"]), await median_ms(sessions["t04"])
        print(f"\na member's request answered by the owner: from its own node {here:.1f} ms, "
              f"from the other node {there:.1f} ms (medians of 50)")

        # Only members, only their call, whichever node they ask: an outsider on node B is refused there,
        # a member on node B asking for someone outside the call is refused by the owner.
        sessions["t06"] = outsider = await login(two_nodes.url("b"), "t06", PASSWORD)
        for asking, whom in ((outsider, "t01"), (sessions["t04"], "t06")):
            with pytest.raises(SessionError) as refused:
                await asking.command(MeetingSubscribe(id=asking.next_id(), call_id=call_id, person_id=whom))
            assert refused.value.code == "not_in_call"
    finally:
        for session in sessions.values():
            await session.stop()


@pytest.mark.timeout(300)
@pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER), reason="Debian's chromium and chromium-driver")
async def test_a_guest_invited_through_node_a_joins_through_node_b(two_nodes: TwoNodes, people: People,
                                                                    janus: JanusServer, browser: Any) -> None:  # noqa: F811

    staff = [await people.add(two_nodes.url("a"), "t01"), await people.add(two_nodes.url("b"), "t02")]
    call_id = {await member.join() for member in staff}.pop()
    await everyone_hears_everyone(staff)
    moderator = staff[0].session  # on node A
    ack = await moderator.command(MeetingInviteGuest(id=moderator.next_id(), call_id=call_id))
    assert ack.ref and re.fullmatch(r"[A-Za-z0-9_\-]{16,128}", ack.ref)
    await in_browser(browser.get, f"http://127.0.0.1:{two_nodes.port_b}/besprechung/{ack.ref}?lang=de")
    assert "Sitzungszimmer" in await in_browser(lambda: browser.title)

    await enter_as_guest(browser, "Erika Muster")
    await wait_for(on_media_server(staff), what="the meeting on the media server for its guest")
    call = staff[0].calls.call
    assert call is not None
    guest_id = next(m.person_id for m in call.members if m.guest_name == "Erika Muster")
    # The guest's node made the room: it owns the meeting; t01's requests go there from node A.
    b = two_nodes.b
    assert b.meetings.ownership is not None and b.calls.calls[call_id].sfu_node == b.meetings.ownership.me
    assert two_nodes.a.meetings.media.server is not None and two_nodes.a.meetings.media.server.rooms == {}

    await guest_and_staff_meet(browser, staff, guest_id)
    assert people.seen(janus_needles(janus, two_nodes.a, b)) == []


@pytest.mark.timeout(300)
@pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER), reason="Debian's chromium and chromium-driver")
async def test_a_guest_waiting_on_node_b_joins_when_the_meeting_begins_on_node_a(
        two_nodes: TwoNodes, people: People, browser: Any) -> None:  # noqa: F811
    """Node B learns of the call from node A's change, and its waiting guest joins (a change of node B's
    own, made while it follows node A's)."""
    from selenium.webdriver.common.by import By

    host = await people.add(two_nodes.url("a"), "t01")
    opened = await host.join()  # a call alone in the room, to invite from; left again at once
    ack = await host.session.command(MeetingInviteGuest(id=host.session.next_id(), call_id=opened))
    await host.calls.leave()
    await wait_for(lambda: two_nodes.b.calls.call_in_room(ROOM) is None, what="the room empty on node B")
    await in_browser(browser.get, f"http://127.0.0.1:{two_nodes.port_b}/besprechung/{ack.ref}?lang=de")

    await enter_as_guest(browser, "Erika Muster")

    async def waiting() -> bool:
        return "noch nicht begonnen" in await in_browser(lambda: browser.find_element(By.ID, "notice").text)

    await until(waiting, what="the page saying the meeting has not begun")
    await host.join()  # the meeting begins, on node A
    await wait_for(lambda: guests_of(host) == ["Erika Muster"], timeout=30, what="the guest in the meeting")
    await until(guest_hears(browser, 1), timeout=60, what="the guest hearing the host")
    [guest] = guests_of(host, ids=True)
    await wait_for(lambda: host.count(guest, "audio") > 50, timeout=40, what="the host hearing the guest")


def call_ids(members: list[Member]) -> str:
    [call_id] = {m.calls.call.call_id for m in members if m.calls.call is not None}
    return call_id


def guests_of(member: Member, ids: bool = False) -> list[str]:
    call = member.calls.call
    return [] if call is None else sorted(str(m.person_id if ids else m.guest_name) for m in call.members
                                          if m.guest_name)


def guest_hears(browser: Any, how_many: int) -> Callable[[], Any]:  # noqa: F811
    async def condition() -> bool:
        got: dict[str, dict[str, float]] = await in_browser(
            browser.execute_async_script, "const done = arguments[0]; window.dvzMeeting.received().then(done);")
        return len(got) >= how_many and sum(g["energy"] > 0.01 for g in got.values()) >= how_many
    return condition


def owner_in_database(dsn: str) -> list[str]:
    with psycopg.connect(dsn) as db:
        return [str(row[0]) for row in db.execute("SELECT owner FROM meeting_owners")]


@pytest.mark.timeout(400)
@pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER), reason="Debian's chromium and chromium-driver")
async def test_the_owner_node_is_lost_and_the_other_node_takes_the_meeting_over(
        tmp_path: Path, org_three: OrgFile, postgres_dsn: str, redis_server: RedisServer,  # noqa: F811
        janus: JanusServer, veth_only: None, haproxy: Callable[..., HAProxy], browser: Any) -> None:  # noqa: F811

    org = tmp_path / "org.json"
    org.write_text(meeting_org(org_three).model_dump_json(), encoding="utf-8")
    nodes = await start_nodes(org, tmp_path, postgres_dsn, redis_server.url, *media_server_options(janus))
    a, b = nodes
    proxy = haproxy([("127.0.0.1", a.port), ("127.0.0.1", b.port)], balance="first")  # A while it lives
    crowd = People()
    try:
        # t04, t05 on node B directly; t01-t03 through HAProxy (node A); the fifth joins on A: A owns it.
        survivors = [await crowd.add(f"ws://127.0.0.1:{b.port}/ws", name) for name in ("t04", "t05")]
        travellers = [await crowd.add(proxy.url("/ws"), name) for name in ("t01", "t02", "t03")]
        everyone = survivors + travellers
        for member in everyone:
            await member.join()
        await wait_for(on_media_server(everyone), timeout=30, what="the call on the media server")
        await everyone_hears_everyone(everyone, timeout=60)
        assert [o.split("/")[0] for o in owner_in_database(postgres_dsn)] == ["node-a"]
        # A guest comes in through HAProxy too (node A).
        moderator = survivors[0].session
        ack = await moderator.command(MeetingInviteGuest(id=moderator.next_id(), call_id=call_ids(everyone)))
        await in_browser(browser.get, proxy.url(f"/besprechung/{ack.ref}?lang=de", scheme="http"))

        await enter_as_guest(browser, "Erika Muster")
        await wait_for(lambda: guests_of(survivors[0]) == ["Erika Muster"], what="the guest in the call")
        [first_guest] = guests_of(survivors[0], ids=True)
        await until(guest_hears(browser, 5), timeout=60, what="the guest hearing the five")
        call = survivors[0].calls.call
        assert call is not None
        epoch = call.sfu_epoch

        since = {m.name: m.counts() for m in everyone}
        a.kill()  # without a clean shutdown: its lease is renewed no more, Janus drops its sessions
        killed = time.monotonic()
        await wait_for(on_media_server(survivors, epoch + 1), timeout=30, what="a new room under node B")
        await wait_for(lambda: all(x.hears_again(y, since[x.name]) for x in survivors for y in survivors if x is not y),
                       timeout=40, what="the members on node B hearing each other again")
        survivors_back = time.monotonic() - killed
        await wait_for(on_media_server(everyone, epoch + 1), timeout=30, what="everyone in the new room")
        await wait_for(lambda: all(x.hears_again(y, since[x.name]) for x in everyone for y in everyone if x is not y),
                       timeout=60, what="everyone hearing everyone again")
        everyone_back = time.monotonic() - killed
        # The guest's page came back through node B and joined anew; the guest node A held has left.
        await wait_for(lambda: guests_of(survivors[0]) == ["Erika Muster"] and guests_of(survivors[0], ids=True)
                       != [first_guest], timeout=30, what="one guest, the one who came back")
        await until(guest_hears(browser, 5), timeout=60, what="the guest hearing the five again")
        [guest] = guests_of(survivors[0], ids=True)
        await wait_for(lambda: all(m.count(guest, "audio") > 50 for m in everyone), timeout=40,
                       what="the five hearing the guest again")
        print(f"\nafter the owner's SIGKILL: members on the other node hear each other again after "
              f"{survivors_back:.1f} s, everyone everyone after {everyone_back:.1f} s")
        assert all(m.session.url == proxy.url("/ws") for m in travellers)  # came back through HAProxy
        assert [o.split("/")[0] for o in owner_in_database(postgres_dsn)] == ["node-b"]
        assert crowd.seen([janus.url, f"{janus.host.guest_address}:{WS_PORT}", janus.api_secret,
                           janus.admin_key]) == []
    finally:
        await crowd.close()
        for node in nodes:
            node.stop()
