"""The office of ``bench_window.py``: a generated organisation of 5,000 people on one floor, and the real
backend (``server_stub``) serving it on loopback with everyone online, moving people when told.

Commands on the backend's stdin, one per line:
- ``move``: move 250 people (never the user ``p0``) to another room each, now. One of them is always the
  marker ``p1``: in update number N it walks to ``marker_room(N)``, so the client can tell from its own
  office model which update it shows, even after the backend sent it a fresh snapshot instead.
- ``pace RATE SECONDS LOG``: move 250 people RATE times a second for SECONDS seconds; after each update
  append its number and the time the backend began it (``time.perf_counter``, which is CLOCK_MONOTONIC and
  so comparable between processes) to the file LOG; ``done`` as the last line.
- ``quit``.
With ``batched`` the 250 moves of an update go out as one presence frame (the protocol's
``PresenceChanged`` carries a tuple) instead of one frame per person, as the backend sends them today.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

PEOPLE = 5000
MOVING = 250
COLUMNS, ROWS = 20, 10  # 200 rooms of 25 people, as in bench_map.py
ROOM_W, ROOM_H = 300.0, 260.0
PASSWORD = "bench-window"
#: The marker's rooms repeat after this many updates.
MARKER_CYCLE = 199
FIRST = ("Anna", "Bernd", "Clara", "Dieter", "Elif", "Frank", "Gül", "Hans", "Ines", "Jörg", "Katrin", "Lukas",
         "Maria", "Niklas", "Olga", "Peter", "Rita", "Stefan", "Tanja", "Uwe", "Vera", "Wolfgang", "Yasmin")
LAST = ("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
        "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
        "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Krause", "Meier", "Lehmann")

# --- the backend process ---


def room_ids() -> list[str]:
    return [f"r{c}-{r}" for r in range(ROWS) for c in range(COLUMNS)]


def marker_room(update: int) -> str:
    """Where the marker (``p1``) goes in update number ``update``: never the entrance hall (``p0``'s room)."""
    return room_ids()[1 + update % MARKER_CYCLE]


def marker_update(room_id: str | None, last: int) -> int:
    """The number of the latest update a client shows, from the marker's room and the last one it showed
    (it cannot have skipped a whole cycle of 199 updates)."""
    ids = room_ids()
    if room_id not in ids[1:]:
        return last
    residue = ids.index(room_id) - 1
    return last + (residue - last) % MARKER_CYCLE


def write_org(path: Path) -> None:
    """One building, one floor of 200 rooms (a coffee kitchen and a meeting room among every 20), 5,000
    staff in units of 25 with their home room; user ``p0`` logs in. The first room is the entrance hall
    (a foyer): ``p0`` starts there, where people walking in do not start a room call."""
    rooms = []
    for index, room_id in enumerate(room_ids()):
        c, r = index % COLUMNS, index // COLUMNS
        kind = "coffee_kitchen" if index % 20 == 7 else "meeting_room" if index % 20 == 13 else "team_office"
        kind = "foyer" if index == 0 else kind
        name = {"coffee_kitchen": f"Kaffeeküche {index}", "meeting_room": f"Besprechung {index}",
                "foyer": "Eingangshalle"}.get(kind, f"Büro {index}")
        rooms.append({"id": room_id, "name": name, "kind": kind, "x": c * (ROOM_W + 20), "y": r * (ROOM_H + 20),
                      "w": ROOM_W, "h": ROOM_H})
    ids = room_ids()
    staff = [{"username": f"p{i}", "display_name": f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]}",
              "org": "o", "unit": f"Referat {i // 25}", "home_room": ids[i // 25],
              **({"initial_password": PASSWORD} if i == 0 else {})} for i in range(PEOPLE)]
    org = {"organisations": [{"id": "o", "name": "Landesamt", "buildings": [{"id": "b", "name": "Haus A", "floors": [
        {"id": "f", "name": "Großraum", "width": COLUMNS * (ROOM_W + 20), "height": ROWS * (ROOM_H + 20),
         "rooms": rooms}]}]}], "staff": staff}
    path.write_text(json.dumps(org), encoding="utf-8")


def serve(data_dir: Path, feature_reactions: bool, batched: bool = False) -> None:
    """The backend with everyone online, moving people as the commands on stdin say (see above)."""
    import asyncio

    from dvz_desktop.protocol import SELECTABLE_STATUSES, Presence, PresenceChanged
    from server_stub.app import Backend, BackendConfig
    from server_stub.directory.orgfile import load_org_file

    data_dir.mkdir(parents=True, exist_ok=True)
    write_org(data_dir / "org.json")
    backend = Backend(load_org_file(data_dir / "org.json"), BackendConfig(data_dir=data_dir))
    rng = random.Random(14)
    ids = room_ids()

    async def run() -> None:
        loop = asyncio.get_running_loop()
        stopped = loop.create_future()
        port = await backend.start("127.0.0.1", 0)
        for i in range(1, PEOPLE):
            backend.presence.come_online(f"p{i}")
            if i % 3:
                backend.presence.set_status(f"p{i}", SELECTABLE_STATUSES[i % len(SELECTABLE_STATUSES)], "")

        batch: list[Presence] = []

        updates = 0

        def update() -> None:
            nonlocal updates
            updates += 1
            # The marker: p1 walks to the room numbered after this update, so a client can tell from its
            # office model which update it shows (updates are sent in order, so all before it too).
            backend.presence.move("p1", marker_room(updates))
            for i in rng.sample(range(2, PEOPLE), MOVING - 1):
                here = backend.presence.get(f"p{i}").room_id
                backend.presence.move(f"p{i}", rng.choice([r for r in ids if r != here]))
            if batched:
                payload = PresenceChanged(updates=tuple(batch)).model_dump_json()
                batch.clear()
                backend.hub.send_to_orgs(["o"], payload)

        def pace(rate: float, seconds: float, log: Path) -> None:
            start, count = loop.time(), int(rate * seconds)
            out = log.open("w", encoding="utf-8")

            def tick(sent: int) -> None:
                began = time.perf_counter()  # before its frames go out: a busy client may show them first
                update()
                out.write(f"{updates} {began:.6f}\n")
                if sent < count:
                    loop.call_at(start + sent / rate, tick, sent + 1)
                else:
                    out.write("done\n")
                    out.close()

            tick(1)

        def command() -> None:
            words = sys.stdin.readline().split()
            if words == ["move"]:
                update()
            elif words and words[0] == "pace":
                pace(float(words[1]), float(words[2]), Path(words[3]))
            elif not stopped.done():
                stopped.set_result(None)

        if batched:
            backend.presence._listeners[:] = [batch.append]
        elif not feature_reactions:
            # Only the presence board and the hub's fan-out (serialising, sending) stay: see the docstring.
            backend.presence._listeners[:] = [backend.hub.publish_presence]
        loop.add_reader(sys.stdin.fileno(), command)
        print(f"URL ws://127.0.0.1:{port}/ws", flush=True)
        await stopped
        await backend.stop()

    asyncio.run(run())
