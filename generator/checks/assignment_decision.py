"""toewijzing-besluit: an assignment decided by the role the region names, after what it names.

Reads `toewijzingen[].besluit_door` (Zeeland: the coordinator, or the zorgregisseur, decides with
the chain partners who takes the case) and `besluit_na`: the region's meeting in or after which
it is decided (the casusoverleg, the MDO) and/or the household's plan. The case records who
decided (`besloten_door`), when (`besloten_op`, else the meeting it names, else the start) and in
which meeting (`besloten_in`). Checked for every rule of the region that applies to the case.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from generator.checks.base import Violation, actor_text, phrase, role_name, should
from generator.model.case import Case, CaseAssignment
from generator.model.region import Assignment, DecisionCondition

KIND = "toewijzing-besluit"


def check(case: Case) -> Iterator[Violation]:
    for assignment in case.assignments:
        if assignment.role is None or not assignment.resolves("decided_in"):
            continue  # reported by casus-verwijzingen
        for rule in case.region.assignments_for(assignment.role):
            if case.holds(rule.conditions, assignment):
                yield from _decided_by(case, rule, assignment)
                for condition in rule.decision_conditions:
                    yield from _decided_after(case, rule, condition, assignment)


def _decided_by(case: Case, rule: Assignment, assignment: CaseAssignment) -> Iterator[Violation]:
    decider = rule.decided_by
    if decider is None:
        return
    subject = _who_becomes(assignment)
    expected = f"besloten te worden door {role_name(decider)}"
    actor = assignment.decided_by
    if actor is None:
        yield Violation(assignment.path, should(subject, expected, "niet vastgelegd wie besloot"),
                        rule.source)
    elif decider not in case.actor_roles(actor, assignment.decided_on):
        yield Violation(assignment.at("decided_by"),
                        should(subject, expected, actor_text(actor)), rule.source)


def _decided_after(case: Case, rule: Assignment, condition: DecisionCondition,
                   assignment: CaseAssignment) -> Iterator[Violation]:
    day = assignment.decided_on
    missing = [what for what in (_meeting_missing(case, condition, assignment, day),
                                 _plan_missing(case, condition, day)) if what]
    if missing:
        where = next((assignment.at(attribute) for attribute in ("decided_in", "decided_on_given")
                      if getattr(assignment, attribute) is not None), assignment.path)
        when = phrase(condition.text)
        expected = f"pas besloten te worden {when[4:]}" if when.startswith("pas ") else \
            f"besloten te worden {when}"
        yield Violation(where, should(_who_becomes(assignment), expected,
                                      "; ".join(missing)), rule.source)


def _who_becomes(assignment: CaseAssignment) -> str:
    """`wie casusregisseur wordt`: what is decided (one decides who holds a role)."""
    return f"wie {role_name(assignment.role)} wordt,"


def _meeting_missing(case: Case, condition: DecisionCondition, assignment: CaseAssignment,
                     day: date) -> str:
    meeting = condition.meeting
    if meeting is None:
        return ""
    held_in = assignment.decided_in
    if held_in is not None:
        return "" if held_in.meeting is meeting else \
            f"besloten in een ander overleg dan het {meeting.name}"
    if any(held.meeting is meeting and held.date <= day for held in case.meetings):
        return ""
    return f"geen {meeting.name} op of vóór {day.isoformat()}"


def _plan_missing(case: Case, condition: DecisionCondition, day: date) -> str:
    if not condition.plan or any(plan.made_on <= day for plan in case.plans):
        return ""
    return f"geen plan opgesteld op of vóór {day.isoformat()}"
