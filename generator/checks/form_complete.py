"""formulier-volledig: steps that need a form have it, filled in completely.

The filled form is validated with cerberus against a schema built from the REGION's form
definition (sections → fields, `verplicht`, `soort`), so adding a required field in regio.yaml
changes the verdict without code. Messages name section and field labels from the region only.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from cerberus import Validator, errors

from generator.checks.base import Violation
from generator.model.case import Case, FilledForm
from generator.model.region import Field, Form

KIND = "formulier-volledig"

_TYPES: dict[str, dict[str, Any]] = {
    "tekst": {"type": "string"},
    "datum": {"type": "string", "regex": r"\d{4}-\d{2}-\d{2}"},
    "ja_nee": {"type": "boolean"},
    "lijst": {"type": "list"},
}
"""A field's `soort` as a cerberus rule."""


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
    return {**_TYPES[field.kind], "required": field.required, "empty": not field.required,
            "nullable": not field.required}


@lru_cache(maxsize=256)
def validator(form: Form) -> Validator:
    """The validator for filled copies of `form`, built once per form."""
    return Validator(cerberus_schema(form), allow_unknown=False)


def is_complete(filled: FilledForm, form: Form) -> bool:
    return bool(validator(form).validate(filled.values, normalize=False))


def check(case: Case) -> Iterator[Violation]:
    validated: set[FilledForm] = set()
    for event in case.escalations_in_order:
        step = event.step
        form = step.form if step is not None else None
        if step is None or form is None:
            continue
        filled = event.form
        if filled is None and event.resolves("form"):
            yield Violation(event.at("number"),
                            f"stap {event.number} vraagt het formulier '{form.name}'; "
                            "er is geen ingevuld formulier bij vermeld", step.source)
        elif filled is not None and filled.form is not form:
            yield Violation(event.at("form"),
                            f"stap {event.number} vraagt het formulier '{form.name}'; "
                            "het vermelde formulier is een ander", step.source)
        elif filled is not None and filled not in validated:
            validated.add(filled)
            yield from _incomplete(form, filled)


def _incomplete(form: Form, filled: FilledForm) -> Iterator[Violation]:
    checker = validator(form)
    if checker.validate(filled.values, normalize=False):
        return
    for path, code in _leaf_errors(checker._errors):
        yield Violation(filled.at("values", *path), _describe(form, path, code), form.source)


def _leaf_errors(found: Iterable[Any]) -> Iterator[tuple[tuple[str, ...], int]]:
    for error in found:
        if error.is_group_error:
            yield from _leaf_errors(error.child_errors)
        else:
            yield tuple(str(part) for part in error.document_path), error.code


def _describe(form: Form, path: tuple[str, ...], code: int) -> str:
    section = form.section(path[0])
    if section is None:
        return f"'{form.name}' kent deze sectie niet"
    if len(path) == 1:
        return f"sectie '{section.title}' van '{form.name}' ontbreekt"
    field = section.field(path[1])
    if field is None:
        return f"sectie '{section.title}' kent dit veld niet"
    where = f"veld '{field.label}' (sectie '{section.title}')"
    if code == errors.REQUIRED_FIELD.code:
        return f"{where} ontbreekt"
    if code in (errors.EMPTY_NOT_ALLOWED.code, errors.NOT_NULLABLE.code):
        return f"{where} is leeg"
    return f"{where} heeft niet de juiste soort waarde ({field.kind})"
