"""`regiekit build`: plan the documents, render them, write them atomically or compare them.

Per region: the work instruction, its checklists and its blank forms, written under
`<out>/<region-id>/`; for two regions or more also `<out>/vergelijking.docx`. A region is rendered
completely in memory before any of its files is written, and each file goes to a temporary name
first and is renamed into place: a failure never leaves a half-written document, and one failing
region does not stop the others. `--check` writes nothing and reports what is stale.

Build keeps a manifest of the documents it wrote (documents/manifest.py) and removes those it no
longer generates (a form dropped from the agreement, a region removed); with `--check` they count
as stale. A region that fails keeps its documents.

Exit codes: 0 all well; 1 stale documents (`--check`) or a region whose agreement is invalid;
2 a region or template could not be read or rendered.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TextIO

from generator.documents.checklists import checklists
from generator.documents.comparison import comparison_context
from generator.documents.context import (
    Context,
    document_title,
    form_file,
    werkinstructie_context,
)
from generator.documents.environment import render_docx
from generator.documents.forms import form_context
from generator.documents.manifest import COMPARISON_GROUP, Manifest, read_manifest
from generator.documents.reproducible import DocumentProperties
from generator.documents.templates_check import OVERRIDE_FOLDER, TEMPLATE_DIR
from generator.documents.words import plural
from generator.errors import RegiekitError
from generator.regions import DEFAULT_REGIONS_DIR, Region, RegionInvalid, load_region, region_files

COMPARISON_FILE = "vergelijking.docx"

EXIT_OK, EXIT_FINDINGS, EXIT_FAILED = 0, 1, 2


@dataclass(frozen=True)
class BuildOptions:
    """What `regiekit build` was asked to do."""

    regions: tuple[str, ...] = ()
    out: Path = Path("out")
    check: bool = False
    case: Path | None = None
    regions_root: Path = DEFAULT_REGIONS_DIR
    command: str = "regiekit build"
    """The command that brings the documents up to date, for the hint of `--check`."""
    quiet: bool = False


@dataclass(frozen=True)
class PlannedDocument:
    """One document to produce: where, from which template, with which data."""

    path: Path
    template: str
    context: Context
    properties: DocumentProperties
    override_dir: Path | None = None


@dataclass
class Outcome:
    """What a run did, for the summary and the exit code."""

    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    stale: list[tuple[Path, str]] = field(default_factory=list)
    failures: list[tuple[str, str, int]] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)

    def exit_code(self) -> int:
        codes = [code for _, _, code in self.failures]
        if self.stale:
            codes.append(EXIT_FINDINGS)
        return max(codes, default=EXIT_OK)


def find_template(name: str, override_dir: Path | None) -> Path:
    """The region's own template of this name if it has one, else the shipped one."""
    if override_dir is not None:
        candidate = override_dir / OVERRIDE_FOLDER / name
        if candidate.is_file():
            return candidate
    return TEMPLATE_DIR / name


def midnight(day: date | None) -> datetime | None:
    """The start of a date, or None without one: a document date, never the clock."""
    return datetime.combine(day, datetime.min.time()) if day else None


def created_at(region: Region) -> datetime | None:
    """The agreement's own date (adopted on, else in force from), or None."""
    return midnight(region.document.day if region.document else None)


def owner(region: Region) -> str:
    """Who the documents name as their author: the agreement's owner (else who drafted it)."""
    control = region.document
    return (control.owner or control.drafted_by) if control else ""


def properties_for(region: Region, title: str, day: date | None = None) -> DocumentProperties:
    """A region document's properties; `day` (a case document's own date) overrides the
    agreement's date."""
    return DocumentProperties(title=title, subject=region.name, author=owner(region),
                              created=midnight(day) if day else created_at(region))


def plan_region(region: Region, out: Path) -> list[PlannedDocument]:
    """Every document of one region: work instruction, checklists, blank forms."""
    folder = out / region.id

    def planned(file: str, template: str, context: Context, title: str) -> PlannedDocument:
        return PlannedDocument(folder / file, template, context, properties_for(region, title),
                               region.folder)

    documents = [planned("werkinstructie.docx", "werkinstructie.docx",
                         werkinstructie_context(region), document_title(region))]
    documents += [planned(f"checklist-{c.name}.docx", "checklist.docx", c.context,
                          f"Checklist: {c.title}") for c in checklists(region)]
    documents += [planned(form_file(f), "formulier.docx", form_context(region, f),
                          f"Formulier: {f.name}") for f in region.forms]
    return documents


def plan_comparison(regions: list[Region], out: Path) -> PlannedDocument:
    context = comparison_context(regions)
    dates = [day for day in map(created_at, regions) if day is not None]
    owners = dict.fromkeys(filter(None, map(owner, regions)))
    properties = DocumentProperties(title=context["doc"]["title"], subject="Vergelijking",
                                    author="; ".join(owners), created=max(dates, default=None))
    return PlannedDocument(out / COMPARISON_FILE, "vergelijking.docx", context, properties)


def render(document: PlannedDocument) -> bytes:
    return render_docx(find_template(document.template, document.override_dir),
                       document.context, document.properties)


