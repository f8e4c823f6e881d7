"""The bar above the plan: building ▸ floor, a search for people and rooms on every floor, zoom buttons."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from dvz_desktop.core.map_search import Hit, HitKind, find_on_map
from dvz_desktop.core.office import OfficeModel

from ..icons import icon, pixmap
from ..lifetime import while_alive
from ..shell import theme

HIT_ROLE = Qt.ItemDataRole.UserRole + 1


class FloorBar(QWidget):
    #: The user chose a building (its id).
    buildingChosen = Signal(str)
    #: The user chose a search result.
    hitChosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model: OfficeModel | None = None
        self._tools: list[tuple[QToolButton, str]] = []
        # Icons in the text colour of the theme (light, dark or high contrast), muted ones a bit softer.
        self._ink = self.palette().color(QPalette.ColorRole.WindowText).name()
        self._muted = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        self.building_button = QToolButton()
        self.building_button.setIcon(icon("building-2", self._ink))
        self.building_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.building_button.setAutoRaise(True)
        self.building_button.setAccessibleName(self.tr("Gebäude"))
        self.building_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._building_menu = QMenu(self)
        chevron = self._chevron = QLabel()
        chevron.setPixmap(pixmap("chevron-right", 16, self._muted, self.devicePixelRatioF()))
        chevron.setAccessibleName(self.tr("in"))
        self.floor_box = QComboBox()
        self.floor_box.setAccessibleName(self.tr("Stockwerk wählen"))
        self.floor_box.setToolTip(self.tr("Stockwerk wählen"))
        self.floor_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Person oder Raum suchen"))
        self.search.setAccessibleName(self.tr("Person oder Raum auf allen Stockwerken suchen"))
        self.search.setToolTip(self.tr("Person oder Raum auf allen Stockwerken suchen (Strg+F)"))
        self.search.setClearButtonEnabled(True)
        lens = self._lens = self.search.addAction(icon("search", self._muted), QLineEdit.ActionPosition.LeadingPosition)
        lens.setText(self.tr("Suchen"))
        lens.triggered.connect(lambda: self._choose_first())
        # The line edit's own buttons (the lens, "clear") need names for screen readers too.
        for button in self.search.findChildren(QToolButton):
            button.setAccessibleName(self.tr("Suchen") if button.defaultAction() is lens else self.tr("Suche leeren"))
        self.search.setMinimumWidth(160)
        self.search.setMaximumWidth(280)
        self.search.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._results = QStandardItemModel(self)
        self._completer = QCompleter(self._results, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search.setCompleter(self._completer)
        self._completer.activated[type(self._results.index(0, 0))].connect(self._chosen_index)  # type: ignore[index]
        self.search.textEdited.connect(self._refresh_results)
        self.search.returnPressed.connect(self._choose_first)
        find = QAction(self)
        find.setShortcut("Ctrl+F")
        find.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.triggered.connect(self._focus_search)
        self.addAction(find)
        self.zoom_out = self._tool("zoom-out", self.tr("Verkleinern"), self.tr("Verkleinern (−)"))
        self.zoom_in = self._tool("zoom-in", self.tr("Vergrößern"), self.tr("Vergrößern (+)"))
        self.fit = self._tool("maximize", self.tr("Ganzes Stockwerk zeigen"), self.tr("Ganzes Stockwerk zeigen (0)"))
        theme.THEME_EVENTS.changed.connect(while_alive(self, self._recolor))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(4)
        layout.addWidget(self.building_button)
        layout.addWidget(chevron)
        layout.addWidget(self.floor_box)
        layout.addStretch(1)
        layout.addWidget(self.search, 2)
        layout.addSpacing(8)
        layout.addWidget(self.zoom_out)
        layout.addWidget(self.zoom_in)
        layout.addWidget(self.fit)

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _recolor(self, _theme: object = None) -> None:
        """The theme changed: icons in its colours."""
        self._ink = self.palette().color(QPalette.ColorRole.WindowText).name()
        self._muted = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        self.building_button.setIcon(icon("building-2", self._ink))
        self._chevron.setPixmap(pixmap("chevron-right", 16, self._muted, self.devicePixelRatioF()))
        self._lens.setIcon(icon("search", self._muted))
        for button, name in self._tools:
            button.setIcon(icon(name, self._ink))

    def _tool(self, name: str, accessible: str, tip: str) -> QToolButton:
        button = QToolButton()
        self._tools.append((button, name))
        button.setIcon(icon(name, self._ink))
        button.setIconSize(QSize(18, 18))
        button.setAutoRaise(True)
        button.setAccessibleName(accessible)
        button.setToolTip(tip)
        return button

    def set_model(self, model: OfficeModel) -> None:
        self._model = model
        self._building_menu.clear()
        buildings: dict[str, str] = {}
        for ref in model.floors:
            buildings.setdefault(ref.building.id, ref.building.name)
        for building_id, name in buildings.items():
            action = self._building_menu.addAction(icon("building-2", self._ink), name)
            action.triggered.connect(lambda _=False, b=building_id: self.buildingChosen.emit(b))
        self.building_button.setMenu(self._building_menu if len(buildings) > 1 else None)  # type: ignore[arg-type]
        self.building_button.setToolTip(self.tr("Gebäude wechseln") if len(buildings) > 1 else "")

    def show_building(self, name: str) -> None:
        self.building_button.setText(name)
        self.building_button.setAccessibleName(self.tr("Gebäude: %1").replace("%1", name))

    # --- search ---

    def results(self) -> list[Hit]:
        return [self._results.item(i).data(HIT_ROLE) for i in range(self._results.rowCount())]

    def _refresh_results(self, text: str) -> None:
        self._results.clear()
        if self._model is None:
            return
        floors = {ref.id: ref.floor.name for ref in self._model.floors}
        for hit in find_on_map(self._model, text):
            where = ""
            if hit.room_id and hit.kind is HitKind.PERSON:
                room = self._model.rooms[hit.room_id].room.name
                where = f" — {room}, {floors.get(hit.floor_id or '', '')}" if hit.present else \
                    " — " + self.tr("nicht da (%1)").replace("%1", room)
            elif hit.kind is HitKind.ROOM:
                where = f" — {floors.get(hit.floor_id or '', '')}"
            item = QStandardItem(icon("user-round" if hit.kind is HitKind.PERSON else "door-open", self._ink),
                                 hit.name + where)
            item.setData(hit, HIT_ROLE)
            item.setEditable(False)
            self._results.appendRow(item)

    def _chosen_index(self, index) -> None:  # type: ignore[no-untyped-def]
        hit = index.data(HIT_ROLE)
        if isinstance(hit, Hit):
            self.hitChosen.emit(hit)

    def _choose_first(self) -> None:
        if self._results.rowCount() == 0:
            self._refresh_results(self.search.text())
        if self._results.rowCount():
            popup = self._completer.popup()
            if popup is not None:
                popup.hide()
            self.hitChosen.emit(self._results.item(0).data(HIT_ROLE))


__all__ = ["FloorBar"]
