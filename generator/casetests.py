"""Case files as regression tests: `verwachte_bevindingen` must match the findings exactly.

As OpenFisca runs its YAML tests, `regiekit test` runs every case file that states its expected
findings, so a region keeps regression cases beside its rules. An expected finding names its rule
and where it stands: a path in the case (`escalaties[2].gestart_door`, which matches a finding at
that place or below it, and survives lines added above) and/or a line. Expectations that do not
fit the case format are reported with file and line, never as a traceback. The same functions
serve the pytest plugin (`generator/pytest_plugin.py`) and tests/checks.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from generator.casecheck import (
    DEFAULT_OPTIONS,
    CheckOptions,
    case_subject,
    check_document,
    iter_case_files,
)
from generator.errors import UsageError, YamlLoadError
from generator.filesystem import Skipped
from generator.findings import Finding, FindingPattern, Result, Severity
from generator.hints import Hints
from generator.loader import JsonPath, YamlDocument, load_yaml
from generator.model.case import CaseExpectations, ExpectedFinding, read_expectations
from generator.model.mapping import yaml_key
from generator.validation.problems import describe_path, parse_path


@dataclass(frozen=True)
class Expected(FindingPattern):
    """One expected finding: its rule, and its place and/or line; where it is written (the line
    of the expectation itself, where a report puts it when it did not come) and whether its
    place exists in the case at all."""

    written_at: int = 1
    place_exists: bool = True

    @classmethod
    def of(cls, expected: ExpectedFinding, document: YamlDocument | None = None) -> Expected:
        place = parse_path(expected.place) if expected.place is not None else None
        if document is None:
            return cls(expected.rule_id, place, expected.line)
        return cls(expected.rule_id, place, expected.line,
                   document.position(expected.path).line,
                   place is None or _exists(document.data, place))

    def describe(self) -> str:
        where = [f"bij {describe_path(self.place, private=True)}" if self.place is not None
                 else "",
                 "(die plaats bestaat niet in de casus)" if not self.place_exists else "",
                 f"op regel {self.line}" if self.line is not None else ""]
        return " ".join([self.code] + [part for part in where if part])


def _exists(data: object, place: JsonPath) -> bool:
    """Whether `place` names a key or list item of the case."""
    for part in place:
        if isinstance(part, int) and isinstance(data, list) and 0 <= part < len(data):
            data = data[part]
        elif isinstance(part, str) and isinstance(data, Mapping) and part in data:
            data = data[part]
        else:
            return False
    return True


def describe_finding(finding: Finding) -> str:
    """`LADDER-VOLGORDE bij escalaties[1].stap (regel 87)`."""
    if finding.path:
        return (f"{finding.code} bij {describe_path(finding.path, private=True)} "
                f"(regel {finding.line})")
    return f"{finding.code} op regel {finding.line}"


@dataclass(frozen=True)
class CaseTestOutcome:
    """One case file's expected findings against what the check found."""

    file: str
    subject: str
    missing: tuple[Expected, ...] = ()
    unexpected: tuple[Finding, ...] = ()
    malformed: tuple[str, ...] = ()
    """Expectations that do not fit the case format, each as `file:line: message`."""

    @property
    def passed(self) -> bool:
        return not (self.missing or self.unexpected or self.malformed)

    def explain(self) -> str:
        if self.malformed:
            return "; ".join(self.malformed)
        parts = [f"ontbreekt: {', '.join(e.describe() for e in self.missing)}"
                 if self.missing else "",
                 f"onverwacht: {', '.join(describe_finding(f) for f in self.unexpected)}"
                 if self.unexpected else ""]
        return "; ".join(part for part in parts if part)


def match(expected: Iterable[Expected],
          findings: Iterable[Finding]) -> tuple[list[Expected], list[Finding]]:
    """Pair each expectation with one finding; what is left on either side. The most specific
    expectations choose first, so a broad one (`escalaties[1]`) takes what the others leave."""
    left = sorted(findings, key=lambda f: (f.line, f.column, f.code))
    missing: list[Expected] = []
    for wanted in sorted(expected, key=lambda e: (-len(e.place or ()), e.line is None)):
        found = next((finding for finding in left if wanted.matches(finding)), None)
        if found is None:
            missing.append(wanted)
        else:
            left.remove(found)
    return missing, left


