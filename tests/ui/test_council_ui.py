"""The session panel, the vote dialog and the hall display with a real backend: Anna (the desktop) chairs
the demo's committee in the Kreistagssaal, colleagues take part through real sessions. Hands appear in
order, the chair gives the floor with a time limit and the countdown shows, a vote opened through the
dialog gets its result into the panel and a banner; a member's dialog offers exactly what the rules
allow (Bavaria: a remote member is told why not); the hall display shows speaker, countdown and list."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QApplication

from dvz_desktop.protocol import CouncilBodyInfo, CouncilInfo, CouncilPresent, CouncilVoided, CouncilVoteInfo
from dvz_desktop.qt.council.dialogs import StartDialog, VoteOpenDialog
from dvz_desktop.qt.council.panel import CouncilPanel
from dvz_desktop.qt.council.vote_dialog import VoteDialog
from dvz_desktop.services.council import CouncilClient, Received
from dvz_desktop.services.session import Credentials, Session

from .conftest import DemoOffice, LoopRunner

SAAL = "kh-0-saal"
MEMBERS = ["t.wagner", "m.becker", "j.hoffmann", "s.koch", "k.klein", "u.wolf"]


def dialog_of(kind: type) -> object:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    assert found, f"no {kind.__name__} open"
    return found[-1]


@pytest.fixture
def committee(demo_office: DemoOffice, runner: LoopRunner):  # type: ignore[no-untyped-def]
    """Anna in the Kreistagssaal with her council panel open; Thomas and Monika as members on DVZ, four
    more members present (walked in on the backend)."""
    members = {}
    for name in ("t.wagner", "m.becker"):
        session = Session(demo_office.url, Credentials(username=name, password="demo"))
        members[name] = CouncilClient(session)
        runner.run(session.start())
        runner.run(session.move(SAAL))
    for name in MEMBERS[2:]:
        demo_office.backend.presence.come_online(name)
        demo_office.backend.presence.move(name, SAAL)
    runner.run(demo_office.session.move(SAAL))
    parts = demo_office.parts
    parts.window.rail.entries["council"].button.click()
    runner.wait_until(lambda: parts.council.panel.start_button.isVisible(), what="the start button")
    yield parts.council, members
    for client in members.values():
        runner.run(client._session.stop())


def test_the_chair_starts_moderates_and_a_vote_result_reaches_panel_and_banner(committee, runner: LoopRunner,  # type: ignore[no-untyped-def]
                                                                                demo_office: DemoOffice) -> None:
    feature, members = committee
    panel = feature.panel
    assert "keine Sitzung" in panel.empty.text()
    panel.start_button.click()
    start = dialog_of(StartDialog)
    start.title.setText("12. Sitzung des Ausschusses für Umwelt und Verkehr")
    start.body.setCurrentIndex(1)  # the committee Anna chairs
    assert start.body.currentText() == "Ausschuss für Umwelt und Verkehr"
    start._accept()
    runner.wait_until(lambda: panel.title.text().startswith("12. Sitzung"), what="the session in the panel")
    runner.wait_until(lambda: "✔ beschlussfähig" in panel.quorum.text(), what="quorum")
    assert "6 von 10 Mitgliedern anwesend, nötig: 6" in panel.quorum.text()
    assert panel.chair.isVisible() and panel.hand_button.isEnabled()  # the chair is in the room: may speak too
    sid = feature.sid()

    runner.run(members["t.wagner"].hand(sid))
    runner.run(members["m.becker"].hand(sid, reply=True))
    runner.wait_until(lambda: panel.hands.count() == 2, what="two hands")
    assert [panel.hands.item(n).text() for n in range(2)] == ["1. Monika Becker – Zwischenfrage",
                                                               "2. Thomas Wagner"]
    panel.chair.limit.setValue(3)
    panel.chair.limit_button.click()
    runner.wait_until(lambda: feature.current().info.speaker_limit_s == 180, what="the limit")
    panel.chair.mute.setChecked(True)
    panel.chair.next_button.click()
    runner.wait_until(lambda: panel.floor.text().startswith("Es spricht: Monika Becker"), what="the floor")
    assert panel.floor.text().endswith(("3:00", "2:59"))
    assert feature.current().info.floor.mute_others

    panel.chair.vote_open.click()
    opener = dialog_of(VoteOpenDialog)
    opener.question.setText("Radverkehrskonzept 2027 beschließen")
    opener.kind.setCurrentIndex(1)  # named
    opener._accept()
    runner.wait_until(lambda: panel.vote_box.isVisible(), what="the running vote")
    # Anna chairs but is no member: the panel says why she has no vote, and no vote banner asks her.
    assert not panel.vote_button.isEnabled() and "nicht stimmberechtigt" in panel.vote_reason.text()
    assert demo_office.parts.shell.banners.get("council-vote") is None
    vote_id = feature.current().info.vote.vote_id
    runner.run(members["t.wagner"].ballot(sid, vote_id, "yes"))
    runner.run(members["m.becker"].ballot(sid, vote_id, "no"))
    runner.wait_until(lambda: "2 Stimmen abgegeben" in panel.vote_count.text(), what="two ballots")
    panel.chair.vote_close.click()
    runner.wait_until(lambda: panel.results.count() == 1, what="the result")
    assert panel.results.item(0).text() == ("Radverkehrskonzept 2027 beschließen: abgelehnt "
                                            "(1 Ja-Stimme, 1 Nein-Stimme, 0 Enthaltungen)")
    banner = demo_office.parts.shell.banners.get("council-result")
    assert banner is not None and "abgelehnt" in banner.label.text()

    panel.chair.hall_display.click()
    hall = feature.hall
    runner.wait_until(lambda: hall is not None and hall.isVisible(), what="the hall display")
    assert hall.speaker.text() == "Es spricht: Monika Becker"
    assert hall.clock.text() in ("3:00", "2:59", "2:58")
    assert [hall.waiting.item(n).text() for n in range(hall.waiting.count())] == ["1. Thomas Wagner"]
    remote = {hall.remote.item(n).text() for n in range(hall.remote.count())}
    assert {"Thomas Wagner", "Monika Becker"} <= remote
    assert "Abgelehnt" not in hall.result.text() and "abgelehnt" in hall.result.text()
    hall.close()


def state(profile: str, me_mode: str) -> Received:
    at = datetime(2026, 12, 3, 17, tzinfo=UTC)
    info = CouncilInfo(
        session_id="s1", room_id=SAAL, title="Sitzung", started_at=at,
        body=CouncilBodyInfo(body_id="hfa", name="Haupt- und Finanzausschuss", chair_id="a.schneider",
                             members=("t.wagner", "m.becker"), profile=profile, quorum_required=2),
        present=(CouncilPresent(person_id="t.wagner", mode=me_mode, since=at),),
        vote=CouncilVoteInfo(vote_id="v1", kind="secret", question="Wahl des Vertreters", election=True,
                             opened_at=at))
    return Received(info, 0.0)


def test_a_member_may_vote_in_the_hall_and_a_remote_member_in_bavaria_is_told_why_not(qtbot) -> None:  # type: ignore[no-untyped-def]
    names = {"t.wagner": "Thomas Wagner"}.get
    panel = CouncilPanel("t.wagner", lambda p: names(p) or p)
    qtbot.addWidget(panel)
    panel.show_state(state("allgemein", "remote"))
    assert panel.vote_button.isEnabled() and panel.vote_button.text() == "Abstimmen …"
    assert not panel.vote_reason.isVisibleTo(panel)
    assert not panel.chair.isVisibleTo(panel)  # members see no chair controls
    panel.show_state(state("by", "remote"))
    assert not panel.vote_button.isEnabled() and "Per Video dürfen Sie" in panel.vote_reason.text()
    chosen: list[str] = []
    received = state("by", "hall")
    dialog = VoteDialog(received.info.vote, None, abstention_allowed=False, cast=chosen.append)
    qtbot.addWidget(dialog)
    assert dialog.buttons["yes"].isEnabled() and not dialog.buttons["abstain"].isEnabled()  # Bavaria: no abstention
    dialog.buttons["no"].click()
    assert chosen == ["no"]
    refused = VoteDialog(received.info.vote, "remote_excluded", abstention_allowed=True, cast=chosen.append)
    qtbot.addWidget(refused)
    assert not any(b.isEnabled() for b in refused.buttons.values()) and "Sitzungssaal" in refused.reason.text()


def test_the_chair_is_told_a_vote_is_void_after_the_server_counting_it_was_lost(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = CouncilPanel("a.schneider", lambda p: p)
    qtbot.addWidget(panel)
    received = state("allgemein", "hall")
    voided = (CouncilVoided(vote_id="v1", question="Wahl des Vertreters", at=received.info.started_at),)
    panel.show_state(Received(received.info.model_copy(update={"vote": None, "voided": voided}), 0.0))
    assert panel.losses.isVisibleTo(panel)
    assert panel.losses.text() == ("⚠ Die Abstimmung „Wahl des Vertreters“ ist ungültig: Der Server, der sie gezählt "
                                   "hat, ist ausgefallen. Bitte wiederholen Sie sie.")
    member = CouncilPanel("t.wagner", lambda p: p)
    qtbot.addWidget(member)
    member.show_state(Received(received.info.model_copy(update={"vote": None, "voided": voided}), 0.0))
    assert not member.losses.isVisibleTo(member)  # the chair's to act on
