"""The session panel ("Sitzung"): what everyone taking part sees — the current agenda item, the quorum,
who speaks with the countdown, the speaker list, the running vote and the results — and the member's
buttons (Wortmeldung, Zwischenfrage). The chair's controls (chair.py) sit below for the chair only.

The panel shows the session of the room I am in, or one I follow; with none, it says how to start one.
It gets what it shows and emits what the user means; the mount carries the commands out.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from dvz_desktop.core.council.attendance import Mode
from dvz_desktop.core.council.profiles import VoteKind, profile
from dvz_desktop.core.council.votes import refusal
from dvz_desktop.protocol import CouncilInfo
from dvz_desktop.services.council import Received

from .chair import ChairControls
from .words import words


def may_vote(info: CouncilInfo, me: str) -> str | None:
    """Why I cannot vote in the running vote (None: I can) — the backend's own rule."""
    vote, body = info.vote, info.body
    if vote is None or body is None:
        return "no_vote"
    if me in vote.voted:
        return "already_voted"
    modes = {p.person_id: Mode(p.mode) for p in info.present}
    voters = frozenset(body.members) - frozenset(body.advisory)
    return refusal(me, modes.get(me), voters, profile(body.profile), VoteKind(vote.kind), vote.election)


def is_chair(info: CouncilInfo, me: str) -> bool:
    """The body's chair, or a moderator of a session without a body."""
    return me == info.body.chair_id if info.body else me in info.moderators


