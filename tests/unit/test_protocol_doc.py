"""docs/protocol.md and the wire models stay in step: every message has an example, every example parses."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from dvz_desktop.protocol import (
    CLIENT_MESSAGE_ADAPTER,
    CLIENT_MESSAGE_TYPES,
    SERVER_MESSAGE_ADAPTER,
    SERVER_MESSAGE_TYPES,
    ErrorCode,
)

DOC = Path(__file__).resolve().parents[2] / "docs" / "protocol.md"
DIRECTIONS = {"Client to server": "client", "Server to client": "server"}


def _examples() -> dict[str, dict[str, list[dict[str, Any]]]]:
    """{direction: {message type: [example objects]}} from the document's headings and json blocks."""
    found: dict[str, dict[str, list[dict[str, Any]]]] = {"client": {}, "server": {}}
    direction: str | None = None
    message: str | None = None
    for block in re.split(r"^(#{2,3} .+)$", DOC.read_text(encoding="utf-8"), flags=re.MULTILINE):
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


def test_every_message_type_has_an_example_and_no_example_is_of_an_unknown_type() -> None:
    assert set(EXAMPLES["client"]) == {_type_tag(m) for m in CLIENT_MESSAGE_TYPES}
    assert set(EXAMPLES["server"]) == {_type_tag(m) for m in SERVER_MESSAGE_TYPES}


@pytest.mark.parametrize("tag", sorted(EXAMPLES["client"]))
def test_client_examples_are_accepted_by_the_strict_server_side_models(tag: str) -> None:
    for example in EXAMPLES["client"][tag]:
        assert example["type"] == tag
        parsed = CLIENT_MESSAGE_ADAPTER.validate_json(json.dumps(example))  # as the server reads frames
        assert CLIENT_MESSAGE_ADAPTER.dump_python(parsed, mode="json", exclude_unset=True) == example


@pytest.mark.parametrize("tag", sorted(EXAMPLES["server"]))
def test_server_examples_parse_and_carry_no_field_the_models_would_drop(tag: str) -> None:
    for example in EXAMPLES["server"][tag]:
        assert example["type"] == tag
        parsed = SERVER_MESSAGE_ADAPTER.validate_json(json.dumps(example))
        # The client ignores unknown fields, so a misspelt field would parse silently: compare the
        # round trip to catch it (timestamps are normalised to the same ISO form the server sends).
        dumped = SERVER_MESSAGE_ADAPTER.dump_python(parsed, mode="json", exclude_unset=True)
        assert dumped == example


def test_error_code_table_lists_exactly_the_codes_the_server_can_send() -> None:
    table = re.search(r"## Error codes\n(.*?)\n## ", DOC.read_text(encoding="utf-8"), flags=re.DOTALL)
    assert table is not None
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", table.group(1), flags=re.MULTILINE))
    assert documented == {code.value for code in ErrorCode}
