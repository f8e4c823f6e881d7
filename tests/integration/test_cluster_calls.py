"""Calls between the nodes of a cluster when a node is lost (issue 19: "calls re-signalled").

Two real ``dvz-server`` nodes over one PostgreSQL and one Redis; p1 reaches node B through HAProxy (which
sends everyone to B while it lives), the others connect to a node directly. Two calls run between the
nodes with real aiortc peers: p0 (node A) with p1 (node B through HAProxy), p3 (node A) with p2 (node B
directly). Node B is SIGKILLed. p1 comes back through HAProxy to node A and the call goes on: the same
call, connected anew (the old peer connection is gone), media flows both ways again, nobody was told it
ended. p2 has no way back: once node B's heartbeat has expired p3's call ends with the reason the client
words ("Die Verbindung der Gegenseite ist abgebrochen"), and the database holds only the call that goes
on (no ghost calls).

The meeting's room state (who is in, raised hands, a moderator's mute and removal) is the call's state:
one for members on either node (``test_a_meeting_s_room_state_is_one_for_members_on_both_nodes``, on
SQLite, PostgreSQL and the two-node cluster)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest

from dvz_desktop.protocol import CallJoin
from dvz_desktop.protocol.meetings import MeetingHand, MeetingModerate
from dvz_desktop.services.calls import CallClient
from dvz_desktop.services.session import Credentials, Session, SessionError
from tests.conftest import PASSWORDS
from tests.integration.chat_history import org_file, wait_until
from tests.integration.helpers import Person, Sight, login
from tests.integration.test_calls import SyntheticMedia, frames, loopback_and_no_default_stun  # noqa: F401
from tests.integration.test_cluster_faults import Node
from tests.services.haproxy import HAProxy, haproxy  # noqa: F401  (the fixture)
from tests.services.postgres import postgres_dsn  # noqa: F401  (the fixture)
from tests.services.redis_server import RedisServer, redis_server  # noqa: F401  (the fixture)

CLUSTER_READY = True
EXPIRY_S = 15.0  # node B's heartbeat expiry (3 s) and one check, with room for a loaded machine


#: Whom each call client's session sees online (a caller calls once the callee shows as online to them).
SIGHTS: dict[int, Sight] = {}


async def person(url: str, name: str) -> tuple[Session, CallClient]:
    session = Session(url, Credentials(name, "geheim-123"), reconnect_min_s=0.05, reconnect_max_s=0.5)
    sight = Sight(session)
    await session.start()
    client = CallClient(session, SyntheticMedia())
    SIGHTS[id(client)] = sight
    return session, client


async def call_between(caller: CallClient, callee: CallClient, callee_id: str) -> str:
    await SIGHTS[id(caller)].online(callee_id)  # the other node tells the caller's a moment after a login
    call_id = await caller.call_person(callee_id)
    await wait_until(lambda: callee.call is not None and callee.call.call_id == call_id, 10, "the ring")
    await callee.answer(call_id, accept=True)
    return call_id


def media_flows(one: CallClient, one_id: str, other: CallClient, other_id: str, more: int = 10) -> Callable[[], bool]:
    """True once each has received ``more`` audio frames from the other beyond what they have now."""
    start = (frames(one, other_id, "audio"), frames(other, one_id, "audio"))
    return lambda: (frames(one, other_id, "audio") >= start[0] + more
                    and frames(other, one_id, "audio") >= start[1] + more)


@pytest.mark.timeout(300)
async def test_a_call_goes_on_through_the_other_node_and_ends_cleanly_for_who_cannot_come_back(
        tmp_path: Path, postgres_dsn: str, redis_server: RedisServer,  # noqa: F811
        haproxy: Callable[..., HAProxy]) -> None:  # noqa: F811
    org = org_file(tmp_path / "org.json", 4)
    a = Node("node-a", org, tmp_path / "a", postgres_dsn, redis_server.url)
    await a.start()
    b = Node("node-b", org, tmp_path / "b", postgres_dsn, redis_server.url)
    await b.start()
    proxy = haproxy([("127.0.0.1", b.port), ("127.0.0.1", a.port)], balance="first")
    direct_a, direct_b = f"ws://127.0.0.1:{a.port}/ws", f"ws://127.0.0.1:{b.port}/ws"
    people = [await person(direct_a, "p0"), await person(proxy.url("/ws"), "p1"), await person(direct_b, "p2"),
              await person(direct_a, "p3")]
    (_, c0), (s1, c1), (_, c2), (_, c3) = people
    try:
        kept = await call_between(c0, c1, "p1")
        lost = await call_between(c3, c2, "p2")
        await wait_until(media_flows(c0, "p0", c1, "p1"), 20, "media between p0 and p1")
        await wait_until(media_flows(c3, "p3", c2, "p2"), 20, "media between p3 and p2")
        ended: dict[str, list[str]] = {"p0": [], "p3": []}
        c0.ended_unexpectedly.connect(ended["p0"].append)
        c3.ended_unexpectedly.connect(ended["p3"].append)
        old = c1.peers["p0"].pc

        b.kill()
        killed = time.monotonic()
        # p1 is back through HAProxy on node A: connected anew to p0, and the media flows again.
        await wait_until(lambda: "p0" in c1.peers and c1.peers["p0"].pc is not old
                         and c1.peers["p0"].pc.connectionState == "connected", 30, "p1 connected anew")
        await wait_until(media_flows(c0, "p0", c1, "p1"), 20, "media between p0 and p1 again")
        back = time.monotonic() - killed
        assert s1.url == proxy.url("/ws")
        assert c0.call is not None and c1.call is not None and c0.call.call_id == c1.call.call_id == kept
        assert [m.connection for m in c0.call.members if m.person_id == "p1"] == [1]
        # p2 cannot come back (node B alone was theirs): p3's call ends, and p3 is told why.
        await wait_until(lambda: c3.call is None, EXPIRY_S, "p3's call to end")
        assert ended == {"p0": [], "p3": ["connection_lost"]}
        print(f"\nmedia again {back * 1000:.0f} ms after the kill; the lost call ended after "
              f"{(time.monotonic() - killed) * 1000:.0f} ms")
        with psycopg.connect(postgres_dsn) as db:
            live = [row[0] for row in db.execute("SELECT call_id FROM call_states WHERE body<>''")]
        assert live == [kept] and lost != kept  # no ghost of the call that ended
    finally:
        for session, client in people:
            await client.leave()
            await client.idle()
            await session.stop()
        for node in (a, b):
            node.stop()


async def test_a_meeting_s_room_state_is_one_for_members_on_both_nodes(backend) -> None:  # type: ignore[no-untyped-def]
    """anna and erik on one node, bernd on the other (in the cluster): anna opened the room's call and
    moderates; hands go up in order, her mute and her removal reach whoever they concern on either node."""
    people = {name: Person(name, await login(backend.url, name, PASSWORDS[name])) for name in ("anna", "bernd", "erik")}
    anna, bernd, erik = people["anna"], people["bernd"], people["erik"]
    call_ids = set()
    for person in (anna, bernd, erik):
        await person.session.move("kh-sitz")
        call_ids.add((await person.session.command(CallJoin(id=person.session.next_id(), room_id="kh-sitz"))).ref)
    [call_id] = call_ids

    def members(person: Person) -> dict[str, object]:
        updates = [m.call for m in person.received if getattr(m, "type", "") == "call_update"]  # type: ignore[attr-defined]
        return {m.person_id: m for m in updates[-1].members} if updates else {}

    async def sees(person: Person, condition) -> None:  # type: ignore[no-untyped-def]
        await wait_until(lambda: condition(members(person)), 10, f"{person.name} to see it")

    for person in (bernd, erik):  # hands up: bernd first, then erik
        await person.session.command(MeetingHand(id=person.session.next_id(), call_id=call_id, raised=True))
        await sees(person, lambda m, name=person.name: name in m and m[name].hand_raised_at is not None)
    for person in people.values():
        await sees(person, lambda m: len(m) == 3 and None not in (m["bernd"].hand_raised_at, m["erik"].hand_raised_at))
        assert members(person)["bernd"].hand_raised_at < members(person)["erik"].hand_raised_at  # type: ignore[attr-defined]

    with pytest.raises(SessionError) as refused:  # only the moderator moderates
        await bernd.session.command(MeetingModerate(id=bernd.session.next_id(), call_id=call_id, person_id="erik",
                                                    action="mute"))
    assert refused.value.code == "moderators_only"
    await anna.session.command(MeetingModerate(id=anna.session.next_id(), call_id=call_id, person_id="bernd",
                                               action="mute"))
    await bernd.wait_for(lambda m: getattr(m, "type", "") == "meeting_moderated", 10)
    for person in people.values():
        await sees(person, lambda m: m["bernd"].audio is False)
    await anna.session.command(MeetingModerate(id=anna.session.next_id(), call_id=call_id, person_id="erik",
                                               action="remove"))
    ended = await erik.wait_for(lambda m: getattr(m, "type", "") == "call_ended", 10)
    assert ended.reason == "removed"  # type: ignore[attr-defined]
    for person in (anna, bernd):
        await sees(person, lambda m: set(m) == {"anna", "bernd"})
    with pytest.raises(SessionError) as refused:  # and she cannot come back, whichever node she asks
        await erik.session.command(CallJoin(id=erik.session.next_id(), room_id="kh-sitz"))
    assert refused.value.code == "removed_from_meeting"
    for person in people.values():
        await person.session.stop()
