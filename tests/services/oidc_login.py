"""Signing in at the test OpenID provider from Python, without a browser: what the system browser and
the desktop app's loopback listener do, step by step, with httpx.

    code = await sign_in(http, provider, "anna", "anna-pass", redirect_uri=provider.redirect_uri(54321))
    tokens = await exchange_code(http, provider, code)
    claims = verify_id_token(tokens.id_token, jwks, issuer=..., client_id=..., nonce=code.nonce)
    tokens = await refresh(http, provider, tokens.refresh_token)

The redirect to the app's loopback address is not followed: its query (code, state) is what the app
would receive. Everything else is the provider's real flow: authorize, its login form, the resumed
authorization, the token endpoint.
"""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit

import httpx


class Provider(Protocol):
    issuer: str

    @property
    def client_id(self) -> str: ...


class LoginRefused(Exception):
    """The provider did not sign the person in (wrong password, locked account, an error)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(f"{status}: {message}")
        self.status = status
        self.message = message


class TokenRefused(Exception):
    """The token endpoint answered with an OAuth error (``invalid_grant`` for a disabled user)."""

    def __init__(self, error: str, description: str) -> None:
        super().__init__(f"{error}: {description}")
        self.error = error
        self.description = description


@dataclass(frozen=True)
class AuthorizationCode:
    code: str
    redirect_uri: str
    verifier: str
    nonce: str


@dataclass(frozen=True)
class Tokens:
    id_token: str
    access_token: str
    refresh_token: str | None
    expires_in: int
    raw: dict[str, Any]


def pkce_pair() -> tuple[str, str]:
    """(verifier, S256 challenge), RFC 7636."""
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    return verifier, challenge


async def discover(http: httpx.AsyncClient, issuer: str) -> dict[str, Any]:
    response = await http.get(f"{issuer}/.well-known/openid-configuration")
    response.raise_for_status()
    return response.json()  # type: ignore[no-any-return]


def _message(html: str) -> str:
    found = re.search(r'<p class="error"[^>]*>(.*?)</p>', html, re.DOTALL)
    return found.group(1) if found else html[:200]


async def sign_in(http: httpx.AsyncClient, provider: Provider, username: str, password: str, *,
                  redirect_uri: str, scope: str = "openid profile email groups",
                  prompt: str | None = "login") -> AuthorizationCode:
    """The authorization request, the provider's login form, and back to ``redirect_uri`` with a code.

    ``prompt="login"`` (the default) asks for the password even where the client's cookies hold a
    session at the provider, so ``username`` is who signs in; ``prompt=None`` lets single sign-on
    answer without the form."""
    configuration = await discover(http, provider.issuer)
    verifier, challenge = pkce_pair()
    state, nonce = secrets.token_urlsafe(16), secrets.token_urlsafe(16)
    url = configuration["authorization_endpoint"] + "?" + urlencode({
        "client_id": provider.client_id, "response_type": "code", "redirect_uri": redirect_uri, "scope": scope,
        "state": state, "nonce": nonce, "code_challenge": challenge, "code_challenge_method": "S256",
        **({"prompt": prompt} if prompt else {})})
    response = await http.get(url)
    for _hop in range(10):
        if response.is_redirect:
            target = urljoin(str(response.url), response.headers["location"])
            if target.startswith(redirect_uri):
                query = parse_qs(urlsplit(target).query)
                if "error" in query:
                    raise LoginRefused(400, f"{query['error'][0]}: {query.get('error_description', [''])[0]}")
                if query.get("state") != [state]:
                    raise LoginRefused(400, "state does not match")
                return AuthorizationCode(query["code"][0], redirect_uri, verifier, nonce)
            response = await http.get(target)
        elif response.status_code == 200 and 'name="password"' in response.text:
            action = re.search(r'<form method="post" action="([^"]+)"', response.text)
            assert action is not None, "the login form has no action"
            response = await http.post(urljoin(str(response.url), action.group(1)),
                                       data={"username": username, "password": password})
            if response.status_code in (401, 403):
                raise LoginRefused(response.status_code, _message(response.text))
        else:
            raise LoginRefused(response.status_code, _message(response.text))
    raise LoginRefused(0, "too many redirects")


async def _token(http: httpx.AsyncClient, provider: Provider, form: dict[str, str]) -> Tokens:
    configuration = await discover(http, provider.issuer)
    response = await http.post(configuration["token_endpoint"], data={**form, "client_id": provider.client_id})
    body = response.json()
    if response.status_code != 200:
        raise TokenRefused(body.get("error", str(response.status_code)), body.get("error_description", ""))
    return Tokens(body["id_token"], body["access_token"], body.get("refresh_token"), int(body["expires_in"]), body)


async def exchange_code(http: httpx.AsyncClient, provider: Provider, code: AuthorizationCode) -> Tokens:
    return await _token(http, provider, {"grant_type": "authorization_code", "code": code.code,
                                         "redirect_uri": code.redirect_uri, "code_verifier": code.verifier})


async def refresh(http: httpx.AsyncClient, provider: Provider, refresh_token: str) -> Tokens:
    return await _token(http, provider, {"grant_type": "refresh_token", "refresh_token": refresh_token})


async def fetch_jwks(http: httpx.AsyncClient, issuer: str) -> dict[str, Any]:
    response = await http.get((await discover(http, issuer))["jwks_uri"])
    response.raise_for_status()
    return response.json()  # type: ignore[no-any-return]


def verify_id_token(id_token: str, jwks: dict[str, Any], *, issuer: str, client_id: str,
                    nonce: str | None) -> dict[str, Any]:
    """Signature (RS256 only, keys from the provider's JWKS), issuer, audience, expiry and nonce, with
    joserfc; raises joserfc's errors for a forged, expired or foreign token."""
    from joserfc import jwt
    from joserfc.jwk import KeySet

    token = jwt.decode(id_token, KeySet.import_key_set(jwks), algorithms=["RS256"])  # type: ignore[arg-type]
    options: dict[str, jwt.ClaimsOption] = {"iss": {"essential": True, "value": issuer},
                                            "aud": {"essential": True, "value": client_id},
                                            "exp": {"essential": True}, "sub": {"essential": True}}
    if nonce:
        options["nonce"] = {"essential": True, "value": nonce}
    # Only claim options here, never now/leeway (which mypy cannot tell from the dict).
    jwt.JWTClaimsRegistry(**options).validate(token.claims)  # type: ignore[arg-type]
    return dict(token.claims)
