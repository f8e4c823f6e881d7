"""Starting what a launcher plan says: a program without a shell, or handing a URL to the caller.

Logs name the launcher only, never the values (an Aktenzeichen is personal data of a case).
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import subprocess
from collections.abc import Callable

from dvz_desktop.core.launchers import LauncherEntry, LauncherKind, LaunchPlan, LaunchRefused, own_entry

from .settings import UserSettings

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


class OwnLaunchers:
    """The user's own launchers, kept in the settings; only where policy ``AllowUserLaunchers`` is on."""

    def __init__(self, settings: UserSettings, save_settings: Callable[[UserSettings], None], allowed: bool) -> None:
        self._settings = settings
        self._save = save_settings
        self.allowed = allowed

    def entries(self) -> list[LauncherEntry]:
        if not self.allowed:
            return []
        found = []
        for data in self._settings.own_launchers:
            try:
                found.append(own_entry(data["id"], data["name"], data["url"]))
            except (LaunchRefused, KeyError, TypeError):
                log.warning("skipped an own launcher that is no longer valid")
        return found

    def add(self, name: str, url: str) -> LauncherEntry:
        """Raises LaunchRefused (German) when the launcher could not work or policy forbids own ones."""
        if not self.allowed:
            raise LaunchRefused("Eigene Starter sind in Ihrer Organisation nicht vorgesehen.")
        entry = own_entry(f"own-{secrets.token_hex(6)}", name, url)
        self._settings.own_launchers.append({"id": entry.entry_id, "name": entry.name, "url": entry.target})
        self._save(self._settings)
        return entry

    def remove(self, entry_id: str) -> None:
        self._settings.own_launchers = [d for d in self._settings.own_launchers if d.get("id") != entry_id]
        self._save(self._settings)
