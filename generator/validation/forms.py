"""A form that a step requires must ask for something: at least one required field."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.loader import YamlDocument
from generator.validation.problems import Problem, describe_path
from generator.validation.walk import matches, parse_pattern, records

ID = "formulieren"
KINDS = ("regio",)

_STEP_FORMS = parse_pattern("ladders[*].stappen[*].formulier")


def check(document: YamlDocument) -> Iterator[Problem]:
    forms = {form.get("id"): form for _, form in records(document.data, "formulieren")}
    for path, form_id in matches(document.data, _STEP_FORMS):
        form = forms.get(form_id) if isinstance(form_id, str) else None
        if form is not None and not _has_required_field(form):
            yield Problem(path, "FORMULIER-ZONDER-VERPLICHT",
                          f"{describe_path(path)}: formulier '{form_id}' heeft geen enkel "
                          "verplicht veld, dus een stap kan het nooit 'volledig ingevuld' vragen")


def _has_required_field(form: dict[str, Any]) -> bool:
    # `verplicht` defaults to true in the schema.
    return any(field.get("verplicht", True) is True
               for _, section in records(form, "secties")
               for _, field in records(section, "velden"))
