"""Who may give which care, the minutes a shift gives each slot, and exact shortfalls."""

from __future__ import annotations

from fractions import Fraction

from capacity_support import agreement, desk, max_flow
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.capacity.coverage import shortfalls
from generator.capacity.week import Week, day_span

FUNCTIONS = ("wvk", "vpk", "vz", "gvp")


def test_qualification_ordering_and_specific_qualification() -> None:
    municipality = agreement({"pv": {"dag": 1}})
    function = {f.id: f for f in municipality.functions}
    care = {c.id: c for c in municipality.care_kinds}
    allowed = {c: sorted(f for f in FUNCTIONS if care[c].may_be_given_by(function[f]))
               for c in care}
    assert allowed == {
        "pv": ["gvp", "vpk", "vz", "wvk"],  # a higher level may give lower-level care
        "vp": ["vpk", "wvk"],               # never the reverse
        "pg": ["gvp"],                      # a specific qualification only by its holder
        "ind": ["wvk"],                     # qualification and authority
    }


def test_a_shift_over_midnight_counts_where_it_overlaps() -> None:
    week = Week(agreement({"pv": {"dag": 1}}).day_parts)  # dag 07-23, nacht 23-07
    given = {(slot.day, slot.part): m for slot, m in week.minutes_per_slot("zo", "21:00",
                                                                           "08:00").items()}
    # Sunday 21:00-23:00 dag, Sunday nacht until Monday 07:00, Monday 07:00-08:00 dag.
    assert given == {("zo", "dag"): 120, ("zo", "nacht"): 480, ("ma", "dag"): 60}


def test_a_shift_starting_after_midnight_belongs_to_the_night_that_began_the_day_before() -> None:
    week = Week(agreement({"pv": {"dag": 1}}).day_parts)
    given = {(slot.day, slot.part): m for slot, m in week.minutes_per_slot("ma", "01:00",
                                                                           "05:00").items()}
    assert given == {("zo", "nacht"): 240}


def test_day_spans_read_as_a_coordinator_writes_them() -> None:
    assert day_span(["ma", "di", "wo", "do", "vr"]) == "ma t/m vr"
    assert day_span(["zo", "za"]) == "za, zo"
    assert day_span(["ma", "di", "wo", "do", "vr", "za", "zo"]) == "elke dag"


HOURS = st.sampled_from([Fraction(0), Fraction(1, 2), Fraction(1), Fraction(5, 2), Fraction(4),
                         Fraction(8)])


@settings(max_examples=150, deadline=None)
@given(demand=st.tuples(HOURS, HOURS, HOURS, HOURS), supply=st.tuples(HOURS, HOURS, HOURS, HOURS))
def test_shortfall_is_exactly_what_max_flow_cannot_serve(
        demand: tuple[Fraction, ...], supply: tuple[Fraction, ...]) -> None:
    analysis = desk(agreement({"pv": {"dag": 1}}))
    care = {c.id: c for c in analysis.municipality.care_kinds}
    function = {f.id: f for f in analysis.municipality.functions}
    asked = {care[c]: hours for c, hours in zip(("pv", "vp", "pg", "ind"), demand, strict=True)}
    given_ = {function[f]: hours for f, hours in zip(FUNCTIONS, supply, strict=True)}
    by_requirement: dict[object, Fraction] = {}
    for kind, hours in asked.items():
        requirement = analysis.requirements[kind]
        by_requirement[requirement] = by_requirement.get(requirement, Fraction(0)) + hours
    found = shortfalls(by_requirement,  # type: ignore[arg-type]
                       {f: int(hours * 60) for f, hours in given_.items()})
    unserved = sum(asked.values()) - max_flow(asked, given_)
    assert sum((s.missing for s in found), Fraction(0)) == unserved
    for part in found:  # each part names care that only its own functions may give
        assert part.missing > 0 and part.demand - part.supply == part.missing
