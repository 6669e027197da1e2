"""meldcode-hulp: an answer that leads to help (question 4 ja) has help recorded, started on or
after it."""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import Violation
from generator.checks.meldcode import answers_leading_to, leads_to
from generator.model.case import Case
from generator.model.protocol import ActionKind

KIND = "meldcode-hulp"


def check(case: Case) -> Iterator[Violation]:
    for trajectory, walked, action in answers_leading_to(case, ActionKind.HELP):
        given = walked.given
        if not trajectory.helped(given.date):
            yield Violation(given.at("answer"), f"{leads_to(trajectory, walked, action)}; er is "
                            f"geen hulp vastgelegd die op of na {given.date.isoformat()} begon",
                            action.source)
