"""The OpenID provider fixture driven from Python: discovery, authorization code with PKCE through the
provider's own login form, an ID token verified against the JWKS with joserfc, refresh, and refusals
(wrong password, locked account, a user disabled after signing in, a foreign redirect, a wrong verifier)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace

import httpx
import pytest
from joserfc import jwt
from joserfc.errors import BadSignatureError, InvalidClaimError
from joserfc.jwk import RSAKey

from tests.services.oidc_login import (
    LoginRefused,
    TokenRefused,
    discover,
    exchange_code,
    fetch_jwks,
    refresh,
    sign_in,
    verify_id_token,
)
from tests.services.oidc_provider import OidcProvider, oidc_provider  # noqa: F401


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(timeout=30, follow_redirects=False) as client:
        yield client


async def test_discovery_offers_code_with_pkce_and_rs256(oidc_provider: OidcProvider,  # noqa: F811
                                                         http: httpx.AsyncClient) -> None:
    configuration = await discover(http, oidc_provider.issuer)
    assert configuration["issuer"] == oidc_provider.issuer
    assert "S256" in configuration["code_challenge_methods_supported"]
    assert "RS256" in configuration["id_token_signing_alg_values_supported"]
    assert {"authorization_code", "refresh_token"} <= set(configuration["grant_types_supported"])
    assert configuration["end_session_endpoint"] and configuration["revocation_endpoint"]
    print(f"OpenID provider started in {oidc_provider.started_in * 1000:.0f} ms")


async def test_a_full_code_flow_gives_a_verified_id_token_then_refresh_works(
        oidc_provider: OidcProvider, http: httpx.AsyncClient) -> None:  # noqa: F811
    code = await sign_in(http, oidc_provider, "anna", "anna-pass", redirect_uri=oidc_provider.redirect_uri(54321))
    tokens = await exchange_code(http, oidc_provider, code)
    jwks = await fetch_jwks(http, oidc_provider.issuer)
    claims = verify_id_token(tokens.id_token, jwks, issuer=oidc_provider.issuer, client_id=oidc_provider.client_id,
                             nonce=code.nonce)
    assert claims["sub"] == oidc_provider.subject("anna")
    assert (claims["preferred_username"], claims["name"], claims["email"]) == (
        "anna", "Anna Müller", "anna@musterkreis.de")
    assert set(claims["groups"]) == {"dvz-mitarbeitende", "dvz-organisation-admin"}
    assert jwt.decode(tokens.id_token, RSAKey.import_key(jwks["keys"][0])).header["alg"] == "RS256"
    assert tokens.refresh_token

    renewed = await refresh(http, oidc_provider, tokens.refresh_token)
    renewed_claims = verify_id_token(renewed.id_token, jwks, issuer=oidc_provider.issuer,
                                     client_id=oidc_provider.client_id, nonce=None)
    assert renewed_claims["sub"] == claims["sub"]
    assert renewed.access_token != tokens.access_token

    oidc_provider.disable("anna")  # she leaves: the next refresh is refused
    with pytest.raises(TokenRefused) as refused:
        await refresh(http, oidc_provider, renewed.refresh_token or "")
    assert refused.value.error == "invalid_grant"


async def test_wrong_password_and_a_locked_account_are_refused_at_the_form(
        oidc_provider: OidcProvider, http: httpx.AsyncClient) -> None:  # noqa: F811
    with pytest.raises(LoginRefused) as wrong:
        await sign_in(http, oidc_provider, "bernd", "falsch", redirect_uri=oidc_provider.redirect_uri(50000))
    assert wrong.value.status == 401
    with pytest.raises(LoginRefused) as locked:  # Erik is disabled in the people list
        await sign_in(http, oidc_provider, "erik", "erik-pass", redirect_uri=oidc_provider.redirect_uri(50000))
    assert (locked.value.status, locked.value.message) == (403, "Dieses Konto ist gesperrt.")


async def test_forged_and_foreign_tokens_and_a_wrong_verifier_fail(oidc_provider: OidcProvider,  # noqa: F811
                                                                   http: httpx.AsyncClient) -> None:
    code = await sign_in(http, oidc_provider, "clara", "clara-pass", redirect_uri=oidc_provider.redirect_uri(50001))
    with pytest.raises(TokenRefused):
        await exchange_code(http, oidc_provider, replace(code, verifier="x" * 50))  # PKCE: not the verifier

    code = await sign_in(http, oidc_provider, "clara", "clara-pass", redirect_uri=oidc_provider.redirect_uri(50001))
    tokens = await exchange_code(http, oidc_provider, code)
    jwks = await fetch_jwks(http, oidc_provider.issuer)
    claims = verify_id_token(tokens.id_token, jwks, issuer=oidc_provider.issuer, client_id="dvz-desktop",
                             nonce=code.nonce)

    forger = RSAKey.generate_key(2048, parameters={"kid": jwks["keys"][0]["kid"]})
    forged = jwt.encode({"alg": "RS256", "kid": forger.kid}, claims, forger)
    with pytest.raises(BadSignatureError):
        verify_id_token(forged, jwks, issuer=oidc_provider.issuer, client_id="dvz-desktop", nonce=code.nonce)
    with pytest.raises(InvalidClaimError):
        verify_id_token(tokens.id_token, jwks, issuer=oidc_provider.issuer, client_id="another-app", nonce=None)
    with pytest.raises(InvalidClaimError):
        verify_id_token(tokens.id_token, jwks, issuer=oidc_provider.issuer, client_id="dvz-desktop", nonce="replayed")


async def test_single_sign_on_answers_without_the_form_unless_asked_to_log_in(
        oidc_provider: OidcProvider, http: httpx.AsyncClient) -> None:  # noqa: F811
    redirect = oidc_provider.redirect_uri(50004)
    await sign_in(http, oidc_provider, "bernd", "bernd-pass", redirect_uri=redirect)
    again = await sign_in(http, oidc_provider, "bernd", "not asked", redirect_uri=redirect, prompt=None)
    jwks = await fetch_jwks(http, oidc_provider.issuer)
    tokens = await exchange_code(http, oidc_provider, again)
    claims = verify_id_token(tokens.id_token, jwks, issuer=oidc_provider.issuer, client_id="dvz-desktop",
                             nonce=again.nonce)
    assert claims["preferred_username"] == "bernd"
    with pytest.raises(LoginRefused):  # prompt=login: the form again, and a wrong password fails
        await sign_in(http, oidc_provider, "bernd", "falsch", redirect_uri=redirect)


async def test_a_redirect_that_is_not_registered_is_refused(oidc_provider: OidcProvider,  # noqa: F811
                                                            http: httpx.AsyncClient) -> None:
    for foreign in ("http://127.0.0.1:50002/elsewhere", "http://evil.example/callback"):
        with pytest.raises(LoginRefused) as refused:
            await sign_in(http, oidc_provider, "dora", "dora-pass", redirect_uri=foreign)
        assert refused.value.status == 400
        assert "redirect_uri" in refused.value.message


async def test_the_provider_keeps_its_port_and_key_across_a_restart(oidc_provider: OidcProvider,  # noqa: F811
                                                                    http: httpx.AsyncClient) -> None:
    code = await sign_in(http, oidc_provider, "fatma", "fatma-pass", redirect_uri=oidc_provider.redirect_uri(50003))
    tokens = await exchange_code(http, oidc_provider, code)
    issuer, jwks = oidc_provider.issuer, await fetch_jwks(http, oidc_provider.issuer)
    oidc_provider.stop()
    with pytest.raises(httpx.ConnectError):
        await discover(http, issuer)
    oidc_provider.start()
    assert oidc_provider.issuer == issuer
    assert await fetch_jwks(http, issuer) == jwks
    verify_id_token(tokens.id_token, jwks, issuer=issuer, client_id="dvz-desktop", nonce=code.nonce)
