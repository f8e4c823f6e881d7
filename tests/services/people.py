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


UNITS = ("FB 1 Zentrale Dienste", "FB 2 Finanzen", "FB 3 Ordnung", "FB 4 Soziales", "FB 5 Jugend", "FB 6 Bauen",
         "Stabsstelle Digitalisierung")

# (user name, given name, surname, unit index, extra groups, disabled)
_KREISHAUS = (
    ("gerd", "Gerd", "Neumann", 5, ("dvz-tuerdienst",), False),
    ("hanna", "Hanna", "Krüger", 0, (), False),
    ("ines", "Ines", "Wagner", 1, (), False),
    ("jan", "Jan", "Becker", 1, (), False),
    ("karin", "Karin", "Hoffmann", 2, ("dvz-tuerdienst",), False),
    ("lars", "Lars", "Schulz", 2, (), False),
    ("maria", "Maria", "Koch", 3, ("dvz-sitzungsleitung",), False),
    ("nils", "Nils", "Richter", 3, (), False),
    ("olga", "Olga", "Wolf", 4, (), False),
    ("paul", "Paul", "Schröder", 4, (), False),
    ("quirin", "Quirin", "Zimmermann", 5, ("dvz-ausschuss-bau",), False),
    ("rita", "Rita", "Braun", 5, ("dvz-ausschuss-bau",), False),
    ("sven", "Sven", "Hartmann", 6, (), False),
    ("tanja", "Tanja", "Lange", 6, ("dvz-gebaeude-admin",), False),
    ("uwe", "Uwe", "Schmitt", 0, (), False),
    ("vera", "Vera", "Werner", 0, (), False),
    ("walter", "Walter", "Krause", 1, (), False),
    ("xenia", "Xenia", "Meier", 1, (), False),
    ("yusuf", "Yusuf", "Demir", 2, (), False),
    ("zoe", "Zoë", "Lehmann", 2, (), False),
    ("a.fischer", "Andrea", "Fischer", 3, (), False),
    ("b.kaya", "Burak", "Kaya", 3, (), False),
    ("c.nowak", "Christina", "Nowak", 4, (), False),
    ("d.jung", "Daniel", "Jung", 4, (), False),
    ("e.keller", "Elif", "Keller", 5, (), False),
    ("f.vogel", "Frank", "Vogel", 5, (), False),
    ("g.otto", "Gisela", "Otto", 6, (), False),
    ("h.sommer", "Heiko", "Sommer", 6, (), False),
    ("i.haas", "Irina", "Haas", 0, (), False),
    ("j.graf", "Jürgen", "Graf", 0, ("dvz-sitzungsleitung",), False),
    ("k.roth", "Katrin", "Roth", 1, (), False),
    ("l.beck", "Lukas", "Beck", 1, (), False),
    ("m.lorenz", "Monika", "Lorenz", 2, (), False),
    ("n.baumann", "Norbert", "Baumann", 2, (), False),
    ("o.franke", "Oksana", "Franke", 3, (), False),
    ("p.albrecht", "Peter", "Albrecht", 3, (), False),
    ("r.simon", "Renate", "Simon", 4, (), False),
    ("s.ludwig", "Stefan", "Ludwig", 4, (), False),
    ("t.boehm", "Tobias", "Böhm", 5, ("dvz-ausschuss-bau",), False),
    ("u.winter", "Ulrike", "Winter", 5, (), False),
    ("v.kraus", "Volker", "Kraus", 6, (), False),
    ("w.martin", "Wiebke", "Martin", 0, (), True),  # retired last month: locked, still in the directory
)
#: Not in any DVZ group: the directory knows them, DVZ does not let them in.
_OUTSIDERS = (("praktikum1", "Pia", "Petersen", 6), ("extern.it", "Ole", "Olsen", 6))


def kreishaus() -> tuple[Person, ...]:
    """The Kreishaus of the Landkreis Musterkreis as its directory holds it: 50 people in seven units
    (the Musterkreis six, 42 colleagues, two without any DVZ group), with desk staff, chairs, a
    committee, a building and an organisation admin, and two locked accounts."""
    colleagues = tuple(
        Person(username, given, surname, UNITS[unit], f"+49 6151 881-{700 + n:03d}",
               ("dvz-mitarbeitende", *groups), disabled=disabled)
        for n, (username, given, surname, unit, groups, disabled) in enumerate(_KREISHAUS))
    outsiders = tuple(Person(username, given, surname, UNITS[unit], f"+49 6151 881-{800 + n:03d}", ())
                      for n, (username, given, surname, unit) in enumerate(_OUTSIDERS))
    return MUSTERKREIS + colleagues + outsiders
