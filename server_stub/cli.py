"""``dvz-server``: run the backend, or administer accounts and sessions in its data directory."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import getpass
import logging
import signal
import sys
from pathlib import Path

from dvz_desktop.core.clock import SystemClock
from dvz_desktop.protocol import IceServer

from .app import Backend, open_database
from .config import BackendConfig
from .db import DatabaseError
from .demo.office import DEMO_LOGINS, demo_org_file
from .demo.simulation import DemoSimulation
from .directory.orgfile import OrgFile, OrgFileError, load_org_file
from .identity.config import IdentityConfig, IdentityConfigError, load_identity_config
from .net.accounts import AccountStore
from .net.auth import hash_password
from .net.client_address import parse_networks
from .net.login_guard import unlock_account
from .net.tls import bind_refusal, server_tls_context
from .sfu.config import SfuConfig

log = logging.getLogger("server_stub")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dvz-server", description="DVZ-Backend (Websocket unter /ws)")
    parser.add_argument("--host", default="127.0.0.1", help="Adresse (Standard: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8765, help="Port (0 = frei wählen)")
    parser.add_argument("--data-dir", type=Path, default=Path("data"), help="Datenverzeichnis (SQLite)")
    parser.add_argument("--org", type=Path, help="Organisationsdatei (YAML oder JSON)")
    parser.add_argument("--demo", action="store_true", help="Demo-Landkreis mit simulierten Kolleginnen")
    parser.add_argument("--demo-speed", type=float, default=1.0, help="Tempo der Demo-Simulation")
    parser.add_argument("--demo-seed", type=int, default=None, help="Zufallskeim der Simulation")
    parser.add_argument("--allow-origin", action="append", default=[], help="erlaubter Browser-Origin")
    parser.add_argument("--revoke-user", metavar="USER", help="alle Sitzungen von USER beenden und beenden")
    parser.add_argument("--set-password", metavar="USER", help="Passwort von USER setzen (liest von stdin)")
    parser.add_argument("--unlock-user", metavar="USER",
                        help="USER nach zu vielen falschen Passwörtern wieder zulassen (auch bei laufendem Server)")
    parser.add_argument("--rate-limit", type=float, default=120,
                        help="Nachrichten pro Minute und Person (Standard: 120; Stoß: ein Drittel davon)")
    parser.add_argument("--ice-server", action="append", default=[], metavar="URL",
                        help="STUN/TURN-Server für Gespräche, z. B. turn:turn.landkreis.example:3478 (mehrfach)")
    parser.add_argument("--ice-username", help="Benutzername für den TURN-Server")
    parser.add_argument("--ice-credential", help="Passwort für den TURN-Server")
    parser.add_argument("--tls-cert", type=Path, help="Zertifikat (PEM, mit Kette) für wss://")
    parser.add_argument("--tls-key", type=Path, help="privater Schlüssel (PEM) zum Zertifikat")
    parser.add_argument("--trusted-proxy", action="append", default=[], metavar="ADRESSE",
                        help="Reverse-Proxy (Adresse oder Netz), dessen X-Forwarded-For für Limits je Adresse gilt")
    parser.add_argument("--accept-rate", type=float, default=50,
                        help="neue Verbindungen pro Sekunde je Adresse, darüber verworfen (0 = aus; nur für Lasttests)")
    parser.add_argument("--max-unauthenticated", type=int, default=100,
                        help="Verbindungen ohne Anmeldung je Adresse (Standard: 100)")
    parser.add_argument("--behind-proxy", action="store_true",
                        help="ein Reverse-Proxy davor beendet TLS "
                             "(erlaubt eine Adresse außerhalb von 127.0.0.1 ohne --tls-cert)")
    parser.add_argument("--sfu", metavar="URL",
                        help="Konferenzserver (Janus, Websocket-API) für Besprechungen ab fünf Personen, "
                             "z. B. ws://10.0.0.5:8188/ (nur vom Backend erreichbar)")
    parser.add_argument("--sfu-secret", help="API-Secret des Konferenzservers (janus.jcfg: api_secret)")
    parser.add_argument("--sfu-admin-key", help="admin_key des VideoRoom-Plugins (zum Anlegen der Räume)")
    parser.add_argument("--public-viewers", type=int, default=200, metavar="N",
                        help="Zuschauende je öffentlicher Sitzung über den Konferenzserver, höchstens (Standard 200)")
    parser.add_argument("--config", type=Path, metavar="DATEI",
                        help="Einstellungen als TOML-Datei (Schlüssel wie die Optionen, z. B. sfu-secret = \"…\"); "
                             "die Kommandozeile hat Vorrang")
    parser.add_argument("--identity", type=Path, metavar="DATEI",
                        help="Identitätskonfiguration (YAML): Anmeldung über den Anmeldedienst der Organisation "
                             "(OpenID Connect), Verzeichnisabgleich (LDAP/AD), Rollen aus Gruppen")
    parser.add_argument("--require-upgrade-auth", action="store_true",
                        help="Websocket nur mit Anmeldung in der Upgrade-Anfrage öffnen (mit --identity immer)")
    parser.add_argument("--database", metavar="URL",
                        help="Cluster-Betrieb: PostgreSQL statt SQLite, z. B. postgresql://dvz:…@db.intern/dvz")
    parser.add_argument("--redis", metavar="URL",
                        help="Cluster-Betrieb: Redis für Anwesenheit und Ereignisse zwischen den Knoten, "
                             "z. B. redis://:…@redis.intern:6379/0")
    parser.add_argument("--node-id", default="", help="Name dieses Knotens im Cluster (Standard: Rechner und Prozess)")
    parser.add_argument("--log-level", default="INFO")
    return parser


class ConfigError(Exception):
    """A config file that cannot be used, with a German sentence saying why."""


def apply_config_file(parser: argparse.ArgumentParser, path: Path) -> None:
    """The file's settings become the parser's defaults (so the command line still wins). Keys are the
    long options without dashes in front (``sfu-secret`` or ``sfu_secret``); a key that is no option,
    or a value of the wrong kind, is refused with the key named."""
    import tomllib

    try:
        values = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"Die Einstellungsdatei {path} lässt sich nicht lesen ({exc.strerror}).") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"Die Einstellungsdatei {path} ist kein gültiges TOML: {exc}") from None
    actions = {a.dest: a for a in parser._actions if a.option_strings and a.dest not in ("help", "config")}
    defaults: dict[str, object] = {}
    for key, value in values.items():
        dest = key.replace("-", "_")
        action = actions.get(dest)
        if action is None:
            raise ConfigError(f"Unbekannte Einstellung {key!r} in {path}.")
        if isinstance(action, argparse._AppendAction):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{key} in {path} muss eine Liste von Texten sein.")
        elif isinstance(action, argparse._StoreTrueAction):
            if not isinstance(value, bool):
                raise ConfigError(f"{key} in {path} muss true oder false sein.")
        elif action.type is not None and isinstance(value, str):
            value = action.type(value)  # type: ignore[operator]
        elif isinstance(value, (dict, list)):
            raise ConfigError(f"{key} in {path} muss ein einzelner Wert sein.")
        defaults[dest] = value
    parser.set_defaults(**defaults)


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.config is not None:
        apply_config_file(parser, args.config)
        args = parser.parse_args(argv)
    return args


def sfu_config(args: argparse.Namespace) -> SfuConfig | None:
    """The media server for meetings, or None (then calls stay at four people, peer to peer)."""
    if not args.sfu:
        return None
    return SfuConfig(url=args.sfu, api_secret=args.sfu_secret or None, admin_key=args.sfu_admin_key or None)


def load_org(args: argparse.Namespace) -> OrgFile:
    if args.org is not None:
        return load_org_file(args.org)
    if args.demo:
        return demo_org_file()
    raise OrgFileError("Bitte --org DATEI angeben oder --demo verwenden.")


def administer(args: argparse.Namespace) -> int:
    try:
        db = open_database(args.database or args.data_dir / "dvz.sqlite3")
    except DatabaseError as exc:
        print(exc, file=sys.stderr)
        return 2
    store = AccountStore(db)
    try:
        if args.unlock_user:
            cleared = unlock_account(db, args.unlock_user)
            print(f"Konto {args.unlock_user} entsperrt." if cleared
                  else f"Konto {args.unlock_user} war nicht gesperrt.")
            return 0
        if args.revoke_user:
            count = store.revoke_user_sessions(args.revoke_user, SystemClock().now())
            print(f"{count} Sitzung(en) von {args.revoke_user} beendet.")
            return 0
        user = args.set_password
        if not store.has_account(user):
            print(f"Konto {user} ist unbekannt.", file=sys.stderr)
            return 1
        password = getpass.getpass("Neues Passwort: ") if sys.stdin.isatty() else sys.stdin.readline().rstrip("\n")
        if len(password) < 8:
            print("Das Passwort muss mindestens 8 Zeichen lang sein.", file=sys.stderr)
            return 1
        store.set_password_hash(user, hash_password(password))
        print(f"Passwort von {user} gesetzt.")
        return 0
    finally:
        db.close()


def ice_servers(args: argparse.Namespace) -> tuple[IceServer, ...]:
    """The organisation's STUN/TURN servers (e.g. coturn); none given means none at all."""
    if not args.ice_server:
        return ()
    return (IceServer(urls=tuple(args.ice_server), username=args.ice_username, credential=args.ice_credential),)


