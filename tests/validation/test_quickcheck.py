"""The quick check passes a document only when jsonschema does too, and fails it only when
jsonschema does: on every shipped and fixture document, on thousands of mutations of them, and
on the corners of JSON Schema where Python's types differ from JSON's."""

from __future__ import annotations

import copy
import random
from collections.abc import Iterator
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from validation_support import REPO

from generator.errors import YamlLoadError
from generator.loader import load_yaml
from generator.validation import quickcheck
from generator.validation.files import SCHEMAS, document_kind
from generator.validation.schema import schema_of, validator_for

FOLDERS = ("regions", "rules", "protocols", "examples", "tests/data")


def documents() -> Iterator[tuple[str, str, Any]]:
    """(file, schema, data) of every YAML document of a known kind in the checkout."""
    for folder in FOLDERS:
        for path in sorted((REPO / folder).rglob("*.y*ml")):
            try:
                document = load_yaml(path)
            except YamlLoadError:
                continue
            kind = document_kind(str(path.relative_to(REPO)), document.data)
            if kind is not None and schema_of(SCHEMAS[kind]) is not None:
                yield str(path.relative_to(REPO)), SCHEMAS[kind], document.data


ALL = list(documents())


def verdict(data: Any, name: str) -> bool | None:
    schema = schema_of(name)
    assert schema is not None
    try:
        return quickcheck.is_valid(data, schema)
    except quickcheck.Unsure:
        return None


def jsonschema_says(data: Any, name: str) -> bool:
    validator = validator_for(name)
    assert validator is not None
    return bool(validator.is_valid(data))


def test_there_are_documents_of_every_kind_to_compare() -> None:
    assert {name for _, name, _ in ALL} >= set(SCHEMAS.values()) - {"inzet.schema.json"}
    invalid = [file for file, name, data in ALL if not jsonschema_says(data, name)]
    assert len(ALL) > 70 and len(invalid) > 5


@pytest.mark.parametrize(("file", "name", "data"), ALL, ids=[file for file, _, _ in ALL])
def test_same_verdict_as_jsonschema(file: str, name: str, data: Any) -> None:
    quick = verdict(data, name)
    assert quick is not None, f"{file}: the quick check could not decide"
    assert quick == jsonschema_says(data, name), file


def test_every_shipped_agreement_is_decided_without_jsonschema() -> None:
    shipped = [(file, name, data) for file, name, data in ALL
               if file.startswith(("regions/", "rules/", "protocols/"))]
    assert len(shipped) >= 10
    assert all(verdict(data, name) is True for _, name, data in shipped)


REPLACEMENTS: tuple[Any, ...] = (
    None, True, False, 0, 1, -1, 1.5, 2.0, "", "x", "2021-02-28", "2021-02-31", "21-2-28",
    "A-1", "nee", [], ["a", "a"], ["a", "b"], [1, True], [{}], {}, {"onbekend": 1},
)


def _places(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    children = data.items() if isinstance(data, dict) else enumerate(data) \
        if isinstance(data, list) else ()
    for key, value in children:
        yield from _places(value, (*path, key))


def _mutated(data: Any, path: tuple[Any, ...], how: Any) -> Any:
    """A copy of `data` with the value at `path` replaced (or removed, or given an extra key)."""
    copied = copy.deepcopy(data)
    if not path:
        return how
    parent = copied
    for key in path[:-1]:
        parent = parent[key]
    if how == "weg" and isinstance(parent, dict):
        del parent[path[-1]]
    elif how == "extra" and isinstance(parent[path[-1]], dict):
        parent[path[-1]]["onbekende_sleutel"] = 1
    else:
        parent[path[-1]] = how
    return copied


def mutations(seed: int, count: int) -> Iterator[tuple[str, str, Any]]:
    rng = random.Random(seed)
    candidates = [item for item in ALL if isinstance(item[2], dict)]
    for _ in range(count):
        file, name, data = rng.choice(candidates)
        path = rng.choice(list(_places(data)))
        how = rng.choice((*REPLACEMENTS, "weg", "extra"))
        yield file, name, _mutated(data, path, how)


def test_same_verdict_as_jsonschema_on_mutated_documents() -> None:
    decided = 0
    for file, name, data in mutations(seed=20261123, count=1500):
        quick = verdict(data, name)
        if quick is None:
            continue
        decided += 1
        assert quick == jsonschema_says(data, name), file
    assert decided > 1400


SCHEMA: dict[str, Any] = {
    "$defs": {"dag": {"type": "string", "format": "date"}},
    "type": "object",
    "properties": {
        "aantal": {"type": "integer", "minimum": 1},
        "keuze": {"enum": [1, "a", [1, 2]]},
        "lijst": {"type": "array", "uniqueItems": True},
        "datum": {"$ref": "#/$defs/dag"},
        "soort": {"type": "string"},
    },
    "if": {"properties": {"soort": {"const": "x"}}, "required": ["soort"]},
    "then": {"required": ["aantal"]},
    "else": {"not": {"required": ["aantal"]}},
}


@pytest.mark.parametrize("data", [
    {"aantal": True, "soort": "x"}, {"aantal": 2.0, "soort": "x"}, {"aantal": 0.5, "soort": "x"},
    {"keuze": True}, {"keuze": 1.0}, {"keuze": [1, 2]}, {"keuze": [1, True]},
    {"lijst": [1, True]}, {"lijst": [1, 1.0]}, {"lijst": [[1], [1]]},
    {"lijst": [{"a": 1}, {"a": 1}]},
    {"lijst": [0, False]}, {"datum": "2024-02-29"}, {"datum": "2023-02-29"}, {"datum": 20240229},
    {"soort": "x"}, {"soort": "y", "aantal": 3}, {"soort": "y"}, {},
])
def test_json_types_where_python_differs(data: dict[str, Any]) -> None:
    validator = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)
    assert quickcheck.is_valid(data, SCHEMA) == validator.is_valid(data)


@pytest.mark.parametrize("schema", [
    {"patternProperties": {"^x": {"type": "string"}}},
    {"$ref": "https://example.org/ander.schema.json"},
    {"type": "string", "format": "email"},
    {"prefixItems": [{"type": "string"}], "items": False},
])
def test_what_it_does_not_know_it_leaves_to_jsonschema(schema: dict[str, Any]) -> None:
    with pytest.raises(quickcheck.Unsure):
        quickcheck.is_valid({"x": "a"} if "patternProperties" in schema else
                            ["a"] if "prefixItems" in schema else "a", schema)

