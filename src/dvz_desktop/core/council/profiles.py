"""What a Land's municipal code allows members who take part remotely (per video).

* **Bayern**, GO Art. 47a: members may take part by video where the council allows it, but not in
  elections and secret votes (they must be in the hall for those); Art. 48 (1): no member may abstain.
* **Saarland**, KSVG § 51a: the same exclusion of remote members from elections and secret votes.
* **Mecklenburg-Vorpommern**, KV M-V § 29a: remote participation by video; if mutual sight and sound
  fail for reasons on the municipality's side, the session does not go on — a lost connection during a
  vote is recorded and shown to the chair, who has to interrupt.
* **Allgemein**: remote members vote like those in the hall; a lost connection is recorded and shown.

The profile is chosen per body in the organisation file. The client and the backend ask the same
functions, so the vote dialog never offers what the backend would refuse.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class VoteKind(StrEnum):
    OPEN = "open"          # offene Abstimmung (Handzeichen), only the counts are recorded
    NAMED = "named"        # namentliche Abstimmung, each member's vote is recorded
    SECRET = "secret"      # geheime Abstimmung, nothing links a member to a choice


@dataclass(frozen=True)
class LandProfile:
    id: str
    name_de: str
    #: The legal basis, for the minutes and the chair's hints.
    basis: str
    remote_allowed: bool = True
    remote_in_secret_votes: bool = True
    remote_in_elections: bool = True
    abstention_allowed: bool = True
    #: True: a lost connection of a remote member means the session must not go on (the chair is told).
    stop_on_connection_loss: bool = False

    def remote_may_vote(self, kind: VoteKind, election: bool) -> bool:
        if not self.remote_allowed:
            return False
        if election and not self.remote_in_elections:
            return False
        return kind is not VoteKind.SECRET or self.remote_in_secret_votes


GENERIC = LandProfile("allgemein", "Allgemein", "Geschäftsordnung des Gremiums")
BAVARIA = LandProfile("by", "Bayern", "Art. 47a, Art. 48 GO Bayern", remote_in_secret_votes=False,
                      remote_in_elections=False, abstention_allowed=False)
SAARLAND = LandProfile("sl", "Saarland", "§ 51a KSVG", remote_in_secret_votes=False, remote_in_elections=False)
MECKLENBURG_VORPOMMERN = LandProfile("mv", "Mecklenburg-Vorpommern", "§ 29a KV M-V", stop_on_connection_loss=True)

PROFILES: dict[str, LandProfile] = {p.id: p for p in (GENERIC, BAVARIA, SAARLAND, MECKLENBURG_VORPOMMERN)}


def profile(profile_id: str) -> LandProfile:
    try:
        return PROFILES[profile_id]
    except KeyError:
        raise ValueError(f"unknown Land profile {profile_id!r}; known: {', '.join(sorted(PROFILES))}") from None
