"""What a check yields: a Problem at a path; the runner turns it into a Finding with a line.

Checks know paths in the data, not lines; `to_finding` looks the line up in the document, so no
check has to care about positions and every finding still points at the right line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from generator.findings import Finding, Severity
from generator.loader import JsonPath, Position, YamlDocument


@dataclass(frozen=True)
class Problem:
    """One problem at `path`; `key` points at the key itself (an unknown or duplicate key).

    `document` is the file the path is in when it is not the one being checked (a CSV table an
    agreement refers to); `position` overrides the path's position (a CSV header cell).
    """

    path: JsonPath
    code: str
    message: str
    key: bool = False
    severity: Severity | None = None
    document: YamlDocument | None = None
    position: Position | None = None


LISTED = 10
"""Most items a message lists; longer lists end in `... (N in totaal)`."""


def listing(items: Iterable[object], limit: int = LISTED) -> str:
    """Items joined by commas, at most `limit` of them: a message stays short whatever the input."""
    shown: list[str] = []
    total = 0
    for item in items:
        total += 1
        if total <= limit:
            shown.append(str(item))
    if total > limit:
        return f"{', '.join(shown)}, ... ({total} in totaal)"
    return ", ".join(shown)


_KEY = re.compile(r"[a-z0-9_]+(-[a-z0-9_]+)*")
_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
MAX_ID = 64
"""An id's pattern and length, as the schemas state them (`$defs.id`)."""


def is_id(value: object) -> bool:
    """A valid id: lower case letters, digits and single hyphens, at most MAX_ID characters.
    Only such an id from a case may be printed (a name or number typed there never is)."""
    return isinstance(value, str) and len(value) <= MAX_ID and _ID.fullmatch(value) is not None


def describe_path(path: JsonPath, *, private: bool = False) -> str:
    """A path as a coordinator reads it in the YAML: `ladders[0].stappen[1].naam`.

    `private` (a case file): a key that is not written like a key or id (lower case, digits,
    `_` and `-`, at most 64 characters) is shown as `…`: a name typed as a key stays out.
    """
    text = ""
    for part in path:
        if not isinstance(part, int) and private and not (
                len(str(part)) <= 64 and _KEY.fullmatch(str(part))):
            part = "…"
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "het bestand"


_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def parse_path(text: str) -> JsonPath:
    """The reverse of describe_path: `escalaties[2].gestart_door` -> ("escalaties", 2,
    "gestart_door"); the case schema checks the form (`pad`)."""
    return tuple(int(index) if index else key for key, index in _PART.findall(text))


def to_finding(document: YamlDocument, problem: Problem) -> Finding:
    """Stamp a problem with its file, line and severity (an error unless the check set one)."""
    document = problem.document or document
    position = problem.position or document.position(problem.path, key=problem.key)
    return Finding(document.file, position.line, position.column, problem.code,
                   problem.severity or Severity.ERROR, problem.message, path=problem.path)
