"""No password in clear text: the client refuses ws:// and http:// beyond loopback (unless a developer
says otherwise), the backend refuses to listen beyond loopback without TLS (unless a TLS proxy is in
front), and its TLS offers 1.3 and 1.2 only with ECDHE + AEAD."""

from __future__ import annotations

import asyncio
import os
import ssl
import sys
from pathlib import Path

import pytest
import trustme

from dvz_desktop.services.session import (
    INSECURE_TRANSPORT,
    Credentials,
    Session,
    SessionError,
)
from server_stub.app import Backend, BackendConfig
from server_stub.directory.orgfile import OrgFile
from server_stub.net.tls import server_tls_context

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("url", ["ws://10.1.2.3:8765/ws", "ws://dvz.landkreis.example/ws",
                                 "ws://localhost.evil.example/ws", "ws://[2001:db8::1]/ws"])
async def test_the_client_refuses_clear_text_beyond_loopback(url: str) -> None:
    session = Session(url, Credentials("anna", "anna-pass"))
    with pytest.raises(SessionError) as err:
        await session.start()
    assert err.value.code == INSECURE_TRANSPORT
    assert "unverschlüsselt" in err.value.message and "wss://" in err.value.message


async def test_loopback_and_the_developer_switch_still_connect(backend) -> None:
    session = Session(backend.url.replace("127.0.0.1", "localhost"), Credentials("anna", "anna-pass"))
    assert (await session.start()).me == "anna"
    await session.stop()
    # With the switch a clear-text address elsewhere is tried (here: nothing listens there).
    session = Session("ws://192.0.2.1:9/ws", Credentials("anna", "anna-pass"), allow_insecure_transport=True)
    with pytest.raises(SessionError) as err:
        await session.start()
    assert err.value.code != INSECURE_TRANSPORT


async def test_the_calendar_account_refuses_http_beyond_loopback(tmp_path: Path) -> None:
    from dvz_desktop.services.calendar import CalendarError
    from dvz_desktop.services.calendar_account import CalendarAccount
    from dvz_desktop.services.credentials import CredentialStore
    from dvz_desktop.services.settings import UserSettings

    account = CalendarAccount(UserSettings(), lambda _s: None, CredentialStore(), tmp_path / "cache.json")
    with pytest.raises(CalendarError) as err:
        await account.connect("http://localhost.evil.example/dav/", "anna", "geheim")
    assert "unverschlüsselt" in str(err.value)


async def _server_exit(*args: str, tmp_path: Path) -> tuple[int | None, str, str]:
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "server_stub", "--demo", "--port", "0", "--data-dir", str(tmp_path / "data"), *args,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{ROOT}"})
    try:
        out = await asyncio.wait_for(proc.stdout.readline(), 60)  # type: ignore[union-attr]
        if out:  # it is serving: that is the answer
            proc.terminate()
            _, err = await proc.communicate()
            return None, out.decode(), err.decode()
        _, err = await proc.communicate()
        return proc.returncode, "", err.decode()
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()


async def test_the_server_refuses_to_listen_beyond_loopback_without_tls(tmp_path: Path) -> None:
    code, out, err = await _server_exit("--host", "0.0.0.0", tmp_path=tmp_path)
    assert code == 2 and out == ""
    assert "ohne TLS" in err and "--behind-proxy" in err and "Traceback" not in err
    code, out, _err = await _server_exit("--host", "0.0.0.0", "--behind-proxy", tmp_path=tmp_path)
    assert code is None and "DVZ-Server bereit: ws://0.0.0.0:" in out


@pytest.fixture
def certificate(tmp_path: Path) -> tuple[Path, Path, trustme.CA]:
    ca = trustme.CA()
    cert = ca.issue_cert("localhost", "127.0.0.1")
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert.cert_chain_pems[0].write_to_path(str(cert_file))
    cert.private_key_pem.write_to_path(str(key_file))
    return cert_file, key_file, ca


async def _handshake(port: int, ca: trustme.CA, version: ssl.TLSVersion, ciphers: str | None) -> str | None:
    """The negotiated suite, or None when the server refused."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ca.configure_trust(context)
    context.minimum_version = context.maximum_version = version
    if ciphers:
        context.set_ciphers(ciphers)
    try:
        _reader, writer = await asyncio.open_connection("127.0.0.1", port, ssl=context, server_hostname="localhost")
    except (ssl.SSLError, ConnectionResetError):
        return None
    suite = writer.get_extra_info("cipher")[0]
    writer.close()
    return suite


async def test_tls_offers_1_3_and_1_2_only_with_ecdhe_and_aead(org_three: OrgFile, certificate, tmp_path: Path) -> None:
    cert_file, key_file, ca = certificate
    context = server_tls_context(cert_file, key_file)
    for suite in context.get_ciphers():
        assert suite["aead"], suite["name"]
        assert suite["protocol"] == "TLSv1.3" or suite["kea"] == "kx-ecdhe", suite["name"]
    backend = Backend(org_three, BackendConfig(data_dir=tmp_path / "data", tls=context))
    port = await backend.start("127.0.0.1", 0)
    try:
        assert await _handshake(port, ca, ssl.TLSVersion.TLSv1_3, None) is not None
        assert "GCM" in (await _handshake(port, ca, ssl.TLSVersion.TLSv1_2, None) or "")
        cbc = "ECDHE-ECDSA-AES128-SHA256:ECDHE-ECDSA-AES256-SHA384:ECDHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA384"
        assert await _handshake(port, ca, ssl.TLSVersion.TLSv1_2, cbc) is None
        assert await _handshake(port, ca, ssl.TLSVersion.TLSv1_2, "AES128-GCM-SHA256") is None  # no ECDHE
    finally:
        await backend.stop()


def test_the_developer_switch_is_a_command_line_option_only() -> None:
    from dvz_desktop.app import build_parser

    assert build_parser().parse_args(["--allow-insecure-transport"]).allow_insecure_transport
    assert not build_parser().parse_args([]).allow_insecure_transport
    assert Session.allow_insecure_transport is False  # nothing turns it on by default
