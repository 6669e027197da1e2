"""A region's version history for its werkinstructie: what changed since the previous version.

A region states its version in its document control (`DocumentInfo.version`). The previous
version is the newest commit of the region file, up to HEAD, whose stated version differs from
the current one (a commit that does not hold a valid region is passed over: it was never a
version). The changes are those from that commit to the region as it is built (the working
tree), from the same diff as `regiekit wijzigingen`, leaving out the document control itself:
the section names the previous version and its adoption date, the title page the current ones.

This keeps `regiekit build` reproducible: the section depends only on the region file and its
committed history, never on the clock or on commit ids. No section when the region states no
version, when the previous commit states none (this is the first version), or outside git. A
shallow clone that ends before the previous version cannot tell it; that is an error rather than
a silently different document (`build --check` would call the committed one stale).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from generator.changes.diff import Change, diff
from generator.changes.versions import Git, Version, VersionUnusable, read_region
from generator.errors import RegiekitError, YamlLoadError
from generator.loader import parse_yaml
from generator.model.mapping import yaml_key
from generator.model.region import DocumentInfo, Region


@dataclass(frozen=True)
class History:
    """The previous version of a region and what changed since."""

    version: str
    day: date | None
    changes: list[Change]


class HistoryIncomplete(RegiekitError):
    """The git history at hand ends before the previous version (a shallow clone)."""


def version_of(region: Region) -> str:
    return region.document.version if region.document else ""


_DOCUMENT_BLOCK = re.compile(rb"^document:[ \t]*\r?\n((?:[ \t]+[^\n]*\n|[ \t]*\r?\n)*)",
                             re.MULTILINE)
_QUOTED_VERSION = re.compile(rb"""^([ \t]+)versie:[ \t]*(?:'([^'\n]*)'|"([^"\\\n]*)")[ \t]*"""
                             rb"(?:#[^\n]*)?\r?$", re.MULTILINE)


def stated_version(version: Version) -> str | None:
    """The version a committed file states (`document.versie`), read without validating it:
    "" when it states none, None when it is not readable YAML (`read_region` tells why).

    A quoted `versie` directly under `document` (how regions write it) is read from the text;
    anything else by parsing the file."""
    block = _DOCUMENT_BLOCK.search(version.content)
    found = _QUOTED_VERSION.search(block.group(1)) if block else None
    if found and block and block.group(1).startswith(found.group(1)) and \
            not block.group(1).startswith(found.group(1) + b" "):
        quoted = found.group(2) if found.group(2) is not None else found.group(3)
        try:
            return quoted.decode("utf-8")
        except UnicodeDecodeError:
            return None
    return _parsed_version(version)


def _parsed_version(version: Version) -> str | None:
    try:
        data = parse_yaml(version.content.decode("utf-8-sig"), str(version.file)).data
    except (UnicodeDecodeError, YamlLoadError):
        return None
    control = data.get(yaml_key(Region, "document")) if isinstance(data, dict) else None
    stated = control.get(yaml_key(DocumentInfo, "version")) if isinstance(control, dict) \
        else None
    return stated if isinstance(stated, str) else ""


def history(region: Region) -> History | None:
    """The changes since the previous version; None when there is no previous version to name."""
    current = version_of(region)
    if not current:
        return None
    git = Git.around(region.file)
    if git is None:
        return None
    for version in git.history(region.file):
        stated = stated_version(version)
        if stated == current:
            continue  # the same version: no need to validate and model it
        if stated == "":
            return None  # a readable file that states no version: this is the first one
        try:
            older = read_region(version)
        except VersionUnusable:
            continue
        if version_of(older) != current:
            if not version_of(older):
                return None
            day = older.document.date if older.document else None
            return History(version_of(older), day,
                           diff(older, region, leave_out=(DocumentInfo,)))
    if git.shallow():
        raise HistoryIncomplete(
            f"{region.file}: de vorige versie van de afspraken (vóór versie {current}) is niet "
            "te vinden, want de git-repository heeft een onvolledige geschiedenis (shallow "
            "clone); haal die op met 'git fetch --unshallow'")
    return None
