"""`regiekit build`: plan the documents, render them, write them atomically or compare them.

Per region: the work instruction, its checklists and its blank forms, written under
`<out>/<region-id>/`; for two regions or more also `<out>/vergelijking.docx`. A region with care
desks (`zorgloketten.yaml`, seed 004) gets per desk
`<out>/<region-id>/<wijk-id>/onderbouwing-capaciteit.docx`; a region's folder may hold either
agreement or both. A region's
documents are rendered one by one, each to a temporary file beside its place, and renamed into
place together once all are written (generator.filesystem): a failure never leaves a
half-written document nor part of a region, nothing is written or removed through a symbolic
link below `--out`, and one failing region does not stop the others. `--check` writes nothing
and reports what is stale.

Build keeps a manifest of the documents it wrote (documents/manifest.py) and removes those it no
longer generates (a form dropped from the agreement, a region removed); with `--check` they count
as stale. A region that fails keeps its documents.

Exit codes: 0 all well; 1 stale documents (`--check`) or a region whose agreement is invalid;
2 a region or template could not be read or rendered.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TextIO

from generator.capacity.analysis import DeskAnalysis
from generator.documents.capacity import DOCUMENT as CAPACITY_DOCUMENT
from generator.documents.capacity import KIND as CAPACITY_KIND
from generator.documents.capacity import capacity_context
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
from generator.errors import RegiekitError, UsageError
from generator.filesystem import OutputTree
from generator.model.capacity import Municipality
from generator.regions import (
    AGREEMENT_FILES,
    CAPACITY_FILE,
    DEFAULT_REGIONS_DIR,
    Region,
    RegionInvalid,
    load_region,
    locate_region_file,
    region_file,
    region_files,
)

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
    rules_file: Path | None = None
    """The rule catalogue the case overview checks against (default: rules/regels.yaml)."""
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


def plan_capacity(municipality: Municipality, out: Path) -> list[PlannedDocument]:
    """Per care desk its onderbouwing-capaciteit.docx, in a folder named after its district."""
    control = municipality.document
    planned = []
    for desk in municipality.desks:
        properties = DocumentProperties(
            title=f"{CAPACITY_KIND}: {desk.name}", subject=municipality.name,
            author=control.owner or control.drafted_by, created=midnight(control.day))
        planned.append(PlannedDocument(
            out / municipality.id / desk.district.id / CAPACITY_DOCUMENT, CAPACITY_DOCUMENT,
            capacity_context(DeskAnalysis(municipality, desk)), properties,
            Path(municipality.yaml.file).parent))
    return planned


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


def produce(planned: Iterable[PlannedDocument], tree: OutputTree, outcome: Outcome, *,
            check: bool) -> list[Path]:
    """Render one unit's documents (a region's, a case's) one at a time and compare each with
    the file on disk; write the changed ones together (with `check`, record them as stale).
    Returns the paths of all the unit's documents.

    Each rendered document goes straight to a temporary file, so memory does not grow with the
    number of documents; they are renamed into place only when all rendered and were written.
    A failure raises and leaves nothing of the unit behind; the outcome counts only what is on
    disk.
    """
    unchanged: list[Path] = []
    stale: list[tuple[Path, str]] = []
    seen: dict[Path, None] = {}
    with tree.staging() as staging:
        for document in planned:
            if document.path in seen:  # plans name their files uniquely; never overwrite
                raise RegiekitError(f"twee documenten met dezelfde naam: {document.path}")
            seen[document.path] = None
            data = render(document)
            current = tree.read(document.path)
            if current == data:
                unchanged.append(document.path)
            elif check:
                stale.append((document.path, "ontbreekt" if current is None else "verouderd"))
            else:
                staging.stage(document.path, data)
        written = staging.commit()
    outcome.unchanged.extend(unchanged)
    outcome.stale.extend(stale)
    outcome.written.extend(written)
    return list(seen)


def retire(manifest: Manifest, group: str, paths: Iterable[Path], tree: OutputTree,
           outcome: Outcome, *, check: bool) -> None:
    """Record a group's documents now; remove the ones it wrote before and no longer generates
    (with check: report them as stale). Never through a symbolic link below --out."""
    for path in manifest.replace(group, paths):
        if tree.read(path) is None:
            continue
        if check:
            outcome.stale.append((path, "wordt niet meer gegenereerd"))
            continue
        tree.remove(path)
        outcome.removed.append(path)


def save_manifest(manifest: Manifest, tree: OutputTree, outcome: Outcome, *,
                  check: bool) -> None:
    """Write the manifest if it changed (with check: report it as stale)."""
    data = manifest.to_bytes()
    current = tree.read(manifest.path)
    if current == data or (current is None and not manifest.groups):
        return
    if check:
        outcome.stale.append((manifest.path, "lijst van gegenereerde documenten verouderd"))
        return
    with tree.staging() as staging:
        staging.stage(manifest.path, data)
        staging.commit()


def region_label(name: str) -> str:
    path = Path(name)
    return f"regio '{path.parent.name if path.suffix == '.yaml' else path.name}'"


def agreement_files(name: str, root: Path) -> tuple[Path | None, Path | None]:
    """The coordination agreement and the care desks of a region given as id, folder or file;
    either may be missing, not both."""
    path = Path(name)
    if path.is_file():
        return (None, path) if path.name == CAPACITY_FILE else (path, None)
    found = [locate_region_file(name, root, file) for file in AGREEMENT_FILES]
    if found == [None, None]:  # say what is there (reading every region's id takes time)
        missing = []
        for file in AGREEMENT_FILES:
            try:
                region_file(name, root, file)
            except UsageError as error:
                missing.append(str(error))
        raise UsageError("; ".join(missing))
    return found[0], found[1]


@dataclass(frozen=True)
class Built:
    """A region that was built: its id (the manifest's group) and its coordination agreement."""

    id: str
    region: Region | None


def build_region(name: str, options: BuildOptions, tree: OutputTree, outcome: Outcome,
                 manifest: Manifest) -> Built | None:
    """Load, render and write one region (its coordination agreement, its care desks or both);
    a failure is recorded and None returned."""
    from generator.capacity.run import load_capacity_region

    try:
        coordination, desks = agreement_files(name, options.regions_root)
        region = load_region(coordination, options.regions_root) if coordination else None
        municipality = load_capacity_region(desks) if desks else None
        planned = (plan_region(region, options.out) if region else []) + (
            plan_capacity(municipality, options.out) if municipality else [])
        group = region.id if region else municipality.id if municipality else name
        paths = produce(planned, tree, outcome, check=options.check)
        retire(manifest, group, paths, tree, outcome, check=options.check)
    except RegionInvalid as error:
        outcome.failures.append((region_label(name), str(error), EXIT_FINDINGS))
        return None
    except RegiekitError as error:
        outcome.failures.append((region_label(name), str(error), EXIT_FAILED))
        return None
    return Built(group, region)


def build_comparison(regions: list[Region], options: BuildOptions, tree: OutputTree,
                     outcome: Outcome, manifest: Manifest) -> None:
    """With two regions or more, the comparison; with fewer, none (a former one is removed)."""
    try:
        comparison = produce([plan_comparison(regions, options.out)], tree, outcome,
                             check=options.check) if len(regions) >= 2 else []
        retire(manifest, COMPARISON_GROUP, comparison, tree, outcome, check=options.check)
    except RegiekitError as error:
        outcome.failures.append(("vergelijking", str(error), EXIT_FAILED))


def region_names(options: BuildOptions) -> list[str]:
    """The regions asked for, else every region with a regio.yaml or a zorgloketten.yaml."""
    if options.regions:
        return list(options.regions)
    folders = {path.parent for file in AGREEMENT_FILES
               for path in region_files(options.regions_root, file)}
    return [str(folder) for folder in sorted(folders)]


def run_build(options: BuildOptions, *, stream: TextIO, errors: TextIO) -> int:
    """The core of `regiekit build`; returns the exit code."""
    if options.case is not None:
        from generator.documents.case import run_case_build

        return run_case_build(options, stream=stream, errors=errors)
    names = region_names(options)
    if not names:
        raise RegiekitError(f"geen regio's gevonden onder {options.regions_root}/")
    outcome, manifest = Outcome(), read_manifest(options.out)
    from generator.changes.versions import prefetched

    with prefetched(region_files(options.regions_root)), \
            OutputTree(options.out, create=not options.check) as tree:
        built = [b for b in (build_region(n, options, tree, outcome, manifest) for n in names)
                 if b is not None]
        regions = [b.region for b in built if b.region is not None]
        if len(built) < len(names):
            if len(names) > 1:
                errors.write(f"regiekit: {COMPARISON_FILE} niet bijgewerkt, want niet alle "
                             "regio's zijn gelukt\n")
        elif options.regions:
            if len(regions) >= 2:
                build_comparison(regions, options, tree, outcome, manifest)
        else:
            build_comparison(regions, options, tree, outcome, manifest)
            for group in manifest.groups_except([b.id for b in built] + [COMPARISON_GROUP]):
                retire(manifest, group, [], tree, outcome, check=options.check)  # region removed
        save_manifest(manifest, tree, outcome, check=options.check)
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
