"""The backend towards the organisation's OpenID provider: discovery, the provider's signing keys, the
code exchange (for the desktop app, a public client with PKCE), refresh, revocation, and the check of
every ID token with joserfc.

An ID token is accepted only when all of these hold: signed with an asymmetric algorithm by a key from
the provider's JWKS (never ``none``, never a shared secret), issued by exactly the configured issuer,
for this client (``aud``; with several audiences ``azp`` names this client), not expired (a small
leeway for clock drift), and, at login, carrying the nonce the backend handed out for that login.

Token contents are never logged; failures are logged with their kind only.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from dvz_desktop.protocol import ErrorCode

from .config import OidcConfig

log = logging.getLogger(__name__)
ALGORITHMS = ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA")
#: Discovery and keys are fetched again after this long (and keys at once for an unknown key id,
#: at most once per KEY_REFETCH_S, so forged tokens with random key ids cannot make us hammer the provider).
METADATA_TTL_S = 3600.0
KEY_REFETCH_S = 60.0
HTTP_TIMEOUT_S = 10.0


def _tls(config: OidcConfig) -> ssl.SSLContext:
    """The provider's certificate checked against the configured CA, or the system's trust store (where
    an organisation's internal CA lives), never against a bundle shipped with a library."""
    if config.ca_file is not None:
        return ssl.create_default_context(cafile=str(config.ca_file))
    import truststore

    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


class OidcError(Exception):
    """A sign-in step failed: ``code`` is what the client is told, ``detail`` is for the log (no secrets)."""

    def __init__(self, code: ErrorCode, detail: str) -> None:
        super().__init__(f"{code.value}: {detail}")
        self.code = code
        self.detail = detail


class ProviderRefused(OidcError):
    """The provider answered with an OAuth error (``invalid_grant``: the user or the grant is gone)."""


@dataclass(frozen=True)
class ProviderMetadata:
    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str
    end_session_endpoint: str | None
    revocation_endpoint: str | None


@dataclass(frozen=True)
class TokenSet:
    id_token: str
    access_token: str
    refresh_token: str | None
    expires_in: int


class OidcClient:
    def __init__(self, config: OidcConfig, now: Callable[[], float] = time.time,
                 transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.config = config
        self._now = now
        self._http = httpx.AsyncClient(timeout=HTTP_TIMEOUT_S, follow_redirects=False, transport=transport,
                                       headers={"Accept": "application/json"}, verify=_tls(config))
        self._metadata: ProviderMetadata | None = None
        self._metadata_at = 0.0
        self._keys: KeySet | None = None
        self._keys_at = -KEY_REFETCH_S
        self._lock = asyncio.Lock()

    async def close(self) -> None:
        await self._http.aclose()

    # --- the provider's metadata and keys ---

    async def metadata(self) -> ProviderMetadata:
        if self._metadata is not None and time.monotonic() - self._metadata_at < METADATA_TTL_S:
            return self._metadata
        async with self._lock:
            if self._metadata is None or time.monotonic() - self._metadata_at >= METADATA_TTL_S:
                self._metadata = await self._discover()
                self._metadata_at = time.monotonic()
        return self._metadata

    async def _discover(self) -> ProviderMetadata:
        issuer = self.config.issuer.rstrip("/")
        document = await self._get_json(f"{issuer}/.well-known/openid-configuration")
        # OpenID Connect Discovery §4.3: the document's issuer must be the one asked for, exactly.
        if document.get("issuer") != self.config.issuer:
            raise OidcError(ErrorCode.PROVIDER_UNREACHABLE, "the discovery document names another issuer")
        try:
            return ProviderMetadata(
                issuer=document["issuer"], authorization_endpoint=str(document["authorization_endpoint"]),
                token_endpoint=str(document["token_endpoint"]), jwks_uri=str(document["jwks_uri"]),
                end_session_endpoint=document.get("end_session_endpoint"),
                revocation_endpoint=document.get("revocation_endpoint"))
        except KeyError as exc:
            raise OidcError(ErrorCode.PROVIDER_UNREACHABLE, f"the discovery document lacks {exc}") from None

    async def _key_set(self, refetch: bool) -> KeySet:
        stale = time.monotonic() - self._keys_at >= METADATA_TTL_S
        may_refetch = time.monotonic() - self._keys_at >= KEY_REFETCH_S
        if self._keys is None or stale or (refetch and may_refetch):
            metadata = await self.metadata()
            document = await self._get_json(metadata.jwks_uri)
            try:
                self._keys = KeySet.import_key_set(document)  # type: ignore[arg-type]
            except (JoseError, ValueError, TypeError, KeyError) as exc:
                raise OidcError(ErrorCode.PROVIDER_UNREACHABLE,
                                f"the provider's keys are unreadable ({type(exc).__name__})") from None
            self._keys_at = time.monotonic()
        return self._keys

    # --- ID tokens ---

    async def verify_id_token(self, id_token: str, *, nonce: str | None, subject: str | None = None) -> dict[str, Any]:
        """The token's claims once every check passed; OidcError(ID_TOKEN_INVALID) otherwise."""
        try:
            token = jwt.decode(id_token, await self._key_set(refetch=False), algorithms=list(ALGORITHMS))
        except OidcError:
            raise
        except (JoseError, ValueError) as first:
            # A key rotated at the provider: fetch its keys again (rate-limited) and try once more.
            try:
                token = jwt.decode(id_token, await self._key_set(refetch=True), algorithms=list(ALGORITHMS))
            except OidcError:
                raise
            except (JoseError, ValueError) as exc:
                raise OidcError(ErrorCode.ID_TOKEN_INVALID, f"signature or format ({type(exc).__name__})") from first
        claims = dict(token.claims)
        options: dict[str, jwt.ClaimsOption] = {
            "iss": {"essential": True, "value": self.config.issuer},
            "aud": {"essential": True, "value": self.config.client_id},
            "exp": {"essential": True}, "iat": {"essential": True}, "sub": {"essential": True},
        }
        if nonce is not None:
            options["nonce"] = {"essential": True, "value": nonce}
        if subject is not None:
            options["sub"] = {"essential": True, "value": subject}
        try:
            jwt.JWTClaimsRegistry(now=int(self._now()), leeway=self.config.leeway_s,
                                  **options).validate(claims)
        except JoseError as exc:
            raise OidcError(ErrorCode.ID_TOKEN_INVALID,
                            f"claims ({type(exc).__name__}: {getattr(exc, 'claim', '')})") from None
        audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
        if len(audiences) > 1 and claims.get("azp") != self.config.client_id:
            raise OidcError(ErrorCode.ID_TOKEN_INVALID, "several audiences and azp is not this client")
        return claims

    # --- the token endpoint ---

    async def redeem(self, code: str, verifier: str, redirect_uri: str) -> TokenSet:
        return await self._token({"grant_type": "authorization_code", "code": code, "code_verifier": verifier,
                                  "redirect_uri": redirect_uri})

    async def refresh(self, refresh_token: str) -> TokenSet:
        return await self._token({"grant_type": "refresh_token", "refresh_token": refresh_token})

    async def revoke(self, refresh_token: str) -> bool:
        """RFC 7009: the provider forgets the refresh token (and, at most providers, its whole grant).
        True when the provider confirmed; never raises (logging out must not fail on the provider)."""
        try:
            metadata = await self.metadata()
            if not metadata.revocation_endpoint:
                return False
            response = await self._http.post(metadata.revocation_endpoint, data={
                "token": refresh_token, "token_type_hint": "refresh_token", "client_id": self.config.client_id})
        except (OidcError, httpx.HTTPError) as exc:
            log.warning("revocation at the provider failed (%s)", type(exc).__name__)
            return False
        return response.status_code == 200

    async def _token(self, form: dict[str, str]) -> TokenSet:
        metadata = await self.metadata()
        try:
            response = await self._http.post(metadata.token_endpoint, data={**form, "client_id": self.config.client_id})
            body = response.json()
        except (httpx.HTTPError, ValueError) as exc:
            raise OidcError(ErrorCode.PROVIDER_UNREACHABLE, f"token endpoint ({type(exc).__name__})") from None
        if response.status_code != 200 or not isinstance(body, dict):
            error = str(body.get("error", response.status_code) if isinstance(body, dict) else response.status_code)
            if 400 <= response.status_code < 500:
                raise ProviderRefused(ErrorCode.PROVIDER_ENDED_SESSION, f"token endpoint refused ({error[:64]})")
            raise OidcError(ErrorCode.PROVIDER_UNREACHABLE, f"token endpoint answered {response.status_code}")
        try:
            return TokenSet(str(body["id_token"]), str(body["access_token"]),
                            str(body["refresh_token"]) if body.get("refresh_token") else None,
                            int(body.get("expires_in", 300)))
        except (KeyError, ValueError, TypeError) as exc:
            raise OidcError(ErrorCode.PROVIDER_UNREACHABLE, f"token answer lacks {exc}") from None

    async def _get_json(self, url: str) -> dict[str, Any]:
        try:
            response = await self._http.get(url)
            response.raise_for_status()
            document = response.json()
        except (httpx.HTTPError, ValueError) as exc:
            raise OidcError(ErrorCode.PROVIDER_UNREACHABLE, f"{url} ({type(exc).__name__})") from None
        if not isinstance(document, dict):
            raise OidcError(ErrorCode.PROVIDER_UNREACHABLE, f"{url} is not a JSON object")
        return document
