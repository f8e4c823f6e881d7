"""Settings never hold secrets and survive damage; the token lives in the credential store, if any."""

from __future__ import annotations

from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import NoKeyringError

from dvz_desktop.services.credentials import NO_STORE_MESSAGE, CredentialStore
from dvz_desktop.services.settings import SettingsStore, UserSettings


class MemoryKeyring(KeyringBackend):
    """Stands in for Windows Credential Manager / Secret Service, which this machine does not have."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


class NoKeyring(MemoryKeyring):
    def set_password(self, service: str, username: str, password: str) -> None:
        raise NoKeyringError("No recommended backend was available.")

    def get_password(self, service: str, username: str) -> str | None:
        raise NoKeyringError("No recommended backend was available.")


def test_settings_round_trip_and_contain_no_token(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    settings = UserSettings(server_url="wss://dvz.example/ws", username="anna", remember=True, followed=["bernd"])
    store.save(settings)
    assert store.load() == settings
    creds = CredentialStore(MemoryKeyring())
    assert creds.save_token("wss://dvz.example/ws", "anna", "geheimes-token-123") is None
    assert "geheimes-token-123" not in (tmp_path / "settings.json").read_text(encoding="utf-8")


def test_damaged_settings_fall_back_to_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{ kaputt", encoding="utf-8")
    assert SettingsStore(path).load() == UserSettings()
    path.write_text('{"username": "anna", "unknown_future_key": 1}', encoding="utf-8")
    assert SettingsStore(path).load().username == "anna"


def test_token_is_stored_per_server_and_user_and_can_be_forgotten() -> None:
    ring = MemoryKeyring()
    creds = CredentialStore(ring)
    creds.save_token("wss://a/ws", "anna", "t1")
    creds.save_token("wss://b/ws", "anna", "t2")
    assert creds.load_token("wss://a/ws", "anna") == "t1"
    assert creds.load_token("wss://b/ws", "anna") == "t2"
    creds.forget("wss://a/ws", "anna")
    assert creds.load_token("wss://a/ws", "anna") is None


def test_machine_without_credential_store_says_so_and_carries_on() -> None:
    creds = CredentialStore(NoKeyring())
    assert creds.save_token("wss://a/ws", "anna", "t1") == NO_STORE_MESSAGE
    assert "keinen Passwortspeicher" in NO_STORE_MESSAGE
    assert creds.load_token("wss://a/ws", "anna") is None
    creds.forget("wss://a/ws", "anna")  # no exception either


def test_token_too_long_for_windows_credential_manager_is_not_stored_and_says_why() -> None:
    from dvz_desktop.services.credentials import TOO_LONG_MESSAGE, CredentialStore

    keyring = MemoryKeyring()
    store = CredentialStore(keyring)
    assert store.save_token("wss://dvz.example/ws", "anna", "t" * 1281) == TOO_LONG_MESSAGE
    assert store.load_token("wss://dvz.example/ws", "anna") is None
    assert store.save_token("wss://dvz.example/ws", "anna", "t" * 1280) is None  # 2,560 bytes as UTF-16 fit


def test_windows_store_keeps_the_token_on_this_machine() -> None:
    from dvz_desktop.services.credentials import CredentialStore

    class VaultLike(MemoryKeyring):
        persist = "enterprise"  # what a roaming Windows credential would be

    vault = VaultLike()
    CredentialStore(vault).save_token("wss://dvz.example/ws", "anna", "token-123456789012")
    assert vault.persist == "local_machine"


def test_audio_devices_are_kept_in_the_settings(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from dvz_desktop.services.settings import SettingsStore, UserSettings

    store = SettingsStore(tmp_path / "settings.json")
    store.save(UserSettings(audio_input="Headset-Mikrofon", audio_output="Headset"))
    loaded = store.load()
    assert (loaded.audio_input, loaded.audio_output) == ("Headset-Mikrofon", "Headset")


def test_a_setting_that_does_not_fit_is_dropped_alone_and_named_without_its_value(
        tmp_path: Path, caplog) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "settings.json"
    path.write_text('{"username": "anna", "remember": true, "theme": "neon", "auto_away_minutes": -5, '
                    '"language": "fr", "followed": "bernd", "caldav_user": "anna@lk.example"}', encoding="utf-8")
    loaded = SettingsStore(path).load()
    assert (loaded.username, loaded.remember, loaded.caldav_user) == ("anna", True, "anna@lk.example")  # kept
    assert (loaded.theme, loaded.auto_away_minutes, loaded.language, loaded.followed) == ("system", 10, "", [])
    assert "auto_away_minutes, followed, language, theme" in caplog.text and "neon" not in caplog.text


def test_a_wrong_value_is_refused_when_it_is_set() -> None:
    import pytest
    from pydantic import ValidationError

    settings = UserSettings()
    settings.theme = "dark"
    with pytest.raises(ValidationError):
        settings.theme = "neon"  # type: ignore[assignment]
    assert settings.theme == "dark"


def test_the_config_folder_follows_each_systems_rule(monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import platformdirs.macos

    from dvz_desktop.services import settings

    monkeypatch.delenv("DVZ_CONFIG_DIR", raising=False)
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    mac = platformdirs.macos.MacOS("DVZ", appauthor=False).user_config_dir  # what a Mac gets
    assert mac.endswith("Library/Application Support/DVZ")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert settings.config_dir() == tmp_path / "xdg" / "dvz"  # this machine (Linux): as before
    monkeypatch.setenv("DVZ_CONFIG_DIR", str(tmp_path / "portable"))
    assert settings.config_dir() == tmp_path / "portable"


def test_the_first_look_reads_what_the_first_window_needs_like_the_full_load(tmp_path: Path) -> None:
    """Before the window is painted the start reads language, theme and the remembered login without
    pydantic; it accepts exactly what the full settings model accepts and drops the rest to defaults."""
    from typing import get_args

    from dvz_desktop.services.settings_file import LANGUAGES, THEMES, FirstLook, first_look

    assert LANGUAGES == get_args(UserSettings.model_fields["language"].annotation)
    assert THEMES == get_args(UserSettings.model_fields["theme"].annotation)
    path = tmp_path / "settings.json"
    assert first_look(path) == FirstLook()  # no file yet
    path.write_text('{"language": "en", "theme": "dark", "remember": true, "username": "anna"}', encoding="utf-8")
    assert first_look(path) == FirstLook("en", "dark", True, "anna")
    path.write_text('{"language": "fr", "theme": "neon", "remember": "ja", "username": ["anna"]}', encoding="utf-8")
    assert first_look(path) == FirstLook() == FirstLook(*(getattr(SettingsStore(path).load(), f)
                                                          for f in ("language", "theme", "remember", "username")))
    path.write_text("{kaputt", encoding="utf-8")
    assert first_look(path) == FirstLook()
