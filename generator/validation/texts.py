"""Very long texts: a waarschuwing naming the field, never the text.

A YAML text ends up in a Word paragraph; Word and LibreOffice lay a paragraph out as a whole, so
one text of a megabyte makes a document that takes minutes to open (README, Reliability). Above
MAX_TEXT characters a text gets a waarschuwing with its place in the file and its length.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.documents.words import thousands
from generator.findings import Severity
from generator.loader import JsonPath, YamlDocument
from generator.validation.files import document_kind
from generator.validation.problems import Problem, describe_path
from generator.validation.walk import children

ID = "teksten"
KINDS = ("regio", "casus")

MAX_TEXT = 10_000
"""Longest text without a warning: about three pages, and far more than any shipped text."""


def check(document: YamlDocument) -> Iterator[Problem]:
    private = document_kind(document.file, document.data) == "casus"
    pending: list[tuple[JsonPath, Any]] = [((), document.data)]
    while pending:
        path, value = pending.pop()
        if isinstance(value, str):
            if len(value) > MAX_TEXT:
                yield _long(describe_path(path, private=private), path, len(value))
        else:
            pending.extend(reversed(list(children(value, path))))


def _long(where: str, path: JsonPath, length: int) -> Problem:
    return Problem(path, "TEKST-TE-LANG",
                   f"de tekst in {where} is {thousands(length)} tekens lang, "
                   f"meer dan {thousands(MAX_TEXT)}: een document met zo'n alinea opent traag "
                   "of niet in Word en LibreOffice; kort de tekst in of verwijs naar een bijlage",
                   severity=Severity.WARNING)