async def serve(args: argparse.Namespace, org: OrgFile, identity: IdentityConfig | None = None) -> None:
    tls = server_tls_context(args.tls_cert, args.tls_key) if args.tls_cert else None
    backend = Backend(org, BackendConfig(data_dir=args.data_dir, allowed_origins=tuple(args.allow_origin), tls=tls,
                                         rate_per_minute=args.rate_limit,
                                         trusted_proxies=parse_networks(args.trusted_proxy),
                                         accepts_per_second=args.accept_rate,
                                         max_unauthenticated_per_address=args.max_unauthenticated,
                                         ice_servers=ice_servers(args), sfu=sfu_config(args),
                                         rate_burst=max(40.0, args.rate_limit / 3), identity=identity,
                                         upgrade_auth_required=args.require_upgrade_auth or identity is not None,
                                         database_url=args.database, redis_url=args.redis,
                                         node_id=args.node_id, public_viewers_max=args.public_viewers))
    port = await backend.start(args.host, args.port)
    simulation_task = None
    if args.demo and args.org is None:
        simulation = DemoSimulation(backend.presence, backend.directory, backend.clock, exclude=DEMO_LOGINS,
                                    seed=args.demo_seed, speed=args.demo_speed)
        simulation.populate_morning()
        simulation_task = asyncio.create_task(simulation.run(), name="demo-simulation")
    # A machine-readable line for whoever started us (the demo client waits for it).
    print(f"DVZ-Server bereit: {'wss' if tls else 'ws'}://{args.host}:{port}/ws", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):  # Windows has no add_signal_handler
            loop.add_signal_handler(sig, stop.set)
    try:
        await stop.wait()
    finally:
        if simulation_task:
            simulation_task.cancel()
        await backend.stop()


