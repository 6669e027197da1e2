"""The shortcut past cerberus in formulier-volledig: it only ever calls a filled form complete
when cerberus agrees (a property over the shipped forms and generated forms with fields of every
kind), and it does fire for the complete forms of the examples (else it saves nothing)."""

from __future__ import annotations

from typing import Any

from case_support import EXAMPLES, REPO
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.checks.form_complete import surely_complete, validator
from generator.loader import load_yaml
from generator.model.case import build_case
from generator.model.mapping import Builder
from generator.model.region import Form
from generator.regions import load_region, region_files

SHIPPED = [form for path in region_files(REPO / "regions")
           for form in load_region(path, REPO / "regions").forms]
KINDS = ["tekst", "datum", "ja_nee", "lijst"]


@st.composite
def _form(draw: st.DrawFn) -> Form:
    """A shipped form, or a form of a few sections with fields of every kind, as a region has."""
    if draw(st.booleans()):
        return draw(st.sampled_from(SHIPPED))
    sections = [{"id": f"s{number}", "titel": f"Sectie {number}", "velden": [
        {"id": f"v{number}-{field}", "label": f"Veld {field}",
         "soort": draw(st.sampled_from(KINDS)), "verplicht": draw(st.booleans())}
        for field in range(draw(st.integers(1, 4)))]} for number in range(draw(st.integers(1, 3)))]
    data = {"id": "f", "naam": "Formulier", "secties": sections,
            "bron": {"document": "d", "sectie": "s"}}
    return Builder(()).build(Form, data)


FILLED: dict[str, st.SearchStrategy[Any]] = {
    "tekst": st.text(min_size=1, max_size=3),
    "datum": st.sampled_from(["2024-03-01", "1999-12-31"]),
    "ja_nee": st.booleans(),
    "lijst": st.lists(st.text(max_size=2), min_size=1, max_size=2),
}
ODD = st.sampled_from([None, "", 0, 1.5, True, [], {}, "x", ["x"], "2024-3-1", "2024-03-01\n"])
WRONG = {  # what a field of each kind must not hold (or only when it is not required)
    "tekst": st.sampled_from(["", 0, True, [], None]),
    "datum": st.sampled_from(["", "x", "2024-3-1", "20240301", 0, None]),
    "ja_nee": st.sampled_from(["ja", 0, None, []]),
    "lijst": st.sampled_from(["x", [], {}, None]),
}


@st.composite
def _complete(draw: st.DrawFn, form: Form) -> dict[str, Any]:
    """A fill of `form` cerberus accepts: required fields filled, optional ones anyhow."""
    values: dict[str, Any] = {}
    for section in form.sections:
        filled: dict[str, Any] = {}
        for field in section.fields:
            optional = st.sampled_from([None, "", [], "leeg"])
            choice = draw(FILLED[field.kind] if field.required else st.one_of(
                FILLED[field.kind], optional))
            if choice != "leeg":
                filled[field.id] = choice
        if filled or any(field.required for field in section.fields) or draw(st.booleans()):
            values[section.id] = filled
    return values


@st.composite
def _filled(draw: st.DrawFn) -> tuple[Form, Any]:
    """A complete fill of a shipped form with up to three things changed."""
    form = draw(_form())
    values = draw(_complete(form))
    for _ in range(draw(st.integers(0, 3))):
        section = draw(st.sampled_from(form.sections))
        field = draw(st.sampled_from(section.fields))
        change = draw(st.sampled_from([0, 1, 2, 3, 3, 4, 4, 4, 4, 5]))
        if change == 0:
            values.pop(section.id, None)
        elif change == 1:
            values[section.id] = draw(ODD)
        elif change == 2:
            values[draw(st.sampled_from(["onbekende-sectie", field.id]))] = {}
        elif isinstance(values.get(section.id), dict):
            fields = values[section.id]
            if change == 3:
                fields.pop(field.id, None)
            elif change == 4:
                fields[field.id] = draw(st.one_of(WRONG[field.kind], ODD))
            else:
                fields[draw(st.sampled_from(["onbekend", section.id]))] = "x"
    return form, values


@settings(max_examples=500, deadline=None)
@given(_filled())
def test_the_shortcut_never_calls_complete_what_cerberus_rejects(drawn: tuple[Form, Any]) -> None:
    form, values = drawn
    if surely_complete(form, values):
        assert validator(form).validate(values, normalize=False), validator(form).errors


def test_the_complete_forms_of_the_examples_take_the_shortcut() -> None:
    document = load_yaml(EXAMPLES / "apeldoorn-complexe-casus.yaml")
    case = build_case(document, load_region(document.data["regio"], REPO / "regions"))
    assert case.forms
    assert all(filled.form and surely_complete(filled.form, filled.values) for filled in case.forms)
