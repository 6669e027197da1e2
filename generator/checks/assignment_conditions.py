"""toewijzing-voorwaarden: a role is only assigned when a region `toewijzing` for it applies.

E.g. gezinscoaching (Terneuzen/Hulst): voluntary, with the family's consent, several problem
areas, several helpers involved and the children's development at stake.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import CaseContext, Violation, source_of, texts

KIND = "toewijzing-voorwaarden"


def check(case: CaseContext) -> Iterator[Violation]:
    for index, assignment in enumerate(case.data.get("regie") or ()):
        rules = case.region.assignments_for(assignment["rol"])
        if not rules or any(case.holds(rule.get("voorwaarden"), assignment) for rule in rules):
            continue
        closest = min(rules, key=lambda rule: len(case.failed_conditions(
            rule.get("voorwaarden"), assignment)))
        failed = case.failed_conditions(closest.get("voorwaarden"), assignment)
        yield Violation(("regie", index, "rol"),
                        f"{case.region.role_name(assignment['rol'])} toegewezen terwijl niet is "
                        f"voldaan aan: {texts(c['tekst'] for c in failed)}", source_of(closest))
