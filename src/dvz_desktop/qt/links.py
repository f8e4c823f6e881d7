"""Following ``dvz://`` links from outside the window: a browser, an e-mail, a second start, a
colleague's chat message. Such a link never acts by itself: walking into a room (or knocking), ringing a
colleague and joining an appointment are noticed by others (``core.links.needs_confirmation``), so a
banner above the map asks first, without blocking anything else; only "Anrufen"/"Hingehen" acts."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from dvz_desktop.core.links import LinkAction, LinkError, LinkKind, needs_confirmation, parse_link
from dvz_desktop.core.office import OfficeModel
from dvz_desktop.protocol import DoorState

from .shell.banners import Banner, BannerArea

log = logging.getLogger(__name__)

KEY = "link"


class LinkBanner(Banner):
    """What a link asks for, with a button that does it and one that lets it be."""

    confirmed = Signal(object)  # the LinkAction
    dismissed = Signal()

    def __init__(self, action: LinkAction, text: str, act: str, parent: QWidget | None = None) -> None:
        super().__init__(text, kind="mine", parent=parent)
        self.action = action
        self.go = self.button(act)
        self.cancel = self.button(self.tr("Abbrechen"), self.tr("Link nicht folgen"))
        self.go.clicked.connect(lambda: self.confirmed.emit(self.action))
        self.cancel.clicked.connect(self.dismissed)


class LinkFollower(QObject):
    """Asks in the window before a link acts; one question at a time (a newer link replaces it)."""

    def __init__(self, banners: BannerArea, model: Callable[[], OfficeModel | None],
                 name_of: Callable[[str], str], room_name_of: Callable[[str], str],
                 door_of: Callable[[str], DoorState], move: Callable[[str], None], call: Callable[[str], None],
                 report: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._banners = banners
        self._model = model
        self._name_of = name_of
        self._room_name_of = room_name_of
        self._door_of = door_of
        self._move = move
        self._call = call
        self._report = report

    def ask_text(self, link: str) -> None:
        """A link as text (clicked in a chat message)."""
        try:
            action = parse_link(link)
        except LinkError as exc:
            self._report(str(exc))
            return
        self.ask(action)

    def ask(self, action: LinkAction) -> None:
        model = self._model()
        if model is None:
            return
        question = self._question(action, model)
        if question is None:
            return
        if not needs_confirmation(action):
            self._follow(action)
            return
        log.info("link awaits confirmation: %s %s", action.kind.value, action.target)
        text, act = question
        banner = LinkBanner(action, text, act)
        banner.confirmed.connect(self._follow)
        banner.dismissed.connect(lambda: self._banners.remove(KEY))
        self._banners.put(KEY, banner)

    def _question(self, action: LinkAction, model: OfficeModel) -> tuple[str, str] | None:
        """The sentence and the button for ``action``; None (and a message) where it cannot be followed."""
        if action.kind is LinkKind.CALL_PERSON:
            if action.target not in model.people:
                self._report(self.tr("Diese Person ist im Verzeichnis nicht zu finden."))
                return None
            if action.target == model.me:
                self._report(self.tr("Der Link würde Sie selbst anrufen."))
                return None
            return (self.tr("Ein Link möchte %1 anrufen.").replace("%1", self._name_of(action.target)),
                    self.tr("Anrufen"))
        if action.target not in model.rooms:
            self._report(self.tr("Diesen Raum gibt es nicht, oder Sie können ihn nicht sehen."))
            return None
        room = self._room_name_of(action.target)
        if action.kind is LinkKind.JOIN_APPOINTMENT:
            return self.tr("Ein Link lädt Sie zum Termin in %1 ein.").replace("%1", room), self.tr("Beitreten")
        closed = self._door_of(action.target) in (DoorState.CLOSED, DoorState.LOCKED)
        return (self.tr("Ein Link möchte Sie in %1 bringen.").replace("%1", room),
                self.tr("Anklopfen") if closed else self.tr("Hingehen"))

    def _follow(self, action: LinkAction) -> None:
        self._banners.remove(KEY)
        log.info("following link: %s %s", action.kind.value, action.target)
        if action.kind is LinkKind.CALL_PERSON:
            self._call(action.target)
        else:
            self._move(action.target)
