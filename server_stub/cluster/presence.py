"""Presence between the nodes of a cluster, in Redis (cluster mode only: ``--redis``).

Every node keeps the whole picture in its own ``PresenceBoard`` (a login's snapshot and the fan-out to
its sockets stay local and cheap); Redis holds what the nodes share:

* ``dvz:presence:events`` — a stream of every change, each entry with the node it came from. Every node
  reads it from where it left off (``XREAD BLOCK``), so a node that lost Redis for a while catches up
  with what it missed as far as the stream reaches (kept to ``STREAM_LENGTH`` entries); after a Redis
  restart (the stream is gone) it reads the whole current state again.
* ``dvz:presence:state`` — a hash person → current presence of everyone online; a starting node reads it.
* ``dvz:presence:epoch`` — a random mark set by the first node that reads an empty Redis. A node whose
  mark is gone or different (checked with every heartbeat) knows Redis lost what the nodes had written
  (restarted without persistence, flushed, failed over to an empty replica) even when the client's own
  retries hid the restart: it writes its people anew and reads the state again. Events another node
  wrote just before the loss and this node had not read yet are gone with the stream; the rewrite
  brings their outcome back.
* ``dvz:presence:nodes:<person>`` — the nodes where a person has sockets: their last socket closing on
  one node makes them offline only when no other node holds one.
* ``dvz:node:<node>`` — a heartbeat key with an expiry (``HEARTBEAT_TTL_S``) refreshed every second,
  ``dvz:node:<node>:people`` the people with sockets there, ``dvz:nodes`` the set of nodes. When a node's
  heartbeat has expired (it was killed or cut off), the first node to take ``dvz:reap:<node>`` (``SET NX``)
  makes its people offline unless another node holds them: within about ``HEARTBEAT_TTL_S`` + 1 s.

A change a person's own command made carries the socket it came from (net/acting.py): a node holding a
newer socket of that login takes it for late (sent on a socket the client had given up, carried out by a
busy node after the client reconnected), does not follow it and says its own presence again.

A change of this node's board goes to Redis in order through one writer task; a change read from
another node is applied to the board (which tells this node's sockets and features) without going back
to Redis. Redis unreachable: the node keeps serving its own sockets, the writer retries, and once Redis
answers again the node writes its people anew and reads the state it missed.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import Awaitable, Callable
from typing import Any

from redis import asyncio as aioredis
from redis.exceptions import RedisError

from dvz_desktop.core.events import report_failure
from dvz_desktop.core.tasks import TaskSet
from dvz_desktop.protocol import Presence, Status

from ..db import DatabaseError
from ..feature import Feature
from ..features.presence.board import PresenceBoard
from ..net.acting import acting
from .keys import (
    EPOCH,
    EVENTS,
    HEARTBEAT_S,
    HEARTBEAT_TTL_S,
    NODES,
    REBUILD_GRACE_S,
    RELAY,
    RETRY_S,
    STATE,
    STREAM_LENGTH,
    cancelled,
    default_node_id,
    node_key,
    people_key,
    where_key,
)

log = logging.getLogger(__name__)

class ClusterPresence(Feature):
    name = "cluster-presence"

    def __init__(self, board: PresenceBoard, redis_url: str, node_id: str,
                 has_local_sockets: Callable[[str], bool],
                 newest_socket: Callable[[str, str], int] = lambda person_id, client_id: 0) -> None:
        self.board = board
        self.node_id = node_id or default_node_id()
        self._redis: aioredis.Redis = aioredis.from_url(redis_url, decode_responses=True,
                                                        socket_connect_timeout=2, socket_timeout=5,
                                                        health_check_interval=5)
        self._has_local_sockets = has_local_sockets
        #: When this node's newest open socket of a person's login was opened (``Hub.newest_socket``).
        self._newest_socket = newest_socket
        #: Told of a node that stopped answering, once its people are reaped (meetings: its guests leave).
        self.node_lost: list[Callable[[str], None]] = []
        self._outbox: asyncio.Queue[tuple[str, Any]] = asyncio.Queue()
        self._applying = False
        self._last_id = "$"
        self._relay_id = "$"
        #: Per kind of relayed event, what delivers it on this node (``ChatFeature.deliver_relayed``).
        self.relayed: dict[str, Callable[[str, str], None]] = {}
        #: Relayed events whose delivery failed, tried again with the next read (``_deliver``).
        self._undelivered: list[tuple[Callable[[str, str], None], str, str]] = []
        #: What each feature reads again from the database after Redis lost its data: the relayed news
        #: of the other nodes that this node had not read yet are gone with the stream.
        self.after_data_loss: list[Callable[[], Awaitable[None]]] = []
        #: Set once the node has read the shared state (and again after Redis came back).
        self.in_step = asyncio.Event()
        #: The Redis epoch mark this node read last (None: not read yet).
        self._epoch: str | None = None
        self._tasks = TaskSet()

    # --- this node's changes go to Redis ---

    def on_presence(self, presence: Presence) -> None:
        if self._applying:
            return  # read from another node: not written back
        by = acting.get()
        if by is not None and by.person_id == presence.person_id:
            # Their own command (or login) did it: the others can tell whether it came late (_apply).
            self._outbox.put_nowait(("change-by", (presence, by.client_id, by.opened)))
        else:
            self._outbox.put_nowait(("change", presence))

    def relay(self, kind: str) -> Callable[[str, str], None]:
        """A function that sends (key, payload) of ``kind`` to the other nodes, in order."""
        return lambda key, payload: self._outbox.put_nowait(("relay", (kind, key, payload)))

    def join(self, person_id: str) -> None:
        """A socket of ``person_id`` opened on this node (they may be online through another already)."""
        self._outbox.put_nowait(("join", person_id))

    def leave(self, person_id: str) -> None:
        """This node's last socket of ``person_id`` closed: offline unless another node holds one."""
        self._outbox.put_nowait(("leave", person_id))

    async def _write(self, kind: str, item: Any) -> None:
        redis = self._redis
        if kind == "relay":
            relayed_kind, key, payload = item
            await redis.xadd(RELAY, {"node": self.node_id, "kind": relayed_kind, "key": key, "payload": payload},
                             maxlen=STREAM_LENGTH, approximate=True)
            return
        if kind == "join":
            async with redis.pipeline(transaction=True) as pipe:
                pipe.sadd(where_key(str(item)), self.node_id)
                pipe.sadd(people_key(self.node_id), str(item))
                await pipe.execute()
            return
        if kind == "leave":
            person_id = str(item)
            if self._has_local_sockets(person_id):
                return  # came back meanwhile
            async with redis.pipeline(transaction=True) as pipe:
                pipe.srem(where_key(person_id), self.node_id)
                pipe.srem(people_key(self.node_id), person_id)
                pipe.scard(where_key(person_id))
                *_, elsewhere = await pipe.execute()
            if elsewhere:
                return  # still connected through another node
            self.board.go_offline(person_id)  # tells this node, and (through on_presence) the others
            return
        fields = {"node": self.node_id}
        if kind == "change-by":
            presence, client_id, opened = item
            fields |= {"client": client_id, "opened": str(opened)}
        else:
            presence = item
        payload = presence.model_dump_json()
        async with redis.pipeline(transaction=True) as pipe:
            pipe.xadd(EVENTS, fields | {"presence": payload}, maxlen=STREAM_LENGTH, approximate=True)
            if presence.status is Status.OFFLINE:
                pipe.hdel(STATE, presence.person_id)
            else:
                pipe.hset(STATE, presence.person_id, payload)
                if self._has_local_sockets(presence.person_id):
                    pipe.sadd(where_key(presence.person_id), self.node_id)
                    pipe.sadd(people_key(self.node_id), presence.person_id)
            await pipe.execute()

    async def _writer(self) -> None:
        while not cancelled():
            kind, item = await self._outbox.get()
            while True:
                try:
                    await self._write(kind, item)
                    break
                except (RedisError, OSError):
                    if cancelled():
                        raise
                    log.warning("Redis unreachable; presence is kept and written once it answers")
                    self.in_step.clear()
                    await asyncio.sleep(RETRY_S)
                except Exception as exc:  # a bug in one item must not stop this node's writing for good
                    if cancelled():
                        raise
                    report_failure(f"writing presence ({kind}) to Redis", exc)
                    break

    # --- the other nodes' changes come from Redis ---

    def _gone(self, person_id: str) -> Presence:
        """Offline, as a change read from another node would say it."""
        return self.board.get(person_id).model_copy(update={"status": Status.OFFLINE, "room_id": None})

    def _apply(self, presence: Presence, client_id: str = "", opened: int = 0) -> None:
        """A change read from another node; ``client_id``/``opened``: the socket whose command made it."""
        self._applying = True
        try:
            if presence.status is Status.OFFLINE and self._has_local_sockets(presence.person_id):
                # Still here: this node's sockets keep them online. Said so again, for the other nodes
                # took them for gone (a node reaped this node's people just as it came back, or the
                # person's other node closed its last socket): their presence is this node's.
                self._outbox.put_nowait(("change", self.board.get(presence.person_id)))
                return
            if client_id and self._newest_socket(presence.person_id, client_id) > opened:
                # Late: a command the client sent on a socket it gave up, carried out on the other node
                # after the client had reconnected here (net/acting.py). What the client did since
                # stands, and is said again so the other node takes it back too.
                log.info("a late presence change from a socket given up for a newer one here; not applied")
                self._outbox.put_nowait(("change", self.board.get(presence.person_id)))
                return
            self.board.apply(presence)
        except Exception as exc:
            # A feature failed to follow it. Not tried again (unlike relayed events): the board holds it
            # already, and a later try would put an older presence over a newer one; nor may it stop the
            # reader, or this node would stop hearing the others at all.
            report_failure("a presence change from another node", exc)
        finally:
            self._applying = False

    async def _catch_up(self) -> None:
        """Read the shared state (start, or Redis back after a loss) and write this node's people."""
        redis = self._redis
        await redis.set(EPOCH, secrets.token_hex(8), nx=True)
        epoch = str(await redis.get(EPOCH))
        rebuilding = self._epoch is not None and epoch != self._epoch
        if rebuilding:
            log.warning("Redis lost the shared presence (restarted without its data?); this node writes "
                        "its people anew")
        self._epoch = epoch
        last: Any = await redis.xrevrange(EVENTS, count=1)
        self._last_id = str(last[0][0]) if last else "0-0"
        if self._relay_id == "$":  # the first time; after a Redis loss the stream reads on where it was
            relayed: Any = await redis.xrevrange(RELAY, count=1)
            self._relay_id = str(relayed[0][0]) if relayed else "0-0"
        state = {str(k): str(v) for k, v in (await redis.hgetall(STATE)).items()}
        for payload in state.values():
            presence = Presence.model_validate_json(payload)
            if not self._has_local_sockets(presence.person_id):
                self._apply(presence)
        for person_id in self.board.online_people():
            if self._has_local_sockets(person_id):
                self._outbox.put_nowait(("change", self.board.get(person_id)))
            elif person_id not in state and not rebuilding:
                self._apply(self._gone(person_id))
        if rebuilding:
            # The other nodes are writing their people anew (they notice the loss within a heartbeat);
            # who is still missing after that was on a node that died meanwhile.
            self._tasks.spawn(self._settle_after_rebuild(epoch), name="dvz-cluster-settle")
            for reread in self.after_data_loss:
                self._tasks.spawn(self._reread(reread), name="dvz-cluster-reread")
        self.in_step.set()

    @staticmethod
    async def _reread(reread: Callable[[], Awaitable[None]]) -> None:
        try:
            await reread()
        except DatabaseError:
            log.warning("the database is away; what other nodes wrote reaches this node with their next news")

    async def _settle_after_rebuild(self, epoch: str) -> None:
        await asyncio.sleep(REBUILD_GRACE_S)
        try:
            if self._epoch != epoch or await self._redis.get(EPOCH) != epoch:
                return  # lost again meanwhile: that catch-up settles
            online = set(await self._redis.hkeys(STATE))
        except (RedisError, OSError):
            return  # the reader notices and catches up again
        for person_id in self.board.online_people():
            if person_id not in online and not self._has_local_sockets(person_id):
                self._apply(self._gone(person_id))

    def _deliver(self, deliver: Callable[[str, str], None], key: str, payload: str) -> None:
        """Hand a relayed event to its feature; one that fails (the database away for a moment while chat
        reads what another node committed) is tried again with the next read, not lost, and never stops
        the reader."""
        try:
            deliver(key, payload)
        except Exception as exc:
            log.warning("an event from another node could not be delivered yet (%s); trying again",
                        type(exc).__name__)
            self._undelivered.append((deliver, key, payload))

    async def _reader(self) -> None:
        while not cancelled():
            for waiting in self._undelivered[:]:
                self._undelivered.remove(waiting)
                self._deliver(*waiting)
            try:
                if not self.in_step.is_set():
                    await self._catch_up()
                answer: Any = await self._redis.xread({EVENTS: self._last_id, RELAY: self._relay_id},
                                                      block=1000, count=500)
            except (RedisError, OSError):
                if cancelled():
                    raise
                self.in_step.clear()
                await asyncio.sleep(RETRY_S)
                continue
            except Exception as exc:  # never deaf for good: read the shared state again
                if cancelled():
                    raise
                report_failure("reading the other nodes' presence", exc)
                self.in_step.clear()
                await asyncio.sleep(RETRY_S)
                continue
            for stream, entries in answer or ():
                for entry_id, fields in entries:
                    if stream == RELAY:
                        self._relay_id = entry_id
                        handler = self.relayed.get(fields.get("kind", ""))
                        if fields.get("node") != self.node_id and handler is not None:
                            self._deliver(handler, fields["key"], fields["payload"])
                        continue
                    self._last_id = entry_id
                    if fields.get("node") != self.node_id:
                        self._apply(Presence.model_validate_json(fields["presence"]), fields.get("client", ""),
                                    int(fields.get("opened", 0)))

    # --- heartbeats, and the people of nodes that died ---

    async def _heartbeat(self) -> None:
        redis = self._redis
        while not cancelled():
            try:
                async with redis.pipeline(transaction=False) as pipe:
                    pipe.set(node_key(self.node_id), "1", ex=HEARTBEAT_TTL_S)
                    pipe.sadd(NODES, self.node_id)
                    pipe.smembers(NODES)
                    pipe.get(EPOCH)
                    *_, nodes, epoch = await pipe.execute()
                if self.in_step.is_set() and epoch != self._epoch:
                    self.in_step.clear()  # Redis lost its data: the reader catches up (_catch_up)
                else:
                    for node in nodes:
                        if node != self.node_id and not await redis.exists(node_key(node)):
                            await self._reap(node)
            except (RedisError, OSError):
                if cancelled():
                    raise
                # the reader and writer say so; heartbeats resume by themselves
            await asyncio.sleep(HEARTBEAT_S)

    async def _reap(self, node: str) -> None:
        redis = self._redis
        if not await redis.set(f"dvz:reap:{node}", self.node_id, nx=True, ex=30):
            return  # another node does it
        people = {str(p) for p in await redis.smembers(people_key(node))}
        log.info("node %s stopped answering; %d people it served are checked", node, len(people))
        for person_id in people:
            async with redis.pipeline(transaction=True) as pipe:
                pipe.srem(where_key(person_id), node)
                pipe.scard(where_key(person_id))
                _, elsewhere = await pipe.execute()
            if not elsewhere and not self._has_local_sockets(person_id):
                gone = self._gone(person_id)
                self._apply(gone)
                self._outbox.put_nowait(("change", gone))
        await redis.delete(people_key(node))
        await redis.srem(NODES, node)
        for listener in self.node_lost:
            listener(node)
        # Done: the same node dying again (restarted under its id, killed once more) is reaped again.
        await redis.delete(f"dvz:reap:{node}")

    # --- Feature ---

    async def run(self) -> None:
        self._tasks.spawn(self._writer(), name="dvz-cluster-writer")
        self._tasks.spawn(self._heartbeat(), name="dvz-cluster-heartbeat")
        await self._reader()
        raise asyncio.CancelledError  # the reader only returns when a cancellation was swallowed below it

    def close(self) -> None:
        self._tasks.cancel()

    async def aclose(self) -> None:
        """Leave the cluster cleanly (a stopped node's people go offline at once, not after expiry)."""
        self._tasks.cancel()
        await self._tasks.idle()
        try:
            while not self._outbox.empty():
                await self._write(*self._outbox.get_nowait())
            for person_id in await self._redis.smembers(people_key(self.node_id)):
                await self._write("leave", person_id)
            while not self._outbox.empty():  # the offline changes those made
                await self._write(*self._outbox.get_nowait())
            await self._redis.delete(node_key(self.node_id))
            await self._redis.srem(NODES, self.node_id)
        except (RedisError, OSError):
            log.warning("Redis unreachable while leaving the cluster; the others notice by the heartbeat")
        await self._redis.aclose()
