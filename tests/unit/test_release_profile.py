"""The IT release profile and pyproject.toml stay consistent; Briefcase finds the app."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installers"))

import build_release  # noqa: E402

import dvz_desktop  # noqa: E402


def test_profile_and_pyproject_agree() -> None:
    profile = build_release.load_profile()
    pyproject = build_release.load_pyproject()
    app = pyproject["tool"]["briefcase"]["app"]["dvz_desktop"]
    assert profile["product"]["version"] == pyproject["project"]["version"] == dvz_desktop.__version__
    assert pyproject["tool"]["briefcase"]["version"] == pyproject["project"]["version"]
    assert app["windows"]["version_triple"] == pyproject["project"]["version"]
    assert app["sources"] == ["src/dvz_desktop"]  # the backend is not bundled
    assert (ROOT / (app["icon"] + ".ico")).exists() and (ROOT / (app["icon"] + ".png")).exists()
    # Same runtime requirements for the bundle as for a pip install.
    assert sorted(app["requires"]) == sorted(pyproject["project"]["dependencies"])
    assert any(r.startswith("PySide6-Essentials>=6.11,<6.12") for r in app["requires"])


def test_overrides_and_installer_config() -> None:
    profile = build_release.load_profile()
    overrides = build_release.briefcase_overrides(profile)
    assert 'formal_name="DVZ Desktop"' in overrides
    assert "system_installer=true" in overrides
    config = build_release.installer_config(profile)
    assert config["ServerUrl"] == profile["defaults"]["server_url"]
    assert config["DisableUpdateCheck"] is True


def test_profile_mistakes_are_refused(tmp_path: Path) -> None:
    bad = tmp_path / "briefcase.toml"
    bad.write_text((ROOT / "briefcase.toml").read_text(encoding="utf-8").replace(
        'server_url = "ws://127.0.0.1:8765/ws"', 'server_url = "ws://dvz.example/ws"'), encoding="utf-8")
    try:
        build_release.load_profile(bad)
    except build_release.ProfileError as exc:
        assert "wss://" in str(exc)
    else:
        raise AssertionError("a plain ws:// server outside loopback must be refused")


def test_release_files_for_it(tmp_path: Path) -> None:
    import json

    written = build_release.write_release_files(build_release.load_profile(), tmp_path)
    names = {p.relative_to(tmp_path).as_posix() for p in written}
    assert {"dvz-config.json", "install.ps1", "uninstall.ps1", "deploy.ps1", "PolicyDefinitions/dvz.admx",
            "PolicyDefinitions/de-DE/dvz.adml", "PolicyDefinitions/en-US/dvz.adml"} <= names
    config = json.loads((tmp_path / "dvz-config.json").read_text(encoding="utf-8"))
    # The installer's config file uses exactly the client's policy key names.
    from dvz_desktop.services.policy import POLICY_KEYS

    assert set(config) <= set(POLICY_KEYS)


def test_install_script_registers_the_link_handler_safely() -> None:
    script = (ROOT / "installers" / "windows" / "install.ps1").read_text(encoding="utf-8")
    # The link is handed over as one quoted argument; no cmd.exe, no shell in between.
    assert '"`"$exe`" `"%1`""' in script
    assert "cmd.exe" not in script and "Invoke-Expression" not in script
    assert r"HKLM:\Software\Classes\dvz" in script and "URL Protocol" in script
    uninstall = (ROOT / "installers" / "windows" / "uninstall.ps1").read_text(encoding="utf-8")
    assert r"HKLM:\Software\Classes\dvz" in uninstall and "DVZDesktop" in uninstall
