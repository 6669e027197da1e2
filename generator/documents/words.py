"""Small Dutch wording helpers for documents: dates, lists, counts."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
SHORT_MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov",
                "dec")


def dutch_date(day: date, *, weekday: bool = False) -> str:
    """`22 juli 2019`, or `maandag 22 juli 2019` with weekday."""
    text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"{WEEKDAYS[day.weekday()]} {text}" if weekday else text


def short_date(day: date) -> str:
    """`9 mrt`: a date on a chart axis."""
    return f"{day.day} {SHORT_MONTHS[day.month - 1]}"


def _join(items: Sequence[str], word: str) -> str:
    items = [item for item in items if item]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def join_and(items: Sequence[str]) -> str:
    """`a, b en c`."""
    return _join(items, "en")


def join_or(items: Sequence[str]) -> str:
    """`a, b of c`."""
    return _join(items, "of")


def capitalize(text: str) -> str:
    """First letter upper case, the rest untouched (`(regio)directeur` stays readable)."""
    for index, char in enumerate(text):
        if char.isalpha():
            return text[:index] + char.upper() + text[index + 1:]
    return text


def thousands(value: int) -> str:
    """`2.000.000`: a number with its thousands separated the Dutch way."""
    return f"{value:,}".replace(",", ".")


def plural(count: int, one: str, many: str) -> str:
    """`1 werkdag`, `4 werkdagen`."""
    return f"{count} {one if count == 1 else many}"


def working_days(count: int) -> str:
    """`1 werkdag`, `4 werkdagen`: a reply term."""
    return plural(count, "werkdag", "werkdagen")


_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean_text(value: str) -> str:
    """Drop characters XML 1.0 cannot hold (and docxtpl's \\a/\\f markers); keep \\n and \\t."""
    return _ILLEGAL_XML.sub("", value)


def cited(title: str, sections: list[str]) -> str:
    """`<title>, <section>; <section>`: a source document with the sections cited from it,
    leaving out a section the title begins with (a web page that is its own section would
    read "Zorgcoördinatie ... (actieprogramma van empact), Zorgcoördinatie ...")."""
    adding = [section for section in sections if not title.startswith(section)]
    return f"{title}, {'; '.join(adding)}" if adding else title
