"""BUDGET-OVERSCHRIJDING and BUDGET-ONTOEREIKEND: the yearly cost of a pattern plus the flex
reserve against the budget the municipality granted.

The first is about the declared pattern; the second says that no pattern that covers the demand
fits (the minimal one does not), and which budget it would need: the negotiation's figure.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.capacity.analysis import DeskAnalysis
from generator.capacity.checks.base import Breach
from generator.capacity.money import euro, hours_text

KIND = "budget-patroon"
SUBJECT = "zorgloket"


def check(analysis: DeskAnalysis) -> Iterator[Breach]:
    budget, desk = analysis.budget, analysis.desk
    total = analysis.with_reserve(analysis.declared)
    if total <= budget.granted:
        return
    cost = analysis.yearly(analysis.declared)
    message = (f"{desk.name}: het basisdienstenpatroon kost {euro(cost)} per jaar "
               f"({hours_text(budget.weeks)} weken), met flexreserve "
               f"({budget.reserve_text()}) {euro(total)}; toegekend budget "
               f"{euro(budget.granted)}: overschrijding {euro(total - budget.granted)}")
    minimal = analysis.with_reserve(analysis.minimal)
    if minimal <= budget.granted:
        message += (f"; het minimale basisdienstenpatroon past wel "
                    f"({euro(analysis.yearly(analysis.minimal))}, met flexreserve "
                    f"{euro(minimal)})")
    yield Breach(analysis.municipality.yaml, desk.budget.at("amount"),
                 message, desk.budget.source)
