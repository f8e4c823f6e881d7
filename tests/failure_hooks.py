"""A bug that the program survives must still fail the test that caused it.

The program keeps running when a listener raises (``Event.emit``), an owned task ends with an exception
or asyncio reports an error on its loop: it logs and carries on. In tests each of these is collected
here and fails the test (setup, call or teardown) in which it happened. Exceptions in Qt slots are
failed by pytest-qt's own exception capture (on by default; ``qt_no_exception_capture`` is never set).

A test that provokes such a failure on purpose takes the ``expected_failures`` fixture and empties it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from dvz_desktop.core import events


class Failures(list[tuple[str, BaseException]]):
    def describe(self) -> str:
        import traceback

        return "\n".join(f"{where}:\n" + "".join(traceback.format_exception(exc)) for where, exc in self)


@pytest.fixture(autouse=True)
def expected_failures(monkeypatch: pytest.MonkeyPatch) -> Iterator[Failures]:
    failures = Failures()

    def hook(where: str, exc: BaseException) -> None:
        failures.append((where, exc))

    def reporting(original):  # type: ignore[no-untyped-def]
        def handler(loop: asyncio.AbstractEventLoop, context: dict[str, object]) -> None:
            original(loop, context)
            exc = context.get("exception")
            if isinstance(exc, BaseException) and not isinstance(exc, asyncio.CancelledError):
                hook(f"asyncio: {context.get('message', '')}", exc)

        return handler

    events.add_failure_hook(hook)
    # asyncio's own loops and qasync's (which has its own default handler) report into the same list.
    import qasync

    for loop_class in (asyncio.BaseEventLoop, qasync._QEventLoop):
        monkeypatch.setattr(loop_class, "default_exception_handler", reporting(loop_class.default_exception_handler))
    yield failures
    events.remove_failure_hook(hook)
    if failures:
        pytest.fail("an exception was swallowed during this test:\n" + failures.describe(), pytrace=False)
