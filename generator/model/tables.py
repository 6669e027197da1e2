"""CSV exports read as documents with lines: a bad row is reported at file:line:col like YAML.

Care demand and actual deployments often come from other systems' exports. `read_table` reads
such a CSV file into the same thing `load_yaml` returns, a `YamlDocument`: its data is
`{<list key>: [row, ...]}` with one mapping per row (column header -> cell), and its node tree
carries each cell's line and column, so schema validation, the model builder and every finding
treat a CSV row exactly as a YAML list item. The columns a table may have are the YAML keys of its
model class (`DemandRow`, `Deployment`); cells of its NUMBERS columns become numbers (a decimal
comma is accepted), every other cell stays text, and an empty cell is a missing key.

The delimiter is the one the header uses (`;` as Dutch spreadsheets write it, `,` or a tab).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from yaml.error import Mark
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from generator.errors import YamlLoadError
from generator.loader import YamlDocument, read_input
from generator.model.mapping import Node, fields_of, node

_STR = "tag:yaml.org,2002:str"
_NUMBER = re.compile(r"-?[0-9]+([.,][0-9]+)?")
DELIMITERS = (";", ",", "\t")
_LINE_BREAK = re.compile("\r\n|\r|\n")


@node
class TableRow(Node):
    """A model class whose objects may come as rows of a CSV table."""

    LIST_KEY: ClassVar[str] = ""
    """The key of the list the rows form in the equivalent YAML (`inzet`)."""
    NUMBERS: ClassVar[tuple[str, ...]] = ()
    """The columns whose cells are numbers."""


@dataclass(frozen=True)
class TableProblem:
    """Something wrong with the table's header or layout, at a line and column."""

    line: int
    column: int
    code: str
    message: str


@dataclass
class Table:
    """A CSV file read as a document, with the problems of its header and layout."""

    document: YamlDocument
    problems: list[TableProblem]


def columns_of(cls: type[TableRow]) -> tuple[str, ...]:
    """The columns a table of `cls` rows may have: the YAML keys of its fields."""
    return tuple(spec.key for spec in fields_of(cls))


