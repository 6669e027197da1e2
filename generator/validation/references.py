"""Every reference resolves: a role, organisation, function, form, ... named by id exists.

Driven by REFERENCES: where a reference stands (a path pattern) and which list(s) it may name.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.loader import YamlDocument
from generator.validation.problems import Problem, describe_path
from generator.validation.walk import ids, matches, parse_pattern

ID = "verwijzingen"
KINDS = ("regio",)

_NOUNS = {
    "rollen": "rol", "organisaties": "organisatie", "functies": "functie",
    "formulieren": "formulier", "hulpmiddelen": "hulpmiddel", "signalen": "signaal",
    "probleemgebieden": "probleemgebied", "bronnen": "brondocument", "definities": "definitie",
}


@dataclass(frozen=True)
class Reference:
    """A place where an id is named, and the list(s) it must be defined in."""

    pattern: str
    targets: tuple[str, ...]


def _ref(pattern: str, *targets: str) -> Reference:
    return Reference(pattern, targets)


_STEP = "ladders[*].stappen[*]"
REFERENCES: tuple[Reference, ...] = (
    _ref("**.bron.document", "bronnen"),
    _ref("**.voorwaarden[*].probleemgebied", "probleemgebieden"),
    _ref("**.voorwaarden[*].signaal", "signalen"),
    _ref("rollen[*].functie", "functies"),
    _ref("rollen[*].organisatie", "organisaties"),
    _ref("rollen[*].ondersteund_door[*]", "rollen"),
    _ref("rollen[*].rapporteert_aan", "rollen"),
    _ref("rollen[*].geschikte_organisaties[*].organisatie", "organisaties"),
    _ref("overleggen[*].functie", "functies"),
    _ref("overleggen[*].voorzitter", "rollen"),
    _ref("overleggen[*].deelnemers[*]", "rollen"),
    _ref("overleggen[*].frequentie.op_verzoek_van", "rollen"),
    _ref("toewijzingen[*].rol", "rollen"),
    _ref("toewijzingen[*].kandidaten[*].rol", "rollen"),
    _ref("toewijzingen[*].alternatieven[*].rol", "rollen"),
    _ref("toewijzingen[*].besluit_door", "rollen"),
    _ref("ladders[*].definitie", "definities"),
    _ref(f"{_STEP}.initiatiefnemers[*]", "rollen"),
    _ref(f"{_STEP}.deelnemers[*]", "rollen"),
    _ref(f"{_STEP}.uitvoerder", "rollen"),
    _ref(f"{_STEP}.hulpmiddel", "hulpmiddelen"),
    _ref(f"{_STEP}.formulier", "formulieren"),
    _ref(f"{_STEP}.vervolg.besluit_door", "rollen"),
    # Tools are kept, filled and used by roles or by whole organisations; both are accepted.
    _ref("hulpmiddelen[*].beheerd_door", "rollen", "organisaties"),
    _ref("hulpmiddelen[*].gevuld_door[*]", "rollen", "organisaties"),
    _ref("hulpmiddelen[*].toegang[*]", "rollen", "organisaties"),
    _ref("protocollen[*].verplicht_bij[*]", "signalen"),
)

_PATTERNS = {reference: parse_pattern(reference.pattern) for reference in REFERENCES}


def check(document: YamlDocument) -> Iterator[Problem]:
    data = document.data
    known = {target: ids(data, target) for target in _NOUNS}
    for reference in REFERENCES:
        for path, value in matches(data, _PATTERNS[reference]):
            if not isinstance(value, str):
                continue  # a wrong type is the schema's finding
            defined = set().union(*(known[target] for target in reference.targets))
            if value not in defined:
                message = _message(value, path, reference, defined)
                yield Problem(path, "VERWIJZING-ONBEKEND", message)


def _message(value: str, path: Any, reference: Reference, defined: set[str]) -> str:
    noun = " of ".join(_NOUNS[target] for target in reference.targets)
    lists = " of ".join(reference.targets)
    message = f"{describe_path(path)}: {noun} '{value}' bestaat niet in {lists}"
    hint = difflib.get_close_matches(value, sorted(defined), n=1)
    if hint:
        return f"{message}; bedoelde u '{hint[0]}'?"
    return f"{message} (bekend: {', '.join(sorted(defined)) or 'geen'})"
