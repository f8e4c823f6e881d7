"""Office behaviour in the window, against the real demo backend with a second real client:
knock banner and its answers, my own knock, doors on the map, invitations, quick questions, morning view."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from dvz_desktop.protocol import DoorState, KnockAnswer, KnockState, Status
from dvz_desktop.qt.behaviour.banners import InviteBanner, KnockBanner, KnockerStrip, NoticeBanner, QuestionBanner
from dvz_desktop.qt.labels import door_label
from dvz_desktop.services.behaviour import OfficeBehaviour
from dvz_desktop.services.session import Credentials, Session

from .conftest import DemoOffice, LoopRunner


@pytest.fixture
def thomas(demo_office: DemoOffice, runner: LoopRunner) -> Iterator[OfficeBehaviour]:
    """Thomas Wagner, Anna's neighbour, logged in with his own client (its session and behaviour layers)."""
    session = Session(demo_office.url, Credentials(username="t.wagner", password="demo"))
    runner.run(session.start())
    yield OfficeBehaviour(session)
    runner.run(session.stop())


def banners_of(demo_office: DemoOffice, kind: type) -> list:
    return [b for b in demo_office.parts.shell.banners.banners.values() if isinstance(b, kind)]


def close_my_door(demo_office: DemoOffice, runner: LoopRunner) -> None:
    behaviour = demo_office.parts.behaviour
    runner.run(behaviour.set_door("kh-1-101", DoorState.CLOSED))
    runner.wait_until(lambda: behaviour.door_of("kh-1-101").state is DoorState.CLOSED, what="the door to close")


def test_knock_banner_herein_lets_the_colleague_in(demo_office: DemoOffice, runner: LoopRunner,
                                                   thomas: OfficeBehaviour) -> None:
    close_my_door(demo_office, runner)
    knock_id = runner.run(thomas.go_to("kh-1-101"))
    runner.wait_until(lambda: banners_of(demo_office, KnockBanner), what="the knock banner")
    banner = banners_of(demo_office, KnockBanner)[0]
    assert banner.knock_id == knock_id
    assert "Thomas Wagner klopft an" in banner.label.text() and "Büro 101" in banner.label.text()
    assert banner.accessibleName() == banner.label.text()
    QTest.mouseClick(banner.come_in, Qt.MouseButton.LeftButton)
    scene = demo_office.parts.map.current_scene()
    runner.wait_until(lambda: "t.wagner" in scene.occupants("kh-1-101"), what="Thomas in Anna's office on the map")
    runner.wait_until(lambda: not banners_of(demo_office, KnockBanner), what="the banner to go away")


def test_jetzt_nicht_with_a_line_reaches_the_knocker(demo_office: DemoOffice, runner: LoopRunner,
                                                    thomas: OfficeBehaviour) -> None:
    close_my_door(demo_office, runner)
    answers = []
    thomas.knock_changed.connect(answers.append)
    runner.run(thomas.go_to("kh-1-101"))
    runner.wait_until(lambda: banners_of(demo_office, KnockBanner), what="the knock banner")
    banner = banners_of(demo_office, KnockBanner)[0]
    QTest.keyClicks(banner.reason, "Bin im Telefonat")
    QTest.mouseClick(banner.not_now, Qt.MouseButton.LeftButton)
    runner.wait_until(lambda: any(k.state is KnockState.NOT_NOW for k in answers), what="the answer at Thomas")
    answer = next(k for k in answers if k.state is KnockState.NOT_NOW)
    assert answer.text == "Bin im Telefonat"


def test_gleich_sends_the_minutes(demo_office: DemoOffice, runner: LoopRunner, thomas: OfficeBehaviour) -> None:
    close_my_door(demo_office, runner)
    answers = []
    thomas.knock_changed.connect(answers.append)
    runner.run(thomas.go_to("kh-1-101"))
    runner.wait_until(lambda: banners_of(demo_office, KnockBanner), what="the knock banner")
    banner = banners_of(demo_office, KnockBanner)[0]
    banner.minutes.setValue(3)
    QTest.mouseClick(banner.wait, Qt.MouseButton.LeftButton)
    runner.wait_until(lambda: any(k.state is KnockState.WAIT for k in answers), what="'gleich' at Thomas")
    assert next(k for k in answers if k.state is KnockState.WAIT).minutes == 3


