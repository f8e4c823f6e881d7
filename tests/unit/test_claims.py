"""From a verified ID token's claims to an account (core/claims.py)."""

from __future__ import annotations

import pytest

from dvz_desktop.core.claims import (
    ClaimedIdentity,
    ClaimProblem,
    ClaimRefused,
    ClaimRules,
    bind_subject,
    identity_from_claims,
)

ANNA = {"sub": "6f1d-anna", "preferred_username": "Anna", "name": "Anna Müller", "email": "anna@musterkreis.de",
        "groups": ["dvz-mitarbeitende", "/dvz/dvz-organisation-admin"]}


def test_keycloak_claims_name_the_account_in_lower_case() -> None:
    identity = identity_from_claims(ANNA)
    assert identity == ClaimedIdentity("6f1d-anna", "anna", "Anna Müller", "anna@musterkreis.de",
                                       ("dvz-mitarbeitende", "/dvz/dvz-organisation-admin"))


def test_an_upn_loses_the_configured_domain() -> None:
    rules = ClaimRules(username_claim="upn", username_suffix="@Landkreis.Example")
    identity = identity_from_claims({"sub": "x", "upn": "b.weiss@landkreis.example"}, rules)
    assert identity.username == "b.weiss" and identity.display_name == "b.weiss"


@pytest.mark.parametrize("claims, problem", [
    ({"preferred_username": "anna"}, ClaimProblem.MISSING_SUBJECT),
    ({"sub": "x"}, ClaimProblem.MISSING_USERNAME),
    ({"sub": "x", "preferred_username": "   "}, ClaimProblem.MISSING_USERNAME),
    ({"sub": "x", "preferred_username": "anna müller"}, ClaimProblem.BAD_USERNAME),
    ({"sub": "x", "preferred_username": "anna\x1b[2J"}, ClaimProblem.BAD_USERNAME),
    ({"sub": "x", "preferred_username": 42}, ClaimProblem.MISSING_USERNAME),
])
def test_tokens_without_a_usable_name_are_refused(claims: dict[str, object], problem: ClaimProblem) -> None:
    with pytest.raises(ClaimRefused) as refused:
        identity_from_claims(claims)
    assert refused.value.problem is problem


def test_garbage_in_optional_claims_is_left_out() -> None:
    identity = identity_from_claims({"sub": "x", "preferred_username": "dora", "name": "Dora\x00",
                                     "email": "not a mail", "groups": ["ok", 7, "bad\x07", ""]})
    assert (identity.display_name, identity.mail, identity.groups) == ("dora", "", ("ok",))
    assert identity_from_claims({"sub": "x", "preferred_username": "dora", "groups": "solo"}).groups == ("solo",)
    assert identity_from_claims({"sub": "x", "preferred_username": "dora", "groups": {"a": 1}}).groups == ()


def test_the_first_sign_on_binds_the_subject_and_another_subject_is_refused() -> None:
    identity = identity_from_claims(ANNA)
    assert bind_subject(None, identity) == "6f1d-anna"
    assert bind_subject("6f1d-anna", identity) == "6f1d-anna"
    with pytest.raises(ClaimRefused) as refused:
        bind_subject("someone-else", identity)
    assert refused.value.problem is ClaimProblem.ACCOUNT_CONFLICT
