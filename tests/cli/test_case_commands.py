"""`test`, `next` and `check` as a coordinator and a CI engineer meet them: formats, Dutch
counts, causes, configured days off and Ctrl-C."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from cli_support import EXAMPLES, REPO, run


@pytest.fixture
def at_repo(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(REPO)
    return REPO


def _broken_test(tmp_path: Path) -> Path:
    """An example whose expectation points one place off: one expected finding does not come,
    the real one is unexpected."""
    case = tmp_path / "regressie.yaml"
    text = (EXAMPLES / "zou-alleenstaande-moeder-fout.yaml").read_text(encoding="utf-8")
    case.write_text(text.replace("pad: regie[1].van", "pad: regie[0].van"), encoding="utf-8")
    return case


def test_test_summary_is_dutch(at_repo: Path) -> None:
    result = run("test")
    assert result.exit_code == 0
    assert re.search(r"\n\d+ geslaagd, 0 mislukt\n$", result.output)
    assert "passed" not in result.output and "failed" not in result.output


def test_test_in_junit_counts_each_case_once(at_repo: Path, tmp_path: Path) -> None:
    broken = _broken_test(tmp_path)
    result = run("test", "--format", "junit", "examples/cases", str(broken))
    assert result.exit_code == 1
    root = ET.fromstring(result.output)
    names = [case.get("name") for case in root.iter("testcase")]
    assert len(names) == len(set(names)) == int(root.get("tests", "0"))
    assert int(root.get("failures", "0")) == 1
    [failed] = [c for c in root.iter("testcase") if c.find("failure") is not None]
    assert failed.get("name") == "zou-alleenstaande-moeder-fout.REGISSEUR-EEN"
    assert "verwachte bevinding ontbreekt" in failed.find("failure").text
    assert "onverwachte bevinding" in failed.find("failure").text


@pytest.mark.parametrize("output_format", ["json", "github", "sarif"])
def test_test_in_the_other_formats(output_format: str, at_repo: Path, tmp_path: Path) -> None:
    result = run("test", "--format", output_format, str(_broken_test(tmp_path)))
    assert result.exit_code == 1
    assert "REGISSEUR-EEN" in result.output
    if output_format == "json":
        assert json.loads(result.output)["samenvatting"]["fouten"] == 2


def test_a_malformed_expectation_fails_the_test_at_its_line(at_repo: Path,
                                                            tmp_path: Path) -> None:
    case = tmp_path / "kapot.yaml"
    text = (EXAMPLES / "zou-alleenstaande-moeder-fout.yaml").read_text(encoding="utf-8")
    case.write_text(text.replace("pad: regie[1].van", "plek: regie[1].van"), encoding="utf-8")
    result = run("test", str(case))
    assert result.exit_code == 1
    assert "verwachte bevindingen passen niet in het casusformaat" in result.output
    assert f"{case}:" in result.output and "None" not in result.output
    junit = ET.fromstring(run("test", "--format", "junit", str(case)).output)
    assert junit.get("failures") == "1"


def test_next_names_the_cause(at_repo: Path, tmp_path: Path) -> None:
    text = (EXAMPLES / "apeldoorn-complexe-casus.yaml").read_text(encoding="utf-8")
    case = tmp_path / "onbekende-ladder.yaml"
    case.write_text(text.replace("  - ladder: escalatieladder\n    stap: 4",
                                 "  - ladder: geen-ladder\n    stap: 4"), encoding="utf-8")
    result = run("next", str(case))
    assert result.exit_code == 2
    assert "(eerste: " in result.stderr and ":13 CASUS-VERWIJZING" in result.stderr
    assert "geen-ladder" not in result.stderr  # a value from the case is never printed


def test_configured_days_off_move_the_reply_deadline(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    text = (EXAMPLES / "apeldoorn-complexe-casus.yaml").read_text(encoding="utf-8")
    cut = text.index("  - ladder: escalatieladder\n    stap: 3\n")
    (tmp_path / "na-stap-2.yaml").write_text(
        text[:cut].replace("    uitkomst: geen-resultaat\n    afgerond: 2024-03-13\n",
                           "    uitkomst: lopend\n")
        .replace("peildatum: 2024-04-16", "peildatum: 2024-03-08"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = ("next", "na-stap-2.yaml", "--regions", str(REPO / "regions"))
    assert "reacties uiterlijk 2024-03-13" in run(*args).output
    (tmp_path / "regiekit.toml").write_text("extra-holidays = [2024-03-11]\n", encoding="utf-8")
    assert "reacties uiterlijk 2024-03-14" in run(*args).output
    (tmp_path / "regiekit.toml").unlink()
    assert "reacties uiterlijk 2024-03-13" in run(*args).output


def _group_size(group: int) -> int:
    """How many processes are in process group `group` (Linux /proc)."""
    count = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        count += int(fields[2]) == group
    return count


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_ctrl_c_during_check_with_two_processes(tmp_path: Path) -> None:
    cases = tmp_path / "casussen"
    cases.mkdir()
    source = tmp_path / "bron.yaml"
    shutil.copy(EXAMPLES / "apeldoorn-complexe-casus.yaml", source)
    for number in range(20_000):  # far more work than the seconds this test waits
        os.link(source, cases / f"c{number}.yaml")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    process = subprocess.Popen(
        ["regiekit", "check", "-j2", "--regions", str(REPO / "regions"), "--rules",
         str(REPO / "rules" / "regels.yaml"), "casussen"], cwd=tmp_path, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 60
    while _group_size(process.pid) < 3 and time.monotonic() < deadline:  # both workers up
        time.sleep(0.05)
    time.sleep(0.5)  # and checking
    os.killpg(process.pid, signal.SIGINT)  # as a terminal sends it: to the whole group
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert stderr.strip() == "regiekit: afgebroken (Ctrl-C)"
    assert stdout == ""
