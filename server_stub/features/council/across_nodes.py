"""Council sessions across the nodes of a cluster: one node runs a session, the others show it.

The owner (owners.py: a lease per session in the database) holds the session's live state, its clock and
the open vote's secret counts, and is the only one that changes it. Everything crosses nodes over the
cluster's relay (a Redis stream, ``cluster/presence.py``):

* ``council-state`` — after every change the owner sends the whole state (``CouncilInfo``); every other
  node keeps the latest one per session (a ``Remote``) and hands it to its own sockets of the session's
  audience (the audience is computed from presence, which every node has) and to its followers (hall
  displays stay with the node they are connected to).
* ``council-ask`` / ``council-reply`` — a command from a socket on another node goes to the owner with a
  request id; the owner carries it out as that person and sends back the answer (ack or error) and any
  frame for the asker (the minutes' draft), which the asking node writes to the socket. No reply within
  ``ASK_TIMEOUT_S`` (the owner was lost): ``council_moving``. Both are sealed for the node they go to
  (sealed.py): the stream keeps its entries, and a secret ballot must not stay readable in Redis.
* ``council-hello`` — a node without the state of a session (it started after the last change) asks the
  owner to send it again.

Once a second (``step``) each node renews its leases, gives up a session another node took (it stalled
longer than its lease), and takes every session whose owner's lease expired: the taker voids the vote that
was open (its counts were in the lost node's memory only — the same rule as a restart), closes the stays
the lost node had open and enters whoever is in the room now, and tells everyone.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dvz_desktop.core.council.session import Body
from dvz_desktop.protocol import CouncilInfo, CouncilState, ErrorCode

from ...feature import error_frame, new_id
from ...net.hub import Connection, Hub
from .audience import Audience
from .sealed import NodeKey, SealError, seal

if TYPE_CHECKING:
    from ...cluster.presence import ClusterPresence
    from .feature import CouncilFeature
    from .store import CouncilStore

log = logging.getLogger(__name__)

#: A command relayed to the owner that has no answer after this long is answered ``council_moving``.
ASK_TIMEOUT_S = 4.0
#: How often a node asks an owner again for a session's state it has not received.
HELLO_EVERY_S = 2.0

Relay = Callable[[str, str], None]


@dataclass
class Remote:
    """A session another node runs, as this node knows it: what decides its audience, and its last state."""

    session_id: str
    room_id: str
    moderators: frozenset[str]
    body: Body | None
    public: bool
    owner: str | None
    owner_key: str | None = None
    info: CouncilInfo | None = None
    asked_at: float = 0.0


@dataclass
class _Asked:
    conn: Connection
    command_id: str
    deadline: float


def _silent(_key: str, _payload: str) -> None:
    """Until ``wire``: a node without a cluster relays nothing."""


class CouncilNodes:
    def __init__(self, feature: CouncilFeature, store: CouncilStore, node_id: str, audience: Audience, hub: Hub
                 ) -> None:
        self.feature = feature
        self.key = NodeKey()
        self.leases = store.leases(node_id, self.key.public)
        self.node_id = node_id
        self.audience = audience
        self.hub = hub
        self.remotes: dict[str, Remote] = {}
        self._asked: dict[str, _Asked] = {}
        self._send_state: Relay = _silent
        self._send_ask: Relay = _silent
        self._send_reply: Relay = _silent
        self._send_hello: Relay = _silent
        #: Whether this node has read the cluster's presence (it takes sessions over only then).
        self.ready: Callable[[], bool] = lambda: False
        #: Told of every state of a session another node runs (the public's media follows it here too).
        self.listeners: list[Callable[[CouncilInfo], None]] = []

    def wire(self, cluster: ClusterPresence) -> None:
        self._send_state, self._send_ask = cluster.relay("council-state"), cluster.relay("council-ask")
        self._send_reply, self._send_hello = cluster.relay("council-reply"), cluster.relay("council-hello")
        cluster.relayed["council-state"] = self.deliver_state
        cluster.relayed["council-ask"] = self.deliver_ask
        cluster.relayed["council-reply"] = self.deliver_reply
        cluster.relayed["council-hello"] = self.deliver_hello
        self.ready = cluster.in_step.is_set

    # --- the owner's states ---

    def published(self, info: CouncilInfo) -> None:
        """This node changed a session it runs: the other nodes show the new state."""
        self._send_state(info.session_id, json.dumps({"owner": self.node_id, "key": self.key.public,
                                                      "info": info.model_dump_json()}))

    def deliver_state(self, session_id: str, payload: str) -> None:
        data = json.loads(payload)
        if session_id in self.feature.sessions:
            return  # an old owner's last word, or this node lost the session: the next renewal tells
        info = CouncilInfo.model_validate_json(data["info"])
        remote = self.remotes.get(session_id) or self._remote_from(info)
        remote.owner, remote.owner_key, remote.info = str(data["owner"]), str(data["key"]), info
        if info.ended_at is None:
            self.remotes[session_id] = remote
        else:
            self.remotes.pop(session_id, None)
        self.hub.broadcast(self.audience.of(remote), CouncilState(session=info).model_dump_json())
        if info.ended_at is not None:
            self.audience.forget_session(session_id)
        for listener in self.listeners:
            listener(info)

    def _remote_from(self, info: CouncilInfo) -> Remote:
        body = self.feature.bodies.get(info.body.body_id) if info.body is not None else None
        return Remote(info.session_id, info.room_id, frozenset(info.moderators), body, info.public, None)

    def _remote_from_store(self, session_id: str, owner: str | None, key: str | None) -> Remote | None:
        stored = self.feature.store.running(session_id)
        if not stored:
            return None
        row = stored[0]
        body = self.feature.bodies.get(row.body_id) if row.body_id else None
        remote = self.remotes[session_id] = Remote(session_id, row.room_id, row.moderators, body, row.public, owner,
                                                   key)
        return remote

    def find(self, session_id: str) -> Remote | None:
        """A session this node has not heard of yet (started elsewhere a moment ago; its state is on the
        way): from the database, with its owner."""
        if session_id in self.remotes:
            return self.remotes[session_id]
        leases = self.leases.running(session_id)
        return self._remote_from_store(session_id, leases[0].owner, leases[0].owner_key) if leases else None

    def find_in_room(self, room_id: str) -> Remote | None:
        """The session another node runs in the room, also one whose first state has not reached this node
        yet (a hand raised in its meeting right after it started): from the database then."""
        known = next((r for r in self.remotes.values() if r.room_id == room_id), None)
        if known is not None:
            return known
        session_id = self.feature.store.running_in_room(room_id)
        if session_id is None or session_id in self.feature.sessions:
            return None
        return self.find(session_id)

    def deliver_hello(self, owner: str, session_id: str) -> None:
        session = self.feature.sessions.get(session_id)
        if owner == self.node_id and session is not None:
            self.published(self.feature.info_of(session))

    # --- commands from sockets here for sessions run elsewhere ---

    def ask(self, conn: Connection, remote: Remote, command_id: str, msg_json: str) -> None:
        """Send a command to the session's owner; the answer comes with ``deliver_reply``."""
        if remote.owner is None or remote.owner == self.node_id or not remote.owner_key:
            self.hub.broadcast([conn], error_frame(ErrorCode.COUNCIL_MOVING, command_id))
            return
        request = new_id("q")
        self._asked[request] = _Asked(conn, command_id, time.monotonic() + ASK_TIMEOUT_S)
        self._send_ask(remote.owner, seal(remote.owner_key, json.dumps({
            "req": request, "from": self.node_id, "key": self.key.public, "user": conn.username, "msg": msg_json})))

    def tell(self, user: str, remote: Remote, msg_json: str) -> None:
        """A command on behalf of someone whose action arrived here by another way than a council socket
        (a hand raised in the meeting): to the owner, without waiting for its answer."""
        if remote.owner is not None and remote.owner != self.node_id and remote.owner_key:
            self._send_ask(remote.owner, seal(remote.owner_key, json.dumps({
                "req": new_id("t"), "from": self.node_id, "key": self.key.public, "user": user, "msg": msg_json})))

    def deliver_ask(self, owner: str, payload: str) -> None:
        if owner != self.node_id:
            return
        try:
            data: dict[str, Any] = json.loads(self.key.open(payload))
        except SealError:
            log.warning("a council command for an earlier run of this node was dropped (not sealed for this one)")
            return  # the asking node answers council_moving when its wait ends
        frames, answer = self.feature.answer_for(str(data["user"]), str(data["msg"]))
        reply = json.dumps({"req": data["req"], "frames": frames, "answer": answer})
        self._send_reply(str(data["from"]), seal(str(data["key"]), reply))

    def deliver_reply(self, node: str, payload: str) -> None:
        if node != self.node_id:
            return
        try:
            data: dict[str, Any] = json.loads(self.key.open(payload))
        except SealError:
            return  # a reply to an earlier run of this node
        asked = self._asked.pop(str(data["req"]), None)
        if asked is None:
            return  # answered council_moving already
        for frame in data["frames"]:
            self.hub.broadcast([asked.conn], str(frame))
        self.hub.broadcast([asked.conn], str(data["answer"]))

    def _expire_asks(self, now: float) -> None:
        for request, asked in list(self._asked.items()):
            if asked.deadline <= now:
                del self._asked[request]
                self.hub.broadcast([asked.conn], error_frame(ErrorCode.COUNCIL_MOVING, asked.command_id))

    # --- leases, once a second ---

    def step(self) -> None:
        now = time.monotonic()
        self._expire_asks(now)
        held = self.leases.renew()
        for session_id in [s for s in self.feature.sessions if s not in held]:
            log.warning("council session %s is run by another node now (this one stalled)", session_id)
            self.feature.give_up(session_id)
        if not self.ready():
            return  # presence not read yet: who is in a room is not known, so nothing is taken over
        running = set()
        for lease in self.leases.running():
            sid = lease.session_id
            running.add(sid)
            if sid in self.feature.sessions:
                continue
            if (lease.owner is None or lease.expired or lease.owner == self.node_id) and self.leases.take(sid):
                if lease.owner not in (None, self.node_id):
                    log.info("council session %s taken over from node %s", sid, lease.owner)
                self.remotes.pop(sid, None)
                self.feature.take_up(sid)
                continue
            remote = self.remotes.get(sid) or self._remote_from_store(sid, lease.owner, lease.owner_key)
            if remote is None:
                continue
            remote.owner, remote.owner_key = lease.owner, lease.owner_key
            if remote.info is None and lease.owner is not None and now - remote.asked_at >= HELLO_EVERY_S:
                remote.asked_at = now
                self._send_hello(lease.owner, sid)
        for sid in [s for s in self.remotes if s not in running]:
            del self.remotes[sid]  # ended (its last state was lost with its node)
            self.audience.forget_session(sid)
