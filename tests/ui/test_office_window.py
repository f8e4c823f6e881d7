"""The main window against the real demo backend: map, tree, people, status, moving, connection."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QComboBox, QGraphicsView, QLineEdit

from dvz_desktop.protocol import Status

from .conftest import DemoOffice, LoopRunner


def test_map_shows_my_floor_with_the_people_in_their_rooms(demo_office: DemoOffice) -> None:
    scene = demo_office.parts.map.current_scene()
    assert scene is not None
    assert scene.floor.id == "kh-1"  # Anna's office is on the first floor of the Kreishaus
    assert "kh-1-101" in scene.rooms and "kh-1-kueche" in scene.rooms
    assert scene.occupants("kh-1-101") == ["a.schneider"]
    assert scene.occupants("kh-1-102") == ["t.wagner"]
    # Every room the floor plan defines is drawn, and avatars sit inside their room's walls.
    for person_id, avatar in scene.avatars.items():
        room_id = scene.room_of(person_id)
        assert room_id is not None and scene.rooms[room_id].rect().contains(avatar.pos()), person_id
    # The switcher offers the Kreishaus' three floors; the partner municipality's Rathaus is not shown.
    floors = [demo_office.parts.map.floor_box.itemText(i) for i in range(demo_office.parts.map.floor_box.count())]
    assert demo_office.parts.map.bar.building_button.text() == "Kreishaus Musterkreis"
    assert floors == ["Erdgeschoss", "1. Obergeschoss", "2. Obergeschoss"]
    assert demo_office.parts.map.bar.building_button.menu() is None  # one building: nothing to switch to


def test_double_click_on_a_room_walks_me_there(demo_office: DemoOffice, runner: LoopRunner) -> None:
    view = demo_office.parts.map.view
    scene = demo_office.parts.map.current_scene()
    assert scene is not None
    kitchen = scene.rooms["kh-1-kueche"].rect().center()
    point: QPoint = view.mapFromScene(kitchen)
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    runner.wait_until(lambda: demo_office.backend.presence.get("a.schneider").room_id == "kh-1-kueche",
                      what="the server to move Anna into the kitchen")
    runner.wait_until(lambda: "a.schneider" in scene.occupants("kh-1-kueche"), what="the avatar to move")
    assert "a.schneider" not in scene.occupants("kh-1-101")
    assert scene.rooms["kh-1-kueche"].is_mine


def test_tree_lists_the_same_people_as_the_map(demo_office: DemoOffice, runner: LoopRunner) -> None:
    demo_office.backend.presence.move("m.becker", "kh-1-kueche")
    runner.wait_until(lambda: "m.becker" in (demo_office.parts.map.current_scene().occupants("kh-1-kueche")),
                      what="Monika Becker in the kitchen")
    scene = demo_office.parts.map.current_scene()
    for room_id in scene.rooms:
        item = demo_office.parts.people.tree.room_item(room_id)
        in_tree = sorted(item.child(i).data(0, Qt.ItemDataRole.UserRole) for i in range(item.childCount()))
        assert in_tree == sorted(scene.occupants(room_id)), room_id
    # The tree also knows people on other floors that are not drawn right now.
    assert "b.peters" not in demo_office.parts.people.tree.people_listed()  # partner's mayor: her room is not shared
    assert {"a.schneider", "t.wagner", "m.becker", "s.koch", "k.klein"} <= demo_office.parts.people.tree.people_listed()


def test_status_menu_changes_my_status_everywhere(demo_office: DemoOffice, runner: LoopRunner) -> None:
    parts = demo_office.parts
    parts.status_menu.status_actions[Status.BUSY].trigger()
    runner.wait_until(lambda: demo_office.backend.presence.get("a.schneider").status is Status.BUSY,
                      what="the server to record 'beschäftigt'")
    runner.wait_until(lambda: parts.window.status_line.my_status.text() == "Beschäftigt", what="the status button")
    avatar = parts.map.current_scene().avatars["a.schneider"]
    assert avatar.presence.status is Status.BUSY
    assert "Beschäftigt" in avatar.toolTip()


def test_people_panel_searches_by_name_and_unit_and_filters_present(demo_office: DemoOffice) -> None:
    panel = demo_office.parts.people.panel
    panel.search.setText("Ordnung und Verkehr")
    assert set(panel.visible_people()) == {"k.klein", "u.wolf", "c.schroeder", "d.neumann", "e.schwarz",
                                           "f.zimmermann", "g.braun"}
    panel.present_only.setChecked(True)
    assert panel.visible_people() == ["k.klein"]
    panel.search.setText("kruger")  # without umlaut
    panel.present_only.setChecked(False)
    assert panel.visible_people() == ["h.krueger"]


def test_tray_menu_lists_present_colleagues_of_my_unit(demo_office: DemoOffice, runner: LoopRunner) -> None:
    tray = demo_office.parts.tray
    entries = " | ".join(tray.present_entries())
    assert "Thomas Wagner" in entries and "Monika Becker" in entries and "Sabine Koch" in entries
    assert "Katrin Klein" not in entries  # another unit
    demo_office.backend.presence.go_offline("t.wagner")
    runner.wait_until(lambda: not any("Thomas Wagner" in e for e in tray.present_entries()),
                      what="the tray to drop Thomas Wagner")


def test_connection_loss_is_shown_and_recovers(demo_office: DemoOffice, runner: LoopRunner) -> None:
    window = demo_office.parts.window
    assert window.status_line.connection.text() == "Verbunden"
    for conn in demo_office.backend.hub.connections_of("a.schneider"):
        conn.ws.transport.abort()  # the network goes away under the client
    runner.wait_until(lambda: "Verbindung unterbrochen" in window.status_line.connection.text(),
                      what="the window to say the connection is lost")
    runner.wait_until(lambda: window.status_line.connection.text() == "Verbunden", timeout=10,
                      what="the client to reconnect by itself")


def test_every_control_has_an_accessible_name(demo_office: DemoOffice) -> None:
    window = demo_office.parts.window
    unnamed = []
    controls = [w for kind in (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QGraphicsView)
                for w in window.findChildren(kind)]
    assert len(controls) > 8
    for widget in controls:
        if not widget.isVisible():
            continue
        name = widget.accessibleName() or (widget.text() if isinstance(widget, QAbstractButton) else "")
        if not name.strip():
            unnamed.append(f"{type(widget).__name__} {widget.objectName()}")
    assert unnamed == []


def test_status_note_is_set_from_the_menu(demo_office: DemoOffice, runner: LoopRunner) -> None:
    menu = demo_office.parts.status_menu
    menu.note_action.trigger()
    dialog = menu.note_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.edit.setText("  Bis 11 Uhr im Termin  ")
    dialog.ok.click()
    runner.wait_until(lambda: demo_office.backend.presence.get("a.schneider").note == "Bis 11 Uhr im Termin",
                      what="the note to reach the server")
    runner.wait_until(lambda: "Bis 11 Uhr im Termin" in demo_office.parts.window.status_line.note.text(),
                      what="the toolbar to show my note")


def test_a_status_note_over_the_limit_is_refused_with_its_length_never_cut(
        demo_office: DemoOffice, runner: LoopRunner) -> None:
    menu = demo_office.parts.status_menu
    chosen: list[str] = []
    menu.statusChosen.connect(lambda _status, note: chosen.append(note))
    menu.note_action.trigger()
    dialog = menu.note_dialog
    long_note = "Heute im Außentermin beim Bauamt, danach Fortbildung; dringende Anfragen bitte an Frau Keller " \
                "im Bürgerbüro, Durchwahl 213"
    assert len(long_note) > 120
    dialog.edit.insert(long_note)  # as a paste does
    assert dialog.edit.text() == long_note  # nothing cut
    assert not dialog.ok.isEnabled() and dialog.problem.isVisibleTo(dialog)
    assert f"{len(long_note)} Zeichen, höchstens 120" in dialog.problem.text()
    dialog.buttons.accepted.emit()  # Enter in the field: still refused
    assert chosen == [] and dialog.isVisible()
    dialog.edit.setText(long_note[:100])
    assert dialog.ok.isEnabled() and not dialog.problem.isVisibleTo(dialog)
    dialog.ok.click()
    assert chosen == [long_note[:100]]


def test_events_after_the_window_is_gone_are_harmless(demo_office: DemoOffice, runner: LoopRunner, tmp_path,
                                                      expected_failures) -> None:  # type: ignore[no-untyped-def]
    """The services outlive a closed window for a moment (a late call update, a chat event, a knock); the
    listeners of the window's parts go quiet instead of raising into the closed window."""
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent

    from dvz_desktop.desktop import assemble_desktop
    from dvz_desktop.protocol import CallInfo, CallMember

    from .conftest import FakeDevices

    parts = assemble_desktop(demo_office.session, set(), lambda f: None, outbox_dir=tmp_path / "late",
                             media_factory=FakeDevices)
    window = parts.window
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(window)
    call = CallInfo(call_id="r1", room_id="kh-1-b110",
                    members=(CallMember(person_id="a.schneider"), CallMember(person_id="t.wagner")))
    parts.calls.client.call_changed.emit(call)
    parts.calls.client.ringing.emit(CallInfo(call_id="p1", members=(CallMember(person_id="t.wagner"),),
                                      ringing=("a.schneider",)))
    parts.calls.client.failed.emit("Die Verbindung ist abgebrochen.")
    parts.chat.client.conversations_changed.emit(None)
    for knock in parts.behaviour.knocks.values():
        parts.behaviour.knock_changed.emit(knock)
    parts.behaviour.inbox_changed.emit(None)
    assert list(expected_failures) == []
