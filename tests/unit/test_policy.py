"""Policy resolution: HKLM before HKCU before the user before the installer before defaults; locked
values; wrong types ignored; the ADMX template and the client read exactly the same keys."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from dvz_desktop.services.policy import (
    DEFAULTS,
    POLICY_KEYS,
    DictSource,
    JsonFileSource,
    coerce,
    installer_config,
    resolve,
)

ROOT = Path(__file__).resolve().parents[2]
POLICY_DIR = ROOT / "installers" / "windows" / "policy"
HKLM, HKCU = "HKLM\\Software\\Policies\\DVZ", "HKCU\\Software\\Policies\\DVZ"


def test_machine_policy_wins_over_user_policy_user_settings_installer_and_defaults() -> None:
    machine = DictSource(HKLM, {"ServerUrl": "wss://dvz.landkreis.example/ws", "AutoStart": 1})
    user_policy = DictSource(HKCU, {"ServerUrl": "wss://other.example/ws", "TelephonyUriScheme": "sip"})
    effective = resolve([machine, user_policy], user={"ServerUrl": "wss://mine.example/ws", "CalDavUrl": "https://cal.example/"},
                        installer={"ServerUrl": "wss://preset.example/ws", "AllowUserLaunchers": False})
    assert effective["ServerUrl"] == "wss://dvz.landkreis.example/ws" and effective.origin["ServerUrl"] == HKLM
    assert effective["AutoStart"] is True
    assert effective["TelephonyUriScheme"] == "sip" and effective.origin["TelephonyUriScheme"] == HKCU
    assert effective["CalDavUrl"] == "https://cal.example/" and not effective.locked("CalDavUrl")
    assert effective["AllowUserLaunchers"] is False and effective.origin["AllowUserLaunchers"] == "Installation"
    assert effective["DisableUpdateCheck"] is True and effective.origin["DisableUpdateCheck"] == "Standard"
    assert effective.locked("ServerUrl") and effective.locked("AutoStart") and effective.locked("TelephonyUriScheme")


def test_without_any_policy_the_user_and_installer_decide_and_nothing_is_locked() -> None:
    effective = resolve([DictSource(HKLM), DictSource(HKCU)], installer={"ServerUrl": "wss://preset.example/ws"})
    assert effective["ServerUrl"] == "wss://preset.example/ws"
    assert not any(effective.locked(k) for k in POLICY_KEYS)
    assert resolve([])["ServerUrl"] == DEFAULTS["ServerUrl"]


@pytest.mark.parametrize(
    ("key", "raw"),
    [("ServerUrl", "http://dvz.example"), ("ServerUrl", "ws://dvz.example/ws"), ("ServerUrl", 5),
     ("AutoStart", 7), ("AutoStart", "vielleicht"), ("TelephonyUriScheme", "javascript"),
     ("CalDavUrl", "http://cal.example"), ("TrustedServers", ["wss://ok.example", "ftp://x"]),
     ("OidcIssuer", "http://sso.landkreis.example/realms/dvz"), ("OidcIssuer", 1),
     ("OidcClientId", "dvz desktop")],
)
def test_a_wrong_policy_value_is_ignored_and_the_next_source_decides(key: str, raw: object, caplog) -> None:
    effective = resolve([DictSource(HKLM, {key: raw})], user={})
    assert effective[key] == DEFAULTS[key]
    assert not effective.locked(key)
    assert key in caplog.text


def test_registry_types_are_understood() -> None:
    assert coerce("AutoStart", 0) is False and coerce("AllowUserLaunchers", "1") is True
    assert coerce("TrustedServers", ["wss://a.example/ws", " wss://b.example/ws "]) == ["wss://a.example/ws",
                                                                                      "wss://b.example/ws"]
    assert coerce("TrustedServers", "wss://a.example/ws;wss://b.example/ws") == ["wss://a.example/ws",
                                                                                 "wss://b.example/ws"]


def test_trusted_servers_limit_where_the_client_connects() -> None:
    effective = resolve([DictSource(HKLM, {"TrustedServers": "wss://dvz.landkreis.example/ws"})])
    assert effective.server_allowed("wss://dvz.landkreis.example/ws/")
    assert not effective.server_allowed("wss://phishing.example/ws")
    assert resolve([]).server_allowed("wss://anything.example/ws")


def test_policy_file_and_installer_config(tmp_path: Path) -> None:
    (tmp_path / "policy.json").write_text(json.dumps({"ServerUrl": "wss://file.example/ws"}), encoding="utf-8")
    assert resolve([JsonFileSource(tmp_path / "policy.json")]).locked("ServerUrl")
    (tmp_path / "broken.json").write_text("{kein json", encoding="utf-8")
    assert JsonFileSource(tmp_path / "broken.json").read() == {}
    (tmp_path / "dvz-config.json").write_text(json.dumps({"ServerUrl": "wss://preset.example/ws"}), encoding="utf-8")
    assert installer_config(tmp_path) == {"ServerUrl": "wss://preset.example/ws"}


def _admx_value_names() -> set[str]:
    tree = ET.parse(POLICY_DIR / "dvz.admx")
    names = set()
    for element in tree.iter():
        if element.get("valueName"):
            names.add(element.get("valueName"))
    return names


def test_admx_describes_exactly_the_keys_the_client_reads() -> None:
    assert _admx_value_names() == set(POLICY_KEYS)
    root = ET.parse(POLICY_DIR / "dvz.admx").getroot()
    keys = {el.get("key") for el in root.iter() if el.get("key")}
    assert keys == {r"Software\Policies\DVZ"}


@pytest.mark.parametrize("language", ["de-DE", "en-US"])
def test_adml_files_are_well_formed_and_define_every_string_the_admx_uses(language: str) -> None:
    admx = (POLICY_DIR / "dvz.admx").read_text(encoding="utf-8")
    import re

    used = set(re.findall(r"\$\(string\.([A-Za-z0-9_]+)\)", admx))
    presentations = set(re.findall(r"\$\(presentation\.([A-Za-z0-9_]+)\)", admx))
    adml = ET.parse(POLICY_DIR / language / "dvz.adml").getroot()
    ns = {"p": adml.tag.split("}")[0].strip("{")}
    defined = {s.get("id") for s in adml.iterfind(".//p:stringTable/p:string", ns)}
    defined_presentations = {s.get("id") for s in adml.iterfind(".//p:presentationTable/p:presentation", ns)}
    assert used <= defined
    assert presentations <= defined_presentations


def test_the_identity_provider_set_by_it_is_locked_and_loopback_may_be_plain_http() -> None:
    machine = DictSource(HKLM, {"OidcIssuer": "https://sso.landkreis.example/realms/dvz",
                                "OidcClientId": "dvz-desktop"})
    effective = resolve([machine])
    assert effective["OidcIssuer"] == "https://sso.landkreis.example/realms/dvz"
    assert effective["OidcClientId"] == "dvz-desktop"
    assert effective.locked("OidcIssuer") and effective.locked("OidcClientId")
    assert resolve([])["OidcIssuer"] == ""
    assert coerce("OidcIssuer", "http://127.0.0.1:8080/realms/dvz") == "http://127.0.0.1:8080/realms/dvz"
