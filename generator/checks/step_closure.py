"""stap-afsluiting: a step the region closes only with a solution is not closed without one
(`afsluiten_alleen_met_oplossing`, e.g. the fysieke zorgtafel)."""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import Violation, should, step_text
from generator.model.case import Case, Outcome

KIND = "stap-afsluiting"


def check(case: Case) -> Iterator[Violation]:
    for event in case.escalations_in_order:
        step, closed = event.step, event.closed
        if step is not None and step.closes_only_with_solution and closed and \
                event.outcome != Outcome.SOLUTION:
            yield Violation(event.at("closed"), should(
                step_text(step), "pas af te sluiten met een oplossing",
                f"op {closed.isoformat()} afgerond zonder oplossing"), step.source)
