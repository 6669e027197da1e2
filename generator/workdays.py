"""Working-day arithmetic for reply terms ("binnen 4 werkdagen").

A working day is a weekday that is not a public holiday of the region's country (the `holidays`
library, Dutch names). For the Netherlands 5 May counts as a holiday every year, as the Algemene
termijnenwet (art. 3) counts it; the library only has it in lustrum years. A region adjusts the
set in `werkdagen`: `feestdagen` (NL/BE, default: its `land`), `vijf_mei_elk_jaar`,
`geen_vrije_dag` (holiday names that count as working days, e.g. "Goede vrijdag") and
`extra_vrije_dagen` (extra dates off).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import holidays

from generator.documents.words import MONTHS
from generator.model.region import Region

LIBERATION_DAY_NAME = "Bevrijdingsdag"
BY_LAW = "elk jaar vrij volgens de Algemene termijnenwet"
"""Why 5 May outside lustrum years is a day off: the calendar only has it every fifth year."""


@dataclass(frozen=True)
class DayOff:
    """A weekday that is not a working day, with its name and, where a reader might not expect
    it, why (5 May outside a lustrum year)."""

    day: date
    name: str
    note: str = ""

    def describe(self) -> str:
        """`Bevrijdingsdag 5 mei, elk jaar vrij volgens de Algemene termijnenwet`."""
        text = f"{self.name} {self.day.day} {MONTHS[self.day.month - 1]}"
        return f"{text}, {self.note}" if self.note else text


@dataclass(frozen=True)
class WorkdayCalendar:
    """Which days count as working days in one region."""

    country: str = "NL"
    fifth_of_may_every_year: bool = True
    working_holidays: frozenset[str] = frozenset()
    extra_days_off: frozenset[date] = frozenset()

    def holiday_name(self, day: date) -> str | None:
        """The name of the holiday on `day` that stops it being a working day, or None."""
        off = self.day_off(day)
        return off.name if off is not None else None

    def day_off(self, day: date) -> DayOff | None:
        """The holiday on `day` that stops it being a working day (weekends aside), or None."""
        if day in self.extra_days_off:
            return DayOff(day, "extra vrije dag")
        name, note = _holidays(self.country, day.year).get(day), ""
        if name is None and self.fifth_of_may_every_year and (day.month, day.day) == (5, 5):
            name, note = LIBERATION_DAY_NAME, BY_LAW
        if name is None:
            return None
        names = {part.strip().lower() for part in name.split(";")}
        return None if names <= self.working_holidays else DayOff(day, name, note)

    def holidays_between(self, start: date, end: date) -> list[DayOff]:
        """The holidays on weekdays after `start` up to and including `end`: the days a term
        in working days skips besides weekends."""
        found, day = [], start + timedelta(days=1)
        while day <= end:
            off = self.day_off(day) if day.weekday() < 5 else None
            if off is not None:
                found.append(off)
            day += timedelta(days=1)
        return found

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and self.holiday_name(day) is None

    def add(self, start: date, days: int) -> date:
        """The date `days` working days after `start` (start itself does not count)."""
        if days < 0:
            raise ValueError("days must not be negative")
        current = start
        while days:
            current += timedelta(days=1)
            if self.is_working_day(current):
                days -= 1
        return current

    def count_between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end` (0 if end <= start)."""
        count, current = 0, start
        while current < end:
            current += timedelta(days=1)
            count += self.is_working_day(current)
        return count


@lru_cache(maxsize=256)
def _holidays(country: str, year: int) -> Mapping[date, str]:
    return dict(holidays.country_holidays(country, years=year, language="nl"))


_configured_days_off: frozenset[date] = frozenset()


def set_configured_days_off(days: Iterable[date]) -> None:
    """Extra days off for every region (`extra-holidays` in regiekit.toml), beside the ones a
    region declares; set once per process by the command line (and in each worker)."""
    global _configured_days_off
    if frozenset(days) != _configured_days_off:
        _configured_days_off = frozenset(days)
        calendar_for.cache_clear()


@lru_cache(maxsize=64)
def calendar_for(region: Region) -> WorkdayCalendar:
    """The calendar a region declares in `werkdagen` (defaults: its land, 5 May every year)."""
    settings = region.workdays
    if settings is None:
        return _calendar(region.country, region.country == "NL", frozenset(),
                         _configured_days_off)
    country = settings.holidays_country or region.country
    fifth_of_may = settings.fifth_of_may_every_year
    return _calendar(
        country,
        country == "NL" if fifth_of_may is None else fifth_of_may,
        frozenset(name.strip().lower() for name in settings.working_holidays),
        frozenset(extra.date for extra in settings.extra_days_off) | _configured_days_off,
    )


@lru_cache(maxsize=64)
def _calendar(country: str, fifth_of_may: bool, working: frozenset[str],
              extra: frozenset[date]) -> WorkdayCalendar:
    return WorkdayCalendar(country, fifth_of_may, working, extra)


def add_working_days(region: Region, start: date, days: int) -> date:
    """The date `days` working days after `start` in the region's calendar."""
    return calendar_for(region).add(start, days)


def is_working_day(region: Region, day: date) -> bool:
    return calendar_for(region).is_working_day(day)
