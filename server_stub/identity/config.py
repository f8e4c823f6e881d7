"""The identity configuration (``dvz-server --identity identity.yaml``): the organisation's OpenID
provider, its LDAP/Active Directory, the mapping from groups to roles, and whether password login is
still on. Validated by pydantic; a readable German message says what is wrong where.

    password_login: true          # false: only "Mit Organisationskonto anmelden"
    password_check: local         # or "directory": a password login binds against the directory
    oidc:
      issuer: https://anmeldung.landkreis.example/realms/dvz
      client_id: dvz-desktop
    directory:
      url: ldaps://dc1.landkreis.example
      bind_dn: CN=dvz-sync,OU=Dienstkonten,DC=landkreis,DC=example
      bind_password_file: /etc/dvz/ldap-passwort
      people_base: OU=Mitarbeitende,DC=landkreis,DC=example
      groups_base: OU=Gruppen,DC=landkreis,DC=example
      preset: active_directory
      org: lk
    roles:
      dvz-mitarbeitende: [staff]
      dvz-tuerdienst: ["desk:buergerbuero"]
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from dvz_desktop.core.claims import ClaimRules
from dvz_desktop.core.directory_sync import ACTIVE_DIRECTORY, AttributeMap
from dvz_desktop.core.roles import RoleMapping, RoleSpecError
from dvz_desktop.core.transport import clear_text_refusal, is_loopback_host


class IdentityConfigError(Exception):
    """The identity configuration cannot be used; the message says why, in German."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class OidcConfig(_Model):
    issuer: Annotated[str, Field(min_length=8, max_length=512)]
    client_id: Annotated[str, Field(min_length=1, max_length=255, pattern=r"^\S+$")]
    scope: str = "openid profile email"
    username_claim: str = "preferred_username"
    username_suffix: str = ""
    display_name_claim: str = "name"
    mail_claim: str = "email"
    groups_claim: str = "groups"
    #: How often the backend refreshes each session at the provider (a refusal ends the session).
    refresh_every_s: Annotated[int, Field(ge=10, le=86_400)] = 300
    #: Seconds a started login may take (the user types a password in the browser).
    login_timeout_s: Annotated[int, Field(ge=30, le=1800)] = 300
    #: Accepted clock difference to the provider when checking expiry, in seconds.
    leeway_s: Annotated[int, Field(ge=0, le=300)] = 30
    #: The CA that issued the provider's certificate (default: the system's trust store).
    ca_file: Path | None = None

    @model_validator(mode="after")
    def _encrypted(self) -> OidcConfig:
        refusal = clear_text_refusal(self.issuer)
        if refusal is not None or not self.issuer.startswith(("https://", "http://")):
            raise ValueError("oidc.issuer: erwartet eine https://-Adresse (http:// nur auf diesem Rechner)")
        if "openid" not in self.scope.split():
            raise ValueError("oidc.scope: muss „openid“ enthalten")
        return self

    def claim_rules(self) -> ClaimRules:
        return ClaimRules(username_claim=self.username_claim, username_suffix=self.username_suffix,
                          display_name_claim=self.display_name_claim, mail_claim=self.mail_claim,
                          groups_claim=self.groups_claim)


class AttributesConfig(_Model):
    username: str | None = None
    display_name: str | None = None
    unit: str | None = None
    phone: str | None = None
    mail: str | None = None
    photo: str | None = None
    disabled: str | None = None
    expires: str | None = None
    changed: str | None = None
    #: The unit from the entry's first OU instead of an attribute.
    unit_from_dn: bool | None = None


PRESETS = {"openldap": AttributeMap(), "active_directory": ACTIVE_DIRECTORY}
PRESET_FILTERS = {
    "openldap": ("(objectClass=inetOrgPerson)", "(objectClass=groupOfNames)"),
    # Users only (no computers, no contacts); groups of any kind.
    "active_directory": ("(&(objectCategory=person)(objectClass=user))", "(objectClass=group)"),
}


