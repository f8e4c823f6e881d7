"""Where the user's settings file lives, and the first look at it before the window is painted.

Standard library only: the start paints the window before pydantic and the message models load
(docs/performance.md), yet the language, the theme and whether a login is remembered decide that first
window. ``settings.py`` reads the whole file through its pydantic model once the window is up.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

#: The folder's name: "DVZ" where folders are named like programs (Windows, macOS), "dvz" under XDG.
APP_DIR_NAME = "DVZ" if sys.platform in ("win32", "darwin") else "dvz"
#: The values ``UserSettings.language`` and ``UserSettings.theme`` accept (a test keeps them in step).
LANGUAGES = ("", "de", "en")
THEMES = ("system", "light", "dark", "high-contrast")


def config_dir() -> Path:
    """%APPDATA%\\DVZ on Windows, ~/Library/Application Support/DVZ on macOS, $XDG_CONFIG_HOME/dvz else
    (platformdirs knows each system's rule); ``DVZ_CONFIG_DIR`` overrides it (tests, portable installs)."""
    override = os.environ.get("DVZ_CONFIG_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False, roaming=True))


def settings_path() -> Path:
    return config_dir() / "settings.json"


@dataclass(frozen=True)
class FirstLook:
    """What the first window needs; a value that does not fit is its default (the full load says why)."""

    language: str = ""
    theme: str = "system"
    remember: bool = False
    username: str = ""


def first_look(path: Path | None = None) -> FirstLook:
    try:
        data: Any = json.loads((path or settings_path()).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return FirstLook()  # missing or damaged: the full load logs it and uses the defaults too
    if not isinstance(data, dict):
        return FirstLook()
    language, theme = data.get("language"), data.get("theme")
    remember, username = data.get("remember"), data.get("username")
    return FirstLook(
        language=language if language in LANGUAGES else "",
        theme=theme if theme in THEMES else "system",
        remember=remember if isinstance(remember, bool) else False,
        username=username if isinstance(username, str) and len(username) <= 128 else "",
    )
