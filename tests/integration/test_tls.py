"""TLS against the system trust store: a server certificate from the organisation's own CA is accepted
once that CA is trusted, and refused with a clear German message when it is not."""

from __future__ import annotations

import ssl
from pathlib import Path

import pytest
import trustme

from dvz_desktop.services.session import UNTRUSTED_CERTIFICATE, SessionError
from server_stub.app import Backend, BackendConfig
from server_stub.directory.orgfile import OrgFile

from ..conftest import PASSWORDS
from .helpers import login


@pytest.fixture
async def tls_backend(org_three: OrgFile, tmp_path: Path):
    ca = trustme.CA(organization_name="Landkreis Testkreis Root CA")
    server_cert = ca.issue_cert("localhost", "127.0.0.1")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_cert.configure_cert(context)
    backend = Backend(org_three, BackendConfig(data_dir=tmp_path / "data", tls=context))
    port = await backend.start("127.0.0.1", 0)
    ca_file = tmp_path / "org-root-ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    try:
        yield f"wss://localhost:{port}/ws", ca_file
    finally:
        await backend.stop()


async def test_certificate_of_a_trusted_internal_ca_is_accepted(tls_backend, monkeypatch, tmp_path: Path) -> None:
    url, ca_file = tls_backend
    # What IT does when it installs the organisation's root CA into the system store.
    monkeypatch.setenv("SSL_CERT_FILE", str(ca_file))
    monkeypatch.setenv("SSL_CERT_DIR", str(tmp_path / "no-other-cas"))
    session = await login(url, "anna", PASSWORDS["anna"])
    assert session.me == "anna"
    await session.stop()


async def test_untrusted_certificate_is_refused_clearly(tls_backend) -> None:
    url, _ca_file = tls_backend
    with pytest.raises(SessionError) as err:
        await login(url, "anna", PASSWORDS["anna"])
    assert err.value.code == UNTRUSTED_CERTIFICATE
    assert "nicht vertrauenswürdig" in err.value.message and "IT" in err.value.message
