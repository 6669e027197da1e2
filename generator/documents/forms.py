"""Form contexts: a region's declared form blank, or filled with the answers from a case file.

One template serves both; a blank form simply has empty answers (a ja/nee field shows its two
tick boxes, a date field a line to write on).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from generator.documents.context import (
    FILL_IN,
    Context,
    clean,
    document_block,
    field_label,
    form_usage,
    region_summary,
    section_title,
    source_text,
)
from generator.documents.words import capitalize, dutch_date
from generator.model.region import Field, FieldKind, Form, Region

BLANK = {FieldKind.TEXT: " ", FieldKind.DATE: "__ - __ - ____",
         FieldKind.YES_NO: "☐ ja     ☐ nee", FieldKind.LIST: " "}

Answers = Mapping[str, Any]
"""A case's answers to one form: section id -> field id -> value, as written in the case."""


def answer_text(field: Field, value: Any) -> str:
    """A case's answer as a reader sees it: ja/nee, dates in words, lists one per line."""
    if value is None:
        return BLANK.get(field.kind, " ")
    if isinstance(value, bool):
        return "☒ ja     ☐ nee" if value else "☐ ja     ☒ nee"
    if isinstance(value, list):
        return "\n".join(f"• {item}" for item in value)
    if field.kind == FieldKind.DATE and isinstance(value, str):
        try:
            return dutch_date(date.fromisoformat(value))
        except ValueError:
            return value
    if isinstance(value, dict):
        return "\n".join(f"{key}: {item}" for key, item in value.items())
    return str(value)


def field_row(field: Field, value: Any) -> Context:
    """One question; a blank ja/nee question gets two tick boxes, a blank date a date picker
    (content controls in the template), every other answer a text field."""
    label = field_label(field)
    if field.required:
        label += " *"
    blank = value is None
    return {"question": label, "hint": field.note, "answer": answer_text(field, value),
            "boxes": blank and field.kind == FieldKind.YES_NO,
            "date": blank and field.kind == FieldKind.DATE}


def _answer(answers: Answers, section_id: str, field_id: str) -> Any:
    in_section = answers.get(section_id) or {}
    return in_section.get(field_id) if isinstance(in_section, Mapping) else None


def form_sections(form: Form, answers: Answers | None = None) -> list[Context]:
    given = answers or {}
    return [{"heading": section_title(number, s),
             "fields": [field_row(f, _answer(given, s.id, f.id)) for f in s.fields]}
            for number, s in enumerate(form.sections, start=1)]


def form_context(region: Region, form: Form, *, answers: Answers | None = None,
                 header: list[dict[str, str]] | None = None) -> Context:
    """The context of `formulier.docx`: blank unless `answers` (section -> field -> value)."""
    usage = form_usage(region, form)
    description = form.description or (f"Te gebruiken bij {usage}." if usage else "")
    return clean({  # type: ignore[no-any-return]
        "region": region_summary(region),
        "doc": document_block(region, "Formulier", capitalize(form.name)),
        "description": description,
        "fill_in": header or FILL_IN,
        "sections": form_sections(form, answers),
        "footnote": "Vragen met * zijn verplicht.",
        "source": source_text(region, form.source),
    })
