"""Every wire message survives JSON and back; strict in (server), lenient out (client); secrets stay hidden."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time

import pytest
from pydantic import BaseModel, ValidationError

from dvz_desktop.protocol import (
    CLIENT_MESSAGE_ADAPTER,
    CLIENT_MESSAGE_TYPES,
    PROTOCOL_VERSION,
    SERVER_MESSAGE_ADAPTER,
    SERVER_MESSAGE_TYPES,
    Absence,
    AbsenceCategory,
    AbsenceChanged,
    Ack,
    AnswerInvite,
    AnswerKnock,
    AnswerQuestion,
    AskQuestion,
    Building,
    CallAnswer,
    CallEnded,
    CallInfo,
    CallJoin,
    CallLeave,
    CallMedia,
    CallMember,
    CallSignal,
    CallSignalEvent,
    CallUpdate,
    CancelKnock,
    ChatConversation,
    ChatDelete,
    ChatEdit,
    ChatEvent,
    ChatEventKind,
    ChatEvents,
    ChatOpen,
    ChatRead,
    ChatReadEvent,
    ChatReset,
    ChatSearch,
    ChatSearchResult,
    ChatSend,
    ChatSync,
    ChatTyping,
    ChatTypingEvent,
    ClearAbsence,
    Conversation,
    ConversationKind,
    DismissInbox,
    DoorChanged,
    DoorInfo,
    DoorState,
    Error,
    ErrorCode,
    Floor,
    Hello,
    IceServer,
    InboxAdded,
    InboxItem,
    InboxKind,
    Invitation,
    Invite,
    InviteState,
    InviteUpdate,
    Knock,
    KnockAnswer,
    KnockOn,
    KnockState,
    KnockUpdate,
    LeaveMessage,
    Logout,
    Move,
    OfficeHours,
    OfficeLayout,
    Organisation,
    PasswordAuth,
    Person,
    Presence,
    PresenceChanged,
    QuestionUpdate,
    QuickQuestion,
    Room,
    RoomKind,
    SearchHit,
    SessionEnded,
    SessionInfo,
    SetAbsence,
    SetCoffee,
    SetDoor,
    SetOfficeHours,
    SetStatus,
    Status,
    TokenAuth,
    WbAdd,
    WbClear,
    WbClose,
    WbItem,
    WbOp,
    WbOpen,
    WbOps,
    WbRemove,
    WbRestore,
    WbShape,
    WbSnapshot,
    Weekday,
    Welcome,
    error_texts,
)
from dvz_desktop.protocol.door import (
    AdmitGuest,
    DeskInfo,
    DeskQueue,
    EndVisit,
    HandOverVisit,
    VisitEvent,
    VisitSay,
    VisitSignal,
    VisitToCallback,
    WaitingGuest,
)
from dvz_desktop.protocol.meetings import (
    MeetingAnswer,
    MeetingHand,
    MeetingInviteGuest,
    MeetingModerate,
    MeetingModerated,
    MeetingPublish,
    MeetingSdp,
    MeetingSubscribe,
    MeetingVideo,
)

NOW = datetime(2026, 11, 24, 7, 42, tzinfo=UTC)
TOKEN = "t" * 43
PRESENCE = Presence(person_id="anna", status=Status.BUSY, room_id="r1", note="Im Termin – bis 11 Uhr",
                    first_seen_today=NOW)
LAYOUT = OfficeLayout(
    organisations=(
        Organisation(
            id="lk",
            name="Landkreis",
            buildings=(
                Building(
                    id="kh",
                    name="Kreishaus",
                    floors=(
                        Floor(
                            id="eg", name="Erdgeschoss", width=800, height=600,
                            rooms=(
                                Room(id="r1", name="Büro Müller", kind=RoomKind.PERSONAL_OFFICE, x=0, y=0, w=100,
                                     h=80, owner_id="anna", door=DoorState.CLOSED),
                                Room(id="ikz", name="Projektraum", kind=RoomKind.PROJECT_ROOM, x=100, y=0, w=100,
                                     h=80, shared_with=("gem",)),
                            ),
                        ),
                    ),
                ),
            ),
        ),
    ),
    people=(Person(id="anna", display_name="Anna Müller", org_id="lk", unit="Straßenverkehrsamt", home_room_id="r1"),),
)
DE, EN = error_texts(ErrorCode.FORBIDDEN)

from .council_samples import COUNCIL_CLIENT_SAMPLES, COUNCIL_SERVER_SAMPLES  # noqa: E402

CLIENT_SAMPLES: list[BaseModel] = [
    Hello(id="1", protocol_version=PROTOCOL_VERSION, client="dvz-desktop/0.1",
          auth=PasswordAuth(username="anna", password="geheim")),
    Hello(id="2", protocol_version=PROTOCOL_VERSION, auth=TokenAuth(token=TOKEN)),
    SetStatus(id="3", status=Status.DO_NOT_DISTURB, note="Bürgersprechstunde"),
    Move(id="4", room_id="r1"),
    Logout(id="5"),
    SetDoor(id="6", room_id="r1", state=DoorState.LOCKED, note="Prüfung"),
    SetOfficeHours(id="7", room_id="r1", hours=(OfficeHours(weekday=Weekday.THURSDAY, start=time(14), end=time(18)),)),
    KnockOn(id="8", room_id="r1"),
    AnswerKnock(id="9", knock_id="k1", answer=KnockAnswer.WAIT, minutes=5, text="Telefonat"),
    CancelKnock(id="10", knock_id="k1"),
    LeaveMessage(id="11", knock_id="k1", text="Bitte Rückruf"),
    Invite(id="12", person_id="bernd"),
    AnswerInvite(id="13", invite_id="e1", accept=True),
    AskQuestion(id="14", person_id="bernd", text="Straße?"),
    AnswerQuestion(id="15", question_id="q1", text="Hauptstraße 1"),
    SetCoffee(id="16", wanted=True),
    SetAbsence(id="17", start=date(2026, 11, 30), end=date(2026, 12, 4), category=AbsenceCategory.VACATION,
               deputy_id="bernd"),
    ClearAbsence(id="18"),
    DismissInbox(id="19", item_ids=("i1", "i2")),
    ChatSend(id="20", conv_id="room:r1", client_msg_id="abcdefgh1234", body="Grüße aus der Küche"),
    ChatEdit(id="21", conv_id="room:r1", target=3, client_msg_id="abcdefgh1235", body="Grüße!"),
    ChatDelete(id="22", conv_id="room:r1", target=3, client_msg_id="abcdefgh1236"),
    ChatSync(id="23", positions={"room:r1": 4, "dm:abc": 0}),
    ChatOpen(id="24", members=("bernd", "carl")),
    ChatRead(id="25", conv_id="room:r1", position=4),
    ChatTyping(id="26", conv_id="room:r1"),
    ChatSearch(id="27", text="Straße"),
    CallJoin(id="28", room_id="r1"),
    CallAnswer(id="29", call_id="c1", accept=False),
    CallLeave(id="30", call_id="c1"),
    CallSignal(id="31", call_id="c1", to="bernd", sdp_type="answer", sdp="v=0\r\ns=-\r\n"),
    CallMedia(id="32", call_id="c1", audio=False, video=True),
    WbOpen(id="33", room_id="r1"),
    WbClose(id="34", room_id="r1"),
    WbAdd(id="35", room_id="r1", item_id="anna.abcdefgh", shape=WbShape(kind="text", points=(10, 20), text="Größe")),
    WbRemove(id="36", room_id="r1", item_ids=("anna.abcdefgh",)),
    WbRestore(id="37", room_id="r1", item_ids=("anna.abcdefgh",)),
    WbClear(id="38", room_id="r1"),
    AdmitGuest(id="39", desk_id="buergerbuero"),
    EndVisit(id="40", visit_id="vabcdefgh"),
    HandOverVisit(id="41", visit_id="vabcdefgh", to_desk_id="bauamt"),
    VisitToCallback(id="42", visit_id="vabcdefgh", note="Rückruf morgen"),
    VisitSay(id="43", visit_id="vabcdefgh", body="Grüß Gott"),
    VisitSignal(id="44", visit_id="vabcdefgh", sdp_type="answer", sdp="v=0"),
    MeetingPublish(id="45", call_id="rabc", sdp="v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\n"),
    MeetingSubscribe(id="46", call_id="rabc", person_id="bernd", video=True),
    MeetingAnswer(id="47", call_id="rabc", person_id="bernd", sdp="v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\n"),
    MeetingVideo(id="48", call_id="rabc", person_id="bernd", on=False),
    MeetingHand(id="49", call_id="rabc", raised=True),
    MeetingModerate(id="50", call_id="rabc", person_id="bernd", action="mute"),
    MeetingInviteGuest(id="51", call_id="rabc"),
    *COUNCIL_CLIENT_SAMPLES,
]
KNOCK = Knock(knock_id="k1", room_id="r1", knocker_id="bernd", state=KnockState.WAIT, started_at=NOW, minutes=5,
              text="Telefonat", answered_by="anna", on_behalf_of="carl")
SERVER_SAMPLES: list[BaseModel] = [
    Welcome(reply_to="1", protocol_version=PROTOCOL_VERSION, me="anna",
            session=SessionInfo(token=TOKEN, expires_at=NOW), office=LAYOUT, presence=(PRESENCE,)),
    Ack(reply_to="3"),
    Error(reply_to="4", code=ErrorCode.FORBIDDEN.value, message_de=DE, message_en=EN),
    Error(code=ErrorCode.PROTOCOL_VERSION.value, message_de="x", message_en="y", server_protocol_version=2),
    PresenceChanged(updates=(PRESENCE, Presence(person_id="bernd"))),
    SessionEnded(code=ErrorCode.TOKEN_REVOKED.value, message_de=DE, message_en=EN),
    DoorChanged(doors=(DoorInfo(room_id="r1", state=DoorState.AJAR, note="x", deputy_id="bernd",
                                absent_until=date(2026, 12, 4)),)),
    KnockUpdate(knock=KNOCK),
    InviteUpdate(invitation=Invitation(invite_id="e1", host_id="anna", guest_id="bernd", room_id="r1",
                                       state=InviteState.PENDING, created_at=NOW)),
    QuestionUpdate(question=QuickQuestion(question_id="q1", from_id="anna", to_id="bernd", text="Straße?",
                                          asked_at=NOW, answer="Hauptstraße 1", answered_at=NOW)),
    AbsenceChanged(absences=(Absence(person_id="anna", start=date(2026, 11, 30), end=date(2026, 12, 4)),),
                   cleared=("bernd",)),
    InboxAdded(items=(InboxItem(item_id="i1", kind=InboxKind.HANDOVER, at=NOW, from_id="bernd", text="Anklopfen",
                                handled_by="carl"),)),
    ChatEvents(conv_id="room:r1", events=(ChatEvent(conv_id="room:r1", position=4, kind=ChatEventKind.POST,
                                                    sender_id="anna", at=NOW, target=4, body="<b>fett</b>",
                                                    client_msg_id="abcdefgh1234"),)),
    ChatConversation(conversation=Conversation(conv_id="dm:x", kind=ConversationKind.DIRECT,
                                               members=("anna", "bernd"), last_position=3, read_position=1)),
    ChatReset(conv_id="room:r1", first_position=10),
    ChatTypingEvent(conv_id="room:r1", person_id="bernd"),
    ChatReadEvent(conv_id="room:r1", position=4),
    ChatSearchResult(reply_to="27", hits=(SearchHit(conv_id="room:r1", position=4, sender_id="anna", at=NOW,
                                                    body="Straße"),)),
    CallUpdate(call=CallInfo(call_id="c1", members=(CallMember(person_id="anna"),), ringing=("bernd",),
                             ice_servers=(IceServer(urls=("turn:t.example:3478",), username="u", credential="p"),))),
    CallSignalEvent(call_id="c1", from_id="anna", sdp_type="offer", sdp="v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\n"),
    CallEnded(call_id="c1", reason="declined"),
    WbSnapshot(room_id="r1", seq=3, items=(WbItem(item_id="anna.abcdefgh", author_id="anna", seq=2, kind="rect",
                                                 points=(1, 2, 30, 40)),), moderator_id="anna"),
    WbOps(room_id="r1", ops=(WbOp(seq=4, kind="remove", author_id="bernd", item_ids=("anna.abcdefgh",)),)),
    DeskQueue(desk=DeskInfo(desk_id="bb", name="Bürgerbüro", room_id="r1"), guests=(
        WaitingGuest(visit_id="vabcdefgh", name="Jörg", since=datetime(2026, 11, 25, 9, tzinfo=UTC),
                     position=1),)),
    VisitEvent(visit_id="vabcdefgh", kind="say", at=datetime(2026, 11, 25, 9, tzinfo=UTC), body="Hallo"),
    MeetingSdp(call_id="rabc", person_id="bernd", sdp_type="offer", sdp="v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\n"),
    MeetingModerated(call_id="rabc", action="remove", by="anna"),
    *COUNCIL_SERVER_SAMPLES,
]


def test_samples_cover_every_message_type() -> None:
    assert {type(m) for m in CLIENT_SAMPLES} == set(CLIENT_MESSAGE_TYPES)
    assert {type(m) for m in SERVER_SAMPLES} == set(SERVER_MESSAGE_TYPES)


@pytest.mark.parametrize("message", CLIENT_SAMPLES, ids=lambda m: type(m).__name__)
def test_client_message_round_trip(message: BaseModel) -> None:
    wire = message.model_dump_json()
    assert len(wire.encode()) < 64 * 1024
    assert CLIENT_MESSAGE_ADAPTER.validate_json(wire) == message


@pytest.mark.parametrize("message", SERVER_SAMPLES, ids=lambda m: type(m).__name__)
def test_server_message_round_trip(message: BaseModel) -> None:
    assert SERVER_MESSAGE_ADAPTER.validate_json(message.model_dump_json()) == message


def test_umlauts_travel_unchanged() -> None:
    parsed = SERVER_MESSAGE_ADAPTER.validate_json(SERVER_SAMPLES[0].model_dump_json())
    assert isinstance(parsed, Welcome)
    assert parsed.office.people[0].unit == "Straßenverkehrsamt"
    assert parsed.presence[0].note == "Im Termin – bis 11 Uhr"


@pytest.mark.parametrize(
    "frame",
    [
        {"type": "move", "id": "1", "room_id": "r1", "sneaky": True},  # unknown field
        {"type": "move", "id": 1, "room_id": "r1"},  # number where a string belongs: no coercion
        {"type": "move", "id": "", "room_id": "r1"},  # empty command id cannot be answered
        {"type": "move", "id": "x" * 65, "room_id": "r1"},  # command id too long
        {"type": "set_status", "id": "1", "status": "schlafend"},  # not a status
        {"type": "set_status", "id": "1", "status": "verfuegbar", "note": "x" * 121},  # note too long
        {"type": "hello", "id": "1", "protocol_version": "1", "auth": {"method": "token", "token": TOKEN}},
        {"type": "hello", "id": "1", "protocol_version": 1, "auth": {"method": "magic"}},
        {"type": "teleport", "id": "1"},
        {"type": "set_absence", "id": "1", "start": "2026-12-04", "end": "2026-11-30", "category": "urlaub"},
        {"type": "set_absence", "id": "1", "start": "2026-11-30", "end": "2026-12-04", "category": "krank"},
        {"type": "set_office_hours", "id": "1", "room_id": "r",
         "hours": [{"weekday": 7, "start": "08:00", "end": "09:00"}]},
        {"type": "set_office_hours", "id": "1", "room_id": "r",
         "hours": [{"weekday": 1, "start": "12:00", "end": "09:00"}]},
        {"type": "answer_knock", "id": "1", "knock_id": "k", "answer": "gleich", "minutes": 600},
        {"type": "leave_message", "id": "1", "knock_id": "k", "text": ""},
        {"type": "dismiss_inbox", "id": "1", "item_ids": []},
        {"type": "chat_send", "id": "1", "conv_id": "room:r", "client_msg_id": "abcdefgh1234", "body": ""},
        {"type": "chat_send", "id": "1", "conv_id": "room:r", "client_msg_id": "abcdefgh1234", "body": "x" * 4001},
        {"type": "chat_send", "id": "1", "conv_id": "room:r", "client_msg_id": "kurz", "body": "x"},
        {"type": "chat_send", "id": "1", "conv_id": "room:r", "client_msg_id": "bad id with spaces", "body": "x"},
        {"type": "chat_open", "id": "1", "members": [f"p{n}" for n in range(9)]},
        {"type": "chat_search", "id": "1", "text": "x"},
        {"type": "call_signal", "id": "1", "call_id": "c", "to": "b", "sdp_type": "pranswer", "sdp": "v=0\r\ns=-"},
        {"type": "call_signal", "id": "1", "call_id": "c", "to": "b", "sdp_type": "offer", "sdp": "v" * 48001},
    ],
)
def test_server_side_models_refuse_what_they_do_not_expect(frame: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        CLIENT_MESSAGE_ADAPTER.validate_json(json.dumps(frame))


def test_client_ignores_fields_a_newer_server_adds() -> None:
    frame = {"type": "presence", "future": 1, "updates": [{"person_id": "anna", "status": "verfuegbar", "mood": "gut"}]}
    parsed = SERVER_MESSAGE_ADAPTER.validate_json(json.dumps(frame))
    assert isinstance(parsed, PresenceChanged)
    assert parsed.updates[0].status is Status.AVAILABLE


def test_secrets_never_appear_in_repr_or_str() -> None:
    hello_pw, hello_token = CLIENT_SAMPLES[0], CLIENT_SAMPLES[1]
    welcome = SERVER_SAMPLES[0]
    for shown in (repr(hello_pw), str(hello_pw), repr(hello_token), repr(welcome)):
        assert "geheim" not in shown
        assert TOKEN not in shown
