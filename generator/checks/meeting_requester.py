"""overleg-aanvrager: a meeting held on request (`frequentie.op_verzoek_van`) records who asked
for it, and that is the region's requester (empact: the zorgbemiddelaar). A waarschuwing: general
Flemish practice lets others ask for an MDO too."""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import Violation, should
from generator.checks.held_meetings import held_label, held_of_kind, who
from generator.model.case import Case

KIND = "overleg-aanvrager"


def check(case: Case) -> Iterator[Violation]:
    for held, meeting in held_of_kind(case):
        wanted = meeting.frequency.requested_by
        if wanted is None:
            continue
        expected = f"aangevraagd te worden door de {wanted.name}"
        if held.requested_by is None:
            yield Violation(held.at("date"), should(held_label(held, meeting), expected,
                                                   "niet vastgelegd wie het aanvroeg"),
                            meeting.source)
            continue
        roles = case.actor_roles(held.requested_by, held.date)
        if wanted not in roles:
            yield Violation(held.at("requested_by"), should(
                held_label(held, meeting), expected,
                f"aangevraagd door {who(case, held.requested_by, held.date)}"),
                meeting.source)
