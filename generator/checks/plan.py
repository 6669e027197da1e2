"""plan-gezamenlijk: "1 gezin, 1 plan": a case with a regisseur has one plan, made with the
household, evaluated on the region's cadence where the region sets one.

Reads the region's `plan`: the roles whose assignment calls for a plan (`rollen`), under whose
lead it is made (`opgesteld_door`) and how often it is evaluated (`evaluatie_elke_dagen`).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from generator.checks.base import Violation, actor_text, role_name, role_names, should
from generator.model.case import Case, Plan
from generator.model.region import PlanAgreement

KIND = "plan-gezamenlijk"


def check(case: Case) -> Iterator[Violation]:
    agreement = case.region.plan
    if agreement is None:
        return
    holders = [assignment for assignment in case.assignments
               if assignment.role is not None and assignment.role in agreement.roles]
    if holders and not case.plans:
        first = holders[0]
        yield Violation(first.path, should(
            f"een gezin met een {role_name(first.role)}", f"één {agreement.name} te hebben, "
            "samen met het gezin gemaakt", f"geen {agreement.name} vastgelegd"),
            agreement.source)
    yield from _overlapping(case, agreement)
    for plan in case.plans:
        yield from _with_household(plan, agreement)
        yield from _made_by(case, plan, agreement)
        if agreement.evaluation_days:
            yield from _evaluations(case, plan, agreement, agreement.evaluation_days)


def _overlapping(case: Case, agreement: PlanAgreement) -> Iterator[Violation]:
    plans = sorted(case.plans, key=lambda plan: plan.made_on)
    for earlier, later in zip(plans, plans[1:], strict=False):
        if earlier.active_on(later.made_on):
            yield Violation(later.path, should(
                "een gezin", f"één {agreement.name} tegelijk te hebben",
                f"meer dan één plan vanaf {later.made_on.isoformat()} (het vorige loopt nog; "
                "geef het een einddatum als dit plan het vervangt)"), agreement.source)


def _with_household(plan: Plan, agreement: PlanAgreement) -> Iterator[Violation]:
    if not plan.with_household and plan.resolves("made_with"):
        yield Violation(plan.at("made_with"), should(
            f"het {agreement.name} van {plan.made_on.isoformat()}",
            "samen met het gezin gemaakt te worden", "geen lid van het huishouden erbij"),
            agreement.source)


def _made_by(case: Case, plan: Plan, agreement: PlanAgreement) -> Iterator[Violation]:
    if not agreement.made_by:
        return
    roles = case.actor_roles(plan.made_by, plan.made_on)
    if not roles & set(agreement.made_by):
        where = plan.at("made_by") if plan.made_by else plan.path
        yield Violation(where, should(
            f"het {agreement.name} van {plan.made_on.isoformat()}",
            f"opgesteld te worden onder leiding van de {role_names(agreement.made_by)}",
            actor_text(plan.made_by)), agreement.source)


def _evaluations(case: Case, plan: Plan, agreement: PlanAgreement,
                 days: int) -> Iterator[Violation]:
    until = min(plan.end or case.reference_date, case.reference_date)
    previous, path = plan.made_on, plan.at("made_on")
    subject = f"het {agreement.name} van {plan.made_on.isoformat()}"
    for position, evaluated in sorted(enumerate(plan.evaluations), key=lambda item: item[1]):
        if evaluated > until:
            break
        due = previous + timedelta(days=days)
        if evaluated > due:
            yield Violation(plan.at("evaluations", position), should(
                subject, _evaluated_by(due, days), f"geëvalueerd op {evaluated.isoformat()}"),
                agreement.source)
        previous, path = evaluated, plan.at("evaluations", position)
    due = previous + timedelta(days=days)
    if until > due:
        yield Violation(path, should(subject, _evaluated_by(due, days),
                                     f"niet geëvalueerd op {until.isoformat()}"),
                        agreement.source)


def _evaluated_by(due: date, days: int) -> str:
    return f"uiterlijk {due.isoformat()} geëvalueerd te worden (elke {days} dagen)"
