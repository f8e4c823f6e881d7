"""The backend towards the real OpenID provider (server_stub/identity/oidc.py): code exchange, the ID
token's checks (forged, expired, foreign audience, wrong nonce or issuer, no signature, a shared-secret
algorithm), refresh and revocation, a user disabled at the provider."""

from __future__ import annotations

import base64
import json
import time
from collections.abc import AsyncIterator

import httpx
import pytest
from joserfc import jwt
from joserfc.jwk import OctKey, RSAKey

from dvz_desktop.protocol import ErrorCode
from server_stub.identity.config import OidcConfig
from server_stub.identity.oidc import OidcClient, OidcError, ProviderRefused, TokenSet
from tests.services.oidc_login import sign_in
from tests.services.oidc_provider import OidcProvider, oidc_provider  # noqa: F401


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(timeout=30, follow_redirects=False) as client:
        yield client


def client_for(provider: OidcProvider, **changes: object) -> OidcClient:
    config = OidcConfig.model_validate({"issuer": provider.issuer, "client_id": provider.client_id, **changes})
    return OidcClient(config)


async def login(http: httpx.AsyncClient, provider: OidcProvider, client: OidcClient,
                username: str = "anna") -> tuple[TokenSet, str]:
    redirect = provider.redirect_uri(50123)
    code = await sign_in(http, provider, username, f"{username}-pass", redirect_uri=redirect)
    return await client.redeem(code.code, code.verifier, redirect), code.nonce


def _part(data: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def _unsigned(claims: dict[str, object]) -> str:
    return f"{_part({'alg': 'none', 'typ': 'JWT'})}.{_part(claims)}."


async def test_a_redeemed_code_gives_an_id_token_that_passes_every_check(oidc_provider: OidcProvider,  # noqa: F811
                                                                         http: httpx.AsyncClient) -> None:
    client = client_for(oidc_provider)
    try:
        tokens, nonce = await login(http, oidc_provider, client)
        claims = await client.verify_id_token(tokens.id_token, nonce=nonce)
        assert claims["sub"] == oidc_provider.subject("anna") and claims["preferred_username"] == "anna"
        assert tokens.refresh_token
        metadata = await client.metadata()
        assert metadata.end_session_endpoint and metadata.revocation_endpoint
    finally:
        await client.close()


async def test_forged_expired_foreign_and_replayed_tokens_are_refused(oidc_provider: OidcProvider,  # noqa: F811
                                                                      http: httpx.AsyncClient) -> None:
    client = client_for(oidc_provider)
    try:
        tokens, nonce = await login(http, oidc_provider, client)
        claims = await client.verify_id_token(tokens.id_token, nonce=nonce)
        header = jwt.decode(tokens.id_token, RSAKey.import_key(
            (await http.get(f"{oidc_provider.issuer}/jwks")).json()["keys"][0])).header
        forger = RSAKey.generate_key(2048, parameters={"kid": header["kid"]})
        cases = {
            "forged signature, same key id": jwt.encode({"alg": "RS256", "kid": header["kid"]}, claims, forger),
            "no signature at all": _unsigned(claims),
            "a shared secret algorithm": jwt.encode({"alg": "HS256"}, claims, OctKey.generate_key(256)),
            "a key id the provider does not have": jwt.encode({"alg": "RS256", "kid": "other"}, claims, forger),
        }
        for case, token in cases.items():
            with pytest.raises(OidcError) as refused:
                await client.verify_id_token(token, nonce=nonce)
            assert refused.value.code is ErrorCode.ID_TOKEN_INVALID, case
        with pytest.raises(OidcError, match="nonce"):
            await client.verify_id_token(tokens.id_token, nonce="another login's nonce")
        with pytest.raises(OidcError, match="sub"):
            await client.verify_id_token(tokens.id_token, nonce=nonce, subject="somebody else")
        later = OidcClient(client.config, now=lambda: time.time() + 3 * 3600)
        try:
            with pytest.raises(OidcError, match="exp"):
                await later.verify_id_token(tokens.id_token, nonce=nonce)
        finally:
            await later.close()
    finally:
        await client.close()
    foreign = client_for(oidc_provider, client_id="another-app")
    try:
        with pytest.raises(OidcError, match="aud"):
            await foreign.verify_id_token(tokens.id_token, nonce=nonce)
    finally:
        await foreign.close()


async def test_an_issuer_that_differs_from_the_discovery_document_is_not_trusted(
        oidc_provider: OidcProvider) -> None:  # noqa: F811
    client = client_for(oidc_provider, issuer=oidc_provider.issuer + "/")
    try:
        with pytest.raises(OidcError) as refused:
            await client.metadata()
        assert refused.value.code is ErrorCode.PROVIDER_UNREACHABLE and "another issuer" in refused.value.detail
    finally:
        await client.close()


async def test_refresh_works_until_the_provider_disables_the_user(oidc_provider: OidcProvider,  # noqa: F811
                                                                  http: httpx.AsyncClient) -> None:
    client = client_for(oidc_provider)
    try:
        tokens, _nonce = await login(http, oidc_provider, client, "bernd")
        assert tokens.refresh_token
        renewed = await client.refresh(tokens.refresh_token)
        claims = await client.verify_id_token(renewed.id_token, nonce=None, subject=oidc_provider.subject("bernd"))
        assert claims["preferred_username"] == "bernd"
        oidc_provider.disable("bernd")
        with pytest.raises(ProviderRefused) as refused:
            await client.refresh(renewed.refresh_token or tokens.refresh_token)
        assert refused.value.code is ErrorCode.PROVIDER_ENDED_SESSION and "invalid_grant" in refused.value.detail
    finally:
        await client.close()


async def test_revoking_the_refresh_token_ends_the_grant_at_the_provider(oidc_provider: OidcProvider,  # noqa: F811
                                                                         http: httpx.AsyncClient) -> None:
    client = client_for(oidc_provider)
    try:
        tokens, _nonce = await login(http, oidc_provider, client, "clara")
        assert tokens.refresh_token and await client.revoke(tokens.refresh_token)
        with pytest.raises(ProviderRefused):
            await client.refresh(tokens.refresh_token)
    finally:
        await client.close()


async def test_a_provider_that_is_down_is_unreachable_not_a_refusal(oidc_provider: OidcProvider) -> None:  # noqa: F811
    client = client_for(oidc_provider)
    oidc_provider.stop()
    try:
        with pytest.raises(OidcError) as down:
            await client.refresh("whatever")
        assert type(down.value) is OidcError and down.value.code is ErrorCode.PROVIDER_UNREACHABLE
    finally:
        await client.close()
