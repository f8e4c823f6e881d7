"""From a verified ID token's claims to a DVZ account: which claim names the person, how a user name is
cleaned, and why a login is refused.

The provider's ``sub`` is what stays: a user name can be renamed or, years later, given to somebody
else. The first sign-on binds an account to its ``sub``; a later token that names the same user name
with another ``sub`` is refused (``account_conflict``) instead of opening somebody else's account.

Pure: claims in, an identity or a refusal out (the token's signature, issuer, audience, nonce and
expiry are checked before, with a JOSE library).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

from .directory_values import clean_text, normal_username

#: What a user name may be made of (the organisation file's rule, lower case).
MAX_NAME = 200


class ClaimProblem(str, Enum):
    MISSING_USERNAME = "missing_username"  # the claim that names the person is not in the token
    BAD_USERNAME = "bad_username"  # it is there but not a usable user name
    MISSING_SUBJECT = "missing_subject"
    ACCOUNT_CONFLICT = "account_conflict"  # the user name belongs to another subject


class ClaimRefused(Exception):
    def __init__(self, problem: ClaimProblem, detail: str) -> None:
        super().__init__(f"{problem.value}: {detail}")
        self.problem = problem
        self.detail = detail


@dataclass(frozen=True)
class ClaimRules:
    """Which claims to read (Keycloak's defaults; Entra ID: ``username_claim="upn"`` or a mapped one)."""

    username_claim: str = "preferred_username"
    #: Cut from the end of the user name, e.g. "@landkreis.example" when the claim is a UPN.
    username_suffix: str = ""
    display_name_claim: str = "name"
    mail_claim: str = "email"
    groups_claim: str = "groups"


@dataclass(frozen=True)
class ClaimedIdentity:
    subject: str
    username: str
    display_name: str
    mail: str
    groups: tuple[str, ...]


def identity_from_claims(claims: Mapping[str, object], rules: ClaimRules = ClaimRules()) -> ClaimedIdentity:
    subject = claims.get("sub")
    if not isinstance(subject, str) or not subject.strip():
        raise ClaimRefused(ClaimProblem.MISSING_SUBJECT, "sub")
    raw = claims.get(rules.username_claim)
    if not isinstance(raw, str) or not raw.strip():
        raise ClaimRefused(ClaimProblem.MISSING_USERNAME, rules.username_claim)
    name = raw.strip()
    suffix = rules.username_suffix.casefold()
    if suffix and name.casefold().endswith(suffix):
        name = name[: -len(suffix)]
    username = normal_username(name)
    if username is None:
        raise ClaimRefused(ClaimProblem.BAD_USERNAME, f"{rules.username_claim} is not a usable user name")
    display = clean_text(claims.get(rules.display_name_claim), MAX_NAME).value or username
    mail = clean_text(claims.get(rules.mail_claim), 254).value or ""
    if mail and not re.fullmatch(r"[^@\s]+@[^@\s]+", mail):
        mail = ""
    return ClaimedIdentity(subject.strip(), username, display, mail, _groups(claims.get(rules.groups_claim)))


def _groups(raw: object) -> tuple[str, ...]:
    """A list of group names (Keycloak: names or paths; Entra: object ids); anything else: none."""
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, (list, tuple)):
        return ()
    groups: list[str] = []
    for item in raw[:1000]:  # a token with thousands of groups is not a reason to spend time on each
        text = clean_text(item, 512).value
        if text:
            groups.append(text)
    return tuple(groups)


def bind_subject(stored: str | None, claimed: ClaimedIdentity) -> str:
    """The subject to keep for the account: the claimed one on first sign-on, the stored one after;
    a different subject for a bound account is refused."""
    if stored is None or stored == claimed.subject:
        return claimed.subject
    raise ClaimRefused(ClaimProblem.ACCOUNT_CONFLICT, f"user name {claimed.username} is bound to another subject")
