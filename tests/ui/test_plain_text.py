"""Text from other people is plain text everywhere: a colleague (Thomas, a real second client) and a
guest send markup through every path that shows their words to Anna, and each shows it literally."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt, QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from websockets.asyncio.client import connect

from dvz_desktop.protocol import DoorState, InboxKind, KnockAnswer, KnockState, Status
from dvz_desktop.qt.behaviour.banners import KnockerStrip, QuestionBanner
from dvz_desktop.qt.calls.panel import VideoTile
from dvz_desktop.qt.plain import plain_tooltip
from dvz_desktop.qt.shell.tray import Tray
from dvz_desktop.services.behaviour import OfficeBehaviour
from dvz_desktop.services.chat import ChatClient
from dvz_desktop.services.session import Credentials, Session

from .conftest import DemoOffice, LoopRunner

MARKUP = '<b style="font-size:40pt;color:red">LAUT</b> <a href="https://evil.example/x">hier</a> & Co'
THOMAS_OFFICE = "kh-1-102"


def shown(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """What the user reads: the text itself, or, where Qt renders it as rich text, the rendering."""
    rich = text_format == Qt.TextFormat.RichText or (
        text_format == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text))
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def shown_label(label: QLabel) -> str:
    return shown(label.text(), label.textFormat())


@pytest.fixture
def thomas(demo_office: DemoOffice, runner: LoopRunner, tmp_path: Path) -> Iterator[tuple[Session, OfficeBehaviour,
                                                                                          ChatClient]]:
    session = Session(demo_office.url, Credentials(username="t.wagner", password="demo"))
    runner.run(session.start())
    yield session, OfficeBehaviour(session), ChatClient(session, tmp_path / "thomas.outbox")
    runner.run(session.stop())


@pytest.fixture
def notices(demo_office: DemoOffice, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Tray notices as the tray hands them to the system (this machine has no tray: its edge is faked)."""
    shown_notices: list[tuple[str, str]] = []
    monkeypatch.setattr(Tray, "available", staticmethod(lambda: True))
    monkeypatch.setattr("PySide6.QtWidgets.QSystemTrayIcon.supportsMessages", staticmethod(lambda: True))
    monkeypatch.setattr(demo_office.parts.tray.icon, "showMessage",
                        lambda title, body, *_: shown_notices.append((title, body)))
    return shown_notices


def test_markup_from_a_colleague_shows_literally_everywhere(
        demo_office: DemoOffice, runner: LoopRunner, thomas: tuple[Session, OfficeBehaviour, ChatClient],
        notices: list[tuple[str, str]]) -> None:
    parts = demo_office.parts
    session, behaviour, chat = thomas
    parts.tray.notices_read_markup = False  # Qt's own balloon and Windows: plain text as it is

    # A quick question: the banner and the tray notice.
    runner.run(behaviour.ask("a.schneider", MARKUP))
    runner.wait_until(lambda: any(isinstance(b, QuestionBanner) for b in parts.shell.banners.banners.values()),
                      what="the question banner")
    banner = next(b for b in parts.shell.banners.banners.values() if isinstance(b, QuestionBanner))
    assert MARKUP in shown_label(banner.label)
    runner.wait_until(lambda: any(MARKUP in body for _, body in notices), what="the tray notice of the question")

    # His status note: people list, building tree, map tooltip.
    runner.run(session.set_status(Status.AVAILABLE, MARKUP))
    runner.wait_until(lambda: parts.bridge.model.presence_of("t.wagner").note == MARKUP, what="Thomas' note")
    parts.bridge.flush_now()
    assert MARKUP in parts.people.panel.row_text("t.wagner")  # rows are painted as text, never as markup
    avatar = parts.map.current_scene().avatars["t.wagner"]
    assert MARKUP in shown(avatar.toolTip())

    # His door note on the map, and the answer to Anna's knock in her strip.
    runner.run(session.move(THOMAS_OFFICE))
    runner.run(behaviour.set_door(THOMAS_OFFICE, DoorState.LOCKED, MARKUP[:100]))
    room = parts.map.current_scene().rooms[THOMAS_OFFICE]
    runner.wait_until(lambda: MARKUP[:100] in shown(room.toolTip()), what="the door note in the room's tooltip")
    runner.run(behaviour.set_door(THOMAS_OFFICE, DoorState.CLOSED))
    runner.wait_until(lambda: parts.behaviour.door_of(THOMAS_OFFICE).state is DoorState.CLOSED, what="closed door")
    knocks: list = []
    behaviour.knock_changed.connect(knocks.append)
    runner.run(parts.behaviour.go_to(THOMAS_OFFICE))
    runner.wait_until(lambda: any(k.state is KnockState.RINGING for k in knocks), what="the knock at Thomas")
    runner.run(behaviour.answer_knock(knocks[-1].knock_id, KnockAnswer.NOT_NOW, None, MARKUP))
    runner.wait_until(lambda: any(isinstance(b, KnockerStrip) and MARKUP in b.label.text()
                                  for b in parts.shell.banners.banners.values()), what="the answer in Anna's strip")
    strip = next(b for b in parts.shell.banners.banners.values() if isinstance(b, KnockerStrip))
    assert MARKUP in shown_label(strip.label)

    # A chat message: the message list and the tray notice.
    conv = runner.run(chat.open_direct("a.schneider"))
    chat.send(conv, MARKUP)
    runner.wait_until(lambda: parts.chat.client.unread(conv) == 1, what="the message at Anna")
    runner.wait_until(lambda: sum(MARKUP in body for _, body in notices) >= 2, what="the chat notice")
    parts.window.open_panel("chat")
    parts.chat.panel.open(conv)
    message = parts.chat.panel.messages.labels()[0]
    assert MARKUP in shown_label(message)

    # A note at her door (Verpasst) and the list of quick questions.
    demo_office.backend.inbox.add("a.schneider", InboxKind.DOOR_MESSAGE, room_id="kh-1-101",
                                  text=MARKUP)
    runner.wait_until(lambda: any(i.text == MARKUP for i in parts.behaviour.inbox.values()), what="the inbox item")
    parts.presenter.open_inbox()
    inbox = parts.presenter.dialog
    assert any(MARKUP in inbox.list.item(i).text() for i in range(inbox.list.count()))
    inbox.reject()
    parts.presenter.open_questions()
    questions = parts.presenter.dialog
    assert any(MARKUP in questions.list.item(i).text() for i in range(questions.list.count()))
    questions.reject()

    # Nothing anywhere renders it: every label that holds it shows the characters.
    holding = [w for w in QApplication.allWidgets() if isinstance(w, QLabel) and "evil.example" in w.text()]
    assert len(holding) >= 3
    for label in holding:
        assert MARKUP in shown_label(label) or MARKUP[:100] in shown_label(label), label.text()


