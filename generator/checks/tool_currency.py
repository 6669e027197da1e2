"""hulpmiddel-actualiteit: a tool used in the case was up to date when consulted.

Reads `hulpmiddelen[].actualisatie_maanden` (the overzicht open plekken: monthly). A tool the
region asks no update for (the BelRAI instruments) needs no update date in the case.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import date

from generator.checks.base import Violation, should
from generator.model.case import Case

KIND = "hulpmiddel-actualiteit"


def add_months(day: date, months: int) -> date:
    """The same day `months` later, clipped to the month's last day (31 Jan + 1 = 28/29 Feb)."""
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def check(case: Case) -> Iterator[Violation]:
    for used in case.tools:
        tool = used.tool
        months = tool.refresh_months if tool is not None else None
        if tool is None or not months:
            continue
        period = "een maand" if months == 1 else f"{months} maanden"
        expected = f"bij raadplegen op {used.consulted.isoformat()} hooguit {period} oud te zijn"
        if used.updated is None:
            yield Violation(used.path, should(tool.name, expected,
                                              "niet vastgelegd wanneer het bijgewerkt was"),
                            tool.source)
        elif used.consulted > add_months(used.updated, months):
            yield Violation(used.at("updated"), should(
                tool.name, expected, f"laatst bijgewerkt op {used.updated.isoformat()}"),
                tool.source)
