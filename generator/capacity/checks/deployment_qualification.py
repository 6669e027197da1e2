"""INZET-KWALIFICATIE: a deployment by a function that may not give that care is "niet het juiste
personeel": below the care's qualification, without the specific qualification it needs, or
without the authority (indiceren)."""

from __future__ import annotations

from collections.abc import Iterator

from generator.capacity.checks.base import Breach
from generator.model.capacity import CareKind, DeploymentFile, Municipality

KIND = "inzet-kwalificatie"
SUBJECT = "inzet"


def check(deployments: DeploymentFile, municipality: Municipality) -> Iterator[Breach]:
    for deployment in deployments.deployments:
        care, function = deployment.care, deployment.function
        if care is None or function is None or care.may_be_given_by(function):
            continue
        part = deployment.day_part.name.lower() if deployment.day_part else "dagdeel onbekend"
        yield Breach(deployments.document, deployment.at("function"),
                     f"niet het juiste personeel: cliënt {deployment.client} kreeg op "
                     f"{deployment.date.isoformat()} ({part}) {care.name.lower()}, die "
                     f"{_needs(care)} vraagt; ingezet: {function.name}",
                     care.qualification.source)


def _needs(care: CareKind) -> str:
    needs = f"kwalificatie {care.qualification.name.lower()}"
    return needs + (f" en bevoegdheid {care.authority.name.lower()}" if care.authority else "")
