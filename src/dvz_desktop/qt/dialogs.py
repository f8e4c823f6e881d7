"""Message boxes that do not block the loop.

A modal ``exec()`` inside an asyncio task would start a nested Qt event loop in the middle of the task's
step; qasync would then try to run other tasks inside it. These helpers open the box window-modal and
await its answer instead.
"""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


async def inform(parent: QWidget | None, title: str, text: str,
                 icon: QMessageBox.Icon = QMessageBox.Icon.Information) -> None:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # a server's or a colleague's words, never markup
    box.setAccessibleName(title)
    done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    box.finished.connect(lambda _result: done.done() or done.set_result(None))
    box.open()
    try:
        await done
    finally:
        box.deleteLater()
