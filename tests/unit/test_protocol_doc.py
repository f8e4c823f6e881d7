"""docs/protocol.md and the wire models stay in step, so a client can be written from the document
alone: every message has an example and every example parses; together the examples show every field
of every model; every enumeration (and every field with a fixed set of values) lists exactly its values;
every identifier format a client must follow is written down; every error code is in the table."""

from __future__ import annotations

import enum
import json
import re
import typing
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, TypeAdapter

from dvz_desktop.protocol import (
    CLIENT_MESSAGE_ADAPTER,
    CLIENT_MESSAGE_TYPES,
    SERVER_MESSAGE_ADAPTER,
    SERVER_MESSAGE_TYPES,
    ErrorCode,
)
from dvz_desktop.protocol.door import (
    GUEST_MESSAGE_ADAPTER,
    GUEST_SERVER_MESSAGE_ADAPTER,
    GuestMessage,
    GuestServerMessage,
)
from dvz_desktop.protocol.meeting_guest import (
    MEETING_GUEST_MESSAGE_ADAPTER,
    MEETING_GUEST_SERVER_ADAPTER,
    MeetingGuestMessage,
    MeetingGuestServerMessage,
)
from dvz_desktop.protocol.public_viewer import (
    PUBLIC_VIEWER_MESSAGE_ADAPTER,
    PUBLIC_VIEWER_SERVER_ADAPTER,
    PublicViewerMessage,
    PublicViewerServerMessage,
)

DOC = Path(__file__).resolve().parents[2] / "docs" / "protocol.md"
TEXT = DOC.read_text(encoding="utf-8")
DIRECTIONS = {"Client to server": "client", "Server to client": "server", "Guest to server": "guest",
              "Server to guest": "to_guest", "Meeting guest to server": "meeting_guest",
              "Server to meeting guest": "to_meeting_guest", "Public viewer to server": "public_viewer",
              "Server to public viewer": "to_public_viewer"}
ADAPTERS: dict[str, TypeAdapter[Any]] = {"client": CLIENT_MESSAGE_ADAPTER, "server": SERVER_MESSAGE_ADAPTER,
                                         "guest": GUEST_MESSAGE_ADAPTER, "to_guest": GUEST_SERVER_MESSAGE_ADAPTER,
                                         "meeting_guest": MEETING_GUEST_MESSAGE_ADAPTER,
                                         "to_meeting_guest": MEETING_GUEST_SERVER_ADAPTER,
                                         "public_viewer": PUBLIC_VIEWER_MESSAGE_ADAPTER,
                                         "to_public_viewer": PUBLIC_VIEWER_SERVER_ADAPTER}


def _union_members(annotated: Any) -> tuple[type[BaseModel], ...]:
    """The models of ``Annotated[Union[...], Field(discriminator=...)]``."""
    return typing.get_args(typing.get_args(annotated)[0])


MODELS = {"client": tuple(CLIENT_MESSAGE_TYPES), "server": tuple(SERVER_MESSAGE_TYPES),
          "guest": _union_members(GuestMessage), "to_guest": _union_members(GuestServerMessage),
          "meeting_guest": _union_members(MeetingGuestMessage),
          "to_meeting_guest": _union_members(MeetingGuestServerMessage),
          "public_viewer": _union_members(PublicViewerMessage),
          "to_public_viewer": _union_members(PublicViewerServerMessage)}


def _sections(level: int) -> dict[str, str]:
    """{heading: text up to the next heading of that level or higher}."""
    marks = "#" * level
    parts = re.split(rf"^({marks} .+)$", TEXT, flags=re.MULTILINE)
    found = {}
    for heading, body in zip(parts[1::2], parts[2::2], strict=True):
        found[heading[level + 1:].strip()] = re.split(rf"^#{{1,{level}}} ", body, flags=re.MULTILINE)[0]
    return found


def _examples() -> dict[str, dict[str, list[dict[str, Any]]]]:
    """{direction: {message type: [example objects]}} from the document's headings and json blocks."""
    found: dict[str, dict[str, list[dict[str, Any]]]] = {d: {} for d in ADAPTERS}
    direction: str | None = None
    message: str | None = None
    for block in re.split(r"^(#{2,3} .+)$", TEXT, flags=re.MULTILINE):
        if block.startswith("## "):
            direction = DIRECTIONS.get(block[3:].strip())
            message = None
        elif block.startswith("### "):
            message = block[4:].strip()
        elif direction and message:
            for code in re.findall(r"```json\n(.*?)```", block, flags=re.DOTALL):
                found[direction].setdefault(message, []).append(json.loads(code))
    return found


EXAMPLES = _examples()


def _type_tag(model: type[BaseModel]) -> str:
    return model.model_fields["type"].default


@pytest.mark.parametrize("direction", sorted(ADAPTERS))
def test_every_message_type_has_an_example_and_no_example_is_of_an_unknown_type(direction: str) -> None:
    assert set(EXAMPLES[direction]) == {_type_tag(m) for m in MODELS[direction]}


@pytest.mark.parametrize(("direction", "tag"), [(d, t) for d in sorted(ADAPTERS) for t in sorted(EXAMPLES[d])])
def test_examples_parse_and_carry_no_field_the_models_would_drop(direction: str, tag: str) -> None:
    adapter = ADAPTERS[direction]
    for example in EXAMPLES[direction][tag]:
        assert example["type"] == tag
        parsed = adapter.validate_json(json.dumps(example))  # as the receiving side reads frames
        # A lenient reader ignores unknown fields, so a misspelt field would parse silently: compare the
        # round trip to catch it (timestamps are normalised to the same ISO form the server sends).
        assert adapter.dump_python(parsed, mode="json", exclude_unset=True) == example


