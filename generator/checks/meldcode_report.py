"""meldcode-melden: an answer that leads to reporting (question 2 ja, 3 or 4 nee) has a report
to Veilig Thuis; one that asks for a new report (question 5 nee) has one on or after its date."""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import Violation
from generator.checks.meldcode import answers_leading_to, leads_to
from generator.model.case import Case
from generator.model.protocol import ActionKind

KIND = "meldcode-melden"


def check(case: Case) -> Iterator[Violation]:
    for trajectory, walked, action in answers_leading_to(case, ActionKind.REPORT):
        given = walked.given
        if not trajectory.reported(given.date if action.new_report else None):
            after = f" op of na {given.date.isoformat()}" if action.new_report else ""
            yield Violation(given.at("answer"), f"{leads_to(trajectory, walked, action)}; er is "
                            f"geen melding{after} vastgelegd", action.source)
