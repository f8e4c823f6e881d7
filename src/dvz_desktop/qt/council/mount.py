"""Sitzung: the virtual moderator and council sessions. A side panel with the session of the room I am in
(member and chair), banners when a vote opens and when its result is in, the vote dialog, the hall
display for the projector, and the minutes (PDF to the eAkte) for the minute-taker."""

from __future__ import annotations

import json
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QFileDialog

from dvz_desktop.core.council.oparl import OParlError, agenda_from_oparl
from dvz_desktop.core.council.profiles import profile
from dvz_desktop.core.launchers import LauncherEntry, LaunchRefused
from dvz_desktop.protocol import MAX_OPARL_CHARS, CouncilMinutes
from dvz_desktop.services.council import CouncilClient, Received
from dvz_desktop.services.session import NotConnected, Session, SessionError

from ..lifetime import while_alive
from ..shell.banners import Banner
from ..shell.bridge import OfficeBridge
from ..shell.host import PanelHandle, ShellHost
from .dialogs import HallDialog, MinutesDialog, StartDialog, VoteOpenDialog
from .hall import HallDisplay
from .panel import CouncilPanel, may_vote
from .vote_dialog import VoteDialog
from .words import words


@dataclass(frozen=True)
class CouncilContext:
    shell: ShellHost
    session: Session
    bridge: OfficeBridge
    run: Callable[[Coroutine[Any, Any, Any]], object]
    #: IT's launcher catalogue (the eAkte filing launcher is found there).
    launchers: Callable[[], list[LauncherEntry]]
    #: Where exported minutes are written.
    export_dir: Path | None = None


