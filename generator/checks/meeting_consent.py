"""overleg-toestemming: where the region requires it (the Flemish MDO), the person's consent is
recorded on or before the meeting's date."""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import Violation, should
from generator.checks.held_meetings import held_label, held_with_requirements
from generator.model.case import Case

KIND = "overleg-toestemming"


def check(case: Case) -> Iterator[Violation]:
    for held, meeting, requirements in held_with_requirements(case):
        if not requirements.consent_first:
            continue
        expected = "pas plaats te vinden na toestemming van de persoon"
        if held.consent is None:
            yield Violation(held.at("date"), should(held_label(held, meeting), expected,
                                                   "geen toestemming vastgelegd"),
                            requirements.source)
        elif held.consent > held.date:
            yield Violation(held.at("consent"), should(
                held_label(held, meeting), expected,
                f"toestemming pas op {held.consent.isoformat()}"), requirements.source)
