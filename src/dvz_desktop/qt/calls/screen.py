"""Screen sharing: the primary screen as video frames (Qt grabs it; no extra library)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QGuiApplication, QImage

SHARE_FPS = 5
MAX_WIDTH = 1280


def screen_source() -> Callable[[], Any]:
    async def next_frame() -> Any:
        import numpy as np
        from av import VideoFrame

        await asyncio.sleep(1 / SHARE_FPS)
        screen = QGuiApplication.primaryScreen()
        image = screen.grabWindow(0).toImage().convertToFormat(QImage.Format.Format_RGB888) if screen else QImage()
        if image.isNull():
            return VideoFrame.from_ndarray(np.zeros((240, 320, 3), np.uint8), format="rgb24")
        if image.width() > MAX_WIDTH:
            image = image.scaledToWidth(MAX_WIDTH)
        width, height = image.width(), image.height()
        data = np.frombuffer(image.constBits(), np.uint8, count=image.bytesPerLine() * height)
        picture = data.reshape(height, image.bytesPerLine())[:, : width * 3].reshape(height, width, 3)
        return VideoFrame.from_ndarray(np.ascontiguousarray(picture), format="rgb24")

    return next_frame
