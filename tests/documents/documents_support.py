"""Helpers for the document tests: run the CLI, read a .docx back with python-docx."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from click.testing import CliRunner, Result
from docx.oxml.ns import qn

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
    """Every paragraph of body, tables, content controls, headers and footers, one per line
    (python-docx's `paragraph.text` skips what sits in a content control or a field)."""
    document = docx.Document(str(path))
    parts = [document.element.body]
    for section in document.sections:
        parts.extend(part._element for part in (section.header, section.footer,
                                                section.first_page_header))
    return "\n".join(paragraph_text(p) for part in parts for p in part.iter(qn("w:p")))


def paragraph_text(paragraph: Any) -> str:
    """The text of one w:p element: its w:t and w:tab, in order, wherever they are nested."""
    return "".join(node.text or "" if node.tag == qn("w:t") else "\t"
                   for node in paragraph.iter(qn("w:t"), qn("w:tab")))


def squash(text: str) -> str:
    """Whitespace-insensitive form, for texts a YAML folded block spreads over lines."""
    return " ".join(text.split())
