"""One DVZ Desktop per user: a second start asks the running one to show its window (or to follow a
``dvz://`` link), then exits.

The local socket is private to the user. Only two messages are understood, ``raise`` and
``link <dvz-url>``; the link is parsed with the same allow-list as everywhere else, so another process
can at most ask for what a click on a link could. The running instance answers ``ok``: a process that
holds the socket but does not answer is hung (``Answer.SILENT``), and the second start replaces it
(``app.py`` with ``services/instances.py``) instead of saying "läuft bereits" and showing nothing.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
from enum import Enum

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from dvz_desktop.core.links import MAX_LINK_LENGTH, LinkAction, LinkError, make_link, parse_link

log = logging.getLogger(__name__)

RAISE = b"raise\n"
LINK = b"link "
OK = b"ok\n"
#: How long a second start waits for the running instance's answer; only a hung one takes this long.
ANSWER_TIMEOUT_MS = 5000


class Answer(Enum):
    NONE = "none"  # nobody listens: this start is the instance
    ANSWERED = "answered"  # a running instance took the message
    SILENT = "silent"  # something holds the socket but does not answer: a hung instance


def _server_name() -> str:
    """One name per user and settings folder (the folder also keeps test runs on one machine apart)."""
    from dvz_desktop.services.settings import config_dir

    user = hashlib.sha256(f"{getpass.getuser()}\n{config_dir().resolve()}".encode()).hexdigest()[:12]
    return f"dvz-desktop-{user}"


class SingleInstance(QObject):
    activated = Signal()
    #: A dvz:// link from a second start (already checked against the allow-list).
    linkReceived = Signal(object)

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or _server_name()
        self._server: QLocalServer | None = None

    def notify_running(self, timeout_ms: int = 500, link: LinkAction | None = None,
                       answer_timeout_ms: int = ANSWER_TIMEOUT_MS) -> Answer:
        """Ask a running instance to show itself (or to follow ``link``) and wait for its ``ok``."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(timeout_ms):
            return Answer.NONE
        socket.write(LINK + make_link(link).encode("ascii") + b"\n" if link else RAISE)
        socket.waitForBytesWritten(timeout_ms)
        answered = False
        while not answered and socket.waitForReadyRead(answer_timeout_ms):
            answered = bytes(socket.readAll().data()).startswith(OK)
        socket.abort()
        if not answered:
            log.warning("an instance holds %s but does not answer", self.name)
        return Answer.ANSWERED if answered else Answer.SILENT

    def take_over(self) -> bool:
        """Listen in place of a hung instance (its socket name is taken from it)."""
        QLocalServer.removeServer(self.name)
        return self.listen()

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
        socket.write(OK)  # "I am alive": the second start may end
        socket.flush()
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
