"""escalatie-route: a stuck case is escalated the agreed way.

* a `knelpunt` on a route that is not solved gets an escalation on that route;
* a step that ended without result gets a next step when one applies to the case (for youth in
  ZOU: the regional doorbraakteam);
* a step with `alle_initiatiefnemers` is taken by every initiator (both the regisseur and the
  therapist escalate to their own manager).
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import CaseContext, Violation, source_of, texts

KIND = "escalatie-route"


def check(case: CaseContext) -> Iterator[Violation]:
    yield from _unescalated(case)
    for ladder_id in case.region.ladders:
        yield from _stopped(case, ladder_id)
        yield from _not_all_initiators(case, ladder_id)


def _unescalated(case: CaseContext) -> Iterator[Violation]:
    for index, stuck in enumerate(case.data.get("knelpunten") or ()):
        ladder = case.region.ladders.get(stuck["ladder"])
        if ladder is None or stuck.get("opgelost"):
            continue
        if not any(event.data["datum"] >= stuck["datum"]
                   for event in case.escalations(stuck["ladder"])):
            yield Violation(("knelpunten", index),
                            f"knelpunt van {stuck['datum']} is niet opgeschaald via "
                            f"'{ladder['naam']}'", source_of(ladder))


def _stopped(case: CaseContext, ladder_id: str) -> Iterator[Violation]:
    events = case.escalations(ladder_id)
    for position, event in enumerate(events):
        if event.step is None or event.data.get("uitkomst") != "geen-resultaat":
            continue
        following = case.next_steps(ladder_id, event.step)
        # Which step came next is ladder-volgorde's concern; here only that one came.
        if following and position == len(events) - 1:
            yield Violation(event.path + ("uitkomst",),
                            f"stap {event.number} van '{ladder_id}' bleef zonder resultaat; "
                            f"daarna hoort stap {texts(following)}", source_of(event.step))


def _not_all_initiators(case: CaseContext, ladder_id: str) -> Iterator[Violation]:
    firsts: dict[int, tuple[int, set[str]]] = {}
    for event in case.escalations(ladder_id):
        if event.step is not None and event.step.get("alle_initiatiefnemers"):
            first, roles = firsts.setdefault(event.number, (event.index, set()))
            roles |= case.actor_roles(event.data["gestart_door"], event.started)
    for number, (first, roles) in firsts.items():
        step = case.region.step(ladder_id, number) or {}
        missing = [role for role in step["initiatiefnemers"] if role not in roles]
        if missing:
            yield Violation(("escalaties", first, "gestart_door"),
                            f"stap {number} van '{ladder_id}' zetten alle initiatiefnemers zelf; "
                            f"niet opgeschaald door: {case.region.role_names(missing)}",
                            source_of(step))
