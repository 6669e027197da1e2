"""The routes through an escalation ladder as a graph of step numbers, in near-linear time.

A ladder may have thousands of steps (a generated or hostile agreement): every algorithm here is
iterative (no recursion limit) and computed once per ladder: the steps a step may be preceded by,
the steps reachable from one, the dominator tree (Cooper, Harvey and Kennedy, "A Simple, Fast
Dominance Algorithm") and which steps a route can pass by. A step's dominators are read from the
tree when asked, never stored as a set per step (that is quadratic in a long chain).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cached_property


class Routes:
    """The graph of a ladder: `edges[n]` are the step numbers a route goes to from step n (the
    steps taken alongside it, then those that may follow it), `start` is step 1 (or None)."""

    def __init__(self, edges: Mapping[int, tuple[int, ...]], start: int | None) -> None:
        self.edges = {number: tuple(t for t in targets if t in edges)
                      for number, targets in edges.items()}
        self.start = start if start in edges else None

    @cached_property
    def incoming(self) -> dict[int, tuple[int, ...]]:
        """Step number -> the steps a route comes from into it, in ladder order."""
        found: dict[int, list[int]] = {number: [] for number in self.edges}
        for number, targets in self.edges.items():
            for target in targets:
                if number not in found[target]:
                    found[target].append(number)
        return {number: tuple(sources) for number, sources in found.items()}

    def reachable_from(self, number: int) -> frozenset[int]:
        """The steps a route can reach from `number`, itself included."""
        reached, todo = {number}, [number]
        while todo:
            for target in self.edges.get(todo.pop(), ()):
                if target not in reached:
                    reached.add(target)
                    todo.append(target)
        return frozenset(reached)

    @cached_property
    def _order(self) -> list[int]:
        """The steps reachable from the start in reverse postorder (an iterative DFS)."""
        if self.start is None:
            return []
        postorder: list[int] = []
        seen = {self.start}
        pending: list[tuple[int, Iterator[int]]] = [(self.start, iter(self.edges[self.start]))]
        while pending:
            number, targets = pending[-1]
            target = next((t for t in targets if t not in seen), None)
            if target is None:
                pending.pop()
                postorder.append(number)
            else:
                seen.add(target)
                pending.append((target, iter(self.edges[target])))
        return postorder[::-1]

    @cached_property
    def idom(self) -> dict[int, int]:
        """Each reachable step -> its immediate dominator (the start -> itself)."""
        order = self._order
        if not order:
            return {}
        rank = {number: index for index, number in enumerate(order)}
        idom = {order[0]: order[0]}

        def meet(a: int, b: int) -> int:
            while a != b:
                while rank[a] > rank[b]:
                    a = idom[a]
                while rank[b] > rank[a]:
                    b = idom[b]
            return a

        changed = True
        while changed:
            changed = False
            for number in order[1:]:
                done = [p for p in self.incoming[number] if p in idom]
                new = done[0]
                for other in done[1:]:
                    new = meet(other, new)
                if idom.get(number) != new:
                    idom[number], changed = new, True
        return idom

    @cached_property
    def _interval(self) -> dict[int, tuple[int, int]]:
        """Each reachable step -> (entry, exit) of a walk over the dominator tree: `a`
        dominates `b` exactly when b's interval lies within a's."""
        children: dict[int, list[int]] = {number: [] for number in self.idom}
        for number, parent in self.idom.items():
            if number != parent:
                children[parent].append(number)
        intervals: dict[int, tuple[int, int]] = {}
        clock = 0
        pending: list[tuple[int, bool]] = [(self.start, False)] if self.start is not None else []
        entry: dict[int, int] = {}
        while pending:
            number, leaving = pending.pop()
            clock += 1
            if leaving:
                intervals[number] = (entry[number], clock)
                continue
            entry[number] = clock
            pending.append((number, True))
            pending.extend((child, False) for child in reversed(children[number]))
        return intervals

    def dominates(self, a: int, b: int) -> bool:
        """Every route from the start to `b` passes `a` (both reachable)."""
        inner, outer = self._interval.get(b), self._interval.get(a)
        return bool(inner and outer and outer[0] <= inner[0] and inner[1] <= outer[1])

    def dominators(self, number: int) -> frozenset[int]:
        """The steps every route from the start to `number` passes, itself included (empty for
        a step no route reaches)."""
        if number not in self.idom:
            return frozenset()
        found = {number}
        while self.idom[number] != number:
            number = self.idom[number]
            found.add(number)
        return frozenset(found)

    @cached_property
    def optional(self) -> frozenset[int]:
        """The steps a route can pass by: some step after it is also reached without it.

        Step d is optional exactly when an edge u -> v leaves what d dominates: d dominates u,
        not v. For an edge u -> v those d are u and its dominators up to, not including, the
        first that dominates v (v's immediate dominator, or v itself for an edge back). Each
        step is marked once: `skip` jumps over steps already marked.
        """
        marked: set[int] = set()
        skip: dict[int, int] = {}

        def unmarked(number: int) -> int:
            path = []
            while number in skip:
                path.append(number)
                number = skip[number]
            for passed in path:
                skip[passed] = number
            return number

        for u in self.idom:
            for v in self.edges[u]:
                stop = v if self.dominates(v, u) else self.idom[v]
                depth = self._interval[stop]
                x = unmarked(u)
                while x != stop and not self._encloses(x, depth):
                    marked.add(x)
                    skip[x] = self.idom[x]
                    x = unmarked(self.idom[x])
        return frozenset(marked)

    def _encloses(self, number: int, interval: tuple[int, int]) -> bool:
        """`number` dominates the step whose interval this is (it lies above the stop)."""
        own = self._interval[number]
        return own[0] <= interval[0] and interval[1] <= own[1]


class Dominators(Mapping[int, frozenset[int]]):
    """Step number -> the steps every route to it passes, itself included; each set is read
    from the dominator tree when asked."""

    def __init__(self, routes: Routes) -> None:
        self.routes = routes

    def __getitem__(self, number: int) -> frozenset[int]:
        if number not in self.routes.idom:
            raise KeyError(number)
        return self.routes.dominators(number)

    def __iter__(self) -> Iterator[int]:
        return iter(self.routes.idom)

    def __len__(self) -> int:
        return len(self.routes.idom)
