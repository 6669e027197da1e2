"""The week as a staffing pattern sees it: slots (day, dagdeel) and the minutes a shift gives each.

The pattern repeats every week, so time runs on a cycle of 7 x 24 hours: a Sunday night shift ends
on Monday morning. A dagdeel over midnight (nacht 23:00-07:00) belongs to the day it starts on,
and so does a shift. A shift gives each slot the minutes it overlaps it; a shift from 07:00 to
15:00 gives the ochtend (07:00-12:00) 300 minutes and the middag (12:00-17:00) 180.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from generator.model.capacity import DAY_NAMES, DAYS, DayPart

MINUTES_PER_DAY = 24 * 60
MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY


@lru_cache(maxsize=1024)
def minutes(clock: str) -> int:
    """`07:30` -> 450 (the schema guarantees the form); a week holds only a few clock times."""
    hours, mins = clock.split(":")
    return int(hours) * 60 + int(mins)


def duration(start: str, end: str) -> int:
    """Minutes from `start` to `end`; an end at or before the start is on the next day."""
    length = (minutes(end) - minutes(start)) % MINUTES_PER_DAY
    return length or MINUTES_PER_DAY


@dataclass(frozen=True, order=True)
class Slot:
    """One dagdeel on one weekday: the unit in which demand and capacity are compared."""

    day_index: int
    part_index: int
    day: str
    part: str

    def describe(self, part_name: str) -> str:
        return f"{DAY_NAMES[self.day]} {part_name.lower()}"


@dataclass(frozen=True)
class Week:
    """The slots of a week for a municipality's dagdelen, in order (Monday ochtend first)."""

    parts: tuple[DayPart, ...]

    @property
    def slots(self) -> list[Slot]:
        return [Slot(d, p, day, part.id) for d, day in enumerate(DAYS)
                for p, part in enumerate(self.parts)]

    def slot(self, day: str, part: str) -> Slot:
        d = DAYS.index(day)
        p = next(i for i, candidate in enumerate(self.parts) if candidate.id == part)
        return Slot(d, p, day, part)

    def part_name(self, slot: Slot) -> str:
        return self.parts[slot.part_index].name

    def describe(self, slot: Slot) -> str:
        return slot.describe(self.part_name(slot))

    def minutes_per_slot(self, day: str, start: str, end: str) -> dict[Slot, int]:
        """The minutes a shift on `day` from `start` to `end` gives each slot it overlaps."""
        return dict(_minutes_per_slot(self.parts, day, start, end))


@lru_cache(maxsize=4096)
def _minutes_per_slot(parts: tuple[DayPart, ...], day: str, start: str,
                      end: str) -> tuple[tuple[Slot, int], ...]:
    """Computed once per shape: a pattern repeats the same few shapes on every day."""
    begin = DAYS.index(day) * MINUTES_PER_DAY + minutes(start)
    shift = (begin, begin + duration(start, end))
    given = []
    for d, slot_day in enumerate(DAYS):
        for p, part in enumerate(parts):
            slot_start = d * MINUTES_PER_DAY + minutes(part.start)
            overlap = _cyclic_overlap(shift, (slot_start,
                                              slot_start + duration(part.start, part.end)))
            if overlap:
                given.append((Slot(d, p, slot_day, part.id), overlap))
    return tuple(given)


def _cyclic_overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Minutes two intervals of the weekly cycle share (each shorter than a week)."""
    total = 0
    for shift in (-MINUTES_PER_WEEK, 0, MINUTES_PER_WEEK):
        total += max(0, min(a[1], b[1] + shift) - max(a[0], b[0] + shift))
    return total


def day_span(days: Sequence[str]) -> str:
    """`ma, di, wo, do, vr` -> `ma t/m vr`; every day -> `elke dag`; others listed."""
    ordered = sorted(set(days), key=DAYS.index)
    if len(ordered) == len(DAYS):
        return "elke dag"
    indexes = [DAYS.index(day) for day in ordered]
    if len(ordered) >= 3 and indexes == list(range(indexes[0], indexes[-1] + 1)):
        return f"{ordered[0]} t/m {ordered[-1]}"
    return ", ".join(ordered)


def coverage_gaps(parts: Iterable[DayPart]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Where the dagdelen of a day overlap each other and which minutes of the day no dagdeel
    covers, as (start, end) minute ranges within one day (end may pass midnight)."""
    counts = [0] * MINUTES_PER_DAY
    for part in parts:
        start = minutes(part.start)
        for offset in range(duration(part.start, part.end)):
            counts[(start + offset) % MINUTES_PER_DAY] += 1
    return _ranges(counts, lambda n: n > 1), _ranges(counts, lambda n: n == 0)


def _ranges(counts: list[int], test: Callable[[int], bool]) -> list[tuple[int, int]]:
    """The runs of minutes whose count passes `test`; a run over midnight is one range."""
    ranges: list[tuple[int, int]] = []
    start = None
    for minute, count in enumerate(counts):
        if test(count) and start is None:
            start = minute
        elif not test(count) and start is not None:
            ranges.append((start, minute))
            start = None
    if start is not None:
        ranges.append((start, len(counts)))
    if len(ranges) > 1 and ranges[0][0] == 0 and ranges[-1][1] == len(counts):
        ranges = [(ranges[-1][0], len(counts) + ranges[0][1]), *ranges[1:-1]]
    return ranges


def clock(minute: int) -> str:
    """450 -> `07:30` (minutes past midnight, wrapping)."""
    minute %= MINUTES_PER_DAY
    return f"{minute // 60:02d}:{minute % 60:02d}"
