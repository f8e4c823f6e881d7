"""Starting what a launcher plan says: a program without a shell, or handing a URL to the caller.

Logs name the launcher only, never the values (an Aktenzeichen is personal data of a case).
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import shutil
import subprocess
import sys
from collections.abc import Callable

from dvz_desktop.core.launchers import (
    LauncherEntry,
    LauncherKind,
    LaunchPlan,
    LaunchRefused,
    own_entry,
)

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


async def has_protocol_handler(scheme: str) -> bool | None:
    """Whether this computer has a program for ``scheme://`` links (the eAkte's own protocol, say): True,
    False, or None where that cannot be told. Without one, handing the link over does nothing visible
    (Linux's xdg-open fails quietly; Windows may ask which program to use), so the user is told instead."""
    scheme = scheme.lower()
    if sys.platform.startswith("linux"):
        xdg_mime = shutil.which("xdg-mime")  # what xdg-open (and so Qt) asks as well
        if xdg_mime is None:
            return None
        try:
            process = await asyncio.create_subprocess_exec(
                xdg_mime, "query", "default", f"x-scheme-handler/{scheme}",
                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            out, _ = await asyncio.wait_for(process.communicate(), 10)
        except (OSError, TimeoutError):
            return None
        return bool(out.strip())
    if sys.platform == "win32":
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CLASSES_ROOT, scheme) as key:
                winreg.QueryValueEx(key, "URL Protocol")
        except OSError:
            return False
        return True
    return None


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
