"""Settings IT decides: group policy on Windows, a policy file on Linux and macOS.

Order, first wins: ``HKLM\\Software\\Policies\\DVZ``, ``HKCU\\Software\\Policies\\DVZ``, the user's own
settings, the configuration the installer placed next to the program (``dvz-config.json``), built-in
defaults. A value that comes from a policy is *locked*: the UI shows it and does not let the user
change it. A policy value of the wrong type is ignored (and logged), never fatal.

The registry is read through one small adapter (:class:`RegistrySource`); everything above it is
tested with a fake source on any platform.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from dvz_desktop.core.transport import clear_text_refusal

log = logging.getLogger(__name__)

POLICY_PATH = r"Software\Policies\DVZ"
#: Every key the client reads, with its type; the ADMX template describes exactly these.
POLICY_KEYS: dict[str, type] = {
    "ServerUrl": str,
    "AutoStart": bool,
    "CalDavUrl": str,
    "TelephonyUriScheme": str,
    "AllowUserLaunchers": bool,
    "TrustedServers": list,
    "DisableUpdateCheck": bool,
    "OidcIssuer": str,
    "OidcClientId": str,
}
DEFAULTS: dict[str, Any] = {
    "ServerUrl": "ws://127.0.0.1:8765/ws",
    "AutoStart": False,
    "CalDavUrl": "",
    "TelephonyUriScheme": "tel",
    "AllowUserLaunchers": True,
    "TrustedServers": [],
    "DisableUpdateCheck": True,  # there is no self-update at all; the key only makes it explicit
    # Single sign-on: where set, the app offers "Mit Organisationskonto anmelden" and refuses a server
    # that names another provider (services/sso.py). Empty: whatever the server announces.
    "OidcIssuer": "",
    "OidcClientId": "",
}
TELEPHONY_SCHEMES = ("tel", "sip", "callto")
INSTALLER_CONFIG = "dvz-config.json"


class PolicyValueError(ValueError):
    pass


class PolicySource(Protocol):
    name: str

    def read(self) -> Mapping[str, object]: ...


@dataclass
class DictSource:
    """Values given directly: the user's settings, the installer's file, a fake registry in tests."""

    name: str
    values: Mapping[str, object] = field(default_factory=dict)

    def read(self) -> Mapping[str, object]:
        return self.values


class RegistrySource:
    """``HKLM`` or ``HKCU`` ``\\Software\\Policies\\DVZ`` (Windows only; elsewhere empty)."""

    def __init__(self, hive: str) -> None:
        self.name = f"{hive}\\{POLICY_PATH}"
        self._hive = hive

    def read(self) -> Mapping[str, object]:
        if sys.platform != "win32":
            return {}
        import winreg

        root = {"HKLM": winreg.HKEY_LOCAL_MACHINE, "HKCU": winreg.HKEY_CURRENT_USER}[self._hive]
        values: dict[str, object] = {}
        try:
            with winreg.OpenKey(root, POLICY_PATH) as key:
                index = 0
                while True:
                    try:
                        name, value, _kind = winreg.EnumValue(key, index)
                    except OSError:
                        break
                    values[name] = value
                    index += 1
        except FileNotFoundError:
            pass
        return values


class JsonFileSource:
    """A policy file (Linux: /etc/dvz/policy.json; macOS: /Library/Application Support/DVZ/policy.json)."""

    def __init__(self, path: Path, name: str | None = None) -> None:
        self.path = path
        self.name = name or str(path)

    def read(self) -> Mapping[str, object]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            log.warning("policy file %s unreadable (%s); ignored", self.path, type(exc).__name__)
            return {}
        return data if isinstance(data, dict) else {}


def coerce(key: str, raw: object) -> object:
    """A policy value in the client's type; registry DWORDs become booleans, REG_MULTI_SZ lists."""
    kind = POLICY_KEYS[key]
    if kind is bool:
        if isinstance(raw, bool):
            return raw
        if isinstance(raw, int) and raw in (0, 1):
            return bool(raw)
        if isinstance(raw, str) and raw.strip().lower() in ("0", "1", "true", "false"):
            return raw.strip().lower() in ("1", "true")
        raise PolicyValueError(f"{key}: erwartet 0 oder 1")
    if kind is list:
        items = raw.split(";") if isinstance(raw, str) else raw
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise PolicyValueError(f"{key}: erwartet eine Liste von Adressen")
        items = [i.strip() for i in items if i.strip()]
        for item in items:
            _check_server_url(key, item)
        return items
    if not isinstance(raw, str):
        raise PolicyValueError(f"{key}: erwartet Text")
    value = raw.strip()
    if key == "ServerUrl":
        _check_server_url(key, value)
    if key == "TelephonyUriScheme" and value not in TELEPHONY_SCHEMES:
        raise PolicyValueError(f"{key}: erlaubt sind {', '.join(TELEPHONY_SCHEMES)}")
    if key == "CalDavUrl" and value and not value.startswith("https://"):
        raise PolicyValueError(f"{key}: erwartet eine https://-Adresse")
    if key == "OidcIssuer" and value and clear_text_refusal(value) is not None:
        raise PolicyValueError(f"{key}: erwartet eine https://-Adresse (http:// nur auf diesem Rechner)")
    if key == "OidcClientId" and (len(value) > 255 or any(c.isspace() for c in value)):
        raise PolicyValueError(f"{key}: erwartet eine Client-ID ohne Leerzeichen")
    return value


