"""A quick verdict on a document that is valid against its schema, without importing jsonschema.

`regiekit validate` runs on every commit (the pre-commit hook) and nearly every document it reads
is valid. Importing jsonschema costs about as much CPU time as everything else `validate` does
before it validates, and its validation of a region several milliseconds more. This module only
answers "certainly valid?" for the JSON Schema 2020-12 keywords regiekit's schemas use, by the
same rules as jsonschema. Whatever it cannot decide exactly (a keyword or format it does not
know, a `$ref` outside the schema's `$defs`) raises `Unsure`; then, and for every document it
finds invalid, the caller runs jsonschema, which also words the findings. Tests compare both
verdicts on every shipped and fixture document and on mutations of them
(tests/validation/test_quickcheck.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import cache
from importlib.util import find_spec
from typing import Any


class Unsure(Exception):
    """The quick check cannot decide this document: ask jsonschema."""


_ANNOTATIONS = frozenset({"title", "description", "default", "examples", "$comment",
                          "deprecated", "$schema", "$id", "$defs", "then", "else"})
"""Keywords that never fail by themselves (`then`/`else` are applied by `if`)."""

_DEFS = "#/$defs/"


def is_valid(data: Any, schema: dict[str, Any]) -> bool:
    """True when `data` is valid against `schema` (a 2020-12 schema with local `$defs`), False
    when it is not; raises Unsure when this module cannot tell."""
    return _valid(data, schema, schema)


def _valid(data: Any, schema: Any, root: dict[str, Any]) -> bool:
    if schema is True:
        return True
    if schema is False:
        return False
    for keyword, value in schema.items():
        if keyword in _ANNOTATIONS:
            continue
        test = _KEYWORDS.get(keyword)
        if test is None:
            raise Unsure(keyword)
        if not test(data, value, schema, root):
            return False
    return True


# --- the keywords ----------------------------------------------------------------------------

def _type(data: Any, value: Any, schema: Any, root: dict[str, Any]) -> bool:
    names = value if isinstance(value, list) else [value]
    return any(_is_type(data, name) for name in names)


def _is_type(data: Any, name: str) -> bool:
    if isinstance(data, bool):
        return name == "boolean"
    if name == "integer":
        return isinstance(data, int) or (isinstance(data, float) and data.is_integer())
    types = _PYTHON_TYPES.get(name)
    if types is None:
        raise Unsure(f"type {name}")
    return isinstance(data, types)


_PYTHON_TYPES: dict[str, Any] = {"string": str, "number": (int, float), "boolean": bool,
                                 "array": list, "object": dict, "null": type(None)}


def _properties(data: Any, value: Any, schema: Any, root: dict[str, Any]) -> bool:
    return not isinstance(data, dict) or all(
        _valid(data[name], sub, root) for name, sub in value.items() if name in data)


def _additional(data: Any, value: Any, schema: Any, root: dict[str, Any]) -> bool:
    if not isinstance(data, dict):
        return True
    declared = schema.get("properties", {})
    return all(_valid(data[name], value, root) for name in data if name not in declared)


def _required(data: Any, value: Any, schema: Any, root: dict[str, Any]) -> bool:
    return not isinstance(data, dict) or all(name in data for name in value)


def _property_names(data: Any, value: Any, schema: Any, root: dict[str, Any]) -> bool:
    return not isinstance(data, dict) or all(_valid(name, value, root) for name in data)


def _items(data: Any, value: Any, schema: Any, root: dict[str, Any]) -> bool:
    if "prefixItems" in schema:
        raise Unsure("prefixItems")
    return not isinstance(data, list) or all(_valid(item, value, root) for item in data)


def _unique(data: Any, value: Any, schema: Any, root: dict[str, Any]) -> bool:
    if not value or not isinstance(data, list):
        return True
    return not any(_equal(data[first], data[second]) for first in range(len(data))
                   for second in range(first + 1, len(data)))


def _sized(kind: type[list[Any]] | type[str],
           measure: Callable[[int, Any], bool]) -> Callable[..., bool]:
    """minItems, maxLength, ...: the length of a list or text against the keyword's value."""
    def test(data: Any, value: Any, schema: Any, root: dict[str, Any]) -> bool:
        return not isinstance(data, kind) or measure(len(data), value)
    return test