class DirectoryConfig(_Model):
    url: Annotated[str, Field(pattern=r"^ldaps?://[^/\s]+/?$")]
    bind_dn: str
    bind_password: str | None = Field(default=None, repr=False)
    #: Better than the password in this file: a file only the service account can read.
    bind_password_file: Path | None = None
    start_tls: bool = False
    #: The CA that issued the directory's certificate (default: the system's trust store).
    ca_file: Path | None = None
    preset: Literal["openldap", "active_directory"] = "openldap"
    people_base: str
    people_filter: str | None = None
    groups_base: str | None = None
    groups_filter: str | None = None
    group_name_attribute: str = "cn"
    group_member_attribute: str = "member"
    attributes: AttributesConfig = AttributesConfig()
    #: The organisation (of the organisation file) the directory's people belong to.
    org: str
    interval_minutes: Annotated[int, Field(ge=1, le=1440)] = 15
    page_size: Annotated[int, Field(ge=10, le=1000)] = 500
    timeout_s: Annotated[int, Field(ge=1, le=300)] = 30
    #: More leavers than this in one sync hold the sync back (default: a tenth of the people, at least 10).
    max_leavers_per_sync: Annotated[int, Field(ge=0)] | None = None
    #: Days the record of someone who left is kept before it is deleted (docs/privacy.md).
    keep_leavers_days: Annotated[int, Field(ge=0, le=3650)] = 30
    #: Unit → the personal offices (room ids of the organisation file) newcomers of that unit get, in order.
    office_areas: dict[str, list[str]] = {}

    @model_validator(mode="after")
    def _secure(self) -> DirectoryConfig:
        host = urlsplit(self.url).hostname or ""
        if self.url.startswith("ldap://") and not self.start_tls and not is_loopback_host(host):
            raise ValueError("directory.url: außerhalb dieses Rechners nur ldaps:// oder mit start_tls: true")
        if self.url.startswith("ldaps://") and self.start_tls:
            raise ValueError("directory.start_tls: nicht zusammen mit ldaps://")
        if (self.bind_password is None) == (self.bind_password_file is None):
            raise ValueError("directory: genau eines von bind_password und bind_password_file angeben")
        return self

    def attribute_map(self) -> AttributeMap:
        base = PRESETS[self.preset]
        changes = {k: v for k, v in self.attributes.model_dump().items() if v is not None}
        return AttributeMap(**{**base.__dict__, **changes})

    def filters(self) -> tuple[str, str]:
        people, groups = PRESET_FILTERS[self.preset]
        return self.people_filter or people, self.groups_filter or groups

    def password(self) -> str:
        if self.bind_password is not None:
            return self.bind_password
        assert self.bind_password_file is not None
        try:
            return self.bind_password_file.read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise IdentityConfigError(f"Das Passwort des Verzeichniskontos ({self.bind_password_file}) kann nicht "
                                      f"gelesen werden: {exc.strerror}") from None


class IdentityConfig(_Model):
    password_login: bool = True
    #: Where a password login is checked: the hash DVZ keeps, or a bind against the directory.
    password_check: Literal["local", "directory"] = "local"
    oidc: OidcConfig | None = None
    directory: DirectoryConfig | None = None
    #: Group (directory group or OIDC group claim) → roles: ["staff"], ["desk:buergerbuero"], ["chair"] ...
    roles: dict[str, list[str]] = {}
    #: Days the audit log of admin actions is kept.
    audit_retention_days: Annotated[int, Field(ge=1, le=3650)] = 365

    @model_validator(mode="after")
    def _consistent(self) -> IdentityConfig:
        if self.password_check == "directory" and self.directory is None:
            raise ValueError("password_check: directory braucht einen Abschnitt directory")
        if not self.password_login and self.oidc is None:
            raise ValueError("password_login: false braucht einen Abschnitt oidc (sonst kann sich niemand anmelden)")
        try:
            RoleMapping.from_config(self.roles)
        except RoleSpecError as exc:
            raise ValueError(f"roles: {exc}") from None
        return self

    def role_mapping(self) -> RoleMapping:
        return RoleMapping.from_config(self.roles)


def parse_identity_config(data: object) -> IdentityConfig:
    try:
        return IdentityConfig.model_validate(data or {})
    except ValidationError as exc:
        problems = "; ".join(
            f"{'/'.join(str(p) for p in err['loc']) or '(Datei)'}: {err['msg'].removeprefix('Value error, ')}"
            for err in exc.errors())
        raise IdentityConfigError(f"Die Identitätskonfiguration ist ungültig: {problems}") from None


def load_identity_config(path: Path) -> IdentityConfig:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise IdentityConfigError(f"{path} kann nicht gelesen werden: {exc.strerror}") from None
    except yaml.YAMLError as exc:
        raise IdentityConfigError(f"{path} ist kein gültiges YAML: {exc}") from None
    return parse_identity_config(data)
