"""Starting what a launcher plan says: a program without a shell, or handing a URL to the caller.

Logs name the launcher only, never the values (an Aktenzeichen is personal data of a case).
"""

from __future__ import annotations

import asyncio
import logging
import subprocess

from dvz_desktop.core.launchers import LauncherKind, LaunchPlan, LaunchRefused

log = logging.getLogger(__name__)


async def start_program(launch: LaunchPlan) -> asyncio.subprocess.Process:
    """Start the program of a PROGRAM plan, detached, with exactly its argument list."""
    if launch.kind is not LauncherKind.PROGRAM or not launch.argv:
        raise ValueError("not a program plan")
    try:
        process = await asyncio.create_subprocess_exec(
            *launch.argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True,  # it lives on when DVZ Desktop ends
        )
    except FileNotFoundError:
        raise LaunchRefused(f"Das Programm „{launch.argv[0]}“ wurde nicht gefunden. Bitte wenden Sie sich an "
                            "Ihre IT.") from None
    except PermissionError:
        raise LaunchRefused(f"Das Programm „{launch.argv[0]}“ darf nicht gestartet werden.") from None
    log.info("launcher %s started", launch.entry_id)
    return process