def test_my_knock_shows_a_strip_with_the_answer_and_offers_a_message(
        demo_office: DemoOffice, runner: LoopRunner, thomas: OfficeBehaviour) -> None:
    runner.run(thomas.set_door("kh-1-102", DoorState.CLOSED))
    runner.wait_until(lambda: demo_office.parts.behaviour.door_of("kh-1-102").state is DoorState.CLOSED,
                      what="Thomas' door closed on Anna's map")
    scene = demo_office.parts.map.current_scene()
    assert scene.rooms["kh-1-102"].door is DoorState.CLOSED
    point: QPoint = demo_office.parts.map.view.mapFromScene(scene.rooms["kh-1-102"].rect().center())
    QTest.mouseDClick(demo_office.parts.map.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                      point)
    runner.wait_until(lambda: banners_of(demo_office, KnockerStrip), what="Anna's knock strip")
    strip = banners_of(demo_office, KnockerStrip)[0]
    assert "Sie klopfen bei Büro 102 an" in strip.label.text() and "noch" in strip.label.text()
    runner.wait_until(lambda: thomas.ringing_for_me(), what="the knock at Thomas")
    runner.run(thomas.answer_knock(strip.knock_id, KnockAnswer.NOT_NOW, text="Später bitte"))
    runner.wait_until(lambda: "Jetzt nicht" in strip.label.text(), what="the answer on Anna's strip")
    assert "Später bitte" in strip.label.text()
    assert strip.close_button.isVisibleTo(strip) and not strip.cancel.isVisibleTo(strip)
    assert "a.schneider" not in scene.occupants("kh-1-102")


def test_doors_are_drawn_in_their_state(demo_office: DemoOffice, runner: LoopRunner) -> None:
    behaviour = demo_office.parts.behaviour
    item = demo_office.parts.map.current_scene().rooms["kh-1-101"]
    for state in (DoorState.AJAR, DoorState.CLOSED, DoorState.OPEN):
        runner.run(behaviour.set_door("kh-1-101", state))
        runner.wait_until(lambda s=state: item.door is s, what=f"door {state.value} on the map")
        assert door_label(state) in item.toolTip()
    runner.run(behaviour.set_door("kh-1-101", DoorState.LOCKED, "Prüfung bis 12 Uhr"))
    runner.wait_until(lambda: item.door is DoorState.LOCKED, what="the locked door on the map")
    assert "Tür abgeschlossen" in item.toolTip() and "Prüfung bis 12 Uhr" in item.toolTip()
    image = demo_office.parts.map.view.grab().toImage()
    assert not image.isNull()


def test_invitation_banner_accept_moves_me(demo_office: DemoOffice, runner: LoopRunner,
                                           thomas: OfficeBehaviour) -> None:
    runner.run(thomas.invite("a.schneider"))
    runner.wait_until(lambda: banners_of(demo_office, InviteBanner), what="the invitation banner")
    banner = banners_of(demo_office, InviteBanner)[0]
    assert "Thomas Wagner lädt Sie in Büro 102 ein" in banner.label.text()
    QTest.mouseClick(banner.accept, Qt.MouseButton.LeftButton)
    scene = demo_office.parts.map.current_scene()
    runner.wait_until(lambda: "a.schneider" in scene.occupants("kh-1-102"), what="Anna in Thomas' office")
    runner.wait_until(lambda: not banners_of(demo_office, InviteBanner), what="the banner to go away")


