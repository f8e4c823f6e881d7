"""A tiny observer: services emit, the Qt bridge and tests listen. No Qt here.

A listener that raises is a bug. In the running program it must not silence the other listeners, so
:meth:`Event.emit` carries on; but it never disappears into a log line only: every such failure goes
through :func:`report_failure`, where the test suite listens and fails the test that caused it
(``tests/failure_hooks.py``).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")
log = logging.getLogger(__name__)

#: (where, exception) -> None; called for every unexpected exception that the program survives.
FailureHook = Callable[[str, BaseException], None]
_failure_hooks: list[FailureHook] = []


def add_failure_hook(hook: FailureHook) -> None:
    _failure_hooks.append(hook)


def remove_failure_hook(hook: FailureHook) -> None:
    if hook in _failure_hooks:
        _failure_hooks.remove(hook)


def report_failure(where: str, exc: BaseException) -> None:
    """An exception nobody expected (a bug), caught so the program carries on: log it with its traceback
    and tell whoever listens (the tests)."""
    log.error("%s failed", where, exc_info=(type(exc), exc, exc.__traceback__))
    for hook in _failure_hooks:
        hook(where, exc)


def report_task_failure(task: asyncio.Task[Any]) -> None:
    """A done-callback for owned tasks: an exception that escaped the task is reported, never lost."""
    if task.cancelled():
        return
    exc = task.exception()
    if exc is not None:
        report_failure(f"task {task.get_name()}", exc)


class Event(Generic[T]):
    def __init__(self) -> None:
        self._listeners: list[Callable[[T], None]] = []

    def connect(self, listener: Callable[[T], None]) -> None:
        self._listeners.append(listener)

    def disconnect(self, listener: Callable[[T], None]) -> None:
        self._listeners.remove(listener)

    def emit(self, value: T) -> None:
        for listener in list(self._listeners):
            try:
                listener(value)
            except Exception as exc:  # noqa: BLE001 (one broken listener must not silence the others)
                report_failure(f"listener {getattr(listener, '__qualname__', listener)!r}", exc)
