"""meldcode-afweging-pad: the answers follow the afwegingskader: each question answered is one
the earlier answers lead to, answered on or after the answer that leads to it."""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import Violation
from generator.checks.meldcode import followed, label, question_label
from generator.model.case import Case

KIND = "meldcode-afweging-pad"


def check(case: Case) -> Iterator[Violation]:
    for trajectory, shared, _ in followed(case):
        walk = trajectory.walk
        for before, after in zip(walk.walked, walk.walked[1:], strict=False):
            if after.given.date < before.given.date:
                earlier = f"{question_label(before.question)} ({before.given.date.isoformat()})"
                yield Violation(after.given.at("date"), f"{label(trajectory)}: "
                                f"{question_label(after.question)} is beantwoord vóór {earlier}, "
                                "die ertoe leidt", after.question.source)
        framework = shared.framework
        for given in walk.off_path:
            question = framework.question(given.question_number)
            if question is not None:
                yield Violation(given.at("question_number"), f"{label(trajectory)}: "
                                f"{question_label(question)} is beantwoord, maar de eerdere "
                                "antwoorden leiden er niet heen", question.source)
