"""The digital door on several nodes (cluster mode): what one node tells the others.

The queue is the database's (``guest_visits``); each node keeps a copy per desk and reads it again when
another node says the desk changed (``DoorService.refresh``), and every few seconds anyway. Admitting is
one ``UPDATE … WHERE state='waiting'``: two clerks on two nodes pressing "Nächsten hereinbitten" at once
get two different guests (or one of them none). A guest's socket is on one node, their clerk perhaps on
another: what is meant for the guest goes to the node that holds the socket (``guest``, ``guest-end``,
``guest-close`` when the guest came back through another node), what is meant for the clerk to the
clerk's sockets everywhere (``clerk``). The node holding a guest's socket notes so in the row
(``guest_seen_at``, with every housekeeping round); a guest no node has held for ``GUEST_GRACE`` (their
node died and they did not come back) has left, and whichever node finds it first ends the visit.
"""

from __future__ import annotations

import json
import logging

from .service import DoorService

log = logging.getLogger(__name__)


class SharedDoor:
    def __init__(self, door: DoorService) -> None:
        self.door = door

    def deliver_relayed(self, kind: str, payload: str) -> None:
        """What another node said (``DoorService.elsewhere``), carried out for this node's sockets."""
        try:
            self._deliver(kind, payload)
        except Exception:  # one bad event must not stop the cluster's reader
            log.exception("a door event from another node (%s) could not be applied", kind)

    def _deliver(self, kind: str, payload: str) -> None:
        door = self.door
        if kind == "desk":
            desk = door.desks.get(payload)
            if desk is not None:
                door.refresh(desk)
                door.publish(desk)
            return
        if kind == "guest-close":  # the guest came back through another node: this tab is the old one
            link = door.guests.pop(payload, None)
            if link is not None:
                link.close()
            return
        said = json.loads(payload)
        if kind == "clerk":
            door.hub.send_to(said["clerk"], said["frame"])
        elif kind == "guest":
            link = door.guests.get(said["visit_id"])
            if link is not None:
                link.send(said["frame"])
        elif kind == "guest-end":
            door.gone_since.pop(said["visit_id"], None)
            link = door.guests.pop(said["visit_id"], None)
            if link is not None:
                link.send(said["frame"])
                link.close()
