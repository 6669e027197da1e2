"""toewijzing-kandidaat: the regisseur (or casemanager, ...) fits the framework.

For each assignment in the case, the region's `toewijzingen` for that role whose conditions hold
(kader, doelgroep, ...) name the candidate roles; another role is allowed only where the region
says `tenzij_anders_afgesproken` and the case records the explicit agreement (and, if the region
lists `alternatieven`, the role is one of them).
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import Violation, role_name, role_names
from generator.model.case import Case, CaseAssignment
from generator.model.mapping import yaml_key
from generator.model.region import Assignment, Candidate, Role

KIND = "toewijzing-kandidaat"


def _fits(case: Case, candidates: tuple[Candidate, ...], role: Role | None,
          assignment: CaseAssignment) -> bool:
    return any(candidate.role is role and case.holds(candidate.conditions, assignment)
               for candidate in candidates)


def check(case: Case) -> Iterator[Violation]:
    for assignment in case.assignments:
        if assignment.member is None or assignment.role is None:
            continue  # reported by casus-verwijzingen
        for rule in case.region.assignments_for(assignment.role):
            if case.holds(rule.conditions, assignment):
                yield from _check_candidate(case, rule, assignment, assignment.member.role)


def _check_candidate(case: Case, rule: Assignment, assignment: CaseAssignment,
                     role: Role | None) -> Iterator[Violation]:
    if _fits(case, rule.candidates, role, assignment):
        return
    alternatives = rule.alternatives
    agreed = assignment.agreed_otherwise
    if rule.unless_agreed_otherwise and agreed and (
            not alternatives or _fits(case, alternatives, role, assignment)):
        return
    expected = role_names(candidate.role for candidate in rule.candidates)
    message = f"{role_name(assignment.role)} is hier {expected}, niet {role_name(role)}"
    if rule.unless_agreed_otherwise and not agreed:
        message += (" (tenzij expliciet anders afgesproken: "
                    f"{yaml_key(CaseAssignment, 'agreed_otherwise')}: true)")
    elif agreed and alternatives:
        message += (" (na afspraak ook: "
                    f"{role_names(alternative.role for alternative in alternatives)})")
    yield Violation(assignment.at("member"), message, rule.source)
