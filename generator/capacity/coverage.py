"""Does a staffing pattern cover the care demand of a slot, with the right staff?

Each kind of care needs a qualification, and perhaps an authority; a function may give it when it
holds that qualification (itself or through a higher one that includes it; a specific
qualification only itself) and the authority. Care hours are divisible, so whether a slot's demand
can be served is a transportation problem, and by Hall's theorem (Gale's supply-demand version)
it can exactly when every group of requirements S has no more demand than the functions that may
serve any of S can supply: d(S) <= h(N(S)). Only "closed" groups matter, those that hold every
requirement whose functions all lie in N(S), and there are few: at most one per union of the
requirements' sets of functions.

The same groups are the solver's coverage constraints and the check's findings: the largest
shortfall over all groups is exactly how many hours cannot be served (max-flow min-cut), and the
smallest group with that shortfall, split where it shares no function, says which care is short
and which staff could have given it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

from generator.model.capacity import Authority, CareKind, Qualification, StaffFunction

Supply = Mapping[StaffFunction, int]
"""Minutes per function in one slot."""


@dataclass(frozen=True)
class Requirement:
    """What a kind of care asks of whoever gives it, and which functions may."""

    qualification: Qualification
    authority: Authority | None
    servers: frozenset[StaffFunction]


def requirements_of(care_kinds: Iterable[CareKind],
                    functions: Iterable[StaffFunction]) -> dict[CareKind, Requirement]:
    """Each kind of care's requirement (kinds with the same needs share one)."""
    functions = tuple(functions)
    shared: dict[tuple[Qualification, Authority | None], Requirement] = {}
    result: dict[CareKind, Requirement] = {}
    for care in care_kinds:
        needs = (care.qualification, care.authority)
        if needs not in shared:
            shared[needs] = Requirement(care.qualification, care.authority, frozenset(
                function for function in functions if care.may_be_given_by(function)))
        result[care] = shared[needs]
    return result


@dataclass(frozen=True)
class Group:
    """A closed group of requirements and the functions that may serve any of them."""

    members: frozenset[Requirement]
    servers: frozenset[StaffFunction]


def closed_groups(present: Iterable[Requirement]) -> list[Group]:
    """Every closed, non-empty group of the requirements present in a slot, smallest first."""
    return _closed_groups(frozenset(present))


@lru_cache(maxsize=1024)
def _closed_groups(requirements: frozenset[Requirement]) -> list[Group]:
    """Computed once per set of requirements: most slots of a desk have the same set."""
    present = sorted(requirements, key=_order)
    unions: set[frozenset[StaffFunction]] = {frozenset()}
    for requirement in present:
        unions |= {union | requirement.servers for union in unions}
    groups: dict[frozenset[Requirement], Group] = {}
    for union in unions:
        members = frozenset(r for r in present if r.servers <= union)
        if members and members not in groups:
            servers = frozenset().union(*(r.servers for r in members))
            groups[members] = Group(members, servers)
    return sorted(groups.values(), key=lambda g: (len(g.members), sorted(map(_order, g.members))))


def _order(requirement: Requirement) -> tuple[str, str]:
    return requirement.qualification.id, requirement.authority.id if requirement.authority else ""


@dataclass(frozen=True)
class Shortfall:
    """Hours of some requirements that the functions allowed to serve them cannot cover."""

    members: frozenset[Requirement]
    servers: frozenset[StaffFunction]
    demand: Fraction
    """Hours the members ask for."""
    supply: Fraction
    """Hours the allowed functions give in the slot."""

    @property
    def missing(self) -> Fraction:
        return self.demand - self.supply


def shortfalls(demand: Mapping[Requirement, Fraction], supply: Supply) -> list[Shortfall]:
    """The hours of `demand` (per requirement) that `supply` cannot serve, split into parts that
    share no function; empty when the slot is covered. Their total is exactly the unservable
    demand."""
    groups = closed_groups(r for r, hours in demand.items() if hours > 0)
    worst, worst_gap = None, Fraction(0)
    for group in groups:  # smallest first: the first maximum is the smallest maximiser
        gap = _demand(demand, group.members) - _supply(supply, group.servers)
        if gap > worst_gap:
            worst, worst_gap = group, gap
    if worst is None:
        return []
    parts = [Shortfall(members, servers, _demand(demand, members), _supply(supply, servers))
             for members, servers in _components(worst.members)]
    return [part for part in parts if part.missing > 0]


def _demand(demand: Mapping[Requirement, Fraction], members: Iterable[Requirement]) -> Fraction:
    return sum((demand.get(member, Fraction(0)) for member in members), Fraction(0))


def _supply(supply: Supply, servers: Iterable[StaffFunction]) -> Fraction:
    return Fraction(sum(supply.get(function, 0) for function in servers), 60)


def _components(members: frozenset[Requirement]
                ) -> list[tuple[frozenset[Requirement], frozenset[StaffFunction]]]:
    """The members split into parts whose sets of allowed functions do not meet."""
    parts: list[tuple[set[Requirement], set[StaffFunction]]] = []
    for requirement in sorted(members, key=_order):
        touching = [part for part in parts if part[1] & requirement.servers]
        merged = ({requirement}, set(requirement.servers))
        for part in touching:
            merged[0].update(part[0])
            merged[1].update(part[1])
            parts.remove(part)
        parts.append(merged)
    return [(frozenset(members_), frozenset(servers)) for members_, servers in parts]
