"""Helpers for the validation tests: fixture discovery and running a fixture folder."""

from __future__ import annotations

from pathlib import Path

from generator.findings import Result
from generator.loader import load_yaml
from generator.validation import validate_files

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "data" / "validate"
EXPECTED = "expected.yaml"


def fixture_folders() -> list[Path]:
    return sorted(folder for folder in FIXTURES.glob("*/*") if folder.is_dir())


def fixture_files(folder: Path) -> list[Path]:
    """The files a fixture validates: every YAML file in it except its expected.yaml."""
    return sorted(f for f in folder.rglob("*.y*ml") if f.name != EXPECTED)


def run_fixture(folder: Path) -> Result:
    return validate_files(fixture_files(folder))


def expected_of(folder: Path) -> dict:
    return load_yaml(folder / EXPECTED).data  # type: ignore[no-any-return]


def found(result: Result, folder: Path) -> list[tuple[str, int, str]]:
    """(file relative to the fixture, line, code) of every finding, in report order."""
    return [(Path(f.file).relative_to(folder).as_posix(), f.line, f.code)
            for f in result.all_findings()]
