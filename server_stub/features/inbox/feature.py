"""The inbox as a feature: other features add entries (facts, never sentences); ``dismiss_inbox`` removes
them; the welcome brings what is still there; old entries go after 30 days."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from dvz_desktop.core.clock import Clock
from dvz_desktop.protocol import DismissInbox, InboxAdded, InboxItem, InboxKind, InboxSubject

from ...feature import Command, Feature, WelcomePart, ack, new_id
from ...net.hub import Connection, Hub
from .store import InboxStore


class InboxFeature(Feature):
    name = "inbox"

    def __init__(self, store: InboxStore, hub: Hub, clock: Clock) -> None:
        self.store = store
        self.hub = hub
        self.clock = clock
        #: Cluster mode: shows an entry on the person's sockets at the other nodes (person, payload).
        self.elsewhere: Callable[[str, str], None] = lambda person_id, payload: None

    def commands(self) -> Sequence[Command[Any]]:
        return (Command(DismissInbox, self.dismiss),)

    def add(self, person_id: str, kind: InboxKind, *, from_id: str | None = None, room_id: str | None = None,
            text: str = "", handled_by: str | None = None, subject: InboxSubject | None = None, outcome: str = "",
            answer: str = "", guest_name: str = "", contact: str = "", note: str = "") -> InboxItem:
        """Put an entry into ``person_id``'s inbox and show it on their open sockets."""
        item = InboxItem(item_id=new_id("i"), kind=kind, at=self.clock.now(), from_id=from_id, room_id=room_id,
                         text=text, handled_by=handled_by, subject=subject.value if subject else "", outcome=outcome,
                         answer=answer, guest_name=guest_name, contact=contact, note=note)
        self.store.add(person_id, item)
        payload = InboxAdded(items=(item,)).model_dump_json()
        self.hub.send_to(person_id, payload)
        self.elsewhere(person_id, payload)
        return item

    def dismiss(self, conn: Connection, msg: DismissInbox) -> str:
        self.store.dismiss(conn.username, msg.item_ids)
        return ack(msg.id)

    def welcome(self, conn: Connection) -> WelcomePart:
        return WelcomePart({"inbox": tuple(self.store.inbox_of(conn.username))})

    def housekeep(self, now: datetime) -> None:
        self.store.purge(now)
