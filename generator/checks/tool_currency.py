"""hulpmiddel-actualiteit: a tool used in the case was up to date when consulted.

Reads `hulpmiddelen[].actualisatie_maanden` (the overzicht open plekken: monthly).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import date

from generator.checks.base import CaseContext, Violation, source_of

KIND = "hulpmiddel-actualiteit"


def add_months(day: date, months: int) -> date:
    """The same day `months` later, clipped to the month's last day (31 Jan + 1 = 28/29 Feb)."""
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def check(case: CaseContext) -> Iterator[Violation]:
    for index, used in enumerate(case.data.get("hulpmiddelen") or ()):
        tool = case.region.tools.get(used["hulpmiddel"])
        months = (tool or {}).get("actualisatie_maanden")
        if not tool or not months:
            continue
        updated = date.fromisoformat(used["bijgewerkt"])
        consulted = date.fromisoformat(used["geraadpleegd"])
        if consulted > add_months(updated, int(months)):
            yield Violation(("hulpmiddelen", index, "bijgewerkt"),
                            f"{tool['naam']} was bij raadplegen op {consulted.isoformat()} "
                            f"ouder dan {months} maand(en): laatst bijgewerkt "
                            f"{updated.isoformat()}", source_of(tool))
