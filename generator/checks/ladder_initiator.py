"""ladder-initiatief: each escalation step started by a role the region allows to start it."""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import CaseContext, Violation, source_of

KIND = "ladder-initiatief"


def check(case: CaseContext) -> Iterator[Violation]:
    for event in case.escalations():
        if event.step is None:
            continue
        allowed = list(event.step["initiatiefnemers"])
        starter = event.data["gestart_door"]
        if starter.get("betrokkene") and starter["betrokkene"] not in case.members:
            continue  # reported by casus-verwijzingen
        roles = case.actor_roles(starter, event.started)
        if not roles & set(allowed):
            yield Violation(("escalaties", event.index, "gestart_door"),
                            f"stap {event.number} van '{event.data['ladder']}' is gestart door "
                            f"{case.region.role_name(case.actor_role(starter))}; alleen "
                            f"{case.region.role_names(allowed)} mag deze stap starten",
                            source_of(event.step))
