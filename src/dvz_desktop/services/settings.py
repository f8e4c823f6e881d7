"""User settings as a small JSON file in the per-user config folder. Never holds a password or token."""

from __future__ import annotations

import json
import logging
import os
import sys
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

log = logging.getLogger(__name__)

DEFAULT_SERVER_URL = "ws://127.0.0.1:8765/ws"


def config_dir() -> Path:
    """%APPDATA%\\DVZ on Windows, ~/Library/Application Support/DVZ on macOS, $XDG_CONFIG_HOME/dvz else."""
    override = os.environ.get("DVZ_CONFIG_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home())) / "DVZ"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "DVZ"
    return Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config")) / "dvz"


@dataclass
class UserSettings:
    #: The server the user chose last ("" until they choose one; policy and installer preset come first).
    server_url: str = ""
    username: str = ""
    remember: bool = False
    #: People whose arrival is announced in the tray ("Frau X ist jetzt da").
    followed: list[str] = field(default_factory=list)
    language: str = ""  # "" = follow the system; "de" or "en"
    #: "system" (light or dark as the OS says; its high-contrast setting wins), "light", "dark", "high-contrast".
    theme: str = "system"
    #: Minutes without keyboard or mouse input before the status becomes "abwesend" (0 = never).
    auto_away_minutes: int = 10
    #: Microphone and loudspeaker for calls, by name ("" = the system's default device).
    audio_input: str = ""
    audio_output: str = ""
    #: The arrangement of the desk's panels (Qt's window state, base64), restored at the next start.
    window_state: str = ""
    #: The CalDAV account (the password lives in the credential store, never here).
    caldav_url: str = ""
    caldav_user: str = ""
    #: The user's own launchers (where policy allows): {"id", "name", "url"} each.
    own_launchers: list[dict[str, str]] = field(default_factory=list)


class SettingsStore:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or (config_dir() / "settings.json")

    def load(self) -> UserSettings:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return UserSettings()
        except (OSError, ValueError) as exc:
            # A damaged file must not stop the program; keep it for inspection, start with defaults.
            log.warning("settings unreadable (%s); using defaults", type(exc).__name__)
            return UserSettings()
        known = {f.name for f in fields(UserSettings)}
        values = {k: v for k, v in data.items() if k in known} if isinstance(data, dict) else {}
        try:
            return UserSettings(**values)
        except TypeError:
            return UserSettings()

    def save(self, settings: UserSettings) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(settings), indent=2, ensure_ascii=False), encoding="utf-8")
        tmp.replace(self.path)  # atomic: a crash never leaves half a file
