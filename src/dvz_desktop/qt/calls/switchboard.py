"""One conversation audible at a time, in the window (the rules: ``core/switchboard.py``).

Every start of a colleague call (calling someone, accepting a call, a confirmed ``dvz://`` link) and
every admission at the digital door goes through :meth:`CallSwitchboard.start_call` or
:meth:`start_visit`. With another conversation live, a banner above the plan asks: hold it, end it, or
cancel. A held conversation keeps a banner with "Fortsetzen" and "Beenden"; my tracks in it send
silence and a black picture, and its sound is not played. The loudspeaker plays the live one only.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from dvz_desktop.core.switchboard import Ask, Choice, Kind, Line, Switchboard, call_line
from dvz_desktop.protocol import CallInfo
from dvz_desktop.services.calls import CallClient
from dvz_desktop.services.door import DoorClient

from ..lifetime import while_alive
from ..shell.banners import Banner, BannerArea
from .panel import CallPanel

ASK_KEY = "switchboard:ask"

Start = Callable[[], Coroutine[Any, Any, Any]]


class AskBanner(Banner):
    """Another conversation is live: hold it, end it, or leave things as they are."""

    chosen = Signal(object)  # a Choice, or None for "Abbrechen"

    def __init__(self, text: str, choices: list[tuple[Choice, str]], parent: QWidget | None = None) -> None:
        super().__init__(text, parent=parent)
        self.buttons: dict[Choice, Any] = {}
        for choice, label in choices:
            button = self.button(label)
            button.clicked.connect(lambda _=False, c=choice: self.chosen.emit(c))
            self.buttons[choice] = button
        self.cancel = self.button(self.tr("Abbrechen"))
        self.cancel.clicked.connect(lambda: self.chosen.emit(None))


class HeldBanner(Banner):
    """A conversation on hold: it waits, silent both ways, until I continue or end it."""

    resumeRequested = Signal(object)  # the Line
    endRequested = Signal(object)

    def __init__(self, line: Line, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, kind="mine", parent=parent)
        self.line = line
        self.resume = self.button(self.tr("Fortsetzen"))
        self.end = self.button(self.tr("Beenden"))
        self.resume.clicked.connect(lambda: self.resumeRequested.emit(self.line))
        self.end.clicked.connect(lambda: self.endRequested.emit(self.line))


class CallSwitchboard(QObject):
    def __init__(self, banners: BannerArea, name_of: Callable[[str], str], run: Callable[[Any], object],
                 open_speaker: Callable[[], Any] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.board = Switchboard()
        self._banners = banners
        self._name_of = name_of
        self._run = run
        self._open_speaker = open_speaker  # None: no loudspeaker (tests, where the machine has none)
        self._speaker: Any = None
        self.calls: CallClient | None = None
        self.call_panel: CallPanel | None = None
        self.door: DoorClient | None = None
        #: The sentence a held visit's guest reads in the visit chat.
        self.hold_note = ""

    # --- wiring ---

    def attach_calls(self, calls: CallClient, panel: CallPanel) -> None:
        self.calls, self.call_panel = calls, panel
        calls.call_changed.connect(while_alive(self, self._call_changed))
        calls.frame_received.connect(while_alive(self, lambda item: self._play(call_line(), *item)))

    def attach_door(self, door: DoorClient) -> None:
        self.door = door
        door.visit_changed.connect(while_alive(self, self._visit_changed))
        door.frame_received.connect(while_alive(self, lambda item: self._play(Line(Kind.VISIT, item[0]), "guest",
                                                                               item[1], item[2])))

    # --- starting ---

    def idle(self) -> bool:
        """Nothing is live (a room's call may be joined by walking in)."""
        return self.board.live() is None

    def start_call(self, what: str, start: Start) -> None:
        """``what``: the new call in a few words ("Thomas Wagner anrufen")."""
        self._start(self.board.request(Kind.CALL), what, start)

    def start_visit(self, what: str, start: Start) -> None:
        """``what``: the admission in a few words ("Erika Muster hereinbitten")."""
        self._start(self.board.request(Kind.VISIT), what, start)

    def _start(self, decision: object, what: str, start: Start) -> None:
        if not isinstance(decision, Ask):
            self._run(start())
            return
        self._ask(decision, what, lambda: self._run(start()))

    def _ask(self, decision: Ask, what: str, then: Callable[[], None]) -> None:
        who = self._describe(decision.live)
        if decision.live.kind is Kind.VISIT:
            text = self.tr("Sie sind im Besuch mit %1.").replace("%1", who)
            labels = {Choice.HOLD: self.tr("Besuch halten"), Choice.END: self.tr("Besuch beenden")}
        else:
            text = (self.tr("Sie sind im Gespräch mit %1.").replace("%1", who) if who
                    else self.tr("Sie sind in einem Raumgespräch."))
            labels = {Choice.HOLD: self.tr("Gespräch halten"), Choice.END: self.tr("Gespräch beenden")}
        text += " " + what + "?"
        banner = AskBanner(text, [(choice, labels[choice]) for choice in decision.choices])

        def chosen(choice: Choice | None) -> None:
            self._banners.remove(ASK_KEY)
            if choice is None:
                return
            self._run(self._clear(decision.live, choice, then))

        banner.chosen.connect(chosen)
        self._banners.put(ASK_KEY, banner)

    async def _clear(self, live: Line, choice: Choice, then: Callable[[], None]) -> None:
        if choice is Choice.HOLD:
            self.hold(live)
        else:
            await self._end(live)
        then()

    # --- hold, resume, end ---

    def hold(self, line: Line) -> None:
        self.board.hold(line)
        self._apply_hold(line, True)

    def _apply_hold(self, line: Line, held: bool) -> None:
        if line.kind is Kind.CALL and self.call_panel is not None:
            self.call_panel.set_held(held)
        elif line.kind is Kind.VISIT and self.door is not None:
            self._run(self.door.hold(line.ref, held, self.hold_note if held else ""))
        key = f"held:{line.kind.value}:{line.ref}"
        if held:
            who = self._describe(line)
            if line.kind is Kind.VISIT:
                text = self.tr("Gehalten: der Besuch von %1 – hört und sieht Sie nicht.").replace("%1", who)
            else:
                text = (self.tr("Gehalten: das Gespräch mit %1 – hört und sieht Sie nicht.").replace("%1", who)
                        if who else self.tr("Gehalten: das Raumgespräch – hört und sieht Sie nicht."))
            banner = HeldBanner(line, text)
            banner.resumeRequested.connect(self.resume)
            banner.endRequested.connect(lambda held_line: self._run(self._end(held_line)))
            self._banners.put(key, banner)
        else:
            self._banners.remove(key)

    def resume(self, line: Line) -> None:
        decision = self.board.request_resume(line)
        if isinstance(decision, Ask):
            what = self.tr("Mit %1 weitersprechen").replace("%1", self._describe(line) or self.tr("dem Raum"))
            self._ask(decision, what, lambda: self.resume(line))
            return
        if self.board.resume(line):
            self._apply_hold(line, False)

    async def _end(self, line: Line) -> None:
        if line.kind is Kind.CALL and self.calls is not None:
            await self.calls.leave()
        elif line.kind is Kind.VISIT and self.door is not None:
            await self.door.end(line.ref)
        self._closed(line)

    # --- what the services say ---

    def _call_changed(self, call: CallInfo | None) -> None:
        me = self.calls.me if self.calls is not None else None
        line = call_line()
        if call is not None and me in {m.person_id for m in call.members}:
            others = [m.person_id for m in call.members if m.person_id != me]
            title = ", ".join(self._name_of(p) for p in others)  # "" while I wait alone in a room's call
            if line in self.board.open:
                self.board.open[line] = title
            else:
                self._opened(line, title)
        elif line in self.board.open:
            self._closed(line)

    def _visit_changed(self, visit_id: str) -> None:
        visit = self.door.visits.get(visit_id) if self.door is not None else None
        line = Line(Kind.VISIT, visit_id)
        if visit is not None and not visit.ended:
            if line not in self.board.open:
                self._opened(line, visit.guest_name or self.tr("einem Gast"))
        elif line in self.board.open:
            self._closed(line)

    def _opened(self, line: Line, title: str) -> None:
        if self.board.opened(line, title):
            self._apply_hold(line, True)  # it reached me without asking while another is live
        if self._speaker is None and self._open_speaker is not None:
            self._speaker = self._open_speaker()

    def _closed(self, line: Line) -> None:
        if line not in self.board.open:
            return
        self.board.closed(line)
        self._banners.remove(f"held:{line.kind.value}:{line.ref}")
        if not self.board.open and self._speaker is not None:
            speaker, self._speaker = self._speaker, None
            speaker.close()

    def _play(self, line: Line, who: str, kind: str, frame: Any) -> None:
        if kind == "audio" and self._speaker is not None and self.board.audible(line):
            self._speaker.play(f"{line.kind.value}:{line.ref}:{who}", frame)

    def _describe(self, line: Line) -> str:
        return self.board.open.get(line, "")

    def close(self) -> None:
        """At the end of the session: the loudspeaker is released."""
        if self._speaker is not None:
            speaker, self._speaker = self._speaker, None
            speaker.close()
