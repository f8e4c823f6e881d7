"""Anwendungen: IT's launchers for the eAkte and specialist applications, with a small form for the
values a launcher needs. URLs and registered protocols go to the operating system (one edge,
``open_url``); programs are started without a shell."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QPoint, QSize, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dvz_desktop.core.launchers import (
    LauncherEntry,
    LauncherKind,
    LaunchPlan,
    LaunchRefused,
    Placeholder,
    placeholders_in,
    plan,
    recognise,
)
from dvz_desktop.protocol import LauncherInfo

from ..icons import icon
from ..plain import plain_label
from ..shell import theme


def entry_from(info: LauncherInfo) -> LauncherEntry:
    return LauncherEntry(info.entry_id, info.name, LauncherKind(info.kind), info.target, info.args,
                         tuple(Placeholder(p.name, p.label, p.pattern, p.example,
                                           p.recognise) for p in info.placeholders),
                         info.scheme)


def open_url(url: str) -> bool:
    """The single edge to the operating system for URLs and registered protocols (tests intercept it)."""
    return QDesktopServices.openUrl(QUrl(url))


class ValuesDialog(QDialog):
    def __init__(self, entry: LauncherEntry, values: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.setWindowTitle(entry.name)
        self.setAccessibleName(entry.name)
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        for placeholder in entry.placeholders:
            if placeholder.name not in placeholders_in(entry):
                continue
            edit = QLineEdit(values.get(placeholder.name, ""))
            edit.setPlaceholderText(placeholder.example)
            edit.setAccessibleName(placeholder.label)
            form.addRow(f"{placeholder.label}:", edit)
            self.fields[placeholder.name] = edit
        self.error = plain_label()
        self.error.setStyleSheet("color: #b71c1c;")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Öffnen"))
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.result_plan: LaunchPlan | None = None
        self.user = ""

    def _check(self) -> None:
        try:
            self.result_plan = plan(self.entry, {n: e.text() for n, e in self.fields.items()}, self.user)
        except LaunchRefused as exc:
            self.error.setText(str(exc))
            return
        self.accept()


class OwnLauncherDialog(QDialog):
    """A user's own starter: a name and a web address with placeholders such as {suchbegriff}."""

    def __init__(self, add: Callable[[str, str], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._add = add
        self.setWindowTitle(self.tr("Eigener Starter"))
        self.name = QLineEdit()
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://ratsinfo.example.de/suche?q={suchbegriff}")
        self.error = plain_label(self.tr("Werte in geschweiften Klammern werden beim Öffnen abgefragt."))
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Adresse"), self.url)
        form.addRow(self.error)
        form.addRow(buttons)

    def _check(self) -> None:
        try:
            self._add(self.name.text(), self.url.text())
        except LaunchRefused as exc:
            self.error.setStyleSheet("color: #b71c1c;")
            self.error.setText(str(exc))
            return
        self.accept()


class LaunchersPanel(QWidget):
    def __init__(self, user: str, start_program: Callable[[LaunchPlan], object], report: Callable[[str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.user = user
        self._start_program = start_program
        self._report = report
        self.entries: list[LauncherEntry] = []
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Anwendungen"))
        self.list.setIconSize(QSize(20, 20))
        self.list.setFrameShape(QListWidget.Shape.NoFrame)
        self.list.itemActivated.connect(lambda item: self.launch(item.data(Qt.ItemDataRole.UserRole)))
        start = QPushButton(self.tr("Öffnen"))
        start.clicked.connect(lambda: self.list.currentItem() and self.launch(
            self.list.currentItem().data(Qt.ItemDataRole.UserRole)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.list, 1)
        layout.addWidget(start)
        self.add_own = QPushButton(self.tr("Eigener Starter …"))
        self.add_own.clicked.connect(self.open_own_dialog)
        self.add_own.hide()
        layout.addWidget(self.add_own)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.dialog: QDialog | None = None
        self.catalogue: list[LauncherEntry] = []
        #: The user's own launchers (services.launchers.OwnLaunchers), where policy allows them.
        self.own: object = None

    def set_own(self, own: object) -> None:
        self.own = own
        self.add_own.setVisible(bool(getattr(own, "allowed", False)))
        self._fill()

    def set_catalogue(self, infos: tuple[LauncherInfo, ...]) -> None:
        self.catalogue = [entry_from(i) for i in infos]
        self._fill()

    def _fill(self) -> None:
        own = self.own.entries() if self.own is not None else []  # type: ignore[attr-defined]
        self.entries = [*self.catalogue, *own]
        self.list.clear()
        ink = theme.current().text
        for entry in self.entries:
            label = entry.name + (self.tr(" (eigener Starter)") if entry.own else "")
            symbol = {LauncherKind.URL: "external-link", LauncherKind.PROGRAM: "app-window"}.get(entry.kind,
                                                                                                "folder-open")
            item = QListWidgetItem(icon(symbol, ink), label)
            item.setData(Qt.ItemDataRole.UserRole, entry.entry_id)
            item.setSizeHint(QSize(0, 36))
            self.list.addItem(item)

    def open_own_dialog(self) -> OwnLauncherDialog:
        def add(name: str, url: str) -> None:
            self.own.add(name, url)  # type: ignore[attr-defined]
            self._fill()

        dialog = OwnLauncherDialog(add, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.dialog = dialog
        return dialog

    def _menu(self, pos: QPoint) -> None:
        item = self.list.itemAt(pos)
        entry = next((e for e in self.entries if item and e.entry_id == item.data(Qt.ItemDataRole.UserRole)), None)
        if entry is None or not entry.own:
            return
        menu = QMenu(self)
        remove = QAction(self.tr("Entfernen"), menu)
        remove.triggered.connect(lambda: self.remove_own(entry.entry_id))
        menu.addAction(remove)
        menu.popup(self.list.viewport().mapToGlobal(pos))

    def remove_own(self, entry_id: str) -> None:
        if self.own is not None:
            self.own.remove(entry_id)  # type: ignore[attr-defined]
            self._fill()

    def offers(self, text: str) -> list[tuple[str, Callable[..., None]]]:
        """What a piece of text (a chat message, an appointment) can be opened in, e.g. an Aktenzeichen in
        the eAkte: (menu text, action) pairs."""
        # An explicit context: lupdate misreads the return annotation above and files a self.tr() here
        # under "Callable.self", so English users saw German.
        label = QCoreApplication.translate("LaunchersPanel", "„%1“ in %2 öffnen")
        return [(label.replace("%1", next(iter(values.values()))).replace("%2", entry.name),
                 lambda _checked=False, e=entry, v=values: self.launch(e.entry_id, v))
                for entry, values in recognise(text, self.entries)]

    def launch(self, entry_id: str, values: dict[str, str] | None = None) -> None:
        entry = next((e for e in self.entries if e.entry_id == entry_id), None)
        if entry is None:
            return
        needs = [n for n in placeholders_in(entry) if n != "user"]
        if needs and values and all(values.get(n) for n in needs):
            try:  # everything known from context (an Aktenzeichen in a message): open at once
                self._run(plan(entry, values, self.user))
                return
            except LaunchRefused:
                pass  # show the form with the value, and why it does not fit
        if needs:
            dialog = ValuesDialog(entry, values or {}, self)
            dialog.user = self.user
            dialog.accepted.connect(lambda: dialog.result_plan and self._run(dialog.result_plan))
            dialog.finished.connect(dialog.deleteLater)
            dialog.open()
            self.dialog = dialog
            return
        try:
            self._run(plan(entry, {}, self.user))
        except LaunchRefused as exc:
            self._report(str(exc))

    #: Set by the desk: opens a registered protocol (checking first that a program handles it).
    open_protocol: Callable[[LaunchPlan], object] | None = None

    def _run(self, launch: LaunchPlan) -> None:
        if launch.kind is LauncherKind.PROGRAM:
            self._start_program(launch)
        elif launch.kind is LauncherKind.PROTOCOL and self.open_protocol is not None:
            self.open_protocol(launch)
        elif not open_url(launch.url):
            self._report(self.tr("Keine Anwendung für diese Adresse eingerichtet."))
