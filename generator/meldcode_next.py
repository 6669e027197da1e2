"""What is due next in a meldcode trajectory, for `regiekit next`.

First what an earlier answer asked for and the case does not show yet (a report to Veilig
Thuis, help), then the question of the afwegingskader the answers lead to, once the step the
profile places it in has been taken (with Veilig Thuis where an earlier answer says so, and by
the help's evaluation date where it follows help), else the first step not taken yet, with the
profile's duties in that step. Everything named comes from the shared protocol; nothing written
in the case is repeated.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model.case import Trajectory
from generator.model.protocol import ActionKind, Profile, Question, SharedProtocol


@dataclass
class MeldcodeDue:
    """Where one meldcode trajectory stands and what is due (`aan de beurt: ...`, or when it
    was closed)."""

    traject: int
    profiel: str
    laatste_stap: int | None
    aan_de_beurt: str
    uiterlijk: str | None = None


def meldcode_due(trajectory: Trajectory, shared: SharedProtocol,
                 profile: Profile) -> MeldcodeDue:
    last = max(trajectory.passed, default=None)
    due = MeldcodeDue(trajectory.index + 1, profile.name, last, "")
    if trajectory.closure is not None:
        due.aan_de_beurt = f"afgesloten op {trajectory.closure.date.isoformat()}"
        return due
    missing, pending = _missing_action(trajectory), trajectory.walk.pending
    if missing:
        due.aan_de_beurt = f"aan de beurt: {missing}"
    elif pending is not None:
        due.aan_de_beurt = "aan de beurt: " + _question_or_step(trajectory, shared, profile,
                                                                 pending, due)
    else:
        due.aan_de_beurt = "het afwegingskader is doorlopen; niets meer aan de beurt"
    return due


def _missing_action(trajectory: Trajectory) -> str:
    """A report, help or closure an answer asked for that the case does not show yet."""
    for walked in trajectory.walk.walked:
        action, given = walked.branch.action, walked.given
        if action is None:
            continue
        reported = trajectory.reported(given.date if action.new_report else None)
        if (action.kind == ActionKind.REPORT and not reported) or action.kind == \
                ActionKind.CLOSE or (action.kind == ActionKind.HELP and
                                     not trajectory.helped(given.date)):
            return f"{action.name} (na afweging {walked.question.number} {given.answer})"
    return ""


def _question_or_step(trajectory: Trajectory, shared: SharedProtocol, profile: Profile,
                      pending: Question, due: MeldcodeDue) -> str:
    walk = trajectory.walk
    step_number = profile.step_of(pending.number)
    if step_number in trajectory.passed:
        together = ", samen met Veilig Thuis" if walk.pending_with_veilig_thuis else ""
        evaluations = [help_.evaluation for help_ in trajectory.help if help_.evaluation]
        if walk.walked and walk.walked[-1].branch.action and \
                walk.walked[-1].branch.action.kind == ActionKind.HELP and evaluations:
            due.uiterlijk = max(evaluations).isoformat()
        return (f"afweging {pending.number} in stap {step_number}{together}: "
                f"{pending.text}")
    step = next((s for s in shared.steps if s.number not in trajectory.passed), None)
    if step is None:
        return f"afweging {pending.number}: {pending.text}"
    duties = [duty.text for duty in profile.duties if duty.step_number == step.number]
    return f"stap {step.number} ({step.name})" + (f"; {' '.join(duties)}" if duties else "")
