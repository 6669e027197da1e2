"""The shipped regions and rules validate cleanly, and the validate path stays light."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from validation_support import REPO

from generator.loader import load_yaml
from generator.validation import validate_document, validate_files

REGION_FILES = sorted((REPO / "regions").glob("*/regio.yaml"))
SCHEMA_FILES = sorted((REPO / "schemas").glob("*.json"))


def test_six_regions_are_shipped() -> None:
    assert len(REGION_FILES) >= 6


@pytest.mark.parametrize("path", REGION_FILES, ids=[p.parent.name for p in REGION_FILES])
def test_shipped_region_has_no_findings(path: Path) -> None:
    findings = validate_document(load_yaml(path))
    assert findings == [], "\n".join(f"{f.location()} {f.code} {f.message}" for f in findings)


@pytest.mark.parametrize("path", REGION_FILES, ids=[p.parent.name for p in REGION_FILES])
def test_shipped_region_names_its_schema_for_editors(path: Path) -> None:
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=../../schemas/regio.schema.json"


def test_shipped_regions_and_rules_together_are_clean() -> None:
    files = REGION_FILES + sorted((REPO / "rules").glob("*.yaml"))
    result = validate_files(files)
    assert result.all_findings() == [] and result.exit_code() == 0


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=[p.name for p in SCHEMA_FILES])
def test_schemas_are_valid_draft_2020_12(path: Path) -> None:
    Draft202012Validator.check_schema(json.loads(path.read_text(encoding="utf-8")))


def test_package_finds_the_canonical_schemas() -> None:
    from generator.validation.schema import schema_path

    assert schema_path("regio.schema.json").read_bytes() == \
        (REPO / "schemas" / "regio.schema.json").read_bytes()


HEAVY = ("docxtpl", "docx", "lxml", "jinja2", "matplotlib", "numpy", "highspy", "jsonschema",
         "fastjsonschema")
"""What `validate` of valid agreements never imports: the document stack, the solver and its
numbers, and the schema libraries (a quick check passes a valid document; see quickcheck.py)."""


def loaded_after(code: str) -> set[str]:
    """Which of the heavy modules are in sys.modules after running `code`."""
    script = code + (
        f"\nimport sys\nheavy = {HEAVY!r}\n"
        "print(' '.join(m for m in heavy if m in sys.modules))\n")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True, cwd=REPO)
    return set(run.stdout.split())


def test_importing_cli_and_validation_loads_no_document_stack() -> None:
    assert loaded_after("import generator.cli, generator.validation") == set()


def test_validate_run_loads_no_document_stack() -> None:
    # The shipped templates are verified by digest; Jinja is only needed for a changed template
    # or a region's own one, and none of the shipped regions has one.
    code = ("import io\nfrom pathlib import Path\n"
            "from generator.reporters import report\n"
            "from generator.validation import validate_paths\n"
            "report(validate_paths([Path('regions'), Path('rules')]), 'text', io.StringIO())")
    assert loaded_after(code) == set()


def test_the_validate_command_on_valid_agreements_loads_no_heavy_module() -> None:
    code = ("from generator.cli import main\n"
            "try:\n    main(['validate', '--quiet', 'regions', 'rules', 'protocols'])\n"
            "except SystemExit as end:\n    assert end.code == 0, end.code\n")
    assert loaded_after(code) == set()


def test_an_invalid_agreement_still_gets_its_dutch_schema_findings(tmp_path: Path) -> None:
    from generator.validation import validate_paths

    region = tmp_path / "regions" / "zou"
    region.mkdir(parents=True)
    text = (REPO / "regions" / "zou" / "regio.yaml").read_text(encoding="utf-8")
    (region / "regio.yaml").write_text(text.replace("\nnaam: ", "\nnaam_: ", 1),
                                       encoding="utf-8")
    codes = {finding.code for finding in validate_paths([region]).findings}
    assert {"SCHEMA-VERPLICHT", "SCHEMA-ONBEKENDE-SLEUTEL"} <= codes
