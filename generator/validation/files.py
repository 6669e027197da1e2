"""Which files a run checks, and what kind of document each one is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.errors import UsageError
from generator.filesystem import Skipped, walk
from generator.loader import STDIN, STDIN_NAME
from generator.regions import CAPACITY_FILE, REGION_FILE

SUFFIXES = (".yaml", ".yml")
SKIPPED_FOLDERS = ("templates",)
RULES_FOLDER = "rules"
PROTOCOLS_FOLDER = "protocols"

CASE_KIND = "casus"
"""The document kind of a case file (`regiekit check` validates it as such)."""
SCHEMAS = {
    "regio": "regio.schema.json",
    "regels": "regels.schema.json",
    CASE_KIND: "case.schema.json",
    "zorgloketten": "zorgloketten.schema.json",
    "inzet": "inzet.schema.json",
    "protocol": "protocol.schema.json",
}
"""Document kind -> its schema in schemas/. A schema that does not exist yet is skipped."""


def collect(paths: list[Path]) -> tuple[list[Path], list[Skipped]]:
    """The files to check: files as given (`-` is standard input), folders walked for YAML
    (regular files only), and what the walk skipped: special files such as a FIFO named
    `*.yaml` (a warning) and folders that could not be read (an error).

    A path that does not exist, or a run that finds no file at all, is an error (exit 2): a
    check that checked nothing must not look like a check that passed.
    """
    missing = [str(path) for path in paths if str(path) != STDIN and not path.exists()]
    if missing:
        raise UsageError(f"pad bestaat niet: {', '.join(missing)}")
    files: dict[Path, None] = {}
    skipped: list[Skipped] = []
    for path in paths:
        for found in (walk(path, SUFFIXES, _skipped) if path.is_dir() else [path]):
            if isinstance(found, Skipped):
                skipped.append(found)
            else:
                files.setdefault(found)
    if not files and not any(item.error for item in skipped):
        raise UsageError(f"geen YAML-bestanden (.yaml, .yml) gevonden in "
                         f"{', '.join(map(str, paths))}")
    return list(files), skipped


def _skipped(folder: str) -> bool:
    return folder.startswith(".") or folder in SKIPPED_FOLDERS


def document_kind(file: str, data: Any) -> str | None:
    """`regio.yaml` is a region, `zorgloketten.yaml` a municipality's care desks, a file in a
    rules/ folder a rule set, one in a protocols/ folder a shared protocol, a `casus:` file a
    case, an `inzet:` file actual deployments."""
    path = Path(file)
    if file == STDIN_NAME:
        return kind_by_content(data)
    if path.name == REGION_FILE:
        return "regio"
    if path.name == CAPACITY_FILE:
        return "zorgloketten"
    if RULES_FOLDER in _folders(path):
        return "regels"
    if PROTOCOLS_FOLDER in _folders(path):
        return "protocol"
    if is_case(data):
        return CASE_KIND
    if isinstance(data, dict) and "inzet" in data:
        return "inzet"
    return None


def is_case(data: Any) -> bool:
    """A case file is a mapping with the key `casus`, whatever else it holds."""
    return isinstance(data, dict) and "casus" in data


CONTENT_KINDS = (("casus", CASE_KIND), ("regels", "regels"), ("rollen", "regio"),
                 ("afwegingskader", "protocol"), ("wijken", "zorgloketten"), ("inzet", "inzet"))
"""Standard input has no file name: a key that only one kind of document requires tells the
kind (a case `casus`, a rule set `regels`, a region `rollen`, a shared protocol
`afwegingskader`, care desks `wijken`, deployments `inzet`), the first that is present."""


def kind_by_content(data: Any) -> str | None:
    """The kind of a document that has no telling file name, by CONTENT_KINDS."""
    if not isinstance(data, dict):
        return None
    return next((kind for key, kind in CONTENT_KINDS if key in data), None)


def _folders(path: Path) -> tuple[str, ...]:
    """The folders of `path` below the current folder (a checkout may itself sit in a rules/)."""
    if path.is_absolute():
        try:
            path = path.relative_to(Path.cwd())
        except ValueError:
            pass
    return path.parts[:-1]
