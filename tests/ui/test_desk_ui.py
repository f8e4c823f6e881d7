"""The desk: the panels' arrangement comes back at the next start; click-to-dial and launchers hand
exactly the expected URI to the operating system (intercepted at that one edge)."""

from __future__ import annotations

import pytest

from dvz_desktop.app import restore_layout, save_layout
from dvz_desktop.desktop import assemble_desktop

from .conftest import DemoOffice, FakeDevices, LoopRunner


@pytest.fixture
def opened(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    urls: list[str] = []
    import dvz_desktop.qt.launchers.panel as launchers_panel
    import dvz_desktop.qt.phone.panel as phone_panel

    def fake_open(url: str) -> bool:
        urls.append(url)
        return True

    monkeypatch.setattr(launchers_panel, "open_url", fake_open)
    monkeypatch.setattr(phone_panel, "open_url", fake_open)
    return urls


def test_the_open_side_panel_and_its_width_are_saved_and_restored(demo_office: DemoOffice, tmp_path,  # type: ignore[no-untyped-def]
                                                                 qtbot) -> None:
    window = demo_office.parts.window
    window.open_panel("calendar")
    total = sum(window.splitter.sizes())
    window.splitter.setSizes([total - 420, 420])
    window.splitter.splitterMoved.emit(total - 420, 1)
    state = save_layout(window)
    again = assemble_desktop(demo_office.session, set(), lambda f: None, outbox_dir=tmp_path / "o2",
                             media_factory=FakeDevices)
    qtbot.addWidget(again.window)
    assert again.window.current_panel() == "office"  # a first start shows who is here
    assert restore_layout(again.window, state)
    again.window.show()
    qtbot.waitExposed(again.window)
    assert again.window.current_panel() == "calendar"
    assert abs(again.window.side.width() - 420) <= 2
    assert not restore_layout(again.window, "{kaputt")  # a damaged setting changes nothing
    assert again.window.current_panel() == "calendar"


def test_click_to_dial_hands_the_tel_uri_to_the_system(demo_office: DemoOffice, opened: list[str]) -> None:
    parts = demo_office.parts
    parts.people.panel.dialRequested.emit("t.wagner")
    assert opened == ["tel:+495555900102"]
    assert "Thomas Wagner" in parts.phone.panel.recent.item(0).text()
    parts.phone.panel.number.setText("0555 123")
    parts.phone.panel.dial_entered()
    assert opened[-1] == "tel:0555123"
    parts.phone.panel.number.setText("0555; rm -rf")
    parts.phone.panel.dial_entered()
    assert opened[-1] == "tel:0555123"  # refused, nothing handed over


def test_launchers_from_the_catalogue_open_encoded_urls(demo_office: DemoOffice, runner: LoopRunner,
                                                        opened: list[str]) -> None:
    panel = demo_office.parts.launchers
    assert [panel.list.item(i).text() for i in range(panel.list.count())][:2] == ["eAkte (Browser)",
                                                                                  "eAkte (Anwendung)"]
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


def test_own_launchers_where_policy_allows(demo_office: DemoOffice, opened: list[str]) -> None:
    from dvz_desktop.services.launchers import OwnLaunchers
    from dvz_desktop.services.settings import UserSettings

    panel = demo_office.parts.launchers
    settings, saved = UserSettings(), []
    panel.set_own(OwnLaunchers(settings, saved.append, allowed=True))
    assert panel.add_own.isVisibleTo(panel)
    dialog = panel.open_own_dialog()
    dialog.name.setText("Gewerberegister")
    dialog.url.setText("file:///C:/Windows/system32/cmd.exe")
    dialog._check()  # noqa: SLF001
    assert "https://" in dialog.error.text() and not saved
    dialog.url.setText("https://gewerbe.musterkreis.example/suche?name={firma}")
    dialog._check()  # noqa: SLF001
    names = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert "Gewerberegister (eigener Starter)" in names and saved[-1].own_launchers[0]["name"] == "Gewerberegister"
    own = next(e for e in panel.entries if e.own)
    panel.launch(own.entry_id)
    panel.dialog.fields["firma"].setText("Müller & Söhne GmbH")
    panel.dialog._check()  # noqa: SLF001
    assert opened == ["https://gewerbe.musterkreis.example/suche?name=M%C3%BCller%20%26%20S%C3%B6hne%20GmbH"]
    panel.remove_own(own.entry_id)
    assert not any(e.own for e in panel.entries) and saved[-1].own_launchers == []

    settings.own_launchers.append({"id": "own-x", "name": "Alt", "url": "https://alt.example.de/"})
    panel.set_own(OwnLaunchers(settings, saved.append, allowed=False))  # IT switched it off
    assert not panel.add_own.isVisibleTo(panel) and not any(e.own for e in panel.entries)


def test_an_aktenzeichen_in_a_chat_message_opens_the_eakte(demo_office: DemoOffice, runner: LoopRunner,
                                                           opened: list[str], tmp_path) -> None:  # type: ignore[no-untyped-def]
    from dvz_desktop.services.chat import ChatClient
    from dvz_desktop.services.session import Credentials, Session

    thomas = Session(demo_office.url, Credentials(username="t.wagner", password="demo"))
    runner.run(thomas.start())
    chat = ChatClient(thomas, tmp_path / "thomas.outbox")
    conv = runner.run(chat.open_direct("a.schneider"))
    chat.send(conv, "Kannst du dir 63-2026-0815 ansehen? Danke!")
    parts = demo_office.parts
    runner.wait_until(lambda: parts.chat.client.unread(conv) == 1, what="the message at Anna")
    parts.chat.panel.show_conversation(conv)
    position = max(parts.chat.client.conversations[conv].messages)
    menu = parts.chat.panel.menu_for(position)
    texts = [a.text() for a in menu.actions()]
    assert texts[:2] == ["„63-2026-0815“ in eAkte (Browser) öffnen", "„63-2026-0815“ in eAkte (Anwendung) öffnen"]
    assert "Bearbeiten" not in texts  # not Anna's message
    menu.actions()[0].trigger()
    assert opened == ["https://eakte.musterkreis.example/akte?az=63-2026-0815&benutzer=a.schneider"]
    runner.run(thomas.stop())


def test_dialling_a_colleague_by_name_calls_in_app_when_online_else_by_phone(demo_office: DemoOffice,
                                                                            runner: LoopRunner,
                                                                            opened: list[str]) -> None:
    parts = demo_office.parts
    phone = parts.phone.panel
    model = parts.bridge.model
    offline = next(p for p in model.people.values()
                   if p.phone and p.id != model.me and model.presence_of(p.id).status.value == "offline")
    phone.number.setText("Thomas Wagner")  # online (in the demo office since the morning)
    phone.dial_entered()
    runner.wait_until(lambda: any("t.wagner" in c.ringing for c in demo_office.backend.calls.calls.values()),
                      what="a DVZ call ringing at Thomas")
    assert opened == []  # no softphone involved
    assert "DVZ-Anruf" in phone.recent.item(0).text() and "Thomas Wagner" in phone.recent.item(0).text()
    phone.number.setText(offline.display_name)
    phone.dial_entered()
    digits = "".join(ch for ch in offline.phone if ch.isdigit() or ch == "+")
    assert opened == [f"tel:{digits}"]


def test_the_eakte_without_its_program_says_so_in_german(demo_office: DemoOffice, runner: LoopRunner,
                                                        opened: list[str], tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import shutil
    import subprocess

    if shutil.which("xdg-mime") is None:
        pytest.skip("xdg-mime (xdg-utils) is what Linux asks for a protocol's program; "
                    "scripts/bootstrap.sh installs it")
    # A user profile of its own: which program handles eakte:// is what this test decides.
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_DATA_DIRS"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))
    monkeypatch.delenv("XDG_CURRENT_DESKTOP", raising=False)
    parts = demo_office.parts
    parts.launchers.launch("eakte-app", {"aktenzeichen": "63-2026-0815"})
    runner.wait_until(lambda: "kein Programm für eakte-Links" in parts.window.statusBar().currentMessage(),
                      timeout=20, what="the message that the eAkte is not installed")
    assert "eAkte (Anwendung)" in parts.window.statusBar().currentMessage() and opened == []

    applications = tmp_path / "xdg_data_home" / "applications"
    applications.mkdir(parents=True)
    (applications / "eakte.desktop").write_text("[Desktop Entry]\nType=Application\nName=eAkte\nExec=/bin/true %u\n"
                                                "MimeType=x-scheme-handler/eakte;\n")
    subprocess.run(["xdg-mime", "default", "eakte.desktop", "x-scheme-handler/eakte"], check=True)
    parts.launchers.launch("eakte-app", {"aktenzeichen": "63-2026-0815"})
    runner.wait_until(lambda: opened == ["eakte://akte/63-2026-0815"], timeout=20, what="the eAkte link handed over")
