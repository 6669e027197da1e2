"""een-regisseur: one active holder per assigned role per household at any time.

"1 gezin, 1 plan, 1 regisseur": two assignments of the same role (a role the region assigns in
`toewijzingen`) may not overlap in time.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from generator.checks.base import CaseContext, Violation, parse_date, source_of

KIND = "een-regisseur"


def check(case: CaseContext) -> Iterator[Violation]:
    assigned_roles = {rule["rol"]: rule for rule in case.region.assignments}
    by_role: dict[str, list[tuple[date, int, date]]] = {}
    for index, assignment in enumerate(case.data.get("regie") or ()):
        if assignment["rol"] in assigned_roles:
            start = date.fromisoformat(assignment["van"])
            end = parse_date(assignment.get("tot")) or date.max
            by_role.setdefault(assignment["rol"], []).append((start, index, end))
    for role, periods in by_role.items():
        periods.sort()
        active_until, holder = date.min, -1
        for start, index, end in periods:
            if start <= active_until:
                yield Violation(("regie", index, "van"),
                                f"vanaf {start.isoformat()} meer dan één actieve "
                                f"{case.region.role_name(role)} (overlapt met toewijzing "
                                f"{holder + 1} onder regie)", source_of(assigned_roles[role]))
            if end > active_until:
                active_until, holder = end, index
