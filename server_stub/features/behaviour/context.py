"""What the office-behaviour handlers share: directory, presence, sockets, storage, the inbox, time and
the absences with their deputies."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from dvz_desktop.core.clock import Clock
from dvz_desktop.core.deputies import Absences, Recipient
from dvz_desktop.protocol import ErrorCode

from ...directory.visibility import Directory
from ...feature import Refused
from ...net.hub import Hub
from ..inbox.feature import InboxFeature
from ..presence.board import PresenceBoard
from .store import BehaviourStore


@dataclass
class BehaviourContext:
    directory: Directory
    presence: PresenceBoard
    hub: Hub
    store: BehaviourStore
    inbox: InboxFeature
    clock: Clock
    absences: Absences = field(default_factory=Absences)
    #: Tells the other nodes of a cluster (kind, payload) what changed here; they take it over and tell
    #: their sockets (``BehaviourFeature.deliver_relayed``). Nothing to do on a single node.
    elsewhere: Callable[[str, str], None] = lambda kind, payload: None

    def now(self) -> datetime:
        return self.clock.now()

    def route(self, person_id: str) -> Recipient:
        """Who receives what is meant for ``person_id`` today: they, or their deputy while they are away."""
        return self.absences.route(person_id, self.now().date())

    def require_person(self, viewer_id: str, person_id: str) -> None:
        """Unknown and invisible people are indistinguishable: nobody learns who exists elsewhere."""
        if not self.directory.can_see_person(viewer_id, person_id):
            raise Refused(ErrorCode.UNKNOWN_PERSON)