def test_quick_question_answered_from_the_banner_and_answer_shown_to_the_asker(
        demo_office: DemoOffice, runner: LoopRunner, thomas: OfficeBehaviour) -> None:
    runner.run(thomas.ask("a.schneider", "Hast du das Aktenzeichen?"))
    runner.wait_until(lambda: banners_of(demo_office, QuestionBanner), what="the question banner")
    banner = banners_of(demo_office, QuestionBanner)[0]
    assert "Hast du das Aktenzeichen?" in banner.label.text()
    QTest.keyClicks(banner.answer, "63-2026-0815")
    QTest.keyClick(banner.answer, Qt.Key.Key_Return)
    runner.wait_until(lambda: any(q.answer == "63-2026-0815" for q in thomas.questions.values()),
                      what="the answer at Thomas")
    # And the other way round: Anna asks, Thomas answers, Anna sees the answer inline.
    presenter = demo_office.parts.presenter
    presenter.ask_question("t.wagner")
    presenter.dialog.edit.setText("Kommst du zum Jour fixe?")
    presenter.dialog.ok.click()
    runner.wait_until(lambda: any(q.from_id == "a.schneider" for q in thomas.questions.values()),
                      what="Anna's question at Thomas")
    question = next(q for q in thomas.questions.values() if q.from_id == "a.schneider")
    runner.run(thomas.answer_question(question.question_id, "Ja, gleich."))
    runner.wait_until(lambda: banners_of(demo_office, NoticeBanner), what="the answer banner at Anna")
    assert "Ja, gleich." in banners_of(demo_office, NoticeBanner)[0].label.text()


def test_morning_view_lists_present_people_by_unit(demo_office: DemoOffice, runner: LoopRunner) -> None:
    presenter = demo_office.parts.presenter
    presenter.open_morning_view()
    tree = presenter.dialog.tree
    groups = {tree.topLevelItem(i).text(0).rsplit(" (", 1)[0]: [tree.topLevelItem(i).child(j).text(0)
              for j in range(tree.topLevelItem(i).childCount())] for i in range(tree.topLevelItemCount())}
    assert "Anna Schneider" in groups["FB 1 Zentrale Dienste"]
    assert "Thomas Wagner" in groups["FB 1 Zentrale Dienste"]
    everyone = [name for names in groups.values() for name in names]
    assert len(everyone) == len(set(everyone)) >= 5
    presenter.dialog.reject()


def test_coffee_and_appear_offline_from_the_status_menu(demo_office: DemoOffice, runner: LoopRunner) -> None:
    menu = demo_office.parts.status_menu
    menu.coffee_action.trigger()
    runner.wait_until(lambda: demo_office.backend.presence.get("a.schneider").coffee, what="coffee on the server")
    avatar = demo_office.parts.map.current_scene().avatars["a.schneider"]
    runner.wait_until(lambda: avatar.presence.coffee, what="the cup on Anna's avatar")
    assert "Lust auf Kaffee" in avatar.toolTip()
    menu.hidden_action.trigger()
    runner.wait_until(lambda: demo_office.backend.presence.get("a.schneider").appear_offline, what="hidden")
    assert demo_office.backend.presence.get("a.schneider").status is Status.AVAILABLE


def test_tray_menu_shows_who_is_up_for_coffee(demo_office: DemoOffice, runner: LoopRunner) -> None:
    demo_office.backend.presence.set_coffee("t.wagner", True)
    tray = demo_office.parts.tray
    runner.wait_until(lambda: any("Thomas Wagner" in e and "Lust auf Kaffee" in e for e in tray.present_entries()),
                      what="the coffee flag in the tray menu")


def test_questions_list_keeps_both_sides_of_the_conversation(demo_office: DemoOffice, runner: LoopRunner,
                                                              thomas: OfficeBehaviour) -> None:
    question_id = runner.run(thomas.ask("a.schneider", "Wo liegt die Akte Straßenbau?"))
    runner.wait_until(lambda: question_id in demo_office.parts.behaviour.questions, what="the question at Anna")
    runner.run(demo_office.parts.behaviour.answer_question(question_id, "Im Schrank, Fach 3"))
    runner.wait_until(lambda: demo_office.parts.behaviour.questions[question_id].answer is not None, what="answered")
    presenter = demo_office.parts.presenter
    presenter.open_questions()
    lines = [presenter.dialog.list.item(i).text() for i in range(presenter.dialog.list.count())]
    assert any("Von Thomas Wagner" in line and "Straßenbau" in line and "Fach 3" in line for line in lines)
    presenter.dialog.reject()


