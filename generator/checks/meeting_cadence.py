"""overleg-frequentie: case meetings held at the agreed interval (e.g. every 14 days).

Reads `overleggen[].frequentie` (soort interval, dagen). The interval counts from the case's
`start` (or its first meeting) up to its peildatum; a gap that is too long is reported at the
meeting that came too late, or at the last meeting when the next one is overdue.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from generator.checks.base import CaseContext, Data, Violation, parse_date, source_of
from generator.loader import JsonPath

KIND = "overleg-frequentie"


def check(case: CaseContext) -> Iterator[Violation]:
    for meeting_id, meeting in case.region.meetings.items():
        frequency = meeting["frequentie"]
        if frequency["soort"] == "interval":
            yield from _check_meeting(case, meeting_id, meeting, int(frequency["dagen"]))


def _check_meeting(case: CaseContext, meeting_id: str, meeting: Data,
                   days: int) -> Iterator[Violation]:
    held = sorted((date.fromisoformat(entry["datum"]), index)
                  for index, entry in enumerate(case.data.get("overleggen") or ())
                  if entry["overleg"] == meeting_id)
    start = parse_date(case.data.get("start"))
    name = meeting["naam"]
    previous_path: JsonPath | None = ("start",) if start else None
    previous = start
    for held_on, index in held:
        if previous is not None and (held_on - previous).days > days:
            yield Violation(("overleggen", index, "datum"),
                            f"{name} op {held_on.isoformat()} kwam {(held_on - previous).days} "
                            f"dagen na het vorige; afgesproken: elke {days} dagen (uiterlijk "
                            f"{(previous + timedelta(days=days)).isoformat()})", source_of(meeting))
        previous, previous_path = held_on, ("overleggen", index, "datum")
    if previous is not None and previous_path and (case.reference_date - previous).days > days:
        yield Violation(previous_path,
                        f"volgend {name} was uiterlijk "
                        f"{(previous + timedelta(days=days)).isoformat()} (elke {days} dagen); "
                        f"op de peildatum {case.reference_date.isoformat()} niet gehouden",
                        source_of(meeting))
