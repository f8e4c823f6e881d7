"""The desk's docks, built and wired for one session: Kalender, Anwendungen, Telefon and Whiteboard."""

from __future__ import annotations


def assemble_calendar(actions, window, tray, presenter, bridge, account):  # type: ignore[no-untyped-def]
    """Kalender: the CalDAV agenda beside the people; "Beitreten" walks to an appointment's room; the
    account (``services.calendar_account.CalendarAccount`` or None) is set up from the panel."""
    from PySide6.QtCore import QCoreApplication, Qt

    from .qt.desk.calendar_panel import CalendarPanel

    panel = CalendarPanel(actions.run, actions.move, tray.notify, presenter.room_name)
    title = QCoreApplication.translate("Desktop", "Kalender")
    dock = window._dock(title, panel, Qt.DockWidgetArea.LeftDockWidgetArea, "calendar")
    window.tabifyDockWidget(window.people_dock, dock)
    window.people_dock.raise_()
    panel.account = account
    panel.account_button.setVisible(account is not None)

    def rooms() -> list[tuple[str, str]]:
        model = bridge.model
        return [(room_id, ref.room.name) for room_id, ref in model.rooms.items()] if model is not None else []

    panel.rooms = rooms
    panel.set_client(account.client() if account is not None else None)
    return panel


def assemble_launchers_and_phone(session, bridge, actions, window, telephony_scheme, data_dir,  # type: ignore[no-untyped-def]
                                 own_launchers=None, chat_panel=None):
    """Anwendungen (IT's launchers and the user's own, where policy allows) and Telefon (dial pad,
    recent calls), docked beside the people; an Aktenzeichen in a chat message opens from its menu."""
    from PySide6.QtCore import QCoreApplication, Qt

    from .core.launchers import LaunchRefused
    from .qt.desk.launchers_panel import LaunchersPanel
    from .qt.desk.phone_panel import PhonePanel
    from .qt.lifetime import while_alive
    from .services.launchers import has_protocol_handler, start_program
    from .services.settings import config_dir

    async def start(plan) -> None:  # type: ignore[no-untyped-def]
        try:
            await start_program(plan)
        except LaunchRefused as exc:
            window.show_message(str(exc))

    launchers = LaunchersPanel(session.me or "", lambda plan: actions.run(start(plan)), window.show_message)

    async def open_protocol(plan) -> None:  # type: ignore[no-untyped-def]
        from .qt.desk import launchers_panel

        scheme = plan.url.split(":", 1)[0]
        name = next((e.name for e in launchers.entries if e.entry_id == plan.entry_id), scheme)
        if await has_protocol_handler(scheme) is False:
            window.show_message(QCoreApplication.translate(
                "Desktop", "„%1“ lässt sich nicht öffnen: Auf diesem Computer ist kein Programm für %2-Links "
                "eingerichtet. Bitte wenden Sie sich an Ihre IT.").replace("%1", name).replace("%2", scheme))
            return
        if not launchers_panel.open_url(plan.url):
            window.show_message(QCoreApplication.translate("Desktop",
                                                           "Keine Anwendung für diese Adresse eingerichtet."))

    launchers.open_protocol = lambda plan: actions.run(open_protocol(plan))
    phone = PhonePanel(telephony_scheme, (data_dir or config_dir()) / "recent_calls.json", window.show_message)
    left = Qt.DockWidgetArea.LeftDockWidgetArea
    apps_dock = window._dock(QCoreApplication.translate("Desktop", "Anwendungen"), launchers, left, "launchers")
    phone_dock = window._dock(QCoreApplication.translate("Desktop", "Telefon"), phone, left, "phone")
    window.tabifyDockWidget(window.people_dock, apps_dock)
    window.tabifyDockWidget(apps_dock, phone_dock)
    window.people_dock.raise_()

    def catalogue(*_: object) -> None:
        if session.welcome is not None:
            launchers.set_catalogue(session.welcome.launchers)

    session.welcomed.connect(while_alive(launchers, catalogue))
    launchers.set_own(own_launchers)
    catalogue()
    if chat_panel is not None:
        chat_panel.offers = launchers.offers

    def dial_person(person_id: str) -> None:
        model = bridge.model
        person = model.people.get(person_id) if model else None
        if person is None or not person.phone:
            window.show_message(QCoreApplication.translate("Desktop",
                                                           "Für diese Person ist keine Telefonnummer hinterlegt."))
            return
        phone.dial(person.phone, person.display_name)

    window.people.dialRequested.connect(dial_person)

    def colleagues() -> dict[str, tuple[str, str, bool]]:
        from .protocol import Status

        model = bridge.model
        if model is None:
            return {}
        return {p.display_name: (p.id, p.phone, model.presence_of(p.id).status is not Status.OFFLINE)
                for p in model.people.values() if p.id != model.me}

    phone.colleagues = colleagues
    phone.refresh_names()
    bridge.officeReset.connect(phone.refresh_names)
    return launchers, phone


