"""casus-verwijzingen: every id the case uses exists in its region (or in the case itself).

Reading the case into the model resolves every reference; what named nothing is in
`case.unresolved`, an escalation may name a step its ladder does not have, and a record of a
meeting condition one its step does not have. The other checks skip what does not resolve, so
one typo gives one finding here. Messages never repeat the unknown value (it was written in the
case): the line points at it, and the message lists what the region does define (its names and
ids; the case's own ids are never listed).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain, islice

from generator.checks.base import Violation, should, step_text, texts
from generator.model.case import CASE_REFERABLE, Case, near_problem_area
from generator.model.mapping import Node, Unresolved
from generator.model.region import ProblemArea

KIND = "casus-verwijzingen"
LISTED = 12
"""Most known items a message lists."""


def check(case: Case) -> Iterator[Violation]:
    for unresolved in case.unresolved:
        yield Violation(unresolved.path, _unknown(case, unresolved))
    for event in case.unknown_steps:
        assert event.ladder is not None
        yield Violation(event.at("number"), should(
            "deze stap", f"een stap van '{event.ladder.name}' te zijn", "niet gevonden",
            f"die heeft stap {texts(step.number for step in event.ladder.steps)}"))
    for event in case.escalations_in_order:
        if event.step is None:
            continue
        for record in event.unknown_condition_records:
            known = [f"{condition.id} ({condition.text.rstrip('.')})"
                     for condition in event.step.meeting_conditions]
            yield Violation(record.at("condition_id"), should(
                "deze randvoorwaarde", f"een randvoorwaarde van {step_text(event.step)} te zijn",
                f"niet gevonden; de stap heeft {_listing(known) or 'geen randvoorwaarden'}"),
                event.step.source)


def _unknown(case: Case, unresolved: Unresolved) -> str:
    """`deze verwijzing hoort een rol van de regio te noemen; nu: niet gevonden; de regio kent:
    ...`."""
    if any(target in CASE_REFERABLE for target in unresolved.targets):
        return should("deze verwijzing", f"een {unresolved.noun} uit deze casus te noemen",
                      "niet gevonden")
    if unresolved.targets == (ProblemArea,):
        return _unlike_problem_area(case, unresolved)
    indexes = [case.region.index.get(target, {}) for target in unresolved.targets]
    first = islice(chain.from_iterable(index.values() for index in indexes), LISTED)
    named = [_named(node) for node in first]  # only what is shown: a region may define many
    return should("deze verwijzing", f"een {unresolved.noun} van de regio te noemen",
                  f"niet gevonden; de regio kent: "
                  f"{_listing(named, sum(map(len, indexes))) or 'geen'}")


def _unlike_problem_area(case: Case, unresolved: Unresolved) -> str:
    """A case's own word for a problem area that is nearly one of the region's: a typo."""
    written = case.problem_areas[int(unresolved.path[-1])]
    near = near_problem_area(case.region, written)
    area = case.region.get(ProblemArea, near)
    assert near is not None and area is not None  # the model reported it for being near one
    return should("dit probleemgebied", "gespeld te zijn zoals de regio het noemt, of een "
                  "eigen woord te zijn dat daar niet op lijkt",
                  f"bijna gelijk aan {_named(area)}; bedoelde u '{near}'?")


def _named(node: Node) -> str:
    """`professional van het lokale team (lokaal-team-professional)`."""
    identity = getattr(node, node.IDENTITY)
    name = getattr(node, "name", None)
    return f"{name} ({identity})" if name and name != identity else str(identity)


def _listing(items: list[str], total: int | None = None) -> str:
    """The first LISTED of `items`, and how many there are in all (`total`, else len(items))."""
    total = len(items) if total is None else total
    shown = ", ".join(items[:LISTED])
    return shown + (f", ... ({total} in totaal)" if total > LISTED else "")
