"""The map panel: the floor bar over the plan; one scene per floor, built on first visit.

The public face the app uses: ``set_model``, ``update_presence``, ``set_door``, ``set_waiting``,
``set_speaking``, ``show_floor``, ``current_scene``, ``locate``, ``focus_room``, the signals
``roomActivated`` and ``roomMenuRequested``, and ``view`` / ``floor_box`` / ``bar``.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from PySide6.QtCore import QPoint, QTimer, Signal
from PySide6.QtGui import QImage, QPixmapCache
from PySide6.QtWidgets import QVBoxLayout, QWidget

from dvz_desktop.core.floorplan import Direction
from dvz_desktop.core.map_search import Hit, HitKind
from dvz_desktop.core.office import OfficeModel
from dvz_desktop.protocol import DoorState

from .floor_bar import FloorBar
from .scene import FloorScene
from .view import MapView

PIXMAP_CACHE_KB = 64 * 1024
#: Gets a portrait: (person id, version) -> its bytes, or None.
PhotoSource = Callable[[str, str], Awaitable[bytes | None]]
log = logging.getLogger(__name__)


class MapWidget(QWidget):
    #: The user wants to walk into this room.
    roomActivated = Signal(str)
    roomMenuRequested = Signal(str, QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Rooms, plates and the building keep their painting in Qt's pixmap cache; its default 10 MB
        # holds about 30 rooms at working zoom, after which every frame would paint them again.
        QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), PIXMAP_CACHE_KB))
        self._model: OfficeModel | None = None
        self._scenes: dict[str, FloorScene] = {}
        self._doors: dict[str, tuple[DoorState, list[str]]] = {}
        self._waiting: dict[str, str] = {}
        self._speaking: set[str] = set()
        #: Portraits: where to get them, what is known (person id -> (version, image)), what is on its way.
        self._photo_source: PhotoSource | None = None
        self._photos: dict[str, tuple[str, QImage]] = {}
        self._photo_tasks: dict[str, asyncio.Task[None]] = {}
        self._building: str | None = None
        self.bar = FloorBar()
        self.floor_box = self.bar.floor_box
        self.floor_box.currentIndexChanged.connect(self._show_floor_index)
        self.view = MapView()
        self.view.zoomChanged.connect(self._zoom_changed)
        self.view.focusMoveRequested.connect(self._move_focus)
        self.view.activateRequested.connect(self._activate_focused)
        self.view.menuRequested.connect(self._menu_for_focused)
        self.view.focusEntered.connect(self._focus_entered)
        self.bar.zoom_in.clicked.connect(lambda: self.view.zoom_by(1.25))
        self.bar.zoom_out.clicked.connect(lambda: self.view.zoom_by(0.8))
        self.bar.fit.clicked.connect(self.view.fit_floor)
        self.bar.buildingChosen.connect(self._show_building)
        self.bar.hitChosen.connect(self.locate)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.bar)
        layout.addWidget(self.view, 1)
        self.setFocusProxy(self.view)

    # --- model and floors ---

    def set_model(self, model: OfficeModel) -> None:
        self._model = model
        for task in self._photo_tasks.values():
            task.cancel()
        self._photo_tasks.clear()
        for scene in self._scenes.values():
            scene.deleteLater()
        self._scenes.clear()
        self._building = None
        self.bar.set_model(model)
        mine = model.my_floor()
        self.show_floor(mine.id if mine else (model.floors[0].id if model.floors else ""))

    def _fill_floor_box(self, building_id: str) -> None:
        assert self._model is not None
        self._building = building_id
        self.floor_box.blockSignals(True)
        self.floor_box.clear()
        for ref in self._model.floors:
            if ref.building.id == building_id:
                self.floor_box.addItem(ref.floor.name, ref.id)
                self.bar.show_building(ref.building.name)
        self.floor_box.blockSignals(False)

    def _show_building(self, building_id: str) -> None:
        if self._model is None:
            return
        first = next((f for f in self._model.floors if f.building.id == building_id), None)
        if first is not None:
            self.show_floor(first.id)

    def show_floor(self, floor_id: str) -> None:
        if self._model is None:
            return
        ref = next((f for f in self._model.floors if f.id == floor_id), None)
        if ref is None:
            return
        if ref.building.id != self._building:
            self._fill_floor_box(ref.building.id)
        index = self.floor_box.findData(floor_id)
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
            for person_id, avatar in scene.avatars.items():
                avatar.set_speaking(person_id in self._speaking)
            scene.photos = self._photos  # shared: a portrait loaded once shows on every floor
            for person_id, (version, image) in self._photos.items():
                scene.set_photo(person_id, version, image)
            self._scenes[floor_id] = scene
            self._request_photos(set(scene.avatars))
        if self.view.scene() is scene:
            return
        self.view.setScene(scene)
        if self.view.auto_fit:
            self.view.fit_floor()
        else:
            self.view.centerOn(scene.floor_rect.center())
        scene.device_ratio = self.view.devicePixelRatioF()
        scene.set_zoom(self.view.zoom)
        scene.sharpen_now()

    def current_scene(self) -> FloorScene | None:
        scene = self.view.scene()
        return scene if isinstance(scene, FloorScene) else None

    def _zoom_changed(self, zoom: float) -> None:
        scene = self.current_scene()
        if scene is not None:
            scene.device_ratio = self.view.devicePixelRatioF()
            scene.set_zoom(zoom)

    # --- live state ---

    def update_presence(self, changed: set[str]) -> None:
        # Floors not built yet pick up the current state when first shown.
        for scene in self._scenes.values():
            scene.sync(changed)
        self._request_photos(changed)
        if self._speaking & changed:
            self.set_speaking(self._speaking)

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
        self._speaking = set(people)
        for scene in self._scenes.values():
            for person_id, avatar in scene.avatars.items():
                avatar.set_speaking(person_id in people)

    # --- portraits ---

    def set_photo_source(self, fetch: PhotoSource | None) -> None:
        """Where portraits come from (``services.photos.PhotoFetcher.fetch``); None: initials only."""
        self._photo_source = fetch
        self._request_photos({pid for scene in self._scenes.values() for pid in scene.avatars})

    def _request_photos(self, people: set[str], deferred: bool = False) -> None:
        """Ask for the portraits of people now drawn who have one we do not hold yet (lazily: people on
        floors nobody opened are not fetched)."""
        if self._photo_source is None or self._model is None or not people:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            # Called from outside the event loop (while the window is built): try once more from the
            # Qt event loop, which qasync runs together with asyncio; a bare widget keeps its initials.
            if not deferred:
                QTimer.singleShot(0, lambda: self._request_photos(set(people), deferred=True))
            return
        scenes = list(self._scenes.values())
        for person_id in people:
            if not any(person_id in scene.avatars for scene in scenes):
                continue  # not drawn on any floor built so far
            person = self._model.people.get(person_id)
            version = person.photo if person else ""
            if not version or self._photos.get(person_id, ("",))[0] == version or person_id in self._photo_tasks:
                continue
            task = loop.create_task(self._load_photo(person_id, version), name=f"dvz-photo-{person_id}")
            self._photo_tasks[person_id] = task

    async def _load_photo(self, person_id: str, version: str) -> None:
        try:
            assert self._photo_source is not None
            data = await self._photo_source(person_id, version)
            # Decoding a JPEG is work too: off the GUI thread, like the download.
            image = await asyncio.to_thread(QImage.fromData, data) if data else None
        except Exception:  # a portrait is never worth an error dialog; the initials stay
            log.exception("Foto von %s nicht geladen", person_id)
            image = None
        finally:
            self._photo_tasks.pop(person_id, None)
        if image is None or image.isNull():
            return
        self._photos[person_id] = (version, image)
        for scene in self._scenes.values():
            scene.set_photo(person_id, version, image)

    # --- finding and focusing rooms ---

    def locate(self, hit: Hit) -> bool:
        """Show a search result: switch to its floor, bring its room into view, tint it briefly."""
        if hit.floor_id is None or hit.room_id is None:
            return False
        self.show_floor(hit.floor_id)
        scene = self.current_scene()
        if scene is None or hit.room_id not in scene.rooms:
            return False
        self.focus_room(hit.room_id)
        scene.flash(hit.room_id)
        if hit.kind is HitKind.PERSON and hit.id in scene.avatars:
            self.view.centerOn(scene.avatars[hit.id])
        return True

    def focus_room(self, room_id: str) -> None:
        scene = self.current_scene()
        if scene is None or room_id not in scene.rooms:
            return
        scene.set_focus_room(room_id)
        self.view.ensureVisible(scene.rooms[room_id], 24, 24)
        self._announce()

    def _move_focus(self, direction: Direction) -> None:
        scene = self.current_scene()
        if scene is None:
            return
        room_id = scene.move_focus(direction)
        if room_id is not None:
            self.view.ensureVisible(scene.rooms[room_id], 24, 24)
        self._announce()

    def _focus_entered(self) -> None:
        scene = self.current_scene()
        if scene is not None and scene.focused_room is None:
            mine = self._model.presence_of(self._model.me).room_id if self._model else None
            scene.set_focus_room(mine if mine in scene.rooms else None)
            if scene.focused_room is None:
                scene.move_focus(Direction.RIGHT)
        self._announce()

    def _announce(self) -> None:
        """Tell screen readers which room the focus is on (name, kind, door, who is in)."""
        scene = self.current_scene()
        if scene is None or scene.focused_room is None:
            return
        item = scene.rooms[scene.focused_room]
        self.view.setAccessibleName(self.tr("Büroplan: %1").replace("%1", item.room.name))
        self.view.setAccessibleDescription(scene.describe_room(scene.focused_room))

    def _activate_focused(self) -> None:
        scene = self.current_scene()
        if scene is not None and scene.focused_room is not None:
            self.roomActivated.emit(scene.focused_room)

    def _menu_for_focused(self) -> None:
        scene = self.current_scene()
        if scene is None or scene.focused_room is None:
            return
        rect = scene.rooms[scene.focused_room].rect()
        where = self.view.viewport().mapToGlobal(self.view.mapFromScene(rect.center()))
        self.roomMenuRequested.emit(scene.focused_room, where)
