"""Ids are unique within their list, a region's id matches its folder and is unique in a run.

A folder may hold a region's coordination agreement (`regio.yaml`) and its care desks
(`zorgloketten.yaml`) under the same id; ids are unique per kind of document.

In a case file too: ids of household members, people involved and filled forms are unique (a
filled form is written to a file named after its id), and no escalation is written twice
(it would be one request, sent twice). Messages about a case never repeat its values.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from generator.loader import JsonPath, YamlDocument
from generator.validation.files import document_kind
from generator.validation.problems import Problem, describe_path
from generator.validation.walk import children, records

ID = "sleutels"
KINDS = ("regio", "zorgloketten", "casus", "protocol")
ESCALATIONS = "escalaties"

REGIONS_FOLDER = "regions"
"""A region's id must equal its folder only where the layout is `regions/<id>/regio.yaml`."""


def check(document: YamlDocument) -> Iterator[Problem]:
    if document_kind(document.file, document.data) == "casus":
        yield from _duplicate_ids(document.data, (), private=True)
        yield from _duplicate_escalations(document.data)
        return
    yield from _duplicate_ids(document.data, ())
    yield from _folder_mismatch(document)


def _duplicate_ids(data: Any, path: JsonPath, *, private: bool = False) -> Iterator[Problem]:
    """Within every list of records, each `id` once; fields also once per whole form."""
    if isinstance(data, list):
        yield from _duplicates_in(
            ((path + (index, "id"), item.get("id")) for index, item in enumerate(data)
             if isinstance(item, dict)), private=private)
    if isinstance(data, dict) and path[-2:-1] == ("formulieren",) and not private:
        yield from _duplicate_fields(data, path)
    for child_path, child in children(data, path):
        yield from _duplicate_ids(child, child_path, private=private)


def _duplicate_escalations(data: Any) -> Iterator[Problem]:
    """An escalation equal in every field to an earlier one (compared by its JSON text)."""
    first: dict[str, int] = {}
    for index, escalation in records(data, ESCALATIONS):
        text = json.dumps(escalation, sort_keys=True, default=str)
        if text in first:
            yield Problem((ESCALATIONS, index), "ESCALATIE-DUBBEL",
                          f"deze escalatie staat er al ({ESCALATIONS}[{first[text]}]); "
                          "verwijder de kopie")
        else:
            first[text] = index


def _duplicate_fields(form: dict[str, Any], path: JsonPath) -> Iterator[Problem]:
    """Field ids once per form: a case names a field by form and id, not by section."""
    first: dict[str, JsonPath] = {}
    for s, section in records(form, "secties"):
        for f, field in records(section, "velden"):
            value, field_path = field.get("id"), path + ("secties", s, "velden", f, "id")
            if not isinstance(value, str):
                continue
            if value not in first:
                first[value] = field_path
            elif first[value][:-2] != field_path[:-2]:  # within a section: the per-list check
                yield _duplicate(value, field_path, first[value], "dit formulier")


def _duplicates_in(entries: Iterable[tuple[JsonPath, Any]], *,
                   private: bool = False) -> Iterator[Problem]:
    first: dict[str, JsonPath] = {}
    for path, value in entries:
        if not isinstance(value, str):
            continue
        if value in first:
            yield _duplicate(None if private else value, path, first[value], "deze lijst")
        else:
            first[value] = path


def _duplicate(value: str | None, path: JsonPath, first: JsonPath, where: str) -> Problem:
    named = f"id '{value}'" if value is not None else "deze id"
    return Problem(path, "ID-DUBBEL", f"{named} komt al voor in {where} "
                                      f"({describe_path(first)}); ids moeten uniek zijn", key=True)


def _folder_mismatch(document: YamlDocument) -> Iterator[Problem]:
    region_id = document.data.get("id") if isinstance(document.data, dict) else None
    folder = Path(document.file).resolve().parent
    if not isinstance(region_id, str) or folder.parent.name != REGIONS_FOLDER:
        return
    if region_id != folder.name:
        yield Problem(("id",), "REGIO-ID-MAP",
                      f"regio-id '{region_id}' is niet gelijk aan de mapnaam '{folder.name}'; "
                      "pas de id of de mapnaam aan")


def check_run(documents: list[YamlDocument]) -> Iterator[tuple[YamlDocument, Problem]]:
    """Across all region files of one run: each region id once per file name (kind)."""
    first: dict[tuple[str, str], YamlDocument] = {}
    for document in documents:
        region_id = document.data.get("id") if isinstance(document.data, dict) else None
        if not isinstance(region_id, str):
            continue
        seen = (Path(document.file).name, region_id)
        if seen in first:
            other = first[seen]
            yield document, Problem(("id",), "REGIO-ID-DUBBEL",
                                    f"regio-id '{region_id}' wordt ook gebruikt in {other.file}")
        else:
            first[seen] = document
