"""The staff of the Landkreis Musterkreis as its directory (slapd) and its identity provider (the OpenID
provider) know them: the same user names, so a test can sign someone in at the provider and find the
same person in the directory. Passwords follow the tests' rule ``<name>-pass``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

PHOTO = Path(__file__).parent / "ldap" / "anna.jpg"

#: Directory groups, and what they will mean in DVZ (issue 18 maps them to roles).
GROUPS = {
    "dvz-mitarbeitende": "Alle Beschäftigten mit DVZ-Zugang",
    "dvz-tuerdienst": "Dienst an der digitalen Tür (Bürgerbüro)",
    "dvz-sitzungsleitung": "Leitung von Sitzungen und Besprechungen",
    "dvz-ausschuss-bau": "Mitglieder des Bauausschusses",
    "dvz-gebaeude-admin": "Verwaltung des Kreishauses",
    "dvz-organisation-admin": "Verwaltung der Organisation",
}


@dataclass(frozen=True)
class Person:
    username: str
    given_name: str
    surname: str
    unit: str
    phone: str
    groups: tuple[str, ...] = ("dvz-mitarbeitende",)
    #: Left or locked: the directory marks the account locked, the provider refuses it.
    disabled: bool = False
    photo: Path | None = None
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def display_name(self) -> str:
        return f"{self.given_name} {self.surname}"

    @property
    def mail(self) -> str:
        return f"{self.username}@musterkreis.de"

    @property
    def password(self) -> str:
        return f"{self.username}-pass"


MUSTERKREIS: tuple[Person, ...] = (
    Person("anna", "Anna", "Müller", "FB 1 Zentrale Dienste", "+49 6151 881-101",
           ("dvz-mitarbeitende", "dvz-organisation-admin"), photo=PHOTO),
    Person("bernd", "Bernd", "Weiß", "FB 1 Zentrale Dienste", "+49 6151 881-102",
           ("dvz-mitarbeitende", "dvz-sitzungsleitung")),
    Person("clara", "Clara", "Groß", "FB 6 Bauen", "+49 6151 881-601", ("dvz-mitarbeitende", "dvz-tuerdienst")),
    Person("dora", "Dora", "Straße", "FB 3 Ordnung", "+49 6151 881-301", ("dvz-mitarbeitende", "dvz-ausschuss-bau")),
    Person("erik", "Erik", "Schäfer", "FB 3 Ordnung", "+49 6151 881-302", disabled=True),
    Person("fatma", "Fatma", "Öztürk", "FB 6 Bauen", "+49 6151 881-602",
           ("dvz-mitarbeitende", "dvz-ausschuss-bau", "dvz-gebaeude-admin")),
)


def many_people(count: int, *, units: int = 20) -> list[Person]:
    """``count`` generated colleagues (``person0001`` ...) spread over ``units`` units: a large
    directory for sync benchmarks."""
    return [Person(f"person{n:04d}", "Vorname", f"Nachname{n:04d}", f"FB {n % units + 1:02d}",
                   f"+49 6151 881-{n:04d}") for n in range(1, count + 1)]
