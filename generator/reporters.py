"""Reporters turn a Result into text for people or machines; chosen by name from REPORTERS.

Reporters print only what a finding carries (file, line, code, message, source): checks must
never put personal data or free text from a case into a message.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TextIO

from generator.findings import Finding, Result, Severity

Reporter = Callable[[Result, TextIO], None]


def _line(finding: Finding) -> str:
    text = f"{finding.location()}: [{finding.severity.value}] {finding.code} {finding.message}"
    return f"{text} (bron: {finding.source})" if finding.source else text


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def summary(result: Result) -> str:
    """One Dutch line that counts what was found, including waivers and unreadable files."""
    parts = [
        _plural(result.count(Severity.ERROR), "fout", "fouten"),
        _plural(result.count(Severity.WARNING), "waarschuwing", "waarschuwingen"),
    ]
    if result.unreadable:
        parts.append(_plural(len(result.unreadable), "onleesbaar bestand", "onleesbare bestanden"))
    if result.waived:
        parts.append(_plural(len(result.waived), "bewuste afwijking", "bewuste afwijkingen"))
    return f"{', '.join(parts)} in {_plural(result.files_checked, 'bestand', 'bestanden')}"


def report_text(result: Result, stream: TextIO) -> None:
    for finding in result.all_findings():
        stream.write(_line(finding) + "\n")
    stream.write(summary(result) + "\n")


def _as_dict(finding: Finding) -> dict[str, object]:
    return {
        "bestand": finding.file, "regel": finding.line, "kolom": finding.column,
        "code": finding.code, "ernst": finding.severity.value, "melding": finding.message,
        "bron": finding.source, "onderwerp": finding.subject,
    }


def report_json(result: Result, stream: TextIO) -> None:
    document = {
        "bevindingen": [_as_dict(f) for f in sorted(result.findings)],
        "onleesbaar": [_as_dict(f) for f in sorted(result.unreadable)],
        "afwijkingen": [_as_dict(f) for f in sorted(result.waived)],
        "samenvatting": {
            "fouten": result.count(Severity.ERROR),
            "waarschuwingen": result.count(Severity.WARNING),
            "onleesbaar": len(result.unreadable),
            "afwijkingen": len(result.waived),
            "bestanden": result.files_checked,
        },
    }
    json.dump(document, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def _github_escape(text: str, *, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def report_github(result: Result, stream: TextIO) -> None:
    """GitHub Actions workflow commands: annotations on the changed lines."""
    for finding in result.all_findings():
        level = "error" if finding.severity is Severity.ERROR else "warning"
        props = ",".join([
            f"file={_github_escape(finding.file, property_value=True)}",
            f"line={finding.line}", f"col={finding.column}",
            f"title={_github_escape(finding.code, property_value=True)}",
        ])
        message = finding.message + (f" (bron: {finding.source})" if finding.source else "")
        stream.write(f"::{level} {props}::{_github_escape(message)}\n")
    stream.write(summary(result) + "\n")


def _test_name(finding: Finding) -> str:
    return f"{finding.subject or finding.file}.{finding.code}"


def report_junit(result: Result, stream: TextIO) -> None:
    """JUnit XML: one test case per subject and rule; names never contain the message."""
    # Imported here: xml.sax.saxutils pulls in urllib.request and http.client (~30 ms), too
    # slow for `regiekit validate` as a pre-commit hook.
    from xml.sax.saxutils import quoteattr

    failures = result.all_findings()
    failed_subjects = {f.subject or f.file for f in failures}
    passed = sorted(set(result.subjects) - failed_subjects)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(f'<testsuite name="regiekit" tests="{len(failures) + len(passed)}" '
                 f'failures="{len(failures)}" skipped="{len(result.waived)}">\n')
    for finding in failures:
        stream.write(f"  <testcase classname={quoteattr(finding.subject or finding.file)} "
                     f"name={quoteattr(_test_name(finding))}>\n"
                     f"    <failure type={quoteattr(finding.severity.value)} "
                     f"message={quoteattr(_line(finding))}/>\n  </testcase>\n")
    for finding in sorted(result.waived):
        stream.write(f"  <testcase classname={quoteattr(finding.subject or finding.file)} "
                     f"name={quoteattr(_test_name(finding))}>\n"
                     f"    <skipped message={quoteattr('bewuste afwijking')}/>\n  </testcase>\n")
    for subject in passed:
        stream.write(f"  <testcase classname={quoteattr(subject)} name={quoteattr(subject)}/>\n")
    stream.write("</testsuite>\n")


def report_sarif(result: Result, stream: TextIO) -> None:
    """SARIF 2.1.0, for code-scanning dashboards."""
    findings = result.all_findings()
    rules = sorted({f.code for f in findings})
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "regiekit", "rules": [{"id": code} for code in rules]}},
            "results": [{
                "ruleId": f.code,
                "level": "error" if f.severity is Severity.ERROR else "warning",
                "message": {"text": f.message + (f" (bron: {f.source})" if f.source else "")},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": f.file},
                    "region": {"startLine": f.line, "startColumn": f.column},
                }}],
            } for f in findings],
        }],
    }
    json.dump(document, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


REPORTERS: dict[str, Reporter] = {
    "text": report_text,
    "json": report_json,
    "github": report_github,
    "junit": report_junit,
    "sarif": report_sarif,
}
