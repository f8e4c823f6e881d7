"""Calls in cluster mode: the database is the one owner of every call's state, not a node.

Each node keeps every call in memory (``CallsFeature.calls``: who is in which call, asked on every
presence change), as a copy of the table ``call_states``: a row per call, its state as JSON (state.py)
and the version of the change that wrote it last (an ended call keeps an empty row for a while, so the
other nodes learn that it ended). A change of any call runs in :meth:`CallLedger.owned`: one transaction
under one cluster-wide lock (changes of calls are human actions: a few per second at most), which first
reads what other nodes changed since this node's version, then lets the feature change its copy, and
writes the calls it changed with the next version. Only after the commit are the frames of the change
sent, together with its version, to every node (the relay's ``calls``), and each node hands them to its
own sockets **in version order** (``_arrive``): frames of changes made on different nodes would otherwise
reach a person in the order the nodes happened to send them, and an older member list arriving after a
newer one would close a connection that had just been made. A version whose news never comes (its node
was lost between the commit and the relay) is skipped after ``GAP_S``. Signals (offers, answers) belong
to no version: they go to the person's sockets on every node at once (``person``).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from dvz_desktop.protocol import Status

from ...db import Database, Migration, Schema, sql_for, to_db
from .state import _Call, dump_call, load_call

if TYPE_CHECKING:
    from .feature import CallsFeature

SCHEMA = Schema("calls", (
    Migration(1, "the calls of a cluster, one owner for all nodes", (
        sql_for(lambda d: d.keyed_table("""CREATE TABLE IF NOT EXISTS call_states (
            call_id TEXT PRIMARY KEY,
            version INTEGER NOT NULL,
            body    TEXT NOT NULL,
            at      TEXT NOT NULL
        )""")),
        "CREATE INDEX IF NOT EXISTS call_states_by_version ON call_states(version)",
    )),
))

#: The lock every change of a call takes (chat takes one per conversation; calls change rarely).
LOCK = "calls"
#: How long an ended call's empty row stays (a node away for longer reads every call anew).
ENDED_KEPT = timedelta(minutes=10)
#: How long a node waits for the news of a missing version before it delivers the later ones.
GAP_S = 3.0


class CallLedger:
    def __init__(self, db: Database, node_id: str, now: Callable[[], datetime]) -> None:
        self.db = db
        self.node_id = node_id
        self._now = now
        #: The last version this node's copy holds (-1: read everything anew).
        self.version = -1
        self._depth = 0
        self._dirty: dict[str, _Call] = {}
        self._written: int | None = None
        self._frames: list[tuple[str, str]] = []
        #: The last version whose frames went to this node's sockets, and frames of later ones held back.
        self.delivered = -1
        self._held: dict[int, list[tuple[str, str]]] = {}
        self._gap: asyncio.TimerHandle | None = None
        #: Tell the other nodes: a new version (key: the version), a frame for a person.
        self.relay_version: Callable[[str, str], None] | None = None
        self.relay_person: Callable[[str, str], None] | None = None
        self.local_send: Callable[[str, str], None] = lambda person, payload: None
        #: Whether this node's presence is in step with the cluster's (the sweep trusts it only then).
        self.ready: Callable[[], bool] = lambda: True
        #: Told of each call another node changed or ended, once this node's copy has followed (after the
        #: transaction that read it): the meetings feature drives the media server's room and tells the
        #: guests on this node.
        self.followed: Callable[[_Call], None] = lambda call: None
        self._read: dict[str, _Call] = {}

    @property
    def changing(self) -> bool:
        return self._depth > 0

    def touched(self, call: _Call) -> None:
        """The feature changed ``call`` (or ended it): written when the change commits."""
        if self._depth:
            self._dirty[call.call_id] = call

    def send_to(self, person: str, payload: str) -> None:
        """A frame for ``person``'s sockets on every node: after the commit while a change runs."""
        if self._depth:
            self._frames.append((person, payload))
            return
        self.local_send(person, payload)
        if self.relay_person is not None:
            self.relay_person(person, payload)

    @contextmanager
    def owned(self, calls: dict[str, _Call], by_room: dict[str, str]) -> Iterator[None]:
        """Change calls as their one owner (see the module's docstring); nested uses join the outer one."""
        if self._depth:
            yield
            return
        self._depth += 1
        try:
            with self.db.transaction():
                statement = self.db.dialect.lock_key()
                if statement is not None:
                    self.db.one(statement, (LOCK,))
                self.refresh(calls, by_room)
                yield
                self._write()
        except BaseException:
            self._written = None
            self.version = -1  # what this node changed in memory was not stored: read everything anew
            self._dirty.clear()
            self._frames.clear()
            self._read.clear()
            raise
        finally:
            self._depth -= 1
        frames, self._frames = self._frames, []
        if self._written is None:  # nothing changed (a join of a call one is in already): no version
            for person, payload in frames:
                self.send_to(person, payload)
        else:
            version, self._written = self._written, None
            if self.delivered < 0:
                self.delivered = version - 1
            if self.relay_version is not None:
                self.relay_version(str(version), _packed(frames))
            self._arrive(version, frames)
        # Last: what the meetings feature does about them may be a change of its own (a waiting guest
        # joins a call that began elsewhere), which must not mix with this one's frames.
        self._tell_followed()

    def _arrive(self, version: int, frames: list[tuple[str, str]]) -> None:
        """The frames of ``version``: to this node's sockets once every earlier version's are."""
        if version <= self.delivered:
            return
        self._held[version] = frames
        while self.delivered + 1 in self._held:
            self.delivered += 1
            for person, payload in self._held.pop(self.delivered):
                self.local_send(person, payload)
        if self._gap is not None:
            self._gap.cancel()
            self._gap = None
        if self._held:
            self._gap = asyncio.get_running_loop().call_later(GAP_S, self._skip_gap)

    def _skip_gap(self) -> None:
        self._gap = None
        if self._held:
            self.delivered = min(self._held) - 1
            self._arrive(self.delivered + 1, self._held.pop(self.delivered + 1))

    def _write(self) -> None:
        if not self._dirty:
            return
        row = self.db.one("SELECT MAX(version) FROM call_states")
        version = (row[0] or 0) + 1 if row else 1
        stamp = to_db(self._now())
        for call_id, call in self._dirty.items():
            body = "" if call.ended else dump_call(call)
            self.db.execute("INSERT INTO call_states(call_id, version, body, at) VALUES (?, ?, ?, ?) "
                            "ON CONFLICT(call_id) DO UPDATE SET version=excluded.version, body=excluded.body, "
                            "at=excluded.at", (call_id, version, body, stamp))
        self._dirty.clear()
        self.version = self._written = version

    def refresh(self, calls: dict[str, _Call], by_room: dict[str, str]) -> None:
        """Bring this node's copy up to what the database holds (what other nodes changed). A call
        already known is updated in place: the meetings feature may hold it."""
        if self.version < 0:
            rows = self.db.all("SELECT call_id, version, body FROM call_states")
            known = {call_id for call_id, _, body in rows if body}
            for gone in set(calls) - known:
                self._read[gone] = calls.pop(gone)
                self._forget(self._read[gone], by_room)
        else:
            rows = self.db.all("SELECT call_id, version, body FROM call_states WHERE version>?", (self.version,))
        for call_id, version, body in rows:
            self.version = max(self.version, int(version))
            if not body:
                if call_id in calls:
                    self._read[call_id] = ended = calls.pop(call_id)
                    self._forget(ended, by_room)
                continue
            fresh = load_call(body)
            if call_id in calls:
                vars(calls[call_id]).update(vars(fresh))
            else:
                calls[call_id] = fresh
            self._read[call_id] = calls[call_id]
            if fresh.room_id is not None:
                by_room[fresh.room_id] = call_id
        self.version = max(self.version, 0)

    def _tell_followed(self) -> None:
        read, self._read = self._read, {}
        for call in read.values():
            self.followed(call)

    @staticmethod
    def _forget(call: _Call, by_room: dict[str, str]) -> None:
        call.ended = True
        if call.room_id is not None and by_room.get(call.room_id) == call.call_id:
            by_room.pop(call.room_id)

    def forget_ended(self, now: datetime) -> None:
        # The row of the highest version stays: versions are counted on from it (never used twice).
        self.db.execute("DELETE FROM call_states WHERE body='' AND at<? AND version<(SELECT MAX(version) "
                        "FROM call_states)", (to_db(now - ENDED_KEPT),))

    # --- what the calls feature asks of the ledger ---

    def start(self, feature: CallsFeature) -> None:
        """Read the calls as the database holds them; frames are delivered from the next version on."""
        self.followed = lambda call: feature.meetings.call_followed(call)
        with feature.owned():
            pass
        self.delivered = self.version

    def follow(self, feature: CallsFeature, version: str, frames: str) -> None:
        """Another node stored a change of calls (relayed): this node's copy follows, and its sockets get
        their frames in version order."""
        if not self._depth and int(version) > self.version:
            self.refresh(feature.calls, feature._by_room)
        self._arrive(int(version), [(person, payload) for payload, people in json.loads(frames)
                                    for person in people])
        self._tell_followed()

    def came_back(self, feature: CallsFeature, me: str) -> None:
        """A socket of ``me`` opened here. If their call went on while they came back through this node
        (their node was lost), the others connect to them anew (``CallMember.connection``)."""
        call = feature.call_of(me)
        if call is None or call.nodes.get(me, self.node_id) == self.node_id:
            return
        with feature.owned():
            call = feature.call_of(me)
            if call is None or me not in call.members:
                return
            call.nodes[me] = self.node_id
            member = call.members[me]
            call.members[me] = member.model_copy(update={"connection": member.connection + 1, "publishing": False})
            feature.changed(call)

    def sweep(self, feature: CallsFeature, now: datetime) -> None:
        """Calls of people no node serves any more (a node was lost, or every node restarted) end for
        them; ended calls' rows go after a while."""
        self.forget_ended(now)
        offline = feature.presence
        absent = {p for c in feature.calls.values() for p in c.staff() | c.ringing
                  if offline.get(p).status is Status.OFFLINE}
        if absent and self.ready():
            with feature.owned():
                for person in absent:
                    if offline.get(person).status is Status.OFFLINE:
                        feature.leave(person, "connection_lost")


def _packed(frames: list[tuple[str, str]]) -> str:
    """The frames of a change for the relay: each payload once, with the people it goes to."""
    people: dict[str, list[str]] = {}
    for person, payload in frames:
        people.setdefault(payload, []).append(person)
    return json.dumps(list(people.items()))
