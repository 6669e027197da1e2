"""formulier-volledig: steps that need a form have it, filled in completely.

The filled form is validated with cerberus against a schema built from the REGION's form
definition (sections → fields, `verplicht`, `soort`), so adding a required field in regio.yaml
changes the verdict without code. Messages name section and field labels from the region only.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from cerberus import Validator, errors

from generator.checks.base import CaseContext, Data, Violation, source_of

KIND = "formulier-volledig"

_TYPES: dict[str, dict[str, Any]] = {
    "tekst": {"type": "string"},
    "datum": {"type": "string", "regex": r"\d{4}-\d{2}-\d{2}"},
    "ja_nee": {"type": "boolean"},
    "lijst": {"type": "list"},
}


def cerberus_schema(form: Data) -> dict[str, Any]:
    """A cerberus schema for `velden` of a filled form: one dict per section, one rule per field."""
    return {
        section["id"]: {
            "type": "dict",
            "required": any(field.get("verplicht", True) for field in section["velden"]),
            "schema": {field["id"]: _field_rule(field) for field in section["velden"]},
        }
        for section in form["secties"]
    }


def _field_rule(field: Data) -> dict[str, Any]:
    required = bool(field.get("verplicht", True))
    return {**_TYPES[field.get("soort", "tekst")], "required": required,
            "empty": not required, "nullable": not required}


def _validator(case: CaseContext, form_id: str) -> Validator:
    key = (KIND, form_id)
    if key not in case.region.cache:
        form = case.region.forms[form_id]
        case.region.cache[key] = Validator(cerberus_schema(form), allow_unknown=False)
    return case.region.cache[key]  # type: ignore[no-any-return]


def check(case: CaseContext) -> Iterator[Violation]:
    validated: set[str] = set()
    for event in case.escalations():
        form_id = (event.step or {}).get("formulier")
        if not form_id or form_id not in case.region.forms:
            continue
        form = case.region.forms[form_id]
        filled_id = event.data.get("formulier")
        filled = case.filled_forms.get(str(filled_id))
        if filled_id is None:
            yield Violation(event.path + ("stap",),
                            f"stap {event.number} vraagt het formulier '{form['naam']}'; "
                            "er is geen ingevuld formulier bij vermeld", source_of(event.step))
        elif filled is not None and filled["formulier"] != form_id:
            yield Violation(event.path + ("formulier",),
                            f"stap {event.number} vraagt het formulier '{form['naam']}'; "
                            "het vermelde formulier is een ander", source_of(event.step))
        elif filled is not None and filled_id not in validated:
            validated.add(str(filled_id))
            yield from _incomplete(case, form, filled)


def _incomplete(case: CaseContext, form: Data, filled: Data) -> Iterator[Violation]:
    validator = _validator(case, str(form["id"]))
    if validator.validate(filled["velden"], normalize=False):
        return
    index = next(i for i, item in enumerate(case.data["formulieren"]) if item is filled)
    base = ("formulieren", index, "velden")
    for path, code in _leaf_errors(validator._errors):
        yield Violation(base + tuple(path), _describe(form, path, code), source_of(form))


def _leaf_errors(found: Iterable[Any]) -> Iterator[tuple[tuple[str, ...], int]]:
    for error in found:
        if error.is_group_error:
            yield from _leaf_errors(error.child_errors)
        else:
            yield tuple(str(part) for part in error.document_path), error.code


def _describe(form: Data, path: tuple[str, ...], code: int) -> str:
    sections = {section["id"]: section for section in form["secties"]}
    section = sections.get(path[0])
    if section is None:
        return f"'{form['naam']}' kent deze sectie niet"
    if len(path) == 1:
        return f"sectie '{section['titel']}' van '{form['naam']}' ontbreekt"
    fields = {field["id"]: field for field in section["velden"]}
    field = fields.get(path[1])
    if field is None:
        return f"sectie '{section['titel']}' kent dit veld niet"
    where = f"veld '{field['label']}' (sectie '{section['titel']}')"
    if code == errors.REQUIRED_FIELD.code:
        return f"{where} ontbreekt"
    if code in (errors.EMPTY_NOT_ALLOWED.code, errors.NOT_NULLABLE.code):
        return f"{where} is leeg"
    return f"{where} heeft niet de juiste soort waarde ({field.get('soort', 'tekst')})"
