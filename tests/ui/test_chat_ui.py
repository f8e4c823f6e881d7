"""The chat panel against the real backend with a second real client: sending, unread counts in the
conversation list, the people panel and the tray, editing, and HTML shown as text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from dvz_desktop.protocol import Move
from dvz_desktop.services.chat import ChatClient
from dvz_desktop.services.session import Credentials, Session

from .conftest import DemoOffice, LoopRunner


@pytest.fixture
def thomas_chat(demo_office: DemoOffice, runner: LoopRunner, tmp_path: Path) -> Iterator[ChatClient]:
    session = Session(demo_office.url, Credentials(username="t.wagner", password="demo"))
    runner.run(session.start())
    yield ChatClient(session, tmp_path / "thomas.outbox")
    runner.run(session.stop())


def test_unread_counts_then_reading_and_answering(demo_office: DemoOffice, runner: LoopRunner,
                                                  thomas_chat: ChatClient) -> None:
    parts = demo_office.parts
    conv = runner.run(thomas_chat.open_direct("a.schneider"))
    thomas_chat.send(conv, "Hast du kurz Zeit?")
    thomas_chat.send(conv, "Es geht um den Haushalt.")
    runner.wait_until(lambda: parts.chat.client.unread(conv) == 2, what="two unread at Anna")
    panel = parts.chat.panel
    titles = [panel.conversations.item(i).text() for i in range(panel.conversations.count())]
    assert "Thomas Wagner (2)" in titles
    runner.wait_until(lambda: parts.people.panel.unread.get("t.wagner") == 2, what="the badge in the people panel")
    entry = parts.people.panel.row_text("t.wagner")
    assert "2 ungelesene Nachrichten" in entry
    assert parts.tray.unread == 2 and "2 ungelesene Nachrichten" in parts.tray.unread_action.text()

    parts.window.open_panel("chat")
    panel.open(conv)
    assert any("Hast du kurz Zeit?" in t for t in panel.message_texts())
    runner.wait_until(lambda: parts.chat.client.unread(conv) == 0, what="read after opening")
    panel.input.insert("Ja, komm rüber.")  # QTest.keyClicks only types ASCII
    QTest.keyClick(panel.input, Qt.Key.Key_Return)
    assert panel.input.text() == ""
    runner.wait_until(lambda: any(m.body == "Ja, komm rüber."
                                  for m in thomas_chat.conversations[conv].messages.values()),
                      what="the answer at Thomas")
    runner.wait_until(lambda: parts.tray.unread == 0, what="the tray count to clear")


def test_html_in_a_message_is_shown_literally(demo_office: DemoOffice, runner: LoopRunner,
                                              thomas_chat: ChatClient) -> None:
    parts = demo_office.parts
    conv = runner.run(thomas_chat.open_direct("a.schneider"))
    thomas_chat.send(conv, '<b>fett</b> und <script>alert("x")</script>')
    runner.wait_until(lambda: parts.chat.client.unread(conv) == 1, what="the message at Anna")
    parts.window.open_panel("chat")
    parts.chat.panel.open(conv)
    label = parts.chat.panel.messages.labels()[0]
    assert "&lt;b&gt;fett&lt;/b&gt;" in label.text() and "&lt;script&gt;" in label.text()
    assert "<script>" not in label.text()
    # What the user sees on screen is the literal text.
    plain = label.grab()  # rendered without executing or styling anything
    assert not plain.isNull()
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(label.text())
    assert '<b>fett</b> und <script>alert("x")</script>' in document.toPlainText()


def test_editing_my_message_updates_it_for_the_other_side(demo_office: DemoOffice, runner: LoopRunner,
                                                          thomas_chat: ChatClient) -> None:
    parts = demo_office.parts
    for session in (demo_office.session, thomas_chat._session):  # a room's chat is for the people inside
        runner.run(session.command(Move(id=session.next_id(), room_id="kh-1-kueche")))
    conv = runner.run(parts.chat.client.open_room("kh-1-kueche"))
    runner.run(thomas_chat.open_room("kh-1-kueche"))
    panel = parts.chat.panel
    parts.window.open_panel("chat")
    panel.open(conv)
    QTest.keyClicks(panel.input, "Kaffee um 10")
    QTest.keyClick(panel.input, Qt.Key.Key_Return)
    runner.wait_until(lambda: len(parts.chat.client.conversations[conv].messages) == 1, what="my message stored")
    position = next(iter(parts.chat.client.conversations[conv].messages))
    panel.start_edit(position)
    assert panel.input.text() == "Kaffee um 10"
    panel.input.setText("Kaffee um 10:30")
    QTest.keyClick(panel.input, Qt.Key.Key_Return)
    runner.wait_until(lambda: thomas_chat.conversations[conv].messages.get(position) is not None
                      and thomas_chat.conversations[conv].messages[position].body == "Kaffee um 10:30",
                      what="the edit at Thomas")
    assert thomas_chat.conversations[conv].messages[position].edited
    runner.wait_until(lambda: any("bearbeitet" in t for t in panel.message_texts()), what="'bearbeitet' shown")


def test_search_from_the_panel(demo_office: DemoOffice, runner: LoopRunner, thomas_chat: ChatClient) -> None:
    parts = demo_office.parts
    conv = runner.run(thomas_chat.open_direct("a.schneider"))
    thomas_chat.send(conv, "Akte Müller liegt im Bürgeramt")
    runner.wait_until(lambda: parts.chat.client.unread(conv) == 1, what="the message at Anna")
    panel = parts.chat.panel
    parts.window.open_panel("chat")
    panel.search.insert("bürgeramt")
    QTest.keyClick(panel.search, Qt.Key.Key_Return)
    runner.wait_until(lambda: panel.results.count() > 0 and "Müller" in panel.results.item(0).text(),
                      what="the search result")


def test_a_paste_over_the_limit_is_kept_whole_and_refused_with_a_word(demo_office: DemoOffice,
                                                                    runner: LoopRunner) -> None:
    parts = demo_office.parts
    panel = parts.chat.panel
    conv = runner.run(parts.chat.client.open_direct("t.wagner"))
    parts.window.open_panel("chat")
    panel.open(conv)
    words = ("Sehr geehrte Damen und Herren, anbei die Stellungnahme zum Bauantrag. " * 70).strip()
    assert len(words) > 4000
    panel.input.insert(words)  # as a paste does
    assert panel.input.text() == words  # nothing cut, not even mid-word
    assert panel.too_long.isVisibleTo(panel) and f"{len(words)} Zeichen, höchstens 4000" in panel.too_long.text()
    assert not panel.send_button.isEnabled()
    reasons: list[str] = []
    panel.failed.connect(reasons.append)
    QTest.keyClick(panel.input, Qt.Key.Key_Return)
    assert reasons and "Zu lang" in reasons[0]
    assert panel.input.text() == words and parts.chat.client.pending_in(conv) == []
    panel.input.setText(words[:3990])
    assert not panel.too_long.isVisibleTo(panel) and panel.send_button.isEnabled()
    QTest.keyClick(panel.input, Qt.Key.Key_Return)
    runner.wait_until(lambda: any(m.body == words[:3990].strip()
                                  for m in parts.chat.client.conversations[conv].messages.values()),
                      what="the shortened message sent")


def test_the_unread_badge_goes_when_i_come_back_to_the_open_conversation(
        demo_office: DemoOffice, runner: LoopRunner, thomas_chat: ChatClient, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    parts = demo_office.parts
    conv = runner.run(thomas_chat.open_direct("a.schneider"))
    runner.wait_until(lambda: conv in parts.chat.client.conversations, what="the conversation at Anna")
    parts.chat.panel.show_conversation(conv)
    parts.window.activateWindow()
    runner.wait_until(lambda: parts.window.isActiveWindow(), what="Anna's window in front")
    elsewhere = QWidget()  # another program in front of DVZ
    qtbot.addWidget(elsewhere)
    elsewhere.show()
    elsewhere.activateWindow()
    runner.wait_until(lambda: not parts.window.isActiveWindow(), what="Anna away from the window")
    thomas_chat.send(conv, "Kannst du kurz drüberschauen?")
    runner.wait_until(lambda: parts.chat.client.unread(conv) == 1, what="unread while Anna looks elsewhere")
    runner.wait_until(lambda: parts.people.panel.unread.get("t.wagner") == 1, what="the badge")
    parts.window.activateWindow()  # back at DVZ, the conversation open in front of her
    runner.wait_until(lambda: parts.chat.client.unread(conv) == 0, what="read on coming back")
    runner.wait_until(lambda: parts.people.panel.unread.get("t.wagner", 0) == 0 and parts.tray.unread == 0,
                      what="the badges gone")

    parts.window.close_panel()  # the chat put away, the conversation still open in it
    thomas_chat.send(conv, "Und noch etwas.")
    runner.wait_until(lambda: parts.chat.client.unread(conv) == 1, what="unread while the chat is away")
    parts.window.open_panel("chat")
    runner.wait_until(lambda: parts.chat.client.unread(conv) == 0, what="read on showing the chat")


def test_a_room_chat_shows_what_was_written_while_i_was_inside(demo_office: DemoOffice, runner: LoopRunner,
                                                               thomas_chat: ChatClient) -> None:
    """Opening a room's chat shows its history as far as it is mine (docs/privacy.md): what was written
    while I was in the room, not what came before I walked in; search finds the same."""
    parts = demo_office.parts
    thomas = thomas_chat._session
    runner.run(thomas.command(Move(id=thomas.next_id(), room_id="kh-1-kueche")))
    kitchen = runner.run(thomas_chat.open_room("kh-1-kueche"))
    thomas_chat.send(kitchen, "Vorher geschrieben")
    runner.run(thomas_chat.flush())
    me = demo_office.session
    runner.run(me.command(Move(id=me.next_id(), room_id="kh-1-kueche")))
    thomas_chat.send(kitchen, "Kuchen steht bereit")
    runner.run(thomas_chat.flush())
    parts.window.open_panel("chat")
    parts.presenter.roomChatRequested.emit("kh-1-kueche")  # "Raumchat" on the map
    panel = parts.chat.panel
    runner.wait_until(lambda: panel.current == kitchen
                      and any("Kuchen steht bereit" in t for t in panel.message_texts()),
                      what="the room chat with the message written while I was inside")
    assert not any("Vorher geschrieben" in t for t in panel.message_texts())
    hits = runner.run(parts.chat.client.search("Kuchen Vorher"))
    assert hits == ()
    assert [h.body for h in runner.run(parts.chat.client.search("Kuchen"))] == ["Kuchen steht bereit"]
