"""Services outlive the widgets that listen to them (a window closed, a test torn down): listeners
bound to a widget go quiet once the widget's C++ side is gone."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QObject

T = TypeVar("T")


def while_alive(owner: QObject, listener: Callable[[T], None]) -> Callable[[T], None]:
    def call(value: T) -> None:
        if shiboken6.isValid(owner):
            listener(value)

    return call
