"""Semantics of `zorgloketten.yaml` (seed 004): what the schema cannot say.

Checked on the model once the schema is satisfied: every reference resolves; exactly one
responsible organisation per desk; a shift's provider staffs that desk; a shift has a dagdeel or
a begin and end, not both, and is not written twice; the dagdelen cover the day exactly once; the
qualification ordering has no cycle and never includes a specific qualification; every kind of
care has a function that may give it; hourly rates are in whole cents; the flex reserve is a
percentage or an amount.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from generator.capacity.week import clock, coverage_gaps, day_span, duration
from generator.loader import JsonPath, YamlDocument
from generator.model.capacity import (
    CareDesk,
    Municipality,
    Qualification,
    Shift,
    unresolved_in,
)
from generator.model.mapping import Node, Unresolved, fields_of
from generator.validation.problems import Problem
from generator.validation.references import unknown_reference

ID = "zorgloketten"
KINDS = ("zorgloketten",)
NEEDS_VALID_SCHEMA = True


def check(document: YamlDocument) -> Iterator[Problem]:
    municipality, unresolved = unresolved_in(document)
    yield from references(document, municipality, unresolved)
    if unresolved:
        return
    yield from _day_parts(municipality)
    yield from _qualifications(municipality)
    yield from _care_kinds(municipality)
    yield from _rates(municipality)
    for desk in municipality.desks:
        yield from _responsible(municipality, desk)
        yield from _shifts(document, desk)
        yield from _flex(desk)


def references(document: YamlDocument, municipality: Municipality,
               unresolved: list[Unresolved]) -> Iterator[Problem]:
    """Each id that names nothing, with the list it should be in and the closest id."""
    from generator.model.capacity import index_of

    index = index_of(municipality)
    for reference in unresolved:
        value = _value_at(document.data, reference.path)
        if not isinstance(value, str):
            continue
        defined = [identity for target in reference.targets for identity in index.get(target, {})]
        yield unknown_reference(reference.path, value, reference.noun,
                                " of ".join(list_key(target) for target in reference.targets),
                                defined)


def list_key(cls: type[Node]) -> str:
    """The top-level list that defines objects of `cls` (`functies` for a function)."""
    return next(spec.key for spec in fields_of(Municipality) if spec.type is cls)


def _value_at(data: object, path: JsonPath) -> object:
    for part in path:
        if isinstance(data, dict) and isinstance(part, str):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
    return data


def _day_parts(municipality: Municipality) -> Iterator[Problem]:
    overlaps, gaps = coverage_gaps(municipality.day_parts)
    where = municipality.at("day_parts")
    for start, end in overlaps:
        yield Problem(where, "DAGDELEN-OVERLAP",
                      f"dagdelen overlappen van {clock(start)} tot {clock(end)}: die uren tellen "
                      "dubbel; laat elk dagdeel beginnen waar het vorige eindigt")
    for start, end in gaps:
        yield Problem(where, "DAGDELEN-GAT",
                      f"van {clock(start)} tot {clock(end)} valt in geen enkel dagdeel: de "
                      "dagdelen moeten samen precies 24 uur beslaan")


def _qualifications(municipality: Municipality) -> Iterator[Problem]:
    for qualification in municipality.qualifications:
        for position, included in enumerate(qualification.includes):
            if included.specific:
                yield Problem(qualification.at_item("includes", position), "KWALIFICATIE-SPECIFIEK",
                              f"kwalificatie '{qualification.id}' omvat de specifieke "
                              f"kwalificatie '{included.id}': een specifieke kwalificatie wordt "
                              "nooit door een hoger niveau vervangen")
    yield from _cycles(municipality.qualifications)


def _cycles(qualifications: tuple[Qualification, ...]) -> Iterator[Problem]:
    """Each `omvat` that closes a cycle (depth first, in file order)."""
    done: set[Qualification] = set()

    def visit(current: Qualification, trail: list[Qualification]) -> Iterator[Problem]:
        trail.append(current)
        for position, included in enumerate(current.includes):
            if included in trail:
                cycle = [q.id for q in trail[trail.index(included):]] + [included.id]
                yield Problem(current.at_item("includes", position), "KWALIFICATIE-KRING",
                              "de kwalificaties omvatten elkaar in een kring ("
                              f"{' omvat '.join(cycle)}); een hoger niveau omvat alleen lagere")
            elif included not in done:
                yield from visit(included, trail)
        trail.pop()
        done.add(current)

    for qualification in qualifications:
        if qualification not in done:
            yield from visit(qualification, [])


def _care_kinds(municipality: Municipality) -> Iterator[Problem]:
    for care in municipality.care_kinds:
        if not any(care.may_be_given_by(f) for f in municipality.functions):
            needs = f"kwalificatie '{care.qualification.id}'" + (
                f" en bevoegdheid '{care.authority.id}'" if care.authority else "")
            yield Problem(care.at("qualification"), "ZORGSOORT-ONVERVULBAAR",
                          f"geen functie mag {care.name.lower()} geven: geen enkele functie heeft "
                          f"{needs}")


def _rates(municipality: Municipality) -> Iterator[Problem]:
    for function in municipality.functions:
        if (Fraction(str(function.hourly_rate)) * 100).denominator != 1:
            yield Problem(function.at("hourly_rate"), "UURTARIEF-CENTEN",
                          f"uurtarief van {function.name} moet in hele centen (hoogstens twee "
                          "decimalen)")


def _responsible(municipality: Municipality, desk: CareDesk) -> Iterator[Problem]:
    organisations = municipality.responsible_for(desk)
    if not organisations:
        yield Problem(desk.path, "ZORGLOKET-VERANTWOORDELIJKE",
                      f"{desk.name} heeft geen verantwoordelijke organisatie; noem de wijk "
                      f"'{desk.district.id}' bij verantwoordelijk_voor van precies één organisatie")
    first = organisations[0] if organisations else None
    for other in organisations[1:]:
        position = other.responsible_for.index(desk.district)
        yield Problem(other.at_item("responsible_for", position), "ZORGLOKET-VERANTWOORDELIJKE",
                      f"{desk.name} heeft al een verantwoordelijke organisatie "
                      f"({first.name if first else ''}); per zorgloket is precies één organisatie "
                      "verantwoordelijk voor de verdeling van het werk en de inzet van personeel")


def _shifts(document: YamlDocument, desk: CareDesk) -> Iterator[Problem]:
    seen: dict[tuple[object, ...], Shift] = {}
    for shift in desk.pattern:
        if shift.provider not in desk.providers:
            yield Problem(shift.at("provider"), "DIENST-AANBIEDER",
                          f"{shift.provider.name} bemenst {desk.name} niet (aanbieders: "
                          f"{', '.join(p.name for p in desk.providers)}); voeg de aanbieder toe "
                          "aan aanbieders of kies een aanbieder van dit zorgloket")
        problem = _times(shift)
        if problem is not None:
            yield problem
            continue
        identity = (frozenset(shift.days), *shift.times, shift.function, shift.provider)
        first = seen.setdefault(identity, shift)
        if first is not shift:
            yield Problem(shift.path, "DIENST-DUBBEL",
                          f"dienst telt dubbel: {shift.function.name} van {shift.provider.name} "
                          f"{'-'.join(shift.times)} op {day_span(shift.days)} staat al op regel "
                          f"{document.position(first.path).line}; tel ze op in aantal")


def _times(shift: Shift) -> Problem | None:
    has_times = shift.start is not None or shift.end is not None
    if shift.day_part is not None and has_times:
        return Problem(shift.path, "DIENST-TIJD",
                       "geef een dagdeel óf begin en eind, niet allebei")
    if shift.day_part is None and (shift.start is None or shift.end is None):
        return Problem(shift.path, "DIENST-TIJD", "geef een dagdeel, of begin en eind")
    start, end = shift.times
    if duration(start, end) == 24 * 60:
        return Problem(shift.at("end"), "DIENST-TIJD",
                       f"begin en eind zijn gelijk ({start}): een dienst van 24 uur is geen "
                       "dienst in een basisdienstenpatroon")
    return None


def _flex(desk: CareDesk) -> Iterator[Problem]:
    flex = desk.budget.flex
    if (flex.percentage is None) == (flex.amount is None):
        yield Problem(flex.path, "FLEXRESERVE-VORM",
                      "geef de flexreserve als percentage van het budget óf als bedrag per jaar "
                      "(precies één van beide)")
