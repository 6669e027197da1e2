"""The explicit registry of semantic check kinds: id -> module.

A check module declares `ID` (its registry key), `KINDS` (the document kinds it applies to:
"regio", "regels", "casus", "protocol", "zorgloketten", "inzet"), optionally `OPTIONS` (name ->
default) and `NEEDS_VALID_SCHEMA` (True: it runs only when the schema found nothing, as it reads
the model), and
`check(document, **options)`, a generator of Problems for one document. A module that compares
documents also defines `check_run(documents)`, yielding (document, Problem) pairs for one run
(given the run's regions folder as `regions_root=` when it declares `NEEDS_REGIONS_ROOT`).
To add a check: write the module, import it below and add it to CHECKS.
"""

from __future__ import annotations

from types import ModuleType

from generator.documents import templates_check
from generator.errors import RegiekitError
from generator.validation import (
    capacity,
    case_parties,
    case_regions,
    demand,
    forms,
    identifiers,
    ladders,
    protocol_use,
    protocols,
    references,
    review,
    texts,
)

CHECKS: dict[str, ModuleType] = {
    references.ID: references,
    identifiers.ID: identifiers,
    ladders.ID: ladders,
    forms.ID: forms,
    review.ID: review,
    texts.ID: texts,
    templates_check.ID: templates_check,
    capacity.ID: capacity,
    demand.ID: demand,
    protocols.ID: protocols,
    protocol_use.ID: protocol_use,
    case_regions.ID: case_regions,
    case_parties.ID: case_parties,
}


class UnknownCheck(RegiekitError):
    """A check id that is not in the registry: a typo in configuration or code."""


def get_check(check_id: str) -> ModuleType:
    """The module registered as `check_id`; fails loudly on an unknown id."""
    try:
        return CHECKS[check_id]
    except KeyError:
        known = ", ".join(sorted(CHECKS))
        raise UnknownCheck(f"onbekende controle '{check_id}' (bekend: {known})") from None


def checks_for(kind: str) -> list[ModuleType]:
    """The registered checks of single documents of `kind` (`check`), in registry order; a
    module may only compare the documents of a run (`check_run`)."""
    return [module for module in CHECKS.values()
            if kind in getattr(module, "KINDS", ()) and hasattr(module, "check")]