def test_office_hours_dialog_adds_a_row_and_the_door_shows_the_hours(demo_office: DemoOffice,
                                                                      runner: LoopRunner) -> None:
    from PySide6.QtWidgets import QDialogButtonBox, QPushButton

    parts = demo_office.parts
    parts.presenter.open_office_hours("kh-1-101")
    dialog = parts.presenter.dialog
    add = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Zeit hinzufügen")
    QTest.mouseClick(add, Qt.MouseButton.LeftButton)
    assert len(dialog.rows) == 1
    day, _start, _end, _row = dialog.rows[0]
    assert [day.itemText(i) for i in range(day.count())][:2] == ["Montag", "Dienstag"]
    day.setCurrentIndex(1)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    QTest.mouseClick(ok, Qt.MouseButton.LeftButton)
    item = parts.map.current_scene().rooms["kh-1-101"]
    runner.wait_until(lambda: "Sprechzeiten: Di 09:00–12:00" in item.toolTip(), what="the office hours at the door")


def test_the_room_menu_offers_no_knock_for_the_room_i_am_in_nor_for_my_own_office(
        demo_office: DemoOffice, runner: LoopRunner) -> None:
    parts = demo_office.parts
    close_my_door(demo_office, runner)
    runner.wait_until(lambda: parts.bridge.model.presence_of("a.schneider").room_id == "kh-1-101", what="Anna home")
    menu = parts.presenter.room_menu("kh-1-101", QPoint(0, 0))
    texts = [a.text() for a in menu.actions()]
    assert "Anklopfen" not in texts and "Hierher gehen" not in texts
    assert not parts.presenter.go_action.isEnabled() and parts.presenter.go_action.text() == "Sie sind hier"
    menu.close()
    runner.run(parts.behaviour.go_to("kh-1-kueche"))
    runner.wait_until(lambda: parts.bridge.model.presence_of("a.schneider").room_id == "kh-1-kueche",
                      what="Anna in the kitchen")
    menu = parts.presenter.room_menu("kh-1-101", QPoint(0, 0))
    assert parts.presenter.go_action.text() == "Hierher gehen"  # her own office, closed or not
    menu.close()


def test_sie_sind_eingetreten_goes_when_i_leave_the_room(demo_office: DemoOffice, runner: LoopRunner,
                                                         thomas: OfficeBehaviour) -> None:
    parts = demo_office.parts
    runner.run(thomas.set_door("kh-1-102", DoorState.CLOSED))
    runner.wait_until(lambda: parts.behaviour.door_of("kh-1-102").state is DoorState.CLOSED, what="closed door")
    runner.run(parts.behaviour.go_to("kh-1-102"))
    runner.wait_until(lambda: banners_of(demo_office, KnockerStrip) and thomas.ringing_for_me(), what="the knock")
    strip = banners_of(demo_office, KnockerStrip)[0]
    runner.run(thomas.answer_knock(strip.knock_id, KnockAnswer.COME_IN))
    runner.wait_until(lambda: "Sie sind eingetreten" in strip.label.text(), what="'Herein' on Anna's strip")
    runner.wait_until(lambda: parts.bridge.model.presence_of("a.schneider").room_id == "kh-1-102", what="inside")
    parts.bridge.flush_now()
    assert banners_of(demo_office, KnockerStrip)  # true while she is in there
    runner.run(parts.behaviour.go_to("kh-1-kueche"))
    runner.wait_until(lambda: not banners_of(demo_office, KnockerStrip), what="the strip to go when Anna leaves")