def migrate_command(argv: list[str]) -> int:
    """Move the embedded SQLite data directory into PostgreSQL (cluster mode), verified by counts."""
    parser = argparse.ArgumentParser(prog="dvz-server migrate",
                                     description="Daten eines Datenverzeichnisses (SQLite) nach PostgreSQL übernehmen")
    parser.add_argument("--data-dir", type=Path, required=True, help="Datenverzeichnis mit dvz.sqlite3")
    parser.add_argument("--database", required=True, metavar="URL", help="leere PostgreSQL-Datenbank, postgresql://…")
    args = parser.parse_args(argv)
    logging.basicConfig(level="WARNING", format="%(levelname)s %(name)s: %(message)s")
    from .db.move import run_move

    return run_move(args.data_dir, args.database)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["migrate"]:  # dvz-server migrate --data-dir DIR --database postgresql://…
        return migrate_command(argv[1:])
    if argv[:1] == ["sync"]:  # dvz-server sync [--dry-run]: the directory sync on its own
        logging.basicConfig(level="WARNING", format="%(levelname)s %(name)s: %(message)s")
        from .identity.cli_sync import run_sync

        return run_sync(argv[1:])
    try:
        args = parse_arguments(argv)
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        return 2
    logging.basicConfig(level=args.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if args.revoke_user or args.set_password or args.unlock_user:
        return administer(args)
    try:
        parse_networks(args.trusted_proxy)
    except ValueError:
        print("--trusted-proxy erwartet eine IP-Adresse oder ein Netz, z. B. 10.0.0.5 oder 10.0.0.0/24.",
              file=sys.stderr)
        return 2
    if args.sfu and not args.sfu.startswith(("ws://", "wss://")):
        print("--sfu erwartet die Websocket-Adresse des Konferenzservers, z. B. ws://10.0.0.5:8188/.", file=sys.stderr)
        return 2
    refusal = bind_refusal(args.host, args.tls_cert is not None, args.behind_proxy)
    if refusal is not None:
        print(refusal, file=sys.stderr)
        return 2
    if args.tls_key is not None and args.tls_cert is None:
        print("--tls-key braucht --tls-cert.", file=sys.stderr)
        return 2
    try:
        org = load_org(args)
        identity = load_identity_config(args.identity) if args.identity is not None else None
    except (OrgFileError, IdentityConfigError) as exc:
        print(exc, file=sys.stderr)
        return 2
    try:
        with contextlib.suppress(KeyboardInterrupt):
            asyncio.run(serve(args, org, identity))
    except DatabaseError as exc:
        print(exc, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
