"""Background tasks that are owned: kept, reported, cancelled together.

asyncio keeps only a weak reference to a task, so a task nobody holds may vanish mid-way, and an
exception in a task nobody awaits is lost. A :class:`TaskSet` holds its tasks until they end, reports an
exception that escaped one (``events.report_failure``: a log line in the program, a failed test in the
suite) and cancels what is left when its owner stops. The client's services and the backend use it
instead of hand-made ``set[asyncio.Task]`` fields.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any

from .events import report_task_failure


class TaskSet:
    def __init__(self, loop: asyncio.AbstractEventLoop | None = None) -> None:
        #: The loop to start tasks on; None: the running loop at the time of each ``spawn``.
        self._loop = loop
        self._tasks: set[asyncio.Task[Any]] = set()

    def spawn(self, coro: Coroutine[Any, Any, Any], name: str | None = None) -> asyncio.Task[Any]:
        """Start ``coro`` as a task this set owns until it ends."""
        loop = self._loop or asyncio.get_running_loop()
        task = loop.create_task(coro, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        task.add_done_callback(report_task_failure)
        return task

    def __len__(self) -> int:
        return len(self._tasks)

    def cancel(self) -> None:
        """Cancel every task still running (their owner stops)."""
        for task in list(self._tasks):
            task.cancel()

    async def idle(self) -> None:
        """Wait until every task (also those started meanwhile) has ended; their failures are reported,
        not raised here."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def close(self) -> None:
        """Cancel every task and wait until they have ended."""
        self.cancel()
        await self.idle()
