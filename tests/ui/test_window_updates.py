"""A busy office costs the window only what it shows: the tray and the building tree do no work for
presence they do not show, and what they show stays right (issue 14, whole-window update rate)."""

from __future__ import annotations

from datetime import UTC

from PySide6.QtCore import Qt

from dvz_desktop.core.office import OfficeModel
from dvz_desktop.protocol import Presence, Status
from dvz_desktop.qt.people.tree import ID_ROLE, OfficeTree
from dvz_desktop.qt.shell.status_menu import StatusMenu
from dvz_desktop.qt.shell.tray import Tray, tray_icon
from server_stub.directory.orgfile import to_protocol
from server_stub.directory.visibility import Directory

from .map_helpers import demo_model


def _lk_model(org_three, presence: list[Presence]) -> OfficeModel:  # type: ignore[no-untyped-def]
    return OfficeModel(Directory.build(*to_protocol(org_three)).layout_for("lk"), me="anna", presence=presence)


def test_tray_asks_who_of_my_unit_is_in_only_when_one_of_them_changed(org_three, qtbot) -> None:  # type: ignore[no-untyped-def]
    model = _lk_model(org_three, [Presence(person_id="anna", status=Status.AVAILABLE, room_id="kh-101"),
                                  Presence(person_id="bernd", status=Status.BUSY, room_id="kh-102")])
    tray = Tray(StatusMenu())
    tray.update_from(model, True)
    assert [e.split(" – ")[0] for e in tray.present_entries()] == ["Bernd Weiß"]
    asked = []
    original = model.unit_colleagues_present
    model.unit_colleagues_present = lambda: asked.append(1) or original()  # type: ignore[method-assign]
    # Erik (another unit) walks and changes his status: nothing of it is in the tray.
    changed = model.apply([Presence(person_id="erik", status=Status.AWAY, room_id="kh-kueche")])
    tray.update_from(model, True, changed)
    assert asked == []
    # Bernd (my unit) changes his status: the tray says so.
    changed = model.apply([Presence(person_id="bernd", status=Status.AWAY, room_id="kh-102")])
    tray.update_from(model, True, changed)
    assert asked == [1]
    assert tray.present_entries() == ["Bernd Weiß – Abwesend"]


def test_tray_icon_is_drawn_once_per_status(qapp) -> None:  # type: ignore[no-untyped-def]
    assert tray_icon(Status.BUSY) is tray_icon(Status.BUSY)
    assert tray_icon(Status.BUSY) is not tray_icon(Status.AVAILABLE)
    assert not tray_icon(Status.AWAY).isNull()


def _listed(tree: OfficeTree, room_id: str) -> list[str]:
    item = tree.room_item(room_id)
    assert item is not None
    return [item.child(i).data(0, ID_ROLE) for i in range(item.childCount())]


