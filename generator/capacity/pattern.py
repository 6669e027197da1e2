"""A staffing pattern as lines per day, whether declared in the YAML or computed by the solver.

The declared `basisdienstenpatroon` names days, a dagdeel or begin/end, a function, a number and
a provider; here it becomes one `Line` per day, which is also what the solver produces (without a
provider: the regisseur staffs the minimal pattern from the desk's providers).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property

from generator.capacity.money import rate
from generator.capacity.week import Slot, Week, duration
from generator.model.capacity import CareDesk, DayPart, Provider, Shift, StaffFunction


@dataclass(frozen=True)
class Line:
    """`count` staff of `function` on `day` from `start` to `end`."""

    day: str
    start: str
    end: str
    function: StaffFunction
    count: int
    part: DayPart | None = None
    provider: Provider | None = None
    shift: Shift | None = None
    """The declared shift this line comes from."""

    @property
    def start_end(self) -> tuple[str, str]:
        return self.start, self.end

    @property
    def minutes(self) -> int:
        return duration(self.start, self.end) * self.count

    @property
    def weekly_cost(self) -> Fraction:
        return rate(self.function) * Fraction(self.minutes, 60)


def declared_lines(desk: CareDesk) -> list[Line]:
    """The desk's declared pattern, one line per shift and day."""
    return [Line(day, *shift.times, shift.function, shift.count, shift.day_part, shift.provider,
                 shift)
            for shift in desk.pattern for day in shift.days]


@dataclass(frozen=True)
class Pattern:
    """A week's staffing lines and what they give each slot."""

    lines: tuple[Line, ...]
    week: Week

    @cached_property
    def supply(self) -> dict[Slot, dict[StaffFunction, int]]:
        """Minutes per function in every slot the pattern staffs."""
        given: dict[Slot, dict[StaffFunction, int]] = defaultdict(dict)
        for line in self.lines:
            for slot, overlap in self.week.minutes_per_slot(line.day, line.start,
                                                            line.end).items():
                per_function = given[slot]
                per_function[line.function] = per_function.get(line.function, 0) + \
                    overlap * line.count
        return dict(given)

    @cached_property
    def weekly_cost(self) -> Fraction:
        """Exact euros per week: each function's minutes at its rate (summed per function
        first: the figure is asked for again and again, and Fractions are slow)."""
        minutes: dict[StaffFunction, int] = {}
        for line in self.lines:
            minutes[line.function] = minutes.get(line.function, 0) + line.minutes
        return sum((rate(function) * Fraction(total, 60) for function, total in minutes.items()),
                   Fraction(0))

    def hours_per_function(self) -> dict[StaffFunction, Fraction]:
        """Hours per week of each function, in the order functions first appear."""
        totals: dict[StaffFunction, Fraction] = {}
        for line in self.lines:
            totals[line.function] = totals.get(line.function, Fraction(0)) + \
                Fraction(line.minutes, 60)
        return totals

    def cost_per_function(self) -> dict[StaffFunction, Fraction]:
        totals: dict[StaffFunction, Fraction] = {}
        for line in self.lines:
            totals[line.function] = totals.get(line.function, Fraction(0)) + line.weekly_cost
        return totals

    def count_in(self, slot: Slot, functions: Iterable[StaffFunction]) -> int:
        """How many staff of `functions` work in `slot` (any overlap)."""
        wanted = set(functions)
        return sum(line.count for line in self.lines if line.function in wanted and
                   slot in self.week.minutes_per_slot(line.day, line.start, line.end))
