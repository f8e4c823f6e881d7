"""Shows office behaviour in the window and tray: knock, invitation and question banners, doors on the
map, the room menu, and the dialogs behind the toolbar. It only presents; commands go through
:class:`OfficeActions`, state comes from :class:`OfficeBehaviour`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QObject, QPoint, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu

from dvz_desktop.core.coffee import gathering_started
from dvz_desktop.core.doors import ALWAYS_OPEN_KINDS, Entry, RoomFacts, entry_for, may_set_door, residents_of
from dvz_desktop.core.knocks import may_leave_message
from dvz_desktop.protocol import (
    FINAL_KNOCK_STATES,
    DoorInfo,
    DoorState,
    InboxItem,
    Invitation,
    InviteState,
    Knock,
    KnockState,
    QuickQuestion,
    RoomKind,
)
from dvz_desktop.services.behaviour import OfficeBehaviour

from ..labels import door_label
from ..lifetime import while_alive
from ..shell.actions import OfficeActions
from ..shell.bridge import OfficeBridge
from ..shell.host import ShellHost
from ..shell.status_menu import StatusMenu
from .banners import InviteBanner, KnockBanner, KnockerStrip, NoticeBanner, QuestionBanner
from .dialogs import AbsenceDialog, InboxDialog, MorningView, OfficeHoursDialog, QuestionsDialog, ask_text
from .texts import inbox_details, invitation_outcome, knock_outcome, weekday_short


class BehaviourPresenter(QObject):
    #: (title, message) for the tray.
    notify = Signal(str, str)
    #: "Chat des Raums" chosen in a room's menu.
    roomChatRequested = Signal(str)
    #: How many missed knocks, door messages and requests wait in "Verpasst".
    inboxCountChanged = Signal(int)

    def __init__(self, behaviour: OfficeBehaviour, bridge: OfficeBridge, actions: OfficeActions,
                 shell: ShellHost, status_menu: StatusMenu, set_door: Callable[[str, DoorState, list[str]], None],
                 notify: Callable[[str, str], None] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.behaviour = behaviour
        self.bridge = bridge
        self.actions = actions
        self.shell = shell
        self.banners = shell.banners
        self._set_door = set_door
        self.status_menu = status_menu
        if notify is not None:
            self.notify.connect(notify)
        self.followed_kitchens: set[str] = set()
        self._kitchen_counts: dict[str, int] = {}
        self.dialog: object = None  # the dialog opened last (tests reach it)
        self.idle: QObject | None = None  # auto-away, set up by the composition root
        # The service may outlive the window (a late answer after closing): listeners go quiet with it.
        behaviour.knock_changed.connect(while_alive(self, self._knock_changed))
        behaviour.invitation_changed.connect(while_alive(self, self._invitation_changed))
        behaviour.question_changed.connect(while_alive(self, self._question_changed))
        behaviour.doors_changed.connect(while_alive(self, lambda _doors: self._show_doors()))
        behaviour.absences_changed.connect(while_alive(self, lambda _none: self._show_extras()))
        behaviour.inbox_changed.connect(while_alive(self, lambda _none: self._show_inbox_count()))
        bridge.officeReset.connect(self._office_reset)
        bridge.presenceChanged.connect(self._presence_changed)
        status_menu.coffeeToggled.connect(lambda on: actions.run(behaviour.set_coffee(on)))
        status_menu.appearOfflineToggled.connect(lambda on: actions.set_appear_offline(on, *status_menu.current))
        status_menu.absenceRequested.connect(self.open_absence_dialog)
        status_menu.absenceEndRequested.connect(lambda: actions.run(behaviour.clear_absence()))
        self._office_reset()

    # --- names ---

    def name(self, person_id: str | None) -> str:
        return self.bridge.name_of(person_id)

    def room_name(self, room_id: str) -> str:
        return self.bridge.room_name(room_id)

    # --- knocks ---

    def _knock_changed(self, knock: Knock) -> None:
        if knock.knocker_id == self.behaviour.me:
            self._my_knock(knock)
        elif knock.state is KnockState.ENTERED:
            text = self.tr("%1 ist eingetreten (%2).").replace("%1", self.name(knock.knocker_id)).replace(
                "%2", self.room_name(knock.room_id))
            self.shell.show_message(text)
            self.notify.emit(self.tr("Tür angelehnt"), text)
        elif knock.state in FINAL_KNOCK_STATES:
            self.banners.remove(f"knock:{knock.knock_id}")
        elif knock.state is KnockState.RINGING:
            self._ring(knock)

    def _ring(self, knock: Knock) -> None:
        who, room = self.name(knock.knocker_id), self.room_name(knock.room_id)
        if knock.on_behalf_of:
            text = self.tr("%1 klopft bei %2 an (Sie vertreten).").replace("%1", who).replace(
                "%2", self.name(knock.on_behalf_of))
        else:
            text = self.tr("%1 klopft an (%2).").replace("%1", who).replace("%2", room)
        banner = KnockBanner(knock.knock_id, text)
        banner.answered.connect(lambda kid, answer, minutes, line: self.actions.run(
            self.behaviour.answer_knock(kid, answer, minutes, line)))
        self.banners.put(f"knock:{knock.knock_id}", banner)
        self.notify.emit(self.tr("Es klopft"), text)
        QApplication.beep()

    def _my_knock(self, knock: Knock) -> None:
        key = f"mine:{knock.knock_id}"
        text = knock_outcome(knock.state, self.room_name(knock.room_id), knock.minutes, knock.text)
        strip = self.banners.get(key)
        if knock.state in (KnockState.ENTERED, KnockState.COME_IN) and strip is None:
            return  # walked straight in: nothing to report
        if not isinstance(strip, KnockerStrip):
            strip = KnockerStrip(knock.knock_id, text)
            strip.cancelRequested.connect(lambda kid: self.actions.run(self.behaviour.cancel_knock(kid)))
            strip.leaveMessageRequested.connect(self.leave_message)
            strip.dismissed.connect(lambda kid: self.banners.remove(f"mine:{kid}"))
            self.banners.put(key, strip)
        strip.show_state(knock.state, text, may_leave_message(knock.state))
        strip.room_id, strip.state = knock.room_id, knock.state

    def leave_message(self, knock_id: str) -> None:
        def send(text: str) -> None:
            self.actions.run(self.behaviour.leave_message(knock_id, text))
            self.banners.remove(f"mine:{knock_id}")
            self.shell.show_message(self.tr("Ihre Nachricht wurde hinterlassen."))

        self.dialog = ask_text(self.shell.dialog_parent(), self.tr("Nachricht hinterlassen"),
                               self.tr("Ihre Nachricht an der Tür:"), send)

    # --- invitations and questions ---

    def invite(self, person_id: str) -> None:
        """"In mein Büro einladen"."""
        self.actions.run(self._invite(person_id))

    async def _invite(self, person_id: str) -> None:
        await self.behaviour.invite(person_id)
        self.shell.show_message(invitation_outcome(InviteState.PENDING, self.name(person_id)))

    def _invitation_changed(self, invitation: Invitation) -> None:
        key = f"invite:{invitation.invite_id}"
        if invitation.guest_id == self.behaviour.me:
            if invitation.state is InviteState.PENDING:
                text = self.tr("%1 lädt Sie in %2 ein.").replace("%1", self.name(invitation.host_id)).replace(
                    "%2", self.room_name(invitation.room_id))
                banner = InviteBanner(invitation.invite_id, text)
                banner.answered.connect(lambda iid, yes: self.actions.run(self.behaviour.answer_invite(iid, yes)))
                self.banners.put(key, banner)
                self.notify.emit(self.tr("Einladung"), text)
            else:
                self.banners.remove(key)
        elif invitation.host_id == self.behaviour.me and invitation.state is not InviteState.PENDING:
            notice = NoticeBanner(key, invitation_outcome(invitation.state, self.name(invitation.guest_id)))
            notice.dismissed.connect(self.banners.remove)
            self.banners.put(key, notice)

    def ask_question(self, person_id: str) -> None:
        title = self.tr("Kurze Frage an %1").replace("%1", self.name(person_id))
        self.dialog = ask_text(self.shell.dialog_parent(), title, self.tr("Ihre Frage (eine Zeile):"),
                               lambda text: self.actions.run(self.behaviour.ask(person_id, text)))

    def _question_changed(self, question: QuickQuestion) -> None:
        key = f"question:{question.question_id}"
        me = self.behaviour.me
        if question.to_id == me and question.answer is None:
            text = self.tr("Kurze Frage von %1: „%2“").replace("%1", self.name(question.from_id)).replace(
                "%2", question.text)
            banner = QuestionBanner(question.question_id, text)
            banner.answered.connect(lambda qid, answer: self.actions.run(self.behaviour.answer_question(qid, answer)))
            self.banners.put(key, banner)
            self.notify.emit(self.tr("Kurze Frage"), text)
        elif question.answer is not None:
            self.banners.remove(key)
            if question.from_id == me:
                text = self.tr("%1 antwortet auf „%2“: %3").replace("%1", self.name(question.to_id)).replace(
                    "%2", question.text).replace("%3", question.answer)
                notice = NoticeBanner(key, text)
                notice.dismissed.connect(self.banners.remove)
                self.banners.put(key, notice)
                self.notify.emit(self.tr("Antwort"), text)

    # --- doors and the room menu ---

    def _office_reset(self) -> None:
        self._show_doors()
        self._show_extras()
        self._show_inbox_count()
        for knock in self.behaviour.knocks.values():
            self._knock_changed(knock)
        for invitation in self.behaviour.invitations.values():
            self._invitation_changed(invitation)
        for question in self.behaviour.questions.values():
            if question.to_id == self.behaviour.me and question.answer is None:
                self._question_changed(question)
        self._kitchen_counts = self._count_kitchens()

    def _show_doors(self) -> None:
        model = self.bridge.model
        if model is None:
            return
        for room_id, ref in model.rooms.items():
            door = self.behaviour.doors.get(room_id) or DoorInfo(room_id=room_id, state=ref.room.door)
            self._set_door(room_id, door.state, self.door_lines(door))

    def door_lines(self, door: DoorInfo) -> list[str]:
        lines = [f"„{door.note}“"] if door.note else []
        if door.office_hours:
            hours = ", ".join(f"{weekday_short(h.weekday.value)} {h.start:%H:%M}–{h.end:%H:%M}"
                              for h in door.office_hours)
            lines.append(self.tr("Sprechzeiten: %1").replace("%1", hours))
        if door.deputy_id:
            lines.append(self.tr("Abwesend bis %1, Vertretung: %2").replace(
                "%1", f"{door.absent_until:%d.%m.}" if door.absent_until else "").replace("%2",
                                                                                          self.name(door.deputy_id)))
        return lines

    def room_facts(self, room_id: str) -> RoomFacts | None:
        model = self.bridge.model
        ref = model.rooms.get(room_id) if model else None
        if ref is None or model is None:
            return None
        door = self.behaviour.door_of(room_id)
        owner = model.people.get(ref.room.owner_id or "")
        residents = residents_of(room_id, ref.room.kind, model.people.values())
        return RoomFacts(room_id, ref.room.kind, ref.room.owner_id, door.state, door.note, door.office_hours,
                         owner.unit if owner else "", residents)

    def room_menu(self, room_id: str, where: QPoint) -> QMenu | None:
        facts, model = self.room_facts(room_id), self.bridge.model
        if facts is None or model is None:
            return None
        menu = QMenu(self.shell.dialog_parent())
        menu.setAccessibleName(self.room_name(room_id))
        me = model.people.get(model.me)
        entry = entry_for(model.me, me.unit if me else "", facts, datetime.now().astimezone(),
                          model.presence_of(model.me).room_id)
        if entry is Entry.HERE:
            go = QAction(self.tr("Sie sind hier"), menu)
            go.setEnabled(False)
        else:
            walk = entry in (Entry.WALK_IN, Entry.WALK_IN_ANNOUNCED)
            go = QAction(self.tr("Hierher gehen") if walk else self.tr("Anklopfen"), menu)
            go.triggered.connect(lambda: self.actions.move(room_id))
        menu.addAction(go)
        self.go_action = go
        chat = QAction(self.tr("Chat des Raums"), menu)
        chat.triggered.connect(lambda: self.roomChatRequested.emit(room_id))
        menu.addAction(chat)
        occupants = [p.id for p in model.people_in(room_id)]
        if may_set_door(model.me, facts, occupants):
            menu.addSeparator()
            for state in DoorState:
                action = QAction(door_label(state), menu, checkable=True)
                action.setChecked(state is facts.door)
                action.triggered.connect(lambda _=False, s=state: self.set_door(room_id, s))
                menu.addAction(action)
            if facts.kind is RoomKind.PERSONAL_OFFICE:
                hours = QAction(self.tr("Sprechzeiten …"), menu)
                hours.triggered.connect(lambda: self.open_office_hours(room_id))
                menu.addAction(hours)
        if facts.kind in ALWAYS_OPEN_KINDS and facts.kind is RoomKind.COFFEE_KITCHEN:
            follow = QAction(self.tr("Küche folgen"), menu, checkable=True)
            follow.setChecked(room_id in self.followed_kitchens)
            kitchens = self.followed_kitchens
            follow.toggled.connect(lambda on: (kitchens.add if on else kitchens.discard)(room_id))
            menu.addAction(follow)
        self.menu = menu
        menu.popup(where)
        return menu

    def set_door(self, room_id: str, state: DoorState) -> None:
        if state is DoorState.LOCKED:
            self.dialog = ask_text(self.shell.dialog_parent(), self.tr("Tür abschließen"),
                                   self.tr("Notiz an der Tür (z. B. „Prüfung bis 12 Uhr“):"),
                                   lambda note: self.actions.run(self.behaviour.set_door(room_id, state, note)),
                                   max_length=120)
            return
        self.actions.run(self.behaviour.set_door(room_id, state, ""))

    def open_office_hours(self, room_id: str) -> None:
        dialog = OfficeHoursDialog(self.behaviour.door_of(room_id).office_hours, self.shell.dialog_parent())
        dialog.chosen.connect(lambda hours: self.actions.run(self.behaviour.set_office_hours(room_id, hours)))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.dialog = dialog

    # --- coffee kitchen, status extras, dialogs ---

    def _count_kitchens(self) -> dict[str, int]:
        model = self.bridge.model
        return {r.room.id: len(model.people_in(r.room.id)) for r in model.kitchens()} if model else {}

    def _presence_changed(self, changed: set[str]) -> None:
        counts = self._count_kitchens()
        for room_id in self.followed_kitchens:
            if gathering_started(self._kitchen_counts.get(room_id, 0), counts.get(room_id, 0)):
                text = self.tr("In %1 ist jetzt %n Person.", "", counts[room_id]).replace(
                    "%1", self.room_name(room_id))
                self.notify.emit(self.tr("Kaffeerunde"), text)
        self._kitchen_counts = counts
        if self.bridge.model is not None and self.bridge.model.me in changed:
            self._show_extras()
            self._drop_entered_strips()

    def _drop_entered_strips(self) -> None:
        """"Sie sind eingetreten" is true only while I am in that room: it goes when I leave."""
        model = self.bridge.model
        here = model.presence_of(model.me).room_id if model else None
        for key, strip in list(self.banners.banners.items()):
            if (isinstance(strip, KnockerStrip) and strip.state in (KnockState.COME_IN, KnockState.ENTERED)
                    and strip.room_id != here):
                self.banners.remove(key)

    def _show_extras(self) -> None:
        model = self.bridge.model
        if model is None:
            return
        mine = model.presence_of(model.me)
        self.status_menu.show_extras(mine.coffee, mine.appear_offline, model.me in self.behaviour.absences)

    def _show_inbox_count(self) -> None:
        count = len(self.behaviour.inbox)
        self.inboxCountChanged.emit(count)

    def open_absence_dialog(self) -> None:
        model = self.bridge.model
        if model is None:
            return
        mine = model.people[model.me]
        colleagues = [p for p in model.everyone() if p.org_id == mine.org_id and p.id != model.me]
        dialog = AbsenceDialog(colleagues, self.shell.dialog_parent())
        dialog.chosen.connect(lambda start, end, category, deputy: self.actions.run(
            self.behaviour.set_absence(start, end, category, deputy)))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.dialog = dialog

    def open_morning_view(self) -> None:
        model = self.bridge.model
        if model is None:
            return
        groups = [(unit, [(p.display_name, self._since(p.id)) for p in people])
                  for unit, people in model.morning_view(date.today())]
        dialog = MorningView(groups, self.shell.dialog_parent())
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.dialog = dialog

    def _since(self, person_id: str) -> str:
        model = self.bridge.model
        seen = model.presence_of(person_id).first_seen_today if model else None
        return f"{seen.astimezone():%H:%M}" if seen else ""

    def describe(self, item: InboxItem) -> str:
        parts = [f"{item.at.astimezone():%d.%m. %H:%M}", self.name(item.from_id)]
        if item.room_id:
            parts.append(self.room_name(item.room_id))
        details = inbox_details(item)  # the server's facts, worded here
        if details:
            parts.append(details)
        if item.handled_by:
            parts.append(self.tr("erledigt von %1").replace("%1", self.name(item.handled_by)))
        return " · ".join(p for p in parts if p)

    def open_inbox(self) -> None:
        items = sorted(self.behaviour.inbox.values(), key=lambda i: i.at)
        dialog = InboxDialog(items, self.describe, self.shell.dialog_parent())
        dialog.dismissRequested.connect(lambda ids: self.actions.run(self.behaviour.dismiss(ids)))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.dialog = dialog

    def question_line(self, question: QuickQuestion) -> str:
        me = self.behaviour.me
        when = f"{question.asked_at.astimezone():%d.%m. %H:%M}"
        if question.from_id == me:
            head = self.tr("An %1").replace("%1", self.name(question.to_id))
        else:
            head = self.tr("Von %1").replace("%1", self.name(question.from_id))
        if question.on_behalf_of:
            head += self.tr(" (Vertretung für %1)").replace("%1", self.name(question.on_behalf_of))
        answer = question.answer if question.answer is not None else self.tr("(noch keine Antwort)")
        return f"{when} · {head}: „{question.text}“ → {answer}"

    def open_questions(self) -> None:
        questions = sorted(self.behaviour.questions.values(), key=lambda q: q.asked_at, reverse=True)
        dialog = QuestionsDialog([self.question_line(q) for q in questions], self.shell.dialog_parent())
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.dialog = dialog
