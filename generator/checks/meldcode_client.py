"""meldcode-melding-client: a report to Veilig Thuis was discussed with the client beforehand,
or the reason why not is recorded (never printed)."""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import Violation
from generator.checks.meldcode import followed, label
from generator.model.case import Case
from generator.model.protocol import ActionKind

KIND = "meldcode-melding-client"


def check(case: Case) -> Iterator[Violation]:
    for trajectory, shared, _ in followed(case):
        for report in trajectory.reports:
            if not report.client_informed and not report.reason.strip():
                yield Violation(report.at("date"), f"{label(trajectory)}: melding op "
                                f"{report.date.isoformat()}: de cliënt is niet vooraf ingelicht "
                                "en er is niet vastgelegd waarom niet",
                                shared.norm_source(ActionKind.REPORT))
