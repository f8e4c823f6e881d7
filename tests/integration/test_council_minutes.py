"""The minutes of a council session through the real backend: the draft grows during the session, the
minute-taker writes into it, the PDF (read back with pdftotext) holds attendance, items, speakers and
results, and it is handed to the eAkte's filing program with the body's file number. A restart of the
backend keeps the session and its results and voids a vote left open."""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dvz_desktop.core.launchers import LauncherEntry, LauncherKind, LaunchRefused, Placeholder
from dvz_desktop.protocol import CouncilItem
from dvz_desktop.services import minutes_pdf
from dvz_desktop.services.launchers import start_program
from dvz_desktop.services.session import SessionError

from .council_people import FOYER, MEMBERS, SAAL, Council, Participant, council_fixture, start_council  # noqa: F401

#: Also on two nodes: the minute-taker's draft comes from the node that runs the session (council_people.py).
CLUSTER_READY = True
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                reason="pdftotext fehlt (Debian-Paket poppler-utils)")


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "niederschrift.pdf"
    path.write_bytes(pdf)
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True,
                          timeout=30)
    return " ".join(done.stdout.split())  # lines wrap where the page ends: compare words, not layout


async def hold_session(council: Council) -> str:
    chair = council.chair
    await council.walk_in("landrat", "protokoll", *MEMBERS[:7])
    sid = await chair.council.start(SAAL, "12. Sitzung", body_id="uva")
    await chair.council.set_agenda(sid, [CouncilItem(number="Ö 1", title="Eröffnung"),
                                         CouncilItem(number="Ö 2", title="Radverkehrskonzept 2027"),
                                         CouncilItem(number="N 1", title="Vergabe Winterdienst", public=False)])
    await chair.council.attend(sid, "rat08", in_hall=True)
    await council["protokoll"].council.write_notes(sid, -1, "Die Vorsitzende eröffnet die Sitzung um 17 Uhr.")
    await chair.council.go_to(sid, 1)
    await council["rat02"].council.hand(sid)
    await council["rat03"].council.hand(sid, reply=True)
    await chair.council.floor(sid, "next")
    council.clock.advance(minutes=3)
    await chair.council.floor(sid, "next")
    vote = await chair.council.open_vote(sid, "named", "Prioritätenliste beschließen")
    for person, choice in zip(MEMBERS[:8], ["yes"] * 5 + ["no", "no", "abstain"], strict=True):
        await council[person].council.ballot(sid, vote, choice)
    await chair.council.close_vote(sid)
    await council["protokoll"].council.write_notes(sid, 1, "Frau Fuchs erläutert die Prioritätenliste.")
    await council.walk_in("rat06", "rat07", room=FOYER)  # two leave: 6 of 10 are still there
    await council.walk_in("rat05", room=FOYER)  # the quorum is lost
    return sid


async def test_the_minutes_pdf_holds_attendance_items_speakers_and_results(council: Council, tmp_path: Path) -> None:
    sid = await hold_session(council)
    await refused_minutes(council["rat01"], sid)
    minutes = await council["protokoll"].council.fetch_minutes(sid)
    item = minutes.items[1]
    assert item.speakers == ("Cem Çelik (Zwischenfrage)", "Bruno Becker")
    assert (item.results[0].yes, item.results[0].no, item.results[0].abstain) == (5, 2, 1)
    assert any("nicht beschlussfähig" in d for d in minutes.disruptions)
    text = pdf_text(minutes_pdf.render(minutes), tmp_path)
    for words in ("Niederschrift über die 12. Sitzung", "Ausschuss für Umwelt und Verkehr",
                  "Aktenzeichen: 022.31-UVA/2026",
                  "Vorsitz: Dr. Lena Landrat", "Schriftführung: Paul Protokoll",
                  "Agnes Albrecht (Mitglied)", "Hanna Hübner (Mitglied)", "im Saal", "per Video",
                  "Ö 1 Eröffnung", "Ö 2 Radverkehrskonzept 2027", "N 1 Vergabe Winterdienst (nichtöffentlich)",
                  "Die Vorsitzende eröffnet die Sitzung um 17 Uhr.", "Frau Fuchs erläutert die Prioritätenliste.",
                  "Wortmeldungen: Cem Çelik (Zwischenfrage), Bruno Becker",
                  "Prioritätenliste beschließen – namentliche Abstimmung: 5 Ja-Stimmen, 2 Nein-Stimmen, 1 Enthaltung; "
                  "angenommen.", "Nein: Frieda Fuchs, Gustav Groß", "Enthaltung: Hanna Hübner",
                  "nicht beschlussfähig (5 Mitglieder anwesend)"):
        assert words in text, words
    emil = next(a for a in minutes.attendance if a.person_id == "rat05")
    assert emil.left is not None
    assert f"{emil.arrived.astimezone():%H:%M}–{emil.left.astimezone():%H:%M} per Video" in text


