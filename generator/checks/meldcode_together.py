"""meldcode-samen-met-veilig-thuis: after an answer whose branch says so (question 2 ja: report,
then questions 3 to 5 together with Veilig Thuis), every later answer is marked as made together
with Veilig Thuis."""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import Violation
from generator.checks.meldcode import followed, label, question_label
from generator.model.case import Case

KIND = "meldcode-samen-met-veilig-thuis"


def check(case: Case) -> Iterator[Violation]:
    for trajectory, _, _ in followed(case):
        walked = trajectory.walk.walked
        cause = next((w for w in walked if w.branch.with_veilig_thuis), None)
        for step in walked:
            if step.with_veilig_thuis and not step.given.with_veilig_thuis and cause:
                yield Violation(step.given.at("answer"), f"{label(trajectory)}: "
                                f"{question_label(step.question)} hoort samen met Veilig Thuis "
                                f"gemaakt te worden (na {question_label(cause.question)}: "
                                f"{cause.given.answer}); nu: niet samen met Veilig Thuis",
                                cause.question.source)
