"""Map panel: floor switcher, zoom buttons and the view; one scene per floor, built on first visit."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from dvz_desktop.core.office import OfficeModel
from dvz_desktop.protocol import DoorState

from .items import AVATAR_RADIUS, DETAIL_MIN_PX
from .scene import FloorScene
from .view import MapView


class MapWidget(QWidget):
    #: The user wants to walk into this room.
    roomActivated = Signal(str)
    roomMenuRequested = Signal(str, QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model: OfficeModel | None = None
        self._scenes: dict[str, FloorScene] = {}
        self._doors: dict[str, tuple[DoorState, list[str]]] = {}
        self._waiting: dict[str, str] = {}
        self.floor_box = QComboBox()
        self.floor_box.setAccessibleName(self.tr("Stockwerk wählen"))
        self.floor_box.currentIndexChanged.connect(self._show_floor_index)
        label = QLabel(self.tr("&Stockwerk:"))
        label.setBuddy(self.floor_box)
        self.view = MapView()
        self.view.zoomChanged.connect(self._apply_detail)
        zoom_in = QToolButton(text="+")
        zoom_in.setAccessibleName(self.tr("Vergrößern"))
        zoom_in.setToolTip(self.tr("Vergrößern (+)"))
        zoom_in.clicked.connect(lambda: self.view.zoom_by(1.25))
        zoom_out = QToolButton(text="−")
        zoom_out.setAccessibleName(self.tr("Verkleinern"))
        zoom_out.setToolTip(self.tr("Verkleinern (−)"))
        zoom_out.clicked.connect(lambda: self.view.zoom_by(0.8))
        fit = QToolButton(text=self.tr("Ganzes Stockwerk"))
        fit.setAccessibleName(self.tr("Ganzes Stockwerk zeigen"))
        fit.clicked.connect(self.view.fit_floor)
        bar = QHBoxLayout()
        bar.addWidget(label)
        bar.addWidget(self.floor_box, 1)
        bar.addWidget(zoom_out)
        bar.addWidget(zoom_in)
        bar.addWidget(fit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

    def set_model(self, model: OfficeModel) -> None:
        self._model = model
        for scene in self._scenes.values():
            scene.deleteLater()
        self._scenes.clear()
        self.floor_box.blockSignals(True)
        self.floor_box.clear()
        for ref in model.floors:
            self.floor_box.addItem(ref.title, ref.id)
        self.floor_box.blockSignals(False)
        mine = model.my_floor()
        self.show_floor(mine.id if mine else (model.floors[0].id if model.floors else ""))

    def show_floor(self, floor_id: str) -> None:
        index = self.floor_box.findData(floor_id)
        if index < 0:
            return
        if self.floor_box.currentIndex() != index:
            self.floor_box.setCurrentIndex(index)  # calls _show_floor_index
        else:
            self._show_floor_index(index)

    def _show_floor_index(self, index: int) -> None:
        if self._model is None or index < 0:
            return
        floor_id = self.floor_box.itemData(index)
        scene = self._scenes.get(floor_id)
        if scene is None:
            ref = next(f for f in self._model.floors if f.id == floor_id)
            scene = FloorScene(ref, self._model)
            scene.roomActivated.connect(self.roomActivated)
            scene.roomMenuRequested.connect(self.roomMenuRequested)
            for room_id, text in self._waiting.items():
                scene.set_waiting(room_id, text)
            for room_id, (door, lines) in self._doors.items():
                scene.set_door(room_id, door, lines)
            self._scenes[floor_id] = scene
        self.view.setScene(scene)
        if self.view.auto_fit:
            self.view.fit_floor()
        self._apply_detail(self.view.zoom)

    def _apply_detail(self, zoom: float) -> None:
        """Zoomed out, initials would be unreadable smudges: show status dots instead."""
        scene = self.current_scene()
        if scene is not None:
            scene.set_detailed(zoom * 2 * AVATAR_RADIUS >= DETAIL_MIN_PX)

    def set_door(self, room_id: str, door: DoorState, lines: list[str]) -> None:
        """A door changed; floors not built yet get it when they are built."""
        self._doors[room_id] = (door, lines)
        for scene in self._scenes.values():
            scene.set_door(room_id, door, lines)

    def set_waiting(self, room_id: str, text: str) -> None:
        """Guests waiting at the digital door of this room's desk ("" when nobody waits)."""
        self._waiting[room_id] = text
        for scene in self._scenes.values():
            scene.set_waiting(room_id, text)

    def set_speaking(self, people: set[str]) -> None:
        """Who is talking in my call right now (their avatar gets a bright ring)."""
        for scene in self._scenes.values():
            for person_id, avatar in scene.avatars.items():
                avatar.set_speaking(person_id in people)

    def current_scene(self) -> FloorScene | None:
        scene = self.view.scene()
        return scene if isinstance(scene, FloorScene) else None

    def update_presence(self, changed: set[str]) -> None:
        # Floors not built yet pick up the current state when first shown.
        for scene in self._scenes.values():
            scene.sync(changed)
