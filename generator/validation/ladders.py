"""Escalation ladders hang together: steps numbered 1..n, every next step exists, no step leads
back to itself, every step can be reached from step 1 (after a step, or at the same time as one:
`tegelijk_met`, which must name another existing step), and a digital table has a response
time."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.findings import Severity
from generator.loader import JsonPath, YamlDocument
from generator.validation.problems import Problem, listing
from generator.validation.walk import records

ID = "ladders"
KINDS = ("regio",)

Graph = dict[int, list[tuple[int, JsonPath]]]
"""Step number -> the steps that may follow, each with the path where it is named."""
Steps = list[tuple[int, JsonPath, dict[str, Any]]]
"""Each step's number, path and data, in file order."""


def check(document: YamlDocument) -> Iterator[Problem]:
    for index, ladder in records(document.data, "ladders"):
        yield from _check_ladder(ladder, ("ladders", index))


def _check_ladder(ladder: dict[str, Any], path: JsonPath) -> Iterator[Problem]:
    name = ladder.get("id", path[-1])
    steps = _numbered_steps(ladder, path)
    yield from _numbering(steps, name)
    numbers = {number: step_path for number, step_path, _ in reversed(steps)}
    graph = _graph(steps)
    together = _together(steps)
    yield from _unknown_next(graph, numbers, name)
    yield from _unknown_partner(together, numbers, name)
    yield from _cycles(graph, numbers, name)
    yield from _unreachable(_with_companions(graph, together), numbers, name)
    yield from _digital_without_term(steps)


def _numbered_steps(ladder: dict[str, Any], path: JsonPath) -> Steps:
    return [
        (step["nummer"], path + ("stappen", index), step)
        for index, step in records(ladder, "stappen")
        if type(step.get("nummer")) is int
    ]


def _numbering(steps: Steps, name: Any) -> Iterator[Problem]:
    seen: set[int] = set()
    for number, step_path, _ in steps:
        if number in seen:
            yield Problem(step_path + ("nummer",), "LADDER-NUMMER-DUBBEL",
                          f"ladder '{name}': stapnummer {number} komt twee keer voor")
        seen.add(number)
    previous = 0
    for number, step_path in sorted((number, step_path) for number, step_path, _ in steps):
        if number > previous + 1:
            yield Problem(step_path + ("nummer",), "LADDER-NUMMERING",
                          f"ladder '{name}': stap {number} volgt op stap {previous or 'begin'}, "
                          f"maar {_missing(previous + 1, number - 1)}; nummer de stappen "
                          "doorlopend vanaf 1")
        previous = max(previous, number)


def _missing(first: int, last: int) -> str:
    """`stap 3 ontbreekt`, `stap 3, 4 ontbreekt`, or a range for many (never a long list)."""
    if last - first < 3:
        return f"stap {', '.join(str(n) for n in range(first, last + 1))} ontbreekt"
    return f"de stappen {first} t/m {last} ontbreken"


def _graph(steps: Steps) -> Graph:
    graph: Graph = {}
    for number, step_path, step in steps:
        follow = step.get("vervolg")
        targets = follow.get("stappen") if isinstance(follow, dict) else None
        edges = graph.setdefault(number, [])
        for index, target in enumerate(targets if isinstance(targets, list) else []):
            if type(target) is int:
                edges.append((target, step_path + ("vervolg", "stappen", index)))
    return graph


def _together(steps: Steps) -> list[tuple[int, int, JsonPath]]:
    """(step, the step it is taken together with, path of `tegelijk_met`)."""
    return [(number, step["tegelijk_met"], step_path + ("tegelijk_met",))
            for number, step_path, step in steps if type(step.get("tegelijk_met")) is int]


def _with_companions(graph: Graph, together: list[tuple[int, int, JsonPath]]) -> Graph:
    """The graph of how a route reaches steps: after a step, or alongside its partner."""
    reach: Graph = {number: list(edges) for number, edges in graph.items()}
    for number, partner, path in together:
        reach.setdefault(partner, []).append((number, path))
    return reach


