"""The desk: the panels' arrangement comes back at the next start; click-to-dial and launchers hand
exactly the expected URI to the operating system (intercepted at that one edge)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from dvz_desktop.app import restore_layout, save_layout
from dvz_desktop.desktop import assemble_desktop

from .conftest import DemoOffice, FakeDevices, LoopRunner


@pytest.fixture
def opened(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    urls: list[str] = []
    import dvz_desktop.qt.desk.launchers_panel as launchers_panel
    import dvz_desktop.qt.desk.phone_panel as phone_panel

    def fake_open(url: str) -> bool:
        urls.append(url)
        return True

    monkeypatch.setattr(launchers_panel, "open_url", fake_open)
    monkeypatch.setattr(phone_panel, "open_url", fake_open)
    return urls


def test_dock_layout_is_saved_and_restored(demo_office: DemoOffice, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = demo_office.parts.window
    window.chat_dock.hide()
    window.removeDockWidget(window.tree_dock)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, window.tree_dock)
    window.tree_dock.show()
    state = save_layout(window)
    again = assemble_desktop(demo_office.session, set(), lambda f: None, outbox_dir=tmp_path / "o2",
                             media_factory=FakeDevices)
    qtbot.addWidget(again.window)
    assert again.window.dockWidgetArea(again.window.tree_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert restore_layout(again.window, state)
    again.window.show()
    assert again.window.dockWidgetArea(again.window.tree_dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert not again.window.chat_dock.isVisible()


def test_click_to_dial_hands_the_tel_uri_to_the_system(demo_office: DemoOffice, opened: list[str]) -> None:
    parts = demo_office.parts
    parts.window.people.dialRequested.emit("t.wagner")
    assert opened == ["tel:+495555900102"]
    assert "Thomas Wagner" in parts.phone.recent.item(0).text()
    parts.phone.number.setText("0555 123")
    parts.phone.dial_entered()
    assert opened[-1] == "tel:0555123"
    parts.phone.number.setText("0555; rm -rf")
    parts.phone.dial_entered()
    assert opened[-1] == "tel:0555123"  # refused, nothing handed over


def test_launchers_from_the_catalogue_open_encoded_urls(demo_office: DemoOffice, runner: LoopRunner,
                                                        opened: list[str]) -> None:
    panel = demo_office.parts.launchers
    assert [panel.list.item(i).text() for i in range(panel.list.count())][:2] == ["eAkte (Browser)", "eAkte (Anwendung)"]
    panel.launch("eakte-web")
    dialog = panel.dialog
    dialog.fields["aktenzeichen"].setText("63-2026-0815; rm -rf ~")
    dialog._check()  # noqa: SLF001
    assert "kein gültiger Wert" in dialog.error.text() and opened == []
    dialog.fields["aktenzeichen"].setText("63-2026-0815")
    dialog._check()  # noqa: SLF001
    runner.wait_until(lambda: opened, what="the URL to be handed over")
    assert opened == ["https://eakte.musterkreis.example/akte?az=63-2026-0815&benutzer=a.schneider"]
    panel.launch("ris")
    panel.dialog.fields["suchbegriff"].setText("Haushalt & Finanzen #2026")
    panel.dialog._check()  # noqa: SLF001
    runner.wait_until(lambda: len(opened) == 2, what="the search URL")
    assert opened[1] == "https://ris.musterkreis.example/suche?q=Haushalt%20%26%20Finanzen%20%232026"
