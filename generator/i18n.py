"""Dutch for click's own texts, through gettext.

click marks every text it shows (`Usage:`, `Show this message and exit.`, usage errors, value
errors) with gettext's `_()` and `ngettext()`, imported into each of its modules. gettext picks a
language from the environment (LANGUAGE, LANG), and regiekit speaks Dutch whatever the
machine's locale, so `install()` gives those modules the functions of one translation instead:
the catalogue `locale/nl.po`, read here with a small reader for the PO format (no build step,
no compiled .mo file to keep in step).
"""

from __future__ import annotations

import ast
import gettext
import importlib
from functools import cache
from pathlib import Path

CATALOGUE = Path(__file__).resolve().parent / "locale" / "nl.po"

CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "shell_completion",
                 "termui", "types", "utils", "_termui_impl")
"""The click modules that import `_` or `ngettext` from gettext (the Windows console module is
only importable on Windows and not loaded elsewhere)."""


class PoTranslations(gettext.NullTranslations):
    """A gettext translation read from a PO catalogue; Dutch plural rule (one, many)."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.singular: dict[str, str] = {}
        self.plural: dict[tuple[str, str], tuple[str, str]] = {}
        for entry in read_po(path):
            msgid, msgstr = entry.get("msgid", ""), entry.get("msgstr", "")
            if "msgid_plural" in entry:
                self.plural[(msgid, entry["msgid_plural"])] = (entry["msgstr[0]"],
                                                               entry["msgstr[1]"])
            elif msgid and msgstr:
                self.singular[msgid] = msgstr

    def gettext(self, message: str) -> str:
        return self.singular.get(message, message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        forms = self.plural.get((singular, plural))
        if forms is None:
            return singular if n == 1 else plural
        return forms[0] if n == 1 else forms[1]


def read_po(path: Path) -> list[dict[str, str]]:
    """The entries of a PO file: each a mapping of keyword (`msgid`, `msgstr[0]`) to text."""
    entries: list[dict[str, str]] = []
    entry: dict[str, str] = {}
    keyword = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith('"'):  # a continuation of the previous keyword's text
            entry[keyword] += ast.literal_eval(line)
            continue
        keyword, _, text = line.partition(" ")
        if keyword == "msgid" and any(key.startswith("msgstr") for key in entry):
            entries.append(entry)
            entry = {}
        entry[keyword] = ast.literal_eval(text)
    if entry:
        entries.append(entry)
    return entries


@cache
def dutch() -> PoTranslations:
    return PoTranslations(CATALOGUE)


def install() -> None:
    """Point click's gettext calls at the Dutch catalogue (once per process)."""
    translation = dutch()
    for name in CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = translation.gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = translation.ngettext  # type: ignore[attr-defined]