def _unknown_partner(together: list[tuple[int, int, JsonPath]], numbers: dict[int, JsonPath],
                     name: Any) -> Iterator[Problem]:
    for number, partner, path in together:
        if partner == number or partner not in numbers:
            problem = "dat is de stap zelf" if partner == number else \
                f"die bestaat niet (stappen: {_listing(numbers)})"
            yield Problem(path, "LADDER-TEGELIJK-ONBEKEND",
                          f"ladder '{name}': stap {number} wordt tegelijk gezet met stap "
                          f"{partner}, maar {problem}")


def _unknown_next(graph: Graph, numbers: dict[int, JsonPath], name: Any) -> Iterator[Problem]:
    for number, edges in graph.items():
        for target, edge_path in edges:
            if target not in numbers:
                yield Problem(edge_path, "LADDER-VERVOLG-ONBEKEND",
                              f"ladder '{name}': stap {number} verwijst naar vervolgstap {target}, "
                              f"maar die bestaat niet (stappen: {_listing(numbers)})")


def _cycles(graph: Graph, numbers: dict[int, JsonPath], name: Any) -> Iterator[Problem]:
    """Depth-first search, iterative (a ladder of any length); every edge back into the current
    route closes a cycle."""
    done: set[int] = set()
    for start in sorted(numbers):
        if start in done:
            continue
        route, on_route = [start], {start: 0}
        pending = [iter(graph.get(start, []))]
        while pending:
            edge = next(pending[-1], None)
            if edge is None:
                pending.pop()
                finished = route.pop()
                del on_route[finished]
                done.add(finished)
                continue
            target, edge_path = edge
            if target in on_route:
                yield Problem(edge_path, "LADDER-CYCLUS",
                              f"ladder '{name}' loopt rond: {_loop(route[on_route[target]:])}; "
                              "een escalatie moet eindigen")
            elif target in numbers and target not in done:
                on_route[target] = len(route)
                route.append(target)
                pending.append(iter(graph.get(target, [])))


def _loop(route: list[int]) -> str:
    """`2 → 3 → 2`; a long loop shows its start and end only."""
    numbers = [str(n) for n in route + route[:1]]
    if len(numbers) > 8:
        numbers = numbers[:4] + [f"... ({len(route) - 6} stappen) ..."] + numbers[-3:]
    return " → ".join(numbers)


def _unreachable(graph: Graph, numbers: dict[int, JsonPath], name: Any) -> Iterator[Problem]:
    if 1 not in numbers:
        return  # the numbering finding already says step 1 is missing
    reached, todo = {1}, [1]
    while todo:
        for target, _ in graph.get(todo.pop(), []):
            if target in numbers and target not in reached:
                reached.add(target)
                todo.append(target)
    for number in sorted(set(numbers) - reached):
        yield Problem(numbers[number] + ("nummer",), "LADDER-ONBEREIKBAAR",
                      f"ladder '{name}': stap {number} is vanaf stap 1 niet te bereiken; "
                      "noem hem in vervolg.stappen van een eerdere stap, of geef met "
                      "tegelijk_met de stap waarmee hij tegelijk wordt gezet")


def _digital_without_term(steps: Steps) -> Iterator[Problem]:
    for number, step_path, step in steps:
        if step.get("werkwijze") == "digitaal" and "reactietermijn_werkdagen" not in step:
            yield Problem(step_path, "LADDER-TERMIJN-ONTBREEKT",
                          f"stap {number} is een digitale zorgtafel zonder "
                          "reactietermijn_werkdagen; binnen hoeveel werkdagen moet er "
                          "antwoord zijn?",
                          severity=Severity.WARNING)


def _listing(numbers: dict[int, JsonPath]) -> str:
    return listing(sorted(numbers)) or "geen"
