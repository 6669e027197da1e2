"""The explicit registry of capacity check kinds: kind id -> module.

Each module declares `KIND`, `SUBJECT` and `check(...) -> Iterator[Breach]`: a "zorgloket" check
takes a DeskAnalysis, an "inzet" check a DeploymentFile and its Municipality. Which rules use a
kind, with what severity and source, is data in rules/capaciteit.yaml; every parameter (tariffs,
demand, budget, qualifications) is read from the region's zorgloketten.yaml.
"""

from __future__ import annotations

from types import ModuleType

from generator.capacity.checks import (
    authority,
    budget,
    budget_minimal,
    deployment_budget,
    deployment_qualification,
    shortfall,
)
from generator.errors import RegiekitError

CHECKS: dict[str, ModuleType] = {
    module.KIND: module
    for module in (shortfall, authority, budget, budget_minimal, deployment_qualification,
                   deployment_budget)
}


class UnknownCapacityCheck(RegiekitError):
    """A rule names a check kind that is not in the registry."""


def get_check(kind: str) -> ModuleType:
    try:
        return CHECKS[kind]
    except KeyError:
        known = ", ".join(sorted(CHECKS))
        raise UnknownCapacityCheck(f"onbekende soort controle '{kind}' in de regelcatalogus "
                                   f"van capaciteit (bekend: {known})") from None
