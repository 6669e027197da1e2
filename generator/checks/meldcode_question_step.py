"""meldcode-afweging-stap: a question is answered in the step where the professional's profile
places it (KNMG: all in step 5; jeugdgezondheidszorg: 1 and 2 in step 4): that step was passed on
or before the answer's date. Which step holds which question is data of the profile."""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import Violation
from generator.checks.meldcode import followed, label, question_label, step_label
from generator.model.case import Case

KIND = "meldcode-afweging-stap"


def check(case: Case) -> Iterator[Violation]:
    for trajectory, shared, profile in followed(case):
        for walked in trajectory.walk.walked:
            number = profile.step_of(walked.question.number)
            step = shared.step(number)
            if step is None:
                continue
            passed = trajectory.passed.get(step.number)
            given = walked.given
            if passed is None or passed > given.date:
                when = f"pas op {passed.isoformat()} gezet" if passed else "niet gezet"
                yield Violation(given.at("date"), f"{label(trajectory)}: "
                                f"{question_label(walked.question)} is beantwoord op "
                                f"{given.date.isoformat()}; in het profiel {profile.name} hoort "
                                f"die bij {step_label(step)}, en die is {when}", profile.source)
