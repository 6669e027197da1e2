"""The ladder's route graph (generator.model.routes) answers as the plain definitions do, for any
graph, and in near-linear time for a ladder of 10,000 steps."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.model.routes import Dominators, Routes


@st.composite
def graphs(draw: st.DrawFn) -> dict[int, tuple[int, ...]]:
    size = draw(st.integers(min_value=1, max_value=9))
    numbers = list(range(1, size + 1))
    return {number: tuple(draw(st.lists(st.sampled_from(numbers), max_size=3, unique=True)))
            for number in numbers}


def _reachable(edges: dict[int, tuple[int, ...]], start: int, without: int = 0) -> set[int]:
    if start == without:
        return set()
    reached, todo = {start}, [start]
    while todo:
        for target in edges[todo.pop()]:
            if target not in reached and target != without:
                reached.add(target)
                todo.append(target)
    return reached


def _dominators(edges: dict[int, tuple[int, ...]], number: int) -> set[int]:
    """By definition: d dominates n when n cannot be reached from step 1 without d."""
    if number not in _reachable(edges, 1):
        return set()
    return {d for d in edges if d == number or number not in _reachable(edges, 1, without=d)}


@settings(max_examples=300, deadline=None)
@given(graphs())
def test_dominators_and_optional_steps_are_the_definitions(edges: dict[int, tuple[int, ...]]
                                                           ) -> None:
    routes = Routes(edges, 1)
    for number in edges:
        assert routes.dominators(number) == _dominators(edges, number)
        assert routes.reachable_from(number) == _reachable(edges, number)
        assert set(routes.incoming[number]) == {n for n, t in edges.items() if number in t}
    for step in _reachable(edges, 1):
        after = _reachable(edges, step) - {step}
        optional = any(step not in _dominators(edges, other) for other in after)
        assert (step in routes.optional) == optional, (step, edges)
    assert dict(Dominators(routes)) == {n: frozenset(_dominators(edges, n))
                                        for n in _reachable(edges, 1)}


def test_a_chain_of_ten_thousand_steps_with_jumps() -> None:
    size = 10_000
    edges = {n: (n + 1, n + 2) if n + 2 <= size else ((n + 1,) if n < size else ())
             for n in range(1, size + 1)}
    routes = Routes(edges, 1)
    assert routes.dominators(size) == {1, size}  # every other step can be jumped over
    assert routes.optional == frozenset(range(2, size))
    chain = Routes({n: (n + 1,) if n < size else () for n in range(1, size + 1)}, 1)
    assert len(chain.dominators(size)) == size and chain.optional == frozenset()
    assert chain.dominates(1, size) and not chain.dominates(size, 1)
