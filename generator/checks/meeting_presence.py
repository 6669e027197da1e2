"""overleg-aanwezigheid: where the region requires it (the Flemish MDO), the person takes part
(a member of the household, or the household as a party), or the reason why not is recorded
(a signed statement; free text, never printed)."""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import Violation, should
from generator.checks.held_meetings import held_label, held_with_requirements
from generator.model.case import Case, HeldMeeting, HouseholdMember

KIND = "overleg-aanwezigheid"


def check(case: Case) -> Iterator[Violation]:
    for held, meeting, requirements in held_with_requirements(case):
        if requirements.person_present and not _present(held) and \
                not held.absence_reason.strip():
            yield Violation(held.at("participants") if held.participants else held.at("date"),
                            should(held_label(held, meeting),
                                   "plaats te vinden met de persoon erbij, of met een "
                                   "vastgelegde reden waarom niet",
                                   "de persoon niet aanwezig en geen reden vastgelegd"),
                            requirements.source)


def _present(held: HeldMeeting) -> bool:
    return any(isinstance(participant, HouseholdMember) or participant.is_household
               for participant in held.participants)
