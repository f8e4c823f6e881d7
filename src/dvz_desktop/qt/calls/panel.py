"""The call panel: who is in the call, their video, and my microphone, camera, screen and hang-up.

Video frames are converted to images at most ~15 times a second per tile, so the one loop stays free.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from dvz_desktop.protocol import CallInfo
from dvz_desktop.services.calls import CallClient

from ..lifetime import while_alive
from ..plain import plain_label



def HEADSET_NOTE() -> str:  # noqa: N802 (a constant that follows the language)
    # No maintained Python binding of WebRTC's echo cancellation exists: say so instead of pretending.
    return QCoreApplication.translate("CallPanel", "Bitte ein Headset benutzen: ohne Echounterdrückung hören die "
                                                   "anderen sich sonst über Ihren Lautsprecher.")
MIN_FRAME_INTERVAL = 1 / 15
#: RMS level (0..1) above which the microphone counts as hearing speech.
SPEECH_LEVEL = 0.02


class VideoTile(QLabel):
    def __init__(self, name: str) -> None:
        super().__init__()
        self.setTextFormat(Qt.TextFormat.PlainText)  # a name from the directory, shown as it is written
        self.setText(name)
        self.name = name
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(120, 90)
        # The picture follows the tile's size, never the other way round (no overlap with the buttons).
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setStyleSheet("background: #263238; color: white;")
        self.setAccessibleName(name)
        self.frames_shown = 0
        self._last = 0.0

    def show_frame(self, frame: Any) -> None:
        now = time.monotonic()
        if now - self._last < MIN_FRAME_INTERVAL:
            return
        self._last = now
        picture = frame.to_ndarray(format="rgb24")
        height, width, _ = picture.shape
        image = QImage(picture.data, width, height, 3 * width, QImage.Format.Format_RGB888).copy()
        self.setPixmap(QPixmap.fromImage(image).scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                                       Qt.TransformationMode.FastTransformation))
        self.frames_shown += 1


class CallPanel(QWidget):
    def __init__(self, calls: CallClient, media: Any, name_of: Callable[[str], str],
                 run: Callable[[object], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.calls = calls
        self.media = media
        self._name_of = name_of
        self._run = run
        self.title = plain_label(self.tr("Kein Gespräch"))
        self.title.setAccessibleName(self.tr("Gespräch"))
        self.grid = QGridLayout()
        self.tiles: dict[str, VideoTile] = {}
        self.self_tile: VideoTile | None = None
        self.note = plain_label()
        self.note.setWordWrap(True)
        self.note.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.note.setAccessibleName(self.tr("Hinweis zum Gespräch"))
        self.mute = QPushButton(self.tr("Mikrofon aus"))
        self.mute.setCheckable(True)
        self.mute.toggled.connect(self._mute)
        self.camera = QPushButton(self.tr("Kamera an"))
        self.camera.setCheckable(True)
        self.camera.toggled.connect(self._camera)
        self.screen = QPushButton(self.tr("Bildschirm teilen"))
        self.screen.setCheckable(True)
        self.screen.toggled.connect(self._screen)
        self.devices = QPushButton(self.tr("Geräte …"))
        self.devices.clicked.connect(self.open_devices)
        self.device_choice: tuple[str, str] = ("", "")
        self.devicesChosen_callback: Callable[[str, str], None] | None = None
        self.hangup = QPushButton(self.tr("Auflegen"))
        self.hangup.clicked.connect(lambda: self._run(self.calls.leave()))
        buttons = QHBoxLayout()
        for button in (self.mute, self.camera, self.screen, self.devices, self.hangup):
            button.setAccessibleName(button.text())
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
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
        names = ", ".join(self._name_of(m.person_id) + ("" if m.audio else " 🔇") for m in others)
        title = (self.tr("Im Gespräch mit %1").replace("%1", names) if others
                 else self.tr("Sie warten im Gespräch …"))
        self.title.setText(self.tr("%1 – gehalten").replace("%1", title) if self.held else title)
        for gone in set(self.tiles) - {m.person_id for m in others}:
            self.tiles.pop(gone).deleteLater()
        for member in others:
            if member.person_id not in self.tiles:
                tile = VideoTile(self._name_of(member.person_id))
                self.tiles[member.person_id] = tile
                index = len(self.tiles) - 1
                self.grid.addWidget(tile, index // 2, index % 2)
        self.note.setText(" ".join(dict.fromkeys([*(getattr(self.media, "notes", None) or []), HEADSET_NOTE()])))

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
        self._media_state()

    def _self_view(self, on: bool) -> None:
        """My own picture in a small tile while the camera or the screen is sent."""
        track = getattr(self.media, "video", None)
        if on and track is not None:
            if self.self_tile is None:
                self.self_tile = VideoTile(self.tr("Sie"))
                self.self_tile.setMaximumSize(200, 150)
                self.grid.addWidget(self.self_tile, 9, 1)
            track.preview = self.self_tile.show_frame
        else:
            if track is not None:
                track.preview = None
            if self.self_tile is not None:
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
        self._self_view(self.camera.isChecked() or self.screen.isChecked())
        self.note.setText(" ".join(dict.fromkeys([*(getattr(self.media, "notes", None) or []), HEADSET_NOTE()])))
        self._media_state()

    def _screen(self, on: bool) -> None:
        if on and self.camera.isChecked():
            self.camera.setChecked(False)
        if hasattr(self.media, "share_screen"):
            self.media.share_screen(on)
        self._self_view(self.camera.isChecked() or self.screen.isChecked())
        self._media_state()
