"""Portraits from the organisation file through the real backend: who may fetch them, caching, limits."""

from __future__ import annotations

import asyncio
import struct
import urllib.error
import urllib.request
import zlib
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import yaml

from dvz_desktop.services.photos import PhotoFetcher, photo_url
from server_stub.app import Backend, BackendConfig
from server_stub.directory.orgfile import OrgFileError, load_org_file
from server_stub.directory.photos import MAX_PHOTO_BYTES

from ..conftest import FIXTURES, PASSWORDS
from .helpers import login


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A real PNG of one colour (no imaging library needed)."""
    row = b"\x00" + bytes(rgb) * width
    raw = zlib.compress(row * height)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def org_with_photos(folder: Path, photos: dict[str, str]) -> Path:
    data = yaml.safe_load((FIXTURES / "org_three.yaml").read_text(encoding="utf-8"))
    for staff in data["staff"]:
        if staff["username"] in photos:
            staff["photo"] = photos[staff["username"]]
    path = folder / "organisation.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture
async def photo_backend(tmp_path: Path) -> AsyncIterator[tuple[Backend, str]]:
    (tmp_path / "fotos").mkdir()
    (tmp_path / "fotos" / "anna.png").write_bytes(png(24, 32, (200, 30, 30)))
    (tmp_path / "fotos" / "bernd.png").write_bytes(png(16, 16, (30, 30, 200)))
    org = load_org_file(org_with_photos(tmp_path, {"anna": "fotos/anna.png", "bernd": "fotos/bernd.png"}))
    server = Backend(org, BackendConfig(data_dir=tmp_path / "data"))
    port = await server.start("127.0.0.1", 0)
    try:
        yield server, f"ws://127.0.0.1:{port}/ws"
    finally:
        await server.stop()


def get(url: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


async def test_a_colleague_gets_the_portrait_with_its_version_and_a_304_when_unchanged(photo_backend) -> None:  # type: ignore[no-untyped-def]
    server, url = photo_backend
    anna = await login(url, "anna", PASSWORDS["anna"])
    try:
        people = {p.id: p for p in anna.welcome.office.people}
        version = people["bernd"].photo
        assert len(version) == 16 and people["erik"].photo == ""  # Erik has none
        fetcher = PhotoFetcher.for_session(anna)
        data = await fetcher.fetch("bernd", version)
        assert data == (server_dir_png := server.photos._photos["bernd"].data) and server_dir_png.startswith(b"\x89PNG")
        assert await fetcher.fetch("bernd", version) == data and fetcher.requests == 1  # cached
        assert await fetcher.fetch("erik", "") is None and fetcher.requests == 1  # nothing to fetch
        status, headers, body = await asyncio.to_thread(
            get, photo_url(url, "bernd"), {"Authorization": f"Bearer {anna.token}", "If-None-Match": f'"{version}"'})
        assert (status, body) == (304, b"") and headers["ETag"] == f'"{version}"'
        status, headers, body = await asyncio.to_thread(
            get, photo_url(url, "bernd"), {"Authorization": f"Bearer {anna.token}"})
        assert status == 200 and headers["Content-Type"] == "image/png" and body == data
        assert "private" in headers["Cache-Control"]
    finally:
        await anna.stop()


async def test_no_token_no_portrait_and_strangers_learn_nothing(photo_backend) -> None:  # type: ignore[no-untyped-def]
    _server, url = photo_backend
    status, headers, _ = await asyncio.to_thread(get, photo_url(url, "anna"), {})
    assert status == 401 and "Bearer" in headers["WWW-Authenticate"]
    status, _, _ = await asyncio.to_thread(get, photo_url(url, "anna"), {"Authorization": "Bearer not-a-token"})
    assert status == 401
    dora = await login(url, "dora", PASSWORDS["dora"])  # the Ministerium: not a partner of the Landkreis
    try:
        assert "anna" not in {p.id for p in dora.welcome.office.people}
        hidden = await asyncio.to_thread(get, photo_url(url, "anna"), {"Authorization": f"Bearer {dora.token}"})
        missing = await asyncio.to_thread(get, photo_url(url, "nobody"), {"Authorization": f"Bearer {dora.token}"})
        assert hidden[0] == missing[0] == 404 and hidden[2] == missing[2]  # the same answer: nothing leaks
        assert await PhotoFetcher.for_session(dora).fetch("anna", "0123456789abcdef") is None
    finally:
        await dora.stop()


@pytest.mark.parametrize(("name", "content", "message"), [
    ("big.png", b"\x89PNG\r\n\x1a\n" + b"0" * (MAX_PHOTO_BYTES + 1), "höchstens 256 KiB"),
    ("fake.png", b"<html>not a picture</html>", "kein JPEG- oder PNG-Bild"),
    ("../outside.png", png(4, 4, (0, 0, 0)), "außerhalb des Ordners"),
    ("missing.png", None, "kann nicht gelesen werden"),
])
def test_a_bad_photo_in_the_organisation_file_stops_the_start_with_a_clear_message(
        tmp_path: Path, name: str, content: bytes | None, message: str) -> None:
    folder = tmp_path / "org"
    folder.mkdir()
    if content is not None:
        (folder / name).write_bytes(content)
    org = load_org_file(org_with_photos(folder, {"anna": name}))
    with pytest.raises(OrgFileError, match=message):
        Backend(org, BackendConfig(data_dir=tmp_path / "data"))


def test_only_jpeg_and_png_names_are_accepted_in_the_file(tmp_path: Path) -> None:
    with pytest.raises(OrgFileError, match="photo"):
        load_org_file(org_with_photos(tmp_path, {"anna": "fotos/anna.gif"}))