def test_a_room_in_the_tree_lists_its_people_in_directory_order_as_they_walk_in(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = demo_model()
    tree = OfficeTree()
    qtbot.addWidget(tree)
    tree.set_model(model)
    tree.show()
    qtbot.waitExposed(tree)
    kitchen = next(r.room.id for r in model.kitchens())
    walkers = [p.id for p in model.everyone() if model.is_online(p.id)][:8]
    for person_id in reversed(walkers):  # they come in in the opposite order of the directory
        changed = model.apply([model.presence_of(person_id).model_copy(update={"room_id": kitchen})])
        tree.update_presence(changed)
        assert _listed(tree, kitchen) == [p.id for p in model.people_in(kitchen)]
    assert _listed(tree, kitchen)[:len(walkers)] == [p for p in walkers if p in _listed(tree, kitchen)]
    assert tree.room_item(kitchen).text(0).endswith(f"({model.count_in(kitchen)})")  # type: ignore[union-attr]


def test_a_hidden_tree_does_no_work_for_a_burst_and_is_right_when_shown(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = demo_model()
    tree = OfficeTree()
    qtbot.addWidget(tree)
    tree.set_model(model)
    rows_moved: list[int] = []
    tree.model().rowsInserted.connect(lambda *_: rows_moved.append(1))
    tree.model().dataChanged.connect(lambda *_: rows_moved.append(1))
    rooms = list(model.rooms)
    present = [p.id for p in model.everyone() if model.room_of(p.id) is not None]
    assert len(present) > 20
    for step, person_id in enumerate(present):  # everyone walks one room on, some change their status
        presence = model.presence_of(person_id)
        update = {"room_id": rooms[(rooms.index(presence.room_id) + 1) % len(rooms)]}
        if step % 3 == 0:
            update["status"] = Status.DO_NOT_DISTURB
        tree.update_presence(model.apply([presence.model_copy(update=update)]))
    assert rows_moved == []  # hidden (the people tab is in front): nothing was done yet
    tree.show()
    qtbot.waitExposed(tree)
    assert rows_moved  # shown: caught up at once
    rows_moved.clear()
    for room_id in rooms:
        assert _listed(tree, room_id) == [p.id for p in model.people_in(room_id)], room_id
    someone = present[0]
    room_item = tree.room_item(model.presence_of(someone).room_id or "")
    assert room_item is not None
    item = room_item.child(_listed(tree, room_item.data(0, ID_ROLE)).index(someone))
    assert "Nicht stören" in item.text(0)
    assert item.data(0, Qt.ItemDataRole.AccessibleTextRole).startswith(model.people[someone].display_name)


def _panel(qtbot, model: OfficeModel, today):  # type: ignore[no-untyped-def]
    from dvz_desktop.qt.people.panel import PeoplePanel

    panel = PeoplePanel(today=lambda: today)
    qtbot.addWidget(panel)
    panel.resize(340, 500)
    panel.set_model(model, set())
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_a_burst_repaints_only_the_changed_rows_on_screen(qtbot) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    model = demo_model()
    panel = _panel(qtbot, model, date(2026, 11, 24))
    on_screen = panel.people_on_screen()
    assert 5 <= len(on_screen) < len(model.people)  # a screenful, not everyone
    repainted: list[str] = []
    panel.model.dataChanged.connect(lambda first, last, *_: repainted.extend(
        panel.model.person_at(row) for row in range(first.row(), last.row() + 1)))
    walkers = [p.id for p in model.everyone() if model.room_of(p.id) is not None]
    rooms = list(model.rooms)
    changed = model.apply([model.presence_of(pid).model_copy(update={"room_id": rooms[i % len(rooms)]})
                           for i, pid in enumerate(walkers)])
    panel.update_presence(changed)
    assert set(repainted) == changed & on_screen  # each changed row in sight once, nothing else
    # What a row shows is read when it is painted or asked for: the rows out of sight are current too.
    last = walkers[-1]
    assert model.rooms[model.presence_of(last).room_id].room.name in panel.row_text(last)  # type: ignore[index]
    panel.hide()
    repainted.clear()
    panel.update_presence(model.apply([model.presence_of(walkers[0]).model_copy(update={"note": "Mittag"})]))
    assert repainted == []  # hidden: nothing to repaint


def test_only_present_today_follows_arrivals_and_departures(qtbot) -> None:  # type: ignore[no-untyped-def]
    from datetime import date, datetime

    model = demo_model()
    today = date(2026, 11, 24)
    panel = _panel(qtbot, model, today)
    panel.present_only.setChecked(True)
    assert panel.visible_people() == []  # nobody has a "first seen today" yet
    morning = datetime(2026, 11, 24, 7, 30, tzinfo=UTC)
    arriving = [p.id for p in model.everyone()][:3]
    panel.update_presence(model.apply([
        model.presence_of(pid).model_copy(update={"status": Status.AVAILABLE, "first_seen_today": morning})
        for pid in arriving]))
    assert set(panel.visible_people()) == set(arriving)
    panel.update_presence(model.apply([model.presence_of(arriving[0]).model_copy(update={"status": Status.OFFLINE})]))
    assert set(panel.visible_people()) == set(arriving[1:])


def test_people_walking_between_closed_rooms_only_change_the_counts(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = demo_model()
    tree = OfficeTree()
    qtbot.addWidget(tree)
    tree.set_model(model)
    tree.show()
    qtbot.waitExposed(tree)
    kitchen = next(r.room.id for r in model.kitchens())
    item = tree._rooms[kitchen]  # the room's item as shown, without asking it to list its people
    assert item.childCount() == 0 and not item.isExpanded()  # closed: a count, no items
    inserted: list[int] = []
    repainted: set[str] = set()
    tree.model().rowsInserted.connect(lambda *_: inserted.append(1))
    tree.model().dataChanged.connect(lambda first, *_: repainted.add(first.data(ID_ROLE)))
    walkers = [p.id for p in model.everyone() if model.room_of(p.id) is not None][:6]
    left = {model.presence_of(pid).room_id for pid in walkers}
    tree.update_presence(model.apply([model.presence_of(pid).model_copy(update={"room_id": kitchen})
                                      for pid in walkers]))
    assert inserted == []
    on_screen = {room_id for room_id, room in tree._rooms.items()
                 if tree.viewport().rect().intersects(tree.visualItemRect(room))}
    assert repainted == (left | {kitchen}) & on_screen  # rows out of sight are not told; they read it later
    assert all(tree._rooms[r].text(0).endswith(f"({model.count_in(r)})") for r in left)
    assert item.text(0).endswith(f"({model.count_in(kitchen)})")
    assert item.childIndicatorPolicy() is item.ChildIndicatorPolicy.ShowIndicator  # it can be opened
    item.setExpanded(True)  # the user opens the room: its people are listed, in directory order
    assert [item.child(i).data(0, ID_ROLE) for i in range(item.childCount())] == [
        p.id for p in model.people_in(kitchen)]
    leaver = walkers[0]
    tree.update_presence(model.apply([model.presence_of(leaver).model_copy(update={"room_id": None})]))
    assert leaver not in [item.child(i).data(0, ID_ROLE) for i in range(item.childCount())]
    assert leaver not in tree.people_listed()
    item.setExpanded(False)  # closed again: the items go, the count stays
    assert item.childCount() == 0 and item.text(0).endswith(f"({model.count_in(kitchen)})")
