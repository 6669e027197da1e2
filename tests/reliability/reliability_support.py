"""Helpers for the reliability tests: run the CLI, make large or hostile regions and cases."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner, Result

from generator.cli import main

REPO = Path(__file__).resolve().parents[2]
REGIONS = REPO / "regions"


def run(*args: str) -> Result:
    """`regiekit ARGS` through click, stdout and stderr kept apart, exceptions not caught."""
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def copy_regions(target: Path, *names: str) -> Path:
    """A writable copy of some shipped regions (all without names) under `target/regions`."""
    root = target / "regions"
    for folder in sorted(REGIONS.iterdir()):
        if folder.is_dir() and (not names or folder.name in names):
            shutil.copytree(folder, root / folder.name)
    return root


def read(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def write(path: Path, data: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def long_ladder(region: dict[str, Any], steps: int, *, back_to: int | None = None) -> None:
    """Replace the first ladder of `region` by a chain 1 -> 2 -> ... -> `steps`; with `back_to`
    the last step leads back to that step (a cycle as long as the chain)."""
    ladder = region["ladders"][0]
    template = ladder["stappen"][0]
    chain = []
    for number in range(1, steps + 1):
        step = {key: template[key] for key in ("omschrijving", "initiatiefnemers", "bron")}
        step = {"nummer": number, "naam": f"Stap {number}", **step, "werkwijze": "afstemming"}
        following = number + 1 if number < steps else back_to
        if following is not None:
            step["vervolg"] = {"stappen": [following]}
        chain.append(step)
    ladder["stappen"] = chain


def override_template(regions: Path, region: str, template: str, old: bytes, new: bytes) -> Path:
    """A region's own copy of a shipped template, with `old` replaced by `new` in its body."""
    target = regions / region / "templates" / template
    target.parent.mkdir(parents=True, exist_ok=True)
    source = REPO / "generator" / "templates" / template
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as copy:
        for member in original.infolist():
            data = original.read(member)
            if member.filename == "word/document.xml":
                assert old in data
                data = data.replace(old, new, 1)
            copy.writestr(member, data)
    return target
