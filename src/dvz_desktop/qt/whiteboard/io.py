"""Whiteboard in and out: export as PNG or PDF, and pictures scaled down to travel in one frame."""

from __future__ import annotations

import base64
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QGraphicsScene

from dvz_desktop.protocol import MAX_IMAGE_BYTES, WbShape

#: Pictures larger than this on disk are not even opened.
MAX_PICTURE_FILE_BYTES = 20 * 1024 * 1024
#: Longest side of a picture on the board, in pixels, before it is made smaller still to fit.
PICTURE_SIDE = 1024


class PictureRefused(Exception):
    """A German explanation why a picture cannot go on the board."""


def export_png(scene: QGraphicsScene, path: Path, width: int = 2000) -> None:
    source = scene.sceneRect()
    image = QImage(width, round(width * source.height() / source.width()), QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, QRectF(image.rect()), source)
    painter.end()
    if not image.save(str(path), "PNG"):
        raise OSError(f"Die Datei {path} konnte nicht geschrieben werden.")


def export_pdf(scene: QGraphicsScene, path: Path) -> None:
    writer = QPdfWriter(str(path))
    writer.setTitle("Whiteboard")
    writer.setCreator("DVZ Desktop")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                     QMarginsF(10, 10, 10, 10), QPageLayout.Unit.Millimeter))
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"Die Datei {path} konnte nicht geschrieben werden.")
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, QRectF(painter.viewport()), scene.sceneRect())
    painter.end()


def picture_shape(path: Path, at: tuple[int, int], board_size: QSizeF) -> WbShape:
    """A picture file as a board item placed at ``at``: scaled down and compressed until it fits."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise PictureRefused(f"Das Bild „{path.name}“ kann nicht gelesen werden.") from exc
    if size > MAX_PICTURE_FILE_BYTES:
        raise PictureRefused(f"Das Bild „{path.name}“ ist zu groß (höchstens 20 MB).")
    image = QImage(str(path))
    if image.isNull():
        raise PictureRefused(f"„{path.name}“ ist kein Bild, das DVZ Desktop öffnen kann (PNG oder JPEG).")
    data = encode_picture(image)
    if data is None:
        raise PictureRefused(f"Das Bild „{path.name}“ ist auch verkleinert zu groß für das Whiteboard.")
    shown = image.size().scaled(480, 360, Qt.AspectRatioMode.KeepAspectRatio)
    x = min(at[0], int(board_size.width()) - shown.width())
    y = min(at[1], int(board_size.height()) - shown.height())
    return WbShape(kind="image", points=(x, y, x + shown.width(), y + shown.height()), image=data)


def encode_picture(image: QImage) -> str | None:
    """JPEG at falling size and quality until it fits (transparent parts become white)."""
    if image.hasAlphaChannel():
        flat = QImage(image.size(), QImage.Format.Format_RGB32)
        flat.fill(Qt.GlobalColor.white)
        painter = QPainter(flat)
        painter.drawImage(0, 0, image)
        painter.end()
        image = flat
    side = PICTURE_SIDE
    while side >= 128:
        scaled = image.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio,
                              Qt.TransformationMode.SmoothTransformation)
        for quality in (85, 70, 55, 40):
            raw = _encode(scaled.convertToFormat(QImage.Format.Format_RGB32), "JPEG", quality)
            if len(raw) <= MAX_IMAGE_BYTES:
                return base64.b64encode(raw).decode("ascii")
        side //= 2
    return None


def _encode(image: QImage, fmt: str, quality: int) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, fmt, quality)
    buffer.close()
    return bytes(data.data())