def test_a_notification_server_that_reads_markup_gets_it_escaped(demo_office: DemoOffice,
                                                                notices: list[tuple[str, str]]) -> None:
    demo_office.parts.tray.notices_read_markup = True  # KDE, GNOME with AppIndicator, dunst …
    demo_office.parts.tray.notify("Kurze Frage", MARKUP)
    (_title, body), = notices
    document = QTextDocument()
    document.setHtml(body)  # what such a server renders
    assert document.toPlainText() == MARKUP


def test_a_guest_name_in_the_door_dock_and_names_in_tiles_dialogs_and_tooltips(
        demo_office: DemoOffice, runner: LoopRunner, qtbot) -> None:  # type: ignore[no-untyped-def]
    parts = demo_office.parts
    port = demo_office.url.split(":")[2].split("/")[0]
    guest = runner.run(connect(f"ws://127.0.0.1:{port}/gast", origin=f"http://127.0.0.1:{port}"))  # type: ignore[arg-type]
    runner.run(guest.send(json.dumps({"type": "guest_join", "desk_id": "buergerbuero", "name": MARKUP[:60],
                                      "concern": MARKUP, "privacy_accepted": True})))
    queue = parts.door_panel.queue

    def guest_rows() -> list[str]:
        return [queue.item(i).text() for i in range(queue.count()) if MARKUP[:60] in queue.item(i).text()]

    runner.wait_until(lambda: bool(guest_rows()), what="the guest in the queue")
    assert MARKUP in guest_rows()[0]
    parts.door_panel.admit_first()
    runner.wait_until(lambda: parts.door_panel.current is not None, what="the visit")
    assert MARKUP in shown_label(parts.door_panel.visit_title)
    runner.run(guest.close())

    tile = VideoTile(MARKUP)  # the name is painted as text: markup can never take effect there
    qtbot.addWidget(tile)
    assert tile.name == MARKUP and tile.accessibleName() == MARKUP
    assert shown(plain_tooltip(MARKUP)) == MARKUP and shown(plain_tooltip("Sachgebiet 1.2")) == "Sachgebiet 1.2"

    from dvz_desktop.qt.dialogs import inform

    task = asyncio.ensure_future(inform(parts.window, "DVZ Desktop", MARKUP), loop=runner.loop)
    runner.wait_until(lambda: parts.window.findChild(QMessageBox) is not None, what="the message box")
    box = parts.window.findChild(QMessageBox)
    assert shown(box.text(), box.textFormat()) == MARKUP
    box.accept()
    runner.run(asyncio.wait_for(task, 10))