def expectation_problems(document: YamlDocument, known: Iterable[str] = ()) -> list[str]:
    """The expectations of a file that do not fit the case format, or name a rule that is not
    among the `known` codes, as `file:line:column: message`."""
    from generator.validation.files import CASE_KIND, SCHEMAS
    from generator.validation.problems import to_finding
    from generator.validation.schema import schema_problems

    key = yaml_key(CaseExpectations, "expected_findings")
    findings = sorted(to_finding(document, problem)
                      for problem in schema_problems(document.data, SCHEMAS[CASE_KIND],
                                                     show_values=False)
                      if problem.path[:1] == (key,))
    if findings or not known:
        return [f"{finding.location()}: {finding.message}" for finding in findings]
    return list(_unknown_rules(document, Hints(known)))


def _unknown_rules(document: YamlDocument, known: Hints) -> Iterator[str]:
    """`casus.yaml:41:12: verwachte_bevindingen[2].regel: geen regel van de regelcatalogus of
    code van regiekit; bedoelde u 'LADDER-VOLGORDE'?` (the value itself is never repeated)."""
    for expected in read_expectations(document) or ():
        if expected.rule_id in known.known:
            continue
        where = expected.at("rule_id")
        position = document.position(where)
        near = known.closest(expected.rule_id)
        yield (f"{document.file}:{position.line}:{position.column}: "
               f"{describe_path(where, private=True)}: geen regel van de regelcatalogus of code "
               f"van regiekit" + (f"; bedoelde u '{near}'?" if near else ""))


def known_codes(options: CheckOptions) -> frozenset[str]:
    """Every code a finding can carry: the catalogue's rules and regiekit's own codes."""
    from generator.casecheck import load_catalogue
    from generator.codes import TOOL_CODES

    return frozenset(rule.id for rule in load_catalogue(options.rules_file)) | \
        frozenset(code.id for code in TOOL_CODES) | {MALFORMED}


def run_case_test(path: Path, options: CheckOptions = DEFAULT_OPTIONS) -> CaseTestOutcome | None:
    """Check one case file against its own expectations; None if it states none."""
    document = load_yaml(path)
    return run_document_test(document, options)


def is_case_test(document: YamlDocument) -> str | None:
    """The test's name (its case id if valid, else its file name) if the file states expected
    findings."""
    from generator.model.case import read_header
    from generator.validation.files import is_case

    data = document.data
    if not is_case(data) or yaml_key(CaseExpectations, "expected_findings") not in data:
        return None
    return case_subject(read_header(document).id, document.file)


def run_document_test(document: YamlDocument,
                      options: CheckOptions = DEFAULT_OPTIONS) -> CaseTestOutcome | None:
    """Check one loaded case file against its own expectations; None if it states none."""
    if is_case_test(document) is None:
        return None
    result = check_document(document, options)
    subject = result.subjects[0] if result.subjects else document.file
    malformed = expectation_problems(document, known_codes(options))
    if malformed:
        return CaseTestOutcome(document.file, subject, malformed=tuple(malformed))
    expected = [Expected.of(item, document) for item in read_expectations(document) or ()]
    missing, unexpected = match(expected, result.unreadable + result.findings)
    return CaseTestOutcome(document.file, subject, tuple(missing), tuple(unexpected))


def expected_findings(path: Path) -> tuple[Expected, ...] | None:
    """The findings a case file declares, or None if it declares none (not a test case)."""
    expectations = read_expectations(load_yaml(path))
    return None if expectations is None else tuple(Expected.of(e) for e in expectations)


def case_tests(paths: list[Path], options: CheckOptions,
               names: tuple[str, ...] = ()) -> Iterator[CaseTestOutcome]:
    """The outcome of every case test under `paths` whose case id or file name contains one of
    `names` (all when none is given); an unreadable file is a failed test."""
    for path in iter_case_files(paths):
        if isinstance(path, Skipped):
            outcome = _skipped(path)
            if outcome is None:
                continue
        else:
            try:
                outcome = run_case_test(path, options)
            except YamlLoadError as error:
                outcome = CaseTestOutcome(str(path), str(path), malformed=(
                    f"{error.file}:{error.line}:{error.column}: {error.message}",))
        if outcome is not None and selected(outcome, names):
            yield outcome


