"""Bodies (Gremien) from the organisation file, as the rules in ``core.council`` know them."""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction

from dvz_desktop.core.council.attendance import QuorumRule
from dvz_desktop.core.council.profiles import profile
from dvz_desktop.core.council.session import Body

from ...directory.orgfile import BodySpec


def bodies_from(specs: Iterable[BodySpec]) -> dict[str, Body]:
    return {spec.id: body_from(spec) for spec in specs}


def body_from(spec: BodySpec) -> Body:
    return Body(spec.id, spec.name, frozenset(spec.members), spec.chair, spec.minute_taker,
                frozenset(spec.advisory), profile(spec.land),
                QuorumRule(Fraction(spec.quorum.share), spec.quorum.more_than), spec.file_number)
