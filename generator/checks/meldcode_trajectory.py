"""meldcode-traject: a trajectory names what the shared protocol has: a region protocol that
refers to a shared one, a profile of that protocol, its steps, questions, what a step records and
the profile's duties. Messages never repeat the unknown value (it was written in the case): the
line points at it, and the message lists what the shared protocol does define."""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import Violation, texts
from generator.checks.meldcode import label
from generator.model.case import Case, Trajectory
from generator.model.protocol import SharedProtocol

KIND = "meldcode-traject"


def check(case: Case) -> Iterator[Violation]:
    for trajectory in case.trajectories:
        protocol, shared = trajectory.protocol, trajectory.shared
        if protocol is not None and shared is None:
            yield Violation(trajectory.at("protocol"),
                            f"{label(trajectory)}: protocol '{protocol.name}' heeft geen stappen "
                            "en afwegingskader; noem een protocol dat naar een gedeeld protocol "
                            "verwijst (gedeeld: meldcode)", protocol.cited)
        if shared is not None:
            yield from _steps(trajectory, shared)
            yield from _answers(trajectory, shared)
            yield from _reasons(trajectory)


def _steps(trajectory: Trajectory, shared: SharedProtocol) -> Iterator[Violation]:
    for step in trajectory.steps:
        found = shared.step(step.number)
        if found is None:
            yield Violation(step.at("number"), f"{label(trajectory)}: onbekende stap; "
                            f"{shared.name} heeft stap "
                            f"{texts(s.number for s in shared.steps)}", shared.source)
            continue
        known = [item.id for item in found.records]
        for position, item in enumerate(step.recorded):
            if item not in known:
                yield Violation(step.at("recorded", position),
                                f"{label(trajectory)}: onbekend onderdeel; in stap "
                                f"{step.number} wordt vastgelegd: {texts(known) or 'niets'}",
                                found.source)


def _answers(trajectory: Trajectory, shared: SharedProtocol) -> Iterator[Violation]:
    framework = shared.framework
    for answer in trajectory.answers:
        if framework.question(answer.question_number) is None:
            yield Violation(answer.at("question_number"),
                            f"{label(trajectory)}: onbekende afweging; het "
                            f"{framework.name.lower()} heeft afweging "
                            f"{texts(q.number for q in framework.questions)}", framework.source)


def _reasons(trajectory: Trajectory) -> Iterator[Violation]:
    profile = trajectory.profile
    if profile is None:
        return
    duties = [duty.id for duty in profile.duties]
    has = f"de plicht {texts(duties)}" if duties else "geen plichten"
    for reason in trajectory.reasons:
        if reason.duty_id not in duties:
            yield Violation(reason.at("duty_id"), f"{label(trajectory)}: onbekende plicht; "
                            f"profiel '{profile.name}' heeft {has}", profile.source)
