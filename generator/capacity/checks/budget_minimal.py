"""BUDGET-ONTOEREIKEND: no pattern that covers the demand fits the budget with the flex reserve;
the finding names the budget the minimal pattern needs, the figure for the negotiation with the
municipality."""

from __future__ import annotations

from collections.abc import Iterator

from generator.capacity.analysis import DeskAnalysis
from generator.capacity.checks.base import Breach
from generator.capacity.money import euro

KIND = "budget-minimaal"
SUBJECT = "zorgloket"


def check(analysis: DeskAnalysis) -> Iterator[Breach]:
    budget, desk = analysis.budget, analysis.desk
    cost = analysis.yearly(analysis.minimal)
    if cost + budget.flex <= budget.granted:
        return
    needed = budget.needed_for(cost)
    yield Breach(analysis.municipality.yaml, desk.budget.at("amount"),
                 f"{desk.name}: geen basisdienstenpatroon dat de zorgvraag dekt past binnen het "
                 f"budget; het minimale patroon kost {euro(cost)} per jaar, met flexreserve "
                 f"({budget.reserve_text()}) {euro(cost + budget.flex)}; nodig is een budget van "
                 f"{euro(needed)}, {euro(needed - budget.granted)} meer dan de toegekende "
                 f"{euro(budget.granted)}",
                 desk.budget.source)
