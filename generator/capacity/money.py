"""Costs and budgets in exact arithmetic, and amounts and hours written the Dutch way.

Every amount is a Fraction of euros until it is shown: `€ 1.234.567` (whole euros, rounded half
up) and hours as `21,6` (at most two decimals, no trailing zeros).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from fractions import Fraction
from functools import cache

from generator.model.capacity import Budget, StaffFunction


@cache
def exact(value: float) -> Fraction:
    """A number as written in the YAML (61.4 is 307/5); parsed once per value."""
    return Fraction(str(value))


def rate(function: StaffFunction) -> Fraction:
    """Euros per hour."""
    return exact(function.hourly_rate)


def cents_per_hour(function: StaffFunction) -> Fraction:
    return rate(function) * 100


def euro(amount: Fraction) -> str:
    """`€ 1.234.567`: whole euros, rounded half up, with a point between thousands."""
    whole = _decimal(amount).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    sign = "-" if whole < 0 else ""
    return f"€ {sign}{abs(int(whole)):,}".replace(",", ".")


def hours_text(value: Fraction) -> str:
    """`21,6`, `3,33`, `6`: at most two decimals, a decimal comma."""
    rounded = _decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    text = f"{rounded:f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if text not in ("", "-0") else "0"


def percentage_text(value: Fraction) -> str:
    return f"{hours_text(value)}%"


def round_up_to_euro(amount: Fraction) -> Fraction:
    return Fraction(int(_decimal(amount).quantize(Decimal(1), rounding=ROUND_CEILING)))


def _decimal(value: Fraction) -> Decimal:
    return Decimal(value.numerator) / Decimal(value.denominator)


@dataclass(frozen=True)
class BudgetView:
    """A desk's yearly budget split into room for the pattern and the flex reserve."""

    budget: Budget

    @property
    def granted(self) -> Fraction:
        return exact(self.budget.amount)

    @property
    def weeks(self) -> Fraction:
        return exact(self.budget.weeks_per_year)

    @property
    def flex_percentage(self) -> Fraction | None:
        flex = self.budget.flex
        return exact(flex.percentage) if flex.percentage is not None else None

    @property
    def flex(self) -> Fraction:
        """The reserve in euros per year."""
        share = self.flex_percentage
        if share is not None:
            return self.granted * share / 100
        return exact(self.budget.flex.amount or 0)

    @property
    def for_pattern(self) -> Fraction:
        """What is left for the staffing pattern after the flex reserve."""
        return self.granted - self.flex

    def yearly(self, weekly_cost: Fraction) -> Fraction:
        return weekly_cost * self.weeks

    def needed_for(self, pattern_cost: Fraction) -> Fraction:
        """The yearly budget a pattern of this yearly cost needs with the flex reserve, in whole
        euros (a percentage reserve grows with the budget)."""
        share = self.flex_percentage
        if share is not None:
            return round_up_to_euro(pattern_cost / (1 - share / 100))
        return round_up_to_euro(pattern_cost + self.flex)

    def reserve_text(self) -> str:
        """`5% van het budget: € 120.000` or `€ 120.000`."""
        share = self.flex_percentage
        if share is not None:
            return f"{percentage_text(share)} van het budget: {euro(self.flex)}"
        return euro(self.flex)
