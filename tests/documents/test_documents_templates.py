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
    changed = [name for name in built
               if (copy / name).read_bytes() != (TEMPLATES / name).read_bytes()]
    assert changed == [], "draai generator/templates/make_templates.py en leg de .docx vast"
