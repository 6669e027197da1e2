"""protocol-signalen: a signal in the case → the protocols the region ties to it, followed and
recorded (e.g. the meldcode at onveiligheid or onvoldoende basiszorg)."""

from __future__ import annotations

from collections.abc import Iterator

from generator.checks.base import CaseContext, Violation, source_of

KIND = "protocol-signalen"


def check(case: CaseContext) -> Iterator[Violation]:
    followed = {entry["protocol"]: (index, entry)
                for index, entry in enumerate(case.data.get("protocollen") or ())}
    for protocol_id, protocol in case.region.protocols.items():
        triggers = [(index, signal) for index, signal in enumerate(case.signals)
                    if signal in (protocol.get("verplicht_bij") or ())]
        if not triggers:
            continue
        index, signal = triggers[0]
        name = protocol.get("naam") or _shared_name(protocol)
        signal_name = case.region.signals.get(signal, {}).get("naam", signal)
        record = followed.get(protocol_id)
        if record is None:
            yield Violation(("signalen", index),
                            f"signaal '{signal_name}': protocol '{name}' is niet "
                            "gevolgd of niet vastgelegd", source_of(protocol))
        elif record[1].get("vastgelegd", True) is False:
            yield Violation(("protocollen", record[0], "vastgelegd"),
                            f"protocol '{name}' is gevolgd maar niet vastgelegd",
                            source_of(protocol))


def _shared_name(protocol: dict[str, str]) -> str:
    """The name of the shared protocol a region's protocol refers to (`gedeeld`)."""
    from generator.shared_protocols import library

    shared = library().get(protocol["gedeeld"])
    return shared.name if shared else protocol["gedeeld"]
