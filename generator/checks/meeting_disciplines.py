"""overleg-disciplines: a meeting whose region requirements name a minimum of disciplines (the
Flemish MDO: three) has that many different disciplines among its participants. Only the count
is printed, never a discipline the case wrote."""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import Violation, should
from generator.checks.held_meetings import held_label, held_with_requirements
from generator.model.case import Case, HeldMeeting, Member

KIND = "overleg-disciplines"


def check(case: Case) -> Iterator[Violation]:
    for held, meeting, requirements in held_with_requirements(case):
        needed = requirements.disciplines
        found = len(disciplines(held))
        if needed is None or found >= needed:
            continue
        counted = f"{found} discipline" + ("" if found == 1 else "s")
        yield Violation(held.at("participants") if held.participants else held.at("date"),
                        should(held_label(held, meeting),
                               f"minstens {needed} verschillende disciplines te hebben", counted),
                        requirements.source)


def disciplines(held: HeldMeeting) -> set[str]:
    """The different disciplines among the meeting's participants."""
    return {participant.discipline for participant in held.participants
            if isinstance(participant, Member) and participant.discipline}
