"""overlegvoorwaarden: a step whose meeting has conditions records that each was met.

E.g. the fysieke zorgtafel (Apeldoorn step 4): content experts present, participants with a
mandate, a fixed pool, parents and youth at the table where possible, no finances discussed.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import Violation, texts
from generator.model.case import Case

KIND = "overlegvoorwaarden"


def check(case: Case) -> Iterator[Violation]:
    for event in case.escalations_in_order:
        step = event.step
        if step is None:
            continue
        met = set(event.conditions_met or ())
        missing = [condition for condition in step.meeting_conditions if condition.id not in met]
        if missing:
            where = event.at("conditions_met" if event.conditions_met is not None else "number")
            yield Violation(where, f"stap {event.number} ({step.name}): niet vastgelegd dat is "
                            f"voldaan aan: {texts(c.id for c in missing)}", step.source)
