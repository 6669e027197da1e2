"""stap-afsluiting: a step the region closes only with a solution is not closed without one
(`afsluiten_alleen_met_oplossing`, e.g. the fysieke zorgtafel)."""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import CaseContext, Violation, source_of

KIND = "stap-afsluiting"


def check(case: CaseContext) -> Iterator[Violation]:
    for event in case.escalations():
        step = event.step or {}
        closed = event.data.get("afgerond")
        if step.get("afsluiten_alleen_met_oplossing") and closed and \
                event.data.get("uitkomst") != "oplossing":
            yield Violation(event.path + ("afgerond",),
                            f"stap {event.number} ({step['naam']}) is op {closed} afgerond "
                            "zonder oplossing; deze stap sluit pas af met een oplossing",
                            source_of(step))
