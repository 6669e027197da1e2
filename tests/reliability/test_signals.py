"""`regiekit build` stopped midway, by SIGTERM, SIGHUP or Ctrl-C: the region being written is
rolled back whole (the documents of the previous build stay, byte for byte), no temporary file
stays behind, and the run ends with one Dutch line and exit code 128 + the signal."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from reliability_support import copy_regions, override_template, run

SLOW = b"{% for i in range(1300) %}{% for j in range(1300) %}{% endfor %}{% endfor %}"
"""About a second of looping per checklist: well within the limits, long enough to be caught."""


def _contents(folder: Path) -> dict[str, bytes]:
    """Every file below `folder`, hidden ones (temporary files) included."""
    return {str(path.relative_to(folder)): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    """Apeldoorn built once; then renamed and given slow checklists, so the next build differs
    in every document and spends seconds after writing its first one."""
    regions = copy_regions(tmp_path, "apeldoorn")
    assert run("build", "--regions", str(regions), "apeldoorn",
               "--out", str(tmp_path / "out")).exit_code == 0
    before = _contents(tmp_path / "out")
    region = regions / "apeldoorn" / "regio.yaml"
    region.write_text(region.read_text(encoding="utf-8").replace(
        "naam: Regio Apeldoorn", "naam: Regio Apeldoorn e.o."), encoding="utf-8")
    override_template(regions, "apeldoorn", "checklist.docx", b"{{ doc.title }}",
                      b"{{ doc.title }}" + SLOW)
    return tmp_path, before


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="signals as Linux sends them")
@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_signal_during_build_rolls_the_region_back(built: tuple[Path, dict[str, bytes]],
                                                     number: int) -> None:
    folder, before = built
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "build", "--regions", "regions", "apeldoorn",
         "--out", "out"], cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not any((folder / "out" / "apeldoorn").glob(".regiekit-*.tmp")):  # one is written
        assert process.poll() is None and time.monotonic() < deadline, process.communicate()
        time.sleep(0.01)
    process.send_signal(number)
    stdout, stderr = process.communicate(timeout=120)
    name = "Ctrl-C" if number == signal.SIGINT else f"signaal {signal.Signals(number).name}"
    assert process.returncode == (130 if number == signal.SIGINT else 128 + number), stderr
    assert stderr.strip() == f"regiekit: afgebroken ({name})"
    assert "geschreven" not in stdout
    assert _contents(folder / "out") == before  # the previous build, byte for byte, nothing else


def test_ctrl_c_between_two_renames_puts_the_previous_documents_back(
        built: tuple[Path, dict[str, bytes]], monkeypatch: pytest.MonkeyPatch) -> None:
    folder, before = built
    (folder / "regions" / "apeldoorn" / "templates" / "checklist.docx").unlink()
    real_replace = os.replace
    calls = {"count": 0}

    def replace(*args: Any, **kwargs: Any) -> None:
        calls["count"] += 1
        if calls["count"] == 3:
            raise KeyboardInterrupt
        real_replace(*args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)
    result = run("build", "--regions", str(folder / "regions"), "apeldoorn",
                 "--out", str(folder / "out"))
    assert result.exit_code == 130
    assert result.stderr.strip() == "regiekit: afgebroken (Ctrl-C)"
    assert calls["count"] > 3  # two documents were in place and were put back
    assert _contents(folder / "out") == before


def test_nohup_is_respected(tmp_path: Path) -> None:
    """A SIGHUP the parent ignores (nohup) stays ignored: the build completes."""
    regions = copy_regions(tmp_path, "apeldoorn")
    override_template(regions, "apeldoorn", "checklist.docx", b"{{ doc.title }}",
                      b"{{ doc.title }}" + SLOW)
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "build", "--regions", "regions", "apeldoorn",
         "--out", "out"], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, preexec_fn=lambda: signal.signal(signal.SIGHUP, signal.SIG_IGN))
    deadline = time.monotonic() + 120
    while not any((tmp_path / "out" / "apeldoorn").glob(".regiekit-*.tmp")):
        assert process.poll() is None and time.monotonic() < deadline, process.communicate()
        time.sleep(0.01)
    process.send_signal(signal.SIGHUP)
    stdout, stderr = process.communicate(timeout=120)
    assert process.returncode == 0, stderr
    assert f"{stdout.count('geschreven: ')} documenten geschreven, 0 ongewijzigd" in stdout
    assert not list((tmp_path / "out").rglob(".regiekit-*.tmp"))
