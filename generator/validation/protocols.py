"""A shared protocol hangs together: its references resolve, its steps are numbered 1..n, its
afwegingskader is a graph without dead ends or cycles whose every question can be reached, and
each profile places every question once, in a step that exists, in the graph's order.

Reads the raw data (semantic checks also run when the schema found errors), so every accessor
tolerates a wrong type.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

from generator.loader import JsonPath, YamlDocument
from generator.model.mapping import Node
from generator.model.protocol import Action, ActionKind, SharedProtocol
from generator.model.sources import SourceDocument
from generator.validation.problems import Problem
from generator.validation.references import references_below, unknown_reference
from generator.validation.walk import ids, matches, records

ID = "gedeelde-protocollen"
KINDS = ("protocol",)

_FRAMEWORK = "afwegingskader"
_COLLECTIONS: dict[type[Node], str] = {SourceDocument: "bronnen", Action: "acties"}
REFERENCES = references_below(SharedProtocol, _COLLECTIONS)
"""Derived from the model: sources named by `bron.document`, actions by a branch's `actie`."""

Graph = dict[int, list[tuple[int, JsonPath]]]
"""Question number -> the questions its branches lead to, each with where that is written."""


def check(document: YamlDocument) -> Iterator[Problem]:
    data = document.data
    if not isinstance(data, dict):
        return
    yield from _references(data)
    steps = _numbers(records(data, "stappen"), ("stappen",))
    yield from _step_numbering(steps)
    framework = data.get(_FRAMEWORK)
    if not isinstance(framework, dict):
        return
    questions = _numbers(records(framework, "vragen"), (_FRAMEWORK, "vragen"))
    graph = yield from _graph(framework, questions)
    yield from _start(framework, questions)
    yield from _cycles(graph, questions)
    yield from _unreachable(framework, graph, questions)
    for index, profile in records(data, "profielen"):
        yield from _profile(profile, ("profielen", index), steps, questions, graph)


# --- references and numbering ------------------------------------------------------------------

def _references(data: dict[str, Any]) -> Iterator[Problem]:
    framework = data.get(_FRAMEWORK)
    known = {"bronnen": ids(data, "bronnen"), "acties": ids(framework, "acties")}
    for reference in REFERENCES:
        defined = set().union(*(known[target] for target in reference.targets))
        for path, value in matches(data, reference.pattern):
            if isinstance(value, str) and value not in defined:
                yield unknown_reference(path, value, reference.noun,
                                        " of ".join(reference.targets), defined)


def _numbers(items: Iterator[tuple[int, dict[str, Any]]], path: JsonPath) -> dict[int, JsonPath]:
    """Each number (`nummer`) -> the path of the first item that has it."""
    found: dict[int, JsonPath] = {}
    for index, item in items:
        number = item.get("nummer")
        if type(number) is int:
            found.setdefault(number, path + (index,))
    return found


def _step_numbering(steps: dict[int, JsonPath]) -> Iterator[Problem]:
    expected = set(range(1, len(steps) + 1))
    for number in sorted(set(steps) - expected):
        yield Problem(steps[number] + ("nummer",), "PROTOCOL-STAPNUMMERS",
                      f"stap {number}: nummer de stappen doorlopend vanaf 1 (ontbreekt: "
                      f"{', '.join(str(n) for n in sorted(expected - set(steps)))})")


# --- the afwegingskader as a graph -------------------------------------------------------------

def _graph(framework: dict[str, Any],
           questions: dict[int, JsonPath]) -> Generator[Problem, None, Graph]:
    """Every branch leads somewhere that exists; returns the graph of the branches that do."""
    kinds = {action.get("id"): action.get("soort") for _, action in records(framework, "acties")}
    graph: Graph = {}
    for index, question in records(framework, "vragen"):
        number = question.get("nummer")
        for answer in ("ja", "nee"):
            branch = question.get(answer)
            if not isinstance(branch, dict):
                continue
            path = (_FRAMEWORK, "vragen", index, answer)
            target = branch.get("vraag")
            if type(target) is int and target in questions and type(number) is int:
                graph.setdefault(number, []).append((target, path + ("vraag",)))
            yield from _branch(branch, path, number, answer, questions, kinds)
    return graph


def _branch(branch: dict[str, Any], path: JsonPath, number: Any, answer: str,
            questions: dict[int, JsonPath], kinds: dict[Any, Any]) -> Iterator[Problem]:
    target, action = branch.get("vraag"), branch.get("actie")
    where = f"afweging {number}, bij {answer}"
    if type(target) is int and target not in questions:
        yield Problem(path + ("vraag",), "AFWEGING-ONBEKEND",
                      f"{where}: afweging {target} bestaat niet")
    if target is None and action is None:
        yield Problem(path, "AFWEGING-DOODLOPEND",
                      f"{where}: hier loopt het afwegingskader dood; noem een actie, een "
                      "volgende afweging of beide")
    elif target is None and kinds.get(action) == ActionKind.HELP:
        yield Problem(path, "AFWEGING-DOODLOPEND",
                      f"{where}: na de hulp volgt geen afweging, dus wordt de hulp nooit "
                      "geëvalueerd; noem de afweging die volgt")


def _start(framework: dict[str, Any], questions: dict[int, JsonPath]) -> Iterator[Problem]:
    start = framework.get("begin")
    if type(start) is int and start not in questions:
        yield Problem((_FRAMEWORK, "begin"), "AFWEGING-ONBEKEND",
                      f"het afwegingskader begint bij afweging {start}, die niet bestaat")


