"""AutoStart from policy on Linux: an XDG autostart entry appears, and goes when the policy says no."""

from pathlib import Path

from dvz_desktop.services.autostart import apply_autostart, autostart_file


def test_autostart_entry_follows_the_policy(tmp_path: Path) -> None:
    assert apply_autostart(True, tmp_path, platform="linux")
    entry = autostart_file(tmp_path).read_text(encoding="utf-8")
    assert "Exec=dvz-desktop" in entry and "Type=Application" in entry
    assert not apply_autostart(False, tmp_path, platform="linux")
    assert not autostart_file(tmp_path).exists()


def test_windows_leaves_autostart_to_the_install_script(tmp_path: Path) -> None:
    assert not apply_autostart(True, tmp_path, platform="win32")
    assert not autostart_file(tmp_path).exists()
