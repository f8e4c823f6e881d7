"""How the council's facts read in the window (German first, through Qt's translation; plural forms
through ``self.tr`` with a count, which lupdate sees)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from dvz_desktop.protocol import CouncilInfo, CouncilResult


class CouncilWords(QObject):
    def clock(self, seconds: int | None) -> str:
        """"4:05", "0:00"; "" without a limit."""
        if seconds is None:
            return ""
        return f"{seconds // 60}:{seconds % 60:02d}"

    def hand(self, kind: str) -> str:
        return self.tr("Zwischenfrage") if kind == "reply" else self.tr("Wortmeldung")

    def votes(self, yes: int, no: int, abstain: int) -> str:
        return self.tr("%1, %2, %3").replace("%1", self.tr("%n Ja-Stimme(n)", "", yes)).replace(
            "%2", self.tr("%n Nein-Stimme(n)", "", no)).replace("%3", self.tr("%n Enthaltung(en)", "", abstain))

    def outcome(self, result: CouncilResult) -> str:
        return self.tr("angenommen") if result.carried else self.tr("abgelehnt")

    def result(self, result: CouncilResult) -> str:
        return self.tr("%1: %2 (%3)").replace("%1", result.question).replace("%2", self.outcome(result)).replace(
            "%3", self.votes(result.yes, result.no, result.abstain))

    def kind(self, kind: str) -> str:
        return {"open": self.tr("offene Abstimmung"), "named": self.tr("namentliche Abstimmung"),
                "secret": self.tr("geheime Abstimmung")}.get(kind, kind)

    def quorum(self, info: CouncilInfo) -> tuple[bool, str]:
        """Whether the body is quorate, and the line that says it (with a symbol, never colour alone)."""
        body = info.body
        if body is None:
            return True, ""
        members = len(body.members)
        text = self.tr("%1 von %2 Mitgliedern anwesend, nötig: %3").replace("%1", str(info.members_present)).replace(
            "%2", str(members)).replace("%3", str(body.quorum_required))
        if info.quorate:
            return True, self.tr("✔ beschlussfähig – %1").replace("%1", text)
        return False, self.tr("⚠ nicht beschlussfähig – %1").replace("%1", text)

    def cast(self, count: int) -> str:
        return self.tr("%n Stimme(n) abgegeben", "", count)

    def refusal(self, reason: str) -> str:
        """Why I cannot vote, for the vote dialog."""
        return {
            "not_eligible": self.tr("Sie sind in diesem Gremium nicht stimmberechtigt."),
            "not_present": self.tr("Sie nehmen gerade nicht an der Sitzung teil."),
            "remote_excluded": self.tr("Per Video dürfen Sie an geheimen Abstimmungen und Wahlen nicht teilnehmen "
                                       "(Kommunalrecht Ihres Landes). Bitte stimmen Sie im Sitzungssaal ab."),
            "already_voted": self.tr("Sie haben in dieser Abstimmung schon abgestimmt."),
            "no_vote": self.tr("Gerade läuft keine Abstimmung."),
        }.get(reason, reason)

    def profile(self, profile: str) -> str:
        return {"by": self.tr("Bayern (Art. 47a GO)"), "sl": self.tr("Saarland (§ 51a KSVG)"),
                "mv": self.tr("Mecklenburg-Vorpommern (§ 29a KV)"), "allgemein": self.tr("Geschäftsordnung")
                }.get(profile, profile)


_WORDS: CouncilWords | None = None


def words() -> CouncilWords:
    global _WORDS
    if _WORDS is None:
        _WORDS = CouncilWords()
    return _WORDS
