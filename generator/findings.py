"""Findings are data: one frozen record per problem, collected in a Result.

Checks yield findings; the runner stamps rule id and severity; reporters only format them.
`printable` is the one function that makes text safe to print: every reporter's output and
the CLI's streams go through it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.loader import JsonPath

_UNSAFE = ("\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e"
           "\u2066-\u2069\ud800-\udfff\ufffe\uffff")
"""Control characters (C0 but tab, DEL, C1), bidirectional overrides, line and paragraph
separators, lone surrogates (undecodable bytes in a file name) and the two non-characters: what
could move a terminal's cursor, recolour it, reorder a line, break a report's one-line-per-
finding, or make XML invalid."""


@cache
def _unsafe(keep: str) -> re.Pattern[str]:
    kept = "".join(f"\\x{ord(character):02x}" for character in keep)
    return re.compile(f"(?![{kept}])[{_UNSAFE}]" if kept else f"[{_UNSAFE}]")


def printable(text: str, *, keep: str = "") -> str:
    """`text` with every unsafe character written as a `\\uXXXX` escape (valid inside a JSON
    string too); the characters in `keep` (say newline) stay as they are."""
    pattern = _unsafe(keep)
    if pattern.search(text) is None:
        return text
    return pattern.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


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
    path: JsonPath = field(default=(), compare=False)
    """Where in the document (for a case: `escalaties[2].gestart_door`), when known: what a
    regression case's expected findings name, so they survive lines added above."""

    def location(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"

    def printable(self) -> Finding:
        """The finding with file, message, source and subject safe to print."""
        return replace(self, file=printable(self.file), message=printable(self.message),
                       source=None if self.source is None else printable(self.source),
                       subject=None if self.subject is None else printable(self.subject))


@dataclass(frozen=True)
class FindingPattern:
    """Which findings something names (an expected finding, a waiver): a rule, and optionally
    where: a place in the document, matching there and below it, and/or a line."""

    code: str
    place: JsonPath | None = None
    line: int | None = None

    def matches(self, finding: Finding) -> bool:
        return (finding.code == self.code
                and (self.place is None or finding.path[:len(self.place)] == self.place)
                and (self.line is None or finding.line == self.line))


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

    def printable(self) -> Result:
        """The same result with every text safe to print (see `printable`)."""
        def safe(findings: list[Finding]) -> list[Finding]:
            return [finding.printable() for finding in findings]

        return replace(self, findings=safe(self.findings), unreadable=safe(self.unreadable),
                       waived=safe(self.waived),
                       subjects=[printable(subject) for subject in self.subjects])

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