def render_all(planned: list[PlannedDocument]) -> list[tuple[Path, bytes]]:
    """Each planned document's path with its rendered bytes (all in memory, nothing written)."""
    return [(document.path, render(document)) for document in planned]


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename: readers see old or new, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _existing(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def deliver(rendered: Iterable[tuple[Path, bytes]], outcome: Outcome, *, check: bool) -> None:
    """Write changed documents (or, with check, record them as stale)."""
    for path, data in rendered:
        current = _existing(path)
        if current == data:
            outcome.unchanged.append(path)
        elif check:
            outcome.stale.append((path, "ontbreekt" if current is None else "verouderd"))
        else:
            write_atomically(path, data)
            outcome.written.append(path)


def retire(manifest: Manifest, group: str, paths: Iterable[Path], outcome: Outcome, *,
           check: bool) -> None:
    """Record a group's documents now; remove the ones it wrote before and no longer generates
    (with check: report them as stale)."""
    for path in manifest.replace(group, paths):
        if not path.is_file():
            continue
        if check:
            outcome.stale.append((path, "wordt niet meer gegenereerd"))
            continue
        path.unlink()
        outcome.removed.append(path)
        if path.parent != manifest.out and not any(path.parent.iterdir()):
            path.parent.rmdir()


def save_manifest(manifest: Manifest, outcome: Outcome, *, check: bool) -> None:
    """Write the manifest if it changed (with check: report it as stale)."""
    data = manifest.to_bytes()
    current = _existing(manifest.path)
    if current == data or (current is None and not manifest.groups):
        return
    if check:
        outcome.stale.append((manifest.path, "lijst van gegenereerde documenten verouderd"))
    else:
        write_atomically(manifest.path, data)


def region_label(name: str) -> str:
    path = Path(name)
    return f"regio '{path.parent.name if path.suffix == '.yaml' else path.name}'"


def build_region(name: str, options: BuildOptions, outcome: Outcome,
                 manifest: Manifest) -> Region | None:
    """Load, render and deliver one region; a failure is recorded and None returned."""
    try:
        region = load_region(name, options.regions_root)
        planned = plan_region(region, options.out)
        rendered = render_all(planned)
    except RegionInvalid as error:
        outcome.failures.append((region_label(name), str(error), EXIT_FINDINGS))
        return None
    except RegiekitError as error:
        outcome.failures.append((region_label(name), str(error), EXIT_FAILED))
        return None
    deliver(rendered, outcome, check=options.check)
    retire(manifest, region.id, [path for path, _ in rendered], outcome, check=options.check)
    return region


def build_comparison(regions: list[Region], options: BuildOptions, outcome: Outcome,
                     manifest: Manifest) -> None:
    """With two regions or more, the comparison; with fewer, none (a former one is removed)."""
    if len(regions) >= 2:
        try:
            data = render(plan_comparison(regions, options.out))
        except RegiekitError as error:
            outcome.failures.append(("vergelijking", str(error), EXIT_FAILED))
            return
        deliver([(options.out / COMPARISON_FILE, data)], outcome, check=options.check)
    comparison = [options.out / COMPARISON_FILE] if len(regions) >= 2 else []
    retire(manifest, COMPARISON_GROUP, comparison, outcome, check=options.check)


def region_names(options: BuildOptions) -> list[str]:
    if options.regions:
        return list(options.regions)
    return [str(path.parent) for path in region_files(options.regions_root)]


def run_build(options: BuildOptions, *, stream: TextIO, errors: TextIO) -> int:
    """The core of `regiekit build`; returns the exit code."""
    if options.case is not None:
        from generator.documents.case import run_case_build

        return run_case_build(options, stream=stream, errors=errors)
    names = region_names(options)
    if not names:
        raise RegiekitError(f"geen regio's gevonden onder {options.regions_root}/")
    outcome, manifest = Outcome(), read_manifest(options.out)
    built = [r for r in (build_region(n, options, outcome, manifest) for n in names)
             if r is not None]
    if len(built) < len(names):
        if len(names) > 1:
            errors.write(f"regiekit: {COMPARISON_FILE} niet bijgewerkt, want niet alle regio's "
                         "zijn gelukt\n")
    elif options.regions:
        if len(built) >= 2:
            build_comparison(built, options, outcome, manifest)
    else:
        build_comparison(built, options, outcome, manifest)
        for group in manifest.groups_except([r.id for r in built] + [COMPARISON_GROUP]):
            retire(manifest, group, [], outcome, check=options.check)  # a region removed
    save_manifest(manifest, outcome, check=options.check)
    report(outcome, options, stream=stream, errors=errors)
    return outcome.exit_code()


def report(outcome: Outcome, options: BuildOptions, *, stream: TextIO, errors: TextIO) -> None:
    """Dutch summary: failures on stderr, stale, written or removed documents on stdout."""
    for subject, message, _ in outcome.failures:
        errors.write(f"regiekit: {subject} mislukt: {message}\n")
    if options.check:
        for path, reason in outcome.stale:
            stream.write(f"{path}: {reason}\n")
    elif not options.quiet:
        for path in outcome.written:
            stream.write(f"geschreven: {path}\n")
        for path in outcome.removed:
            stream.write(f"verwijderd (wordt niet meer gegenereerd): {path}\n")
    if not options.quiet:
        stream.write(summary(outcome, options) + "\n")


def summary(outcome: Outcome, options: BuildOptions) -> str:
    """`2 documenten geschreven, 1 ongewijzigd in out/; 1 regio mislukt`, or for --check
    `1 van 12 documenten verouderd; draai '...' en leg de documenten vast`."""
    if options.check:
        total = len(outcome.stale) + len(outcome.unchanged)
        parts = [f"{len(outcome.stale)} van {plural(total, 'document', 'documenten')} verouderd"]
    else:
        parts = [f"{plural(len(outcome.written), 'document', 'documenten')} geschreven, "
                 f"{len(outcome.unchanged)} ongewijzigd"
                 + (f", {len(outcome.removed)} verwijderd" if outcome.removed else "")
                 + f" in {options.out}/"]
    regions = [subject for subject, _, _ in outcome.failures if subject != "vergelijking"]
    if regions:
        parts.append(plural(len(regions), "regio", "regio's") + " mislukt")
    if options.check and outcome.stale:
        parts.append(f"draai '{options.command}' en leg de documenten vast")
    return "; ".join(parts)
