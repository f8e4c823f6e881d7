"""A backend data directory for benchmarks: an organisation file with many staff, and session tokens
already in the store, so thousands of clients log in the real way (token hello) without thousands of
argon2 password checks delaying the set-up."""

from __future__ import annotations

import json
import secrets
from datetime import UTC, datetime, timedelta
from pathlib import Path

from server_stub.app import Backend, BackendConfig
from server_stub.directory.orgfile import load_org_file
from server_stub.net.auth import token_hash

PER_ROOM = 50


def write_org(path: Path, orgs: int, staff_per_org: int) -> list[str]:
    """``orgs`` organisations, each with one building and team offices; returns the user names."""
    organisations, staff = [], []
    for o in range(orgs):
        rooms = []
        room_count = max(1, -(-staff_per_org // PER_ROOM))
        for r in range(room_count):
            rooms.append({"id": f"o{o}-r{r}", "name": f"Büro {r}", "kind": "team_office",
                          "x": (r % 10) * 210, "y": (r // 10) * 210, "w": 200, "h": 200})
        rooms.append({"id": f"o{o}-kueche", "name": "Kaffeeküche", "kind": "coffee_kitchen",
                      "x": 0, "y": (room_count // 10 + 1) * 210, "w": 200, "h": 200})
        organisations.append({"id": f"o{o}", "name": f"Verwaltung {o}", "buildings": [{
            "id": f"o{o}-b", "name": "Rathaus", "floors": [{
                "id": f"o{o}-f", "name": "EG", "width": 2200, "height": (room_count // 10 + 2) * 210,
                "rooms": rooms}]}]})
        for s in range(staff_per_org):
            staff.append({"username": f"u{o}-{s}", "display_name": f"Person {o}-{s}", "org": f"o{o}",
                          "unit": f"FB {s % 5}", "home_room": f"o{o}-r{s // PER_ROOM}", "initial_password": "bench"})
    path.write_text(json.dumps({"organisations": organisations, "staff": staff}), encoding="utf-8")
    return [s["username"] for s in staff]


def prepare(data_dir: Path, orgs: int, staff_per_org: int) -> tuple[Path, dict[str, str]]:
    """Write the org file, create the accounts once, and put one session token per user in the store."""
    data_dir.mkdir(parents=True, exist_ok=True)
    org_path = data_dir / "org.json"
    users = write_org(org_path, orgs, staff_per_org)
    backend = Backend(load_org_file(org_path), BackendConfig(data_dir=data_dir))  # creates accounts
    now = datetime.now(UTC)
    tokens = {}
    for user in users:
        token = secrets.token_urlsafe(32)
        backend.accounts.add_session(token_hash(token), user, now, now + timedelta(days=1))
        tokens[user] = token
    backend.db.close()
    return org_path, tokens
