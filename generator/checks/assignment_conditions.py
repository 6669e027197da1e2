"""toewijzing-voorwaarden: a role is only assigned when a region `toewijzing` for it applies.

E.g. gezinscoaching (Terneuzen/Hulst): voluntary, with the family's consent, several problem
areas, several helpers involved and the children's development at stake. Only rules for the
case's situation count: where no rule is for it, the agreement is silent (toewijzing-stilte).
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import Violation, conditions_text, role_name, should
from generator.model.case import Case

KIND = "toewijzing-voorwaarden"


def check(case: Case) -> Iterator[Violation]:
    for assignment in case.assignments:
        if assignment.role is None:
            continue  # reported by casus-verwijzingen
        rules = [rule for rule in case.region.assignments_for(assignment.role)
                 if case.holds(rule.situation, assignment)]
        if not rules or any(case.holds(rule.conditions, assignment) for rule in rules):
            continue
        closest = min(rules, key=lambda rule: len(case.failed_conditions(
            rule.conditions, assignment)))
        failed = case.failed_conditions(closest.conditions, assignment)
        held = len(closest.conditions) - len(failed)
        yield Violation(assignment.at("role"), should(
            f"een {role_name(assignment.role)}", "alleen toegewezen te worden als geldt: "
            f"{conditions_text(failed)}", "daaraan is niet voldaan" +
            (f" (aan de andere {held} voorwaarden wel)" if held > 1 else
             " (aan de andere voorwaarde wel)" if held == 1 else "")), closest.source)
