"""What the user does (walk into a room, change status) sent to the session as owned asyncio tasks."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

from PySide6.QtCore import QObject, Signal

from dvz_desktop.core.events import report_failure
from dvz_desktop.protocol import Status
from dvz_desktop.services.behaviour import OfficeBehaviour
from dvz_desktop.services.session import NotConnected, Session, SessionError

log = logging.getLogger(__name__)


class OfficeActions(QObject):
    #: A German message for the status bar when something the user did could not be done.
    failed = Signal(str)

    def __init__(self, session: Session, behaviour: OfficeBehaviour, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.behaviour = behaviour
        # Captured once: Qt may deliver a click between two turns of the loop, when none is "running".
        self._loop = asyncio.get_event_loop()
        self._tasks: set[asyncio.Task[None]] = set()
        self._move_task: asyncio.Task[None] | None = None

    def move(self, room_id: str) -> None:
        """Go to a room: walk in where the door allows it, knock where it is closed."""
        # A newer walk supersedes one still on its way.
        if self._move_task is not None and not self._move_task.done():
            self._move_task.cancel()
        self._move_task = self._spawn(self._go(room_id))

    async def _go(self, room_id: str) -> None:
        await self.behaviour.go_to(room_id)

    def set_status(self, status: Status, note: str) -> None:
        self._spawn(self._session.set_status(status, note, self.appear_offline))

    #: "Als offline anzeigen", kept with every status change.
    appear_offline = False

    def set_appear_offline(self, hidden: bool, status: Status, note: str) -> None:
        self.appear_offline = hidden
        self.set_status(status, note)

    def run(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[None]:
        """Run one behaviour command; failures become a German message in the status bar."""
        return self._spawn(coro)

    def _spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[None]:
        task = self._loop.create_task(self._report(coro))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def _report(self, coro: Coroutine[Any, Any, Any]) -> None:
        try:
            await coro
        except NotConnected as exc:
            self.failed.emit(exc.message)
        except SessionError as exc:
            self.failed.emit(exc.message)
        except TimeoutError:
            self.failed.emit(self.tr("Der Server hat nicht rechtzeitig geantwortet."))
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # noqa: BLE001 (a bug: the user hears of it, the log and the tests get the rest)
            report_failure("action", exc)
            self.failed.emit(self.tr("Das hat leider nicht geklappt."))

    async def wait_idle(self) -> None:
        """Wait for every running action (tests and shutdown)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)
