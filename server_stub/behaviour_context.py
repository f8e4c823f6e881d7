"""What the office-behaviour handlers share: directory, presence, sockets, storage, time, absences."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime

from dvz_desktop.core.clock import Clock
from dvz_desktop.core.deputies import Absences, Recipient
from dvz_desktop.protocol import Error, ErrorCode, InboxAdded, InboxItem, InboxKind, Status, error_texts

from .behaviour_store import BehaviourStore
from .directory import Directory
from .hub import Hub
from .presence import PresenceBoard


class Refused(Exception):
    """A command is refused with an error code (answered as an ``error`` frame)."""

    def __init__(self, code: ErrorCode) -> None:
        super().__init__(code.value)
        self.code = code


def error_frame(code: ErrorCode, reply_to: str | None = None, **extra: int) -> str:
    """The ``error`` frame answering a command, with the German and English text of its code."""
    de, en = error_texts(code)
    return Error(reply_to=reply_to, code=code.value, message_de=de, message_en=en, **extra).model_dump_json()


@dataclass
class BehaviourContext:
    directory: Directory
    presence: PresenceBoard
    hub: Hub
    store: BehaviourStore
    clock: Clock
    absences: Absences = field(default_factory=Absences)

    def now(self) -> datetime:
        return self.clock.now()

    @staticmethod
    def new_id(prefix: str) -> str:
        # Random, not counting: ids cannot be guessed to answer someone else's knock or question.
        return f"{prefix}{secrets.token_urlsafe(9)}"

    def reachable(self, person_id: str) -> bool:
        """Online and not hiding ("als offline anzeigen" means: do not ring me)."""
        p = self.presence.get(person_id)
        return p.status is not Status.OFFLINE and not p.appear_offline

    def disturbable(self, person_id: str) -> bool:
        return self.presence.get(person_id).status is not Status.DO_NOT_DISTURB

    def route(self, person_id: str) -> Recipient:
        return self.absences.route(person_id, self.now().date())

    def require_person(self, viewer_id: str, person_id: str) -> None:
        """Unknown and invisible people are indistinguishable: nobody learns who exists elsewhere."""
        if not self.directory.can_see_person(viewer_id, person_id):
            raise Refused(ErrorCode.UNKNOWN_PERSON)

    def to_inbox(self, person_id: str, kind: InboxKind, *, from_id: str | None = None, room_id: str | None = None,
                 text: str = "", handled_by: str | None = None) -> InboxItem:
        item = InboxItem(item_id=self.new_id("i"), kind=kind, at=self.now(), from_id=from_id, room_id=room_id,
                         text=text, handled_by=handled_by)
        self.store.add_inbox(person_id, item)
        self.hub.send_to(person_id, InboxAdded(items=(item,)).model_dump_json())
        return item
