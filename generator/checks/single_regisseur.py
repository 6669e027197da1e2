"""een-regisseur: one active holder per assigned role per household at any time.

"1 gezin, 1 plan, 1 regisseur": two assignments of the same role (a role the region assigns in
`toewijzingen`) may not overlap in time.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from generator.checks.base import Violation, role_name, should
from generator.model.case import Case, CaseAssignment
from generator.model.region import Assignment, Role

KIND = "een-regisseur"


def check(case: Case) -> Iterator[Violation]:
    rules: dict[Role, Assignment] = {rule.role: rule for rule in case.region.assignments}
    by_role: dict[Role, list[tuple[date, int, CaseAssignment]]] = {}
    for position, assignment in enumerate(case.assignments):
        if assignment.role in rules:
            by_role.setdefault(assignment.role, []).append(
                (assignment.start, position, assignment))
    for role, periods in by_role.items():
        periods.sort(key=lambda period: period[:2])
        active_until, holder = date.min, date.min
        for start, _, assignment in periods:
            if start <= active_until:
                yield Violation(assignment.at("start"), should(
                    "een gezin", f"één actieve {role_name(role)} tegelijk te hebben",
                    f"vanaf {start.isoformat()} een tweede, naast die van "
                    f"{holder.isoformat()}"), rules[role].source)
            end = assignment.end or date.max
            if end > active_until:
                active_until, holder = end, start
