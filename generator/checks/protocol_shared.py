"""protocol-uitgewerkt: a protocol the region has worked out per case and shared (the rode knop
procedure, known within the care team) is, once the case has members in those roles, worked out
on a date and shared with each of them. Only counts and the region's names are printed."""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import Violation, should
from generator.documents.words import join_or
from generator.model.case import Case, Member, WorkedOutProtocol
from generator.model.region import Protocol

KIND = "protocol-uitgewerkt"


def check(case: Case) -> Iterator[Violation]:
    for protocol in case.region.protocols:
        if not protocol.shared_with:
            continue
        team = [member for member in case.members if member.role in protocol.shared_with]
        if team:
            yield from _check(case, protocol, team)


def _check(case: Case, protocol: Protocol, team: list[Member]) -> Iterator[Violation]:
    expected = (f"uitgewerkt te zijn en gedeeld met iedere betrokkene als "
                f"{join_or([role.name for role in protocol.shared_with])} ({len(team)} in "
                "deze casus)")
    records = [record for record in case.worked_out if record.protocol is protocol]
    if not records:
        yield Violation(team[0].at("role"), should(f"De {protocol.name}", expected,
                                                   "niet uitgewerkt"), protocol.cited)
        return
    latest = max(records, key=lambda record: record.date)
    missing = [member for member in team if member not in _shared(records)]
    if missing:
        yield Violation(latest.at("shared_with"), should(
            f"De {protocol.name}", expected,
            f"niet gedeeld met {len(missing)} van hen"), protocol.cited)


def _shared(records: list[WorkedOutProtocol]) -> set[Member]:
    return {member for record in records for member in record.shared_with}
