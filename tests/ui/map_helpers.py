"""The map widget with the demo Landkreis, at the sizes it has in the window, and where things land on screen.

Sizes: the map's share of a 1366x768 window with the side panel open (about 950x600 px) and closed
(about 1290x640 px).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QApplication

from dvz_desktop.core.office import OfficeModel
from dvz_desktop.protocol import Presence, Status
from dvz_desktop.qt.map.scene import FloorScene
from dvz_desktop.qt.map.widget import MapWidget
from server_stub.demo.office import demo_org_file
from server_stub.directory.orgfile import to_protocol
from server_stub.directory.visibility import Directory

WITH_PANEL = (950, 600)
WITHOUT_PANEL = (1290, 640)
SIZES = [WITH_PANEL, WITHOUT_PANEL]
KREISHAUS_FLOORS = ["kh-0", "kh-1", "kh-2"]
#: The smallest text on the map, on screen (visual brief: at least 11 px).
MIN_TEXT_PX = 11


def demo_model(me: str = "a.schneider") -> OfficeModel:
    """Anna's view of the demo Landkreis with every colleague at their desk (statuses mixed)."""
    directory = Directory.build(*to_protocol(demo_org_file()))
    layout = directory.layout_for("lk-musterkreis")
    statuses = [Status.AVAILABLE, Status.BUSY, Status.DO_NOT_DISTURB, Status.IN_MEETING, Status.AWAY]
    presence = [Presence(person_id=p.id, status=statuses[i % len(statuses)], room_id=p.home_room_id)
                for i, p in enumerate(layout.people) if p.home_room_id]
    return OfficeModel(layout, me, presence)


def shown_map(qtbot, size: tuple[int, int], model: OfficeModel | None = None) -> MapWidget:  # type: ignore[no-untyped-def]
    widget = MapWidget()
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.set_model(model or demo_model())
    widget.show()
    qtbot.waitExposed(widget)
    settle()
    return widget


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def scene_of(widget: MapWidget) -> FloorScene:
    scene = widget.current_scene()
    assert scene is not None
    return scene


def on_screen(widget: MapWidget, rect: QRectF) -> QRectF:
    """A scene rectangle in the view's viewport pixels."""
    return QRectF(widget.view.mapFromScene(rect).boundingRect())


def item_rect_on_screen(widget: MapWidget, item, local: QRectF) -> QRectF:  # type: ignore[no-untyped-def]
    """A rectangle of an item that ignores the view's scale (plates), in viewport pixels."""
    origin = widget.view.mapFromScene(item.scenePos())
    return local.translated(origin.x(), origin.y())


def viewport_rect(widget: MapWidget) -> QRectF:
    return QRectF(widget.view.viewport().rect())
