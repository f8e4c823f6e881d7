"""What IT's settings do in the window: a locked server address, unapproved servers refused; and the
single-instance channel accepts only what a link could ask for."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from dvz_desktop.core.links import LinkAction, LinkKind
from dvz_desktop.qt.login_dialog import LoginDialog
from dvz_desktop.qt.single_instance import SingleInstance
from dvz_desktop.services.policy import DictSource, resolve


def test_server_set_by_policy_is_shown_locked(qtbot) -> None:  # type: ignore[no-untyped-def]
    policy = resolve([DictSource("HKLM", {"ServerUrl": "wss://dvz.landkreis.example/ws"})])
    dialog = LoginDialog(policy["ServerUrl"], "anna", False, server_locked=policy.locked("ServerUrl"))
    qtbot.addWidget(dialog)
    assert dialog.server.text() == "wss://dvz.landkreis.example/ws"
    assert dialog.server.isReadOnly()
    assert "IT" in dialog.server.toolTip()
    QTest.keyClicks(dialog.server, "x")
    assert dialog.server.text() == "wss://dvz.landkreis.example/ws"


def test_a_server_it_has_not_approved_is_refused_before_connecting(qtbot) -> None:  # type: ignore[no-untyped-def]
    policy = resolve([DictSource("HKLM", {"TrustedServers": ["wss://dvz.landkreis.example/ws"]})])
    dialog = LoginDialog("wss://phishing.example/ws", "anna", False, server_allowed=policy.server_allowed)
    qtbot.addWidget(dialog)
    dialog.show()
    QTest.keyClicks(dialog.password, "geheim")
    QTest.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert dialog.error.isVisibleTo(dialog)
    assert "nicht freigegeben" in dialog.error.text()


def test_single_instance_channel_understands_only_raise_and_allowed_links(qtbot) -> None:  # type: ignore[no-untyped-def]
    single = SingleInstance(name="dvz-test-unused")
    links: list[LinkAction] = []
    raised: list[bool] = []
    single.linkReceived.connect(links.append)
    single.activated.connect(lambda: raised.append(True))
    for junk in (b"rm -rf /\n", b"link file:///etc/passwd\n", b"link dvz://room/a;b\n", b"link dvz://exec/x\n",
                 b"\xff\xfe\n", b"link \n"):
        single.handle(junk)
    assert links == [] and raised == []
    single.handle(b"link dvz://call/a.schneider\n")
    assert links == [LinkAction(LinkKind.CALL_PERSON, "a.schneider")] and raised == [True]
    single.handle(b"raise\n")
    assert raised == [True, True]
