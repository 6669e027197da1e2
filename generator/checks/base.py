"""What every case check shares: the Violation it yields and how it names the region's objects.

A check reads one case's model (`generator.model.case.Case`, which knows its region) and takes its
parameters from the region (terms, initiators, forms, cadences), never from code. Messages name
only ids, dates, step numbers and names from the REGION, never free text or anything else written
in the case.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from generator.loader import JsonPath
from generator.model.region import Organisation, Role, Source


@dataclass(frozen=True)
class Violation:
    """One breach of a rule at `path` in the case; the runner stamps rule id and severity.

    `source` is the `bron` of the region element the check read, when it has one; otherwise the
    runner names the rule's own source.
    """

    path: JsonPath
    message: str
    source: Source | None = None


def role_name(role: Role | None) -> str:
    return role.name if role is not None else "een onbekende rol"


def role_names(roles: Iterable[Role | None]) -> str:
    return ", ".join(role_name(role) for role in roles)


def organisation_name(organisation: Organisation | None) -> str:
    return organisation.name if organisation is not None else "een onbekende organisatie"


def texts(values: Iterable[object]) -> str:
    return ", ".join(str(value) for value in values)
