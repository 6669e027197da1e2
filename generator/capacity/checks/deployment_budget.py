"""INZET-BUDGET: what the deployments of a period cost a desk, against its yearly budget pro rata
over that period (a waarschuwing: the flex reserve may be what covers it)."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from fractions import Fraction

from generator.capacity.checks.base import Breach
from generator.capacity.money import euro, exact, rate
from generator.model.capacity import Deployment, DeploymentFile, District, Municipality

KIND = "inzet-budget"
SUBJECT = "inzet"


def check(deployments: DeploymentFile, municipality: Municipality) -> Iterator[Breach]:
    dated = sorted(deployments.deployments, key=lambda d: (d.date, d.path))
    if not dated:
        return
    first, last = dated[0].date, dated[-1].date
    days = (last - first).days + 1
    by_district: dict[District, list[Deployment]] = {}
    for deployment in dated:
        if deployment.district is not None and deployment.function is not None:
            by_district.setdefault(deployment.district, []).append(deployment)
    for district, spent_on in by_district.items():
        budget = district.desk.budget
        year_days = 366 if calendar.isleap(budget.year) else 365
        pro_rata = exact(budget.amount) * days / year_days
        spent = sum((rate(d.function) * exact(d.hours) for d in spent_on), Fraction(0))
        if spent <= pro_rata:
            continue
        yield Breach(deployments.document, spent_on[-1].path,
                     f"{district.desk.name}: de inzet van {first.isoformat()} t/m "
                     f"{last.isoformat()} ({days} dagen) kost {euro(spent)}; het budget naar "
                     f"rato is {euro(pro_rata)} ({days} van {year_days} dagen van "
                     f"{euro(exact(budget.amount))}): {euro(spent - pro_rata)} erboven",
                     budget.source)
