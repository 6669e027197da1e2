"""overleg-voorzitter: a held meeting is led by the region's chair (empact: the MDO by the
zorgcoördinator). Checked where the case records who led it, and required where the region
states requirements for the meeting (`vereisten`)."""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import Violation, should
from generator.checks.held_meetings import held_label, held_of_kind, who
from generator.model.case import Case

KIND = "overleg-voorzitter"


def check(case: Case) -> Iterator[Violation]:
    for held, meeting in held_of_kind(case):
        expected = f"geleid te worden door de {meeting.chair.name}"
        if held.chair is None:
            if meeting.requirements is not None:
                yield Violation(held.at("date"), should(held_label(held, meeting), expected,
                                                       "niet vastgelegd wie het leidde"),
                                meeting.source)
            continue
        roles = case.actor_roles(held.chair, held.date)
        if meeting.chair not in roles:
            yield Violation(held.at("chair"), should(
                held_label(held, meeting), expected,
                f"geleid door {who(case, held.chair, held.date)}"),
                meeting.source)
