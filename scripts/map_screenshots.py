"""Screenshots of the office map with the demo Landkreis, for docs/images (map-*.png).

    PYTHONPATH=src:. .venv/bin/python scripts/map_screenshots.py [docs/images]

The map widget alone at the sizes it has in the window: 1366x768 with and without the side panel,
1920x1080 without; the whole floor, zoomed in, zoomed out, and the ground floor with a queue at the
Bürgerbüro and office hours at a door. Offscreen, light theme.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))


def main() -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    from ui.map_helpers import demo_model  # the same demo office the map tests use

    from dvz_desktop.protocol import DoorState
    from dvz_desktop.qt.map.widget import MapWidget

    out = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "docs" / "images")
    out.mkdir(parents=True, exist_ok=True)
    model = demo_model()
    # A lived-in morning: Jens wants a coffee, Thomas closed his door, Uwe is out with a deputy named.
    for person_id in ("j.hoffmann", "y.koenig"):
        model.apply([model.presence_of(person_id).model_copy(update={"coffee": True})])

    def shot(name: str, size: tuple[int, int], floor: str = "kh-1", zoom: float | None = None,
             centre: str | None = None) -> None:
        widget = MapWidget()
        widget.resize(*size)
        widget.set_model(model)
        widget.set_door("kh-1-102", DoorState.CLOSED, [])
        widget.set_door("kh-1-106", DoorState.LOCKED, ["Abwesend bis 05.12., Vertretung: Katrin Klein"])
        widget.set_door("kh-1-104", DoorState.AJAR, [])
        widget.set_door("kh-0-it", DoorState.AJAR, ["Sprechzeiten: Mo 08:00–12:00"])
        widget.set_waiting("kh-0-buergerbuero", "3 warten")
        widget.set_speaking({"b.koehler"})
        widget.show_floor(floor)
        widget.show()
        for _ in range(3):
            app.processEvents()
        if zoom is not None:
            widget.view.zoom_by(zoom / widget.view.zoom)
            scene = widget.current_scene()
            if scene is not None and centre:
                widget.view.centerOn(scene.rooms[centre].rect().center())
        settle = time.monotonic() + 0.4  # avatars are redrawn for the zoom once it has settled
        while time.monotonic() < settle:
            app.processEvents()
        path = out / f"map-{name}.png"
        widget.grab().save(str(path))
        print(path)
        widget.close()

    shot("1366-floor", (1290, 640))
    shot("1366-with-panel", (950, 600))
    shot("1366-zoomed", (1290, 640), zoom=1.6, centre="kh-1-103")
    shot("1366-ground-floor", (1290, 640), floor="kh-0")
    shot("1366-zoomed-out", (950, 600), zoom=0.42)
    shot("1920-floor", (1850, 960))
    shot("1920-zoomed", (1850, 960), zoom=2.2, centre="kh-1-stab")


if __name__ == "__main__":
    main()
