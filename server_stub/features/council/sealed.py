"""Commands relayed to a session's owner are sealed for that node alone.

The relay is a Redis stream that keeps its entries (up to 100,000, for nodes that lost Redis a moment):
a secret ballot relayed in the clear would leave "who chose what" in Redis long after the vote. So the
asking node encrypts each command to the owner's public key (X25519 with a fresh key per message, HKDF,
AES-GCM), and only the owner, whose private key lives in its memory and dies with its process, can read
it. A node's key pair is new at every start; the owner publishes its public key with its lease and with
every state it sends.
"""

from __future__ import annotations

import base64
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

INFO = b"dvz council command for the session's owner"
RAW = serialization.Encoding.Raw, serialization.PublicFormat.Raw


class SealError(ValueError):
    """A sealed command that this node cannot open (another node's, or damaged)."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _key(shared: bytes, ephemeral: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral, info=INFO).derive(shared)


class NodeKey:
    """This node's key pair (new at every start)."""

    def __init__(self) -> None:
        self._private = X25519PrivateKey.generate()
        self.public = _b64(self._private.public_key().public_bytes(*RAW))

    def open(self, sealed: str) -> str:
        try:
            ephemeral, nonce, box = (base64.b64decode(part) for part in sealed.split("."))
            shared = self._private.exchange(X25519PublicKey.from_public_bytes(ephemeral))
            return AESGCM(_key(shared, ephemeral)).decrypt(nonce, box, None).decode("utf-8")
        except (ValueError, InvalidTag) as exc:
            raise SealError("not sealed for this node") from exc


def seal(public: str, text: str) -> str:
    """``text`` readable only by the holder of the private key of ``public``."""
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes(*RAW)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(base64.b64decode(public)))
    nonce = os.urandom(12)
    box = AESGCM(_key(shared, ephemeral_public)).encrypt(nonce, text.encode("utf-8"), None)
    return ".".join(_b64(part) for part in (ephemeral_public, nonce, box))
