"""levensdoelen: where the region asks for them (empact), the person's life goals are mapped and
recorded by the first meeting of the kind it names (the first MDO). Only dates are printed."""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import Violation, should
from generator.model.case import Case

KIND = "levensdoelen"
SUBJECT = "Het in kaart brengen van de levensdoelen van de persoon"


def check(case: Case) -> Iterator[Violation]:
    agreement = case.region.life_goals
    if agreement is None or agreement.by_meeting is None:
        return
    held = [meeting for meeting in case.meetings if meeting.meeting is agreement.by_meeting]
    if not held:
        return
    first = min(held, key=lambda meeting: meeting.date)
    expected = (f"vastgelegd te zijn uiterlijk bij het eerste {agreement.by_meeting.name} "
                f"({first.date.isoformat()})")
    record = case.life_goals
    if record is None:
        yield Violation(first.at("date"), should(SUBJECT, expected,
                                                 "niet vastgelegd"), agreement.source)
    elif record.recorded > first.date:
        yield Violation(record.at("recorded"), should(
            SUBJECT, expected,
            f"vastgelegd op {record.recorded.isoformat()}"), agreement.source)