def read_table(path: Path | str, cls: type[TableRow], *, required: Collection[str] = ()) -> Table:
    """Read a CSV file of `cls` rows; raises YamlLoadError when it cannot be read at all."""
    name = str(path)
    raw = read_input(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise YamlLoadError(name, line, 1, "BESTAND-GEEN-UTF8",
                            "bestand is geen UTF-8-tekst; sla het op als UTF-8 (CSV UTF-8)"
                            ) from None
    return parse_table(text, name, cls, required=required)


def parse_table(text: str, name: str, cls: type[TableRow], *,
                required: Collection[str] = ()) -> Table:
    """Parse CSV text into a Table (see the module docstring)."""
    lines = _LINE_BREAK.split(text)  # the lines csv counts: a form feed in a cell is no break
    header_index = next((i for i, line in enumerate(lines) if line.strip()), None)
    list_key = cls.LIST_KEY
    if header_index is None:
        raise YamlLoadError(name, 1, 1, "CSV-LEEG", "leeg CSV-bestand: de kopregel ontbreekt")
    delimiter = max(DELIMITERS, key=lambda d: lines[header_index].count(d))
    records = list(_records(text, name, delimiter))
    header_line, header = records[0]
    problems = list(_header_problems(header, header_line, lines, delimiter, cls, required))
    allowed = set(columns_of(cls))
    numbers = set(cls.NUMBERS)
    rows: list[tuple[int, list[tuple[str, Any, int]]]] = []
    for line, cells in records[1:]:
        starts = _cell_starts(lines[line - 1], delimiter)
        if len(cells) > len(header):
            problems.append(TableProblem(line, starts[min(len(header), len(starts) - 1)],
                                         "CSV-TE-VEEL-VELDEN",
                                         f"regel {line} heeft {len(cells)} velden, de kopregel "
                                         f"{len(header)} kolommen"))
        row = [(column, _value(cell, column in numbers), starts[index] if index < len(starts)
                else 1)
               for index, (column, cell) in enumerate(zip(header, cells, strict=False))
               if column in allowed and cell.strip()]
        rows.append((line, row))
    return Table(_document(name, list_key, rows), problems)


def _records(text: str, name: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """Each CSV record that is not blank, with the line it starts on (a quoted cell may span
    lines)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                yield start, [cell.strip() for cell in cells]
            start = reader.line_num + 1
    except csv.Error as error:
        raise YamlLoadError(name, reader.line_num, 1, "CSV-SYNTAX",
                            f"ongeldige CSV op regel {reader.line_num}: {_csv_problem(error)}"
                            ) from None


def _csv_problem(error: csv.Error) -> str:
    """The csv module's error in Dutch (it raises only this one when reading non-strictly)."""
    if str(error).startswith("field larger than field limit"):
        return (f"een veld is langer dan {csv.field_size_limit():,} tekens (een aanhalingsteken "
                "dat niet gesloten is?)").replace(",", ".")
    return "controleer aanhalingstekens en scheidingstekens op deze regel"


def _header_problems(header: list[str], line: int, lines: list[str], delimiter: str,
                     cls: type[TableRow], required: Collection[str]) -> Iterator[TableProblem]:
    allowed = columns_of(cls)
    starts = _cell_starts(lines[line - 1], delimiter)
    seen: set[str] = set()
    for index, column in enumerate(header):
        where = starts[index] if index < len(starts) else 1
        if column not in allowed:
            yield TableProblem(line, where, "CSV-ONBEKENDE-KOLOM",
                               f"onbekende kolom '{column}'; toegestaan: {', '.join(allowed)}")
        elif column in seen:
            yield TableProblem(line, where, "CSV-DUBBELE-KOLOM",
                               f"kolom '{column}' staat twee keer in de kopregel")
        seen.add(column)
    missing = [column for column in required if column not in seen]
    if missing:
        what = ("verplichte kolom ontbreekt" if len(missing) == 1
                else "verplichte kolommen ontbreken")
        yield TableProblem(line, 1, "CSV-KOLOM-ONTBREEKT",
                           f"{what} in de kopregel: {', '.join(missing)}")


def _value(cell: str, number: bool) -> Any:
    """A number for a numeric column when the cell is one (decimal comma or point), else text."""
    if number and _NUMBER.fullmatch(cell):
        normal = cell.replace(",", ".")
        return float(normal) if "." in normal else int(normal)
    return cell


def _cell_starts(line: str, delimiter: str) -> list[int]:
    """The 1-based column where each cell of a physical line starts (quotes respected)."""
    starts, quoted = [1], False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            starts.append(index + 2)
    return starts


def _document(name: str, list_key: str,
              rows: list[tuple[int, list[tuple[str, Any, int]]]]) -> YamlDocument:
    """A YamlDocument whose nodes carry each cell's line and column."""
    row_nodes, data_rows = [], []
    for line, cells in rows:
        pairs = [(_scalar(name, column, line, start), _scalar(name, str(value), line, start))
                 for column, value, start in cells]
        row_nodes.append(MappingNode("tag:yaml.org,2002:map", pairs, _mark(name, line, 1)))
        data_rows.append({column: value for column, value, _ in cells})
    sequence = SequenceNode("tag:yaml.org,2002:seq", row_nodes, _mark(name, 1, 1))
    root = MappingNode("tag:yaml.org,2002:map",
                       [(_scalar(name, list_key, 1, 1), sequence)], _mark(name, 1, 1))
    return YamlDocument(name, {list_key: data_rows}, root)


def _scalar(name: str, value: str, line: int, column: int) -> ScalarNode:
    return ScalarNode(_STR, value, _mark(name, line, column))


def _mark(name: str, line: int, column: int) -> Mark:
    return Mark(name, 0, line - 1, column - 1, None, None)
