"""Helpers for the document tests: run the CLI, read a .docx back with python-docx."""

from __future__ import annotations

from pathlib import Path

import docx
from click.testing import CliRunner, Result

from generator.cli import main
from generator.loader import load_yaml

REPO = Path(__file__).resolve().parents[2]
SHIPPED = sorted(path.parent.name for path in (REPO / "regions").glob("*/regio.yaml"))


def build(*args: str) -> Result:
    """`regiekit build ARGS` through click, stdout and stderr kept apart."""
    return CliRunner().invoke(main, ["build", *args], catch_exceptions=False)


def region_data(region: str, root: Path = REPO / "regions") -> dict:
    return load_yaml(root / region / "regio.yaml").data  # type: ignore[no-any-return]


def docx_text(path: Path) -> str:
    """Every paragraph of body, tables, headers and footers, one per line."""
    document = docx.Document(str(path))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines.extend(_table_text(table))
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header):
            lines.extend(p.text for p in part.paragraphs)
    return "\n".join(lines)


def _table_text(table: docx.table.Table) -> list[str]:
    lines = []
    for row in table.rows:
        for cell in row.cells:
            lines.extend(p.text for p in cell.paragraphs)
            for inner in cell.tables:
                lines.extend(_table_text(inner))
    return lines


def squash(text: str) -> str:
    """Whitespace-insensitive form, for texts a YAML folded block spreads over lines."""
    return " ".join(text.split())
