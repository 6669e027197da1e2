"""Form contexts: a region's declared form blank, or filled with the answers from a case file.

One template serves both; a blank form simply has empty answers (a ja/nee field shows its two
tick boxes, a date field a line to write on).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from generator.documents.context import (
    FILL_IN,
    Context,
    Data,
    RegionView,
    clean,
    document_block,
    form_usage,
    region_summary,
    section_title,
)
from generator.documents.words import capitalize, dutch_date

BLANK = {"tekst": " ", "datum": "__ - __ - ____", "ja_nee": "☐ ja     ☐ nee", "lijst": " "}


def answer_text(field: Data, value: Any) -> str:
    """A case's answer as a reader sees it: ja/nee, dates in words, lists one per line."""
    if value is None:
        return BLANK.get(str(field.get("soort", "tekst")), " ")
    if isinstance(value, bool):
        return "☒ ja     ☐ nee" if value else "☐ ja     ☒ nee"
    if isinstance(value, list):
        return "\n".join(f"• {item}" for item in value)
    if field.get("soort") == "datum" and isinstance(value, str):
        try:
            return dutch_date(date.fromisoformat(value))
        except ValueError:
            return value
    if isinstance(value, dict):
        return "\n".join(f"{key}: {item}" for key, item in value.items())
    return str(value)


def field_row(field: Data, value: Any) -> Context:
    label = str(field["label"])
    if field.get("groep"):
        label = f"{field['groep']}: {label}"
    if field.get("verplicht", True):
        label += " *"
    return {"label": label, "toelichting": str(field.get("toelichting", "")),
            "antwoord": answer_text(field, value)}


def form_sections(form: Data, answers: Data | None = None) -> list[Context]:
    answers = answers or {}
    return [{"kop": section_title(number, s),
             "velden": [field_row(v, (answers.get(s["id"]) or {}).get(v["id"]))
                        for v in s["velden"]]}
            for number, s in enumerate(form["secties"], start=1)]


def form_context(data: Data, form: Data, *, answers: Data | None = None,
                 header: list[dict[str, str]] | None = None) -> Context:
    """The context of `formulier.docx`: blank unless `answers` (section -> field -> value)."""
    view = RegionView(data)
    usage = form_usage(view, str(form["id"]))
    description = str(form.get("omschrijving", "")) or (
        f"Te gebruiken bij {usage}." if usage else "")
    return clean({  # type: ignore[no-any-return]
        "regio": region_summary(view),
        "doc": document_block(view, "Formulier", capitalize(str(form["naam"]))),
        "omschrijving": description,
        "invulvelden": header or FILL_IN,
        "secties": form_sections(form, answers),
        "voetnoot": "Vragen met * zijn verplicht.",
        "bron": view.source(form.get("bron")),
    })
