"""Agreements whose next review date (`document.volgende_herziening`) has passed: a warning.

Both kinds of agreement state their document control the same way: a region (`regio.yaml`) and a
municipality's care desks (`zorgloketten.yaml`).

The agreements are not wrong on that day, only due for another look, so this is a waarschuwing
(exit code 0 unless `--strict`): the coordinator reviews them and records a new date.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from generator.findings import Severity
from generator.loader import YamlDocument
from generator.validation.problems import Problem

ID = "herziening"
KINDS = ("regio", "zorgloketten")

CONTROL, REVIEW = "document", "volgende_herziening"
WARNING_CODE = "HERZIENING-VERLOPEN"


def check(document: YamlDocument, *, today: date | None = None) -> Iterator[Problem]:
    review = _review_date(document.data)
    if review is None or review >= (today or date.today()):
        return
    from generator.documents.words import dutch_date

    yield Problem((CONTROL, REVIEW), WARNING_CODE,
                  f"de volgende herziening van deze afspraken stond gepland op "
                  f"{dutch_date(review)}; bekijk de afspraken opnieuw, verhoog de versie en leg "
                  "een nieuwe datum vast", severity=Severity.WARNING)


def _review_date(data: object) -> date | None:
    """The review date, or None when absent or not a date (the schema reports that)."""
    control = data.get(CONTROL) if isinstance(data, dict) else None
    raw = control.get(REVIEW) if isinstance(control, dict) else None
    try:
        return date.fromisoformat(raw) if isinstance(raw, str) else None
    except ValueError:
        return None
