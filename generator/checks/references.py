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

from generator.checks.base import Violation, step_text, texts
from generator.model.case import CASE_REFERABLE, Case
from generator.model.mapping import Node, Unresolved

KIND = "casus-verwijzingen"
LISTED = 12
"""Most known items a message lists."""


def check(case: Case) -> Iterator[Violation]:
    for unresolved in case.unresolved:
        yield Violation(unresolved.path, _unknown(case, unresolved))
    for event in case.unknown_steps:
        assert event.ladder is not None
        yield Violation(event.at("number"), f"'{event.ladder.name}' heeft alleen stap "
                        f"{texts(step.number for step in event.ladder.steps)}")
    for event in case.escalations_in_order:
        if event.step is None:
            continue
        for record in event.unknown_condition_records:
            known = [f"{condition.id} ({condition.text.rstrip('.')})"
                     for condition in event.step.meeting_conditions]
            yield Violation(record.at("condition_id"),
                            f"onbekende randvoorwaarde: {step_text(event.step)} heeft alleen "
                            f"{_listing(known) or 'geen randvoorwaarden'}", event.step.source)


def _unknown(case: Case, unresolved: Unresolved) -> str:
    if any(target in CASE_REFERABLE for target in unresolved.targets):
        return f"onbekende {unresolved.noun}: niet gedefinieerd in de casus"
    known = [_named(node) for target in unresolved.targets
             for node in case.region.index.get(target, {}).values()]
    return (f"onbekende {unresolved.noun}: niet gedefinieerd in de regio; bekend: "
            f"{_listing(known) or 'geen'}")


def _named(node: Node) -> str:
    """`professional van het lokale team (lokaal-team-professional)`."""
    identity = getattr(node, node.IDENTITY)
    name = getattr(node, "name", None)
    return f"{name} ({identity})" if name and name != identity else str(identity)


def _listing(items: list[str]) -> str:
    shown = ", ".join(items[:LISTED])
    return shown + (f", ... ({len(items)} in totaal)" if len(items) > LISTED else "")
