"""The minimal basisdienstenpatroon is optimal: a hand-computed optimum, brute force on small
instances (judged by an independent max-flow referee), and never dearer than a declared pattern
that covers the demand."""

from __future__ import annotations

import itertools
from fractions import Fraction
from pathlib import Path

import pytest
from capacity_support import EXAMPLES, REGION, Supply, agreement, desk, serves, supply_of
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from generator.capacity.analysis import DeskAnalysis
from generator.capacity.run import load_municipality
from generator.findings import Result
from generator.model.capacity import DAYS

# Every day: dag 07-23 (16 h), nacht 23-07 (8 h).
HAND = {"pv": {"dag": 140, "nacht": 28}, "vp": {"dag": 70}, "pg": {"dag": 28},
        "ind": {"dag": 14}}


def test_hand_computed_optimum() -> None:
    """Per day 20 h verzorging, 10 h verpleging, 4 h psychogeriatrie, 2 h indicatie by day and
    4 h verzorging at night. Indicatie needs the wijkverpleegkundige (16 h, 70/h), psycho-
    geriatrie the GVP'er (16 h, 55/h); their 28 h left serve 10 h verpleging (the wvk) and 18 of
    the 20 h verzorging, which 36 h of demand in 16 h shifts makes three shifts at least: the
    third is the cheapest that may give verzorging, a verzorgende (50/h). At night one verzorgende
    (8 h). Per day 16*70 + 16*55 + 16*50 + 8*50 = 3200 euro, per week 22,400."""
    analysis = desk(agreement(HAND))
    minimal = analysis.minimal
    assert minimal.weekly_cost == 22_400
    per_day = sorted((line.start, line.function.id, line.count) for line in minimal.lines
                     if line.day == "ma")
    assert per_day == [("07:00", "gvp", 1), ("07:00", "vz", 1), ("07:00", "wvk", 1),
                       ("23:00", "vz", 1)]
    assert analysis.covers(minimal)


def test_a_specific_qualification_is_never_replaced_by_a_higher_level() -> None:
    """Psychogeriatric care only by the GVP'er, although the wijkverpleegkundige is level 5."""
    analysis = desk(agreement({"pg": {"dag": 7}}))
    assert {line.function.id for line in analysis.minimal.lines} == {"gvp"}


def test_a_higher_level_gives_lower_care_when_that_is_cheaper() -> None:
    """2 h verzorging and 1 h verpleging by day: one verpleegkundige (16 h at 60) is cheaper than
    a verzorgende and a verpleegkundige."""
    analysis = desk(agreement({"pv": {"dag": 14}, "vp": {"dag": 7}}))
    assert [(line.function.id, line.count) for line in analysis.minimal.lines] == \
        [("vpk", 1)] * 7


def test_a_declared_shape_is_used_when_it_is_cheaper() -> None:
    """3 h of verzorging a day from 07:00: a declared 07:00-10:00 shift beats a 16 h dagdeel."""
    pattern = [{"dagen": ["ma"], "begin": "07:00", "eind": "10:00", "functie": "vz"}]
    analysis = desk(agreement({"pv": {"dag": 21}}, pattern))
    assert {(line.start, line.end) for line in analysis.minimal.lines} == {("07:00", "10:00")}
    assert analysis.minimal.weekly_cost == 7 * 3 * 50


def test_indicatie_needs_an_authority_holder_even_for_little_demand() -> None:
    analysis = desk(agreement({"ind": {"nacht": 0.5}}))
    assert {line.function.id for line in analysis.minimal.lines} == {"wvk"}
    assert all(line.start == "23:00" for line in analysis.minimal.lines)


SMALL_PARTS = [{"id": "ochtend", "naam": "Ochtend", "begin": "07:00", "eind": "11:00"},
               {"id": "middag", "naam": "Middag", "begin": "11:00", "eind": "15:00"},
               {"id": "rest", "naam": "Rest", "begin": "15:00", "eind": "07:00"}]
RATES = st.sampled_from([40, 47.5, 50, 55, 61.25, 70])
SOME = st.sampled_from([0, 0.5, 1])
MORE = st.sampled_from([0, 0.5, 1, 2.5])
LARGE = st.sampled_from([0, 1, 2.5, 3, 4.5])
QUALIFIED = {"wvk": (["wijkverpleging"], ["indiceren"]), "vpk": (["verpleging"], []),
             "vz": (["verzorging"], []), "gvp": (["verzorging", "psychogeriatrie"], [])}


