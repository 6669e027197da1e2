"""toewijzing-voorwaarden: a role is only assigned when a region `toewijzing` for it applies.

E.g. gezinscoaching (Terneuzen/Hulst): voluntary, with the family's consent, several problem
areas, several helpers involved and the children's development at stake.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import Violation, role_name, texts
from generator.model.case import Case

KIND = "toewijzing-voorwaarden"


def check(case: Case) -> Iterator[Violation]:
    for assignment in case.assignments:
        if assignment.role is None:
            continue  # reported by casus-verwijzingen
        rules = case.region.assignments_for(assignment.role)
        if not rules or any(case.holds(rule.conditions, assignment) for rule in rules):
            continue
        closest = min(rules, key=lambda rule: len(case.failed_conditions(
            rule.conditions, assignment)))
        failed = case.failed_conditions(closest.conditions, assignment)
        yield Violation(assignment.at("role"),
                        f"{role_name(assignment.role)} toegewezen terwijl niet is voldaan aan: "
                        f"{texts(c.text for c in failed)}", closest.source)
