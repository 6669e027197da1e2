"""Every kind of file regiekit reads, made hostile, through every command that reads it: nested
too deep, huge, a FIFO where a file is expected, an endless CSV field, a control byte. Each gives
a Dutch message at the right file and line with the documented exit code, or completes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from reliability_support import REPO, copy_regions, many_requests, run, write

CASES = REPO / "examples" / "cases"
DEEP = "diep: " + "[" * 150 + "]" * 150 + "\n"
"""A value nested 150 levels deep (the loader reads 100)."""
TOO_DEEP = "lijsten en tabellen zijn dieper dan 100 niveaus genest; dat kan regiekit niet lezen"


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Regions, rules, a shared protocol, a case and deployments, as the current folder."""
    copy_regions(tmp_path, "apeldoorn", "voorbeeldgemeente")
    for source, target in [(REPO / "rules" / "regels.yaml", "rules/regels.yaml"),
                           (REPO / "protocols" / "meldcode.yaml", "protocols/meldcode.yaml"),
                           (CASES / "apeldoorn-complexe-casus.yaml", "casussen/casus.yaml"),
                           (REPO / "tests" / "data" / "capaciteit" / "inzet.yaml", "inzet.yaml")]:
        (tmp_path / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, tmp_path / target)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _deepen(path: Path) -> str:
    """Append DEEP to `path`; returns where the loader stops: `file:line:column`."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text + DEEP, encoding="utf-8")
    return f"{path.relative_to(Path.cwd())}:{text.count(chr(10)) + 1}:106"


REGIONS = ["--regions", "regions"]


@pytest.mark.parametrize(("file", "command"), [
    ("regions/apeldoorn/regio.yaml", ["validate", "regions/apeldoorn"]),
    ("regions/apeldoorn/regio.yaml", ["build", *REGIONS, "apeldoorn", "--out", "out"]),
    ("rules/regels.yaml", ["regels", "--rules", "rules/regels.yaml"]),
    ("rules/regels.yaml", ["check", *REGIONS, "casussen/casus.yaml"]),
    ("protocols/meldcode.yaml", ["validate", "protocols"]),
    ("casussen/casus.yaml", ["validate", "casussen"]),
    ("casussen/casus.yaml", ["next", *REGIONS, "casussen/casus.yaml"]),
    ("casussen/casus.yaml", ["build", *REGIONS, "--case", "casussen/casus.yaml", "--out", "out"]),
    ("regions/voorbeeldgemeente/zorgloketten.yaml", ["capaciteit", *REGIONS, "voorbeeldgemeente"]),
    ("regions/voorbeeldgemeente/zorgloketten.yaml",
     ["build", *REGIONS, "voorbeeldgemeente", "--out", "out"]),
    ("inzet.yaml", ["capaciteit", *REGIONS, "voorbeeldgemeente", "--inzet", "inzet.yaml"]),
])
def test_a_file_nested_too_deep_is_named_at_its_line(workspace: Path, file: str,
                                                     command: list[str]) -> None:
    where = _deepen(workspace / file)
    result = run(*command)
    assert result.exit_code == 2, result.output
    assert where in result.output and TOO_DEEP in result.output
    assert "Traceback" not in result.output
    assert not (workspace / "out").exists() or not any((workspace / "out").rglob("*.docx"))


@pytest.mark.parametrize("command", [["check", "--jobs", "2"], ["test"]])
def test_a_case_nested_too_deep_stops_only_itself(workspace: Path, command: list[str]) -> None:
    shutil.copy(CASES / "apeldoorn-sprong-fout.yaml", workspace / "casussen" / "ander.yaml")
    where = _deepen(workspace / "casussen" / "casus.yaml")
    result = run(*command, *REGIONS, "casussen")
    assert result.exit_code in (1, 2), result.output
    assert where in result.output and "Traceback" not in result.output
    assert "ander" in result.output  # the other case was checked


def test_a_case_with_twenty_thousand_escalations_checks_and_plans(workspace: Path) -> None:
    case = write(workspace / "casussen" / "casus.yaml", many_requests(20_000, mail_every=100))
    checked = run("check", *REGIONS, "--format", "json", str(case))
    assert checked.exit_code == 1, checked.output
    report = json.loads(checked.stdout)
    assert report["onleesbaar"] == []
    codes = Counter(f["code"] for f in report["bevindingen"])
    assert codes == {"REACTIETERMIJN": 600,  # 200 requests by mail, 3 addressees each
                     "LADDER-VOLGORDE": 1}  # the first escalation is step 2
    planned = run("next", *REGIONS, "--format", "json", str(case))
    assert planned.exit_code == 0, planned.output
    assert json.loads(planned.stdout)["routes"]


def _demand(workspace: Path) -> Path:
    return workspace / "regions" / "voorbeeldgemeente" / "zorgvraag.csv"


def test_fifty_thousand_demand_rows_are_read_and_each_double_named(workspace: Path) -> None:
    lines = _demand(workspace).read_text(encoding="utf-8").splitlines()
    _demand(workspace).write_text("\n".join([lines[0]] + [lines[1]] * 50_000) + "\n",
                                  encoding="utf-8")
    result = run("validate", "--format", "json", "regions/voorbeeldgemeente")
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["bevindingen"]
    assert [f["code"] for f in findings] == ["ZORGVRAAG-DUBBEL"] * 49_999
    assert findings[-1]["regelnummer"] == 50_001


def test_an_endless_csv_field_is_a_dutch_message(workspace: Path) -> None:
    with _demand(workspace).open("a", encoding="utf-8") as demand:
        demand.write('zuid;"' + "x" * 200_000 + "\n")
    result = run("validate", "regions/voorbeeldgemeente")
    assert result.exit_code == 1
    assert ("ZORGVRAAG-BESTAND zorgvraagbestand kan niet gelezen worden: "
            "regions/voorbeeldgemeente/zorgvraag.csv:") in result.stdout
    assert ("een veld is langer dan 131.072 tekens (een aanhalingsteken dat niet gesloten is?)"
            in result.stdout)


def test_a_form_feed_in_a_csv_cell_keeps_the_columns_of_later_lines(workspace: Path) -> None:
    lines = _demand(workspace).read_text(encoding="utf-8").splitlines()
    lines[1] += ';"a\x0cb"'
    lines[2] = "zuid;Tuinieren!;ochtend;week;35"
    _demand(workspace).write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("validate", "regions/voorbeeldgemeente")
    assert "zorgvraag.csv:2:47: [fout] CSV-TE-VEEL-VELDEN" in result.stdout
    assert "zorgvraag.csv:3:6: [fout] SCHEMA-PATROON" in result.stdout


def _cli(workspace: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`regiekit ARGS` in a process of its own: a hang fails the test (timeout) instead of
    stopping the test run."""
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=workspace,
                          capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.parametrize(("command", "code"), [
    (["validate", "regions/voorbeeldgemeente"], 1),
    (["capaciteit", *REGIONS, "voorbeeldgemeente"], 1),
    (["build", *REGIONS, "voorbeeldgemeente", "--out", "out"], 1),
])
def test_a_fifo_named_as_the_care_demand_is_refused_unread(workspace: Path, command: list[str],
                                                           code: int) -> None:
    _demand(workspace).unlink()
    os.mkfifo(_demand(workspace))
    result = _cli(workspace, *command)
    assert result.returncode == code, result.stderr
    assert ("zorgvraag.csv:1:1: bestand kan niet gelezen worden (geen gewoon bestand maar een "
            "FIFO (named pipe))") in result.stdout + result.stderr


