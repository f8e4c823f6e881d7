"""The backend application: opens the database, reads the directory, builds the features and the router
from their declarations, and runs them behind the websocket server.

Where a new feature plugs in: a package under ``features/`` with a ``Feature`` (feature.py), its store
with a ``Schema`` (added to ``SCHEMAS``), and one line in ``Backend.__init__`` that builds it with what it
uses and adds it to ``self.features`` (docs/architecture.md).
"""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from dvz_desktop.core.clock import Clock, SystemClock
from dvz_desktop.core.tasks import TaskSet
from dvz_desktop.protocol import Person

from .config import BackendConfig
from .db import Database, DatabaseError, Schema, migrate
from .directory.feature import OfficeFeature
from .directory.orgfile import OrgFile, to_protocol
from .directory.photos import PhotoBook, route_for
from .directory.visibility import Directory
from .feature import Feature, RateLimit
from .features.behaviour import store as behaviour_store
from .features.behaviour.context import BehaviourContext
from .features.behaviour.feature import BehaviourFeature
from .features.calls import shared as calls_shared
from .features.calls.feature import CallsFeature
from .features.chat import store as chat_store
from .features.chat.feature import ChatFeature
from .features.council import store as council_store
from .features.council.bodies import bodies_from
from .features.council.feature import CouncilFeature
from .features.council.meeting_link import MeetingLink
from .features.council.public_socket import public_viewing
from .features.door import store as door_store
from .features.door.desks import desks_from
from .features.door.feature import DoorFeature
from .features.door.service import DoorService
from .features.inbox import store as inbox_store
from .features.inbox.feature import InboxFeature
from .features.meetings import store as meetings_store
from .features.meetings.feature import MeetingsFeature, large_rooms_of
from .features.presence import store as presence_store
from .features.presence.board import PresenceBoard
from .features.presence.feature import PresenceFeature
from .features.whiteboard import store as whiteboard_store
from .features.whiteboard.feature import WhiteboardFeature
from .identity import logins as identity_logins, store as identity_store
from .identity.build import build_identity, directory_password_check, people_from_directory, roles_for
from .identity.config import IdentityConfig
from .identity.sync import Applied
from .net import accounts, login_guard
from .net.accounts import AccountStore
from .net.auth import Authenticator, AuthError, hash_password
from .net.handshake import Handshake
from .net.hub import Hub
from .net.login_guard import LoginGuard
from .net.server import SocketServer
from .net.sessions import SessionsFeature
from .router import Router

if TYPE_CHECKING:
    from .cluster.presence import ClusterPresence

__all__ = ["SCHEMAS", "Backend", "BackendConfig", "open_database"]

log = logging.getLogger(__name__)

#: Every store's schema; ``open_database`` brings each to its latest version.
SCHEMAS: tuple[Schema, ...] = (accounts.SCHEMA, login_guard.SCHEMA, presence_store.SCHEMA, behaviour_store.SCHEMA,
                               inbox_store.SCHEMA, chat_store.SCHEMA, whiteboard_store.SCHEMA, door_store.SCHEMA,
                               identity_store.SCHEMA, identity_logins.SCHEMA,
                               council_store.SCHEMA, calls_shared.SCHEMA,
                               meetings_store.SCHEMA)
HOUSEKEEPING_INTERVAL_S = 5.0
CHECKPOINT_INTERVAL_S = 1.0


#: PostgreSQL advisory lock held while one node migrates (two nodes starting at once take turns).
MIGRATION_LOCK = 0x4456_5A31


def open_database(target: Path | str) -> Database:
    """The database (a SQLite file, created if new, or a ``postgresql://`` URL), migrated to what this
    program expects."""
    if isinstance(target, str) and target.startswith(("postgresql://", "postgres://")):
        from .db.postgres import PostgresDatabase

        db: Database = PostgresDatabase.connect(target)
        try:
            db.one("SELECT pg_advisory_lock(?)", (MIGRATION_LOCK,))
            try:
                migrate(db, SCHEMAS)
            finally:
                db.one("SELECT pg_advisory_unlock(?)", (MIGRATION_LOCK,))
        except BaseException:
            db.close()
            raise
        return db
    db = Database.open(Path(target))
    try:
        migrate(db, SCHEMAS)
    except BaseException:
        db.close()
        raise
    return db


