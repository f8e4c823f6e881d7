"""User settings as a small JSON file in the per-user config folder. Never holds a password or token.

The file is read through a pydantic model: a value that does not fit (a theme that does not exist, a
negative number of minutes, a list where a word belongs) is dropped on its own, with a log line that
names the setting but not its value, and the setting takes its default; everything else the user chose
is kept. A file that cannot be read at all gives the defaults. Unknown keys (from a newer version) are
ignored.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .settings_file import APP_DIR_NAME, config_dir, settings_path

__all__ = ["APP_DIR_NAME", "DEFAULT_SERVER_URL", "SettingsStore", "UserSettings", "config_dir", "settings_from"]

log = logging.getLogger(__name__)

DEFAULT_SERVER_URL = "ws://127.0.0.1:8765/ws"


class UserSettings(BaseModel):
    model_config = ConfigDict(extra="ignore", validate_assignment=True)

    #: The server the user chose last ("" until they choose one; policy and installer preset come first).
    server_url: str = Field(default="", max_length=2048)
    username: str = Field(default="", max_length=128)
    remember: bool = False
    #: People whose arrival is announced in the tray ("Frau X ist jetzt da").
    followed: list[str] = Field(default_factory=list)
    #: "" = follow the system; "de" or "en".
    language: Literal["", "de", "en"] = ""
    #: "system" (light or dark as the OS says; its high-contrast setting wins), "light", "dark", "high-contrast".
    theme: Literal["system", "light", "dark", "high-contrast"] = "system"
    #: Minutes without keyboard or mouse input before the status becomes "abwesend" (0 = never).
    auto_away_minutes: int = Field(default=10, ge=0, le=24 * 60)
    #: Microphone and loudspeaker for calls, by name ("" = the system's default device).
    audio_input: str = ""
    audio_output: str = ""
    #: The arrangement of the desk's panels (Qt's window state, base64), restored at the next start.
    window_state: str = ""
    #: The CalDAV account (the password lives in the credential store, never here).
    caldav_url: str = ""
    caldav_user: str = ""
    #: The user's own launchers (where policy allows): {"id", "name", "url"} each.
    own_launchers: list[dict[str, str]] = Field(default_factory=list)


def settings_from(data: Any) -> UserSettings:
    """The settings in ``data`` (parsed JSON); what does not fit is left at its default."""
    if not isinstance(data, dict):
        return UserSettings()
    values = {key: value for key, value in data.items() if key in UserSettings.model_fields}
    while True:
        try:
            return UserSettings.model_validate(values)
        except ValidationError as exc:
            bad = {str(error["loc"][0]) for error in exc.errors() if error["loc"]}
            if not bad & set(values):
                return UserSettings()
            log.warning("settings: %s unusable; default used", ", ".join(sorted(bad)))  # never the values
            values = {key: value for key, value in values.items() if key not in bad}


class SettingsStore:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or settings_path()

    def load(self) -> UserSettings:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return UserSettings()
        except (OSError, ValueError) as exc:
            # A damaged file must not stop the program; keep it for inspection, start with defaults.
            log.warning("settings unreadable (%s); using defaults", type(exc).__name__)
            return UserSettings()
        return settings_from(data)

    def save(self, settings: UserSettings) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(settings.model_dump(), indent=2, ensure_ascii=False), encoding="utf-8")
        tmp.replace(self.path)  # atomic: a crash never leaves half a file
