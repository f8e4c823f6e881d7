"""Everything identity brings into one backend, built from its configuration (``app.py`` calls
:func:`people_from_directory` before the office directory exists and :class:`IdentityParts` after the
accounts do): the people of the last good sync, the password check against the directory, the roles,
the sign-in HTTP routes, the authentication of the websocket upgrade and the feature with its loops.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from websockets.asyncio.server import ServerConnection
from websockets.http11 import Request, Response

from dvz_desktop.core.clock import Clock
from dvz_desktop.protocol import ErrorCode, Person

from ..directory.visibility import Directory
from ..net.accounts import AccountStore
from ..net.auth import Authenticator, AuthError, PasswordCheck
from ..net.client_address import Network, client_address
from ..net.http_routes import HttpRoute
from ..net.login_guard import LoginGuard
from .config import IdentityConfig
from .feature import IdentityFeature
from .handshake import UpgradeAuth
from .http_auth import AuthRoutes
from .ldap_reader import DirectoryReader, DirectoryUnavailable
from .logins import LoginBook
from .rolebook import RoleBook
from .signin import SignIn
from .store import IdentityStore
from .sync import Applied, DirectorySync

AUTH_PREFIX = "/auth/"


def people_from_directory(config: IdentityConfig, identity: IdentityStore) -> tuple[Person, ...]:
    """The people as the last good sync left them (the backend starts with them even when the
    directory cannot be reached right now)."""
    if config.directory is None:
        return ()
    homes = identity.home_rooms()
    return tuple(Person(id=p.username, display_name=p.display_name, org_id=config.directory.org, unit=p.unit,
                        phone=p.phone, home_room_id=homes.get(p.username))
                 for p in identity.active_profiles().values())


def directory_password_check(reader: DirectoryReader) -> PasswordCheck:
    """A password login binds against the directory (in a worker thread: ldap3 blocks)."""
    async def check(username: str, password: str) -> bool:
        try:
            return await asyncio.to_thread(reader.verify_password, username, password)
        except DirectoryUnavailable:
            raise AuthError(ErrorCode.PROVIDER_UNREACHABLE) from None

    return check


@dataclass
class IdentityParts:
    config: IdentityConfig
    store: IdentityStore
    roles: RoleBook
    signin: SignIn | None
    feature: IdentityFeature
    upgrade: UpgradeAuth
    routes: AuthRoutes

    def route(self, trusted_proxies: tuple[Network, ...]) -> HttpRoute:
        """``/auth/…`` (http_auth.py), answered after the provider was asked."""
        def respond(connection: ServerConnection, request: Request) -> asyncio.Future[Response]:
            address = client_address(str(connection.remote_address[0]), request.headers.get("X-Forwarded-For"),
                                     trusted_proxies)
            path = request.path.split("?", 1)[0]
            return asyncio.ensure_future(self.routes.answer(path, request, address))

        return HttpRoute(AUTH_PREFIX, respond)


def roles_for(config: IdentityConfig, org_people: Iterable[str], identity: IdentityStore) -> RoleBook:
    """People of the organisation file are staff; the directory's get what their groups map to."""
    roles = RoleBook(config.role_mapping(), {username: () for username in org_people})
    for username, profile in identity.active_profiles().items():
        roles.set_directory_groups(username, profile.groups)
    return roles


def build_identity(config: IdentityConfig, store: IdentityStore, roles: RoleBook, accounts: AccountStore,
                   auth: Authenticator, guard: LoginGuard, clock: Clock, *, tarpit_s: float, upgrade_required: bool,
                   directory: Directory,
                   end_sessions_of: Callable[[str, ErrorCode], None], end_session: Callable[[str, ErrorCode], None],
                   people_changed: Callable[[Applied], None]) -> IdentityParts:
    signin = (SignIn(config, accounts, store, auth, clock, roles, lambda name: name in directory.people)
              if config.oidc is not None else None)
    sync = DirectorySync(config.directory, config.role_mapping(), store) if config.directory is not None else None
    feature = IdentityFeature(
        config, accounts, store, roles, clock, signin=signin, sync=sync, end_sessions_of=end_sessions_of,
        end_session=end_session, people_changed=people_changed,
        taken_rooms=lambda: {p.home_room_id for p in directory.people.values() if p.home_room_id})
    logins = signin.logins if signin is not None else LoginBook(store.db)
    upgrade = UpgradeAuth(auth, guard, logins, clock, password_login=config.password_login, tarpit_s=tarpit_s,
                          required=upgrade_required)
    routes = AuthRoutes(auth, logins, signin, clock, password_login=config.password_login)
    return IdentityParts(config, store, roles, signin, feature, upgrade, routes)

