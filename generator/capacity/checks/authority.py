"""CAPACITEIT-BEVOEGDHEID: where the demand includes care that needs an authority (indicatie-
stelling), someone who holds it (the wijkverpleegkundige) is in the pattern in that slot."""

from __future__ import annotations

from collections.abc import Iterator

from generator.capacity.analysis import AuthorityGap, DeskAnalysis
from generator.capacity.checks.base import Breach
from generator.capacity.money import hours_text
from generator.capacity.week import day_span

KIND = "capaciteit-bevoegdheid"
SUBJECT = "zorgloket"


def check(analysis: DeskAnalysis) -> Iterator[Breach]:
    grouped: dict[tuple[object, ...], list[AuthorityGap]] = {}
    for gap in analysis.authority_gaps(analysis.declared):
        figure = gap.demands[0].figure
        key = (gap.slot.part_index, gap.authority.id, hours_text(gap.hours),
               id(figure.document), figure.path)
        grouped.setdefault(key, []).append(gap)
    for days in sorted(grouped.values(), key=lambda gaps: (gaps[0].slot.part_index,
                                                           gaps[0].slot.day_index)):
        gap, figure = days[0], days[0].demands[0].figure
        holders = [f.name for f in analysis.municipality.functions
                   if gap.authority in f.authorities]
        cares = ", ".join(dict.fromkeys(d.care.name.lower() for d in gap.demands))
        part = analysis.week.part_name(gap.slot).lower()
        yield Breach(figure.document, figure.path,
                     f"{analysis.desk.name}, {part} ({day_span([g.slot.day for g in days])}): "
                     f"niemand met de bevoegdheid {gap.authority.name.lower()} ingeroosterd, "
                     f"terwijl de zorgvraag {hours_text(gap.hours)} uur {cares} bevat; rooster "
                     f"een functie in die deze bevoegdheid heeft ({', '.join(holders)})",
                     gap.authority.source)
