"""One DVZ Desktop per user: a second start asks the running one to show its window (or to follow a
``dvz://`` link), then exits.

The local socket is private to the user. Only two messages are understood, ``raise`` and
``link <dvz-url>``; the link is parsed with the same allow-list as everywhere else, so another process
can at most ask for what a click on a link could.
"""

from __future__ import annotations

import getpass
import hashlib

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from dvz_desktop.core.links import MAX_LINK_LENGTH, LinkAction, LinkError, make_link, parse_link

log = logging.getLogger(__name__)

RAISE = b"raise\n"
LINK = b"link "


def _server_name() -> str:
    user = hashlib.sha256(getpass.getuser().encode()).hexdigest()[:12]
    return f"dvz-desktop-{user}"


class SingleInstance(QObject):
    activated = Signal()
    #: A dvz:// link from a second start (already checked against the allow-list).
    linkReceived = Signal(object)

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or _server_name()
        self._server: QLocalServer | None = None

    def notify_running(self, timeout_ms: int = 500, link: LinkAction | None = None) -> bool:
        """True if another instance runs (it has been asked to show itself, or to follow ``link``)."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(timeout_ms):
            return False
        socket.write(LINK + make_link(link).encode("ascii") + b"\n" if link else RAISE)
        socket.waitForBytesWritten(timeout_ms)
        socket.disconnectFromServer()
        return True

    def listen(self) -> bool:
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            # A stale socket file from a crashed instance: remove it and try once more.
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                return False
        server.newConnection.connect(self._on_connection)
        self._server = server
        log.info("single instance listening as %s", self.name)
        return True

    def _on_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))

    def _read(self, socket: QLocalSocket) -> None:
        data = bytes(socket.read(MAX_LINK_LENGTH + 16).data())
        socket.disconnectFromServer()
        self.handle(data)

    def handle(self, data: bytes) -> None:
        """Act on one message from another process; anything not understood is dropped."""
        line = data.split(b"\n", 1)[0]
        if line == RAISE.strip():
            self.activated.emit()
        elif line.startswith(LINK):
            try:
                action = parse_link(line[len(LINK):].decode("ascii"))
            except (UnicodeDecodeError, LinkError) as exc:
                log.warning("refused a link from another start: %s", exc)
                return
            log.info("link from another start: %s %s", action.kind.value, action.target)
            self.activated.emit()
            self.linkReceived.emit(action)
