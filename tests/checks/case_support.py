"""Shared paths for the case-check tests: the repository's regions, rules and examples."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner, Result

from generator.casecheck import CheckOptions
from generator.cli import main

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples" / "cases"
OPTIONS = CheckOptions(regions_root=REPO / "regions", rules_file=REPO / "rules" / "regels.yaml")


def run(*args: str) -> Result:
    """`regiekit ARGS` as a user runs it; never a traceback."""
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert "Traceback" not in result.output, result.output
    return result


def region_copy(tmp_path: Path, region: str, old: str, new: str) -> CheckOptions:
    """Options that read a copy of the shipped `region` with `old` (once in it) made `new`."""
    root = tmp_path / "regions"
    shutil.copytree(REPO / "regions" / region, root / region)
    region_file = root / region / "regio.yaml"
    text = region_file.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    region_file.write_text(text.replace(old, new), encoding="utf-8")
    return CheckOptions(regions_root=root, rules_file=OPTIONS.rules_file)
