"""Working-day arithmetic: known dates and properties (hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from generator.model.mapping import Builder
from generator.model.region import Region
from generator.regions import load_region
from generator.workdays import add_working_days, calendar_for, is_working_day


def _region(data: dict[str, Any]) -> Region:
    """A region that states only what the calendar reads (its land and `werkdagen`)."""
    return Builder(()).build(Region, data)


NL = _region({"land": "NL"})
BE = _region({"land": "BE"})
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31))
terms = st.integers(min_value=0, max_value=40)


def test_reply_term_over_a_weekend() -> None:
    assert add_working_days(NL, date(2024, 3, 7), 4) == date(2024, 3, 13)


def test_easter_and_kings_day_do_not_count() -> None:
    # Thu 28 Mar 2024 + 4: Good Friday and Easter Monday are off.
    assert add_working_days(NL, date(2024, 3, 28), 4) == date(2024, 4, 5)


def test_fifth_of_may_every_year_in_nl_not_in_be() -> None:
    assert not is_working_day(NL, date(2026, 5, 5))  # not a lustrum year
    assert is_working_day(BE, date(2026, 5, 5))


def test_region_can_count_good_friday_and_add_days_off() -> None:
    region = _region({"land": "NL", "werkdagen": {
        "geen_vrije_dag": ["Goede vrijdag"],
        "extra_vrije_dagen": [{"datum": "2024-03-28", "omschrijving": "studiedag"}]}})
    assert is_working_day(region, date(2024, 3, 29))
    assert not is_working_day(region, date(2024, 3, 28))


def test_fifth_of_may_can_be_switched_off() -> None:
    region = _region({"land": "NL", "werkdagen": {"vijf_mei_elk_jaar": False}})
    assert is_working_day(region, date(2026, 5, 5))


@given(days, terms)
def test_deadline_is_a_working_day_exactly_n_working_days_later(start: date, n: int) -> None:
    calendar = calendar_for(NL)
    deadline = calendar.add(start, n)
    assert calendar.count_between(start, deadline) == n
    if n:
        assert calendar.is_working_day(deadline)
        assert deadline.weekday() < 5 and (deadline.month, deadline.day) != (5, 5)


@given(days, terms)
def test_one_more_day_moves_the_deadline_forward(start: date, n: int) -> None:
    assert add_working_days(NL, start, n + 1) > add_working_days(NL, start, n)


@given(days, terms)
def test_a_term_never_shrinks_below_its_calendar_days(start: date, n: int) -> None:
    assert add_working_days(BE, start, n) >= start + timedelta(days=n)


def test_a_region_model_gives_the_calendar_of_its_country() -> None:
    regions = Path(__file__).resolve().parents[2] / "regions"
    assert calendar_for(load_region("empact", regions)).is_working_day(date(2026, 5, 5))
    assert not calendar_for(load_region("apeldoorn", regions)).is_working_day(date(2026, 5, 5))
