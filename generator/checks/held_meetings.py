"""What the checks of held meetings share: the case's meetings of a region meeting (with its
requirements, where it has them) and how a message names one (the region's name, the date)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from generator.checks.base import role_name
from generator.model.case import Actor, Case, HeldMeeting
from generator.model.region import Meeting, MeetingRequirements


def held_of_kind(case: Case) -> Iterator[tuple[HeldMeeting, Meeting]]:
    """Each held meeting that is one of the region's meetings."""
    for held in case.meetings:
        if held.meeting is not None:
            yield held, held.meeting


def held_with_requirements(case: Case) -> Iterator[tuple[HeldMeeting, Meeting,
                                                         MeetingRequirements]]:
    """Each held meeting whose region meeting states requirements (`vereisten`)."""
    for held, meeting in held_of_kind(case):
        if meeting.requirements is not None:
            yield held, meeting, meeting.requirements


def who(case: Case, actor: Actor, on: dt.date) -> str:
    """The actor by its roles on `on`, else by the kind of party it is (never a case's text)."""
    roles = case.actor_roles(actor, on)
    if roles:
        return ", ".join(sorted(role_name(role) for role in roles))
    return actor.member.describe() if actor.member is not None else "iemand zonder rol"


def held_label(held: HeldMeeting, meeting: Meeting) -> str:
    """`het multidisciplinair overleg (MDO) van 2024-03-05`."""
    short = f" ({meeting.abbreviation})" if meeting.abbreviation else ""
    return f"het {meeting.name}{short} van {held.date.isoformat()}"
