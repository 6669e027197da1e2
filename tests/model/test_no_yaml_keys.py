"""Only the model reads the YAML's keys: no other module looks a value up by a YAML key.

A YAML key is any property name of the published schemas. Reading it means a subscript
(`data["naam"]`), a lookup (`.get("naam")`, `.pop(...)`, `.setdefault(...)`) or a membership test
(`"naam" in data`) with that key as a literal. The model (generator/model/), the one loader and
the validation of raw documents before a model exists (generator/validation/) are the exceptions.
"""

from __future__ import annotations

import ast
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "generator"
ALLOWED = (PACKAGE / "model", PACKAGE / "validation", PACKAGE / "loader.py")
LOOKUPS = {"get", "pop", "setdefault"}


def _property_names(schema: Any) -> Iterator[str]:
    if isinstance(schema, dict):
        for name, value in schema.items():
            if name == "properties" and isinstance(value, dict):
                yield from value
            yield from _property_names(value)
    elif isinstance(schema, list):
        for item in schema:
            yield from _property_names(item)


def yaml_keys() -> set[str]:
    keys: set[str] = set()
    for schema in (ROOT / "schemas").glob("*.json"):
        keys |= set(_property_names(json.loads(schema.read_text(encoding="utf-8"))))
    return keys


def key_reads(tree: ast.AST, keys: set[str]) -> Iterator[tuple[int, str]]:
    """(line, key) for every read of a YAML key by literal in `tree`."""
    def literal(node: ast.AST) -> str | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in keys:
            return node.value
        return None

    for node in ast.walk(tree):
        found = None
        if isinstance(node, ast.Subscript):
            found = literal(node.slice)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr in LOOKUPS and node.args:
            found = literal(node.args[0])
        elif isinstance(node, ast.Compare) and any(
                isinstance(op, ast.In | ast.NotIn) for op in node.ops):
            found = literal(node.left)
        if found is not None:
            yield node.lineno, found


def modules() -> list[Path]:
    return [path for path in sorted(PACKAGE.rglob("*.py"))
            if not any(path == allowed or allowed in path.parents for allowed in ALLOWED)]


def test_the_schemas_name_the_keys_the_model_reads() -> None:
    assert {"naam", "initiatiefnemers", "reactietermijn_werkdagen", "casus", "escalaties",
            "regels"} <= yaml_keys()


def test_the_detector_finds_each_way_of_reading_a_key() -> None:
    source = ('a = data["naam"]\nb = data.get("voorwaarden")\nc = "casus" in data\n'
              'd = {"naam": 1}\ne = f"{x} naam"\n')
    assert sorted(key for _, key in key_reads(ast.parse(source), yaml_keys())) == [
        "casus", "naam", "voorwaarden"]


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_yaml_key_is_read_outside_the_model(path: Path) -> None:
    reads = list(key_reads(ast.parse(path.read_text(encoding="utf-8")), yaml_keys()))
    assert not reads, "; ".join(f"{path.name}:{line} leest '{key}'" for line, key in reads)
