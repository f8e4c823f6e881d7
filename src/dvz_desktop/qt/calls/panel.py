"""The call on the stage: everyone's tile (picture, or avatar when the camera is off, name, muted,
speaking, a raised hand), my own tile, and below them my microphone, camera, screen, hand, devices,
"back to the office" and hang-up as a bar of labelled icon buttons.

The same view carries a meeting of many: a gallery of the most recent speakers or the speaker view, a
shared screen on the main stage (``core/gallery.py``), the participant list with the moderators' menu,
and a guest's invitation. Only the tiles shown get video (the call client subscribes to those and pauses
the rest, and all of it while the view is out of sight).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from dvz_desktop.core.gallery import Gallery, Stage, View, arrange
from dvz_desktop.core.meetings import ListEntry, list_order
from dvz_desktop.protocol import CallInfo, CallMember
from dvz_desktop.protocol.meetings import GALLERY_SIZE, MeetingModerated
from dvz_desktop.services.calls import CallClient

from ..icons import icon
from ..lifetime import while_alive
from ..plain import plain_label
from ..shell import theme
from .buttons import CallButton, fit
from .gallery import GalleryView
from .meeting_controls import InviteDialog, MeetingHeader
from .participants import ParticipantList
from .tile import VideoTile


def HEADSET_NOTE() -> str:  # noqa: N802 (a constant that follows the language)
    # No maintained Python binding of WebRTC's echo cancellation exists: say so instead of pretending.
    return QCoreApplication.translate("CallPanel", "Bitte ein Headset benutzen: ohne Echounterdrückung hören die "
                                                   "anderen sich sonst über Ihren Lautsprecher.")
#: RMS level (0..1) above which the microphone counts as hearing speech.
SPEECH_LEVEL = 0.02


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
        self.header = MeetingHeader()
        self.header.speakerView.connect(self._speaker_view)
        self.header.peopleShown.connect(self._people_shown)
        self.header.inviteRequested.connect(self._invite)
        self.gallery_view = GalleryView()
        self.people = ParticipantList()
        self.people.hide()
        self.people.muteRequested.connect(lambda person: self._run(self.calls.moderate(person, "mute")))
        self.people.removeRequested.connect(lambda person: self._run(self.calls.moderate(person, "remove")))
        #: The tiles on the stage now, by person (the others are in the participant list only).
        self.tiles: dict[str, VideoTile] = {}
        self.self_tile: VideoTile | None = None
        self.gallery = Gallery(capacity=GALLERY_SIZE - 1)  # and my own tile: nine faces
        self.view = View.GALLERY
        self.stage = Stage(None, ())
        #: Whether the call is in sight (not shrunk to the mini view): hidden tiles get no video.
        self.visible = True
        #: The room's name for the title of a meeting (set by the mount).
        self.room_name: Callable[[str], str] = lambda room_id: ""
        self._moderation_note = ""
        self._people_chosen = False
        self.invite_dialog: InviteDialog | None = None
        self.note = plain_label()
        self.note.setWordWrap(True)
        self.note.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.note.setAccessibleName(self.tr("Hinweis zum Gespräch"))
        self.mute = CallButton("mic", self.tr("Mikrofon aus"))
        self.mute.setCheckable(True)
        self.mute.toggled.connect(self._mute)
        self.camera = CallButton("video", self.tr("Kamera an"))
        self.camera.setCheckable(True)
        self.camera.toggled.connect(self._camera)
        self.screen = CallButton("monitor-up", self.tr("Bildschirm teilen"))
        self.screen.setCheckable(True)
        self.screen.toggled.connect(self._screen)
        self.hand = CallButton("hand", self.tr("Hand heben"))
        self.hand.setCheckable(True)
        self.hand.toggled.connect(self._hand)
        self.devices = CallButton("settings", self.tr("Geräte …"))
        self.devices.clicked.connect(self.open_devices)
        self.device_choice: tuple[str, str] = ("", "")
        self.devicesChosen_callback: Callable[[str, str], None] | None = None
        self.minimize = CallButton("minimize-2", self.tr("Zum Büro"))
        self.minimize.setToolTip(self.tr("Zurück zum Büroplan; das Gespräch läuft klein weiter"))
        self.hangup = CallButton("phone-off", self.tr("Auflegen"), danger=True)
        self.hangup.clicked.connect(lambda: self._run(self.calls.leave()))
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addStretch(1)
        #: The bar, in order (their labels give way to icons where the stage is narrow).
        self.bar = (self.mute, self.camera, self.screen, self.hand, self.devices, self.minimize, self.hangup)
        for button in self.bar:
            button.setAccessibleName(button.text())
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.header)
        body = QHBoxLayout()
        body.setSpacing(8)
        body.addWidget(self.gallery_view, 1)
        body.addWidget(self.people)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        calls.call_changed.connect(while_alive(self, self.show_call))
        calls.frame_received.connect(while_alive(self, self._frame))
        calls.moderated.connect(while_alive(self, self._moderated))
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

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        fit(self.bar, self.width() - 32, 8)

    def show_call(self, call: CallInfo | None) -> None:
        in_call = call is not None and self.calls.me in {m.person_id for m in call.members}
        for button in (self.mute, self.camera, self.screen, self.hand, self.hangup):
            button.setEnabled(in_call and (button is self.hangup or not self.held))
        self.header.setVisible(in_call)
        if not in_call or call is None:
            self._end()
            return
        me = self.calls.me or ""
        others = [m for m in call.members if m.person_id != me]
        self.title.setText(self._title(call, others))
        speaking = {m.person_id for m in others if m.speaking}
        slots = self.gallery.update([m.person_id for m in others], speaking)
        self.stage = arrange(self.view, slots, sharing=[m.person_id for m in call.members if m.screen],
                             latest_speaker=self.gallery.latest_speaker(), me=me)
        self._show_tiles(call, others)
        self.calls.show_videos(set(self.stage.people()), self.visible)
        self.header.show_count(len(call.members))
        self.header.invite.setVisible(me in call.moderator_ids and call.room_id is not None)
        if call.mode == "sfu" and not self._people_chosen:
            self.header.people.setChecked(True)  # a meeting of many shows who is there
        if self.people.isVisible():
            self.people.show_call(call, me, self._member_name)
        mine = next(m for m in call.members if m.person_id == me)
        self.hand.blockSignals(True)
        self.hand.setChecked(mine.hand_raised_at is not None)
        self.hand.blockSignals(False)
        self._hand_text()
        self._notes(call)

    def _title(self, call: CallInfo, others: list[CallMember]) -> str:
        if call.mode == "sfu" and call.room_id is not None:
            title = self.room_name(call.room_id) or self.tr("Besprechung")  # the room names the meeting
        elif others:
            title = self.tr("Im Gespräch mit %1").replace("%1", ", ".join(self._member_name(m) for m in others))
        else:
            title = self.tr("Sie warten im Gespräch …")
        return self.tr("%1 – gehalten").replace("%1", title) if self.held else title

    def _member_name(self, member: CallMember) -> str:
        if member.guest_name:
            return self.tr("%1 (Gast)").replace("%1", member.guest_name)
        return self._name_of(member.person_id)

    def _show_tiles(self, call: CallInfo, others: list[CallMember]) -> None:
        shown = set(self.stage.people())
        by_id = {m.person_id: m for m in others}
        for gone in set(self.tiles) - shown:
            self.tiles.pop(gone).deleteLater()
        hands = [e.person_id for e in list_order([ListEntry(m.person_id, "", m.hand_raised_at) for m in call.members])
                 if e.hand_raised_at is not None]
        for person in self.stage.people():
            member = by_id[person]
            tile = self.tiles.get(person)
            if tile is None:
                tile = self.tiles[person] = VideoTile(self._member_name(member))
            tile.set_state(member.audio, member.video, member.speaking, self._status_of(person))
            tile.set_hand(hands.index(person) + 1 if person in hands else None)
        self._self_view(True)
        if self.self_tile is not None:
            me = self.calls.me or ""
            self.self_tile.set_hand(hands.index(me) + 1 if me in hands else None)
        self.gallery_view.place(self.stage, self.tiles, self.self_tile)

    def _end(self) -> None:
        self.held = False
        self.title.setText(self.tr("Kein Gespräch"))
        self._self_view(False)
        for tile in self.tiles.values():
            tile.deleteLater()
        self.tiles.clear()
        self.gallery = Gallery(capacity=GALLERY_SIZE - 1)
        self.stage = Stage(None, ())
        self._moderation_note = ""
        self._people_chosen = False
        self.header.people.blockSignals(True)
        self.header.people.setChecked(False)
        self.header.people.blockSignals(False)
        self.people.hide()
        for button in (self.mute, self.camera, self.screen, self.hand):
            button.blockSignals(True)
            button.setChecked(False)
            button.blockSignals(False)
        self._hand_text()

    def _notes(self, call: CallInfo | None) -> None:
        notes = []
        if call is not None and call.sfu_lost:
            notes.append(self.tr("Der Konferenzserver ist ausgefallen. Die Besprechung geht weiter, sobald er wieder "
                                 "erreichbar ist.") if call.mode == "sfu" else
                         self.tr("Der Konferenzserver ist ausgefallen – Sie sind jetzt direkt miteinander verbunden."))
        notes += [self._moderation_note, *(getattr(self.media, "notes", None) or []), HEADSET_NOTE()]
        self.note.setText(" ".join(dict.fromkeys(n for n in notes if n)))

    def _status_of(self, person_id: str) -> Any:
        return self.status_of(person_id)

    # --- the meeting's own controls ---

    def set_visible(self, visible: bool) -> None:
        """The call view is on the stage (True) or shrunk to the mini view: hidden tiles get no video."""
        self.visible = visible
        if self.calls.call is not None:
            self.calls.show_videos(set(self.stage.people()), visible)

    def _speaker_view(self, speaker: bool) -> None:
        self.view = View.SPEAKER if speaker else View.GALLERY
        self.show_call(self.calls.call)

    def _people_shown(self, shown: bool) -> None:
        self._people_chosen = True
        self.people.setVisible(shown)
        if shown and self.calls.call is not None:
            self.people.show_call(self.calls.call, self.calls.me or "", self._member_name)

    def _hand(self, raised: bool) -> None:
        self._hand_text()
        self._run(self.calls.raise_hand(raised))

    def _hand_text(self) -> None:
        self.hand.setText(self.tr("Hand senken") if self.hand.isChecked() else self.tr("Hand heben"))
        self.hand.setAccessibleName(self.hand.text())

    def _invite(self) -> None:
        async def invite() -> None:
            link = await self.calls.invite_guest()
            dialog = InviteDialog(link, self)
            dialog.finished.connect(dialog.deleteLater)
            dialog.open()
            self.invite_dialog = dialog

        self._run(invite())

    def _moderated(self, moderated: MeetingModerated) -> None:
        if moderated.action == "mute":
            self._moderation_note = self.tr("%1 hat Ihr Mikrofon ausgeschaltet. Sie können es wieder "
                                            "einschalten.").replace("%1", self._name_of(moderated.by))
            self.mute.setChecked(True)
            self._notes(self.calls.call)

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
                                       speaking=self.speaking and not self.held,
                                       screen=self.screen.isChecked() and not self.held))

    def _mute(self, muted: bool) -> None:
        track = getattr(self.media, "audio", None)
        if track is not None:
            track.muted = muted
        self.mute.setText(self.tr("Mikrofon an") if muted else self.tr("Mikrofon aus"))
        t = theme.current()
        self.mute.setIcon(icon("mic-off" if muted else "mic", t.danger if muted else t.text))
        self.mute.setAccessibleName(self.mute.text())
        if self.self_tile is not None:
            self._self_view(True)
        if not muted:
            self._moderation_note = ""
            self._notes(self.calls.call)
        self._media_state()

    def _self_view(self, on: bool) -> None:
        """My own tile while in a call: my picture while the camera or the screen is sent, else my avatar."""
        track = getattr(self.media, "video", None)
        if on:
            if self.self_tile is None:
                self.self_tile = VideoTile(self.tr("Sie"), avatar_name=self._name_of(self.calls.me or ""))
                self.gallery_view.place(self.stage, self.tiles, self.self_tile)
            sending = self.camera.isChecked() or self.screen.isChecked()
            self.self_tile.set_state(not self.mute.isChecked(), sending, self.speaking)
            if track is not None:
                track.preview = self.self_tile.show_frame if sending else None
        else:
            if track is not None:
                track.preview = None
            if self.self_tile is not None:
                self.self_tile.deleteLater()
                self.self_tile = None
                self.gallery_view.place(self.stage, self.tiles, None)

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
        self._notes(self.calls.call)
        self._media_state()

    def _screen(self, on: bool) -> None:
        if on and self.camera.isChecked():
            self.camera.setChecked(False)
        if hasattr(self.media, "share_screen"):
            self.media.share_screen(on)
        self._self_view(self.calls.call is not None)
        self._media_state()
