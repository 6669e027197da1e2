"""Reading only regular files (FIFOs, sockets and devices skipped or refused, never waited on),
unreadable folders as errors, control characters never printed raw, XML always valid, an
output that cannot be written (a full disk) a Dutch message with exit code 2."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from reliability_support import REPO, run

MINIMAL = REPO / "tests" / "data" / "validate" / "valid" / "minimal" / "regio.yaml"
ESC = "\x1b"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with one valid region, as the current folder."""
    (tmp_path / "regio-mini").mkdir()
    shutil.copy(MINIMAL, tmp_path / "regio-mini" / "regio.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_fifo_in_a_folder_is_skipped_with_a_warning(folder: Path) -> None:
    os.mkfifo(folder / "pijp.yaml")
    result = run("validate", ".")
    assert result.exit_code == 0
    assert "pijp.yaml:1:1: [waarschuwing] BESTAND-OVERGESLAGEN geen gewoon bestand maar een " \
           "FIFO (named pipe); overgeslagen" in result.stdout


def test_a_socket_in_a_folder_is_skipped_with_a_warning(folder: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind("stopcontact.yaml")
        result = run("validate", ".")
    finally:
        server.close()
    assert result.exit_code == 0
    assert "BESTAND-OVERGESLAGEN geen gewoon bestand maar een socket" in result.stdout


@pytest.mark.parametrize(("name", "kind"), [("pijp.yaml", "een FIFO (named pipe)"),
                                             ("/dev/zero", "een apparaat")])
def test_a_special_file_named_on_the_command_line_is_refused_unread(folder: Path, name: str,
                                                                    kind: str) -> None:
    if name == "pijp.yaml":
        os.mkfifo(folder / name)
    result = run("validate", name)
    assert result.exit_code == 2
    assert f"BESTAND-ONLEESBAAR bestand kan niet gelezen worden (geen gewoon bestand maar " \
           f"{kind})" in result.stdout


def test_an_unreadable_folder_is_an_error(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run as root, for whom no folder is unreadable: os.scandir refuses instead."""
    (folder / "geheim").mkdir()
    real_scandir = os.scandir

    def scandir(path: object) -> object:
        if Path(str(path)).name == "geheim":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    result = run("validate", ".")
    assert result.exit_code == 2
    assert "geheim:1:1: [fout] MAP-ONLEESBAAR map kan niet gelezen worden: geen toestemming" \
        in result.stdout


@pytest.mark.parametrize("output_format", ["text", "json", "github", "junit", "sarif"])
def test_control_characters_in_a_file_name_are_never_printed_raw(folder: Path,
                                                                 output_format: str) -> None:
    (folder / f"a{ESC}[31mb\u202e.yaml").write_text("casus: x\n", encoding="utf-8")
    result = run("validate", "--format", output_format, ".")
    assert result.exit_code == 1
    assert ESC not in result.stdout and "\u202e" not in result.stdout
    shown = "a\\u001b[31mb\\u202e.yaml"
    if output_format == "json":
        assert shown in {f["bestand"] for f in json.loads(result.stdout)["bevindingen"]}
    elif output_format == "sarif":
        assert "a%5Cu001b%5B31mb%5Cu202e.yaml" in result.stdout and json.loads(result.stdout)
    else:
        assert shown in result.stdout
    if output_format == "junit":
        ElementTree.fromstring(result.stdout.split("\n", 1)[1])


def test_a_region_name_with_an_escape_sequence_is_printed_escaped(folder: Path) -> None:
    text = MINIMAL.read_text(encoding="utf-8").replace("id: mini", "id: 'mini\\e[2J'")
    (folder / "regio-mini" / "regio.yaml").write_text(
        text.replace("id: 'mini\\e[2J'", 'id: "mini\\e[2J"'), encoding="utf-8")
    result = run("validate", ".")
    assert result.exit_code == 1
    assert ESC not in result.stdout and "mini\\u001b[2J" in result.stdout


def test_a_full_disk_for_the_report_is_a_message_and_exit_2() -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    with open("/dev/full", "w") as full:
        completed = subprocess.run([sys.executable, "-m", "generator", "validate",
                                    "--format", "json", str(REPO / "regions")], cwd=REPO,
                                   stdout=full, stderr=subprocess.PIPE, text=True, check=False)
    assert completed.returncode == 2
    assert completed.stderr == ("regiekit: standaarduitvoer: kan niet geschreven worden: "
                                "de schijf is vol\n")


CASE = REPO / "examples" / "cases" / "apeldoorn-complexe-casus.yaml"
CASE_OPTIONS = ["--regions", str(REPO / "regions"), "--rules", str(REPO / "rules" / "regels.yaml")]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_check_skips_a_fifo_and_never_hangs(tmp_path: Path, jobs: str) -> None:
    shutil.copy(CASE, tmp_path / "casus.yaml")
    os.mkfifo(tmp_path / "pijp.yaml")
    result = run("check", *CASE_OPTIONS, "--jobs", jobs, str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "pijp.yaml:1:1: [waarschuwing] BESTAND-OVERGESLAGEN geen gewoon bestand maar een " \
           "FIFO (named pipe); overgeslagen" in result.stdout


def test_test_skips_a_fifo_with_a_warning(tmp_path: Path) -> None:
    shutil.copy(CASE, tmp_path / "casus.yaml")
    os.mkfifo(tmp_path / "pijp.yaml")
    result = run("test", *CASE_OPTIONS, str(tmp_path))
    assert result.exit_code == 0, result.output
    assert f"regiekit: waarschuwing: {tmp_path / 'pijp.yaml'}: geen gewoon bestand maar een " \
           "FIFO (named pipe); overgeslagen" in result.stderr


def test_check_reports_an_unreadable_folder(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(CASE, tmp_path / "casus.yaml")
    (tmp_path / "geheim").mkdir()
    real_scandir = os.scandir

    def scandir(path: object) -> object:
        if Path(str(path)).name == "geheim":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    result = run("check", *CASE_OPTIONS, "--format", "json", str(tmp_path))
    assert result.exit_code == 2
    unreadable = json.loads(result.stdout)["onleesbaar"]
    assert [(Path(f["bestand"]).name, f["code"]) for f in unreadable] == [
        ("geheim", "MAP-ONLEESBAAR")]
