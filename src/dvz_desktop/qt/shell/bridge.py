"""Turns session events into Qt signals and keeps the client's office model.

Presence updates arrive in bursts (hundreds of people in the morning); they are applied to the model at
once but announced to the widgets at most every ``COALESCE_MS``, so the map repaints once per burst.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from dvz_desktop.core.office import OfficeModel
from dvz_desktop.protocol import Presence, Welcome
from dvz_desktop.services.session import Session, SessionState, StateChange

COALESCE_MS = 50


class OfficeBridge(QObject):
    #: A new office model after a (re)connect: widgets rebuild from it.
    officeReset = Signal()
    #: Person ids whose presence changed since the last emission.
    presenceChanged = Signal(set)
    #: (state value, German message)
    connectionChanged = Signal(str, str)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model: OfficeModel | None = None
        self._layout: object = None
        self._dirty: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COALESCE_MS)
        self._timer.timeout.connect(self._flush)
        session.welcomed.connect(self._on_welcome)
        session.presence_changed.connect(self._on_presence)
        session.state_changed.connect(self._on_state)
        if session.welcome is not None:
            self._on_welcome(session.welcome)

    def _on_welcome(self, welcome: Welcome) -> None:
        same_layout = self.model is not None and self._layout == welcome.office
        if same_layout and self.model is not None:
            self._dirty |= self.model.replace_presence(welcome.presence)
            self._schedule()
            return
        self._layout = welcome.office
        self.model = OfficeModel(welcome.office, welcome.me, welcome.presence)
        self._dirty.clear()
        self.officeReset.emit()

    def _on_presence(self, updates: tuple[Presence, ...]) -> None:
        if self.model is None:
            return
        self._dirty |= self.model.apply(updates)
        self._schedule()

    def _schedule(self) -> None:
        if self._dirty and not self._timer.isActive():
            self._timer.start()

    def _flush(self) -> None:
        if self._dirty:
            changed, self._dirty = self._dirty, set()
            self.presenceChanged.emit(changed)

    def flush_now(self) -> None:
        """Deliver pending changes immediately (used before a screenshot and by tests)."""
        self._timer.stop()
        self._flush()

    def _on_state(self, change: StateChange) -> None:
        self.connectionChanged.emit(change.state.value, change.message)

    def name_of(self, person_id: str | None) -> str:
        """A person's display name (their id while the office is not known yet)."""
        person = self.model.people.get(person_id or "") if self.model else None
        return person.display_name if person else (person_id or "")

    def room_name(self, room_id: str) -> str:
        ref = self.model.rooms.get(room_id) if self.model else None
        return ref.room.name if ref else room_id

    def my_room(self) -> str | None:
        return self.model.presence_of(self.model.me).room_id if self.model else None

    @property
    def connected(self) -> bool:
        return self.session.state is SessionState.CONNECTED
