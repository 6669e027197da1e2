"""The formats every findings command shares: JUnit, SARIF, GitHub annotations, text."""

from __future__ import annotations

import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from cli_support import EXAMPLES, REPO, run
from jsonschema import Draft4Validator, FormatChecker

from generator.codes import TOOL_CODES, code_index
from generator.findings import Finding, Result, Severity
from generator.reporters import ReportOptions, report_junit, report_sarif, report_text

SARIF_SCHEMA = json.loads((REPO / "tests" / "data" / "sarif-schema-2.1.0.json").read_text())
URI_REFERENCE = re.compile(r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#]|%[0-9A-F]{2})*")
"""RFC 3986: a URI reference holds only these characters, anything else percent-encoded."""


def _valid_sarif(document: dict) -> None:
    errors = list(Draft4Validator(SARIF_SCHEMA, format_checker=FormatChecker())
                  .iter_errors(document))
    assert not errors, [e.message for e in errors]
    for run_ in document["runs"]:
        for result in run_["results"]:
            for location in result["locations"]:
                uri = location["physicalLocation"]["artifactLocation"]["uri"]
                assert URI_REFERENCE.fullmatch(uri), uri


def _finding(code: str, line: int, severity: Severity = Severity.ERROR,
             subject: str = "casus-a", file: str = "casussen/a.yaml") -> Finding:
    return Finding(file, line, 3, code, severity, f"melding {line}", None, subject)


def _junit(result: Result, **options: bool) -> ET.Element:
    stream = io.StringIO()
    report_junit(result, stream, ReportOptions(**options))
    return ET.fromstring(stream.getvalue())


def _sarif(result: Result, options: ReportOptions | None = None) -> dict:
    stream = io.StringIO()
    report_sarif(result, stream, options or ReportOptions())
    document = json.loads(stream.getvalue())
    _valid_sarif(document)
    return document


def _counts(element: ET.Element) -> tuple[int, int, int, int]:
    return tuple(int(element.get(k, "0")) for k in ("tests", "failures", "errors", "skipped"))


def test_junit_counts_match_the_test_cases_and_names_are_unique() -> None:
    result = Result(findings=[_finding("LADDER-VOLGORDE", 10), _finding("LADDER-VOLGORDE", 20),
                              _finding("REACTIETERMIJN", 30)],
                    unreadable=[_finding("YAML-SYNTAX", 1, subject="kapot.yaml",
                                         file="kapot.yaml")],
                    waived=[_finding("OVERLEG-FREQUENTIE", 40)],
                    files_checked=3, subjects=["casus-a", "kapot.yaml", "casus-b", "casus-b"])
    root = _junit(result)
    cases = list(root.iter("testcase"))
    names = [case.get("name") for case in cases]
    assert len(names) == len(set(names))
    assert _counts(root) == _counts(root.find("testsuite")) == (len(cases), 2, 1, 1)
    assert "casus-a.LADDER-VOLGORDE" in names and "casus-b" in names and "casus-b (2)" in names
    [ordered] = [c for c in cases if c.get("name") == "casus-a.LADDER-VOLGORDE"]
    assert ordered.find("failure").text.count("LADDER-VOLGORDE") == 2  # both lines, one case


def test_junit_warning_is_system_out_not_failure_unless_strict() -> None:
    result = Result(findings=[_finding("HULPMIDDEL-ACTUEEL", 5, Severity.WARNING)],
                    files_checked=1, subjects=["casus-a"])
    relaxed = _junit(result)
    [case] = relaxed.iter("testcase")
    assert case.find("failure") is None and "HULPMIDDEL-ACTUEEL" in case.find("system-out").text
    assert _counts(relaxed) == (1, 0, 0, 0) and result.exit_code() == 0
    strict = _junit(result, strict=True)
    assert _counts(strict) == (1, 1, 0, 0) and result.exit_code(strict=True) == 1


@pytest.mark.parametrize("strict", [False, True])
def test_junit_of_the_examples_agrees_with_the_exit_code(strict: bool,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    args = ["check", "--format", "junit", "examples/cases"] + (["--strict"] if strict else [])
    result = run(*args)
    root = ET.fromstring(result.output)
    cases = list(root.iter("testcase"))
    assert _counts(root)[0] == len(cases)
    assert len({c.get("name") for c in cases}) == len(cases)
    failures = sum(1 for c in cases if c.find("failure") is not None)
    assert _counts(root)[1] == failures and (failures > 0) == (result.exit_code == 1)
    assert "terneuzen-hulst-afwijking.OVERLEG-FREQUENTIE" in {c.get("name") for c in cases}


def test_sarif_is_valid_and_addresses_are_uri_encoded(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "casussen van ëen"
    folder.mkdir()
    shutil.copy(EXAMPLES / "apeldoorn-sprong-fout.yaml", folder / "sprong fout.yaml")
    monkeypatch.chdir(tmp_path)
    result = run("check", "--format", "sarif", "--regions", str(REPO / "regions"),
                 "--rules", str(REPO / "rules" / "regels.yaml"), "casussen van ëen")
    document = json.loads(result.output)
    _valid_sarif(document)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in document["runs"][0]["results"]}
    assert uris == {"casussen%20van%20%C3%ABen/sprong%20fout.yaml"}
    base = document["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert base == tmp_path.as_uri() + "/"


def test_sarif_rules_carry_titles_and_help_from_the_catalogue(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    document = json.loads(run("check", "--format", "sarif", "examples/cases").output)
    _valid_sarif(document)
    rules = {rule["id"]: rule for rule in document["runs"][0]["tool"]["driver"]["rules"]}
    order = rules["LADDER-VOLGORDE"]
    assert order["shortDescription"]["text"] == ("Escalatiestappen in volgorde, alleen de "
                                                 "toegestane sprongen")
    assert "vervolg.stappen" in order["fullDescription"]["text"]
    assert "Werkinstructie complexe casuïstiek regio Apeldoorn" in order["help"]["text"]
    results = document["runs"][0]["results"]
    assert all(rules[r["ruleId"]] is list(rules.values())[r["ruleIndex"]] for r in results)


def test_sarif_reports_waived_findings_as_suppressed_without_the_reason(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    document = json.loads(run("check", "--format", "sarif", "examples/cases").output)
    suppressed = [r for r in document["runs"][0]["results"] if "suppressions" in r]
    assert [r["ruleId"] for r in suppressed] == ["OVERLEG-FREQUENTIE"]
    reason = (EXAMPLES / "terneuzen-hulst-afwijking.yaml").read_text(encoding="utf-8")
    written = reason.split("reden:", 1)[1].splitlines()[0].strip()
    assert written and written not in json.dumps(document, ensure_ascii=False)


def test_sarif_of_a_clean_run_and_of_an_absolute_path() -> None:
    _sarif(Result(files_checked=1, subjects=["x"]))
    absolute = _sarif(Result(findings=[_finding("ID-DUBBEL", 2, file="/tmp/a b/regio.yaml")]),
                      ReportOptions(codes=code_index(TOOL_CODES)))
    location = absolute["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "file:///tmp/a%20b/regio.yaml"}
    assert absolute["runs"][0]["tool"]["driver"]["rules"][0]["shortDescription"]["text"] == \
        "Id komt twee keer voor"


def test_github_annotations_are_the_default_under_github_actions(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = run("check", "examples/cases/apeldoorn-sprong-fout.yaml")
    assert result.output.startswith("::error file=examples/cases/apeldoorn-sprong-fout.yaml,")
    waived = run("check", "examples/cases/terneuzen-hulst-afwijking.yaml")
    assert "::notice file=examples/cases/terneuzen-hulst-afwijking.yaml" in waived.output
    assert "bewuste afwijking" in waived.output
    assert run("check", "--format", "text", "examples/cases/apeldoorn-sprong-fout.yaml") \
        .output.startswith("examples/cases/apeldoorn-sprong-fout.yaml:")


def test_text_colour_only_when_asked_or_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    case = "examples/cases/apeldoorn-sprong-fout.yaml"
    assert "\x1b[" not in run("check", case).output  # not a terminal
    coloured = run("check", "--color", case).output
    assert "\x1b[31m\x1b[1m[fout]\x1b[0m" in coloured
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run("check", "--no-color", case).output
    stream = io.StringIO()
    report_text(Result(findings=[_finding("X", 1)]), stream, ReportOptions(color=False))
    assert "\x1b[" not in stream.getvalue()


def test_no_color_environment_switches_colour_off_on_a_terminal(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.settings import use_color

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert use_color(None, Terminal()) is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_color(None, Terminal()) is False
    assert use_color(True, Terminal()) is True


def test_quiet_prints_findings_and_no_summary(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    noisy = run("check", "examples/cases/apeldoorn-sprong-fout.yaml")
    quiet = run("check", "-q", "examples/cases/apeldoorn-sprong-fout.yaml")
    assert quiet.exit_code == noisy.exit_code == 1
    assert quiet.output.splitlines() == noisy.output.splitlines()[:-1]
    assert run("validate", "-q", "regions/zou").output == ""


def test_json_names_a_line_regelnummer_never_regel() -> None:
    """In a case file `regel` is a rule id (`afwijkingen[].regel`); the JSON output must not use
    the same word for a line number."""
    from generator.reporters import report_json

    stream = io.StringIO()
    report_json(Result(findings=[_finding("LADDER-VOLGORDE", 12)], files_checked=1), stream)
    [finding] = json.loads(stream.getvalue())["bevindingen"]
    assert (finding["regelnummer"], finding["kolom"], finding["code"]) == (
        12, 3, "LADDER-VOLGORDE")
    assert "regel" not in finding
