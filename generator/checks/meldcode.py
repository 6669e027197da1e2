"""What the meldcode checks share: the trajectories they can read, and how a message names a
trajectory, a step and a question (by the shared protocol's own names, never text from a case).

The rules themselves are data: protocols/meldcode.yaml says which step records what, which step
may be skipped and on what ground, which answer leads to which action and question, and where a
profile places each question; the check modules only implement the kinds of rule
(meldcode_*.py), so a change in the shared data changes the verdict without a code change.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.model.case import Case, Trajectory, Walked
from generator.model.protocol import Action, Profile, ProtocolStep, Question, SharedProtocol


def followed(case: Case) -> Iterator[tuple[Trajectory, SharedProtocol, Profile]]:
    """Each trajectory that names a shared protocol and one of its profiles (anything else is
    MELDCODE-TRAJECT's or CASUS-VERWIJZING's finding)."""
    for trajectory in case.trajectories:
        shared, profile = trajectory.shared, trajectory.profile
        if shared is not None and profile is not None and profile.protocol is shared:
            yield trajectory, shared, profile


def label(trajectory: Trajectory) -> str:
    """`meldcodetraject 1`: the trajectory by its place in the case."""
    return f"meldcodetraject {trajectory.index + 1}"


def step_label(step: ProtocolStep) -> str:
    """`stap 2 (Collegiale consultatie, zo nodig Veilig Thuis raadplegen)`."""
    return f"stap {step.number} ({step.name})"


def question_label(question: Question) -> str:
    """`afweging 2 (Acute of structurele onveiligheid?)`."""
    return f"afweging {question.number} ({question.short})"


def answers_leading_to(case: Case, kind: str) -> Iterator[tuple[Trajectory, Walked, Action]]:
    """Each answer on a trajectory's path whose branch asks for an action of `kind`."""
    for trajectory, _, _ in followed(case):
        for walked in trajectory.walk.walked:
            action = walked.branch.action
            if action is not None and action.kind == kind:
                yield trajectory, walked, action


def leads_to(trajectory: Trajectory, walked: Walked, action: Action) -> str:
    """`meldcodetraject 1: afweging 4 (Hulp aanvaard?) ja leidt tot: Hulp bieden of
    organiseren`."""
    return (f"{label(trajectory)}: {question_label(walked.question)} {walked.given.answer} "
            f"leidt tot: {action.name}")
