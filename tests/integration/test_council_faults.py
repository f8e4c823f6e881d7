"""A council session survives losing the node that runs it (issue 19, "council"): two real ``dvz-server``
nodes over one PostgreSQL and one Redis behind a real HAProxy; the chair, the minute-taker and ten
members through the proxy (spread over both nodes). A secret vote is open with five ballots cast when the
node running the session is SIGKILLed. Then:

* the vote is void, and the chair's state says so (``voided``); its participation is gone from the
  database and no count of it was ever written;
* the other node runs the session (its lease), and the members of the lost node come back through the
  proxy to it and are present again (the member the chair marked as sitting in the hall still is);
* the session goes on: hands, the next speaker, a new secret vote that all ten complete;
* the lost node starts again under its id while a third vote is open on the new owner: it does not void
  that vote (the lease is not expired), shows the session to a socket connected to it directly, and relays
  that socket's ballot to the owner; the vote completes with every ballot.

The time from the kill to the chair's state with the void vote is printed.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest

from dvz_desktop.protocol import CouncilInfo
from dvz_desktop.services.council import CouncilClient
from dvz_desktop.services.session import Credentials, Session, SessionState, StateChange
from tests.integration.chat_history import wait_until
from tests.integration.council_people import FIXTURE, MEMBERS, PASSWORD, SAAL, Participant
from tests.integration.test_cluster_faults import Node
from tests.services.haproxy import HAProxy, haproxy  # noqa: F401  (the fixture)
from tests.services.postgres import postgres_dsn  # noqa: F401  (the fixture)
from tests.services.redis_server import RedisServer, redis_server  # noqa: F401  (the fixture)

#: Generous: two node starts and a takeover on a loaded two-core machine.
TIMEOUT_S = 60.0


def owner_of(dsn: str, session_id: str) -> str:
    with psycopg.connect(dsn) as db:
        row = db.execute("SELECT node FROM council_owners WHERE session_id = %s", (session_id,)).fetchone()
    assert row is not None, "the session has no owner"
    return str(row[0])


def vote_rows(dsn: str, vote_id: str) -> tuple[int, int, tuple[object, ...] | None]:
    """(participation rows, named ballot rows, the vote's counts) of a vote."""
    with psycopg.connect(dsn) as db:
        took_part = db.execute("SELECT count(*) FROM council_participation WHERE vote_id = %s", (vote_id,)).fetchone()
        named = db.execute("SELECT count(*) FROM council_named_ballots WHERE vote_id = %s", (vote_id,)).fetchone()
        counts = db.execute("SELECT yes, no, abstain FROM council_votes WHERE vote_id = %s", (vote_id,)).fetchone()
    assert took_part is not None and named is not None
    return int(took_part[0]), int(named[0]), tuple(counts) if counts is not None else None


class Lost:
    """Who lost their connection (and was connected again since)."""

    def __init__(self) -> None:
        self.lost: set[str] = set()
        self.back: set[str] = set()

    def watch(self, name: str) -> Callable[[StateChange], None]:
        def changed(change: StateChange) -> None:
            if change.state is SessionState.RECONNECTING:
                self.lost.add(name)
                self.back.discard(name)
            elif change.state is SessionState.CONNECTED and name in self.lost:
                self.back.add(name)
        return changed


async def state(person: Participant, condition: Callable[[CouncilInfo], bool], what: str) -> CouncilInfo:
    try:
        return await person.state(condition, TIMEOUT_S)
    except TimeoutError:
        raise AssertionError(f"{person.name} never saw {what}; last: {person.states[-1:]}") from None


def present_members(info: CouncilInfo) -> set[str]:
    return {p.person_id for p in info.present} & set(MEMBERS)


@pytest.mark.timeout(400)
async def test_the_owner_node_dies_during_a_secret_vote(tmp_path: Path, postgres_dsn: str,  # noqa: F811
                                                         redis_server: RedisServer,  # noqa: F811
                                                         haproxy: Callable[..., HAProxy]) -> None:  # noqa: F811
    nodes = {name: Node(name, FIXTURE, tmp_path / name, postgres_dsn, redis_server.url)
             for name in ("node-a", "node-b")}
    await nodes["node-a"].start()  # creates the schema and the accounts
    await nodes["node-b"].start()
    proxy = haproxy([("127.0.0.1", n.port) for n in nodes.values()])
    lost = Lost()
    people: dict[str, Participant] = {}
    extra: list[Session] = []
    try:
        for name in ("landrat", "protokoll", *MEMBERS):
            session = Session(proxy.url("/ws"), Credentials(username=name, password=PASSWORD),
                              reconnect_min_s=0.2, reconnect_max_s=1.0)
            session.state_changed.connect(lost.watch(name))
            people[name] = Participant(name, session)
            await session.start()
            await people[name].council.synced()
        chair = people["landrat"]
        await asyncio.gather(*(p.session.move(SAAL) for p in people.values()))
        sid = await chair.council.start(SAAL, "Sitzung mit Ausfall", body_id="uva")
        await state(chair, lambda s: present_members(s) == set(MEMBERS), "every member present")
        await chair.council.attend(sid, "rat10", in_hall=True)  # sits in the hall: the chair marked it

        # A secret vote, five ballots in; the database holds who took part and no count.
        vote = await chair.council.open_vote(sid, "secret", "Wahl des Vertreters im Zweckverband")
        await asyncio.gather(*(people[m].council.ballot(sid, vote, c)
                               for m, c in zip(MEMBERS[:5], ["yes", "no", "yes", "abstain", "yes"], strict=True)))
        assert vote_rows(postgres_dsn, vote) == (5, 0, (None, None, None))
        first_owner = owner_of(postgres_dsn, sid)
        survivor = next(name for name in nodes if name != first_owner)

        # The node running the session dies.
        killed_at = time.monotonic()
        nodes[first_owner].kill()
        info = await state(chair, lambda s: any(v.vote_id == vote for v in s.voided), "the vote void")
        void_after = time.monotonic() - killed_at
        assert info.vote is None and info.results == () and info.session_id == sid
        assert [v.question for v in info.voided] == ["Wahl des Vertreters im Zweckverband"]
        assert owner_of(postgres_dsn, sid) == survivor
        assert vote_rows(postgres_dsn, vote) == (0, 0, None)  # its participation went with it; no count written
        # The members of the lost node came back through the proxy, to the other node, and are present.
        await wait_until(lambda: lost.lost and lost.back == lost.lost, TIMEOUT_S, "the lost node's people back")
        assert lost.lost, "nobody was on the node that died"
        info = await state(chair, lambda s: present_members(s) == set(MEMBERS), "every member present again")
        assert {p.person_id: p.mode for p in info.present}["rat10"] == "hall"  # the new owner knows it too

        # The session goes on under the new owner: hands, the next speaker, a new vote that completes.
        await people["rat02"].council.hand(sid)
        await people["rat07"].council.hand(sid)
        await state(chair, lambda s: [h.person_id for h in s.hands] == ["rat02", "rat07"], "two hands")
        await chair.council.floor(sid, "next")
        await state(people["rat09"], lambda s: s.floor is not None and s.floor.person_id == "rat02", "rat02 speak")
        again = await chair.council.open_vote(sid, "secret", "Wahl des Vertreters im Zweckverband (Wiederholung)")
        choices = ["yes"] * 6 + ["no"] * 3 + ["abstain"]
        await asyncio.gather(*(people[m].council.ballot(sid, again, c) for m, c in zip(MEMBERS, choices, strict=True)))
        await chair.council.close_vote(sid)
        info = await state(people["rat01"], lambda s: len(s.results) == 1, "the repeated vote's result")
        assert (info.results[0].yes, info.results[0].no, info.results[0].abstain) == (6, 3, 1)
        assert vote_rows(postgres_dsn, again) == (10, 0, (6, 3, 1))

        # The lost node starts again while a third vote runs on the new owner: it voids nothing, shows the
        # session to a socket of its own and relays that socket's ballot.
        third = await chair.council.open_vote(sid, "secret", "Dritter Antrag")
        await asyncio.gather(*(people[m].council.ballot(sid, third, "yes") for m in MEMBERS[:9]))
        await nodes[first_owner].start()
        direct = Session(f"ws://127.0.0.1:{nodes[first_owner].port}/ws",
                         Credentials(username="rat10", password=PASSWORD))
        extra.append(direct)
        seen: list[CouncilInfo] = []
        client = CouncilClient(direct)
        client.changed.connect(lambda received: seen.append(received.info))
        await direct.start()
        await wait_until(lambda: any(s.vote is not None and s.vote.vote_id == third and s.vote.cast == 9
                                     for s in seen), TIMEOUT_S, "the restarted node showing the open vote")
        await client.ballot(sid, third, "no")
        await chair.council.close_vote(sid)
        info = await state(chair, lambda s: len(s.results) == 2, "the third vote's result")
        assert (info.results[1].yes, info.results[1].no) == (9, 1)
        assert owner_of(postgres_dsn, sid) == survivor
        assert [v.vote_id for v in info.voided] == [vote]  # nothing else was void
        print(f"\nowner {first_owner} killed: vote void for the chair after {void_after:.2f} s; "
              f"{len(lost.lost)} people reconnected to {survivor}")
    finally:
        for session in [*extra, *(p.session for p in people.values())]:
            await session.stop()
        for node in nodes.values():
            node.stop()