# --- completeness ---------------------------------------------------------------------------------------


def _reachable() -> tuple[set[type[BaseModel]], set[type[enum.Enum]], dict[tuple[str, str], tuple[Any, ...]]]:
    """Every model, enumeration and fixed-value field (``Literal``) the four unions can carry."""
    models: set[type[BaseModel]] = set()
    enums: set[type[enum.Enum]] = set()
    literals: dict[tuple[str, str], tuple[Any, ...]] = {}

    def walk(tp: Any, owner: tuple[str, str]) -> None:
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            if tp not in models:
                models.add(tp)
                for name, info in tp.model_fields.items():
                    walk(info.annotation, (tp.__name__, name))
        elif isinstance(tp, type) and issubclass(tp, enum.Enum):
            enums.add(tp)
        elif typing.get_origin(tp) is typing.Literal:
            if owner[1] not in ("type", "method"):  # message tags and the auth tag: shown by every example
                literals[owner] = typing.get_args(tp)
        else:
            for arg in typing.get_args(tp):
                walk(arg, owner)

    for members in MODELS.values():
        for model in members:
            walk(model, (model.__name__, ""))
    return models, enums, literals


MODEL_SET, ENUMS, LITERALS = _reachable()


def _fields_shown() -> dict[type[BaseModel], set[str]]:
    seen: dict[type[BaseModel], set[str]] = {}

    def record(value: Any, data: Any) -> None:
        if isinstance(value, BaseModel) and isinstance(data, dict):
            seen.setdefault(type(value), set()).update(data)
            for name in data:
                if name in type(value).model_fields:
                    record(getattr(value, name), data[name])
        elif isinstance(value, (tuple, list)) and isinstance(data, list):
            for item, raw in zip(value, data, strict=False):
                record(item, raw)
        elif isinstance(value, dict) and isinstance(data, dict):
            for key, raw in data.items():
                record(value.get(key), raw)

    for direction, adapter in ADAPTERS.items():
        for examples in EXAMPLES[direction].values():
            for example in examples:
                record(adapter.validate_json(json.dumps(example)), example)
    return seen


@pytest.mark.parametrize("model", sorted(MODEL_SET, key=lambda m: m.__name__), ids=lambda m: m.__name__)
def test_the_examples_show_every_field_of_every_model(model: type[BaseModel]) -> None:
    shown = _fields_shown().get(model, set())
    assert set(model.model_fields) - shown == set(), f"no example shows these fields of {model.__name__}"


ENUM_SECTIONS = {title: body for title, body in _sections(3).items()
                 if title in {e.__name__ for e in ENUMS} or "." in title}


def _listed(body: str) -> set[str]:
    return set(re.findall(r"^\| `([^`]+)` \|", body, flags=re.MULTILINE))


@pytest.mark.parametrize("kind", sorted(ENUMS, key=lambda e: e.__name__), ids=lambda e: e.__name__)
def test_every_enumeration_lists_exactly_its_values(kind: type[enum.Enum]) -> None:
    body = _sections(2).get("Enumerations", "")
    section = _sections(3).get(kind.__name__)
    assert section is not None and section in body, f"docs/protocol.md has no '### {kind.__name__}' in Enumerations"
    assert _listed(section) == {str(member.value) for member in kind}


@pytest.mark.parametrize("owner", sorted(LITERALS), ids=lambda o: ".".join(o))
def test_every_field_with_fixed_values_lists_exactly_its_values(owner: tuple[str, str]) -> None:
    name = ".".join(owner)
    titles = [t for t in _sections(3) if name in [part.strip() for part in t.split(",")]]
    assert titles, f"docs/protocol.md has no '### {name}' (or a heading listing it) in Enumerations"
    assert _listed(_sections(3)[titles[0]]) == {str(v) for v in LITERALS[owner]}


def _patterns() -> set[str]:
    """The formats (regular expressions) of identifiers a client chooses itself."""
    found: set[str] = set()
    for model in MODEL_SET:
        for info in model.model_fields.values():
            for tp in [info.annotation, *typing.get_args(info.annotation)]:
                for inner in [tp, *typing.get_args(tp)]:
                    for meta in getattr(inner, "__metadata__", ()):
                        for constraint in getattr(meta, "metadata", [meta]):
                            if getattr(constraint, "pattern", None):
                                found.add(constraint.pattern)
            for constraint in info.metadata:
                if getattr(constraint, "pattern", None):
                    found.add(constraint.pattern)
    return found


def test_every_identifier_format_is_written_down() -> None:
    patterns = _patterns()
    assert patterns, "the models name no formats at all?"
    for pattern in patterns:
        assert f"`{pattern}`" in TEXT, f"the format {pattern} is not in docs/protocol.md"


def test_error_code_table_lists_exactly_the_codes_the_server_can_send() -> None:
    table = re.search(r"## Error codes\n(.*?)\n## ", TEXT, flags=re.DOTALL)
    assert table is not None
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", table.group(1), flags=re.MULTILINE))
    assert documented == {code.value for code in ErrorCode}
