"""The JSON Schemas regiekit ships, and where they are published: `regiekit schema`.

Each schema's `$id` is its published address, versioned by regiekit's major.minor version
(`https://regiekit.nl/schemas/0.1/regio.schema.json`): an editor's
`# yaml-language-server: $schema=<address>` line keeps pointing at the format that version reads.
`regiekit init` writes a copy into the region's repository (`schemas/`), so editors resolve the
modeline offline; `regiekit schema --out schemas` refreshes that copy after an upgrade.
"""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from generator.errors import UsageError
from generator.validation.files import SCHEMAS
from generator.validation.schema import schema_path

SCHEMA_BASE = "https://regiekit.nl/schemas"


def schema_version() -> str:
    """`0.1` for regiekit 0.1.x: the part of the version a format change moves."""
    from generator import __version__

    return ".".join(__version__.split(".")[:2])


def published_address(file: str) -> str:
    """Where the schema file `file` (`regio.schema.json`) of this version is published."""
    return f"{SCHEMA_BASE}/{schema_version()}/{file}"


def schema_text(kind: str) -> str:
    """The schema of a document kind (`regio`, `zorgloketten`, `casus`, ...) as shipped."""
    if kind not in SCHEMAS:
        raise UsageError(f"onbekend schema '{kind}' (kies uit: {', '.join(SCHEMAS)})")
    return schema_path(SCHEMAS[kind]).read_text(encoding="utf-8")


def write_schemas(kinds: tuple[str, ...], folder: Path) -> list[Path]:
    """Write the schemas of `kinds` (all without) into `folder`; returns the files written."""
    from generator.filesystem import write_all

    return write_all(folder, {folder / SCHEMAS[kind]: schema_text(kind)
                              for kind in kinds or tuple(SCHEMAS)})


def run_schema(kinds: tuple[str, ...], out: Path | None, *, stream: TextIO) -> int:
    """Print one schema, or write the named ones (all without names) into `out`."""
    if out is not None:
        for path in write_schemas(kinds, out):
            stream.write(f"geschreven: {path}\n")
        return 0
    if len(kinds) != 1:
        raise UsageError(f"noem één schema om te tonen (kies uit: {', '.join(SCHEMAS)}), of "
                         "schrijf ze met --out MAP")
    stream.write(schema_text(kinds[0]))
    return 0
