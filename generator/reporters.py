"""Reporters turn a Result into text for people or machines; chosen by name from REPORTERS.

Every command that reports findings (validate, check, test, and any new one) builds a Result and
hands it to `report`, with ReportOptions saying what the run was: strict or not, colour, quiet,
the codes it knows (titles and help for SARIF) and the rules switched off (named in every
summary, never silent). The formats:

* `text`: one line per finding, `file:line:col: [fout] CODE message (bron: ...)`, and a summary;
* `json`: findings, unreadable files, waived findings and the counts;
* `github`: GitHub Actions workflow commands (`::error file=...`), annotations on the lines;
* `junit`: JUnit XML built with ElementTree: one test case per subject (a file, or a case id)
  and code, one per subject without findings; warnings are `<system-out>` unless strict;
* `sarif`: SARIF 2.1.0 with URI-encoded file addresses, the rules' titles and help, and waived
  findings as results with `suppressions`.

Reporters print only what a finding carries (file, line, code, message, source): checks must
never put personal data or free text from a case into a message. `report` passes every text
through `findings.printable` first, so no format carries a control character (a terminal escape
in a file name, XML that JUnit readers refuse).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, TextIO

from generator.documents.words import plural
from generator.findings import Finding, Result, Severity

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

    from generator.codes import Code


@dataclass(frozen=True)
class ReportOptions:
    """How one run is reported (the same for every format)."""

    strict: bool = False
    color: bool = False
    quiet: bool = False
    codes: Mapping[str, Code] = field(default_factory=dict)
    disabled: tuple[str, ...] = ()
    command: str = "validate"


class Reporter(Protocol):
    def __call__(self, result: Result, stream: TextIO, options: ReportOptions = ...) -> None:
        ...

_PLAIN = ReportOptions()


def _with_source(finding: Finding) -> str:
    return f"{finding.message} (bron: {finding.source})" if finding.source else finding.message


def _line(finding: Finding, options: ReportOptions = _PLAIN) -> str:
    location, label = f"{finding.location()}:", f"[{finding.severity.value}]"
    if options.color:
        import click

        location = click.style(location, bold=True)
        label = click.style(label, fg="red" if finding.severity is Severity.ERROR else "yellow",
                            bold=True)
    return f"{location} {label} {finding.code} {_with_source(finding)}"


def summary(result: Result, options: ReportOptions = _PLAIN) -> str:
    """One Dutch line that counts what was found, including waivers, unreadable files and the
    rules switched off."""
    parts = [
        plural(result.count(Severity.ERROR), "fout", "fouten"),
        plural(result.count(Severity.WARNING), "waarschuwing", "waarschuwingen"),
    ]
    if result.unreadable:
        parts.append(plural(len(result.unreadable), "onleesbaar bestand", "onleesbare bestanden"))
    if result.waived:
        parts.append(plural(len(result.waived), "bewuste afwijking", "bewuste afwijkingen"))
    text = f"{', '.join(parts)} in {plural(result.files_checked, 'bestand', 'bestanden')}"
    if options.disabled:
        text += f"; uitgezet: {', '.join(options.disabled)}"
    return text


def report_text(result: Result, stream: TextIO, options: ReportOptions = _PLAIN) -> None:
    for finding in result.all_findings():
        stream.write(_line(finding, options) + "\n")
    if not options.quiet:
        stream.write(summary(result, options) + "\n")


def _as_dict(finding: Finding) -> dict[str, object]:
    return {
        "bestand": finding.file, "regelnummer": finding.line, "kolom": finding.column,
        "code": finding.code, "ernst": finding.severity.value, "melding": finding.message,
        "bron": finding.source, "onderwerp": finding.subject,
    }


def report_json(result: Result, stream: TextIO, options: ReportOptions = _PLAIN) -> None:
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
            "uitgezet": list(options.disabled),
            "exitcode": result.exit_code(strict=options.strict),
        },
    }
    json.dump(document, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def _github_escape(text: str, *, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def _annotation(level: str, finding: Finding, message: str) -> str:
    props = ",".join([
        f"file={_github_escape(finding.file, property_value=True)}",
        f"line={finding.line}", f"col={finding.column}",
        f"title={_github_escape(finding.code, property_value=True)}",
    ])
    return f"::{level} {props}::{_github_escape(message)}\n"


def report_github(result: Result, stream: TextIO, options: ReportOptions = _PLAIN) -> None:
    """GitHub Actions workflow commands: annotations on the lines, waived findings as notices."""
    for finding in result.all_findings():
        level = "error" if finding.severity is Severity.ERROR else "warning"
        stream.write(_annotation(level, finding, _with_source(finding)))
    for finding in sorted(result.waived):
        stream.write(_annotation("notice", finding, f"bewuste afwijking: {_with_source(finding)}"))
    if not options.quiet:
        stream.write(summary(result, options) + "\n")


# --- JUnit ---------------------------------------------------------------------------------

def _subject(finding: Finding) -> str:
    return finding.subject or finding.file


def _grouped(result: Result) -> dict[tuple[str, str], list[Finding]]:
    """Findings (unreadable, found and waived) per subject and code, in a stable order."""
    groups: dict[tuple[str, str], list[Finding]] = {}
    for finding in sorted(result.unreadable + result.findings + result.waived):
        groups.setdefault((_subject(finding), finding.code), []).append(finding)
    return groups


def report_junit(result: Result, stream: TextIO, options: ReportOptions = _PLAIN) -> None:
    """JUnit XML: a test case per subject and code, and one per subject without findings.

    A test case fails on an error (or a warning with strict), is an `<error>` for a file that
    could not be read, is skipped when every finding in it is waived, and passes otherwise;
    warnings and waived findings that do not decide the outcome are listed in `<system-out>`.
    """
    from xml.etree import ElementTree as ET

    suite = ET.Element("testsuite", name=f"regiekit {options.command}")
    names: set[str] = set()
    groups = _grouped(result)
    kinds = _Kinds({id(f) for f in result.unreadable}, {id(f) for f in result.waived})
    for (subject, code), findings in groups.items():
        _junit_case(suite, subject, _unique(f"{subject}.{code}", names), findings, kinds,
                    options)
    for subject in _passed(result.subjects, {subject for subject, _ in groups}):
        ET.SubElement(suite, "testcase", classname=subject, name=_unique(subject, names))
    counts = {kind: sum(1 for case in suite if case.find(kind) is not None)
              for kind in ("failure", "error", "skipped")}
    attributes = {"tests": str(len(suite)), "failures": str(counts["failure"]),
                  "errors": str(counts["error"]), "skipped": str(counts["skipped"])}
    suite.attrib.update(attributes)
    root = ET.Element("testsuites", {"name": "regiekit", **attributes})
    root.append(suite)
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode") + "\n")


def _passed(subjects: list[str], with_findings: set[str]) -> list[str]:
    """Subjects without findings, once per file that had them (two files may state one case
    id); a subject with findings already has its test cases."""
    from collections import Counter

    counts = Counter(subjects)
    for subject in with_findings:
        counts[subject] -= 1
    return sorted(subject for subject, count in counts.items() for _ in range(max(count, 0)))


def _unique(name: str, used: set[str]) -> str:
    """`name`, or `name (2)`, `name (3)`, ... when a test case of that name already exists."""
    candidate, number = name, 1
    while candidate in used:
        number += 1
        candidate = f"{name} ({number})"
    used.add(candidate)
    return candidate


@dataclass(frozen=True)
class _Kinds:
    """Which findings (by identity) are unreadable files and which are waived."""

    unreadable: set[int]
    waived: set[int]


def _junit_case(suite: Element, subject: str, name: str, findings: list[Finding],
                kinds: _Kinds, options: ReportOptions) -> None:
    from xml.etree import ElementTree as ET

    case = ET.SubElement(suite, "testcase", classname=subject, name=name)
    unreadable = [f for f in findings if id(f) in kinds.unreadable]
    waived = [f for f in findings if id(f) in kinds.waived]
    failing = [f for f in findings
               if id(f) not in kinds.unreadable and id(f) not in kinds.waived
               and (f.severity is Severity.ERROR or options.strict)]
    if unreadable:
        _outcome(case, "error", unreadable)
    elif failing:
        _outcome(case, "failure", failing)
    elif waived and len(waived) == len(findings):
        ET.SubElement(case, "skipped", message="bewuste afwijking")
    reported = {id(f) for f in unreadable + failing}
    rest = [f for f in findings if id(f) not in reported]
    if rest:
        out = ET.SubElement(case, "system-out")
        out.text = "\n".join(("bewuste afwijking: " if id(f) in kinds.waived else "")
                             + _line(f) for f in rest)


def _outcome(case: Element, kind: str, findings: list[Finding]) -> None:
    from xml.etree import ElementTree as ET

    element = ET.SubElement(case, kind, type=findings[0].severity.value,
                            message=_with_source(findings[0]))
    element.text = "\n".join(_line(f) for f in findings)


# --- SARIF ---------------------------------------------------------------------------------

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_SOURCE_ROOT = "%SRCROOT%"


def _artifact(file: str) -> dict[str, str]:
    """A file as a SARIF artifact location: a percent-encoded URI, relative to the source root
    where the path is relative (`regions/ë x/regio.yaml` -> `regions/%C3%AB%20x/regio.yaml`)."""
    from pathlib import PurePath
    from urllib.parse import quote

    path = PurePath(file)
    if path.is_absolute():
        return {"uri": "file://" + quote(path.as_posix(), safe="/")}
    return {"uri": quote(path.as_posix(), safe="/"), "uriBaseId": _SOURCE_ROOT}


def _sarif_rule(code: str, known: Code | None) -> dict[str, object]:
    if known is None:
        return {"id": code}
    rule: dict[str, object] = {
        "id": code, "name": code,
        "shortDescription": {"text": known.title},
        "fullDescription": {"text": known.help or known.title},
        "help": {"text": f"{known.help or known.title} (bron: {known.source})"},
        "defaultConfiguration": {
            "level": "error" if known.severity is Severity.ERROR else "warning"},
        "properties": {"ernst": known.severity.value, "bron": known.source},
    }
    return rule


def _sarif_result(finding: Finding, index: int, *, waived: bool) -> dict[str, object]:
    entry: dict[str, object] = {
        "ruleId": finding.code, "ruleIndex": index,
        "level": "error" if finding.severity is Severity.ERROR else "warning",
        "message": {"text": _with_source(finding)},
        "locations": [{"physicalLocation": {
            "artifactLocation": _artifact(finding.file),
            "region": {"startLine": finding.line, "startColumn": finding.column},
        }}],
    }
    if waived:
        # The reason is free text written in the case: it never leaves the file.
        entry["suppressions"] = [{"kind": "inSource", "status": "accepted",
                                  "justification": "bewuste afwijking, vastgelegd in de casus "
                                                   "(afwijkingen)"}]
    return entry


def report_sarif(result: Result, stream: TextIO, options: ReportOptions = _PLAIN) -> None:
    """SARIF 2.1.0, for code-scanning dashboards."""
    from pathlib import Path

    findings = result.all_findings()
    waived = sorted(result.waived)
    codes = sorted({f.code for f in findings + waived})
    index = {code: number for number, code in enumerate(codes)}
    exit_code = result.exit_code(strict=options.strict)
    document = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "regiekit", "version": _version(),
                "rules": [_sarif_rule(code, options.codes.get(code)) for code in codes]}},
            "originalUriBaseIds": {_SOURCE_ROOT: {"uri": Path.cwd().as_uri() + "/"}},
            "invocations": [{"executionSuccessful": exit_code != 2, "exitCode": exit_code,
                             "properties": {"uitgezet": list(options.disabled)}}],
            "results": [_sarif_result(f, index[f.code], waived=False) for f in findings]
            + [_sarif_result(f, index[f.code], waived=True) for f in waived],
        }],
    }
    json.dump(document, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def _version() -> str:
    from generator import __version__

    return __version__


REPORTERS: dict[str, Reporter] = {
    "text": report_text,
    "json": report_json,
    "github": report_github,
    "junit": report_junit,
    "sarif": report_sarif,
}
FORMATS = tuple(REPORTERS)


def report(result: Result, output_format: str, stream: TextIO,
           options: ReportOptions = _PLAIN) -> int:
    """Write `result` in `output_format` and return the run's exit code; the findings of rules
    switched off are left out (the summary names those rules)."""
    result = result.without(options.disabled).printable()  # no control character, any format
    REPORTERS[output_format](result, stream, options)
    return result.exit_code(strict=options.strict)
