"""Everything `capaciteit` and the onderbouwing derive from one desk, derived once.

Demand per slot, the declared pattern and what it gives each slot, where an authority is missing,
where hours are short, what the pattern costs per year against the budget, and the minimal
pattern from the solver (computed on first use).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property
from typing import TypeVar

from generator.capacity import demand as demand_module
from generator.capacity.coverage import Requirement, Shortfall, requirements_of, shortfalls
from generator.capacity.demand import SlotDemand
from generator.capacity.money import BudgetView
from generator.capacity.pattern import Pattern, declared_lines
from generator.capacity.solver import Problem, minimal_pattern
from generator.capacity.week import Slot, Week
from generator.model.capacity import Authority, CareDesk, CareKind, Municipality

T = TypeVar("T")


@dataclass(frozen=True)
class AuthorityGap:
    """A slot whose demand needs an authority that nobody in the pattern holds."""

    slot: Slot
    authority: Authority
    demands: tuple[SlotDemand, ...]

    @property
    def hours(self) -> Fraction:
        return sum((d.hours for d in self.demands), Fraction(0))


@dataclass(frozen=True)
class SlotShortfall:
    """A shortfall in one slot with the demand entries it is made of."""

    slot: Slot
    shortfall: Shortfall
    demands: tuple[SlotDemand, ...]


class DeskAnalysis:
    """One desk of a municipality, analysed."""

    def __init__(self, municipality: Municipality, desk: CareDesk) -> None:
        self.municipality = municipality
        self.desk = desk
        self.week = Week(municipality.day_parts)
        self.budget = BudgetView(desk.budget)

    @cached_property
    def requirements(self) -> dict[CareKind, Requirement]:
        return requirements_of(self.municipality.care_kinds, self.municipality.functions)

    @cached_property
    def demand(self) -> dict[Slot, list[SlotDemand]]:
        """Hours per kind of care in every slot with demand."""
        return demand_module.per_slot(self.municipality, self.desk, self.week)

    def demand_hours(self, slot: Slot) -> Fraction:
        return sum((d.hours for d in self.demand.get(slot, ())), Fraction(0))

    @cached_property
    def declared(self) -> Pattern:
        return Pattern(tuple(declared_lines(self.desk)), self.week)

    @cached_property
    def minimal(self) -> Pattern:
        """The cheapest pattern of whole shifts that covers the demand."""
        shapes = tuple(dict.fromkeys(line.start_end for line in self.declared.lines))
        problem = Problem(self.week, self.municipality.functions,
                          {slot: self._by_requirement(entries)
                           for slot, entries in self.demand.items()},
                          self.presence, shapes)
        return minimal_pattern(problem)

    def _by_requirement(self, entries: list[SlotDemand]) -> dict[Requirement, Fraction]:
        totals: dict[Requirement, Fraction] = {}
        for entry in entries:
            requirement = self.requirements[entry.care]
            totals[requirement] = totals.get(requirement, Fraction(0)) + entry.hours
        return totals

    @cached_property
    def presence(self) -> dict[Slot, frozenset[Authority]]:
        """The authorities that must be present in each slot whose demand needs one."""
        return {slot: authorities for slot, entries in self.demand.items()
                if (authorities := frozenset(e.care.authority for e in entries
                                             if e.care.authority is not None))}

    def authority_gaps(self, pattern: Pattern) -> list[AuthorityGap]:
        """Slots whose demand needs an authority that no function in `pattern` there holds."""
        return self._once("gaps", pattern, self._authority_gaps)

    def shortfalls(self, pattern: Pattern) -> list[SlotShortfall]:
        """Hours `pattern` cannot serve, per slot; care whose authority is missing altogether is
        left to `authority_gaps` (nobody in the slot may give it, so it stands apart exactly)."""
        return self._once("shortfalls", pattern, self._shortfalls)

    def _once(self, what: str, pattern: Pattern, compute: Callable[[Pattern], list[T]]
              ) -> list[T]:
        """Each result once per pattern: several rules and the document ask the same."""
        memo = self.__dict__.setdefault("_memo", {})
        found = memo.get((what, id(pattern)))
        if found is None or found[0] is not pattern:
            found = memo[(what, id(pattern))] = (pattern, compute(pattern))
        return found[1]  # type: ignore[no-any-return]

    def _authority_gaps(self, pattern: Pattern) -> list[AuthorityGap]:
        gaps = []
        supply = pattern.supply
        for slot, entries in self.demand.items():
            present = {f for f, minutes in supply.get(slot, {}).items() if minutes > 0}
            for authority in sorted(self.presence.get(slot, ()), key=lambda a: a.id):
                if not any(authority in function.authorities for function in present):
                    gaps.append(AuthorityGap(slot, authority, tuple(
                        e for e in entries if e.care.authority is authority)))
        return gaps

    def _shortfalls(self, pattern: Pattern) -> list[SlotShortfall]:
        missing = {(gap.slot, entry.care) for gap in self.authority_gaps(pattern)
                   for entry in gap.demands}
        supply = pattern.supply
        found = []
        for slot, entries in self.demand.items():
            counted = [e for e in entries if (slot, e.care) not in missing]
            for shortfall in shortfalls(self._by_requirement(counted), supply.get(slot, {})):
                found.append(SlotShortfall(slot, shortfall, tuple(
                    e for e in counted if self.requirements[e.care] in shortfall.members)))
        return found

    def yearly(self, pattern: Pattern) -> Fraction:
        return self.budget.yearly(pattern.weekly_cost)

    def with_reserve(self, pattern: Pattern) -> Fraction:
        """The yearly cost of `pattern` plus the flex reserve."""
        return self.yearly(pattern) + self.budget.flex

    def covers(self, pattern: Pattern) -> bool:
        return not self.shortfalls(pattern) and not self.authority_gaps(pattern)