def _bound(measure: Callable[[Any, Any], bool]) -> Callable[..., bool]:
    """minimum, exclusiveMaximum, ...: a number (never a boolean) against the keyword's value."""
    def test(data: Any, value: Any, schema: Any, root: dict[str, Any]) -> bool:
        is_number = isinstance(data, (int, float)) and not isinstance(data, bool)
        return not is_number or measure(data, value)
    return test


def _enum(data: Any, value: Any, schema: Any, root: dict[str, Any]) -> bool:
    return any(_equal(data, option) for option in value)


def _const(data: Any, value: Any, schema: Any, root: dict[str, Any]) -> bool:
    return _equal(data, value)


def _equal(one: Any, two: Any) -> bool:
    """Equality as JSON Schema has it: a boolean is never a number, lists and tables are equal
    item by item."""
    if isinstance(one, list) and isinstance(two, list):
        return len(one) == len(two) and all(map(_equal, one, two))
    if isinstance(one, dict) and isinstance(two, dict):
        return one.keys() == two.keys() and all(_equal(one[key], two[key]) for key in one)
    if isinstance(one, (bool, list, dict)) or isinstance(two, (bool, list, dict)):
        return type(one) is type(two) and bool(one == two)
    return bool(one == two)


def _pattern(data: Any, value: Any, schema: Any, root: dict[str, Any]) -> bool:
    return not isinstance(data, str) or _compiled(value).search(data) is not None


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _format(data: Any, value: Any, schema: Any, root: dict[str, Any]) -> bool:
    if not isinstance(data, str):
        return True
    if value == "date":
        return is_calendar_date(data)
    if value == "uri":
        return _is_uri(data)
    raise Unsure(f"format {value}")


def _is_uri(data: str) -> bool:
    """As jsonschema's format checker: rfc3987 if installed, else rfc3986_validator, else any."""
    if find_spec("rfc3987"):
        raise Unsure("format uri (rfc3987)")
    if find_spec("rfc3986_validator"):
        from rfc3986_validator import validate_rfc3986  # type: ignore[import-not-found]

        return bool(validate_rfc3986(data, rule="URI"))
    return True  # jsonschema asserts the format only with one of these packages

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def is_calendar_date(value: str) -> bool:
    """`2021-02-28` yes, `2021-02-31` and `21-2-28` no (the format `date`)."""
    if not _ISO_DATE.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _any_of(data: Any, value: Any, schema: Any, root: dict[str, Any]) -> bool:
    return any(_valid(data, sub, root) for sub in value)


def _all_of(data: Any, value: Any, schema: Any, root: dict[str, Any]) -> bool:
    return all(_valid(data, sub, root) for sub in value)


def _one_of(data: Any, value: Any, schema: Any, root: dict[str, Any]) -> bool:
    return sum(_valid(data, sub, root) for sub in value) == 1


def _not(data: Any, value: Any, schema: Any, root: dict[str, Any]) -> bool:
    return not _valid(data, value, root)


def _if(data: Any, value: Any, schema: Any, root: dict[str, Any]) -> bool:
    branch = "then" if _valid(data, value, root) else "else"
    return _valid(data, schema.get(branch, True), root)


def _ref(data: Any, value: Any, schema: Any, root: dict[str, Any]) -> bool:
    definitions = root.get("$defs", {})
    name = value[len(_DEFS):] if isinstance(value, str) and value.startswith(_DEFS) else None
    if name is None or "/" in name or name not in definitions:
        raise Unsure(f"$ref {value}")
    return _valid(data, definitions[name], root)


_KEYWORDS: dict[str, Callable[[Any, Any, Any, dict[str, Any]], bool]] = {
    "type": _type, "properties": _properties, "additionalProperties": _additional,
    "required": _required, "propertyNames": _property_names, "items": _items,
    "uniqueItems": _unique,
    "minItems": _sized(list, lambda size, limit: size >= limit),
    "maxItems": _sized(list, lambda size, limit: size <= limit),
    "minLength": _sized(str, lambda size, limit: size >= limit),
    "maxLength": _sized(str, lambda size, limit: size <= limit),
    "minimum": _bound(lambda number, limit: number >= limit),
    "maximum": _bound(lambda number, limit: number <= limit),
    "exclusiveMinimum": _bound(lambda number, limit: number > limit),
    "exclusiveMaximum": _bound(lambda number, limit: number < limit),
    "enum": _enum, "const": _const, "pattern": _pattern, "format": _format,
    "anyOf": _any_of, "allOf": _all_of, "oneOf": _one_of, "not": _not, "if": _if,
    "$ref": _ref,
}
