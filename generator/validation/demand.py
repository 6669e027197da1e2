"""The care demand of `zorgloketten.yaml` and of the CSV exports it names.

Each CSV file is read as a table (see `generator.model.tables`): its header, its rows against
`zorgvraag-tabel.schema.json` and the ids in its rows, each finding at the CSV's own line and
column. Then, over the YAML and the tables together, every dagdeel named as a key exists, no
figure is written twice (the same kind of care, district, dagdeel and day), and a week's own days
do not ask more than its weekly figure, nor less when all seven are given.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

from generator.capacity.demand import Figure, Series, series
from generator.capacity.money import hours_text
from generator.errors import YamlLoadError
from generator.loader import Position, YamlDocument
from generator.model.capacity import (
    DAYS,
    DemandFile,
    DemandRow,
    DemandRows,
    Municipality,
    attach_rows,
    build_rows,
    index_of,
    unresolved_in,
)
from generator.model.tables import read_table
from generator.validation.capacity import list_key
from generator.validation.problems import Problem
from generator.validation.references import unknown_reference
from generator.validation.schema import required_columns, schema_problems

ID = "zorgvraag"
KINDS = ("zorgloketten",)
NEEDS_VALID_SCHEMA = True
TABLE_SCHEMA = "zorgvraag-tabel.schema.json"


def check(document: YamlDocument) -> Iterator[Problem]:
    municipality, unresolved = unresolved_in(document)
    if unresolved:
        return  # the agreement check reports them
    problems = list(_day_part_keys(municipality))
    tables = []
    for declared in municipality.demand_files:
        table, table_problems = read_demand_table(document, municipality, declared)
        problems.extend(table_problems)
        if table is not None:
            tables.append(table)
    yield from problems
    if problems:
        return
    attach_rows(municipality, tuple(tables))
    for desk in municipality.desks:
        for entry in series(municipality, desk).values():
            yield from _consistency(entry)


def read_demand_table(document: YamlDocument, municipality: Municipality,
                      declared: DemandFile) -> tuple[DemandRows | None, list[Problem]]:
    """The CSV file `declared` beside `document`, read and resolved, or its problems."""
    path = Path(document.file).parent / declared.file
    try:
        table = read_table(path, DemandRow, required=required_columns(TABLE_SCHEMA))
    except YamlLoadError as error:
        return None, [Problem(declared.at("file"), "ZORGVRAAG-BESTAND",
                              f"zorgvraagbestand kan niet gelezen worden: {error}")]
    problems = [Problem((), problem.code, problem.message, document=table.document,
                        position=Position(problem.line, problem.column))
                for problem in table.problems]
    problems += [dataclasses.replace(problem, document=table.document)
                 for problem in schema_problems(table.document.data, TABLE_SCHEMA)]
    if problems:
        return None, problems
    rows, unresolved = build_rows(DemandRows, table.document, index_of(municipality))
    for reference in unresolved:
        row, column = reference.path[-2], reference.path[-1]
        value = table.document.data[DemandRow.LIST_KEY][row][column]
        defined = [i for target in reference.targets
                   for i in index_of(municipality).get(target, {})]
        lists = " of ".join(list_key(target) for target in reference.targets)
        problems.append(dataclasses.replace(
            unknown_reference(reference.path, str(value), reference.noun,
                              f"{lists} van {Path(document.file).name}", defined),
            document=table.document))
    if problems:
        return None, problems
    rows.__dict__.update(_table=table.document, _declared=declared)
    return rows, []


def _day_part_keys(municipality: Municipality) -> Iterator[Problem]:
    """The dagdelen named as keys of `uren_per_week` and `per_dag` exist."""
    known = [part.id for part in municipality.day_parts]
    for desk in municipality.desks:
        for entry in desk.demand:
            named = [(entry.at("weekly", part), part) for part in entry.weekly or {}]
            named += [(entry.at("per_day", day, part), part)
                      for day, parts in (entry.per_day or {}).items() for part in parts]
            for path, part in named:
                if part not in known:
                    yield dataclasses.replace(
                        unknown_reference(path, part, "dagdeel", "dagdelen", known), key=True)


def _consistency(entry: Series) -> Iterator[Problem]:
    for figures in [entry.weekly, *entry.days.values()]:
        for double in figures[1:]:
            yield _at(double, "ZORGVRAAG-DUBBEL",
                      f"{_subject(double)}, staat al op {_where(double, figures[0])}; elke "
                      "zorgsoort, wijk, dagdeel en dag één keer, anders telt de vraag dubbel")
    if not entry.weekly:
        return
    week, days = entry.week_total, entry.days_total
    first = entry.weekly[0]
    if days > week:
        yield _at(first, "ZORGVRAAG-UREN",
                  f"{_subject(first)}: de afwijkende dagen vragen samen {hours_text(days)} "
                  f"uur, meer dan de {hours_text(week)} uur per week")
    elif len(entry.days) == len(DAYS) and days != week:
        yield _at(first, "ZORGVRAAG-UREN",
                  f"{_subject(first)}: alle zeven dagen hebben eigen uren ({hours_text(days)} "
                  f"uur samen), maar de week vraagt {hours_text(week)} uur")


def _subject(figure: Figure) -> str:
    day = f"op {figure.day}" if figure.day else "per week"
    return f"zorgvraag {figure.care.name.lower()}, dagdeel {figure.part}, {day}"


def _where(here: Figure, first: Figure) -> str:
    """`regel 12`, or `zorgvraag.csv regel 3` when the first figure is in another file."""
    line = first.document.position(first.path).line
    if first.document is here.document:
        return f"regel {line}"
    return f"{Path(first.document.file).name} regel {line}"


def _at(figure: Figure, code: str, message: str) -> Problem:
    return Problem(figure.path, code, message, document=figure.document)


