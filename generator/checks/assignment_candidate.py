"""toewijzing-kandidaat: the regisseur (or casemanager, ...) fits the framework.

For each assignment in the case, the region's `toewijzingen` for that role whose conditions hold
(kader, doelgroep, ...) name the candidate roles; another role is allowed only where the region
says `tenzij_anders_afgesproken` and the case records the explicit agreement (and, if the region
lists `alternatieven`, the role is one of them). An external party or the household itself
without a region role is no candidate (unless the region names the role it takes, such as
`ouders`).
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import (
    Violation,
    conditions_text,
    role_name,
    role_names,
    should,
    situation,
)
from generator.model.case import Case, CaseAssignment, Member
from generator.model.region import Assignment, Candidate, Role

KIND = "toewijzing-kandidaat"


def _fits(case: Case, candidates: tuple[Candidate, ...], role: Role | None,
          assignment: CaseAssignment) -> bool:
    return role is not None and any(
        candidate.role is role and case.holds(candidate.conditions, assignment)
        for candidate in candidates)


def check(case: Case) -> Iterator[Violation]:
    for assignment in case.assignments:
        if assignment.member is None or assignment.role is None:
            continue  # reported by casus-verwijzingen
        for rule in case.region.assignments_for(assignment.role):
            if case.holds(rule.conditions, assignment):
                yield from _check_candidate(case, rule, assignment, assignment.member)


def _check_candidate(case: Case, rule: Assignment, assignment: CaseAssignment,
                     holder: Member) -> Iterator[Violation]:
    role = holder.role
    if _fits(case, rule.candidates, role, assignment):
        return
    alternatives = rule.alternatives
    agreed = assignment.agreed_otherwise
    if rule.unless_agreed_otherwise and agreed and (
            not alternatives or _fits(case, alternatives, role, assignment)):
        return
    context = f"kader: {conditions_text(rule.situation) or situation(case)}"
    if rule.unless_agreed_otherwise and not agreed:
        context += "; tenzij expliciet anders afgesproken, en dat staat niet in de casus"
    elif agreed and alternatives:
        context += f"; na afspraak ook: {role_names(alt.role for alt in alternatives)}"
    expected = role_names(candidate.role for candidate in rule.candidates)
    yield Violation(assignment.at("member"),
                    should(role_name(assignment.role), f"{expected} te zijn", holder.describe(),
                           context), rule.source)
