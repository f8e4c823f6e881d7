"""Anwendungen: IT's launchers for the eAkte and specialist applications, with a small form for the
values a launcher needs. URLs and registered protocols go to the operating system (one edge,
``open_url``); programs are started without a shell."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
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
)
from dvz_desktop.protocol import LauncherInfo


def entry_from(info: LauncherInfo) -> LauncherEntry:
    return LauncherEntry(info.entry_id, info.name, LauncherKind(info.kind), info.target, info.args,
                         tuple(Placeholder(p.name, p.label, p.pattern, p.example, p.recognise) for p in info.placeholders),
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
        self.error = QLabel()
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
        self.list.itemActivated.connect(lambda item: self.launch(item.data(Qt.ItemDataRole.UserRole)))
        start = QPushButton(self.tr("Öffnen"))
        start.clicked.connect(lambda: self.list.currentItem() and self.launch(
            self.list.currentItem().data(Qt.ItemDataRole.UserRole)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.list, 1)
        layout.addWidget(start)
        self.dialog: ValuesDialog | None = None

    def set_catalogue(self, infos: tuple[LauncherInfo, ...]) -> None:
        self.entries = [entry_from(i) for i in infos]
        self.list.clear()
        for entry in self.entries:
            item = QListWidgetItem(entry.name)
            item.setData(Qt.ItemDataRole.UserRole, entry.entry_id)
            self.list.addItem(item)

    def launch(self, entry_id: str, values: dict[str, str] | None = None) -> None:
        entry = next((e for e in self.entries if e.entry_id == entry_id), None)
        if entry is None:
            return
        needs = [n for n in placeholders_in(entry) if n != "user"]
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

    def _run(self, launch: LaunchPlan) -> None:
        if launch.kind is LauncherKind.PROGRAM:
            self._start_program(launch)
        elif not open_url(launch.url):
            self._report(self.tr("Keine Anwendung für diese Adresse eingerichtet."))