def test_a_fifo_among_a_regions_own_templates_is_skipped(workspace: Path) -> None:
    templates = workspace / "regions" / "apeldoorn" / "templates"
    templates.mkdir()
    os.mkfifo(templates / "werkinstructie.docx")
    validated = _cli(workspace, "validate", "regions/apeldoorn")
    assert validated.returncode == 0, validated.stdout
    assert ("regions/apeldoorn/templates/werkinstructie.docx:1:1: [waarschuwing] "
            "BESTAND-OVERGESLAGEN geen gewoon bestand maar een FIFO (named pipe); overgeslagen"
            in validated.stdout)
    built = _cli(workspace, "build", *REGIONS, "apeldoorn", "--out", "out")
    assert built.returncode == 0, built.stderr
    assert (workspace / "out" / "apeldoorn" / "werkinstructie.docx").is_file()


def test_a_fifo_as_the_output_manifest_is_not_waited_on(workspace: Path) -> None:
    (workspace / "out").mkdir()
    os.mkfifo(workspace / "out" / ".regiekit-documenten.json")
    built = _cli(workspace, "build", *REGIONS, "apeldoorn", "--out", "out")
    assert built.returncode == 0, built.stderr
    assert (workspace / "out" / ".regiekit-documenten.json").is_file()  # replaced, not followed
