"""Regression cases that survive editing: `verwachte_bevindingen` by rule id and path, `regiekit
test` without tracebacks and with a name filter, and the pytest plugin that collects case files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from case_support import EXAMPLES, OPTIONS, REPO, run

from generator.casecheck import check_file
from generator.casetests import run_case_test

pytest_plugins = ["pytester"]

BROKEN = EXAMPLES / "apeldoorn-sprong-fout.yaml"
RIGHT = """\
verwachte_bevindingen:
  - regel: FORMULIER-VOLLEDIG
    pad: escalaties[1].stap
  - regel: LADDER-VOLGORDE
    pad: escalaties[1].stap
  - regel: LADDER-INITIATIEF
    pad: escalaties[1].gestart_door
"""
"""The findings BROKEN has, by path."""


def _with_expectations(tmp_path: Path, expectations: str, name: str = "casus.yaml") -> Path:
    """A copy of the broken Apeldoorn example with its expectations replaced."""
    text = BROKEN.read_text(encoding="utf-8")
    text = text[:text.index("verwachte_bevindingen:")] + expectations
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_expectations_by_path_survive_a_line_added_above(tmp_path: Path) -> None:
    case = _with_expectations(tmp_path, RIGHT)
    outcome = run_case_test(case, OPTIONS)
    assert outcome is not None and outcome.passed, outcome and outcome.explain()
    text = case.read_text(encoding="utf-8")
    case.write_text("# een regel commentaar erbij\n" + text, encoding="utf-8")
    outcome = run_case_test(case, OPTIONS)
    assert outcome is not None and outcome.passed, outcome.explain()


def test_a_wrong_path_is_explained_by_rule_and_path(tmp_path: Path) -> None:
    case = _with_expectations(tmp_path, """\
verwachte_bevindingen:
  - regel: FORMULIER-VOLLEDIG
    pad: escalaties[1]
  - regel: LADDER-VOLGORDE
    pad: escalaties[2].stap
  - regel: LADDER-INITIATIEF
    pad: escalaties[1].gestart_door
