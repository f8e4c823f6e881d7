"""Cluster mode: one node owns each meeting's room on the media server (core/meeting_owner.py).

The owner is named in the call's shared state (``_Call.sfu_node``: the node's id and a random part, so
a node restarted under the same id is a new owner) and holds a lease in ``meeting_owners``. Whichever
node gives the call a new room (its fifth member or first guest arrived there, or the media server came
back there) claims it inside that change, under the calls' lock. Every second each node renews the
leases of the meetings it drives (while it is connected to the media server) and looks for meetings
whose owner's lease ran out; it takes such a meeting over in one change of the call, under the same
lock, after checking the lease again there: a new room (``sfu_epoch`` + 1), in which every member
publishes anew. The old owner, if it still runs, sees the new owner in the call and closes its room.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import Callable
from datetime import datetime

from dvz_desktop.core.meeting_owner import RENEW_EVERY_S, forgotten, lease_for, takes_over
from dvz_desktop.core.meetings import Media

from ...db import DatabaseError
from ..calls.feature import CallsFeature, _Call
from .store import OwnerStore

log = logging.getLogger(__name__)


class MeetingOwnership:
    def __init__(self, calls: CallsFeature, store: OwnerStore, node_id: str, now: Callable[[], datetime]) -> None:
        self.calls = calls
        self.store = store
        self.now = now
        #: This node's name as an owner: its id, and a part new with every start.
        self.me = f"{node_id}/{secrets.token_hex(4)}"

    def owns(self, call: _Call) -> bool:
        return call.sfu_node == self.me

    def claim(self, call: _Call) -> None:
        """The call gets a new room made by this node (inside the change that gives it the room)."""
        call.sfu_node = self.me
        self.store.claim(call.call_id, lease_for(self.me, self.now()), call.sfu_epoch)

    @staticmethod
    def _on_media_server(call: _Call) -> bool:
        return call.mode is Media.SFU and not call.sfu_lost and not call.ended

    async def run(self, media_server_up: Callable[[], bool]) -> None:
        while True:
            await asyncio.sleep(RENEW_EVERY_S)  # the lease's pace, not a wait for a condition
            try:
                self.tick(media_server_up())
            except DatabaseError as exc:
                log.warning("meetings: leases not renewed or checked (%s); trying again", type(exc).__name__)

    def tick(self, media_server_up: bool) -> None:
        """Renew this node's leases; take over meetings whose owner's lease ran out."""
        now = self.now()
        mine = [c.call_id for c in self.calls.calls.values() if self.owns(c) and self._on_media_server(c)]
        if mine and media_server_up:
            self.store.renew(self.me, mine, lease_for(self.me, now).until)
        leases = self.store.leases()
        stale = [call_id for call_id, lease in leases.items() if forgotten(lease, now)]
        if stale:
            self.store.forget(stale)
        if not media_server_up:
            return  # it could not make a room: another node takes the meeting over
        due = [c.call_id for c in self.calls.calls.values()
               if takes_over(self.me, self._on_media_server(c), c.sfu_node, leases.get(c.call_id), now)]
        if due:
            self._take_over(due)

    def _take_over(self, due: list[str]) -> None:
        with self.calls.owned():  # the calls as the database holds them, under the calls' lock
            now = self.now()
            for call_id in due:
                call = self.calls.calls.get(call_id)
                if call is None or not takes_over(self.me, self._on_media_server(call), call.sfu_node,
                                                  self.store.lease(call_id), now):
                    continue  # another node was quicker, or the owner renewed after all
                log.info("meetings: call %s taken over from a node whose lease ran out", call_id)
                call.sfu_epoch += 1  # a new room: everyone publishes anew
                for key, member in call.members.items():
                    if member.publishing:
                        call.members[key] = member.model_copy(update={"publishing": False})
                self.claim(call)
                self.calls.changed(call)
