"""Helpers for the capacity tests: agreements built from plain data, and an independent referee.

The referee decides whether staff can serve a slot's demand by a max-flow computation written
here from scratch (Edmonds-Karp on exact fractions), not by the Hall groups the code under test
uses, so the tests compare two different arguments for the same answer.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterable, Mapping
from fractions import Fraction
from pathlib import Path
from typing import Any

from generator.capacity.analysis import DeskAnalysis
from generator.findings import Severity
from generator.loader import parse_yaml
from generator.model.capacity import CareKind, Municipality, StaffFunction, build_municipality
from generator.validation import validate_document

REPO = Path(__file__).resolve().parents[2]
REGION = REPO / "regions" / "voorbeeldgemeente"
EXAMPLES = REPO / "examples" / "capaciteit"

SOURCE = {"document": "seed", "sectie": "Zorgloket in de wijk"}
DAY_PARTS = [{"id": "dag", "naam": "Dag", "begin": "07:00", "eind": "23:00"},
             {"id": "nacht", "naam": "Nacht", "begin": "23:00", "eind": "07:00"}]
QUALIFICATIONS = [
    {"id": "verzorging", "naam": "Verzorging", "bron": SOURCE},
    {"id": "verpleging", "naam": "Verpleging", "omvat": ["verzorging"], "bron": SOURCE},
    {"id": "wijkverpleging", "naam": "Wijkverpleging", "omvat": ["verpleging"], "bron": SOURCE},
    {"id": "psychogeriatrie", "naam": "Psychogeriatrie", "specifiek": True, "bron": SOURCE},
]
FUNCTIONS = {
    "wvk": (["wijkverpleging"], ["indiceren"], 70),
    "vpk": (["verpleging"], [], 60),
    "vz": (["verzorging"], [], 50),
    "gvp": (["verzorging", "psychogeriatrie"], [], 55),
}
CARE = {"pv": ("verzorging", None), "vp": ("verpleging", None),
        "pg": ("psychogeriatrie", None), "ind": ("wijkverpleging", "indiceren")}


def agreement(demand: Mapping[str, Mapping[str, float]] | list[dict[str, Any]],
              pattern: list[dict[str, Any]] | None = None, *,
              functions: Mapping[str, tuple[list[str], list[str], float]] = FUNCTIONS,
              budget: float = 10_000_000, day_parts: list[dict[str, str]] | None = None
              ) -> Municipality:
    """A validated one-desk municipality. `demand`: care id -> dagdeel -> hours per week, or
    entries as written in the YAML; `pattern`: shift lines as written in the YAML."""
    entries = demand if isinstance(demand, list) else [
        {"zorgsoort": care, "uren_per_week": dict(hours), "bron": SOURCE}
        for care, hours in demand.items()]
    data = {
        "id": "test", "naam": "Testgemeente", "document": {"titel": "Test"},
        "bronnen": [{"id": "seed", "titel": "Zorgloket in de wijk"}],
        "dagdelen": day_parts or DAY_PARTS, "kwalificaties": QUALIFICATIONS,
        "bevoegdheden": [{"id": "indiceren", "naam": "Indiceren", "bron": SOURCE}],
        "functies": [{"id": f, "naam": f.upper(), "kwalificaties": q, "bevoegdheden": a,
                      "uurtarief": rate, "bron": SOURCE}
                     for f, (q, a, rate) in functions.items()],
        "zorgsoorten": [{"id": c, "naam": c.upper(), "kwalificatie": q, "bron": SOURCE,
                         **({"bevoegdheid": a} if a else {})} for c, (q, a) in CARE.items()],
        "organisaties": [{"id": "org", "naam": "Org", "soort": "zorgaanbieder",
                          "verantwoordelijk_voor": ["w"]}],
        "wijken": [{"id": "w", "naam": "W", "zorgloket": {
            "naam": "Zorgloket W", "aanbieders": ["org"], "bron": SOURCE,
            "budget": {"jaar": 2025, "bedrag": budget, "bron": SOURCE,
                       "flexreserve": {"percentage": 5, "bron": SOURCE}},
            "zorgvraag": entries,
            "basisdienstenpatroon": [{"aanbieder": "org", **line} for line in pattern or []]}}],
    }
    document = parse_yaml(json.dumps(data), "zorgloketten.yaml")
    errors = [f for f in validate_document(document, kind="zorgloketten")
              if f.severity is Severity.ERROR]
    assert errors == [], [f"{f.line} {f.code} {f.message}" for f in errors]
    return build_municipality(document)


def desk(municipality: Municipality) -> DeskAnalysis:
    return DeskAnalysis(municipality, municipality.desks[0])


# --- the referee ---------------------------------------------------------------------------

def max_flow(demand: Mapping[CareKind, Fraction], supply: Mapping[StaffFunction, Fraction]
             ) -> Fraction:
    """Most demand hours the supply can serve, each care only by functions that may give it."""
    cares, functions = list(demand), list(supply)
    source, sink = "s", "t"
    capacity: dict[tuple[object, object], Fraction] = {}
    for care in cares:
        capacity[(source, care)] = demand[care]
        for function in functions:
            if care.may_be_given_by(function):
                capacity[(care, function)] = demand[care]
    for function in functions:
        capacity[(function, sink)] = supply[function]
    nodes: list[object] = [source, *cares, *functions, sink]
    flow = Fraction(0)
    while True:
        parent = _augmenting_path(nodes, capacity, source, sink)
        if parent is None:
            return flow
        path, node = [], sink
        while node != source:
            path.append((parent[node], node))
            node = parent[node]
        step = min(capacity[edge] for edge in path)
        for a, b in path:
            capacity[(a, b)] -= step
            capacity[(b, a)] = capacity.get((b, a), Fraction(0)) + step
        flow += step


def _augmenting_path(nodes: list[object], capacity: dict[tuple[object, object], Fraction],
                     source: object, sink: object) -> dict[object, object] | None:
    parent: dict[object, object] = {source: source}
    queue = deque([source])
    while queue:
        node = queue.popleft()
        for other in nodes:
            if other not in parent and capacity.get((node, other), Fraction(0)) > 0:
                parent[other] = node
                if other == sink:
                    return parent
                queue.append(other)
    return None


Supply = dict[object, dict[StaffFunction, Fraction]]


def supply_of(analysis: DeskAnalysis,
              lines: Iterable[tuple[str, str, str, StaffFunction, int]]) -> Supply:
    """Hours per function in each slot for shift lines (day, start, end, function, count)."""
    supply: Supply = {}
    for day, start, end, function, count in lines:
        for slot, minutes in analysis.week.minutes_per_slot(day, start, end).items():
            per = supply.setdefault(slot, {})
            per[function] = per.get(function, Fraction(0)) + Fraction(minutes * count, 60)
    return supply


def serves(analysis: DeskAnalysis, supply: Supply) -> bool:
    """Whether `supply` serves every slot's demand, by max flow, with someone holding each
    needed authority present."""
    for slot, entries in analysis.demand.items():
        demand: dict[CareKind, Fraction] = {}
        for entry in entries:
            demand[entry.care] = demand.get(entry.care, Fraction(0)) + entry.hours
        here = supply.get(slot, {})
        if sum(here.values(), Fraction(0)) < sum(demand.values()):
            return False
        if max_flow(demand, here) != sum(demand.values()):
            return False
        for care in demand:
            if care.authority and not any(care.authority in f.authorities and hours > 0
                                          for f, hours in here.items()):
                return False
    return True
