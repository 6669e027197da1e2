"""The list of documents `regiekit build` wrote into an output folder, so a later build can remove
the ones it no longer generates, and only those.

`<out>/.regiekit-documenten.json` maps each group (a region id, or `vergelijking`) to the paths
of its documents relative to the output folder, sorted, with nothing that changes between runs:
it belongs with the documents when they are committed, and `build --check` compares it like
any document. A file build did not write (a document someone saved there, case documents of
`build --case`) is never in it and never removed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import FileSystemError
from generator.filesystem import read_regular

MANIFEST_FILE = ".regiekit-documenten.json"
COMPARISON_GROUP = "vergelijking"


@dataclass
class Manifest:
    """Which documents each group has in the output folder `out`."""

    out: Path
    groups: dict[str, list[str]] = field(default_factory=dict)

    @property
    def path(self) -> Path:
        return self.out / MANIFEST_FILE

    def files(self, group: str) -> list[Path]:
        return [self.out / name for name in self.groups.get(group, [])]

    def replace(self, group: str, paths: Iterable[Path]) -> list[Path]:
        """Record `paths` as the group's documents; returns the ones it had before and no
        longer has (to be removed)."""
        before = set(self.files(group))
        now = sorted({path.relative_to(self.out).as_posix() for path in paths})
        if now:
            self.groups[group] = now
        else:
            self.groups.pop(group, None)
        return sorted(before - set(self.files(group)))

    def groups_except(self, kept: Iterable[str]) -> list[str]:
        """The groups not in `kept`: regions that no longer exist."""
        keep = set(kept)
        return sorted(group for group in self.groups if group not in keep)

    def to_bytes(self) -> bytes:
        document = {"documenten": {group: self.groups[group] for group in sorted(self.groups)}}
        return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def read_manifest(out: Path) -> Manifest:
    """The manifest of `out`; an empty one if there is none or it cannot be read (then nothing
    is removed: only a file listed by a readable manifest ever is)."""
    manifest = Manifest(out)
    try:
        document = json.loads(read_regular(manifest.path).decode("utf-8"))
    except (FileSystemError, ValueError):
        return manifest
    groups = document.get("documenten") if isinstance(document, dict) else None
    if isinstance(groups, dict):
        manifest.groups = {str(group): [name for name in names if _safe(name)]
                           for group, names in groups.items() if isinstance(names, list)}
    return manifest


def _safe(name: object) -> bool:
    """A relative path inside the output folder, never `..` or absolute: a tampered manifest
    must not make build remove anything outside it."""
    if not isinstance(name, str) or not name.endswith(".docx"):
        return False
    path = Path(name)
    return not path.is_absolute() and ".." not in path.parts
