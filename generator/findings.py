"""Findings are data: one frozen record per problem, collected in a Result.

Checks yield findings; the runner stamps rule id and severity; reporters only format them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    """How bad a finding is. Values are the Dutch words shown to users."""

    ERROR = "fout"
    WARNING = "waarschuwing"


@dataclass(frozen=True, order=True)
class Finding:
    """One problem at one place; `subject` is what it is about (a case id), for stable names."""

    file: str
    line: int
    column: int
    code: str
    severity: Severity
    message: str
    source: str | None = None
    subject: str | None = None

    def location(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass
class Result:
    """Everything one run found.

    `unreadable` holds files that could not be parsed at all (exit 2), `findings` what is wrong in
    the ones that could, `waived` findings a case deliberately set aside (counted, never dropped).
    """

    findings: list[Finding] = field(default_factory=list)
    unreadable: list[Finding] = field(default_factory=list)
    waived: list[Finding] = field(default_factory=list)
    files_checked: int = 0
    subjects: list[str] = field(default_factory=list)

    def extend(self, findings: Iterable[Finding]) -> None:
        self.findings.extend(findings)

    def merge(self, other: Result) -> None:
        self.findings.extend(other.findings)
        self.unreadable.extend(other.unreadable)
        self.waived.extend(other.waived)
        self.files_checked += other.files_checked
        self.subjects.extend(other.subjects)

    def without(self, codes: Iterable[str]) -> Result:
        """The same result with the findings of `codes` (rules switched off) left out."""
        off = set(codes)
        return Result([f for f in self.findings if f.code not in off], self.unreadable,
                      [f for f in self.waived if f.code not in off], self.files_checked,
                      self.subjects)

    def all_findings(self) -> list[Finding]:
        """Unreadable files first, then findings, each in file/line order."""
        return sorted(self.unreadable) + sorted(self.findings)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    def exit_code(self, *, strict: bool = False) -> int:
        """0 clean, 1 the agreement or case is wrong, 2 a file could not be read."""
        if self.unreadable:
            return 2
        if self.count(Severity.ERROR) or (strict and self.count(Severity.WARNING)):
            return 1
        return 0
