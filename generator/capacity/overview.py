"""`regiekit capaciteit --overzicht`: per desk the declared and the minimal pattern side by side.

Yearly cost, budget with flex reserve, and per function the hours per week in each pattern and
the difference; printed before the findings, in text format only.
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction
from typing import TextIO

from generator.capacity.analysis import DeskAnalysis
from generator.capacity.money import euro, hours_text


def write_overview(desks: Iterable[DeskAnalysis], stream: TextIO) -> None:
    for analysis in desks:
        stream.write("\n".join(overview_lines(analysis)) + "\n\n")


def overview_lines(analysis: DeskAnalysis) -> list[str]:
    """The comparison of one desk as lines of text."""
    budget, declared, minimal = analysis.budget, analysis.declared, analysis.minimal
    declared_cost, minimal_cost = analysis.yearly(declared), analysis.yearly(minimal)
    lines = [
        f"{analysis.desk.name} ({analysis.municipality.id}/{analysis.desk.district.id})",
        f"  budget {euro(budget.granted)}, flexreserve {budget.reserve_text()}; "
        f"voor het patroon {euro(budget.for_pattern)}",
        f"  basisdienstenpatroon {euro(declared_cost)} per jaar",
        f"  minimaal patroon     {euro(minimal_cost)} per jaar "
        f"(verschil {_signed_euro(minimal_cost - declared_cost)}); met flexreserve nodig: "
        f"{euro(budget.needed_for(minimal_cost))}",
        f"  {'uren per week':<22}{'patroon':>10}{'minimaal':>10}{'verschil':>10}",
    ]
    declared_hours = declared.hours_per_function()
    minimal_hours = minimal.hours_per_function()
    for function in analysis.municipality.functions:
        mine, least = declared_hours.get(function, Fraction(0)), minimal_hours.get(function,
                                                                                   Fraction(0))
        if mine or least:
            lines.append(f"  {function.name:<22}{hours_text(mine):>10}{hours_text(least):>10}"
                         f"{_signed(least - mine):>10}")
    return lines


def _signed(value: Fraction) -> str:
    return ("+" if value > 0 else "") + hours_text(value)


def _signed_euro(value: Fraction) -> str:
    text = euro(value)
    return text if value < 0 else text.replace("€ ", "€ +", 1) if value > 0 else text