class CouncilPanel(QWidget):
    #: raised, reply
    handRequested = Signal(bool, bool)
    voteRequested = Signal()
    startRequested = Signal()
    #: the chair's new order of the waiting hands
    reorderRequested = Signal(list)

    def __init__(self, me: str, name_of, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.me = me
        self._name_of = name_of
        self.received: Received | None = None
        self._filling = False
        self.empty = QLabel(self.tr("In diesem Raum läuft keine Sitzung. Wer eine Besprechung leitet oder ein "
                                    "Gremium führt, beginnt sie hier; dann erscheinen Redeliste, Zeit und "
                                    "Abstimmungen für alle im Raum."))
        self.empty.setWordWrap(True)
        self.start_button = QPushButton(self.tr("Sitzung beginnen …"))
        self.start_button.clicked.connect(self.startRequested)
        self.title = self._label(bold=True)
        self.body = self._label()
        self.quorum = self._label()
        self.quorum.setAccessibleName(self.tr("Beschlussfähigkeit"))
        self.item = self._label(bold=True)
        self.item.setAccessibleName(self.tr("Aktueller Tagesordnungspunkt"))
        self.floor = self._label(bold=True)
        self.floor.setObjectName("councilFloor")
        self.floor.setAccessibleName(self.tr("Redner und Redezeit"))
        self.timer = self._label()
        self.hands = QListWidget()
        self.hands.setAccessibleName(self.tr("Redeliste"))
        self.hands.setMinimumHeight(90)
        self.hands.setMaximumHeight(170)
        self.hands.model().rowsMoved.connect(self._moved)
        self.hand_button = QPushButton(self.tr("Wortmeldung"))
        self.hand_button.setCheckable(True)
        self.hand_button.clicked.connect(lambda checked: self.handRequested.emit(checked, False))
        self.reply_button = QPushButton(self.tr("Zwischenfrage"))
        self.reply_button.setToolTip(self.tr("Direkt auf den Vorredner antworten: kommt vor den Wortmeldungen dran"))
        self.reply_button.clicked.connect(lambda: self.handRequested.emit(True, True))
        self.vote_box = QFrame()
        self.vote_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.vote_label = self._label(bold=True)
        self.vote_count = self._label()
        self.vote_button = QPushButton(self.tr("Abstimmen …"))
        self.vote_button.clicked.connect(self.voteRequested)
        vote_layout = QVBoxLayout(self.vote_box)
        vote_layout.addWidget(self.vote_label)
        vote_layout.addWidget(self.vote_count)
        self.vote_reason = self._label()
        vote_layout.addWidget(self.vote_reason)
        vote_layout.addWidget(self.vote_button)
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Abstimmungsergebnisse"))
        self.results.setWordWrap(True)
        self.results.setMaximumHeight(120)
        for listing in (self.hands, self.results):
            listing.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            listing.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.losses = self._label()
        self.losses.setObjectName("councilLosses")
        self.chair = ChairControls()
        self.hands_heading = self._label(self.tr("Redeliste"), bold=True)
        self.results_heading = self._label(self.tr("Ergebnisse"), bold=True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.hand_button)
        buttons.addWidget(self.reply_button)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(8, 8, 8, 8)
        for widget in (self.empty, self.start_button, self.title, self.body, self.quorum, self.losses, self.item,
                       self.floor, self.timer, self.vote_box, self.hands_heading, self.hands):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addWidget(self.results_heading)
        layout.addWidget(self.results)
        layout.addWidget(self.chair)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # text wraps to the panel
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self.refresh_clocks)
        self.show_state(None)

    def _label(self, text: str = "", bold: bool = False) -> QLabel:
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.PlainText)  # titles and names come from people: text, never markup
        label.setWordWrap(True)
        if bold:
            font = label.font()
            font.setBold(True)
            label.setFont(font)
        return label

    # --- showing ---

    def show_state(self, received: Received | None, may_start: bool = False) -> None:
        self.received = received
        info = received.info if received is not None else None
        running = info is not None and info.ended_at is None
        self.empty.setVisible(not running)
        self.start_button.setVisible(not running and may_start)
        for widget in (self.title, self.body, self.quorum, self.item, self.floor, self.hands, self.hand_button,
                       self.reply_button, self.hands_heading):
            widget.setVisible(running)
        if not running or info is None:
            for widget in (self.timer, self.vote_box, self.results, self.results_heading, self.losses, self.chair):
                widget.setVisible(False)
            self._tick.stop()
            return
        chair = is_chair(info, self.me)
        self.title.setText(info.title)
        self.body.setText(self.tr("%1 · %2").replace("%1", info.body.name).replace("%2", words().profile(
            info.body.profile)) if info.body else self.tr("Besprechung mit Moderation"))
        quorate, line = words().quorum(info)
        self.quorum.setText(line)
        self.quorum.setVisible(bool(line))
        self.quorum.setProperty("warning", not quorate)
        item = info.agenda[info.current_item] if info.current_item is not None else None
        self.item.setText(self.tr("TOP %1: %2").replace("%1", item.number).replace("%2", item.title) if item
                          else self.tr("Kein Tagesordnungspunkt aufgerufen"))
        self._show_hands(info)
        self._show_vote(info)
        self.results.clear()
        for result in reversed(info.results[-5:]):
            QListWidgetItem(words().result(result), self.results)
        self.results.setVisible(bool(info.results))
        self.results_heading.setVisible(bool(info.results))
        self.losses.setVisible(chair and bool(info.losses or info.voided))
        lines = []
        if info.losses:
            names = ", ".join(self._name_of(loss.person_id) for loss in info.losses[-3:])
            text = self.tr("⚠ Verbindung unterbrochen: %1").replace("%1", names)
            if info.interrupt_advised:
                text += " " + self.tr("Nach dem Kommunalrecht darf die Sitzung erst fortgesetzt werden, wenn Bild und "
                                      "Ton wieder stehen.")
            lines.append(text)
        if info.voided:  # the server counting a vote was lost: its ballots are gone, the chair repeats it
            lines.append(self.tr("⚠ Die Abstimmung „%1“ ist ungültig: Der Server, der sie gezählt hat, ist "
                                 "ausgefallen. Bitte wiederholen Sie sie.").replace("%1", info.voided[-1].question))
        self.losses.setText("\n".join(lines))
        self.chair.setVisible(chair)
        if chair:
            self.chair.show_state(info, self._name_of)
        self.refresh_clocks()
        self._tick.start()

    def _moved(self, *_: object) -> None:
        if self._filling:
            return
        order = [self.hands.item(n).data(Qt.ItemDataRole.UserRole) for n in range(self.hands.count())]
        if all(order):
            self.reorderRequested.emit(order)

    def _show_hands(self, info: CouncilInfo) -> None:
        chair = is_chair(info, self.me)
        # The chair reorders the list by dragging (or with Ctrl+Up/Down, Qt's keyboard move).
        self.hands.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove if chair
                                   else QAbstractItemView.DragDropMode.NoDragDrop)
        self._filling = True  # rows added here are no reordering by the chair
        self.hands.clear()
        for n, hand in enumerate(info.hands, start=1):
            text = f"{n}. {self._name_of(hand.person_id)}"
            if hand.kind == "reply":
                text += f" – {words().hand(hand.kind)}"
            entry = QListWidgetItem(text, self.hands)
            entry.setData(Qt.ItemDataRole.UserRole, hand.person_id)
        if not info.hands:
            entry = QListWidgetItem(self.tr("Keine Wortmeldungen"), self.hands)
            entry.setFlags(Qt.ItemFlag.NoItemFlags)
        self._filling = False
        mine = next((h for h in info.hands if h.person_id == self.me), None)
        self.hand_button.setChecked(mine is not None)
        self.hand_button.setText(self.tr("Wortmeldung zurückziehen") if mine else self.tr("Wortmeldung"))
        present = any(p.person_id == self.me for p in info.present)
        self.hand_button.setEnabled(present)
        self.reply_button.setEnabled(present and (mine is None or mine.kind != "reply"))

    def _show_vote(self, info: CouncilInfo) -> None:
        vote = info.vote
        self.vote_box.setVisible(vote is not None)
        if vote is None:
            return
        self.vote_label.setText(self.tr("Abstimmung: %1").replace("%1", vote.question))
        self.vote_count.setText(f"{words().kind(vote.kind)} · {words().cast(vote.cast)}")
        reason = may_vote(info, self.me)
        self.vote_button.setEnabled(reason is None)
        # Why not, in a line that wraps (a long reason on the button would widen the panel).
        self.vote_reason.setText(words().refusal(reason) if reason is not None else "")
        self.vote_reason.setVisible(reason is not None)

    def refresh_clocks(self) -> None:
        received = self.received
        if received is None:
            return
        info = received.info
        floor = info.floor
        if floor is None:
            self.floor.setText(self.tr("Niemand hat das Wort"))
        else:
            left = received.remaining(floor.remaining_s)
            text = self.tr("Es spricht: %1").replace("%1", self._name_of(floor.person_id))
            if left is not None:
                text += " – " + (self.tr("Redezeit abgelaufen") if left == 0 else words().clock(left))
            self.floor.setText(text)
        timer = info.timer
        self.timer.setVisible(timer is not None)
        if timer is not None:
            left = received.remaining(timer.remaining_s) if timer.running else timer.remaining_s
            label = timer.label or (self.tr("Pause") if timer.kind == "break" else self.tr("Zeit für den TOP"))
            self.timer.setText(self.tr("%1: noch %2").replace("%1", label).replace("%2", words().clock(left)) +
                               ("" if timer.running else " " + self.tr("(angehalten)")))
        self.chair.refresh_clocks(received)
