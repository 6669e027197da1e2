"""meldcode-vastleggen: every step taken records what the shared protocol asks of it (step 2:
with whom, what and when)."""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import Violation
from generator.checks.meldcode import followed, label, step_label
from generator.model.case import Case

KIND = "meldcode-vastleggen"


def check(case: Case) -> Iterator[Violation]:
    for trajectory, shared, _ in followed(case):
        for record in trajectory.steps:
            step = shared.step(record.number)
            if step is None or record.skipped is not None:
                continue
            missing = [item.text for item in step.records if item.id not in record.recorded]
            if missing:
                where = record.at("recorded") if record.recorded else record.at("number")
                yield Violation(where, f"{label(trajectory)}, {step_label(step)} op "
                                f"{record.date.isoformat()}: niet vastgelegd: "
                                f"{'; '.join(missing)}", step.source)
