"""overlegvoorwaarden: a step's meeting went as its conditions ask.

E.g. the fysieke zorgtafel (Apeldoorn step 4): content experts present, participants with a
mandate, a fixed pool, parents and youth at the table where possible, no finances discussed. The
case records each condition as met, not met or not applicable (with a reason); a condition the
region arranged once for all meetings (`regiobreed`, the fixed pool) holds without a record. A
breach is reported at its record, conditions not recorded together; both by their text.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import Violation, phrase, should, step_text
from generator.model.case import Case, Compliance, Escalation
from generator.model.region import Step

KIND = "overlegvoorwaarden"


def check(case: Case) -> Iterator[Violation]:
    for event in case.escalations_in_order:
        step = event.step
        if step is not None and step.meeting_conditions:
            yield from _check_step(event, step)


def _check_step(event: Escalation, step: Step) -> Iterator[Violation]:
    missing = []
    for condition in step.meeting_conditions:
        record = event.record_of(condition)
        if record is None:
            if not condition.region_wide:
                missing.append(condition)
        elif record.compliance == Compliance.BREACHED:
            yield Violation(record.at("compliance"),
                            should(f"in {step_text(step)}", f"te gelden: {phrase(condition.text)}",
                                   "niet nageleefd"), step.source)
    if missing:
        where = event.at("condition_records") if event.condition_records else event.at("number")
        yield Violation(where, should(
            f"{step_text(step)}", "per randvoorwaarde vast te leggen of die is nageleefd",
            "niet vastgelegd: " + "; ".join(phrase(condition.text) for condition in missing)),
            step.source)
