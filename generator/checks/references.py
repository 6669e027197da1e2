"""casus-verwijzingen: every id the case uses exists in its region (or in the case itself).

Reading the case into the model resolves every reference; what named nothing is in
`case.unresolved`, and an escalation may name a step its ladder does not have. The other checks
skip what does not resolve, so one typo gives one finding here. Messages never repeat the unknown
value (it was written in the case): the line points at it.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import Violation, texts
from generator.model.case import Case

KIND = "casus-verwijzingen"


def check(case: Case) -> Iterator[Violation]:
    for unresolved in case.unresolved:
        yield Violation(unresolved.path,
                        f"onbekende {unresolved.noun}: niet gedefinieerd in de regio of de casus")
    for event in case.unknown_steps:
        assert event.ladder is not None
        yield Violation(event.at("number"), f"'{event.ladder.name}' heeft alleen stap "
                        f"{texts(step.number for step in event.ladder.steps)}")
