"""Case files as regression tests: `verwachte_bevindingen` (rule id + line) must match exactly.

As OpenFisca runs its YAML tests, `regiekit test` runs every case file that states its expected
findings, so a region keeps regression cases beside its rules; tests/checks wires the same
function into pytest.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from generator.casecheck import DEFAULT_OPTIONS, CheckOptions, check_document, iter_case_files
from generator.loader import YamlDocument, load_yaml
from generator.model.case import read_expectations

Expected = tuple[str, int]


@dataclass(frozen=True)
class CaseTestOutcome:
    """One case file's expected vs actual findings (rule id, line)."""

    file: str
    subject: str
    expected: tuple[Expected, ...]
    actual: tuple[Expected, ...]

    @property
    def passed(self) -> bool:
        return self.expected == self.actual

    def explain(self) -> str:
        missing = sorted(set(self.expected) - set(self.actual))
        unexpected = sorted(set(self.actual) - set(self.expected))
        parts = [f"ontbreekt: {_list(missing)}" if missing else "",
                 f"onverwacht: {_list(unexpected)}" if unexpected else ""]
        return "; ".join(part for part in parts if part) or "aantallen verschillen"


def _list(items: Iterable[Expected]) -> str:
    return ", ".join(f"{code} op regel {line}" for code, line in items)


def expected_findings(path: Path) -> tuple[Expected, ...] | None:
    """The findings a case file declares, or None if it declares none (not a test case)."""
    return _expected(load_yaml(path))


def _expected(document: YamlDocument) -> tuple[Expected, ...] | None:
    expectations = read_expectations(document)
    if expectations is None:
        return None
    return tuple(sorted((expected.rule_id, expected.line) for expected in expectations))


def run_case_test(path: Path, options: CheckOptions = DEFAULT_OPTIONS) -> CaseTestOutcome | None:
    """Check one case file against its own expectations; None if it states none."""
    document = load_yaml(path)
    expected = _expected(document)
    if expected is None:
        return None
    result = check_document(document, options)
    actual = tuple(sorted((f.code, f.line) for f in result.unreadable + result.findings))
    subject = result.subjects[0] if result.subjects else str(path)
    return CaseTestOutcome(str(path), subject, expected, actual)


def run_case_tests(paths: list[Path], options: CheckOptions, *, stream: TextIO) -> int:
    """Run every case test under `paths`; 0 if all pass, 1 if one fails."""
    passed = failed = 0
    for path in iter_case_files(paths):
        outcome = run_case_test(path, options)
        if outcome is None:
            continue
        if outcome.passed:
            passed += 1
            stream.write(f"ok       {outcome.subject} ({outcome.file})\n")
        else:
            failed += 1
            stream.write(f"MISLUKT  {outcome.subject} ({outcome.file}): {outcome.explain()}\n")
    stream.write(f"{passed} passed, {failed} failed\n")
    return 1 if failed else 0
