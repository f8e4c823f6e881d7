"""The meeting view for many: a gallery of nine (the most recent speakers, in stable places), the speaker
view, a shared screen on the main stage, a name on every tile and the avatar when the camera is off, the
participant list with hands in order and mute state, the moderator's menu, all reachable by keyboard.

The view is fed call states as the backend sends them (``CallInfo``) through a stand-in with the call
client's events; what the view asks of the call client is recorded. The same view against the real
backend and real calls: ``test_meeting_moderation_ui.py``."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from dvz_desktop.core.events import Event
from dvz_desktop.protocol import CallInfo, CallMember
from dvz_desktop.protocol.meetings import MeetingModerated
from dvz_desktop.qt.calls.panel import CallPanel
from dvz_desktop.qt.calls.participants import ParticipantRow

ME = "p00"
NAMES = {f"p{i:02d}": name for i, name in enumerate(
    ["Anna Schneider", "Bernd Vogel", "Clara Jung", "Dirk Lang", "Eva Roth", "Frank Ott", "Gerda Hahn",
     "Hans Pohl", "Ines Kraus", "Jan Wolf", "Karin Brandt", "Lutz Sommer"])}
T0 = datetime(2026, 12, 2, 9, tzinfo=UTC)


class RecordingCalls:
    """The call client as the view sees it: its events, its call, and what the view asks of it."""

    def __init__(self) -> None:
        self.call_changed: Event[CallInfo | None] = Event()
        self.frame_received: Event[tuple[str, str, Any]] = Event()
        self.moderated: Event[MeetingModerated] = Event()
        self.call: CallInfo | None = None
        self.me = ME
        self.shown: list[tuple[set[str], bool]] = []
        self.asked: list[tuple[str, ...]] = []

    def show_videos(self, shown: set[str], visible: bool) -> None:
        self.shown.append((set(shown), visible))

    async def moderate(self, person_id: str, action: str) -> None:
        self.asked.append(("moderate", person_id, action))

    async def raise_hand(self, raised: bool) -> None:
        self.asked.append(("hand", str(raised)))

    async def set_media(self, **state: Any) -> None:
        pass

    def set_held(self, held: bool) -> None:
        pass

    async def leave(self) -> None:
        pass

    def update(self, call: CallInfo) -> None:
        self.call = call
        self.call_changed.emit(call)


def member(person: str, *, speaking: bool = False, video: bool = True, audio: bool = True, screen: bool = False,
           hand: int | None = None) -> CallMember:
    return CallMember(person_id=person, audio=audio, video=video or screen, speaking=speaking, screen=screen,
                      hand_raised_at=None if hand is None else T0 + timedelta(seconds=hand))


def meeting(members: Iterable[CallMember], moderators: tuple[str, ...] = (ME,)) -> CallInfo:
    return CallInfo(call_id="rmeeting", room_id="kh-1-b110", members=tuple(members), mode="sfu", sfu_epoch=1,
                    moderator_ids=moderators)


@pytest.fixture
def view(qtbot) -> tuple[CallPanel, RecordingCalls]:  # type: ignore[no-untyped-def]
    calls = RecordingCalls()
    ran: list[object] = []

    def run(coro: Any) -> None:  # the view's requests, carried out at once
        ran.append(coro)
        try:
            coro.send(None)
        except StopIteration:
            pass

    panel = CallPanel(calls, None, lambda person: NAMES.get(person, person), run)  # type: ignore[arg-type]
    panel.room_name = lambda room_id: "Besprechung 1.10"
    qtbot.addWidget(panel)
    panel.resize(1366, 680)
    panel.show()
    qtbot.waitExposed(panel)
    return panel, calls


def twelve(speaking: Iterable[str] = (), **changes: dict[str, Any]) -> list[CallMember]:
    return [member(p, speaking=p in speaking, **changes.get(p, {})) for p in NAMES]


def shown(panel: CallPanel) -> list[str]:
    return [p for p in panel.stage.tiles]


def test_a_gallery_of_nine_shows_the_most_recent_speakers_and_keeps_their_places(view) -> None:
    panel, calls = view
    calls.update(meeting(twelve()))
    assert len(panel.tiles) == 8 and panel.self_tile is not None  # eight others and me: nine faces
    first = shown(panel)
    assert first == [f"p{i:02d}" for i in range(1, 9)]  # before anyone spoke: the first to arrive
    assert calls.shown[-1] == (set(first), True)  # video only for the tiles shown

    calls.update(meeting(twelve(speaking={"p11"})))  # Lutz (not shown) speaks: he takes one place, alone
    after = shown(panel)
    assert "p11" in after and len(after) == 8
    moved = [i for i, (a, b) in enumerate(zip(first, after, strict=True)) if a != b]
    assert len(moved) == 1  # nobody else moves
    assert calls.shown[-1] == (set(after), True)
    assert "p11" not in calls.shown[0][0]

    panel.set_visible(False)  # shrunk to the mini view: no video at all
    assert calls.shown[-1] == (set(after), False)


def test_every_tile_has_a_name_and_the_avatar_when_the_camera_is_off(view, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel, calls = view
    calls.update(meeting(twelve(p02={"video": False}, p03={"audio": False})))
    for person, tile in panel.tiles.items():
        assert tile.name == NAMES[person]
        assert tile.accessibleDescription().startswith(NAMES[person])
    clara = panel.tiles["p02"]
    assert not clara.video and not clara.has_picture()
    assert "Kamera aus" in clara.accessibleDescription()
    assert "Mikrofon aus" in panel.tiles["p03"].accessibleDescription()
    qtbot.waitUntil(lambda: clara.width() > 100)
    picture = clara.grab().toImage()
    centre = picture.pixelColor(picture.width() // 2, picture.height() // 2 - 10)
    assert centre.saturation() > 40  # the avatar's colour, not the black of a missing picture


def test_the_speaker_view_puts_the_latest_speaker_on_the_main_stage(view, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel, calls = view
    calls.update(meeting(twelve(speaking={"p04"})))
    calls.update(meeting(twelve()))  # Eva spoke last; now everyone is quiet
    assert panel.stage.main is None
    QTest.mouseClick(panel.header.view, Qt.MouseButton.LeftButton)
    assert panel.header.view.text() == "Galerie"  # the button now offers the way back
    assert panel.stage.main == "p04"
    eva = panel.tiles["p04"]
    qtbot.waitUntil(lambda: all(eva.height() > 2 * t.height() for p, t in panel.tiles.items() if p != "p04"))
    assert panel.calls.shown[-1][0] >= {"p04"}  # type: ignore[attr-defined]


def test_a_shared_screen_takes_the_main_stage_in_either_view(view, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel, calls = view
    calls.update(meeting(twelve(p10={"screen": True})))  # Karin (not among the first eight) shares
    assert panel.stage.main == "p10" and "p10" in panel.tiles
    karin = panel.tiles["p10"]
    qtbot.waitUntil(lambda: karin.width() > 600)
    calls.update(meeting(twelve()))  # she stops sharing: back to the gallery
    assert panel.stage.main is None


def test_the_participant_list_shows_hands_in_order_then_everyone_by_name_with_their_state(view) -> None:
    panel, calls = view
    calls.update(meeting(twelve(p07={"hand": 5, "audio": False}, p03={"hand": 9}, p05={"video": False})))
    assert panel.people.isVisible()  # a meeting of many shows who is there
    assert panel.header.people.text() == "Teilnehmende (12)"
    order = panel.people.order()
    assert order[:2] == ["p07", "p03"]  # hands first, in the order they went up
    rest = [NAMES[p] for p in order[2:]]
    assert rest == sorted(rest, key=str.casefold)
    hans = panel.people.rows["p07"].accessibleName()
    assert "Hand gehoben (1.)" in hans and "Mikrofon aus" in hans
    assert "Hand gehoben (2.)" in panel.people.rows["p03"].accessibleName()
    assert "Kamera aus" in panel.people.rows["p05"].accessibleName()
    assert "Moderation" in panel.people.rows[ME].accessibleName()
    assert panel.people.count.text() == "12 Personen"
    shown_tile = panel.tiles.get("p07")
    assert shown_tile is not None and shown_tile.hand == 1


def test_a_moderator_mutes_and_removes_after_asking_others_get_no_menu(view, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel, calls = view
    calls.update(meeting(twelve()))
    bernd: ParticipantRow = panel.people.rows["p01"]
    assert bernd.menu_button.isVisibleTo(panel) and not panel.people.rows[ME].menu_button.isVisibleTo(panel)
    bernd.mute_action.trigger()
    assert calls.asked[-1] == ("moderate", "p01", "mute")

    bernd.remove_action.trigger()  # asks first: cancel does nothing
    dialog = panel.people.dialog
    assert dialog is not None and "Bernd Vogel" in dialog.text()
    dialog.button(QMessageBox.StandardButton.Cancel).click()
    assert calls.asked[-1] == ("moderate", "p01", "mute")
    bernd.remove_action.trigger()
    dialog = panel.people.dialog
    assert dialog is not None
    remove = next(b for b in dialog.buttons() if b.text() == "Entfernen")
    remove.click()
    assert calls.asked[-1] == ("moderate", "p01", "remove")

    calls.update(meeting(twelve(), moderators=("p01",)))  # not a moderator: no menu on any row
    assert not any(row.menu_button.isVisibleTo(panel) for row in panel.people.rows.values())
    assert not panel.header.invite.isVisibleTo(panel)


def test_a_moderators_mute_is_told_and_turns_my_microphone_off(view) -> None:
    panel, calls = view
    calls.update(meeting(twelve(), moderators=("p01",)))
    assert not panel.mute.isChecked()
    calls.moderated.emit(MeetingModerated(call_id="rmeeting", action="mute", by="p01"))
    assert panel.mute.isChecked()
    assert "Bernd Vogel hat Ihr Mikrofon ausgeschaltet" in panel.note.text()


def focus_chain(start: QWidget, steps: int) -> list[QWidget]:
    seen: list[QWidget] = []
    start.setFocus(Qt.FocusReason.TabFocusReason)
    for _ in range(steps):
        widget = QApplication.focusWidget()
        if widget is not None:
            seen.append(widget)
        QTest.keyClick(widget or start, Qt.Key.Key_Tab)
    return seen


def test_everything_of_the_meeting_is_reachable_by_keyboard(view) -> None:
    panel, calls = view
    calls.update(meeting(twelve(p03={"hand": 1})))
    panel.activateWindow()
    chain = focus_chain(panel.header.view, 40)
    for control in (panel.header.view, panel.header.people, panel.header.invite, panel.hand, panel.mute,
                    panel.people.rows["p03"].menu_button):
        assert control in chain, control.accessibleName()
    for control in (panel.header.view, panel.header.people, panel.hand, panel.people.rows["p03"].menu_button):
        assert control.accessibleName()
    QTest.keyClick(panel.hand, Qt.Key.Key_Space)  # raising my hand from the keyboard
    assert calls.asked[-1] == ("hand", "True") and panel.hand.text() == "Hand senken"


def test_on_a_narrow_stage_the_bar_shows_icons_with_their_names_kept(view, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel, calls = view
    calls.update(meeting(twelve()))
    panel.resize(1800, 700)
    qtbot.waitUntil(lambda: not panel.mute.compact)
    assert all(b.isVisible() and QPushButtonText(b) == b.text() for b in panel.bar)
    panel.resize(760, 700)  # 1366 px with the side panel and the participant list open
    qtbot.waitUntil(lambda: all(b.compact for b in panel.bar))
    for button in panel.bar:
        assert QPushButtonText(button) == ""  # the icon alone ...
        assert button.text() == button.accessibleName() and button.toolTip()  # ... named
    QTest.mouseClick(panel.hand, Qt.MouseButton.LeftButton)
    assert panel.hand.toolTip() == panel.hand.accessibleName() == "Hand senken"
    assert all(b.sizeHint().width() < 80 for b in panel.bar)


def QPushButtonText(button: QWidget) -> str:  # noqa: N802 (what Qt paints, not the kept label)
    from PySide6.QtWidgets import QPushButton

    return QPushButton.text(button)  # type: ignore[arg-type]


def test_the_strip_under_a_shared_screen_fits_a_narrow_stage_without_overlapping(view, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel, calls = view
    panel.resize(1000, 680)  # 1366 px with the side panel and the participant list open
    calls.update(meeting(twelve(p10={"screen": True})))
    strip = [panel.tiles[p] for p in panel.stage.tiles if p in panel.tiles]
    if panel.self_tile is not None:
        strip.append(panel.self_tile)
    assert len(strip) >= 5
    qtbot.waitUntil(lambda: all(t.width() > 0 for t in strip))
    boxes = sorted((t.geometry() for t in strip), key=lambda r: r.x())
    for left, right in zip(boxes, boxes[1:], strict=False):
        assert left.right() < right.left()  # side by side, none over another
    assert boxes[-1].right() <= panel.gallery_view.width()
    assert panel.gallery_view.minimumSizeHint().width() <= 700  # the stage never has to grow to hold it
