"""Draw the DVZ app icon (a building with a lit window) in every size and format the installers need.

Run: .venv/bin/python installers/make_icons.py   (writes resources/icons/ and the runtime icon)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPen  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SIZES = (16, 32, 48, 64, 128, 256, 512)


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 64.0
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#1565c0"))
    p.drawRoundedRect(QRectF(2 * s, 2 * s, 60 * s, 60 * s), 12 * s, 12 * s)
    p.setBrush(QColor("#ffffff"))
    p.drawRect(QRectF(14 * s, 18 * s, 36 * s, 34 * s))  # the building
    p.setBrush(QColor("#ffffff"))
    p.drawPolygon([p for p in (QRectF(10 * s, 18 * s, 44 * s, 1).topLeft(), QRectF(32 * s, 8 * s, 1, 1).topLeft(),
                               QRectF(54 * s, 18 * s, 1, 1).topLeft())])
    for row in range(3):
        for col in range(3):
            lit = (row, col) == (1, 1)
            p.setBrush(QColor("#f9a825") if lit else QColor("#90a4ae"))
            p.drawRect(QRectF((18 + col * 10) * s, (22 + row * 10) * s, 7 * s, 7 * s))
    p.setPen(QPen(QColor("#2e7d32"), max(1.0, 3 * s)))
    p.setBrush(QColor("#2e7d32"))
    p.drawEllipse(QRectF(44 * s, 44 * s, 14 * s, 14 * s))  # someone is in
    p.end()
    return image


def main() -> int:
    QGuiApplication(sys.argv[:1])
    out = ROOT / "resources" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        draw(size).save(str(out / f"dvz-{size}.png"))
    draw(256).save(str(out / "dvz.png"))
    draw(256).save(str(out / "dvz.ico"))  # Qt's ico writer: one 256 px image, enough for Windows 10/11
    runtime = ROOT / "src" / "dvz_desktop" / "resources" / "icons"
    runtime.mkdir(parents=True, exist_ok=True)
    draw(256).save(str(runtime / "dvz.png"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
