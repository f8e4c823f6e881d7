"""The organisation's own look after login: its colour as the accent and its logo on the rail.

Both come from the organisation file through the welcome (``Organisation.accent_color`` and ``.logo``,
checked by the backend). Without them the product's own blue and icon stay.
"""

from __future__ import annotations

import base64
import binascii

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QApplication

from dvz_desktop.protocol import Organisation

from . import theme

LOGO_SIZE = 36
_FORMATS = {"image/png": "PNG", "image/svg+xml": "SVG"}


def logo_pixmap(data_url: str | None, size: int = LOGO_SIZE) -> QPixmap | None:
    """The logo of a ``data:`` URL (PNG or SVG, base64) scaled into ``size``; None if it cannot be read."""
    if not data_url or not data_url.startswith("data:") or ";base64," not in data_url:
        return None
    kind, _, payload = data_url[5:].partition(";base64,")
    image_format = _FORMATS.get(kind)
    if image_format is None:
        return None
    try:
        raw = base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError):
        return None
    pixmap = QPixmap()
    if not pixmap.loadFromData(QByteArray(raw), image_format) or pixmap.isNull():
        return None
    return pixmap.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)


def show_organisation(app: QApplication, rail: object, organisation: Organisation | None,
                      fallback_icon: str) -> None:
    """The organisation's colour and logo, or the product's own when it has none."""
    theme.set_accent(app, organisation.accent_color if organisation else None)
    pixmap = logo_pixmap(organisation.logo if organisation else None)
    if pixmap is not None and organisation is not None:
        rail.set_logo(pixmap, organisation.name)  # type: ignore[attr-defined]
    else:
        rail.set_logo(QIcon(fallback_icon).pixmap(LOGO_SIZE, LOGO_SIZE), "DVZ Desktop")  # type: ignore[attr-defined]
