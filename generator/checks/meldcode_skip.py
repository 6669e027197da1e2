"""meldcode-overslaan: a step is only skipped when the shared protocol allows it, on one of its
grounds (step 3: the conversation would endanger someone), with the reason recorded."""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import Violation
from generator.checks.meldcode import followed, label, step_label
from generator.documents.words import join_or
from generator.model.case import Case

KIND = "meldcode-overslaan"


def check(case: Case) -> Iterator[Violation]:
    for trajectory, shared, _ in followed(case):
        for record in trajectory.steps:
            step, skipped = shared.step(record.number), record.skipped
            if step is None or skipped is None:
                continue
            name = f"{label(trajectory)}: {step_label(step)}"
            rule = step.skip
            if rule is None:
                yield Violation(record.at("skipped"), f"{name} mag niet worden overgeslagen",
                                step.source)
            elif rule.ground(skipped.ground) is None:
                grounds = join_or([ground.text for ground in rule.grounds])
                yield Violation(skipped.at("ground"), f"{name} mag alleen worden overgeslagen "
                                f"als {grounds}; die grond is niet vastgelegd", rule.source)
            elif not skipped.reason.strip():
                yield Violation(skipped.at("ground"), f"{name} is overgeslagen zonder "
                                "vastgelegde reden", rule.source)
