"""A region refers to the shared protocols instead of copying them.

- A region's own protocol that is a shared one under its own name (its id is the shared id, or
  its name names it: "Meldcode huiselijk geweld ...") is a copy: refer with `gedeeld:` instead.
- A reference (`gedeeld:`) takes name and description from the shared protocol, not its own.
- The profiles a region chooses belong to the protocol it refers to, and only a shared protocol
  has profiles.
- A region that does not refer to a shared protocol of its own country (every Dutch professional
  works under the meldcode) gets a waarschuwing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from generator.findings import Severity
from generator.loader import JsonPath, YamlDocument
from generator.model.protocol import SharedProtocol
from generator.validation.problems import Problem
from generator.validation.walk import records

ID = "gedeelde-protocollen-in-regio"
KINDS = ("regio",)

_LIST = "protocollen"
_OWN_KEYS = ("naam", "omschrijving")


def check(document: YamlDocument) -> Iterator[Problem]:
    from generator.shared_protocols import library

    shared = library()
    data = document.data
    if not isinstance(data, dict):
        return
    referred: set[str] = set()
    for index, protocol in records(data, _LIST):
        path = (_LIST, index)
        target = shared.get(protocol["gedeeld"]) if isinstance(protocol.get("gedeeld"), str) \
            else None
        if target is not None:
            referred.add(target.id)
            yield from _reference(protocol, path, target, shared.profile_ids)
        elif "gedeeld" not in protocol:
            copied = list(_copy(protocol, path, shared.protocols))
            referred.update(shared_id for shared_id, _ in copied)
            yield from (problem for _, problem in copied)
            yield from _profiles_without_reference(protocol, path)
    country = data.get("land")
    if isinstance(country, str):
        yield from _missing(data, referred, shared.for_country(country))


def _copy(protocol: dict[str, Any], path: JsonPath,
          protocols: tuple[SharedProtocol, ...]) -> Iterator[tuple[str, Problem]]:
    """The shared protocol this own protocol copies (one at most), with the problem; a copy is
    not also reported as missing."""
    name = protocol.get("naam")
    for shared in protocols:
        if protocol.get("id") == shared.id or (isinstance(name, str) and _names(name, shared)):
            yield shared.id, Problem(path, "PROTOCOL-KOPIE",
                          f"{_LIST}[{path[-1]}] beschrijft het gedeelde protocol "
                          f"'{shared.name}' zelf; verwijs ernaar met 'gedeeld: {shared.id}' (en "
                          "kies eventueel de profielen) in plaats van het over te nemen")
            return


def _names(name: str, shared: SharedProtocol) -> bool:
    """True when a protocol's name names the shared protocol: its id as a word, or its name."""
    words = re.findall(r"[\w-]+", name.casefold())
    return shared.id.casefold() in words or shared.name.casefold() in name.casefold()


def _reference(protocol: dict[str, Any], path: JsonPath, shared: SharedProtocol,
               known: frozenset[str]) -> Iterator[Problem]:
    """Name and description come from the shared protocol; each profile is one of its own (a
    profile no shared protocol has is VERWIJZING-ONBEKEND)."""
    for key in _OWN_KEYS:
        if key in protocol:
            yield Problem(path + (key,), "PROTOCOL-KOPIE",
                          f"'{key}' komt uit het gedeelde protocol '{shared.name}'; laat het "
                          "hier weg", key=True)
    chosen = protocol.get("profielen")
    own = {profile.id for profile in shared.profiles}
    for position, profile in enumerate(chosen if isinstance(chosen, list) else ()):
        if isinstance(profile, str) and profile in known and profile not in own:
            yield Problem(path + ("profielen", position), "PROTOCOL-PROFIEL",
                          f"profiel '{profile}' hoort niet bij het gedeelde protocol "
                          f"'{shared.name}' (profielen: {', '.join(sorted(own))})")


def _profiles_without_reference(protocol: dict[str, Any], path: JsonPath) -> Iterator[Problem]:
    if "profielen" in protocol:
        yield Problem(path + ("profielen",), "PROTOCOL-PROFIEL",
                      "profielen horen bij een gedeeld protocol; noem dat met 'gedeeld:'",
                      key=True)


def _missing(data: dict[str, Any], referred: set[str],
             protocols: list[SharedProtocol]) -> Iterator[Problem]:
    for shared in protocols:
        if shared.id not in referred:
            yield Problem((_LIST,) if _LIST in data else (), "PROTOCOL-ONTBREEKT",
                          f"de regio verwijst niet naar het gedeelde protocol '{shared.name}' "
                          f"dat voor {shared.country} geldt; voeg toe onder {_LIST}: "
                          f"'- id: {shared.id}', 'gedeeld: {shared.id}' en een bron",
                          severity=Severity.WARNING)