""")
    outcome = run_case_test(case, OPTIONS)
    assert outcome is not None and not outcome.passed
    assert outcome.explain() == ("ontbreekt: LADDER-VOLGORDE bij escalaties[2].stap; "
                                 "onverwacht: LADDER-VOLGORDE bij escalaties[1].stap (regel 87)")


def test_an_expectation_that_did_not_come_is_reported_at_its_own_line(tmp_path: Path) -> None:
    """Also a place that does not exist in the case is said to be so."""
    case = _with_expectations(tmp_path, RIGHT + "  - regel: REGISSEUR-EEN\n    pad: regie[7]\n")
    line = case.read_text(encoding="utf-8").splitlines().index("  - regel: REGISSEUR-EEN") + 1
    result = run("test", "--format", "json", str(case))
    [missing] = json.loads(result.output)["bevindingen"]
    assert (missing["code"], missing["regelnummer"]) == ("REGISSEUR-EEN", line)
    assert missing["melding"] == ("verwachte bevinding ontbreekt: REGISSEUR-EEN bij regie[7] "
                                  "(die plaats bestaat niet in de casus)")


@pytest.mark.parametrize("expectations, problem", [
    ("verwachte_bevindingen:\n  - regel: LADDER-VOLGORDE\n", "pad of regel_nummer"),
    ("verwachte_bevindingen:\n  - regel: LADDER-VOLGORDE\n    regel_nummer: zeven\n",
     "regel_nummer"),
    ("verwachte_bevindingen: LADDER-VOLGORDE\n", "verwachte_bevindingen"),
    ("verwachte_bevindingen:\n  - regel: LADDER-VOLGORDE\n    pad: escalaties[x\n", "pad"),
    ("verwachte_bevindingen:\n  - regel: LADDER-VOLGRODE\n    pad: escalaties[1]\n",
     "verwachte_bevindingen[0].regel: geen regel van de regelcatalogus of code van regiekit; "
     "bedoelde u 'LADDER-VOLGORDE'?"),
])
def test_a_malformed_expectation_is_reported_with_file_and_line(
        tmp_path: Path, expectations: str, problem: str) -> None:
    case = _with_expectations(tmp_path, expectations)
    line = case.read_text(encoding="utf-8").count("\n") - expectations.count("\n") + 1
    result = run("test", str(case))
    assert result.exit_code == 1, result.output
    [reported] = [text for text in result.output.splitlines() if text.startswith(str(case))]
    location = reported.split(": ", 1)[0]
    assert location.startswith(f"{case}:") and int(location.split(":")[1]) >= line
    assert problem in reported


def test_test_filters_cases_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = run("test", "-k", "zou", "examples/cases")
    assert result.exit_code == 0, result.output
    ran = [line for line in result.output.splitlines() if line.startswith("ok")]
    assert ran and all("zou" in line for line in ran)
    assert len(ran) == len(list(EXAMPLES.glob("zou-*.yaml")))
    assert "geen casus" in run("test", "-k", "atlantis", "examples/cases").output


def test_the_pytest_plugin_collects_case_files(pytester: pytest.Pytester) -> None:
    cases = pytester.mkdir("casussen")
    shutil.copy(EXAMPLES / "zou-alleenstaande-moeder.yaml", cases)
    shutil.copy(BROKEN, cases)
    wrong = (cases / BROKEN.name).read_text(encoding="utf-8").replace(
        "regel: LADDER-INITIATIEF", "regel: LADDER-VOLGORDE", 1)
    (cases / "apeldoorn-verkeerd.yaml").write_text(
        wrong.replace("casus: apeldoorn-sprong-fout", "casus: apeldoorn-verkeerd"),
        encoding="utf-8")
    shutil.copytree(REPO / "regions", pytester.path / "regions")
    junit = pytester.path / "uitslag.xml"
    result = pytester.runpytest("--regiekit", "casussen", f"--junitxml={junit}",
                                "-p", "no:cacheprovider")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(["*apeldoorn-verkeerd*ontbreekt*"])
    assert 'name="apeldoorn-verkeerd"' in junit.read_text(encoding="utf-8")


def test_without_the_option_the_plugin_collects_nothing(pytester: pytest.Pytester) -> None:
    cases = pytester.mkdir("casussen")
    shutil.copy(EXAMPLES / "zou-alleenstaande-moeder.yaml", cases)
    result = pytester.runpytest("casussen", "-p", "no:cacheprovider")
    result.assert_outcomes()


def test_a_schema_finding_is_expected_by_its_path(tmp_path: Path) -> None:
    text = (EXAMPLES / "zou-alleenstaande-moeder.yaml").read_text(encoding="utf-8")
    text = text.replace("    leeftijd: 9\n", "    leeftijd: negen\n")
    case = tmp_path / "casus.yaml"
    case.write_text(text.replace("verwachte_bevindingen: []\n", "verwachte_bevindingen:\n"
                                 "  - regel: SCHEMA-TYPE\n    pad: huishouden[1].leeftijd\n"),
                    encoding="utf-8")
    outcome = run_case_test(case, OPTIONS)
    assert outcome is not None and outcome.passed, outcome.explain()


@pytest.mark.parametrize("place, waived", [("overleggen[3]", True), ("overleggen[2]", False)])
def test_a_waiver_may_name_its_place(tmp_path: Path, place: str, waived: bool) -> None:
    """A waiver by path sets aside the finding at that place only, whatever lines move."""
    text = (EXAMPLES / "terneuzen-hulst-afwijking.yaml").read_text(encoding="utf-8")
    case = tmp_path / "afwijking.yaml"
    case.write_text("# een regel erbij\n" + text.replace(
        "    datum: 2024-10-11\n", f"    datum: 2024-10-11\n    pad: {place}\n"),
        encoding="utf-8")
    result = check_file(case, OPTIONS)
    assert [f.code for f in result.waived] == (["OVERLEG-FREQUENTIE"] if waived else [])
    assert [f.code for f in result.findings] == ([] if waived else ["OVERLEG-FREQUENTIE"])