def _cycles(graph: Graph, questions: dict[int, JsonPath]) -> Iterator[Problem]:
    """A branch back to a question on the way to it makes the afwegingskader endless."""
    state: dict[int, str] = {}
    for root in sorted(questions):
        if root in state:
            continue
        state[root] = "open"
        stack = [(root, iter(graph.get(root, ())))]
        while stack:
            number, edges = stack[-1]
            edge = next(edges, None)
            if edge is None:
                state[number] = "done"
                stack.pop()
                continue
            target, path = edge
            if state.get(target) == "open":
                yield Problem(path, "AFWEGING-CYCLUS",
                              f"afweging {number} leidt terug naar afweging {target}: het "
                              "afwegingskader loopt rond")
            elif target not in state:
                state[target] = "open"
                stack.append((target, iter(graph.get(target, ()))))


def _reachable(start: int, graph: Graph) -> set[int]:
    reached, todo = {start}, [start]
    while todo:
        for target, _ in graph.get(todo.pop(), ()):
            if target not in reached:
                reached.add(target)
                todo.append(target)
    return reached


def _unreachable(framework: dict[str, Any], graph: Graph,
                 questions: dict[int, JsonPath]) -> Iterator[Problem]:
    start = framework.get("begin")
    if type(start) is not int or start not in questions:
        return
    reached = _reachable(start, graph)
    for number in sorted(set(questions) - reached):
        yield Problem(questions[number] + ("nummer",), "AFWEGING-ONBEREIKBAAR",
                      f"afweging {number} is vanaf afweging {start} met geen enkel antwoord "
                      "te bereiken")


# --- profiles ----------------------------------------------------------------------------------

def _profile(profile: dict[str, Any], path: JsonPath, steps: dict[int, JsonPath],
             questions: dict[int, JsonPath], graph: Graph) -> Iterator[Problem]:
    name = profile.get("id", path[-1])
    placed: dict[int, int] = {}
    for index, placement in records(profile, "plaatsing"):
        here = path + ("plaatsing", index)
        step = placement.get("stap")
        if type(step) is int and step not in steps:
            yield Problem(here + ("stap",), "PROFIEL-STAP-ONBEKEND",
                          f"profiel '{name}': stap {step} bestaat niet")
        numbers = placement.get("vragen")
        for position, number in enumerate(numbers if isinstance(numbers, list) else ()):
            yield from _placed(name, number, step, here + ("vragen", position), placed,
                               questions)
    for number in sorted(set(questions) - set(placed)):
        yield Problem(path + ("plaatsing",), "PROFIEL-PLAATSING",
                      f"profiel '{name}': afweging {number} staat in geen enkele stap")
    yield from _order(name, placed, graph, path)
    for index, duty in records(profile, "plichten"):
        step = duty.get("stap")
        if type(step) is int and step not in steps:
            yield Problem(path + ("plichten", index, "stap"), "PROFIEL-STAP-ONBEKEND",
                          f"profiel '{name}': plicht '{duty.get('id')}' hoort bij stap {step}, "
                          "die niet bestaat")


def _placed(name: Any, number: Any, step: Any, path: JsonPath, placed: dict[int, int],
            questions: dict[int, JsonPath]) -> Iterator[Problem]:
    if type(number) is not int:
        return
    if number not in questions:
        yield Problem(path, "AFWEGING-ONBEKEND",
                      f"profiel '{name}': afweging {number} bestaat niet")
    elif number in placed:
        yield Problem(path, "PROFIEL-PLAATSING",
                      f"profiel '{name}': afweging {number} staat al in stap {placed[number]}")
    elif type(step) is int:
        placed[number] = step


def _order(name: Any, placed: dict[int, int], graph: Graph, path: JsonPath) -> Iterator[Problem]:
    """A question does not sit in an earlier step than a question that leads to it."""
    for number, edges in sorted(graph.items()):
        for target, _ in edges:
            if number in placed and target in placed and placed[target] < placed[number]:
                yield Problem(path + ("plaatsing",), "PROFIEL-VOLGORDE",
                              f"profiel '{name}': afweging {target} (stap {placed[target]}) "
                              f"volgt op afweging {number} (stap {placed[number]}) maar staat "
                              "in een eerdere stap")


# --- across the files of one run ---------------------------------------------------------------

def check_run(documents: list[YamlDocument]) -> Iterator[tuple[YamlDocument, Problem]]:
    """Protocol ids, and profile ids, once across all shared protocols: a region names a
    profile by its id alone."""
    first: dict[tuple[str, str], str] = {}
    for document in documents:
        data = document.data if isinstance(document.data, dict) else {}
        named: list[tuple[JsonPath, str, Any]] = [(("id",), "protocol", data.get("id"))]
        named += [(("profielen", index, "id"), "profiel", profile.get("id"))
                  for index, profile in records(data, "profielen")]
        for path, noun, value in named:
            if not isinstance(value, str):
                continue
            if (noun, value) in first:
                yield document, Problem(path, "PROTOCOL-ID-DUBBEL",
                                        f"{noun}-id '{value}' staat ook in "
                                        f"{Path(first[noun, value]).name}", key=True)
            else:
                first[noun, value] = document.file