class CouncilFeature(QObject):
    def __init__(self, ctx: CouncilContext, client: CouncilClient, panel: CouncilPanel, handle: PanelHandle) -> None:
        super().__init__(ctx.shell.anchor())
        self.ctx, self.client, self.panel, self.handle = ctx, client, panel, handle
        self.hall: HallDisplay | None = None
        self.followed: str | None = None
        self._vote_banner: str | None = None  # the vote whose banner shows
        self._results_seen: dict[str, int] = {}
        self.notes: dict[str, dict[int, str]] = {}

    # --- which session ---

    def current(self) -> Received | None:
        here = self.client.in_room(self.ctx.bridge.my_room())
        if here is not None:
            return here
        return self.client.sessions.get(self.followed or "")

    def refresh(self, *_: object) -> None:
        received = self.current()
        may_start = bool(self.ctx.bridge.my_room())
        self.panel.show_state(received, may_start)
        self.handle.set_badge(1 if received and received.info.vote else 0,
                              self.tr("Eine Abstimmung läuft") if received and received.info.vote else "")
        if self.hall is not None:
            self.hall.show_state(received)
        if received is not None:
            self._banners(received)

    def _banners(self, received: Received) -> None:
        """A banner when a vote I may take part in opens (gone when I voted or it closed), and one with
        each new result."""
        info, banners, me = received.info, self.ctx.shell.banners, self.client.me or ""
        vote = info.vote
        if vote is not None and may_vote(info, me) is None:
            if self._vote_banner != vote.vote_id:
                self._vote_banner = vote.vote_id
                banner = Banner(self.tr("Abstimmung: %1").replace("%1", vote.question), "incoming")
                banner.button(self.tr("Abstimmen …")).clicked.connect(self.vote)
                banners.put("council-vote", banner)
        elif self._vote_banner is not None:
            self._vote_banner = None
            banners.remove("council-vote")
        seen = self._results_seen.get(info.session_id)
        if seen is not None and len(info.results) > seen:
            banner = Banner(self.tr("Ergebnis: %1").replace("%1", words().result(info.results[-1])), "info")
            banner.button(self.tr("OK")).clicked.connect(lambda: banners.remove("council-result"))
            banners.put("council-result", banner)
        self._results_seen[info.session_id] = len(info.results)

    # --- commands ---

    def command(self, coro: Coroutine[Any, Any, Any]) -> None:
        async def carry_out() -> None:
            try:
                await coro
            except (SessionError, NotConnected) as exc:
                self.ctx.shell.show_message(exc.message)
            except TimeoutError:
                self.ctx.shell.show_message(self.tr("Der Server hat nicht rechtzeitig geantwortet."))

        self.ctx.run(carry_out())

    def sid(self) -> str:
        received = self.current()
        return received.info.session_id if received else ""

    def start(self) -> None:
        dialog = StartDialog(self.client.chaired_bodies(), self.ctx.shell.dialog_parent())
        dialog.started.connect(lambda title, body, public: self.command(self.client.start(
            self.ctx.bridge.my_room() or "", title, body or None, public)))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def vote(self) -> None:
        received = self.current()
        if received is None or received.info.vote is None:
            return
        info = received.info
        abstention = profile(info.body.profile).abstention_allowed if info.body else True
        vote_id, sid = info.vote.vote_id, info.session_id
        dialog = VoteDialog(info.vote, may_vote(info, self.client.me or ""), abstention,
                            lambda choice: self.command(self.client.ballot(sid, vote_id, choice)),
                            self.ctx.shell.dialog_parent())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def open_vote(self) -> None:
        received = self.current()
        item = received.info.agenda[received.info.current_item] if received and received.info.current_item is not None \
            else None
        dialog = VoteOpenDialog(item.title if item else "", self.ctx.shell.dialog_parent())
        dialog.opened.connect(lambda q, kind, election: self.command(self.client.open_vote(self.sid(), kind, q,
                                                                                           election)))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def mark_hall(self) -> None:
        received = self.current()
        if received is None:
            return
        dialog = HallDialog(received.info, self.ctx.bridge.name_of, self.ctx.shell.dialog_parent())
        dialog.marked.connect(lambda person, inside: self.command(self.client.attend(self.sid(), person, inside)))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def import_oparl(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.ctx.shell.dialog_parent(), self.tr("Tagesordnung aus OParl"), "",
                                              self.tr("OParl-Sitzung (*.json)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Checked here with the backend's own rule first, so a bad file gets its precise German reason."""
        try:
            text = path.read_text(encoding="utf-8")
            if len(text) > MAX_OPARL_CHARS:
                raise OParlError(self.tr("Die Datei ist zu groß für eine Tagesordnung."))
            agenda_from_oparl(json.loads(text))
        except (OSError, ValueError) as exc:
            self.ctx.shell.show_message(self.tr("Tagesordnung nicht übernommen: %1").replace("%1", str(exc)))
            return
        self.command(self.client.import_oparl(self.sid(), text))

    def show_hall(self) -> None:
        if self.hall is None:
            self.hall = HallDisplay(self.ctx.bridge.name_of)
            self.hall.destroyed.connect(lambda: setattr(self, "hall", None))
            self.hall.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            if self.sid():
                self.followed = self.sid()
                self.command(self.client.follow(self.sid()))  # keeps the state coming when I leave the room
        self.hall.show_state(self.current())
        self.hall.showFullScreen()

    def minutes(self) -> None:
        received = self.current()
        if received is None:
            return
        sid = received.info.session_id
        dialog = MinutesDialog(received.info, self.notes.get(sid, {}), self.ctx.shell.dialog_parent())
        dialog.saved.connect(lambda index, text: self._save_notes(sid, index, text))
        dialog.exportRequested.connect(lambda: self.command(self.export(sid)))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _save_notes(self, sid: str, index: int, text: str) -> None:
        self.notes.setdefault(sid, {})[index] = text
        self.command(self.client.write_notes(sid, index, text))

    async def export(self, sid: str) -> CouncilMinutes:
        import asyncio

        from dvz_desktop.services import minutes_pdf
        from dvz_desktop.services.launchers import start_program

        minutes = await self.client.fetch_minutes(sid)
        folder = self.ctx.export_dir or Path.home() / "Dokumente" / "Niederschriften"
        path = await asyncio.to_thread(minutes_pdf.save, minutes, folder)
        try:
            plan = minutes_pdf.filing_plan(self.ctx.launchers(), minutes.file_number, path, self.client.me or "")
        except LaunchRefused as exc:
            self.ctx.shell.show_message(self.tr("Niederschrift gespeichert: %1. %2").replace("%1", str(path))
                                        .replace("%2", str(exc)))
            return minutes
        await start_program(plan)
        self.ctx.shell.show_message(self.tr("Niederschrift an die eAkte übergeben (Aktenzeichen %1).")
                                    .replace("%1", minutes.file_number))
        return minutes


def mount(ctx: CouncilContext) -> CouncilFeature:
    client = CouncilClient(ctx.session)
    panel = CouncilPanel(ctx.session.me or "", ctx.bridge.name_of)
    handle = ctx.shell.add_panel("council", QCoreApplication.translate("Council", "Sitzung"),
                                 QCoreApplication.translate("Rail", "Sitzung"), "landmark", panel, "Ctrl+8")
    feature = CouncilFeature(ctx, client, panel, handle)
    c = client
    panel.startRequested.connect(feature.start)
    panel.voteRequested.connect(feature.vote)
    panel.handRequested.connect(lambda raised, reply: feature.command(c.hand(feature.sid(), raised, reply)))
    panel.reorderRequested.connect(lambda order: feature.command(c.reorder(feature.sid(), order)))
    chair = panel.chair
    chair.nextRequested.connect(lambda mute: feature.command(c.floor(feature.sid(), "next", mute_others=mute)))
    chair.endSpeechRequested.connect(lambda: feature.command(c.floor(feature.sid(), "end")))
    chair.extendRequested.connect(lambda: feature.command(c.floor(feature.sid(), "extend", seconds=60)))
    chair.limitRequested.connect(lambda s: feature.command(c.floor(feature.sid(), "limit", seconds=s or None)))
    chair.goToRequested.connect(lambda index: feature.command(c.go_to(feature.sid(), index)))
    chair.importRequested.connect(feature.import_oparl)
    coffee = QCoreApplication.translate("Council", "Kaffeepause")
    chair.breakRequested.connect(lambda minutes: feature.command(c.timer(feature.sid(), "start", "break", coffee,
                                                                         minutes)))
    chair.stopTimerRequested.connect(lambda: feature.command(c.timer(feature.sid(), "stop")))
    chair.voteOpenRequested.connect(feature.open_vote)
    chair.voteCloseRequested.connect(lambda: feature.command(c.close_vote(feature.sid())))
    chair.hallRequested.connect(feature.mark_hall)
    chair.hallDisplayRequested.connect(feature.show_hall)
    chair.minutesRequested.connect(feature.minutes)
    chair.endRequested.connect(lambda: feature.command(c.end(feature.sid())))
    client.changed.connect(while_alive(panel, feature.refresh))
    client.bodies_changed.connect(while_alive(panel, feature.refresh))
    ctx.bridge.presenceChanged.connect(while_alive(panel, feature.refresh))
    ctx.bridge.officeReset.connect(while_alive(panel, feature.refresh))
    return feature