async def refused_minutes(member: Participant, sid: str) -> None:
    with pytest.raises(SessionError) as error:
        await member.council.fetch_minutes(sid)  # the draft is the minute-taker's and the chair's
    assert error.value.code == "council_not_chair"


async def test_the_pdf_goes_to_the_eakte_with_the_file_number(council: Council, tmp_path: Path) -> None:
    sid = await hold_session(council)
    minutes = await council["protokoll"].council.fetch_minutes(sid)
    path = minutes_pdf.save(minutes, tmp_path / "export")
    received = tmp_path / "eakte-received.json"
    # IT's filing launcher: a program that takes the file number and the file (here it notes what it got).
    filing = LauncherEntry("eakte-ablage", "eAkte-Ablage", LauncherKind.PROGRAM, sys.executable,
                           args=("-c", f"import json, sys; open({str(received)!r}, 'w').write(json.dumps(sys.argv[1:]))",  # noqa: E501
                                 "--az", "{aktenzeichen}", "--datei", "{datei}"),
                           placeholders=(Placeholder("aktenzeichen", "Aktenzeichen", r"[0-9A-Za-z./\-]{1,40}"),
                                         Placeholder("datei", "Datei", r"[^\x00]+\.pdf")))
    plan = minutes_pdf.filing_plan([filing], minutes.file_number, path, "protokoll")
    process = await start_program(plan)
    assert await asyncio.wait_for(process.wait(), 30) == 0
    assert json.loads(received.read_text()) == ["--az", "022.31-UVA/2026", "--datei", str(path)]
    assert path.read_bytes().startswith(b"%PDF-")
    with pytest.raises(LaunchRefused, match="kein Ablage-Starter"):
        minutes_pdf.filing_plan([], minutes.file_number, path, "protokoll")


async def test_a_restart_keeps_the_session_and_its_results_and_voids_an_open_vote(tmp_path: Path) -> None:
    backend, _, clock, people = await start_council(tmp_path, ["landrat", *MEMBERS[:3]])
    try:
        await asyncio.gather(*(p.session.move(SAAL) for p in people.values()))
        chair = people["landrat"]
        sid = await chair.council.start(SAAL, "Sitzung", body_id="uva")
        done = await chair.council.open_vote(sid, "open", "Erster Antrag")
        await people["rat01"].council.ballot(sid, done, "yes")
        await chair.council.close_vote(sid)
        left_open = await chair.council.open_vote(sid, "secret", "Zweiter Antrag")
        await people["rat02"].council.ballot(sid, left_open, "no")
    finally:
        for person in people.values():
            await person.session.stop()
        await backend.stop()
    backend, _, clock, people = await start_council(tmp_path, ["landrat", "rat01"])
    try:
        feature = backend.council
        session = feature.sessions[sid]
        assert [r.question for r in session.votes.results] == ["Erster Antrag"] and session.votes.active is None
        with __import__("sqlite3").connect(backend.config.database) as db:
            assert db.execute("SELECT count(*) FROM council_votes WHERE vote_id=?", (left_open,)).fetchone() == (0,)
            assert db.execute("SELECT count(*) FROM council_participation WHERE vote_id=?",
                              (left_open,)).fetchone() == (0,)
        await people["rat01"].session.move(SAAL)
        state = await people["rat01"].state(lambda s: any(p.person_id == "rat01" for p in s.present))
        assert state.session_id == sid and [r.yes for r in state.results] == [1]
        assert [(v.vote_id, v.question) for v in state.voided] == [(left_open, "Zweiter Antrag")]  # the chair is told
    finally:
        for person in people.values():
            await person.session.stop()
        await backend.stop()
