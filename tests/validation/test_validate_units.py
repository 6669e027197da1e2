"""Smaller pieces: schema translation, kind detection, the registry and the reference table."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from generator.errors import RegiekitError
from generator.loader import load_yaml, parse_yaml
from generator.validation import validate_document
from generator.validation.files import document_kind
from generator.validation.problems import describe_path
from generator.validation.references import REFERENCES
from generator.validation.registry import CHECKS, checks_for, get_check
from generator.validation.schema import translate
from generator.validation.walk import matches

ROOT = Path(__file__).resolve().parents[2]


def codes_for(schema: dict, instance: object) -> list[tuple[str, str]]:
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    return [(p.code, p.message) for e in validator.iter_errors(instance) for p in translate(e)]


def test_one_of_reports_the_best_match_not_every_branch() -> None:
    schema = {"oneOf": [
        {"type": "object", "required": ["soort", "dagen"],
         "properties": {"soort": {"const": "interval"}, "dagen": {"type": "integer"}}},
        {"type": "string"},
    ]}
    [(code, message)] = codes_for(schema, {"soort": "interval", "dagen": "twee"})
    assert code == "SCHEMA-TYPE" and message.startswith("dagen moet een geheel getal zijn")


def test_dates_are_checked_as_calendar_dates() -> None:
    schema = {"type": "string", "format": "date"}
    assert codes_for(schema, "2024-02-29") == []
    assert [c for c, _ in codes_for(schema, "2023-02-29")] == ["SCHEMA-DATUM"]
    assert [c for c, _ in codes_for(schema, "2021-02-31")] == ["SCHEMA-DATUM"]


def test_path_reads_like_yaml() -> None:
    assert describe_path(("ladders", 0, "stappen", 1, "reactietermijn_werkdagen")) == \
        "ladders[0].stappen[1].reactietermijn_werkdagen"
    assert describe_path(()) == "het bestand"


@pytest.mark.parametrize(("file", "data", "kind"), [
    ("regions/x/regio.yaml", {}, "regio"),
    ("rules/regels.yaml", {}, "regels"),
    ("cases/een.yaml", {"casus": "c1"}, "casus"),
    ("ergens/anders.yaml", {"naam": "x"}, None),
    ("ergens/lijst.yaml", ["casus"], None),
])
def test_document_kind(file: str, data: object, kind: str | None) -> None:
    assert document_kind(file, data) == kind


def test_registry_fails_loudly_on_unknown_check() -> None:
    with pytest.raises(RegiekitError, match="onbekende controle 'bestaat-niet'"):
        get_check("bestaat-niet")


def test_registry_modules_declare_the_protocol() -> None:
    for check_id, module in CHECKS.items():
        assert module.ID == check_id and get_check(check_id) is module
        assert callable(getattr(module, "check", None) or module.check_run) and module.KINDS
    single = {check_id for check_id, module in CHECKS.items() if hasattr(module, "check")}
    assert {m.ID for kind in ("regio", "zorgloketten", "protocol", "casus")
            for m in checks_for(kind)} == single


def _first_occurrences() -> dict[tuple[str, ...], tuple[Path, tuple[str | int, ...]]]:
    """Each reference pattern -> the first file and path where the shipped data uses it."""
    files = sorted(ROOT.glob("regions/*/regio.yaml")) + [
        ROOT / "tests/data/validate/valid/minimal/regio.yaml"]
    found: dict[tuple[str, ...], tuple[Path, tuple[str | int, ...]]] = {}
    for file in files:
        data = load_yaml(file).data
        for reference in REFERENCES:
            for path, _ in matches(data, reference.pattern):
                found.setdefault(reference.pattern, (file, path))
    return found


def test_every_kind_of_reference_the_model_declares_is_validated() -> None:
    """References come from the model; breaking each one (where the shipped data has it)
    gives exactly one VERWIJZING-ONBEKEND at its line."""
    occurrences = _first_occurrences()
    never_used = [r.pattern for r in REFERENCES if r.pattern not in occurrences]
    assert all("voorwaarden" in pattern for pattern in never_used), never_used
    for pattern, (file, path) in occurrences.items():
        document = load_yaml(file)
        target = document.data
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = "kapot-verwezen-id"
        found = [f for f in validate_document(document) if f.code == "VERWIJZING-ONBEKEND"]
        assert [f.line for f in found] == [document.position(path).line], (pattern, file)


def test_semantic_checks_survive_schema_invalid_data() -> None:
    """Wrong types everywhere: schema findings, never an exception from a semantic check."""
    text = ("id: x\nnaam: x\nland: NL\ndocument: 3\nbronnen: x\nrollen: [1, [2], {id: 5}]\n"
            "ladders: [{stappen: [{nummer: ja, vervolg: 3},\n"
            "  {nummer: 2, vervolg: {stappen: x}}]}, 4]\n"
            "formulieren: {a: 1}\ntoewijzingen: [{kandidaten: [5]}]\n"
            "protocollen: [{gedeeld: 5, profielen: x}, {naam: 3, profielen: [1]}, 7]\n")
    findings = validate_document(parse_yaml(text, "regions/x/regio.yaml"))
    # Besides the schema: ladder problems, and no reference to the meldcode (a warning).
    assert findings and all(f.code.startswith(("SCHEMA-", "LADDER-", "PROTOCOL-"))
                            for f in findings)


def test_one_of_without_a_closest_branch_says_so() -> None:
    schema = {"oneOf": [{"type": "integer"}, {"type": "boolean"}]}
    assert [c for c, _ in codes_for(schema, "x")] == ["SCHEMA-GEEN-VORM"]


def _readable(paths: list[Path]) -> list[Path]:
    readable = []
    for path in paths:
        try:
            load_yaml(path)
        except RegiekitError:
            continue
        readable.append(path)
    return readable


_SCHEMA_SAMPLES = _readable(sorted(
    [*Path("tests/data/validate").glob("*/*/*.yaml"), *Path("examples/cases").glob("*.yaml"),
     *Path("regions").glob("*/regio.yaml")]))


@pytest.mark.parametrize("path", _SCHEMA_SAMPLES, ids=str)
def test_compiled_precheck_never_changes_the_findings(path: Path) -> None:
    """The fast compiled validator may only skip work, never hide or add a schema finding."""
    document = load_yaml(path)
    plain = validate_document(document)
    assert validate_document(document, precheck=True) == plain


def test_compiled_precheck_rejects_impossible_dates() -> None:
    document = load_yaml(Path("examples/cases/zou-alleenstaande-moeder.yaml"))
    text = Path(document.file).read_text(encoding="utf-8")
    first_date = next(word for word in text.split() if word[:2] == "20" and word.count("-") == 2)
    broken = parse_yaml(text.replace(first_date, "2021-02-31", 1), "casus.yaml")
    codes = {f.code for f in validate_document(broken, precheck=True)}
    assert "SCHEMA-DATUM" in codes


def test_review_date_warns_only_once_it_has_passed() -> None:
    from datetime import date

    from generator.validation import review

    text = "document:\n  titel: x\n  volgende_herziening: 2027-03-01\n"
    document = parse_yaml(text, "regions/x/regio.yaml")
    assert list(review.check(document, today=date(2027, 3, 1))) == []
    [late] = review.check(document, today=date(2027, 3, 2))
    assert late.code == "HERZIENING-VERLOPEN" and late.severity is not None
    assert late.severity.value == "waarschuwing" and "1 maart 2027" in late.message


def test_every_shipped_region_states_its_document_control() -> None:
    for file in sorted((ROOT / "regions").glob("*/regio.yaml")):
        control = load_yaml(file).data["document"]
        assert control.get("versie") and control.get("eigenaar"), file


def test_the_case_schema_compiles_without_error_details() -> None:
    """`check` prechecks every case with the compiled schema; a keyword fastjsonschema cannot
    compile without details (`const`) makes it fall back to formatting every error prefix with
    `locals()`, which costs a third of a check run."""
    import json

    import fastjsonschema

    from generator.validation.schema import _inline_definitions, schema_path

    schema = json.loads(schema_path("case.schema.json").read_text(encoding="utf-8"))
    inlined = _inline_definitions(schema, schema.get("$defs", {}), frozenset())
    fastjsonschema.compile(inlined, detailed_exceptions=False)


def test_review_date_of_care_desks_warns_once_it_has_passed(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from generator.cli import main

    shutil.copytree(ROOT / "regions" / "voorbeeldgemeente", tmp_path / "voorbeeldgemeente")
    file = tmp_path / "voorbeeldgemeente" / "zorgloketten.yaml"
    text = file.read_text(encoding="utf-8")
    assert "  volgende_herziening: 2027-01-01\n" in text
    file.write_text(text.replace("volgende_herziening: 2027-01-01",
                                 "volgende_herziening: 2020-01-01"), encoding="utf-8")
    line = text[:text.index("volgende_herziening")].count("\n") + 1
    result = CliRunner().invoke(main, ["validate", str(file)])
    assert result.exit_code == 0, result.output
    assert f"zorgloketten.yaml:{line}:24: [waarschuwing] HERZIENING-VERLOPEN de volgende " \
           "herziening van deze afspraken stond gepland op 1 januari 2020" in result.output
    assert CliRunner().invoke(main, ["validate", "--strict", str(file)]).exit_code == 1
