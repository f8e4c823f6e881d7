"""Words a clerk reads: proper German counts ("1 Person wartet", "3 Personen warten", "1 ungelesene
Nachricht", no "etwa 0 Minuten"), and in English mode everything in English, the docks' titles too."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from websockets.asyncio.client import connect

from dvz_desktop.protocol import KnockState
from dvz_desktop.qt.behaviour.texts import knock_outcome
from dvz_desktop.qt.labels import people_count, waiting_count
from dvz_desktop.qt.shell.status_menu import StatusMenu
from dvz_desktop.qt.shell.tray import Tray

from .conftest import DemoOffice, LoopRunner


def test_german_counts_have_their_plural_forms(qtbot) -> None:  # type: ignore[no-untyped-def]
    assert (people_count(0), people_count(1), people_count(3)) == ("niemand da", "1 Person", "3 Personen")
    assert (waiting_count(1), waiting_count(3)) == ("1 Person wartet", "3 Personen warten")
    tray = Tray(StatusMenu())
    tray.set_unread(1)
    assert tray.unread_action.text() == "1 ungelesene Nachricht"
    tray.set_unread(4)
    assert tray.unread_action.text() == "4 ungelesene Nachrichten"
    tray.set_waiting(1)
    assert tray.waiting_action.text() == "1 Person wartet an der digitalen Tür"
    tray.set_waiting(2)
    assert tray.waiting_action.text() == "2 Personen warten an der digitalen Tür"
    assert knock_outcome(KnockState.WAIT, "Büro 102", 0, "") == "Büro 102: „Gleich“."
    assert knock_outcome(KnockState.WAIT, "Büro 102", None, "") == "Büro 102: „Gleich“."
    assert knock_outcome(KnockState.WAIT, "Büro 102", 1, "") == "Büro 102: „Gleich“ – in etwa 1 Minute."
    assert knock_outcome(KnockState.WAIT, "Büro 102", 5, "") == "Büro 102: „Gleich“ – in etwa 5 Minuten."


def test_two_guests_waiting_read_as_two_people(demo_office: DemoOffice, runner: LoopRunner) -> None:
    parts = demo_office.parts
    port = demo_office.url.split(":")[2].split("/")[0]
    guests = []
    for name in ("Erika Muster", "Max Mustermann"):
        guest = runner.run(connect(f"ws://127.0.0.1:{port}/gast", origin=f"http://127.0.0.1:{port}"))  # type: ignore[arg-type]
        runner.run(guest.send(json.dumps({"type": "guest_join", "desk_id": "buergerbuero", "name": name,
                                          "concern": "", "privacy_accepted": True})))
        guests.append(guest)
    runner.wait_until(lambda: parts.door.waiting() == 2, what="two guests waiting")
    texts = [parts.door_panel.queue.item(i).text() for i in range(parts.door_panel.queue.count())]
    assert "Bürgerbüro – 2 Personen warten" in texts
    assert parts.map._waiting["kh-0-buergerbuero"] == "2 Personen warten"  # noqa: SLF001
    for guest in guests:
        runner.run(guest.close())


@pytest.fixture
def english(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """The program started with --lang en (the German translators of the session step aside)."""
    from dvz_desktop.qt.shell.i18n import install_translators

    installed = install_translators(qapp, "en")
    yield
    for translator in installed:
        qapp.removeTranslator(translator)


def test_english_mode_shows_english_dock_titles_and_counts(english: None, demo_office: DemoOffice) -> None:
    window = demo_office.parts.window
    labels = {key: entry.label for key, entry in window.rail.entries.items()}
    assert labels["office"] == "Office" and labels["chat"] == "Chat" and labels["today"] == "Today"
    assert labels["calendar"] == "Calendar" and labels["launchers"] == "Apps" and labels["phone"] == "Phone"
    assert labels["door"] == "Digital\ndoor" and labels["whiteboard"] == "Whiteboard"
    window.open_panel("launchers")
    assert window.side.title.text() == "Applications"
    window.open_panel("door")
    assert window.side.title.text() == "Digital door"
    assert waiting_count(1) == "1 person waiting" and waiting_count(3) == "3 people waiting"
    demo_office.parts.tray.set_unread(1)
    assert demo_office.parts.tray.unread_action.text() == "1 unread message"