def _check_server_url(key: str, value: str) -> None:
    local = value.startswith(("ws://127.0.0.1", "ws://localhost", "ws://[::1]"))
    if not (value.startswith("wss://") or local):
        raise PolicyValueError(f"{key}: erwartet eine wss://-Adresse (ws:// nur auf diesem Rechner)")


@dataclass(frozen=True)
class Effective:
    values: dict[str, Any]
    #: Where each value came from: a policy source's name, "Benutzer", "Installation" or "Standard".
    origin: dict[str, str]
    locked_keys: frozenset[str]

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    def locked(self, key: str) -> bool:
        return key in self.locked_keys

    def server_allowed(self, url: str) -> bool:
        """With TrustedServers set by IT, only those servers may be used."""
        trusted = self.values["TrustedServers"]
        return not trusted or url.rstrip("/") in {t.rstrip("/") for t in trusted}


def resolve(policies: Iterable[PolicySource], user: Mapping[str, object] = {},
            installer: Mapping[str, object] = {}) -> Effective:
    layers: list[tuple[str, Mapping[str, object], bool]] = [(p.name, p.read(), True) for p in policies]
    layers += [("Benutzer", user, False), ("Installation", installer, False)]
    values, origin, locked = dict(DEFAULTS), {k: "Standard" for k in DEFAULTS}, set()
    for key in POLICY_KEYS:
        for name, layer, is_policy in layers:
            if key not in layer:
                continue
            try:
                values[key] = coerce(key, layer[key])
            except PolicyValueError as exc:
                log.warning("%s: %s – ignored", name, exc)
                continue
            origin[key] = name
            if is_policy:
                locked.add(key)
            break
    return Effective(values, origin, frozenset(locked))


def system_policies() -> list[PolicySource]:
    if sys.platform == "win32":
        return [RegistrySource("HKLM"), RegistrySource("HKCU")]
    if sys.platform == "darwin":
        return [JsonFileSource(Path("/Library/Application Support/DVZ/policy.json"))]
    return [JsonFileSource(Path("/etc/dvz/policy.json"))]


def installer_config(app_dir: Path | None = None) -> Mapping[str, object]:
    """``dvz-config.json`` that the install script copied next to the program (MSIs take no strings)."""
    folder = app_dir or Path(sys.executable).resolve().parent
    return JsonFileSource(folder / INSTALLER_CONFIG).read()
