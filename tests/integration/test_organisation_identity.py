"""An organisation's colour and logo from its organisation file: checked at start with German messages,
sent to staff in the welcome, and shown on the citizens' page of its desks (inline, the page's policy as
strict as before, nothing from anywhere else)."""

from __future__ import annotations

import asyncio
import base64
import copy
import json
import urllib.request
from pathlib import Path
from typing import Any

import pytest
import yaml
from websockets.asyncio.client import connect

from dvz_desktop.protocol import PROTOCOL_VERSION
from server_stub.app import Backend, BackendConfig
from server_stub.demo.office import DEMO_ACCENT, DEMO_DIR, demo_org_file
from server_stub.directory.orgfile import OrgFileError, load_org_file, to_protocol

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5E"
                       "rkJggg==")


def _org_file(tmp_path: Path, **organisation: Any) -> Path:
    data = yaml.safe_load((FIXTURES / "org_three.yaml").read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    data["organisations"][0].update(organisation)
    path = tmp_path / "organisation.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _start_error(path: Path) -> str:
    with pytest.raises(OrgFileError) as err:
        to_protocol(load_org_file(path))
    return str(err.value)


def test_colour_and_logo_are_read_once_and_become_a_data_url(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(PNG)
    organisations, _ = to_protocol(load_org_file(_org_file(tmp_path, accent_color="#00717A", logo="logo.png")))
    landkreis = organisations[0]
    assert landkreis.accent_color == "#00717a"
    assert landkreis.logo == "data:image/png;base64," + base64.b64encode(PNG).decode()
    assert organisations[1].accent_color is None and organisations[1].logo is None  # nothing named: nothing sent


@pytest.mark.parametrize("setup, fields, message", [
    (None, {"accent_color": "blau"}, "die Akzentfarbe „blau“ ist keine Farbe der Form #rrggbb (zum Beispiel #00717a)"),
    (None, {"accent_color": "#00717"}, "keine Farbe der Form #rrggbb"),
    (("big.png", b"\x89PNG\r\n\x1a\n" + b"0" * 70_000), {"logo": "big.png"},
     "Organisation lk: das Logo „big.png“ ist 68 KiB groß; erlaubt sind höchstens 64 KiB."),
    (("logo.gif", b"GIF89a...."), {"logo": "logo.gif"}, "das Logo „logo.gif“ ist kein PNG- oder SVG-Bild"),
    (("bad.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), {"logo": "bad.svg"},
     "ist kein PNG- oder SVG-Bild (SVG ohne Skripte)"),
    (None, {"logo": "fehlt.svg"}, "das Logo „fehlt.svg“ kann nicht gelesen werden"),
    (None, {"logo": "../../etc/passwd"}, "liegt außerhalb des Ordners der Organisationsdatei"),
])
def test_a_bad_colour_or_logo_stops_the_start_with_a_german_message(
        tmp_path: Path, setup: tuple[str, bytes] | None, fields: dict[str, str], message: str) -> None:
    if setup is not None:
        (tmp_path / setup[0]).write_bytes(setup[1])
    assert message in _start_error(_org_file(tmp_path, **fields))


def test_the_demo_landkreis_has_its_colour_and_a_drawn_shield() -> None:
    organisations, _ = to_protocol(demo_org_file())
    landkreis = next(o for o in organisations if o.id == "lk-musterkreis")
    assert landkreis.accent_color == DEMO_ACCENT
    svg = (DEMO_DIR / "wappen.svg").read_bytes()
    assert landkreis.logo == "data:image/svg+xml;base64," + base64.b64encode(svg).decode()
    assert len(svg) < 64 * 1024 and b"<script" not in svg and b"http://www.w3.org/2000/svg" in svg


def _get(url: str) -> tuple[int, dict[str, str], str]:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (loopback)
        return response.status, dict(response.headers), response.read().decode("utf-8")


async def test_staff_get_it_in_the_welcome_and_citizens_on_the_desk_page(tmp_path: Path) -> None:
    backend = Backend(demo_org_file(), BackendConfig(data_dir=tmp_path / "data"))
    port = await backend.start("127.0.0.1", 0)
    base = f"http://127.0.0.1:{port}"
    try:
        async with connect(f"ws://127.0.0.1:{port}/ws") as ws:
            await ws.send(json.dumps({"type": "hello", "id": "h", "protocol_version": PROTOCOL_VERSION,
                                      "auth": {"method": "password", "username": "a.schneider", "password": "demo"}}))
            welcome = json.loads(await ws.recv())
        mine = next(o for o in welcome["office"]["organisations"] if o["id"] == "lk-musterkreis")
        assert mine["accent_color"] == DEMO_ACCENT and mine["logo"].startswith("data:image/svg+xml;base64,")

        status, headers, page = await asyncio.to_thread(_get, f"{base}/tuer/buergerbuero")
        assert status == 200
        assert f'<img class="logo" src="{mine["logo"]}"' in page and "<span>Landkreis Musterkreis</span>" in page
        assert '<link rel="stylesheet" href="/tuer/buergerbuero/farben.css">' in page
        policy = headers["Content-Security-Policy"]
        assert "style-src 'self';" in policy and "img-src 'self' data:;" in policy and "unsafe-inline" not in policy
        assert ' style="' not in page and "<style" not in page  # the colour comes from a file, as the policy wants
        status, headers, css = await asyncio.to_thread(_get, f"{base}/tuer/buergerbuero/farben.css")
        assert status == 200 and headers["Content-Type"].startswith("text/css")
        assert css.strip() == ":root { --accent: #00717a; --on-accent: #ffffff; }"
        _, _, default = await asyncio.to_thread(_get, f"{base}/tuer/gibtsnicht/farben.css")
        assert "--accent: #1d4ed8" in default  # an unknown desk: the page's own colour, nothing leaks
    finally:
        await backend.stop()
