"""tijdelijke-rol: a role the region deploys only temporarily (empact: the casemanager) is
assigned with the date its work is handed back (`terug_op`, or `tot` once it ended) and to whom
(`terug_aan`): a member of the household, or someone in one of the roles the region names."""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import Violation, should
from generator.documents.words import join_or
from generator.model.case import Case, CaseAssignment, Member
from generator.model.region import Role

KIND = "tijdelijke-rol"


def check(case: Case) -> Iterator[Violation]:
    for assignment in case.assignments:
        role = assignment.role
        if role is None or not role.temporary:
            continue
        subject = f"De toewijzing van de {role.name} vanaf {assignment.start.isoformat()}"
        if assignment.hand_back_on is None and assignment.end is None:
            yield Violation(assignment.at("start"), should(
                subject, "tijdelijk te zijn, met een datum waarop het werk wordt teruggegeven",
                "geen datum vastgelegd"), role.source)
        yield from _handed_back_to(assignment, role, subject)


def _handed_back_to(assignment: CaseAssignment, role: Role, subject: str) -> Iterator[Violation]:
    allowed = join_or([taker.name for taker in role.hands_back_to] +
                      ["iemand uit het huishouden"])
    expected = f"vast te leggen aan wie het werk wordt teruggegeven ({allowed})"
    taker = assignment.hand_back_to
    if taker is None:
        if assignment.resolves("hand_back_to"):  # an unknown id is CASUS-VERWIJZING's finding
            yield Violation(assignment.at("start"), should(subject, expected, "niet vastgelegd"),
                            role.source)
        return
    if not isinstance(taker, Member) or taker.is_household or not role.hands_back_to:
        return
    if taker.role not in role.hands_back_to:
        now = f"aan {taker.describe()}"
        yield Violation(assignment.at("hand_back_to"), should(subject, expected, now),
                        role.source)
