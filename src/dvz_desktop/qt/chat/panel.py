"""The chat panel: conversations with unread counts, the messages of the open one, writing, editing,
deleting, typing indicator and search. Messages are drawn as escaped rich text (see render.py)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from PySide6.QtCore import QPoint, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dvz_desktop.core.text_limits import measure
from dvz_desktop.protocol import MAX_CHAT_CHARS, ConversationKind
from dvz_desktop.services.chat import ChatClient, ChatMessage
from dvz_desktop.services.session import SessionError

from ..icons import icon
from ..lifetime import while_alive
from ..plain import plain_action_text, plain_label
from ..shell import theme
from .messages import MessageList
from .render import to_html

HISTORY_SHOWN = 200
TYPING_SHOWN_MS = 4000


class ChatPanel(QWidget):
    #: A dvz:// link in a message was clicked.
    dvzLinkActivated = Signal(str)
    failed = Signal(str)

    def __init__(self, chat: ChatClient, name_of: Callable[[str], str], room_name_of: Callable[[str], str],
                 run: Callable[[object], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chat = chat
        self._name_of = name_of
        self._room_name_of = room_name_of
        self._run = run  # runs a coroutine as an owned task that reports failures
        self.current: str | None = None
        self.conversations = QListWidget()
        self.conversations.setAccessibleName(self.tr("Gespräche"))
        self.conversations.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.conversations.itemActivated.connect(lambda item: self.open(item.data(Qt.ItemDataRole.UserRole)))
        self.conversations.itemClicked.connect(lambda item: self.open(item.data(Qt.ItemDataRole.UserRole)))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("In allen Nachrichten suchen …"))
        self.search.setAccessibleName(self.tr("Nachrichten suchen"))
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self._search)
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Suchergebnisse"))
        self.results.itemActivated.connect(self._open_result)
        self.results.itemClicked.connect(self._open_result)
        self.results.hide()
        self.empty = plain_label(self.tr("Noch keine Gespräche. Schreiben Sie Kolleginnen und Kollegen über die "
                                         "Personenliste an (Rechtsklick → „Nachricht schreiben“) oder öffnen Sie "
                                         "den Chat eines Raums über sein Menü auf dem Plan."))
        self.empty.setObjectName("emptyState")
        self.empty.setWordWrap(True)
        list_page = QWidget()
        list_layout = QVBoxLayout(list_page)
        list_layout.setContentsMargins(12, 4, 12, 12)
        list_layout.setSpacing(8)
        list_layout.addWidget(self.search)
        list_layout.addWidget(self.results)
        list_layout.addWidget(self.empty)
        list_layout.addWidget(self.conversations, 1)

        self.back = QToolButton()
        self.back.setIcon(icon("chevron-left", theme.current().text))
        self.back.setIconSize(QSize(20, 20))
        self.back.setAutoRaise(True)
        self.back.setToolTip(self.tr("Zurück zu allen Gesprächen"))
        self.back.setAccessibleName(self.tr("Zurück zu allen Gesprächen"))
        self.back.clicked.connect(self.show_list)
        self.title = plain_label()
        self.title.setAccessibleName(self.tr("Offenes Gespräch"))
        self.title.setStyleSheet("font-weight: 600;")
        header = QHBoxLayout()
        header.setSpacing(4)
        header.addWidget(self.back)
        header.addWidget(self.title, 1)
        self.messages = MessageList()
        self.messages.setAccessibleName(self.tr("Nachrichten"))
        self.messages.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.messages.customContextMenuRequested.connect(self._message_menu)
        self.messages.linkActivated.connect(self._link)
        self.typing_label = plain_label()
        self.typing_label.setAccessibleName(self.tr("Wer gerade schreibt"))
        self.typing_label.setProperty("muted", True)
        self.input = QLineEdit()
        self.input.setPlaceholderText(self.tr("Nachricht schreiben …"))
        self.input.setAccessibleName(self.tr("Nachricht"))
        # No maxLength: it would cut a long paste mid-word without a word. Over the limit the panel says
        # so and keeps everything (core.text_limits).
        self.input.returnPressed.connect(self.send_current)
        self.input.textEdited.connect(self._typed)
        self.input.textChanged.connect(self._check_length)
        self.too_long = plain_label()
        self.too_long.setWordWrap(True)
        self.too_long.setStyleSheet(f"color: {theme.current().danger};")
        self.too_long.hide()
        self.send_button = QPushButton(icon("send", theme.current().on_accent), self.tr("Senden"))
        self.send_button.setProperty("primary", True)
        self.send_button.clicked.connect(self.send_current)
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self.input, 1)
        row.addWidget(self.send_button)
        conversation_page = QWidget()
        conversation_layout = QVBoxLayout(conversation_page)
        conversation_layout.setContentsMargins(8, 0, 12, 12)
        conversation_layout.setSpacing(6)
        conversation_layout.addLayout(header)
        conversation_layout.addWidget(self.messages, 1)
        conversation_layout.addWidget(self.typing_label)
        conversation_layout.addWidget(self.too_long)
        conversation_layout.addLayout(row)
        self.pages = QStackedWidget()
        self.pages.addWidget(list_page)
        self.pages.addWidget(conversation_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self._editing: int | None = None
        #: Set by the desktop: opens the side panel the chat sits in.
        self.bring_forward: Callable[[], None] = lambda: None
        #: Set by the desktop: what a message's text can be opened in (launchers), as menu entries.
        self.offers: Callable[[str], list[tuple[str, Callable[[], None]]]] = lambda text: []
        self.menu: QMenu | None = None
        self._last_typing_sent = 0.0
        self._typing_timer = QTimer(self)
        self._typing_timer.setSingleShot(True)
        self._typing_timer.timeout.connect(lambda: self.typing_label.clear())
        chat.changed.connect(while_alive(self, self._changed))
        chat.conversations_changed.connect(while_alive(self, lambda _none: self.refresh_conversations()))
        chat.typing.connect(while_alive(self, self._someone_types))
        chat.refused.connect(while_alive(self, lambda item: self.failed.emit(item[1])))
        # Coming back to the window (or showing the chat) with a conversation open means reading it.
        app = QGuiApplication.instance()
        if app is not None:
            app.focusWindowChanged.connect(self._seen)
        self.refresh_conversations()

    # --- conversations ---

    def title_of(self, conv_id: str) -> str:
        state = self.chat.conversations.get(conv_id)
        if state is None:
            return conv_id
        info = state.info
        if info.kind is ConversationKind.ROOM and info.room_id:
            return self._room_name_of(info.room_id)
        others = [m for m in info.members if m != self.chat.me]
        return ", ".join(self._name_of(m) for m in others) or self.tr("Notizen an mich")

    def refresh_conversations(self) -> None:
        self.conversations.blockSignals(True)
        self.conversations.clear()
        for conv_id in sorted(self.chat.conversations, key=self.title_of):
            unread = self.chat.unread(conv_id)
            title = self.title_of(conv_id)
            item = QListWidgetItem(f"{title} ({unread})" if unread else title)
            item.setData(Qt.ItemDataRole.UserRole, conv_id)
            font = item.font()
            font.setBold(unread > 0)
            item.setFont(font)
            item.setData(Qt.ItemDataRole.AccessibleTextRole,
                         self.tr("%1, %2 ungelesen").replace("%1", title).replace("%2",
                                                                                  str(unread)) if unread else title)
            self.conversations.addItem(item)
            if conv_id == self.current:
                self.conversations.setCurrentItem(item)
        self.conversations.blockSignals(False)
        self.empty.setVisible(not self.chat.conversations)

    def show_conversation(self, conv_id: str) -> None:
        """Bring the chat (the side panel it sits in) forward with this conversation."""
        self.bring_forward()
        self.open(conv_id)

    def show_list(self) -> None:
        """Back to all conversations (the open one stays open for read-marking until another is chosen)."""
        self.pages.setCurrentIndex(0)
        self.conversations.setFocus()

    def open(self, conv_id: str) -> None:
        self.current = conv_id
        self.pages.setCurrentIndex(1)
        self.title.setText(self.title_of(conv_id))
        self._editing = None
        self.refresh_messages()
        self.refresh_conversations()
        if self.isVisible():
            self._run(self.chat.mark_read(conv_id))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._seen()

    def _seen(self, *_: object) -> None:
        """The open conversation is in front of me: what arrived in it is read."""
        conv_id = self.current
        if conv_id and self.chat.unread(conv_id) and self.isVisible() and self.window().isActiveWindow():
            self._run(self.chat.mark_read(conv_id))

    # --- messages ---

    def refresh_messages(self) -> None:
        at_end = self.messages.at_end()
        self.messages.clear()
        state = self.chat.conversations.get(self.current or "")
        if state is None:
            return
        for message in state.ordered()[-HISTORY_SHOWN:]:
            self._add_message(message)
        sending = self.tr("wird gesendet …")
        for entry in self.chat.pending_in(self.current or ""):
            self.messages.add(f"<i>{sending}</i><br>{to_html(entry.body)}", entry.body, None, mine=True)
        if at_end:
            self.messages.scroll_to_end()

    def _add_message(self, message: ChatMessage) -> None:
        who = self._name_of(message.sender_id)
        when = f"{message.at.astimezone():%H:%M}"
        deleted, edited = self.tr("Nachricht gelöscht"), self.tr("bearbeitet")
        if message.deleted:
            body = f"<i>{deleted}</i>"
        else:
            body = to_html(message.body) + (f" <i>({edited})</i>" if message.edited else "")
        muted = theme.current().text_muted
        mine = message.sender_id == self.chat.me
        head = f"<span style='color:{muted}'>{when}</span>" if mine else (
            f"<b>{to_html(who)}</b> <span style='color:{muted}'>{when}</span>")
        self.messages.add(f"{head}<br>{body}", f"{who}: {message.body}", message.position, mine=mine)

    def _link(self, url: str) -> None:
        if url.startswith("dvz://"):
            self.dvzLinkActivated.emit(url)
        elif url.startswith(("https://", "http://")):
            QDesktopServices.openUrl(QUrl(url))

    def message_texts(self) -> list[str]:
        """What the message list shows, as the labels hold it (tests and accessibility)."""
        return [label.text() for label in self.messages.labels()]

    def _changed(self, conv_id: str) -> None:
        if conv_id == self.current:
            self.refresh_messages()
            if self.isVisible() and self.window().isActiveWindow():
                self._run(self.chat.mark_read(conv_id))
        self.refresh_conversations()

    # --- writing ---

    def _length_problem(self) -> str:
        fit = measure(self.input.text(), MAX_CHAT_CHARS)
        if fit.fits:
            return ""
        return (self.tr("Zu lang für eine Nachricht: %1 Zeichen, höchstens %2. Bitte kürzen oder in mehreren "
                        "Nachrichten senden – es geht nichts verloren.")
                .replace("%1", str(fit.length)).replace("%2", str(fit.limit)))

    def _check_length(self, _text: str = "") -> None:
        problem = self._length_problem()
        self.too_long.setText(problem)
        self.too_long.setVisible(bool(problem))
        self.send_button.setEnabled(not problem)

    def send_current(self) -> None:
        text = self.input.text().strip()
        if not text or self.current is None:
            return
        problem = self._length_problem()
        if problem:
            self.failed.emit(problem)  # refused, and the text stays in the field
            return
        try:
            if self._editing is not None:
                self.chat.edit(self.current, self._editing, text)
                self._editing = None
            else:
                self.chat.send(self.current, text)
        except SessionError as exc:
            self.failed.emit(exc.message)
            return
        self.input.clear()
        self.input.setPlaceholderText(self.tr("Nachricht schreiben …"))
        self.refresh_messages()

    def _typed(self, _text: str) -> None:
        loop_time = asyncio.get_event_loop().time()
        if self.current and loop_time - self._last_typing_sent > 3:
            self._last_typing_sent = loop_time
            self._run(self.chat.typing_now(self.current))

    def _someone_types(self, item: tuple[str, str]) -> None:
        conv_id, person_id = item
        if conv_id == self.current:
            self.typing_label.setText(self.tr("%1 schreibt …").replace("%1", self._name_of(person_id)))
            self._typing_timer.start(TYPING_SHOWN_MS)

    def start_edit(self, position: int) -> None:
        state = self.chat.conversations.get(self.current or "")
        message = state.messages.get(position) if state else None
        if message is None or message.sender_id != self.chat.me or message.deleted:
            return
        self._editing = position
        self.input.setText(message.body)
        self.input.setPlaceholderText(self.tr("Nachricht bearbeiten …"))
        self.input.setFocus()

    def _message_menu(self, pos: QPoint) -> None:
        menu = self.menu_for(self.messages.position_at(pos))
        if menu is not None:
            menu.popup(self.messages.mapToGlobal(pos))

    def menu_for(self, position: int | None) -> QMenu | None:
        """A message's menu: open what it names (an Aktenzeichen in the eAkte …); edit or delete my own."""
        state = self.chat.conversations.get(self.current or "")
        message = state.messages.get(position) if state and position else None
        if message is None or message.deleted:
            return None
        menu = QMenu(self)
        for text, action in self.offers(message.body):
            menu.addAction(plain_action_text(text)).triggered.connect(action)
        if message.sender_id == self.chat.me:
            edit = QAction(self.tr("Bearbeiten"), menu)
            edit.triggered.connect(lambda: self.start_edit(position))
            delete = QAction(self.tr("Löschen"), menu)
            delete.triggered.connect(lambda: self.chat.delete(self.current or "", position))
            menu.addAction(edit)
            menu.addAction(delete)
        if menu.isEmpty():
            return None
        self.menu = menu
        return menu

    # --- search ---

    def _search(self) -> None:
        text = self.search.text().strip()
        if len(text) < 2:
            self.results.hide()
            return
        self._run(self._show_results(text))

    async def _show_results(self, text: str) -> None:
        hits = await self.chat.search(text)
        self.results.clear()
        for hit in hits:
            item = QListWidgetItem(f"{self.title_of(hit.conv_id)} · {self._name_of(hit.sender_id)}: {hit.body}")
            item.setData(Qt.ItemDataRole.UserRole, hit.conv_id)
            self.results.addItem(item)
        if not hits:
            self.results.addItem(self.tr("Nichts gefunden."))
        self.results.show()

    def _open_result(self, item: QListWidgetItem) -> None:
        conv_id = item.data(Qt.ItemDataRole.UserRole)
        if conv_id:
            self.results.hide()
            self.open(conv_id)
