"""Turn the release profile (briefcase.toml) into Briefcase `-C` overrides and the installer's config.

    .venv/bin/python installers/build_release.py            # print the briefcase command
    .venv/bin/python installers/build_release.py --write    # also write build/release/dvz-config.json

--write also collects what IT places next to the MSI in build/release/: dvz-config.json (the preset
server and policy defaults), install.ps1 / uninstall.ps1 / deploy.ps1 and the ADMX/ADML templates.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
APP = "dvz_desktop"
POLICY_KEYS = {"AutoStart": bool, "AllowUserLaunchers": bool, "DisableUpdateCheck": bool, "TelephonyUriScheme": str,
               "OidcIssuer": str, "OidcClientId": str}


class ProfileError(Exception):
    pass


def load_profile(path: Path = ROOT / "briefcase.toml") -> dict[str, Any]:
    with path.open("rb") as handle:
        profile = tomllib.load(handle)
    product = profile.get("product", {})
    for key in ("formal_name", "vendor", "bundle", "version", "install_scope"):
        if not isinstance(product.get(key), str) or not product[key]:
            raise ProfileError(f"briefcase.toml: [product] {key} fehlt")
    if product["install_scope"] not in ("machine", "user"):
        raise ProfileError("briefcase.toml: install_scope muss 'machine' oder 'user' sein")
    server = profile.get("defaults", {}).get("server_url", "")
    if not (server.startswith("wss://") or server.startswith("ws://127.0.0.1") or server.startswith("ws://localhost")):
        raise ProfileError("briefcase.toml: server_url muss wss:// sein (ws:// nur für localhost)")
    for key, value in profile.get("policy", {}).items():
        if key not in POLICY_KEYS or not isinstance(value, POLICY_KEYS[key]):
            raise ProfileError(f"briefcase.toml: unbekannte oder falsch belegte Richtlinie {key}")
    return profile


def load_pyproject(path: Path = ROOT / "pyproject.toml") -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def briefcase_overrides(profile: dict[str, Any]) -> list[str]:
    product = profile["product"]
    overrides = {
        "formal_name": product["formal_name"],
        "author": product["vendor"],
        "bundle": product["bundle"],
        "version": product["version"],
    }
    return [f"{key}={json.dumps(value, ensure_ascii=False)}" for key, value in overrides.items()] + [
        f"system_installer={'true' if product['install_scope'] == 'machine' else 'false'}"
    ]


def installer_config(profile: dict[str, Any]) -> dict[str, Any]:
    return {"ServerUrl": profile["defaults"]["server_url"], **profile.get("policy", {})}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    try:
        profile = load_profile()
    except ProfileError as exc:
        print(exc, file=sys.stderr)
        return 2
    command = ["briefcase", "package", "windows", "-a", APP]
    for override in briefcase_overrides(profile):
        command += ["-C", override]
    if profile["signing"].get("identity"):
        command += ["--identity", profile["signing"]["identity"]]
    print(" ".join(f"'{part}'" if " " in part or '"' in part else part for part in command))
    if args.write:
        for path in write_release_files(profile, ROOT / "build" / "release"):
            print(f"geschrieben: {path}")
    return 0


RELEASE_FILES = ("install.ps1", "uninstall.ps1", "deploy.ps1")


def write_release_files(profile: dict[str, Any], out: Path) -> list[Path]:
    """What IT puts next to the MSI: the preset configuration, the install scripts, the ADMX templates."""
    import shutil

    out.mkdir(parents=True, exist_ok=True)
    written = [out / "dvz-config.json"]
    written[0].write_text(json.dumps(installer_config(profile), indent=2, ensure_ascii=False), encoding="utf-8")
    for name in RELEASE_FILES:
        written.append(Path(shutil.copy2(ROOT / "installers" / "windows" / name, out / name)))
    policy = out / "PolicyDefinitions"
    shutil.copytree(ROOT / "installers" / "windows" / "policy", policy, dirs_exist_ok=True)
    written += sorted(policy.rglob("*.adm*"))
    return written


if __name__ == "__main__":
    sys.exit(main())
