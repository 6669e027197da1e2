"""meldcode-plicht: the extra duties of the professional's profile (KNMG: Veilig Thuis consulted
in step 2, or the reason why not recorded), checked once the trajectory has gone past the step."""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import Violation
from generator.checks.meldcode import followed, label
from generator.model.case import Case, Trajectory
from generator.model.protocol import Duty, DutyKind

KIND = "meldcode-plicht"


def check(case: Case) -> Iterator[Violation]:
    for trajectory, shared, profile in followed(case):
        for duty in profile.duties:
            if duty.kind != DutyKind.CONSULT_VEILIG_THUIS or not _past(trajectory, duty):
                continue
            if _consulted(trajectory, duty.step_number) or _excused(trajectory, duty):
                continue
            step = shared.step(duty.step_number)
            name = f"stap {duty.step_number} ({step.name})" if step else f"stap {duty.step_number}"
            otherwise = ", en er is niet vastgelegd waarom niet" if duty.reason_allowed else ""
            record = trajectory.step(duty.step_number)
            yield Violation(record.at("number") if record else trajectory.at("steps"),
                            f"{label(trajectory)}: profiel {profile.name}: {duty.text} Nu: "
                            f"Veilig Thuis is in {name} niet geraadpleegd{otherwise}",
                            duty.source)


def _past(trajectory: Trajectory, duty: Duty) -> bool:
    """The trajectory has gone past the duty's step (a later step passed, or it was closed)."""
    later = any(number > duty.step_number for number in trajectory.passed)
    return later or trajectory.closure is not None


def _consulted(trajectory: Trajectory, step: int) -> bool:
    return any((consultation.step_number or trajectory.step_at(consultation.date)) == step
               for consultation in trajectory.consultations)


def _excused(trajectory: Trajectory, duty: Duty) -> bool:
    return duty.reason_allowed and any(reason.duty_id == duty.id and reason.reason.strip()
                                       for reason in trajectory.reasons)
