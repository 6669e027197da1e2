"""Every reference resolves: a role, organisation, function, form, ... named by id exists.

Driven by REFERENCES: where a reference stands (a path pattern) and which list(s) it may name,
read from the model's declarations, so a reference added to the model is validated here too.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from generator.hints import Hints
from generator.loader import JsonPath, YamlDocument
from generator.model.mapping import Kind, Node, fields_of
from generator.model.protocol import Profile, SharedProtocol
from generator.model.region import REFERABLE, Region
from generator.validation.problems import Problem, describe_path, listing
from generator.validation.walk import ANY_INDEX, ids, matches

ID = "verwijzingen"
KINDS = ("regio",)

@dataclass(frozen=True)
class Reference:
    """A place where an id is named, and the list(s) of the region it must be defined in."""

    pattern: tuple[str, ...]
    targets: tuple[str, ...]
    noun: str


SHARED: dict[type[Node], str] = {SharedProtocol: "gedeelde protocollen",
                                 Profile: "profielen van de gedeelde protocollen"}
"""What a region names outside itself, in the shared protocols (generator.shared_protocols)."""


def _collections() -> dict[type[Node], str]:
    """Each class a reference can name -> the region list that defines its objects (or, for
    the shared protocols, what they are called)."""
    return {**{spec.type: spec.key for spec in fields_of(Region)
               if spec.kind is Kind.NODES and spec.type in REFERABLE}, **SHARED}


def _shared_ids() -> dict[str, set[str]]:
    from generator.shared_protocols import library

    index = library().index
    return {label: set(index[cls]) for cls, label in SHARED.items()}


def _references(cls: type[Node], pattern: tuple[str, ...],
                collections: dict[type[Node], str]) -> Iterator[Reference]:
    """Every reference the model declares below `cls`, as a path pattern into the raw data."""
    for spec in fields_of(cls):
        here = pattern + (spec.key,)
        if spec.kind is Kind.REF:
            yield _reference(here, spec.targets, collections)
        elif spec.kind is Kind.REFS:
            yield _reference(here + (ANY_INDEX,), spec.targets, collections)
        elif spec.kind is Kind.NODE:
            yield from _references(spec.type, here, collections)
        elif spec.kind is Kind.NODES:
            yield from _references(spec.type, here + (ANY_INDEX,), collections)


def _reference(pattern: tuple[str, ...], targets: tuple[type[Node], ...],
               collections: dict[type[Node], str]) -> Reference:
    return Reference(pattern, tuple(collections[target] for target in targets),
                     " of ".join(target.NOUN for target in targets))


def references_below(cls: type[Node], collections: dict[type[Node], str]) -> tuple[Reference, ...]:
    """Every reference the model declares in a document of class `cls`, each with the
    collection (of `collections`) it must name."""
    return tuple(_references(cls, (), collections))


REFERENCES: tuple[Reference, ...] = references_below(Region, _collections())
"""Derived from the model's ref() declarations: the model is the one place that says what
refers to what."""


def check(document: YamlDocument) -> Iterator[Problem]:
    data = document.data
    known = {target: ids(data, target) for target in set(_collections().values())}
    known.update(_shared_ids())
    targets: dict[tuple[str, ...], Hints] = {}  # per list(s) of ids, built once
    for reference in REFERENCES:
        for path, value in matches(data, reference.pattern):
            if not isinstance(value, str):
                continue  # a wrong type is the schema's finding
            if reference.targets not in targets:
                defined = set().union(*(known[target] for target in reference.targets))
                targets[reference.targets] = Hints(defined)
            hints = targets[reference.targets]
            if value not in hints.known:
                yield unknown_reference(path, value, reference.noun,
                                        " of ".join(reference.targets), hints)


def unknown_reference(path: JsonPath, value: str, noun: str, lists: str,
                      defined: Iterable[str] | Hints) -> Problem:
    """`<path>: <noun> '<value>' bestaat niet in <lists>`, with the closest id as a hint.

    Pass a Hints built once for many references to the same ids: the hint then costs about
    the length of `value`, not the number of ids (see generator.hints).
    """
    hints = defined if isinstance(defined, Hints) else Hints(defined)
    message = f"{describe_path(path)}: {noun} '{value}' bestaat niet in {lists}"
    hint = hints.closest(value)
    if hint:
        return Problem(path, "VERWIJZING-ONBEKEND", f"{message}; bedoelde u '{hint}'?")
    return Problem(path, "VERWIJZING-ONBEKEND",
                   f"{message} (bekend: {listing(hints.candidates) or 'geen'})")
