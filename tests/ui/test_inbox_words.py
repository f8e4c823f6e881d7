"""The server stores facts, not German sentences: an inbox entry the server made (a deputy's handover of
a knock, an invitation and a quick question; a citizen's request; a callback) reads in the client's
language. An English client shows it all in English, a German one in German."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from websockets.asyncio.client import connect

from dvz_desktop.protocol import AbsenceCategory, DoorState, KnockAnswer

from .conftest import DemoOffice, LoopRunner

#: The program's German words for these entries (what people wrote, "Bitte um Rückruf", stays as written).
GERMAN_WORDS = ("Anklopfen", "Herein", "Einladung", "Kurze Frage", "Antwort", "angenommen", "erledigt von", "„",
                "Rückruf –", "Übergabe", "Anfrage")


@pytest.fixture
def english(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """The program started with --lang en (the German translators of the session step aside)."""
    from dvz_desktop.qt.shell.i18n import install_translators

    installed = install_translators(qapp, "en")
    yield
    for translator in installed:
        qapp.removeTranslator(translator)


def _server_makes_entries(office: DemoOffice, runner: LoopRunner) -> None:
    """Anna is away with Thomas as her deputy; what he handles, a citizen's request at her desk and a
    callback she notes all land in her inbox, each made by the server's own code."""
    backend = office.backend
    requests, doors = backend.behaviour.requests, backend.behaviour.doors
    today = date.today()
    requests.set_absence("a.schneider", today, today + timedelta(days=3), AbsenceCategory.VACATION, "t.wagner")
    question = requests.ask("m.becker", "a.schneider", "Mittagessen?")
    requests.answer_question("t.wagner", question, "Gern, um 12")
    invitation = requests.invite("m.becker", "a.schneider")
    requests.answer_invite("t.wagner", invitation, accept=True)
    doors.set_door("a.schneider", "kh-1-101", DoorState.CLOSED, "")
    backend.presence.move("a.schneider", "kh-1-kueche")  # her office is empty: the knock goes to Thomas
    knock = doors.go_to("m.becker", "kh-1-101")
    doors.answer("t.wagner", knock, KnockAnswer.COME_IN, None, "")

    port = office.url.split(":")[2].split("/")[0]

    async def guest() -> None:
        async with connect(f"ws://127.0.0.1:{port}/gast", origin=f"http://127.0.0.1:{port}") as ws:  # type: ignore[arg-type]
            await ws.send(json.dumps({"type": "guest_request", "desk_id": "buergerbuero", "name": "Max Muster",
                                      "contact": "0151 123", "concern": "Bitte um Rückruf", "privacy_accepted": True}))
            while json.loads(await ws.recv()).get("state") != "requested":
                pass
            await ws.send(json.dumps({"type": "guest_join", "desk_id": "buergerbuero", "name": "Erika Muster",
                                      "concern": "Bauantrag", "privacy_accepted": True}))
            while json.loads(await ws.recv()).get("state") != "waiting":
                pass
            visit = backend.door.admit("a.schneider", "buergerbuero", None)
            backend.door.to_callback("a.schneider", backend.door.visit_of_clerk("a.schneider", visit), "ab 10 Uhr")

    runner.run(guest())
    inbox = office.parts.behaviour.inbox
    runner.wait_until(lambda: len(inbox) == 5, what="five entries in Anna's inbox")


def _lines(office: DemoOffice) -> list[str]:
    presenter = office.parts.presenter
    presenter.open_inbox()
    dialog = presenter.dialog
    lines = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    dialog.reject()
    return lines


def test_an_english_client_shows_english_texts_for_server_made_inbox_entries(
        english: None, demo_office: DemoOffice, runner: LoopRunner) -> None:
    _server_makes_entries(demo_office, runner)
    lines = _lines(demo_office)
    text = "\n".join(lines)
    assert any(line.startswith("Handover from your deputy") and "Quick question: “Mittagessen?” – answer: “Gern, um 12”"
               in line and "handled by Thomas Wagner" in line for line in lines), text
    assert any("Invitation – accepted" in line for line in lines), text
    assert any("Knock – Come in" in line for line in lines), text
    assert any(line.startswith("Request at the digital door") and "Max Muster (0151 123): “Bitte um Rückruf”" in line
               for line in lines), text
    assert any(line.startswith("Callback") and "Erika Muster: “Bauantrag” – ab 10 Uhr" in line for line in lines), text
    assert not [word for word in GERMAN_WORDS if word in text], text


def test_a_german_client_shows_the_same_entries_in_german(demo_office: DemoOffice, runner: LoopRunner) -> None:
    _server_makes_entries(demo_office, runner)
    text = "\n".join(_lines(demo_office))
    for words in ("Kurze Frage: „Mittagessen?“ – Antwort: „Gern, um 12“", "erledigt von Thomas Wagner",
                  "Einladung – angenommen", "Anklopfen – Herein", "Max Muster (0151 123): „Bitte um Rückruf“",
                  "Rückruf – ", "Erika Muster: „Bauantrag“ – ab 10 Uhr"):
        assert words in text, (words, text)
