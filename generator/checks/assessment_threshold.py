"""beoordeling-drempel: a screening at or above the region's threshold (the BelRAI Screener) is
followed, on or after its date, by the fuller assessment the threshold names (a full BelRAI).
No threshold is published, so the region sets the value; without one nothing is checked. The
score is never printed."""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import Violation, should
from generator.model.case import Assessment, Case
from generator.model.region import Threshold, Tool

KIND = "beoordeling-drempel"


def check(case: Case) -> Iterator[Violation]:
    for screening in case.assessments:
        tool = screening.tool
        threshold = tool.threshold if tool is not None else None
        if tool is None or threshold is None or threshold.value is None or \
                screening.score is None or screening.score < threshold.value:
            continue
        follow_up = threshold.follow_up
        if follow_up is not None and not _followed(case, screening, follow_up):
            yield Violation(screening.at("date"), should(
                f"De {tool.name} van {screening.date.isoformat()} (score vanaf de drempel "
                f"{_number(threshold)} van de regio)",
                f"gevolgd te worden door {follow_up.name}", "geen vervolgbeoordeling op of na "
                "die datum"), threshold.source)


def _followed(case: Case, screening: Assessment, follow_up: Tool) -> bool:
    return any(other.tool is follow_up and other.date >= screening.date
               for other in case.assessments)


def _number(threshold: Threshold) -> str:
    """The region's threshold in Dutch notation (`2,5`, `3`)."""
    value = threshold.value or 0
    return f"{value:g}".replace(".", ",")