def _skipped(skipped: Skipped) -> CaseTestOutcome | None:
    """A folder that cannot be read is a failed test; a FIFO or other special file is skipped
    with a waarschuwing on stderr."""
    if skipped.error:
        return CaseTestOutcome(str(skipped.path), str(skipped.path), malformed=(
            f"{skipped.path}:1:1: {skipped.reason}",))
    sys.stderr.write(f"regiekit: waarschuwing: {skipped.path}: {skipped.reason}\n")
    return None


def selected(outcome: CaseTestOutcome, names: tuple[str, ...]) -> bool:
    """`-k`: a test runs when its case id or file name contains one of the names."""
    return not names or any(name in outcome.subject or name in Path(outcome.file).name
                            for name in names)


def run_case_tests(paths: list[Path], options: CheckOptions,
                   names: tuple[str, ...] = ()) -> list[CaseTestOutcome]:
    """Every (selected) case test under `paths`; none at all is exit 2 (UsageError)."""
    outcomes = list(case_tests(paths, options, names))
    if not outcomes:
        which = f" die past bij {', '.join(names)}" if names else ""
        raise UsageError(f"geen casussen met verwachte_bevindingen gevonden{which} in "
                         f"{', '.join(map(str, paths))}")
    return outcomes


def as_result(outcomes: list[CaseTestOutcome]) -> Result:
    """The tests as findings, for the shared formats: an expected finding that did not come is
    `verwachte bevinding ontbreekt`, an unexpected one `onverwachte bevinding`, expectations that
    do not fit the case format one finding of their own; a passed test is a subject without
    findings."""
    result = Result(files_checked=len(outcomes))
    for outcome in outcomes:
        result.subjects.append(outcome.subject)
        result.findings += [
            Finding(outcome.file, expected.written_at, 1, expected.code, Severity.ERROR,
                    f"verwachte bevinding ontbreekt: {expected.describe()}", None,
                    outcome.subject) for expected in outcome.missing]
        result.findings += [
            Finding(f.file, f.line, f.column, f.code, Severity.ERROR,
                    f"onverwachte bevinding: {f.message}", f.source, outcome.subject)
            for f in outcome.unexpected]
        if outcome.malformed:
            result.findings.append(Finding(
                outcome.file, _first_line(outcome), 1, MALFORMED, Severity.ERROR,
                f"verwachte bevindingen passen niet in het casusformaat: "
                f"{'; '.join(outcome.malformed)}", None, outcome.subject))
    return result


MALFORMED = "CASUSTEST-VERWACHTING"


def _first_line(outcome: CaseTestOutcome) -> int:
    """The line of the first expectation that does not fit (each is `file:line:column: ...`)."""
    line = outcome.malformed[0].removeprefix(f"{outcome.file}:").split(":", 1)[0]
    return int(line) if line.isdigit() else 1


def report_text(outcomes: list[CaseTestOutcome], stream: TextIO, *, color: bool = False,
                quiet: bool = False) -> None:
    """`ok`/`MISLUKT` per test and `16 geslaagd, 0 mislukt`; quiet: only the failures."""
    import click

    for outcome in outcomes:
        if outcome.passed and quiet:
            continue
        label = "ok      " if outcome.passed else "MISLUKT "
        if color:
            label = click.style(label, fg="green" if outcome.passed else "red", bold=True)
        if outcome.passed:
            stream.write(f"{label} {outcome.subject} ({outcome.file})\n")
        elif outcome.malformed:
            stream.write(f"{label} {outcome.subject}: verwachte bevindingen passen niet in het "
                         "casusformaat\n")
            stream.writelines(f"{problem}\n" for problem in outcome.malformed)
        else:
            stream.write(f"{label} {outcome.subject} ({outcome.file}): {outcome.explain()}\n")
    if not quiet:
        failed = sum(1 for outcome in outcomes if not outcome.passed)
        stream.write(f"{len(outcomes) - failed} geslaagd, {failed} mislukt\n")
