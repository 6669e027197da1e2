"""The shipped templates are what generator/templates/make_templates.py builds, byte for byte."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from documents_support import REPO

TEMPLATES = REPO / "generator" / "templates"


def test_make_templates_reproduces_the_committed_files(tmp_path: Path) -> None:
    copy = tmp_path / "generator" / "templates"
    copy.mkdir(parents=True)
    shutil.copy(TEMPLATES / "make_templates.py", copy)
    subprocess.run([sys.executable, str(copy / "make_templates.py")], check=True,
                   capture_output=True, cwd=tmp_path)
    built = sorted(p.name for p in copy.glob("*.docx"))
    assert built == sorted(p.name for p in TEMPLATES.glob("*.docx"))
    changed = [name for name in [*built, "geverifieerd.json"]
               if (copy / name).read_bytes() != (TEMPLATES / name).read_bytes()]
    assert changed == [], "draai generator/templates/make_templates.py en leg de .docx vast"


def test_validate_parses_a_shipped_template_that_differs_from_the_verified_one(
        tmp_path: Path, monkeypatch) -> None:
    from generator.documents import templates_check
    from generator.loader import parse_yaml

    for template in TEMPLATES.glob("*.docx"):
        shutil.copy(template, tmp_path)
    shutil.copy(TEMPLATES / "geverifieerd.json", tmp_path)
    broken = tmp_path / "checklist.docx"
    shutil.copy(TEMPLATES / "formulier.docx", broken)  # valid Word, but not what was verified
    monkeypatch.setattr(templates_check, "TEMPLATE_DIR", tmp_path)
    monkeypatch.setattr(templates_check, "VERIFIED_MANIFEST", tmp_path / "geverifieerd.json")

    assert templates_check.unverified_shipped_templates() == [broken]
    region = parse_yaml("id: x\n", str(tmp_path / "regio.yaml"))
    codes = {problem.code for _, problem in templates_check.check_run([region])}
    assert "SJABLOON-VARIABELE" in codes  # the form's variables are not a checklist's


def test_every_shipped_template_is_verified() -> None:
    from generator.documents import templates_check

    assert templates_check.unverified_shipped_templates() == []
