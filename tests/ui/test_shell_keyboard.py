"""The window by keyboard and screen reader: F6 walks the regions, the rail answers to Tab, arrows, Enter
and Space, every control says what it is, and counts are spoken, not only shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QWidget

from dvz_desktop.qt.shell.banners import Banner

from .conftest import DemoOffice, LoopRunner


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def inside(region: QWidget) -> bool:
    widget = focused()
    return widget is not None and (widget is region or region.isAncestorOf(widget))


def test_f6_walks_rail_plan_side_panel_and_status_line(demo_office: DemoOffice, runner: LoopRunner) -> None:
    window = demo_office.parts.window
    window.activateWindow()
    runner.wait_until(window.isActiveWindow, what="the window in front")
    assert inside(window.stage), "the keyboard starts on the plan"
    order = []
    for _ in range(4):
        QTest.keyClick(window, Qt.Key.Key_F6)
        order.append(next(name for name, region in (("rail", window.rail), ("stage", window.stage),
                                                    ("side", window.side), ("status", window.status_line))
                          if inside(region)))
    assert order == ["side", "status", "rail", "stage"]
    QTest.keyClick(window, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert inside(window.rail)
    # A banner (someone knocks) is a region of its own, right after the rail.
    demo_office.parts.shell.banners.put("test", Banner("Thomas Wagner klopft an (Büro 101)."))
    runner.wait_until(lambda: window.stage.banners.isVisible(), what="the banner")
    QTest.keyClick(window, Qt.Key.Key_F6)
    assert inside(window.stage.banners)


def test_the_rail_is_walked_with_arrows_and_chosen_with_enter(demo_office: DemoOffice, runner: LoopRunner) -> None:
    window = demo_office.parts.window
    window.activateWindow()
    runner.wait_until(window.isActiveWindow, what="the window in front")
    office = window.rail.entries["office"].button
    office.setFocus()
    QTest.keyClick(office, Qt.Key.Key_Down)
    chat = window.rail.entries["chat"].button
    assert focused() is chat
    QTest.keyClick(chat, Qt.Key.Key_Return)
    assert window.current_panel() == "chat"
    assert inside(window.side)  # the keyboard went with the panel
    assert isinstance(focused(), QLineEdit)  # to its first field (the search)
    QTest.keyClick(focused(), Qt.Key.Key_Escape)
    QTest.keyClick(window.side, Qt.Key.Key_Escape)
    assert window.current_panel() == ""


def test_every_control_of_the_shell_has_a_name_and_counts_are_spoken(demo_office: DemoOffice,
                                                                    runner: LoopRunner) -> None:
    window = demo_office.parts.window
    for key in window.side.keys():
        window.open_panel(key)
    nameless = [type(w).__name__ + ":" + w.text() for w in window.findChildren(QAbstractButton)
                if w.isVisibleTo(window) and not (w.accessibleName() or w.text().strip())]
    assert nameless == []
    window.rail.set_badge("chat", 3, "3 ungelesene Nachrichten")
    assert window.rail.entries["chat"].button.accessibleName() == "Chat, 3 ungelesene Nachrichten"
    window.rail.set_badge("chat", 0)
    assert window.rail.entries["chat"].button.accessibleName() == "Chat"
