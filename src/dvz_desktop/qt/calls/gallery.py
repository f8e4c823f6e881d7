"""The faces of a call on the stage: a gallery of equal tiles, or a main stage (the latest speaker, or a
shared screen) above a strip of the others. Which people it shows is the rule of ``core/gallery.py``;
this widget only places the tiles it is given, mine always last."""

from __future__ import annotations

import math

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from dvz_desktop.core.gallery import Stage

from .tile import VideoTile

#: The strip under the main stage, as a share of the height.
STRIP_SHARE = 0.24
#: The smallest tile in the gallery, and in the strip (six of them fit beside each other at 1366 px with
#: the side panel and the participant list open; the name plate elides).
TILE_MINIMUM = QSize(160, 100)
STRIP_MINIMUM = QSize(96, 72)


class GalleryView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.grid = QGridLayout()
        self.grid.setSpacing(8)
        self.main_box = QVBoxLayout()
        self.strip = QHBoxLayout()
        self.strip.setSpacing(8)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(8)
        self._layout.addLayout(self.grid, 1)
        self._layout.addLayout(self.main_box, 0)
        self._layout.addLayout(self.strip, 0)
        self.stage = Stage(None, ())
        self._placed: list[VideoTile] = []

    def place(self, stage: Stage, tiles: dict[str, VideoTile], mine: VideoTile | None) -> None:
        """Shows ``stage`` with the given tiles (and my own last); tiles not placed are hidden."""
        self.stage = stage
        self._placed = [tile for tile in self._placed if isValid(tile)]  # the panel deletes tiles that go
        for tile in self._placed:
            for layout in (self.grid, self.strip, self.main_box):
                layout.removeWidget(tile)
        others = [tiles[p] for p in stage.tiles if p in tiles]
        if mine is not None:
            others.append(mine)
        main = tiles.get(stage.main) if stage.main is not None else None
        for tile in others:
            tile.setMaximumHeight(16_777_215)
            tile.setMinimumSize(TILE_MINIMUM if main is None else STRIP_MINIMUM)
        if main is None:
            columns = max(1, math.ceil(math.sqrt(len(others))))
            for index, tile in enumerate(others):
                self.grid.addWidget(tile, index // columns, index % columns)
            self._stretch(1, 0)
        else:
            main.setMaximumHeight(16_777_215)
            self.main_box.addWidget(main)
            for tile in others:
                self.strip.addWidget(tile)
            self._stretch(0, 1)
            self._size_strip(others)
        placed = ([main] if main is not None else []) + others
        for tile in placed:
            tile.show()
        for tile in set(self._placed) - set(placed):
            tile.hide()
        self._placed = placed

    def _stretch(self, grid: int, main: int) -> None:
        self._layout.setStretch(0, grid)
        self._layout.setStretch(1, main)

    def _size_strip(self, strip: list[VideoTile]) -> None:
        height = max(100, int(self.height() * STRIP_SHARE))
        for tile in strip:
            tile.setMaximumHeight(height)

    def resizeEvent(self, event: object) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self.stage.main is not None:
            self._size_strip(self._placed[1:])
