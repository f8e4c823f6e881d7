"""The call on the stage: everyone's tile (picture, or avatar when the camera is off, name, muted,
speaking), my own tile, and below them my microphone, camera, screen, devices, "back to the office" and
hang-up as a bar of labelled icon buttons."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, QTimer
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from dvz_desktop.protocol import CallInfo
from dvz_desktop.services.calls import CallClient

from ..icons import icon
from ..lifetime import while_alive
from ..plain import plain_label
from ..shell import theme
from .tile import VideoTile


def HEADSET_NOTE() -> str:  # noqa: N802 (a constant that follows the language)
    # No maintained Python binding of WebRTC's echo cancellation exists: say so instead of pretending.
    return QCoreApplication.translate("CallPanel", "Bitte ein Headset benutzen: ohne Echounterdrückung hören die "
                                                   "anderen sich sonst über Ihren Lautsprecher.")
#: RMS level (0..1) above which the microphone counts as hearing speech.
SPEECH_LEVEL = 0.02


def call_button(icon_name: str, text: str, danger: bool = False) -> QPushButton:
    t = theme.current()
    button = QPushButton(icon(icon_name, "#ffffff" if danger else t.text), text)
    button.setIconSize(QSize(20, 20))
    button.setMinimumHeight(40)
    if danger:
        button.setStyleSheet(f"QPushButton {{ background: {t.danger if not t.high_contrast else '#000000'}; "
                             f"color: #ffffff; border-color: {t.danger}; }}")
    return button


class CallPanel(QWidget):
    def __init__(self, calls: CallClient, media: Any, name_of: Callable[[str], str],
                 run: Callable[[object], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.calls = calls
        self.media = media
        self._name_of = name_of
        self._run = run
        self.title = plain_label(self.tr("Kein Gespräch"))
        self.title.setObjectName("panelTitle")
        self.title.setAccessibleName(self.tr("Gespräch"))
        self.grid = QGridLayout()
        self.grid.setSpacing(8)
        self.tiles: dict[str, VideoTile] = {}
        self.self_tile: VideoTile | None = None
        self._order: list[str] = []
        self.note = plain_label()
        self.note.setWordWrap(True)
        self.note.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.note.setAccessibleName(self.tr("Hinweis zum Gespräch"))
        self.mute = call_button("mic", self.tr("Mikrofon aus"))
        self.mute.setCheckable(True)
        self.mute.toggled.connect(self._mute)
        self.camera = call_button("video", self.tr("Kamera an"))
        self.camera.setCheckable(True)
        self.camera.toggled.connect(self._camera)
        self.screen = call_button("monitor-up", self.tr("Bildschirm teilen"))
        self.screen.setCheckable(True)
        self.screen.toggled.connect(self._screen)
        self.devices = call_button("settings", self.tr("Geräte …"))
        self.devices.clicked.connect(self.open_devices)
        self.device_choice: tuple[str, str] = ("", "")
        self.devicesChosen_callback: Callable[[str, str], None] | None = None
        self.minimize = call_button("minimize-2", self.tr("Zum Büro"))
        self.minimize.setToolTip(self.tr("Zurück zum Büroplan; das Gespräch läuft klein weiter"))
        self.hangup = call_button("phone-off", self.tr("Auflegen"), danger=True)
        self.hangup.clicked.connect(lambda: self._run(self.calls.leave()))
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addStretch(1)
        for button in (self.mute, self.camera, self.screen, self.devices, self.minimize, self.hangup):
            button.setAccessibleName(button.text())
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addLayout(self.grid, 1)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        calls.call_changed.connect(while_alive(self, self.show_call))
        calls.frame_received.connect(while_alive(self, self._frame))
        #: On hold while another conversation (a visit at the digital door) is live.
        self.held = False
        # The speaking indicator: whether my microphone hears speech, sent when it changes.
        self.speaking = False
        self._speech = QTimer(self)
        self._speech.setInterval(300)
        self._speech.timeout.connect(self._check_speaking)
        self._speech.start()
        #: How a person's status is known (set by the desktop; None: not shown).
        self.status_of: Callable[[str], Any] = lambda _person_id: None
        self.show_call(calls.call)

    def show_call(self, call: CallInfo | None) -> None:
        in_call = call is not None and self.calls.me in {m.person_id for m in call.members}
        for button in (self.mute, self.camera, self.screen, self.hangup):
            button.setEnabled(in_call and (button is self.hangup or not self.held))
        if not in_call or call is None:
            self.held = False
            self.title.setText(self.tr("Kein Gespräch"))
            self._self_view(False)
            for tile in self.tiles.values():
                tile.deleteLater()
            self.tiles.clear()
            for button in (self.mute, self.camera, self.screen):
                button.blockSignals(True)
                button.setChecked(False)
                button.blockSignals(False)
            return
        others = [m for m in call.members if m.person_id != self.calls.me]
        names = ", ".join(self._name_of(m.person_id) for m in others)
        title = (self.tr("Im Gespräch mit %1").replace("%1", names) if others
                 else self.tr("Sie warten im Gespräch …"))
        self.title.setText(self.tr("%1 – gehalten").replace("%1", title) if self.held else title)
        for gone in set(self.tiles) - {m.person_id for m in others}:
            self.tiles.pop(gone).deleteLater()
        for member in others:
            tile = self.tiles.get(member.person_id)
            if tile is None:
                tile = self.tiles[member.person_id] = VideoTile(self._name_of(member.person_id))
            tile.set_state(member.audio, member.video, member.speaking, self._status_of(member.person_id))
        self._self_view(True)
        self._arrange()
        self.note.setText(" ".join(dict.fromkeys([*(getattr(self.media, "notes", None) or []), HEADSET_NOTE()])))

    def _status_of(self, person_id: str) -> Any:
        return self.status_of(person_id)

    def _arrange(self) -> None:
        """Tiles in a near-square grid, the others first and my own last."""
        tiles = [*self.tiles.values(), *([self.self_tile] if self.self_tile is not None else [])]
        for tile in tiles:
            self.grid.removeWidget(tile)
        columns = max(1, math.ceil(math.sqrt(len(tiles))))
        for index, tile in enumerate(tiles):
            self.grid.addWidget(tile, index // columns, index % columns)

    def set_held(self, held: bool) -> None:
        """On hold: my microphone and camera send silence and a black picture (the buttons keep what I
        chose), and the others see me muted; back: as I had it."""
        self.held = held
        self.calls.set_held(held)
        self.show_call(self.calls.call)
        self._media_state()

    def open_devices(self) -> None:
        """Choose microphone and loudspeaker; used from the next call on."""
        from dvz_desktop.services.media import audio_devices

        from .devices import DeviceDialog

        inputs, outputs = audio_devices()
        dialog = DeviceDialog(inputs, outputs, self.device_choice, self)
        dialog.chosen.connect(self._devices_chosen)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.dialog = dialog

    def _devices_chosen(self, microphone: str, speaker: str) -> None:
        self.device_choice = (microphone, speaker)
        if self.devicesChosen_callback is not None:
            self.devicesChosen_callback(microphone, speaker)

    def _frame(self, item: tuple[str, str, Any]) -> None:
        person_id, kind, frame = item
        tile = self.tiles.get(person_id)
        if kind == "video" and tile is not None:
            tile.show_frame(frame)

    def _check_speaking(self) -> None:
        track = getattr(self.media, "audio", None)
        level = getattr(track, "level", 0.0) or 0.0
        speaking = (self.calls.call is not None and not self.mute.isChecked() and not self.held
                    and level > SPEECH_LEVEL)
        if speaking != self.speaking:
            self.speaking = speaking
            self._media_state()

    def _media_state(self) -> None:
        self._run(self.calls.set_media(audio=not self.mute.isChecked() and not self.held,
                                       video=(self.camera.isChecked() or self.screen.isChecked()) and not self.held,
                                       speaking=self.speaking and not self.held))

    def _mute(self, muted: bool) -> None:
        track = getattr(self.media, "audio", None)
        if track is not None:
            track.muted = muted
        self.mute.setText(self.tr("Mikrofon an") if muted else self.tr("Mikrofon aus"))
        self.mute.setIcon(icon("mic-off" if muted else "mic",
                               theme.current().danger if muted else theme.current().text))
        self.mute.setAccessibleName(self.mute.text())
        if self.self_tile is not None:
            self._self_view(True)
        self._media_state()

    def _self_view(self, on: bool) -> None:
        """My own tile while in a call: my picture while the camera or the screen is sent, else my avatar."""
        track = getattr(self.media, "video", None)
        if on:
            if self.self_tile is None:
                self.self_tile = VideoTile(self.tr("Sie"), avatar_name=self._name_of(self.calls.me or ""))
                self._arrange()
            sending = self.camera.isChecked() or self.screen.isChecked()
            self.self_tile.set_state(not self.mute.isChecked(), sending, self.speaking)
            if track is not None:
                track.preview = self.self_tile.show_frame if sending else None
        else:
            if track is not None:
                track.preview = None
            if self.self_tile is not None:
                self.grid.removeWidget(self.self_tile)
                self.self_tile.deleteLater()
                self.self_tile = None

    def _camera(self, on: bool) -> None:
        if on and self.screen.isChecked():
            self.screen.setChecked(False)
        really = self.media.set_camera(on) if hasattr(self.media, "set_camera") else False
        if on and not really:
            self.camera.blockSignals(True)
            self.camera.setChecked(False)
            self.camera.blockSignals(False)
        self.camera.setText(self.tr("Kamera aus") if self.camera.isChecked() else self.tr("Kamera an"))
        self.camera.setIcon(icon("video" if self.camera.isChecked() else "video-off", theme.current().text))
        self.camera.setAccessibleName(self.camera.text())
        self._self_view(self.calls.call is not None)
        self.note.setText(" ".join(dict.fromkeys([*(getattr(self.media, "notes", None) or []), HEADSET_NOTE()])))
        self._media_state()

    def _screen(self, on: bool) -> None:
        if on and self.camera.isChecked():
            self.camera.setChecked(False)
        if hasattr(self.media, "share_screen"):
            self.media.share_screen(on)
        self._self_view(self.calls.call is not None)
        self._media_state()