def assemble_whiteboard(session, bridge, actions, window):  # type: ignore[no-untyped-def]
    """Whiteboard: docked on the right, opened from the toolbar; it always shows the board of the room
    I am in (and subscribes only while it is shown)."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QKeySequence

    from .qt.desk.whiteboard_panel import WhiteboardPanel
    from .services.whiteboard import WhiteboardClient

    client = WhiteboardClient(session)
    panel = WhiteboardPanel(client, actions.run, window.show_message)
    title = QCoreApplication.translate("Desktop", "Whiteboard")
    dock = window._dock(title, panel, Qt.DockWidgetArea.RightDockWidgetArea, "whiteboard")
    dock.hide()
    toggle = dock.toggleViewAction()
    toggle.setText(QCoreApplication.translate("Desktop", "Whiteboard"))
    toggle.setShortcut(QKeySequence("Ctrl+Shift+W"))
    window.desk_toolbar.addAction(toggle)

    def give_room(shown: bool) -> None:
        # A board needs space: opened from the toolbar, it takes the larger part of the right side.
        if shown and not dock.isFloating():
            window.resizeDocks([dock], [max(560, int(window.width() * 0.45))], Qt.Orientation.Horizontal)
            column = [d for d in (window.tree_dock, getattr(window, "call_dock", None), dock)
                      if d is not None and d.isVisible() and window.dockWidgetArea(d) == window.dockWidgetArea(dock)]
            sizes = {window.tree_dock: 90, dock: 900}
            window.resizeDocks(column, [sizes.get(d, 220) for d in column], Qt.Orientation.Vertical)

    toggle.triggered.connect(give_room)

    # Methods of the panel, not closures: Qt disconnects them when the window goes away.
    panel.follow_from(bridge, dock)
    bridge.presenceChanged.connect(panel.follow)
    dock.visibilityChanged.connect(panel.follow)
    return panel


def assemble_today(window, actions, presenter, calendar_panel, chat, open_chat, behaviour):  # type: ignore[no-untyped-def]
    """Heute: next appointments, unread messages and what was missed, beside the people."""
    from PySide6.QtCore import QCoreApplication, Qt

    from .qt.desk.today_panel import TodayPanel
    from .qt.lifetime import while_alive

    panel = TodayPanel(presenter.room_name)
    title = QCoreApplication.translate("Desktop", "Heute")
    dock = window._dock(title, panel, Qt.DockWidgetArea.LeftDockWidgetArea, "today")
    window.tabifyDockWidget(window.people_dock, dock)
    window.people_dock.raise_()
    panel.roomRequested.connect(actions.move)
    panel.chatRequested.connect(open_chat)
    panel.inboxRequested.connect(window.inbox_action.trigger)
    panel.calendarRequested.connect(calendar_panel.edit_account)

    def agenda() -> None:
        panel.set_appointments(calendar_panel.appointments, calendar_panel.client is not None)

    calendar_panel.agendaChanged.connect(agenda)
    agenda()

    def unread(*_: object) -> None:
        rows = []
        for conv_id, state in chat.conversations.items():
            count = chat.unread(conv_id)
            if not count:
                continue
            if state.info.room_id:
                room = presenter.room_name(state.info.room_id)
                what = QCoreApplication.translate("Desktop", "Chat %1").replace("%1", room)
            else:
                what = ", ".join(presenter.name(m) for m in state.info.members if m != chat.me)
            rows.append((conv_id, what, count))
        panel.set_unread(rows)

    chat.changed.connect(while_alive(panel, unread))
    chat.conversations_changed.connect(while_alive(panel, unread))
    behaviour.inbox_changed.connect(while_alive(panel, lambda _: panel.set_inbox(list(behaviour.inbox.values()))))
    panel.set_inbox(list(behaviour.inbox.values()))
    unread()
    return panel


def follow_appointments(calendar_panel, bridge, set_status):  # type: ignore[no-untyped-def]
    """While an appointment is going on, "in Besprechung" (only from "verfügbar"); afterwards back."""
    from .core.meeting_status import next_status
    from .protocol import Status

    state = {"ours": False}

    def busy_now(busy: bool) -> None:
        model = bridge.model
        if model is None:
            return
        current = model.presence_of(model.me).status
        if current is not Status.IN_MEETING:
            state["ours"] = False  # whatever I chose since is mine
        wanted = next_status(busy, current, state["ours"])
        if wanted is not None:
            state["ours"] = wanted is Status.IN_MEETING
            set_status(wanted)

    calendar_panel.busy_now = busy_now


def assemble_door(session, window, tray, actions, media_factory, switchboard=None):  # type: ignore[no-untyped-def]
    """Digitale Tür, for staff of a service desk: the queue on the map ("3 warten"), in the tray and in
    a dock with the visit (video, chat, end, hand over, callback). Others never see the dock. Admitting a
    guest during a colleague call asks first (the switchboard: one conversation audible at a time)."""
    from PySide6.QtCore import QCoreApplication, Qt

    from .qt.door.panel import DoorPanel
    from .qt.labels import waiting_count
    from .qt.lifetime import while_alive
    from .services.door import DoorClient

    door = DoorClient(session, media_factory)
    panel = DoorPanel(door, actions.run, window.show_message)
    if switchboard is not None:
        switchboard.attach_door(door)
        # The guest page speaks German, whatever language the clerk's window has.
        switchboard.hold_note = "Bitte haben Sie einen Moment Geduld – ich bin gleich wieder für Sie da."
        panel.before_admit = lambda guest, admit: switchboard.start_visit(
            QCoreApplication.translate("Desktop", "%1 hereinbitten").replace("%1", guest), admit)
    title = QCoreApplication.translate("Desktop", "Digitale Tür")
    dock = window._dock(title, panel, Qt.DockWidgetArea.RightDockWidgetArea, "door")
    dock.hide()
    shown_once: set[str] = set()

    def queue_changed(desk_id: str) -> None:
        queue = door.queues[desk_id]
        waiting = queue.desk.waiting
        badge = waiting_count(waiting) if waiting else ""
        window.map.set_waiting(queue.desk.room_id, badge)
        tray.set_waiting(door.waiting())
        if "dock" not in shown_once:  # I serve a desk: the dock is there from now on
            shown_once.add("dock")
            dock.show()

    door.queue_changed.connect(while_alive(panel, queue_changed))
    return door, panel
