"""meldcode-afsluiten: an answer that closes the trajectory (question 1 nee; question 5 ja) has a
closure on or after it that records what the action asks (the decision; the arrangements for
following the safety); and a trajectory is not closed while the afwegingskader still has a
question open."""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import Violation
from generator.checks.meldcode import answers_leading_to, followed, label, leads_to, question_label
from generator.model.case import Case, Trajectory, Walked
from generator.model.protocol import Action, ActionKind

KIND = "meldcode-afsluiten"


def check(case: Case) -> Iterator[Violation]:
    for trajectory, walked, action in answers_leading_to(case, ActionKind.CLOSE):
        yield from _closed(trajectory, walked, action)
    for trajectory, shared, _ in followed(case):
        pending, closure = trajectory.walk.pending, trajectory.closure
        if closure is not None and pending is not None and trajectory.answers:
            yield Violation(closure.at("date"), f"{label(trajectory)}: afgesloten op "
                            f"{closure.date.isoformat()} terwijl {question_label(pending)} nog "
                            "openstaat", shared.framework.source)


def _closed(trajectory: Trajectory, walked: Walked, action: Action) -> Iterator[Violation]:
    given, closure = walked.given, trajectory.closure
    cause = leads_to(trajectory, walked, action)
    if closure is None or closure.date < given.date:
        yield Violation(given.at("answer"), f"{cause}; er is geen afsluiting op of na "
                        f"{given.date.isoformat()} vastgelegd", action.source)
        return
    missing = [item.text for item in action.records if item.id not in closure.recorded]
    if missing:
        yield Violation(closure.at("recorded") if closure.recorded else closure.at("date"),
                        f"{cause}; bij de afsluiting niet vastgelegd: {'; '.join(missing)}",
                        action.source)
