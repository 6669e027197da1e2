"""The changes of one or more regions as text (to mail), markdown (for a wiki or a pull request)
or json (for tools); chosen by name from REPORTS."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

from generator.changes.diff import Change
from generator.documents.words import capitalize

if TYPE_CHECKING:
    from generator.changes.command import Comparison
    from generator.changes.versions import Version

NO_CHANGES = "Geen wijzigingen."


def versions_compared(comparison: Comparison) -> str:
    """`van 3f2a1c9 (12 maart 2025) tot werkmap`, or the note when there is nothing to compare."""
    if comparison.old is None or comparison.new is None:
        return comparison.note
    return f"van {comparison.old.label} tot {comparison.new.label}"


def _heading(comparison: Comparison) -> str:
    where = f" ({comparison.file})" if comparison.file else ""
    return f"{comparison.region.name}{where}: {versions_compared(comparison)}"


def report_text(comparisons: list[Comparison], stream: TextIO) -> None:
    blocks = []
    for comparison in comparisons:
        lines = [_heading(comparison)]
        if not comparison.note:
            lines.extend(f"- {change.line_with_source}" for change in comparison.changes)
            lines.extend([NO_CHANGES] if not comparison.changes else [])
        blocks.append("\n".join(lines) + "\n")
    stream.write("\n".join(blocks))


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def _markdown(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def report_markdown(comparisons: list[Comparison], stream: TextIO) -> None:
    blocks = []
    for comparison in comparisons:
        where = f" (`{comparison.file}`)" if comparison.file else ""
        lines = [f"## {_markdown(comparison.region.name)}", "",
                 f"{capitalize(_markdown(versions_compared(comparison)))}{where}.", ""]
        if not comparison.note:
            lines.extend(_markdown_item(change) for change in comparison.changes)
            lines.extend([NO_CHANGES] if not comparison.changes else [])
        blocks.append("\n".join(lines).rstrip() + "\n")
    stream.write("\n".join(blocks))


def _markdown_item(change: Change) -> str:
    source = f" *(bron: {_markdown(change.source)})*" if change.source else ""
    return f"- {_markdown(change.line)}{source}"


def report_json(comparisons: list[Comparison], stream: TextIO) -> None:
    document = {"vergelijkingen": [_comparison_dict(comparison) for comparison in comparisons]}
    json.dump(document, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def _comparison_dict(comparison: Comparison) -> dict[str, Any]:
    return {
        "regio": comparison.region.id, "naam": comparison.region.name,
        "bestand": comparison.file or None,
        "van": _version_dict(comparison.old), "tot": _version_dict(comparison.new),
        "opmerking": comparison.note or None,
        "wijzigingen": [_change_dict(change) for change in comparison.changes],
    }


def _version_dict(version: Version | None) -> dict[str, Any] | None:
    if version is None:
        return None
    commit = version.commit
    return {"omschrijving": version.label, "bestand": str(version.file),
            "revisie": commit.id if commit else None,
            "datum": commit.day.isoformat() if commit else None}


def _change_dict(change: Change) -> dict[str, Any]:
    return {"soort": change.kind.value, "onderdeel": capitalize(change.subject) or None,
            "veld": change.field or None, "oud": change.old, "nieuw": change.new,
            "bron": change.source, "tekst": change.line}


REPORTS: dict[str, Callable[[list[Comparison], TextIO], None]] = {
    "text": report_text, "json": report_json, "markdown": report_markdown,
}
