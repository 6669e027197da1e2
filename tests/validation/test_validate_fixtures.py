"""Data-driven: every folder under tests/data/validate/{valid,invalid}/ with its expected.yaml."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from validation_support import expected_of, fixture_folders, found, run_fixture

FOLDERS = fixture_folders()


@pytest.mark.parametrize("folder", FOLDERS, ids=[f"{f.parent.name}/{f.name}" for f in FOLDERS])
def test_fixture_findings(folder: Path) -> None:
    expected = expected_of(folder)
    started = time.perf_counter()
    result = run_fixture(folder)
    elapsed = time.perf_counter() - started
    wanted = [(e["file"], e["line"], e["code"]) for e in expected["findings"]]
    assert found(result, folder) == wanted, [f.message for f in result.all_findings()]
    assert result.exit_code() == expected["exit_code"]
    assert elapsed < 2.0, f"{folder.name} took {elapsed:.2f}s"  # the alias bomb must stay fast


def test_valid_and_invalid_fixtures_are_what_they_say() -> None:
    for folder in FOLDERS:
        code = expected_of(folder)["exit_code"]
        assert (code == 0) == (folder.parent.name == "valid"), folder


def test_every_message_is_dutch_and_located() -> None:
    for folder in FOLDERS:
        for finding in run_fixture(folder).all_findings():
            assert finding.line >= 1 and finding.column >= 1
            assert "is a required property" not in finding.message
            assert "is not of type" not in finding.message
            assert "Traceback" not in finding.message
