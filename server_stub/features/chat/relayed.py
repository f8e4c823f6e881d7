"""Chat across the nodes of a cluster: a node's sockets get every conversation's events in position order,
whichever node committed them, read from the database after what this node delivered last."""

from __future__ import annotations

import asyncio
import logging

from dvz_desktop.protocol import ChatEvents

from ...db import DatabaseError
from .store import ChatStore

log = logging.getLogger(__name__)

#: Events read (and sent) at once when a client catches up.
SYNC_CHUNK = 200


class RelayedDelivery:
    """Part of ``ChatFeature``: what another node committed, delivered to the sockets here."""

    store: ChatStore
    #: Per conversation, the last position delivered to this node's sockets (cluster mode).
    _delivered: dict[str, int]
    _subscribers: dict[str, set[str]]
    #: Conversations (and the first position) committed here whose events could not be read back for this
    #: node's sockets: the database went away right after the commit. The writer's loop tries again.
    _late: dict[str, int]

    def _deliver(self, conv_id: str, payload: str) -> None:
        raise NotImplementedError

    def deliver_relayed(self, conv_id: str, first_position: str) -> None:
        """Another node committed events of ``conv_id`` from ``first_position`` on: deliver them to the
        members with sockets here (who follows the conversation is read again: another node may have
        added someone)."""
        self._subscribers.pop(conv_id, None)
        self._deliver_committed(conv_id, int(first_position))

    async def reread_relayed(self) -> None:
        """The other nodes' news may have been lost (Redis lost its data): what was committed after what
        this node delivered last is read from the database and delivered, conversation by conversation
        (a query each; the loop gets a turn after every few)."""
        for n, (conv_id, delivered) in enumerate(list(self._delivered.items()), 1):
            self._subscribers.pop(conv_id, None)
            self._deliver_committed(conv_id, delivered + 1)
            if n % 20 == 0:
                await asyncio.sleep(0)

    def _deliver_committed(self, conv_id: str, first_position: int) -> None:
        """Cluster mode: this node's sockets get a conversation's events in position order, gap-free,
        whichever node wrote them and in whatever order the news arrives — read from the database after
        what this node delivered last (a later position committed here may overtake an earlier one
        written on another node whose news is still on its way; the read brings both, in order)."""
        delivered = self._delivered.get(conv_id, first_position - 1)
        events = self.store.events_after(conv_id, delivered, SYNC_CHUNK)
        while events:
            delivered = events[-1].position
            self._deliver(conv_id, ChatEvents(conv_id=conv_id, events=tuple(events)).model_dump_json())
            events = self.store.events_after(conv_id, delivered, SYNC_CHUNK) if len(events) == SYNC_CHUNK else []
        self._delivered[conv_id] = delivered

    def deliver_after_commit(self, conv_id: str, first_position: int) -> None:
        """What this node just committed, to its own sockets; the database gone right after the commit
        delays it, it does not lose it (nor stop the writer)."""
        try:
            self._deliver_committed(conv_id, first_position)
        except DatabaseError:
            log.warning("committed chat events are delivered here once the database answers again")
            self._late.setdefault(conv_id, first_position)

    def deliver_late(self) -> None:
        for conv_id, first_position in list(self._late.items()):
            try:
                self._deliver_committed(conv_id, first_position)
            except DatabaseError:
                return
            del self._late[conv_id]
