"""Services outlive the widgets that listen to them (a window closed, a test torn down): listeners
bound to a widget go quiet once the widget's C++ side is gone."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject


def while_alive(owner: QObject, listener: Callable[..., None]) -> Callable[..., None]:
    """``listener``, silenced once ``owner`` is deleted (any number of arguments)."""

    def call(*values: object) -> None:
        if shiboken6.isValid(owner):
            listener(*values)

    return call
