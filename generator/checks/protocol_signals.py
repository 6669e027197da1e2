"""protocol-signalen: a signal in the case → the protocols the region ties to it, followed and
recorded (e.g. the meldcode at onveiligheid or onvoldoende basiszorg). A trajectory through a
shared protocol (`meldcode:` in the case) records that it is followed; the MELDCODE rules check
its steps."""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import Violation, should
from generator.model.case import Case, FollowedProtocol
from generator.model.region import Protocol

KIND = "protocol-signalen"


def check(case: Case) -> Iterator[Violation]:
    followed = {entry.protocol: entry for entry in case.protocols}  # the last record counts
    walked = {trajectory.protocol for trajectory in case.trajectories}
    for protocol in case.region.protocols:
        if protocol not in walked:  # a meldcode trajectory is its record (MELDCODE-* check it)
            yield from _check_protocol(case, protocol, followed.get(protocol))


def _check_protocol(case: Case, protocol: Protocol,
                    record: FollowedProtocol | None) -> Iterator[Violation]:
    position = next((position for position, signal in enumerate(case.signals)
                     if signal in protocol.required_for), None)
    if position is None:
        return
    name = protocol.name or (protocol.shared.name if protocol.shared else protocol.id)
    signal = case.signals[position].name
    if record is None:
        yield Violation(case.at_item("signals", position), should(
            f"bij het signaal '{signal}'", f"het protocol '{name}' gevolgd en in het dossier "
            "vastgelegd te zijn", "niet vastgelegd dat het is gevolgd"), protocol.cited)
    elif not record.recorded:
        yield Violation(record.at("recorded"), should(
            f"het protocol '{name}'", f"in het dossier vastgelegd te zijn (signaal '{signal}')",
            f"gevolgd op {record.date.isoformat()}, niet vastgelegd"), protocol.cited)
