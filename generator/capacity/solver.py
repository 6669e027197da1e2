"""The minimal basisdienstenpatroon: the cheapest whole-shift pattern that covers the demand.

A mixed-integer programme, solved by HiGHS (`highspy`) to proven optimality:

* a variable x[f, d, s] >= 0, integer, for every function f that may give some of the desk's care,
  every day d and every shift shape s: each dagdeel, and every begin/end shape the declared pattern
  uses (so the declared pattern is always one of the candidates, and the minimum is never dearer
  than a declared pattern that covers the demand);
* minimise the weekly cost: sum of x * minutes(s) * hourly rate(f);
* coverage, for every slot and every closed group G of the requirements with demand in it (see
  `coverage`): the minutes that the functions allowed to serve G work in the slot are at least
  the group's demand in minutes. By Hall's theorem these rows hold exactly when the demand can be
  divided over the staff with the right qualifications, so no flow variables are needed;
* presence: in every slot whose demand needs an authority (indiceren), at least one shift of a
  function holding it.

Shift minutes are whole numbers, so a demand of d minutes is met by ceil(d); costs are scaled to
whole numbers, so an absolute gap below 1 proves optimality. One thread and a fixed seed make the
result the same on every run.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction

from generator.capacity.coverage import Requirement, closed_groups
from generator.capacity.money import rate
from generator.capacity.pattern import Line, Pattern
from generator.capacity.week import Slot, Week, duration
from generator.errors import RegiekitError
from generator.model.capacity import DAYS, Authority, DayPart, StaffFunction

TIME_LIMIT_SECONDS = 120.0


class SolverFailed(RegiekitError):
    """HiGHS did not prove an optimum (time limit or an internal error)."""


@dataclass(frozen=True)
class Problem:
    """What the minimal pattern of one desk must satisfy."""

    week: Week
    functions: tuple[StaffFunction, ...]
    demand: Mapping[Slot, Mapping[Requirement, Fraction]]
    """Hours per requirement in every slot with demand."""
    presence: Mapping[Slot, frozenset[Authority]]
    """Authorities that must be present in a slot."""
    shapes: tuple[tuple[str, str], ...] = ()
    """Begin/end shapes besides the dagdelen (from the declared pattern)."""


@dataclass(frozen=True)
class _Column:
    function: StaffFunction
    day: str
    start: str
    end: str
    part: DayPart | None
    minutes: dict[Slot, int]


def minimal_pattern(problem: Problem) -> Pattern:
    """The cheapest pattern of whole shifts that covers `problem` (proven optimal)."""
    import highspy
    import numpy as np

    columns = _columns(problem)
    rows = list(_rows(problem, columns))
    scale = _cost_scale(columns)
    costs = [float(_cost(column) * scale) for column in columns]
    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = len(columns), len(rows)
    lp.col_cost_ = np.array(costs, dtype=np.float64)
    lp.col_lower_ = np.zeros(len(columns))
    lp.col_upper_ = np.full(len(columns), highspy.kHighsInf)
    lp.row_lower_ = np.array([float(bound) for _, bound in rows], dtype=np.float64)
    lp.row_upper_ = np.full(len(rows), highspy.kHighsInf)
    starts, indexes, values = _colwise(len(columns), rows)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = np.array(starts, dtype=np.int32)
    lp.a_matrix_.index_ = np.array(indexes, dtype=np.int32)
    lp.a_matrix_.value_ = np.array(values, dtype=np.float64)
    lp.integrality_ = [highspy.HighsVarType.kInteger] * len(columns)
    solver = highspy.Highs()
    for option, value in (("output_flag", False), ("threads", 1), ("random_seed", 0),
                          ("mip_rel_gap", 0.0), ("mip_abs_gap", 0.5),
                          ("time_limit", TIME_LIMIT_SECONDS)):
        solver.setOptionValue(option, value)
    solver.passModel(lp)
    solver.run()
    status = solver.getModelStatus()
    if status != highspy.HighsModelStatus.kOptimal:
        raise SolverFailed(f"de solver vond geen bewezen minimaal patroon "
                           f"({solver.modelStatusToString(status)})")
    counts = [round(value) for value in solver.getSolution().col_value]
    return _pattern(problem.week, columns, counts, rows)


def _columns(problem: Problem) -> list[_Column]:
    useful = [f for f in problem.functions
              if any(f in r.servers for demand in problem.demand.values() for r in demand)]
    shapes: dict[tuple[str, str], DayPart | None] = {
        (part.start, part.end): part for part in problem.week.parts}
    for shape in problem.shapes:
        shapes.setdefault(shape, None)
    return [_Column(function, day, start, end, part,
                    problem.week.minutes_per_slot(day, start, end))
            for function in useful for day in DAYS for (start, end), part in shapes.items()]


Row = tuple[dict[int, int], int]
"""Coefficients per column and the lower bound."""


def _rows(problem: Problem, columns: list[_Column]) -> Iterable[Row]:
    working: dict[Slot, list[tuple[int, _Column]]] = {}
    for i, column in enumerate(columns):
        for slot in column.minutes:
            working.setdefault(slot, []).append((i, column))
    for slot, demand in problem.demand.items():
        here = working.get(slot, [])
        present = [requirement for requirement, hours in demand.items() if hours > 0]
        for group in closed_groups(present):
            need = math.ceil(60 * sum((demand[r] for r in group.members), Fraction(0)))
            yield {i: column.minutes[slot] for i, column in here
                   if column.function in group.servers}, need
        for authority in sorted(problem.presence.get(slot, ()), key=lambda a: a.id):
            yield {i: 1 for i, column in here if authority in column.function.authorities}, 1


def _colwise(count: int, rows: list[Row]) -> tuple[list[int], list[int], list[float]]:
    by_column: list[list[tuple[int, int]]] = [[] for _ in range(count)]
    for r, (coefficients, _) in enumerate(rows):
        for column, value in coefficients.items():
            by_column[column].append((r, value))
    starts, indexes, values = [0], [], []
    for entries in by_column:
        for row, value in entries:
            indexes.append(row)
            values.append(float(value))
        starts.append(len(indexes))
    return starts, indexes, values


def _cost(column: _Column) -> Fraction:
    """Weekly cost of one such shift in euros."""
    return rate(column.function) * Fraction(duration(column.start, column.end), 60)


def _cost_scale(columns: list[_Column]) -> int:
    """The smallest factor that makes every shift's cost a whole number."""
    return math.lcm(1, *(_cost(column).denominator for column in columns))


def _pattern(week: Week, columns: list[_Column], counts: list[int], rows: list[Row]) -> Pattern:
    for coefficients, bound in rows:  # integer arithmetic, no solver tolerance
        if sum(value * counts[i] for i, value in coefficients.items()) < bound:
            raise SolverFailed("de solver gaf een patroon dat de zorgvraag niet dekt")
    lines = [Line(column.day, column.start, column.end, column.function, count, column.part)
             for column, count in zip(columns, counts, strict=True) if count > 0]
    lines.sort(key=lambda line: (DAYS.index(line.day), line.start, line.end,
                                 line.function.id))
    return Pattern(tuple(lines), week)
