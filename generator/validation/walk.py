"""Reading possibly invalid data safely: semantic checks run even when the schema found errors,
so every accessor here tolerates a wrong type instead of raising."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.loader import JsonPath

ANY_INDEX = "[*]"
ANY_DEPTH = "**"


def parse_pattern(pattern: str) -> tuple[str, ...]:
    """`ladders[*].stappen[*].uitvoerder` -> ('ladders', '[*]', 'stappen', '[*]', 'uitvoerder')."""
    parts: list[str] = []
    for piece in pattern.split("."):
        name, _, rest = piece.partition("[")
        if name:
            parts.append(name)
        parts.extend(ANY_INDEX for _ in range(rest.count("*]")))
    return tuple(parts)


def matches(data: Any, pattern: tuple[str, ...],
            path: JsonPath = ()) -> Iterator[tuple[JsonPath, Any]]:
    """Every (path, value) in `data` that `pattern` reaches; `**` stands for any depth."""
    if not pattern:
        yield path, data
        return
    head, rest = pattern[0], pattern[1:]
    if head == ANY_DEPTH:
        yield from matches(data, rest, path)
        for child_path, child in children(data, path):
            yield from matches(child, pattern, child_path)
    elif head == ANY_INDEX:
        if isinstance(data, list):
            for index, item in enumerate(data):
                yield from matches(item, rest, path + (index,))
    elif isinstance(data, dict) and head in data:
        yield from matches(data[head], rest, path + (head,))


def children(data: Any, path: JsonPath) -> Iterator[tuple[JsonPath, Any]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield path + (key,), value
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield path + (index,), value


def records(data: Any, key: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """The mappings in the list `data[key]`, with their index; anything else is skipped."""
    values = data.get(key) if isinstance(data, dict) else None
    if isinstance(values, list):
        for index, value in enumerate(values):
            if isinstance(value, dict):
                yield index, value


def ids(data: Any, key: str) -> set[str]:
    """The ids defined in the list `data[key]`."""
    return {record["id"] for _, record in records(data, key) if isinstance(record.get("id"), str)}
