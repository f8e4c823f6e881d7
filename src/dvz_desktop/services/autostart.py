"""Start at sign-in where the policy ``AutoStart`` asks for it.

Windows: the all-users entry is written by ``installers/windows/install.ps1 -AutoStart`` (HKLM Run), so
the client itself does nothing there. Linux: an XDG autostart entry in the user's config folder.
macOS: a LaunchAgent is left to the rollout (documented), the client does not write one.
"""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs

ENTRY = """[Desktop Entry]
Type=Application
Name=DVZ Desktop
Comment=Digitales Verwaltungszentrum
Exec=dvz-desktop
Icon=dvz-desktop
X-GNOME-Autostart-enabled=true
"""


def autostart_file(config_home: Path | None = None) -> Path:
    base = config_home or Path(platformdirs.user_config_dir())  # $XDG_CONFIG_HOME, else ~/.config
    return base / "autostart" / "dvz-desktop.desktop"


def apply_autostart(enabled: bool, config_home: Path | None = None, platform: str = sys.platform) -> bool:
    """Create or remove the user's autostart entry; returns whether it exists afterwards."""
    if not platform.startswith("linux"):
        return False
    path = autostart_file(config_home)
    if enabled:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text(encoding="utf-8") != ENTRY:
            path.write_text(ENTRY, encoding="utf-8")
        return True
    path.unlink(missing_ok=True)
    return False
