"""Shared helpers for the command-line tests: run regiekit as a user would, in a folder."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner, Result

from generator.cli import main

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples" / "cases"
MINIMAL_REGION = REPO / "tests" / "data" / "validate" / "valid" / "minimal" / "regio.yaml"


def run(*args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> Result:
    """`regiekit ARGS` in the current folder; never a traceback."""
    result = CliRunner().invoke(main, list(args), env=env, input=stdin, catch_exceptions=False)
    assert "Traceback" not in result.output, result.output
    return result


def region_repository(folder: Path, region_id: str = "mini") -> Path:
    """A region's own repository: the minimal region as `folder/regio.yaml`."""
    folder.mkdir(parents=True, exist_ok=True)
    text = MINIMAL_REGION.read_text(encoding="utf-8").replace("id: mini\n", f"id: {region_id}\n")
    (folder / "regio.yaml").write_text(text, encoding="utf-8")
    return folder / "regio.yaml"


def regions_folder(folder: Path, *region_ids: str) -> Path:
    """A multi-region layout: `folder/regions/<id>/regio.yaml` for each id."""
    for region_id in region_ids:
        region_repository(folder / "regions" / region_id, region_id)
    return folder / "regions"


def copy_examples(target: Path, *names: str) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(EXAMPLES / name, target / name)
    return target
