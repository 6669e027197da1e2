"""CAPACITEIT-TEKORT: per slot, the hours of care that the pattern's staff may not or cannot give.

Identical shortfalls on several days of one dagdeel are one finding that names the days.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from generator.capacity.analysis import DeskAnalysis, SlotShortfall
from generator.capacity.checks.base import Breach
from generator.capacity.money import hours_text
from generator.capacity.week import day_span

KIND = "capaciteit-dekking"
SUBJECT = "zorgloket"


def check(analysis: DeskAnalysis) -> Iterator[Breach]:
    grouped: dict[tuple[object, ...], list[SlotShortfall]] = {}
    for found in analysis.shortfalls(analysis.declared):
        first = found.demands[0].figure
        key = (found.slot.part_index, _details(analysis, found), id(first.document), first.path)
        grouped.setdefault(key, []).append(found)
    for (_, details, _, _), days in sorted(grouped.items(), key=lambda item: (
            item[1][0].slot.part_index, item[1][0].slot.day_index)):
        figure = days[0].demands[0].figure
        part = analysis.week.part_name(days[0].slot).lower()
        span = day_span([found.slot.day for found in days])
        yield Breach(figure.document, figure.path,
                     f"{analysis.desk.name}, {part} ({span}): {details}")


def _details(analysis: DeskAnalysis, found: SlotShortfall) -> str:
    shortfall = found.shortfall
    cares: dict[str, Fraction] = {}
    for entry in found.demands:
        cares[entry.care.name.lower()] = cares.get(entry.care.name.lower(), Fraction(0)) + \
            entry.hours
    asked = ", ".join(f"{name} {hours_text(hours)} uur" for name, hours in cares.items())
    supply = analysis.declared.supply.get(found.slot, {})
    servers = sorted(shortfall.servers, key=lambda f: analysis.municipality.functions.index(f))
    staffed = ", ".join(f"{f.name} {hours_text(Fraction(supply[f], 60))} uur"
                        for f in servers if supply.get(f))
    allowed = ", ".join(f.name for f in servers)
    return (f"tekort {hours_text(shortfall.missing)} uur per dag; zorgvraag "
            f"{hours_text(shortfall.demand)} uur ({asked}), ingeroosterd "
            f"{hours_text(shortfall.supply)} uur"
            f"{f' ({staffed})' if staffed else ''} van de functies die deze zorg mogen geven "
            f"({allowed})")
