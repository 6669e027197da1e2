"""meldcode-volgorde: a step follows the steps before it: each earlier step was taken (or
skipped) on or before its date; a Veilig Thuis consultation counts for a step the shared
protocol says it counts for (step 2)."""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import Violation
from generator.checks.meldcode import followed, label, step_label
from generator.model.case import Case, Trajectory, TrajectoryStep
from generator.model.protocol import ProtocolStep, SharedProtocol

KIND = "meldcode-volgorde"


def check(case: Case) -> Iterator[Violation]:
    for trajectory, shared, _ in followed(case):
        for record in trajectory.steps:
            step = shared.step(record.number)
            if step is None:
                continue
            earlier = _first_missing(trajectory, shared, record)
            if earlier is not None:
                yield Violation(record.at("date"), _message(trajectory, step, record, earlier),
                                step.source)


def _first_missing(trajectory: Trajectory, shared: SharedProtocol,
                   record: TrajectoryStep) -> ProtocolStep | None:
    for step in shared.steps:
        if step.number >= record.number:
            return None
        passed = trajectory.passed.get(step.number)
        if passed is None or passed > record.date:
            return step
    return None


def _message(trajectory: Trajectory, step: ProtocolStep, record: TrajectoryStep,
             earlier: ProtocolStep) -> str:
    passed = trajectory.passed.get(earlier.number)
    when = f"pas op {passed.isoformat()}" if passed else "niet"
    counts = " (een raadpleging van Veilig Thuis telt ook)" if earlier.veilig_thuis_counts else ""
    return (f"{label(trajectory)}: {step_label(step)} op {record.date.isoformat()}, maar "
            f"{step_label(earlier)} is {when} gezet{counts}")
