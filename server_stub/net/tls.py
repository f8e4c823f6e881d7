"""TLS for the backend's socket, and the rule that passwords never cross a network in clear text.

The context offers TLS 1.3 (whose suites are all AEAD) and TLS 1.2 only with ECDHE key exchange and an
AEAD cipher (AES-GCM, ChaCha20-Poly1305): no CBC suites, no static RSA key exchange, no compression, no
renegotiation. (BSI TR-02102-2 and Mozilla's "intermediate" profile say the same.)
"""

from __future__ import annotations

import ssl
from pathlib import Path

from dvz_desktop.core.transport import is_loopback_host

#: TLS 1.2 suites allowed: forward secrecy (ECDHE) and authenticated encryption (AEAD) only.
TLS12_CIPHERS = "ECDHE+AESGCM:ECDHE+CHACHA20:!aNULL:!eNULL"


def server_tls_context(cert: Path, key: Path | None) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.set_ciphers(TLS12_CIPHERS)
    context.options |= ssl.OP_NO_COMPRESSION | ssl.OP_CIPHER_SERVER_PREFERENCE | ssl.OP_NO_RENEGOTIATION
    context.load_cert_chain(cert, key)
    return context


def bind_refusal(host: str, tls: bool, behind_proxy: bool) -> str | None:
    """None if the backend may listen on ``host``; else the German sentence for the operator.

    On loopback nothing leaves the machine. Anywhere else a password in the ``hello`` would cross the
    network, so either this process speaks TLS or a TLS-terminating reverse proxy in front of it does
    (``--behind-proxy``, see docs/rollout.md)."""
    if tls or behind_proxy or is_loopback_host(host):
        return None
    return (f"Der Server soll auf „{host}“ lauschen, aber ohne TLS: Passwörter gingen unverschlüsselt durchs Netz. "
            "Bitte --tls-cert und --tls-key angeben, oder --behind-proxy, wenn ein Reverse-Proxy davor TLS "
            "beendet (siehe docs/rollout.md). Ohne beides nur --host 127.0.0.1.")