def _joined(listed: Person | None, person: Person) -> Person:
    """A person of the directory; for someone the organisation file lists as well, the directory's name,
    unit and phone with the file's organisation and home room (an office the sync assigned goes first)."""
    if listed is None:
        return person
    return listed.model_copy(update={"display_name": person.display_name, "unit": person.unit, "phone": person.phone,
                                     "home_room_id": person.home_room_id or listed.home_room_id})


def _merged(file_people: tuple[Person, ...], directory_people: tuple[Person, ...]) -> tuple[Person, ...]:
    merged = {p.id: p for p in file_people}
    for person in directory_people:
        merged[person.id] = _joined(merged.get(person.id), person)
    return tuple(merged.values())


class Backend:
    def __init__(self, org_file: OrgFile, config: BackendConfig, clock: Clock | None = None) -> None:
        self.clock = clock or SystemClock()
        self.config = config
        self.db = open_database(config.database_url or config.database)
        identity_config = config.identity or IdentityConfig()
        self.identity_store = identity_store.IdentityStore(self.db)
        self.photos = PhotoBook.from_org_file(org_file)
        for username, portrait in self.identity_store.photos().items():
            self.photos.put(username, portrait)
        organisations, people = to_protocol(org_file)
        # The directory's people (as the last good sync left them) join those of the organisation file.
        people = _merged(people, people_from_directory(identity_config, self.identity_store))
        self.directory = Directory.build(organisations, self.photos.annotate(people),
                                         {o.id: o.presence_visibility for o in org_file.organisations})
        self.accounts = AccountStore(self.db)
        self._import_accounts(org_file)
        #: Who holds which roles (desk staff, chair, committees, admins): core/roles.py, identity/rolebook.py.
        self.roles = roles_for(identity_config, (s.username for s in org_file.staff), self.identity_store)
        password_check = None
        if identity_config.password_check == "directory" and identity_config.directory is not None:
            from .identity.ldap_reader import DirectoryReader

            password_check = directory_password_check(DirectoryReader(identity_config.directory))
        self.auth = Authenticator(self.accounts, self.clock, config.token_ttl, password_check)
        self.login_guard = LoginGuard(self.db, self.clock, config.max_unauthenticated_per_address)
        self.hub = Hub(self.directory)
        directory, hub, clock, db = self.directory, self.hub, self.clock, self.db

        self.presence = PresenceBoard(directory, presence_store.FirstSeenStore(db), clock)
        self.inbox = InboxFeature(inbox_store.InboxStore(db), hub, clock)
        self.behaviour = BehaviourFeature(BehaviourContext(directory, self.presence, hub,
                                                           behaviour_store.BehaviourStore(db), self.inbox, clock))
        self.calls = CallsFeature(directory, self.presence, hub, config.ice_servers)
        self.meetings = MeetingsFeature(self.calls, hub, directory, clock, config.sfu,
                                        meetings_store.InviteStore(db), large_rooms_of(org_file),
                                        config.ice_servers,
                                        RateLimit(config.meeting_rate_per_minute, config.meeting_burst))
        self.whiteboards = WhiteboardFeature(directory, self.presence, hub, whiteboard_store.WhiteboardStore(db), clock,
                                             RateLimit(config.whiteboard_rate_per_minute, config.whiteboard_burst),
                                             shared=config.database_url is not None)
        self.chat = ChatFeature(directory, hub, chat_store.ChatStore(db), clock, config.chat_retention_days,
                                shared=config.database_url is not None)
        self.door = DoorService(directory, self.presence, hub, self.inbox, clock, door_store.DoorStore(db),
                                desks_from(org_file.desks), config.ice_servers,
                                timedelta(hours=config.guest_retention_hours))
        door = DoorFeature(self.door, config.guest_retention_hours)
        self._listed_desk_staff = {desk_id: desk.staff for desk_id, desk in self.door.desks.items()}
        self._desks_from_roles()
        self.sessions = SessionsFeature(hub, self.auth, self.accounts, self.login_guard)
        self.identity = build_identity(
            identity_config, self.identity_store, self.roles, self.accounts, self.auth, self.login_guard, clock,
            tarpit_s=config.login_tarpit_s, upgrade_required=config.upgrade_auth_required, directory=directory,
            end_sessions_of=self.sessions.end_sessions_of, end_session=self.sessions.end_session,
            people_changed=self._people_changed)
        self.sessions.logout_listeners.append(self.identity.feature.logged_out)
        #: Cluster mode: presence shared with the other nodes over Redis (cluster/presence.py).
        self.cluster: ClusterPresence | None = None
        if config.redis_url:
            from .cluster.presence import ClusterPresence

            self.cluster = ClusterPresence(self.presence, config.redis_url, config.node_id,
                                           lambda username: bool(hub.connections_of(username)), hub.newest_socket)
            self.cluster.relayed["chat"] = self.chat.deliver_relayed
            self.chat.relay = self.cluster.relay("chat")
            to_person, to_person_droppable = self.cluster.relay("chat-person"), self.cluster.relay("chat-typing")
            chat = self.chat
            self.cluster.relayed["chat-person"] = lambda user, payload: chat.deliver_to_person(user, payload, False)
            self.cluster.relayed["chat-typing"] = lambda user, payload: chat.deliver_to_person(user, payload, True)
            self.chat.relay_to_person = lambda user, payload, droppable: (
                to_person_droppable if droppable else to_person)(user, payload)
            self.cluster.relayed["whiteboard"] = self.whiteboards.deliver_relayed
            self.whiteboards.relay = self.cluster.relay("whiteboard")
            # Frames for a person's sockets on whichever node (calls, inbox); the calls' state in the database.
            self.cluster.relayed["person"] = hub.send_to
            self.inbox.relay_to_person = self.cluster.relay("person")
            ledger = calls_shared.CallLedger(db, self.cluster.node_id, clock.now)
            ledger.relay_version, ledger.relay_person = self.cluster.relay("calls"), self.cluster.relay("person")
            ledger.ready = self.cluster.in_step.is_set
            self.calls.share(ledger)
            self.cluster.relayed["calls"] = lambda version, frames: ledger.follow(self.calls, version, frames)
            # Meetings on the media server: one owner node each; members' requests relayed to it.
            self.meetings.share(db, self.cluster.node_id, self.cluster.relay, self.cluster.relayed)
            self.cluster.node_lost.append(self.meetings.node_lost)
            # Knocks, invitations, questions, doors, absences: one writer each, told on every node.
            self.cluster.after_data_loss += [self.chat.reread_relayed, self.behaviour.doors.reread_shared]
            self.cluster.relayed["behaviour"] = self.behaviour.deliver_relayed
            self.behaviour.ctx.elsewhere = self.cluster.relay("behaviour")
            # The door's queues: the database's; admitting decided there (features/door/shared.py).
            from .features.door.shared import SharedDoor

            self.cluster.relayed["door"] = SharedDoor(self.door).deliver_relayed
            self.door.elsewhere = self.cluster.relay("door")
        presence = PresenceFeature(self.presence, hub, *((self.cluster.join, self.cluster.leave) if self.cluster
                                                         else ()))
        self.council = CouncilFeature(directory, self.presence, hub, council_store.CouncilStore(db), clock,
                                      bodies_from(org_file.bodies), {b.id: b.org for b in org_file.bodies},
                                      node_id=self.cluster.node_id if self.cluster else None)
        if self.council.nodes is not None and self.cluster is not None:
            self.council.nodes.wire(self.cluster)  # one node runs each session; the others relay (across_nodes.py)
        #: Citizens watching public sessions through the media server (features/council/public_media.py).
        self.public_viewers, public_socket = public_viewing(self.council, self.calls, self.meetings,
                                                            config.ice_servers, config.public_viewers_max)
        if self.cluster is not None and self.meetings.ownership is not None:
            # Viewers on any node, served by the node driving the meeting's room (public_across_nodes.py).
            from .features.council.public_across_nodes import PublicHosts

            hosts = PublicHosts(self.public_viewers, self.meetings.ownership.me, self.cluster.relay,
                                self.cluster.relayed)
            self.cluster.node_lost.append(hosts.node_lost)
        #: A council session and the meeting in its room: one list of hands, "mute the others".
        MeetingLink(self.council, self.calls, self.meetings, clock)
        #: In this order each feature adds its part to the welcome and hears presence changes. Presence
        #: comes first: coming online is part of its welcome, and the others see the person as online.
        self.features: tuple[Feature, ...] = (
            presence, OfficeFeature(directory, org_file.launchers), self.sessions,
            self.behaviour, self.calls, self.whiteboards, self.chat, self.inbox, door, self.identity.feature,
            self.meetings, self.council,
            *((self.cluster,) if self.cluster else ()),
        )
        self.router = Router(self.features)
        self.router.check()  # every client message has exactly one handler, or the backend does not start
        # Presence listeners last, once everything they call exists: first the sockets, then the features.
        self.presence.subscribe(hub.publish_presence)
        for feature in self.features:
            if type(feature).on_presence is not Feature.on_presence:
                self.presence.subscribe(feature.on_presence)
        handshake = Handshake(self.auth, self.login_guard, config.login_tarpit_s,
                              lambda username: username in directory.people,
                              lambda username: len(hub.connections_of(username)),
                              password_login=identity_config.password_login)
        self.server = SocketServer(
            config, hub, handshake, self.login_guard, self.router, self.features,
            person_of=lambda username: (directory.org_of(username), directory.unit_of(username)),
            resync=presence.resync,
            pages=(door.page_route(), self.meetings.page_route(), self.council.page_route(),
                   route_for(self.photos, self._username_of_token, directory.can_see_person),
                   self.identity.route(config.trusted_proxies)),
            sockets=(door.socket_route(), self.meetings.socket_route(), public_socket),
            upgrade_auth=self.identity.upgrade.check,
        )
        self._tasks = TaskSet()

    def _import_accounts(self, org_file: OrgFile) -> None:
        hashes: dict[str, str] = {}  # hash each distinct initial password once (argon2 is slow on purpose)
        for staff in org_file.staff:
            if self.accounts.has_account(staff.username):
                continue
            digest = None
            if staff.initial_password:
                digest = hashes.get(staff.initial_password) or hash_password(staff.initial_password)
                hashes[staff.initial_password] = digest
            self.accounts.ensure_account(staff.username, digest)

    def _desks_from_roles(self) -> None:
        """A desk's staff: those the organisation file lists, and everyone whose roles serve it."""
        for desk_id, desk in self.door.desks.items():
            desk.staff = self.roles.desk_staff(desk_id, self._listed_desk_staff[desk_id])

    def _people_changed(self, applied: Applied) -> None:
        """After a directory sync: new, returning and changed people in the office directory (the next
        welcome shows them), their portraits, and who serves which desk."""
        names = {*applied.new, *applied.returned, *applied.changed}
        if names:
            profiles = self.identity_store.active_profiles()
            portraits = self.identity_store.photos()
            for username in names:
                self.photos.put(username, portraits.get(username))
            config = self.config.identity
            assert config is not None and config.directory is not None
            homes = self.identity_store.home_rooms()
            self.directory.put_people(self.photos.annotate(tuple(
                _joined(self.directory.people.get(name),
                        Person(id=name, display_name=profiles[name].display_name, org_id=config.directory.org,
                               unit=profiles[name].unit, phone=profiles[name].phone, home_room_id=homes.get(name)))
                for name in names if name in profiles)))
        self._desks_from_roles()

    def _username_of_token(self, token: str) -> str | None:
        """Whose session a token is (for plain HTTP requests such as portraits); None if not valid."""
        try:
            return self.auth.login_token(token).username
        except AuthError:
            return None

    async def start(self, host: str, port: int) -> int:
        port = await self.server.start(host, port)
        self._tasks.spawn(self._housekeep(), name="dvz-housekeeping")
        self._tasks.spawn(self._checkpoints(), name="dvz-checkpoints")
        for feature in self.features:
            if feature.has_loop():
                self._tasks.spawn(feature.run(), name=f"dvz-{feature.name}")
        return port

    async def stop(self) -> None:
        await self.public_viewers.close()
        self._tasks.cancel()
        await self.server.stop()
        await self._tasks.idle()
        if self.cluster is not None:
            await self.cluster.aclose()
        for feature in self.features:
            feature.close()
        self.db.close()

    async def _checkpoints(self) -> None:
        """The SQLite WAL is copied into the database file in a worker thread, once a second (see
        ``Database.checkpoint``), never inside a commit on the loop."""
        while True:
            await asyncio.sleep(CHECKPOINT_INTERVAL_S)
            try:
                await asyncio.to_thread(self.db.checkpoint)
            except Exception:
                log.exception("database checkpoint failed")

    async def _housekeep(self) -> None:
        while True:
            await asyncio.sleep(HOUSEKEEPING_INTERVAL_S)
            now = self.clock.now()
            for feature in self.features:
                try:
                    feature.housekeep(now)
                except DatabaseError:
                    log.warning("housekeeping of %s waits for the database", feature.name)  # the next round
                except Exception:
                    log.exception("housekeeping of %s failed", feature.name)
