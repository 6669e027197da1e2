"""The one exceptions module: every error regiekit raises on purpose derives from RegiekitError.

The CLI maps these to a Dutch message and exit code 2 ("the tool could not run"); anything else
escaping the core is a bug.
"""

from __future__ import annotations

from dataclasses import dataclass


class RegiekitError(Exception):
    """Base class: the tool could not do what was asked. `str(error)` is a Dutch message."""


class UsageError(RegiekitError):
    """Wrong arguments: a path that does not exist, an unknown region, an unknown format."""


@dataclass
class YamlLoadError(RegiekitError):
    """A file could not be read as YAML at all (unreadable, not UTF-8, syntax, alias bomb)."""

    file: str
    line: int
    column: int
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


class FileSystemError(RegiekitError):
    """The file system refused: no permission, read-only, full, a name too long, not a folder.

    Built from an OSError by `generator.filesystem.refused`, the one place that words these.
    """

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
