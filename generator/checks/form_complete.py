"""formulier-volledig: steps that need a form have it, filled in completely.

The filled form is validated with cerberus against a schema built from the REGION's form
definition (sections → fields, `verplicht`, `soort`), so adding a required field in regio.yaml
changes the verdict without code. Messages name section and field labels from the region only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from cerberus import Validator, errors

from generator.checks.base import Violation, should, step_text
from generator.model.case import Case, FilledForm
from generator.model.region import Field, FieldKind, Form

KIND = "formulier-volledig"

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class _FieldKind:
    """A field's `soort`: its cerberus rule, and which values that rule surely accepts."""

    rule: dict[str, Any]
    accepts: Callable[[Any], bool]
    """A shortcut past cerberus for the common case; False only means: ask cerberus."""


_KINDS = {
    "tekst": _FieldKind({"type": "string"}, lambda value: type(value) is str),
    "datum": _FieldKind({"type": "string", "regex": _DATE.pattern},
                        lambda value: type(value) is str and (
                            not value or _DATE.fullmatch(value) is not None)),
    "ja_nee": _FieldKind({"type": "boolean"}, lambda value: type(value) is bool),
    "lijst": _FieldKind({"type": "list"}, lambda value: type(value) is list),
}


def cerberus_schema(form: Form) -> dict[str, Any]:
    """A cerberus schema for `velden` of a filled form: one dict per section, one rule per field."""
    return {
        section.id: {
            "type": "dict",
            "required": any(field.required for field in section.fields),
            "schema": {field.id: _field_rule(field) for field in section.fields},
        }
        for section in form.sections
    }


def _field_rule(field: Field) -> dict[str, Any]:
    return {**_KINDS[field.kind].rule, "required": field.required, "empty": not field.required,
            "nullable": not field.required}


@lru_cache(maxsize=256)
def validator(form: Form) -> Validator:
    """The validator for filled copies of `form`, built once per form."""
    return Validator(cerberus_schema(form), allow_unknown=False)


_Shape = dict[str, tuple[bool, dict[str, tuple[bool, Callable[[Any], bool]]]]]


@lru_cache(maxsize=256)
def _shape(form: Form) -> _Shape:
    """`cerberus_schema` as plain data: per section whether it is required, and per field."""
    return {section.id: (any(field.required for field in section.fields),
                         {field.id: (field.required, _KINDS[field.kind].accepts)
                          for field in section.fields})
            for section in form.sections}


def surely_complete(form: Form, values: Any) -> bool:
    """True when cerberus would accept `values` for `form` without doubt, told without running
    it (most filled forms are complete; cerberus costs ~0.15 ms per form); False: ask it."""
    shape = _shape(form)
    if type(values) is not dict or any(key not in shape for key in values):
        return False
    for section_id, (section_required, fields) in shape.items():
        filled = values.get(section_id, _MISSING)
        if filled is _MISSING:
            if section_required:
                return False
        elif type(filled) is not dict or not _fields_complete(fields, filled):
            return False
    return True


def _fields_complete(fields: dict[str, tuple[bool, Callable[[Any], bool]]],
                     filled: dict[str, Any]) -> bool:
    if any(key not in fields for key in filled):
        return False
    for field_id, (required, accepts) in fields.items():
        value = filled.get(field_id)
        if value is None:
            if required:  # missing, or left empty where null is not allowed
                return False
        elif not accepts(value) or (required and isinstance(value, str | list) and not value):
            return False
    return True


_MISSING = object()


def is_complete(filled: FilledForm, form: Form) -> bool:
    return surely_complete(form, filled.values) or \
        bool(validator(form).validate(filled.values, normalize=False))


def check(case: Case) -> Iterator[Violation]:
    validated: set[FilledForm] = set()
    for event in case.escalations_in_order:
        step = event.step
        form = step.form if step is not None else None
        if step is None or form is None:
            continue
        filled = event.form
        expected = f"het formulier '{form.name}' te vermelden"
        if filled is None and event.resolves("form"):
            yield Violation(event.at("number"), should(
                step_text(step), expected, "geen ingevuld formulier vermeld"), step.source)
        elif filled is not None and filled.form is not form:
            yield Violation(event.at("form"), should(
                step_text(step), expected, "een ander formulier vermeld"), step.source)
        elif filled is not None and filled not in validated:
            validated.add(filled)
            yield from _incomplete(form, filled)


def _incomplete(form: Form, filled: FilledForm) -> Iterator[Violation]:
    if surely_complete(form, filled.values):
        return
    checker = validator(form)
    if checker.validate(filled.values, normalize=False):
        return
    for path, code in _leaf_errors(checker._errors):
        yield Violation(filled.at("values", *path),
                        _describe(form, path, code, _value_at(filled.values, path)), form.source)


def _leaf_errors(found: Iterable[Any]) -> Iterator[tuple[tuple[str, ...], int]]:
    for error in found:
        if error.is_group_error:
            yield from _leaf_errors(error.child_errors)
        else:
            yield tuple(str(part) for part in error.document_path), error.code


def _describe(form: Form, path: tuple[str, ...], code: int, value: Any) -> str:
    """What the form asks at `path` and what the case holds there, never the value itself."""
    section = form.section(path[0])
    if section is None:
        return should("deze sectie", f"een sectie van '{form.name}' te zijn", "niet gevonden")
    if len(path) == 1:
        return should(f"sectie '{section.title}' van '{form.name}'", "ingevuld te zijn",
                      "ontbreekt")
    field = section.field(path[1])
    if field is None:
        return should("dit veld", f"een veld van sectie '{section.title}' te zijn",
                      "niet gevonden")
    where = f"veld '{field.label}' (sectie '{section.title}')"
    if code == errors.REQUIRED_FIELD.code:
        return should(where, "ingevuld te zijn", "ontbreekt")
    if code in (errors.EMPTY_NOT_ALLOWED.code, errors.NOT_NULLABLE.code):
        return should(where, "ingevuld te zijn", "leeg")
    now = _KIND_OF_VALUE.get(type(value), "een andere soort waarde")
    if field.kind == FieldKind.DATE and isinstance(value, str):
        now = "geen datum in de vorm JJJJ-MM-DD"
    if field.kind == FieldKind.TEXT and type(value) in _KIND_OF_VALUE:
        now += " (zet de tekst tussen aanhalingstekens)"
    return should(where, _KIND_EXPECTED.get(field.kind, field.kind), now)


_KIND_EXPECTED = {FieldKind.TEXT: "tekst te zijn", FieldKind.DATE: "een datum te zijn",
                  FieldKind.YES_NO: "ja of nee (true of false) te zijn",
                  FieldKind.LIST: "een lijst te zijn"}
"""What a field of each kind holds, as the message says it."""
_KIND_OF_VALUE: dict[type, str] = {int: "een getal", float: "een getal", bool: "ja/nee",
                                   date: "een datum"}
"""A value YAML read as something other than text (`2024.` is a number), by its type."""


def _value_at(values: Any, path: tuple[str, ...]) -> Any:
    """The value at `path` in the filled form (only its type is ever used)."""
    for part in path:
        if not isinstance(values, dict):
            return None
        values = values.get(part)
    return values
