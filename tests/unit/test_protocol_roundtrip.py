"""Every wire message survives JSON and back; strict in (server), lenient out (client); secrets stay hidden."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest
from pydantic import BaseModel, ValidationError

from dvz_desktop.protocol import (
    CLIENT_MESSAGE_ADAPTER,
    CLIENT_MESSAGE_TYPES,
    PROTOCOL_VERSION,
    SERVER_MESSAGE_ADAPTER,
    SERVER_MESSAGE_TYPES,
    Ack,
    Building,
    DoorState,
    Error,
    ErrorCode,
    Floor,
    Hello,
    Logout,
    Move,
    OfficeLayout,
    Organisation,
    PasswordAuth,
    Person,
    Presence,
    PresenceChanged,
    Room,
    RoomKind,
    SessionEnded,
    SessionInfo,
    SetStatus,
    Status,
    TokenAuth,
    Welcome,
    error_texts,
)

NOW = datetime(2026, 11, 24, 7, 42, tzinfo=timezone.utc)
TOKEN = "t" * 43
PRESENCE = Presence(person_id="anna", status=Status.BUSY, room_id="r1", note="Im Termin – bis 11 Uhr", first_seen_today=NOW)
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

CLIENT_SAMPLES: list[BaseModel] = [
    Hello(id="1", protocol_version=PROTOCOL_VERSION, client="dvz-desktop/0.1",
          auth=PasswordAuth(username="anna", password="geheim")),
    Hello(id="2", protocol_version=PROTOCOL_VERSION, auth=TokenAuth(token=TOKEN)),
    SetStatus(id="3", status=Status.DO_NOT_DISTURB, note="Bürgersprechstunde"),
    Move(id="4", room_id="r1"),
    Logout(id="5"),
]
SERVER_SAMPLES: list[BaseModel] = [
    Welcome(reply_to="1", protocol_version=PROTOCOL_VERSION, me="anna",
            session=SessionInfo(token=TOKEN, expires_at=NOW), office=LAYOUT, presence=(PRESENCE,)),
    Ack(reply_to="3"),
    Error(reply_to="4", code=ErrorCode.FORBIDDEN.value, message_de=DE, message_en=EN),
    Error(code=ErrorCode.PROTOCOL_VERSION.value, message_de="x", message_en="y", server_protocol_version=2),
    PresenceChanged(updates=(PRESENCE, Presence(person_id="bernd"))),
    SessionEnded(code=ErrorCode.TOKEN_REVOKED.value, message_de=DE, message_en=EN),
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
