"""`regiekit wijzigingen`: the core behind the command.

Two ways to name the versions:

* **git** (the default): each agreement file, `regio.yaml` and `zorgloketten.yaml` (all under
  the regions folder, or those of the regions named), is compared between `--van` (default:
  the newest commit whose version of the file differs from the `--tot` version) and `--tot`
  (default: the working tree);
* **paths**: two files, or two folders, compared with each other; used when exactly two existing
  paths of the same kind are given without `--van`/`--tot`, and the only way outside git.
  Two folders that each hold an agreement file are compared as one region; otherwise their
  region folders are paired by name, each agreement file with its namesake.

The exit code is 0 whether or not anything changed (a difference is information, not an error);
2 when the tool could not compare: not a git repository and no paths, an unknown revision, a file
missing in a revision, a version that is not a valid region.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from generator.changes.diff import Change, diff
from generator.changes.report import REPORTS
from generator.changes.versions import (
    WORKING_TREE,
    Git,
    Version,
    on_disk,
    read_agreement,
)
from generator.errors import UsageError
from generator.model.capacity import Municipality
from generator.model.region import Region
from generator.regions import AGREEMENT_FILES, locate_region_file, region_file, region_files


@dataclass(frozen=True)
class ChangesOptions:
    regions: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    output_format: str = "text"
    regions_root: Path = Path("regions")


@dataclass(frozen=True)
class Comparison:
    """One agreement's two versions and what changed between them: a region's coordination
    (`Region`) or a municipality's care desks (`Municipality`).

    `old` or `new` is None when there is nothing to compare with; `note` then says why.
    """

    region: Region | Municipality
    file: str
    old: Version | None
    new: Version | None
    changes: list[Change] = field(default_factory=list)
    note: str = ""


def run_changes(options: ChangesOptions, *, stream: TextIO) -> int:
    """Compare, report to `stream`; 0 whether or not anything changed."""
    if options.output_format not in REPORTS:
        raise UsageError(f"onbekend uitvoerformaat '{options.output_format}' "
                         f"(kies uit: {', '.join(REPORTS)})")
    REPORTS[options.output_format](compare(options), stream)
    return 0


def compare(options: ChangesOptions) -> list[Comparison]:
    pair = _path_pair(options)
    if pair is not None:
        return compare_paths(*pair)
    files = [file for region in options.regions
             for file in _agreement_files(region, options.regions_root)] \
        or _all_agreement_files(options.regions_root)
    if not files:
        raise UsageError(f"geen regio's gevonden onder {options.regions_root}/")
    return [_compare_in_git(file, options.since, options.until) for file in files]


def _agreement_files(region: str, root: Path) -> list[Path]:
    """The agreement files of one region named by id, folder or file; UsageError (naming the
    regions there are) when it has none."""
    found = [file for name in AGREEMENT_FILES
             if (file := locate_region_file(region, root, name)) is not None]
    return list(dict.fromkeys(found)) or [region_file(region, root)]


def _all_agreement_files(root: Path) -> list[Path]:
    """Every region's agreement files under `root`, by folder, `regio.yaml` first."""
    files = [file for name in AGREEMENT_FILES for file in region_files(root, name)]
    return sorted(files, key=lambda file: (file.parent.name, AGREEMENT_FILES.index(file.name)))


def _path_pair(options: ChangesOptions) -> tuple[Path, Path] | None:
    """Two existing files, or two existing folders, given without revisions."""
    if len(options.regions) != 2 or options.since or options.until:
        return None
    old, new = (Path(path) for path in options.regions)
    if (old.is_file() and new.is_file()) or (old.is_dir() and new.is_dir()):
        return old, new
    return None


def _compare_in_git(file: Path, since: str | None, until: str | None) -> Comparison:
    git = Git.around(file)
    if git is None:
        raise UsageError(f"{file} staat niet in een git-repository; vergelijk twee versies "
                         "door beide te noemen: regiekit wijzigingen OUD NIEUW (bestanden of "
                         "mappen)")
    new = git.version(git.commit(until), file) if until else on_disk(file, WORKING_TREE)
    old = git.version(git.commit(since), file) if since else git.previous(new)
    if old is None:
        return Comparison(read_agreement(new), str(file), None, new,
                          note="geen eerdere versie in git om mee te vergelijken")
    return _compared(str(file), old, new)


def _compared(file: str, old: Version, new: Version) -> Comparison:
    before, after = read_agreement(old), read_agreement(new)
    if type(before) is not type(after):
        raise UsageError(f"{old.where} en {new.where} zijn niet dezelfde soort afspraken "
                         "(regio.yaml tegenover zorgloketten.yaml)")
    return Comparison(after, file, old, new, diff(before, after))


def compare_paths(old: Path, new: Path) -> list[Comparison]:
    """Two files, or two folders (one region each, or regions paired by folder name)."""
    if old.is_file():
        return [_compared("", on_disk(old), on_disk(new))]
    shared = [name for name in AGREEMENT_FILES
              if (old / name).is_file() and (new / name).is_file()]
    if shared:
        return [_compared("", on_disk(old / name), on_disk(new / name)) for name in shared]
    before = {(file.parent.name, file.name): file for file in _all_agreement_files(old)}
    after = {(file.parent.name, file.name): file for file in _all_agreement_files(new)}
    if not before and not after:
        raise UsageError(f"geen regio's gevonden in {old} of {new}")
    comparisons = []
    for name in sorted({*before, *after}):
        if name not in after:
            comparisons.append(_alone(on_disk(before[name]), added=False))
        elif name not in before:
            comparisons.append(_alone(on_disk(after[name]), added=True))
        else:
            comparisons.append(_compared("", on_disk(before[name]), on_disk(after[name])))
    return comparisons


def _alone(version: Version, *, added: bool) -> Comparison:
    """A region in only one of two folders."""
    note = f"alleen in {version.file}: de regio is " + ("nieuw" if added else "vervallen")
    return Comparison(read_agreement(version), "", None if added else version,
                      version if added else None, note=note)
