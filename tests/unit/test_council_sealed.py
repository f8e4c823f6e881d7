"""A council command relayed to the node running the session is readable by that node alone (sealed.py):
what the relay stream keeps in Redis names no choice, and another node — or the same node after a
restart — cannot open it."""

from __future__ import annotations

import json

import pytest

from server_stub.features.council.sealed import NodeKey, SealError, seal

BALLOT = json.dumps({"user": "rat03", "msg": {"type": "council_ballot", "vote_id": "v1", "choice": "abstain"}})


def test_only_the_owner_opens_a_sealed_ballot_and_the_sealed_text_names_no_choice() -> None:
    owner, other = NodeKey(), NodeKey()
    sealed = seal(owner.public, BALLOT)
    assert owner.open(sealed) == BALLOT
    assert not any(word in sealed for word in ("rat03", "abstain", "council_ballot", "v1\""))
    with pytest.raises(SealError):
        other.open(sealed)
    with pytest.raises(SealError):
        NodeKey().open(sealed)  # the owner restarted: a new key; what was sealed for the old one stays shut


def test_every_seal_differs_and_a_damaged_one_is_refused() -> None:
    owner = NodeKey()
    first, second = seal(owner.public, BALLOT), seal(owner.public, BALLOT)
    assert first != second  # a fresh key and nonce each time: equal ballots do not look equal
    damaged = first[:-4] + ("AAAA" if not first.endswith("AAAA") else "BBBB")
    with pytest.raises(SealError):
        owner.open(damaged)
    with pytest.raises(SealError):
        owner.open("kein.versiegelter.text")