def _instance(rates: tuple[float, ...], morning: tuple[float, ...], noon: tuple[float, ...],
              extra: bool) -> DeskAnalysis:
    """Demand on Monday morning (four kinds of care) and noon (two) in 4-hour dagdelen,
    optionally with a declared 09:00-13:00 shape."""
    functions = {name: (*QUALIFIED[name], rate)
                 for name, rate in zip(QUALIFIED, rates, strict=True)}
    per_care = {"pv": {"ochtend": morning[0], "middag": noon[0]},
                "vp": {"ochtend": morning[1], "middag": noon[1]},
                "pg": {"ochtend": morning[2]}, "ind": {"ochtend": morning[3]}}
    entries = [{"zorgsoort": care, "per_dag": {"ma": hours},
                "bron": {"document": "seed", "sectie": "x"}}
               for care, hours in per_care.items() if any(hours.values())]
    pattern = [{"dagen": ["di"], "begin": "09:00", "eind": "13:00", "functie": "vz"}] \
        if extra else []
    return desk(agreement(entries, pattern, functions=functions, day_parts=SMALL_PARTS))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rates=st.tuples(RATES, RATES, RATES, RATES),
       morning=st.tuples(LARGE, LARGE, SOME, SOME), noon=st.tuples(LARGE, LARGE))
def test_solver_matches_brute_force(rates: tuple[float, ...], morning: tuple[float, ...],
                                    noon: tuple[float, ...]) -> None:
    """At most 8 hours a slot: an optimum has at most two shifts of a function in a slot (a
    third would give it 12 hours, more than all the demand). Every pattern within that bound
    is tried, cheapest first, and judged by max flow: the first that serves must cost exactly
    what the solver found."""
    assume(0 < sum(morning) <= 8 and sum(noon) <= 8)
    analysis = _instance(rates, morning, noon, extra=False)
    assert analysis.minimal.weekly_cost == _brute_force(analysis, extra=False)
    assert analysis.covers(analysis.minimal)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rates=st.tuples(RATES, RATES, RATES, RATES),
       morning=st.tuples(MORE, SOME, SOME, SOME), noon=st.tuples(SOME, MORE))
def test_solver_matches_brute_force_with_a_declared_shape(
        rates: tuple[float, ...], morning: tuple[float, ...], noon: tuple[float, ...]) -> None:
    """With the 09:00-13:00 shape (two hours in each slot) and at most 4 hours a slot: at most
    one dagdeel shift and two 09:00-13:00 shifts per function in an optimum."""
    assume(0 < sum(morning) <= 4 and sum(noon) <= 4)
    analysis = _instance(rates, morning, noon, extra=True)
    assert analysis.minimal.weekly_cost == _brute_force(analysis, extra=True)
    assert analysis.covers(analysis.minimal)


def test_two_kinds_of_care_never_share_the_same_hours() -> None:
    """3 h verzorging and 3 h verpleging in a 4-hour morning: one verpleegkundige may give both
    but has 4 hours, not 6; the cheapest is a verpleegkundige and a verzorgende."""
    analysis = _instance((70, 60, 50, 55), (3, 3, 0, 0), (0, 0), extra=False)
    assert sorted((line.function.id, line.count) for line in analysis.minimal.lines) == \
        [("vpk", 1), ("vz", 1)]
    assert analysis.minimal.weekly_cost == 4 * 60 + 4 * 50


def _brute_force(analysis: DeskAnalysis, *, extra: bool) -> Fraction:
    bounds = [("07:00", "11:00", 1 if extra else 2), ("11:00", "15:00", 1 if extra else 2)]
    bounds += [("09:00", "13:00", 2)] if extra else []
    columns = [("ma", start, end, function, bound)
               for function in analysis.municipality.functions for start, end, bound in bounds]
    costs = [Fraction(str(f.hourly_rate)) * 4 for _, _, _, f, _ in columns]
    gives = [supply_of(analysis, [(d, s, e, f, 1)]) for d, s, e, f, _ in columns]
    candidates = sorted(
        (sum((c * n for c, n in zip(costs, counts, strict=True)), Fraction(0)), counts)
        for counts in itertools.product(*(range(column[4] + 1) for column in columns)))
    for cost, counts in candidates:
        supply: Supply = {}
        for column_supply, n in zip(gives, counts, strict=True):
            for slot, per in column_supply.items():
                for function, hours in per.items():
                    here = supply.setdefault(slot, {})
                    here[function] = here.get(function, Fraction(0)) + hours * n
        if serves(analysis, supply):
            return cost
    raise AssertionError("no pattern within the bounds serves the demand")


@pytest.mark.parametrize("folder", [REGION, *(EXAMPLES / v for v in (
    "budget-overschrijding", "budget-ontoereikend"))], ids=lambda p: p.name)
def test_minimal_never_dearer_than_a_declared_pattern_that_covers(folder: Path) -> None:
    municipality = load_municipality(folder / "zorgloketten.yaml", Result())
    assert municipality is not None
    for analysis in (DeskAnalysis(municipality, d) for d in municipality.desks):
        assert analysis.covers(analysis.declared)
        assert analysis.covers(analysis.minimal)
        assert analysis.minimal.weekly_cost <= analysis.declared.weekly_cost


def test_the_minimal_pattern_is_the_same_every_run() -> None:
    first = [(line.day, line.start, line.function.id, line.count)
             for line in desk(agreement(HAND)).minimal.lines]
    second = [(line.day, line.start, line.function.id, line.count)
              for line in desk(agreement(HAND)).minimal.lines]
    assert first == second and {day for day, *_ in first} == set(DAYS)
