"""YAML texts are data, never template code, and never break the XML of a document."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
import yaml
from documents_support import REPO, SHIPPED, build, docx_text

from generator.cli import main
from generator.documents.templates_check import TEMPLATE_VARIABLES
from generator.regions import load_region

HOSTILE = "Jeugd & Gezin <b>vet</b> {{ regio.naam }} {% if true %}ja{% endif %} {{ ''.__class__ }}"


def _set(region_file: Path, hostile: str) -> None:
    data = yaml.safe_load(region_file.read_text(encoding="utf-8"))
    data["naam"] = hostile
    data["rollen"][0]["taken"] = [hostile]
    data["ladders"][0]["stappen"][3]["overlegvoorwaarden"][0]["tekst"] = hostile
    data["formulieren"][0]["secties"][0]["velden"][0]["label"] = hostile
    region_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def _xml_parts_parse(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        for name in archive.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                ElementTree.fromstring(archive.read(name))


def test_special_characters_and_template_syntax_come_out_literally(regions_copy: Path,
                                                                   tmp_path: Path) -> None:
    _set(regions_copy / "apeldoorn" / "regio.yaml", HOSTILE)
    out = tmp_path / "out"
    result = build("apeldoorn", "--regions", str(regions_copy), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    for document in (out / "apeldoorn").glob("*.docx"):
        _xml_parts_parse(document)
    for name in ("werkinstructie.docx", "checklist-voor-fysieke-zorgtafel.docx",
                 "formulier-casusformat.docx"):
        text = docx_text(out / "apeldoorn" / name)
        assert HOSTILE in text, name
        assert "&amp;" not in text and "&lt;" not in text


def test_characters_xml_cannot_hold_are_dropped(regions_copy: Path, tmp_path: Path) -> None:
    _set(regions_copy / "apeldoorn" / "regio.yaml", "Bel\x07 de\x0c toegang")
    out = tmp_path / "out"
    assert build("apeldoorn", "--regions", str(regions_copy),
                 "--out", str(out)).exit_code == 0
    _xml_parts_parse(out / "apeldoorn" / "werkinstructie.docx")
    assert "Bel de toegang" in docx_text(out / "apeldoorn" / "werkinstructie.docx")


def test_the_sandbox_refuses_python_internals_in_a_template(regions_copy: Path,
                                                             tmp_path: Path) -> None:
    from test_documents_build import _patch_template

    _patch_template(REPO / "generator" / "templates" / "checklist.docx",
                    regions_copy / "zou" / "templates" / "checklist.docx",
                    b"{{ doc.title }}", b"{{ doc.__class__.__mro__ }}")
    result = build("zou", "--regions", str(regions_copy), "--out", str(tmp_path))
    assert result.exit_code == 2 and "regio 'zou' mislukt" in result.stderr


@pytest.mark.parametrize("template", sorted(TEMPLATE_VARIABLES))
def test_validate_passes_the_shipped_templates(template: str) -> None:
    from generator.documents.templates_check import template_problems

    assert template_problems(REPO / "generator" / "templates" / template) == []


def test_validate_reports_broken_and_unknown_templates(regions_copy: Path, monkeypatch) -> None:
    from click.testing import CliRunner
    from test_documents_build import _patch_template

    templates = REPO / "generator" / "templates"
    folder = regions_copy / "apeldoorn" / "templates"
    _patch_template(templates / "checklist.docx", folder / "checklist.docx",
                    b"{{ doc.title }}", b"{% if doc.title %}{{ doc.title }}")
    _patch_template(templates / "formulier.docx", folder / "formulier.docx",
                    b"{{ doc.title }}", b"{{ doc.title }} {{ logo }}")
    _patch_template(templates / "werkinstructie.docx", folder / "werkinstructie.docx",
                    b"{{ region.name }}", b"{{ region.nam }}")
    (folder / "voorblad.docx").write_bytes(b"geen zip")
    monkeypatch.chdir(regions_copy.parent)
    result = CliRunner().invoke(main, ["validate", "regions"], catch_exceptions=False)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()

    def line_for(name: str) -> str:
        return next(line for line in lines if f"templates/{name}" in line.split(":")[0])

    assert "SJABLOON-SYNTAX" in line_for("checklist.docx")
    assert "SJABLOON-VARIABELE" in line_for("formulier.docx") and "'logo'" in line_for(
        "formulier.docx")
    assert "SJABLOON-VULLEN" in line_for("werkinstructie.docx") and "nam" in line_for(
        "werkinstructie.docx")
    assert "SJABLOON-ONBEKEND" in line_for("voorblad.docx")


def test_validate_does_not_import_docxtpl_or_lxml() -> None:
    import subprocess
    import sys

    code = ("import sys, runpy; sys.argv=['regiekit','validate']\n"
            "try:\n    runpy.run_module('generator', run_name='__main__')\n"
            "except SystemExit: pass\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('docxtpl','lxml','docx')))")
    output = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                            text=True, check=True).stdout
    assert output.strip().endswith("[]")


def _planned() -> list[tuple[str, dict[str, Any]]]:
    """(template, context) of every document of the shipped regions (with the care desks of
    seed 004) and an example case."""
    from generator.capacity.run import load_capacity_region
    from generator.documents.build import plan_capacity, plan_comparison, plan_region
    from generator.documents.case import plan_case, read_case
    from generator.documents.overview import assess

    out = Path("out")
    regions = [load_region(region, REPO / "regions") for region in SHIPPED]
    planned = [d for region in regions for d in plan_region(region, out)]
    planned += [plan_comparison(regions, out)]
    path = REPO / "examples" / "cases" / "apeldoorn-complexe-casus.yaml"
    document, case = read_case(path, REPO / "regions")
    assessment = assess(document, path, REPO / "regions", REPO / "rules" / "regels.yaml")
    planned += plan_case(case, assessment, out)
    planned += plan_capacity(load_capacity_region(
        REPO / "regions" / "voorbeeldgemeente" / "zorgloketten.yaml"), out)
    return [(document.template, document.context) for document in planned]


def test_context_keys_match_what_validate_allows() -> None:
    planned = _planned()
    assert {template for template, _ in planned} == set(TEMPLATE_VARIABLES)
    assert [template for template, context in planned
            if set(context) != TEMPLATE_VARIABLES[template]] == []


def _keys(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _keys(item)
    elif isinstance(value, list):
        for item in value:
            yield from _keys(item)


def _schema_keys(schema: Any) -> Iterator[str]:
    if isinstance(schema, dict):
        yield from schema.get("properties", {}) if isinstance(schema.get("properties"), dict) \
            else ()
        for item in schema.values():
            yield from _schema_keys(item)
    elif isinstance(schema, list):
        for item in schema:
            yield from _schema_keys(item)


def test_template_variables_are_english_identifiers_never_yaml_keys() -> None:
    yaml_keys = {key for path in (REPO / "schemas").glob("*.json")
                 for key in _schema_keys(json.loads(path.read_text(encoding="utf-8")))}
    assert {"naam", "omschrijving", "bron", "stappen", "label"} <= yaml_keys
    used = {key for _, context in _planned() for key in _keys(context)}
    assert {"heading", "rows", "source", "steps"} <= used
    assert sorted(used & yaml_keys) == []
    assert [key for key in used if not key.isidentifier() or not key.isascii()] == []
