"""overleg-frequentie: case meetings held at the agreed interval (e.g. every 14 days).

Reads `overleggen[].frequentie` (soort interval, dagen). The interval counts from the case's
`start` (or its first meeting) up to its peildatum; a gap that is too long is reported at the
meeting that came too late, or at the last meeting when the next one is overdue.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from generator.checks.base import Violation, should
from generator.loader import JsonPath
from generator.model.case import Case
from generator.model.region import Frequency, Meeting

KIND = "overleg-frequentie"


def check(case: Case) -> Iterator[Violation]:
    for meeting in case.region.meetings:
        frequency = meeting.frequency
        if frequency.kind == Frequency.INTERVAL and frequency.days is not None:
            yield from _check_meeting(case, meeting, frequency.days)


def _check_meeting(case: Case, meeting: Meeting, days: int) -> Iterator[Violation]:
    held = sorted((entry.date, position, entry.at("date"))
                  for position, entry in enumerate(case.meetings) if entry.meeting is meeting)
    previous = case.start
    previous_path: JsonPath | None = case.at("start") if previous else None
    for held_on, _, path in held:
        if previous is not None and (held_on - previous).days > days:
            yield Violation(path, should(
                f"het {meeting.name}", f"uiterlijk {_due(previous, days)} gehouden te worden",
                f"gehouden op {held_on.isoformat()}, {(held_on - previous).days} dagen na het "
                "vorige", f"elke {days} dagen"), meeting.source)
        previous, previous_path = held_on, path
    if previous is not None and previous_path and (case.reference_date - previous).days > days:
        yield Violation(previous_path, should(
            f"het volgende {meeting.name}", f"uiterlijk {_due(previous, days)} gehouden te worden",
            f"niet gehouden op de peildatum {case.reference_date.isoformat()}",
            f"elke {days} dagen"), meeting.source)


def _due(previous: date, days: int) -> str:
    return (previous + timedelta(days=days)).isoformat()
