"""toewijzing-stilte: a role assigned in a situation none of the region's rules for it covers.

The seeds are silent there (ZOU names the procesregisseur in the voluntary framework and in the
forced framework for youth, not for adults in the forced framework), so this is a waarschuwing
that names the gap, not a fout. A rule's situation is its conditions that only name the kader
and/or the doelgroep (`Condition.situation_only`).
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import Violation, conditions_text, role_name, situation
from generator.model.case import Case

KIND = "toewijzing-stilte"


def check(case: Case) -> Iterator[Violation]:
    for assignment in case.assignments:
        if assignment.role is None:
            continue  # reported by casus-verwijzingen
        rules = case.region.assignments_for(assignment.role)
        if not rules or any(case.holds(rule.situation, assignment) for rule in rules):
            continue
        covered = "; ".join(conditions_text(rule.situation) for rule in rules)
        yield Violation(assignment.at("role"),
                        f"de afspraken regelen niet wie {role_name(assignment.role)} is bij "
                        f"{situation(case)} (wel bij: {covered})", rules[0].source)
