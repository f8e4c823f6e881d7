"""The demo: Landkreis Musterkreis (Kreishaus) and its member municipality Musterhausen (Rathaus).

About 40 staff, every demo password is ``demo``. The two share a project room for their
interkommunale Zusammenarbeit (Breitbandausbau).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from ..directory.orgfile import OrgFile, parse_org_data

#: The demo's organisation files live in code; the logo it names lies beside this module.
DEMO_DIR = Path(__file__).resolve().parent
#: The Landkreis's colour: a district blue-green (its logo, wappen.svg, is drawn for the demo).
DEMO_ACCENT = "#00717a"

DEMO_PASSWORD = "demo"
#: Accounts the demo client logs in with; the simulation leaves them alone.
DEMO_LOGINS = ("a.schneider", "t.wagner")

FLOOR_W, FLOOR_H = 1240.0, 620.0
TOP_Y, TOP_H = 20.0, 250.0
BOTTOM_Y, BOTTOM_H = 350.0, 250.0


def _row(y: float, h: float, rooms: list[tuple[str, str, str, float, str | None]]) -> list[dict[str, Any]]:
    """Lay rooms out left to right along one side of the corridor."""
    x = 20.0
    out = []
    for room_id, name, kind, width, owner in rooms:
        spec: dict[str, Any] = {"id": room_id, "name": name, "kind": kind, "x": x, "y": y, "w": width, "h": h}
        if owner:
            spec["owner"] = owner
        out.append(spec)
        x += width + 10.0
    return out


Row = list[tuple[str, str, str, float, str | None]]


def _floor(floor_id: str, name: str, level: int, top: Row, bottom: Row) -> dict[str, Any]:
    return {
        "id": floor_id,
        "name": name,
        "level": level,
        "width": FLOOR_W,
        "height": FLOOR_H,
        "rooms": _row(TOP_Y, TOP_H, top) + _row(BOTTOM_Y, BOTTOM_H, bottom),
    }


def _office(room_id: str, owner: str, width: float = 140.0) -> tuple[str, str, str, float, str | None]:
    return (room_id, f"Büro {room_id.split('-')[-1]}", "personal_office", width, owner)


# (username, display name, unit, phone extension, home room)
LK_STAFF = [
    ("a.schneider", "Anna Schneider", "FB 1 Zentrale Dienste", "101", "kh-1-101"),
    ("t.wagner", "Thomas Wagner", "FB 1 Zentrale Dienste", "102", "kh-1-102"),
    ("m.becker", "Monika Becker", "FB 1 Zentrale Dienste", "103", "kh-1-103"),
    ("j.hoffmann", "Jens Hoffmann", "FB 1 Zentrale Dienste", "104", "kh-1-104"),
    ("s.koch", "Sabine Koch", "FB 1 Zentrale Dienste", "110", "kh-1-team"),
    ("p.richter", "Peter Richter", "FB 1 Zentrale Dienste", "111", "kh-1-team"),
    ("k.klein", "Katrin Klein", "FB 2 Ordnung und Verkehr", "201", "kh-1-105"),
    ("u.wolf", "Uwe Wolf", "FB 2 Ordnung und Verkehr", "202", "kh-1-106"),
    ("c.schroeder", "Claudia Schröder", "FB 2 Ordnung und Verkehr", "210", "kh-0-zul"),
    ("d.neumann", "Dirk Neumann", "FB 2 Ordnung und Verkehr", "211", "kh-0-zul"),
    ("e.schwarz", "Elke Schwarz", "FB 2 Ordnung und Verkehr", "212", "kh-0-zul"),
    ("f.zimmermann", "Frank Zimmermann", "FB 2 Ordnung und Verkehr", "213", "kh-0-buergerbuero"),
    ("g.braun", "Gisela Braun", "FB 2 Ordnung und Verkehr", "214", "kh-0-buergerbuero"),
    ("h.krueger", "Heike Krüger", "FB 3 Jugend und Soziales", "301", "kh-2-201"),
    ("i.hartmann", "Ingo Hartmann", "FB 3 Jugend und Soziales", "302", "kh-2-202"),
    ("l.lange", "Lena Lange", "FB 3 Jugend und Soziales", "303", "kh-2-203"),
    ("m.schmitt", "Markus Schmitt", "FB 3 Jugend und Soziales", "304", "kh-2-204"),
    ("n.werner", "Nina Werner", "FB 3 Jugend und Soziales", "310", "kh-2-team"),
    ("o.krause", "Oliver Krause", "FB 3 Jugend und Soziales", "311", "kh-2-team"),
    ("r.meier", "Renate Meier", "FB 4 Bauen und Umwelt", "401", "kh-2-205"),
    ("s.lehmann", "Stefan Lehmann", "FB 4 Bauen und Umwelt", "402", "kh-2-206"),
    ("t.schmid", "Tanja Schmid", "FB 4 Bauen und Umwelt", "403", "kh-2-207"),
    ("v.schulze", "Volker Schulze", "FB 4 Bauen und Umwelt", "410", "kh-2-team2"),
    ("w.maier", "Waltraud Maier", "FB 4 Bauen und Umwelt", "411", "kh-2-team2"),
    ("b.koehler", "Bernd Köhler", "Landrätin und Stab", "001", "kh-1-stab"),
    ("c.herrmann", "Dr. Christiane Herrmann", "Landrätin und Stab", "000", "kh-1-landraetin"),
    ("y.koenig", "Yvonne König", "Landrätin und Stab", "002", "kh-1-stab"),
    ("z.walter", "Zoran Walter", "FB 1 Zentrale Dienste", "105", "kh-0-it"),
]

GEM_STAFF = [
    ("b.peters", "Birgit Peters", "Bürgermeisterin", "10", "rh-1-bm"),
    ("h.frank", "Hans Frank", "Hauptamt", "20", "rh-1-11"),
    ("j.berger", "Julia Berger", "Hauptamt", "21", "rh-1-12"),
    ("k.kaiser", "Karl Kaiser", "Bauamt", "30", "rh-1-bau"),
    ("l.fuchs", "Laura Fuchs", "Bauamt", "31", "rh-1-bau"),
    ("m.vogel", "Martin Vogel", "Bauamt", "32", "rh-1-bau"),
    ("n.jung", "Nadine Jung", "Bürgerbüro", "40", "rh-0-bb"),
    ("o.keller", "Otto Keller", "Bürgerbüro", "41", "rh-0-bb"),
    ("p.gross", "Petra Groß", "Standesamt", "50", "rh-0-std"),
    ("r.roth", "Ralf Roth", "Kämmerei", "60", "rh-1-13"),
    ("s.haas", "Sandra Haas", "Kämmerei", "61", "rh-1-14"),
    ("u.sommer", "Ute Sommer", "Ordnungsamt", "70", "rh-0-oa"),
]


def demo_org_data() -> dict[str, Any]:
    kreishaus: dict[str, Any] = {
        "id": "kreishaus",
        "name": "Kreishaus Musterkreis",
        "floors": [
            _floor(
                "kh-0", "Erdgeschoss", 0,
                [("kh-0-buergerbuero", "Bürgerbüro / Foyer", "foyer", 400, None),
                 ("kh-0-zul", "Zulassungsstelle", "team_office", 300, None),
                 ("kh-0-it", "IT-Service", "team_office", 200, None),
                 ("kh-0-kueche", "Kaffeeküche EG", "coffee_kitchen", 160, None)],
                [("kh-0-saal", "Kreistagssaal", "meeting_room", 500, None),
                 ("kh-0-b012", "Besprechung 0.12", "meeting_room", 240, None),
                 ("kh-0-b014", "Besprechung 0.14", "meeting_room", 200, None)],
            ),
            _floor(
                "kh-1", "1. Obergeschoss", 1,
                [_office("kh-1-101", "a.schneider"), _office("kh-1-102", "t.wagner"),
                 _office("kh-1-103", "m.becker"), _office("kh-1-104", "j.hoffmann"),
                 _office("kh-1-105", "k.klein"), _office("kh-1-106", "u.wolf"),
                 ("kh-1-kueche", "Kaffeeküche 1. OG", "coffee_kitchen", 200, None)],
                [("kh-1-landraetin", "Landrätin", "personal_office", 220, "c.herrmann"),
                 ("kh-1-stab", "Stab Landrätin", "team_office", 220, None),
                 ("kh-1-team", "Team Personal", "team_office", 300, None),
                 ("kh-1-b110", "Besprechung 1.10", "meeting_room", 200, None)],
            ),
            _floor(
                "kh-2", "2. Obergeschoss", 2,
                [_office("kh-2-201", "h.krueger"), _office("kh-2-202", "i.hartmann"),
                 _office("kh-2-203", "l.lange"), _office("kh-2-204", "m.schmitt"),
                 _office("kh-2-205", "r.meier"), _office("kh-2-206", "s.lehmann"),
                 _office("kh-2-207", "t.schmid")],
                [("kh-2-team", "Team Jugendhilfe", "team_office", 280, None),
                 ("kh-2-team2", "Team Bauaufsicht", "team_office", 280, None),
                 ("kh-2-kueche", "Kaffeeküche 2. OG", "coffee_kitchen", 180, None),
                 ("kh-2-ikz", "Projektraum IKZ Breitband", "project_room", 220, None),
                 ("kh-2-b210", "Besprechung 2.10", "meeting_room", 180, None)],
            ),
        ],
    }
    # The project room is shared with the municipality (interkommunale Zusammenarbeit).
    kreishaus["floors"][2]["rooms"][-2]["shared_with"] = ["gem-musterhausen"]
    rathaus = {
        "id": "rathaus",
        "name": "Rathaus Musterhausen",
        "floors": [
            _floor(
                "rh-0", "Erdgeschoss", 0,
                [("rh-0-bb", "Bürgerbüro", "foyer", 420, None),
                 ("rh-0-std", "Standesamt", "personal_office", 200, "p.gross"),
                 ("rh-0-oa", "Ordnungsamt", "personal_office", 200, "u.sommer"),
                 ("rh-0-kueche", "Teeküche", "coffee_kitchen", 160, None)],
                [("rh-0-saal", "Ratssaal", "meeting_room", 520, None),
                 ("rh-0-b1", "Besprechung Erdgeschoss", "meeting_room", 240, None)],
            ),
            _floor(
                "rh-1", "1. Obergeschoss", 1,
                [("rh-1-bm", "Bürgermeisterin", "personal_office", 240, "b.peters"),
                 _office("rh-1-11", "h.frank"), _office("rh-1-12", "j.berger"),
                 _office("rh-1-13", "r.roth"), _office("rh-1-14", "s.haas")],
                [("rh-1-bau", "Bauamt", "team_office", 360, None),
                 ("rh-1-sitz", "Sitzungszimmer", "meeting_room", 260, None),
                 ("rh-1-kueche", "Kaffeeküche 1. OG", "coffee_kitchen", 180, None)],
            ),
        ],
    }
    staff = [
        {"username": u, "display_name": n, "org": "lk-musterkreis", "unit": unit,
         "phone": f"+49 5555 900-{ext}", "home_room": room, "initial_password": DEMO_PASSWORD}
        for u, n, unit, ext, room in LK_STAFF
    ] + [
        {"username": u, "display_name": n, "org": "gem-musterhausen", "unit": unit,
         "phone": f"+49 5556 12-{ext}", "home_room": room, "initial_password": DEMO_PASSWORD}
        for u, n, unit, ext, room in GEM_STAFF
    ]
    return {
        "organisations": [
            {"id": "lk-musterkreis", "name": "Landkreis Musterkreis", "accent_color": DEMO_ACCENT,
             "logo": "wappen.svg", "buildings": [kreishaus]},
            {"id": "gem-musterhausen", "name": "Gemeinde Musterhausen", "buildings": [rathaus]},
        ],
        "staff": staff,
        "launchers": DEMO_LAUNCHERS,
        "desks": DEMO_DESKS,
        "bodies": DEMO_BODIES,
    }


#: A committee of the Kreistag for the council sessions; the demo user chairs it (so the demo shows the
#: chair's view), its sessions are held in the Kreistagssaal.
DEMO_BODIES = [
    {"id": "uva", "name": "Ausschuss für Umwelt und Verkehr", "org": "lk-musterkreis", "room": "kh-0-saal",
     "chair": "a.schneider", "minute_taker": "y.koenig",
     "members": ["t.wagner", "m.becker", "j.hoffmann", "s.koch", "k.klein", "u.wolf", "h.krueger", "r.meier",
                 "s.lehmann", "c.herrmann"],
     "advisory": ["c.herrmann"], "file_number": "02-2026-0312"},
]


#: The digital door of the demo: the Bürgerbüro of the Landkreis (Anna Schneider serves it too, so the
#: demo user sees its queue) and the Zulassungsstelle, both open every day (a demo has no closing time).
DEMO_DESKS = [
    {"id": "buergerbuero", "name": "Bürgerbüro", "name_en": "Citizens' office", "room": "kh-0-buergerbuero",
     "staff": ["f.zimmermann", "g.braun", "a.schneider"], "minutes_per_visit": 8},
    {"id": "zulassung", "name": "Zulassungsstelle", "name_en": "Vehicle registration", "room": "kh-0-zul",
     "staff": ["c.schroeder", "d.neumann", "e.schwarz", "a.schneider"], "minutes_per_visit": 12},
]


#: The demo's launcher catalogue: the eAkte in the browser and as a registered protocol, a search in the
#: Bürgerinformationssystem, and a local program (an editor stands in for a specialist application).
DEMO_LAUNCHERS = [
    {"id": "eakte-web", "name": "eAkte (Browser)", "kind": "url",
     "target": "https://eakte.musterkreis.example/akte?az={aktenzeichen}&benutzer={user}",
     "placeholders": [{"name": "aktenzeichen", "label": "Aktenzeichen", "pattern": "[0-9]{2}-[0-9]{4}-[0-9]{4,6}",
                       "example": "63-2026-0815", "recognise": True}]},
    {"id": "eakte-app", "name": "eAkte (Anwendung)", "kind": "protocol", "scheme": "eakte",
     "target": "eakte://akte/{aktenzeichen}",
     "placeholders": [{"name": "aktenzeichen", "label": "Aktenzeichen", "pattern": "[0-9]{2}-[0-9]{4}-[0-9]{4,6}",
                       "example": "63-2026-0815", "recognise": True}]},
    {"id": "ris", "name": "Ratsinformationssystem", "kind": "url",
     "target": "https://ris.musterkreis.example/suche?q={suchbegriff}",
     "placeholders": [{"name": "suchbegriff", "label": "Suchbegriff", "pattern": ".{2,80}"}]},
    {"id": "editor", "name": "Texteditor (Fachverfahren-Platzhalter)", "kind": "program",
     "target": "/usr/bin/gedit", "args": []},
    # The minutes' "an die eAkte": the demo's stand-in for the eAkte's import program (eakte_ablage.py)
    # files the PDF under the body's file number in Dokumente/eAkte (Demo).
    {"id": "eakte-ablage", "name": "eAkte-Ablage (Demo)", "kind": "program", "target": sys.executable,
     "args": ["-m", "server_stub.demo.eakte_ablage", "--az", "{aktenzeichen}", "--datei", "{datei}"],
     "placeholders": [{"name": "aktenzeichen", "label": "Aktenzeichen", "pattern": "[0-9]{2}-[0-9]{4}-[0-9]{4,6}",
                       "example": "02-2026-0312"},
                      {"name": "datei", "label": "Datei", "pattern": "[^\\x00]+\\.pdf"}]},
]


def demo_org_file() -> OrgFile:
    return parse_org_data(demo_org_data(), base_dir=DEMO_DIR)
