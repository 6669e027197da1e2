"""meldcode-hulp-evaluatie: help has a date on which it is evaluated (question 5: does it lead to
the results needed in time?). No statute sets that date, so its absence is a waarschuwing."""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import Violation
from generator.checks.meldcode import followed, label
from generator.model.case import Case
from generator.model.protocol import ActionKind

KIND = "meldcode-hulp-evaluatie"


def check(case: Case) -> Iterator[Violation]:
    for trajectory, shared, _ in followed(case):
        for help_ in trajectory.help:
            if help_.evaluation is None:
                yield Violation(help_.at("start"), f"{label(trajectory)}: hulp vanaf "
                                f"{help_.start.isoformat()} heeft geen evaluatiedatum; leg vast "
                                "wanneer wordt beoordeeld of de hulp op tijd resultaat heeft",
                                shared.norm_source(ActionKind.HELP))
