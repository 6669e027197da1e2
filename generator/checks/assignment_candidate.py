"""toewijzing-kandidaat: the regisseur (or casemanager, ...) fits the framework.

For each assignment in the case, the region's `toewijzingen` for that role whose conditions hold
(kader, doelgroep, ...) name the candidate roles; another role is allowed only where the region
says `tenzij_anders_afgesproken` and the case records the explicit agreement (and, if the region
lists `alternatieven`, the role is one of them).
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import CaseContext, Data, Violation, source_of

KIND = "toewijzing-kandidaat"


def _fits(case: CaseContext, candidates: list[Data], role: str, assignment: Data) -> bool:
    return any(candidate["rol"] == role
               and case.holds(candidate.get("voorwaarden"), assignment)
               for candidate in candidates)


def check(case: CaseContext) -> Iterator[Violation]:
    for index, assignment in enumerate(case.data.get("regie") or ()):
        role = case.actor_role({"betrokkene": assignment["betrokkene"]})
        if role is None:
            continue
        for rule in case.region.assignments_for(assignment["rol"]):
            if case.holds(rule.get("voorwaarden"), assignment):
                yield from _check_candidate(case, rule, index, assignment, role)


def _check_candidate(case: CaseContext, rule: Data, index: int, assignment: Data,
                     role: str) -> Iterator[Violation]:
    if _fits(case, rule["kandidaten"], role, assignment):
        return
    alternatives = rule.get("alternatieven")
    agreed = bool(assignment.get("anders_afgesproken"))
    if rule.get("tenzij_anders_afgesproken") and agreed and (
            not alternatives or _fits(case, alternatives, role, assignment)):
        return
    region = case.region
    expected = region.role_names(candidate["rol"] for candidate in rule["kandidaten"])
    message = (f"{region.role_name(assignment['rol'])} is hier {expected}, "
               f"niet {region.role_name(role)}")
    if rule.get("tenzij_anders_afgesproken") and not agreed:
        message += " (tenzij expliciet anders afgesproken: anders_afgesproken: true)"
    elif agreed and alternatives:
        message += (" (na afspraak ook: "
                    f"{region.role_names(alt['rol'] for alt in alternatives)})")
    yield Violation(("regie", index, "betrokkene"), message, source_of(rule))
