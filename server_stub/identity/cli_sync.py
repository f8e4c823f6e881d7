"""``dvz-server sync``: one directory sync from the command line, or with ``--dry-run`` only the list of
what it would change (nobody is created, changed or locked out; nothing is written).

    dvz-server sync --data-dir /var/lib/dvz --identity /etc/dvz/identity.yaml --dry-run

A running backend notices what a real sync from here changed within seconds: the sessions of people who
left are revoked in the database, and its housekeeping closes their sockets.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dvz_desktop.core.clock import SystemClock

from ..db import DatabaseError
from ..net.accounts import AccountStore
from .config import IdentityConfigError, load_identity_config
from .ldap_reader import DirectoryUnavailable
from .store import IdentityStore
from .sync import DirectorySync, summary
from .sync_report import format_plan


def build_sync_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dvz-server sync",
                                     description="Personen und Gruppen aus LDAP/Active Directory abgleichen")
    parser.add_argument("--data-dir", type=Path, default=Path("data"), help="Datenverzeichnis (SQLite)")
    parser.add_argument("--identity", type=Path, required=True, help="Identitätskonfiguration (YAML)")
    parser.add_argument("--dry-run", action="store_true", help="nur zeigen, was sich ändern würde")
    return parser


def run_sync(argv: list[str]) -> int:
    args = build_sync_parser().parse_args(argv)
    from ..app import open_database  # the app module pulls in every feature; only this command needs it

    try:
        config = load_identity_config(args.identity)
    except IdentityConfigError as exc:
        print(exc, file=sys.stderr)
        return 2
    if config.directory is None:
        print(f"{args.identity}: kein Abschnitt directory, also nichts abzugleichen.", file=sys.stderr)
        return 2
    try:
        db = open_database(args.data_dir / "dvz.sqlite3")
    except DatabaseError as exc:
        print(exc, file=sys.stderr)
        return 2
    try:
        sync = DirectorySync(config.directory, config.role_mapping(), IdentityStore(db))
        now = SystemClock().now()
        try:
            result = sync.read(now)
        except (DirectoryUnavailable, IdentityConfigError) as exc:
            print(f"Das Verzeichnis ist nicht lesbar: {exc}. Es wurde nichts geändert.", file=sys.stderr)
            return 1
        print(format_plan(result, config.role_mapping(), config.directory.url, dry_run=args.dry_run))
        if args.dry_run:
            return 0
        if result.plan.held_back:
            print("Nichts geändert (siehe ANGEHALTEN).", file=sys.stderr)
            return 1
        sync.apply(result, AccountStore(db), now, office_areas=config.directory.office_areas)
        sync.store.record_sync(now, SystemClock().now(), "ok", summary(result))
        print("Abgleich übernommen.")
        return 0
    finally:
        db.close()
