"""A desk's care demand per slot, from the YAML and from CSV exports, with where each figure is.

A figure is hours of one kind of care in one dagdeel, for the week or for one weekday. Per kind
of care and dagdeel, a day with its own figure gets those hours; the other days share what is
left of the weekly figure evenly (without a weekly figure, the days named are all there is).
Hours are kept as exact fractions, so 108 hours over 5 days is 21 3/5 hours, not a float.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from fractions import Fraction

from generator.capacity.week import Slot, Week
from generator.loader import JsonPath, YamlDocument
from generator.model.capacity import DAYS, WEEK, CareDesk, CareKind, Municipality
from generator.model.region import Source


@dataclass(frozen=True)
class Figure:
    """Hours of `care` in dagdeel `part` for the week (`day` None) or one weekday, and where
    they are written."""

    care: CareKind
    part: str
    day: str | None
    hours: Fraction
    document: YamlDocument
    path: JsonPath
    source: Source | None


def hours(value: float) -> Fraction:
    """A number as written (21.6 is 108/5, not the nearest binary float)."""
    return Fraction(str(value))


def figures(municipality: Municipality, desk: CareDesk) -> Iterator[Figure]:
    """Every demand figure of `desk`: its own YAML entries first, then the CSV rows for it."""
    for entry in desk.demand:
        for part, value in (entry.weekly or {}).items():
            yield Figure(entry.care, part, None, hours(value), municipality.yaml,
                         entry.at("weekly", part), entry.source)
        for day, parts in (entry.per_day or {}).items():
            for part, value in parts.items():
                yield Figure(entry.care, part, day, hours(value), municipality.yaml,
                             entry.at("per_day", day, part), entry.source)
    for table in municipality.demand_rows:
        for row in table.rows:
            if row.district is desk.district:
                yield Figure(row.care, row.day_part.id, None if row.day == WEEK else row.day,
                             hours(row.hours), table.table, row.at("hours"), table.declared.source)


@dataclass
class Series:
    """The figures of one kind of care in one dagdeel: the week's and each day's own."""

    weekly: list[Figure] = field(default_factory=list)
    days: dict[str, list[Figure]] = field(default_factory=dict)

    @property
    def week_total(self) -> Fraction:
        if self.weekly:
            return sum((f.hours for f in self.weekly), Fraction(0))
        return self.days_total

    @property
    def days_total(self) -> Fraction:
        return sum((figures[0].hours for figures in self.days.values()), Fraction(0))

    @property
    def shared_days(self) -> list[str]:
        """The days without their own figure, which share the rest of the week."""
        return [day for day in DAYS if day not in self.days]

    def on(self, day: str) -> tuple[Fraction, Figure]:
        """The hours on `day` and the figure they come from."""
        own = self.days.get(day)
        if own:
            return own[0].hours, own[0]
        shared = self.shared_days
        rest = self.week_total - self.days_total
        return (rest / len(shared) if shared else Fraction(0)), self.weekly[0]


def series(municipality: Municipality, desk: CareDesk) -> dict[tuple[CareKind, str], Series]:
    """The desk's figures grouped by kind of care and dagdeel, in the order first written."""
    grouped: dict[tuple[CareKind, str], Series] = {}
    for figure in figures(municipality, desk):
        entry = grouped.setdefault((figure.care, figure.part), Series())
        if figure.day is None:
            entry.weekly.append(figure)
        else:
            entry.days.setdefault(figure.day, []).append(figure)
    return grouped


@dataclass(frozen=True)
class SlotDemand:
    """Hours of one kind of care in one slot, and the figure they come from."""

    care: CareKind
    hours: Fraction
    figure: Figure


def per_slot(municipality: Municipality, desk: CareDesk,
             week: Week) -> dict[Slot, list[SlotDemand]]:
    """The desk's demand in every slot with demand, per kind of care (positive hours only)."""
    demand: dict[Slot, list[SlotDemand]] = {}
    for (care, part), entry in series(municipality, desk).items():
        if not entry.weekly and not entry.days:
            continue
        for day in DAYS:
            amount, figure = entry.on(day) if entry.weekly or day in entry.days else (
                Fraction(0), None)
            if amount > 0 and figure is not None:
                demand.setdefault(week.slot(day, part), []).append(
                    SlotDemand(care, amount, figure))
    return dict(sorted(demand.items()))
