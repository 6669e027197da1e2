"""Checking case files against their region's rules: the core of `regiekit check`.

One case at a time, as a stream: `check_cases` lists the file names first (the progress bar needs
their number; `-` is standard input), then each file is loaded, checked and reduced to its
findings before the next; `jobs > 1` spreads batches of file names over worker processes (a
bounded number in flight, so memory stays flat), which return their findings as plain tuples
and load the catalogue, the compiled case schema and each region once. A file that fits the case
format is read into the model (`build_case`, against its region's model, built once per region)
and every rule of rules/regels.yaml reads that model; the runner stamps each Violation with the
rule's id, severity and source (the region element's own `bron` where there is one) and moves
findings the case waives (`afwijkingen`) to `Result.waived`.

Nothing written in a case is ever put in a message: structural problems are reported as
`validate` words them for a case file (the place and what is wrong, never the value).
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any, TextIO

from generator.checks import get_check
from generator.checks.base import Violation
from generator.errors import RegiekitError, UsageError, YamlLoadError
from generator.filesystem import Skipped, skipped_finding, walk
from generator.findings import Finding, FindingPattern, Result, Severity
from generator.loader import STDIN, JsonPath, YamlDocument, load_yaml
from generator.model.case import Case, CaseHeader, build_case, read_header
from generator.model.catalogue import CatalogueRule
from generator.model.mapping import yaml_key
from generator.model.region import Region
from generator.regions import (
    DEFAULT_REGIONS_DIR,
    find_region_file,
    load_region,
    unknown_region,
)
from generator.shared_protocols import protocols_folder
from generator.validation.files import CASE_KIND, SUFFIXES, is_case
from generator.validation.problems import is_id
from generator.workdays import set_configured_days_off

DEFAULT_RULES = Path("rules/regels.yaml")
BATCH_SIZES = (8, 16, 32, 64, 128)
"""Files per task sent to a worker: small first (work spreads at once), then the last size on."""
BATCHES_IN_FLIGHT = 3
"""Tasks queued per worker: enough that none waits, few enough that memory stays flat."""


@dataclass(frozen=True)
class CheckOptions:
    """Where regions and the rule catalogue are; picklable, so workers can receive it."""

    regions_root: Path = DEFAULT_REGIONS_DIR
    rules_file: Path = DEFAULT_RULES
    extra_days_off: tuple[date, ...] = ()
    """Days off for every region from the configuration (`extra-holidays`)."""


DEFAULT_OPTIONS = CheckOptions()


# --- rule catalogue and regions, loaded once per process -----------------------------------

@dataclass(frozen=True)
class RuleCheck:
    """A rule of the catalogue with its check function, severity and source text, found once."""

    rule: CatalogueRule
    check: Callable[[Case], Iterable[Violation]]
    severity: Severity
    source: str


@lru_cache(maxsize=8)
def load_catalogue(rules_file: Path = DEFAULT_RULES) -> tuple[CatalogueRule, ...]:
    """The rules of the catalogue, each with a registered check kind (unknown kind: error)."""
    from generator.codes import read_catalogue

    rules = read_catalogue(rules_file).rules
    for rule in rules:
        get_check(rule.kind)
    return rules


@lru_cache(maxsize=8)
def _rule_checks(rules_file: Path) -> tuple[RuleCheck, ...]:
    """The catalogue's rules, each with its check function looked up once."""
    return tuple(RuleCheck(rule, get_check(rule.kind).check, Severity(rule.severity),
                           rule.source.describe())
                 for rule in load_catalogue(rules_file))


def case_region(regions_root: Path, region_id: str) -> Region | None:
    """The validated region `region_id` under `regions_root` (either layout), or None if there
    is none; a region that cannot be used raises its RegiekitError, every time it is asked for
    (read once: a batch of cases of a broken region does not read it again for each case); built
    once per folder of shared protocols it refers to (`./protocols` is that of the current
    folder, hence the current folder in the key: cheaper per case than resolving the path)."""
    found = _region(regions_root, region_id, protocols_folder(), os.getcwd())
    if isinstance(found, RegiekitError):
        raise found
    return found


@lru_cache(maxsize=64)
def _region(regions_root: Path, region_id: str, protocols: Path,
            folder: str) -> Region | RegiekitError | None:
    path = find_region_file(region_id, regions_root)
    if path is None:
        return None
    try:
        return load_region(path, regions_root)
    except RegiekitError as error:
        return error
    except RecursionError:
        return RegiekitError(f"{path}: de afspraken zijn te diep genest om te lezen")


# --- one case ------------------------------------------------------------------------------

def check_file(path: Path, options: CheckOptions = DEFAULT_OPTIONS) -> Result:
    """Load and check one case file; an unreadable file is recorded, never raised."""
    result = Result(files_checked=1)
    try:
        document = load_yaml(path)
    except YamlLoadError as error:
        result.unreadable.append(Finding(error.file, error.line, error.column, error.code,
                                         Severity.ERROR, error.message))
        result.subjects.append(str(path))
        return result
    return check_document(document, options)


def check_document(document: YamlDocument, options: CheckOptions = DEFAULT_OPTIONS) -> Result:
    """Check one loaded case: structure first, then every rule of the catalogue."""
    return check_case(document, options).result


@dataclass(frozen=True)
class CheckedCase:
    """What checking one case gave: its result, and its model if it could be read as a case."""

    result: Result
    case: Case | None = None


def check_case(document: YamlDocument, options: CheckOptions = DEFAULT_OPTIONS) -> CheckedCase:
    """Check one loaded case and keep its model (None if the file is not a valid case of a
    known, valid region)."""
    result = Result(files_checked=1)
    if not is_case(document.data):
        result.subjects.append(document.file)
        result.extend([_at(document, (), "CASUS-GEEN-CASUS", "geen casusbestand: de sleutel "
                           f"'{yaml_key(CaseHeader, 'id')}' ontbreekt", document.file)])
        return CheckedCase(result)
    header = read_header(document)
    subject = case_subject(header.id, document.file)
    result.subjects.append(subject)
    structural = _structure_findings(document, subject)
    if structural:
        result.extend(structural)
        return CheckedCase(result)
    try:
        region = case_region(options.regions_root, header.region_id)
    except RegiekitError as error:  # one bad region never stops a batch: its cases exit 2
        result.unreadable.append(_at(document, header.at("region_id"), "REGIO-ONGELDIG",
                                     f"regio kan niet gebruikt worden: {error}", subject))
        return CheckedCase(result)
    if region is None:
        result.extend([_at(document, header.at("region_id"), "CASUS-REGIO",
                           unknown_region(header.region_id, options.regions_root), subject)])
        return CheckedCase(result)
    case = build_case(document, region)
    fallback = region_source(region)
    findings = [_stamp(document, violation, rule_check, subject, fallback)
                for rule_check in _rule_checks(options.rules_file)
                for violation in rule_check.check(case)]
    _apply_waivers(case, findings, result)
    return CheckedCase(result, case)


def case_subject(case_id: object, file: str) -> str:
    """How reports name a case: its id when that is a valid id, else its file name (a name or
    citizen service number typed as the id never reaches a report)."""
    return case_id if isinstance(case_id, str) and is_id(case_id) else file


def _stamp(document: YamlDocument, violation: Violation, rule_check: RuleCheck,
           subject: str, fallback: str) -> Finding:
    """A violation as a finding of its rule; its source is always a document of the case's
    region: the element the check read, else the region's agreement itself."""
    position = document.position(violation.path)
    source = violation.source.describe() if violation.source else fallback
    return Finding(document.file, position.line, position.column, rule_check.rule.id,
                   rule_check.severity, violation.message, source, subject, violation.path)


def region_source(region: Region) -> str:
    """The region's agreement document by its title: the source of a finding about the case as a
    whole (a reference to something the region does not define)."""
    if region.document is not None:
        return region.document.title
    return region.sources[0].title if region.sources else region.name


def _at(document: YamlDocument, path: JsonPath, code: str, message: str,
        subject: str) -> Finding:
    position = document.position(path)
    return Finding(document.file, position.line, position.column, code, Severity.ERROR,
                   message, None, subject)


def _structure_findings(document: YamlDocument, subject: str) -> list[Finding]:
    """Duplicate keys and schema errors as `validate` words them for a case: the place (keys and
    positions, `huishouden[0]`) and what is wrong, never a value written in the case."""
    from generator.validation import validate_document

    return [replace(f, subject=subject)
            for f in validate_document(document, kind=CASE_KIND, precheck=True)
            if f.severity is Severity.ERROR]


def _apply_waivers(case: Case, findings: list[Finding], result: Result) -> None:
    """Move findings a case deliberately sets aside to `waived`; the rest are findings."""
    from generator.validation.problems import parse_path

    waivers = [FindingPattern(waiver.rule_id, parse_path(waiver.place) if waiver.place else None,
                              waiver.line) for waiver in case.waivers]
    for finding in findings:
        if any(waiver.matches(finding) for waiver in waivers):
            result.waived.append(finding)
        else:
            result.findings.append(finding)


# --- many cases ----------------------------------------------------------------------------

def iter_case_files(paths: Iterable[Path]) -> Iterator[Path | Skipped]:
    """The YAML files named or found below the given paths, folder by folder in sorted order
    (`-`: standard input), and what a folder walk skipped: only regular files are read (a FIFO
    named `*.yaml` is skipped, never waited on), a folder that cannot be read is reported.
    A path named on the command line that is no regular file is refused by the loader."""
    for path in paths:
        if str(path) == STDIN:
            yield path
        elif path.is_dir():
            yield from walk(path, SUFFIXES)
        elif path.exists():
            yield path
        else:
            raise UsageError(f"{path} bestaat niet")


def case_files(paths: Iterable[Path]) -> tuple[list[Path], list[Finding]]:
    """The case files under `paths`, and what was skipped as findings (see skipped_finding)."""
    files: list[Path] = []
    skipped: list[Finding] = []
    for found in iter_case_files(paths):
        if isinstance(found, Skipped):
            skipped.append(skipped_finding(found))
        else:
            files.append(found)
    return files, skipped


def check_files(files: Iterable[Path], options: CheckOptions, *, jobs: int = 1,
                on_done: Callable[[], None] | None = None) -> Result:
    """Check files one by one (or over `jobs` processes), keeping only their findings."""
    total = Result()
    for result in _results(files, options, jobs):
        total.merge(result)
        if on_done is not None:
            for _ in range(result.files_checked):
                on_done()
    return total


def _results(files: Iterable[Path], options: CheckOptions, jobs: int) -> Iterator[Result]:
    """Results in file order: one per file, or with `jobs > 1` one per batch of files."""
    if jobs <= 1:
        for file in files:
            yield check_file(file, options)
        return
    import multiprocessing

    _prepare(options)  # fails loudly here, not in every worker; forked workers inherit it
    context = multiprocessing.get_context(_start_method())
    with context.Pool(jobs, initializer=_init_worker, initargs=(options,)) as pool:
        pending: deque[Any] = deque()
        for batch in _batches(files):
            pending.append(pool.apply_async(_check_batch, (batch,)))
            if len(pending) >= jobs * BATCHES_IN_FLIGHT:
                yield _unpack(pending.popleft().get())
        while pending:
            yield _unpack(pending.popleft().get())


def _prepare(options: CheckOptions) -> None:
    """Load what every case needs: the catalogue, its checks and the compiled case schema."""
    from generator.validation.files import SCHEMAS
    from generator.validation.schema import prepare

    set_configured_days_off(options.extra_days_off)
    _rule_checks(options.rules_file)
    prepare(SCHEMAS[CASE_KIND], precheck=True)


def _start_method() -> str:
    """`fork` where it is safe (Linux, no other threads): workers then inherit the imports and
    the prepared catalogue instead of redoing them (~0.4 s each); `spawn` everywhere else."""
    import threading

    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return "fork"
    return "spawn"


def _batches(files: Iterable[Path]) -> Iterator[list[str]]:
    paths = iter(files)
    sizes = iter(BATCH_SIZES[1:])
    size = BATCH_SIZES[0]
    while batch := [str(path) for path in islice(paths, size)]:
        yield batch
        size = next(sizes, size)


_worker_options = DEFAULT_OPTIONS


def _init_worker(options: CheckOptions) -> None:
    import gc
    import signal

    # Ctrl-C reaches every process of the terminal's group: the main process alone answers it
    # (one Dutch line, exit 130) and ends the pool; a worker that also raised would print a
    # traceback per process.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for number in (signal.SIGTERM, signal.SIGHUP):  # the pool ends its workers with SIGTERM
        signal.signal(number, signal.SIG_DFL)
    global _worker_options
    _worker_options = options
    _prepare(options)
    gc.freeze()  # what is loaded now lives as long as the worker: keep it out of collections


Compact = tuple[int, list[str], list[tuple[Any, ...]], list[tuple[Any, ...]],
                list[tuple[Any, ...]]]


def _check_batch(paths: list[str]) -> Compact:
    """Check a batch of files in a worker; findings travel back as plain tuples."""
    total = Result()
    for path in paths:
        total.merge(check_file(Path(path), _worker_options))
    return (total.files_checked, total.subjects, _plain(total.findings),
            _plain(total.unreadable), _plain(total.waived))


def _plain(findings: list[Finding]) -> list[tuple[Any, ...]]:
    return [(f.file, f.line, f.column, f.code, f.severity.value, f.message, f.source, f.subject,
             f.path) for f in findings]


def _findings(plain: list[tuple[Any, ...]]) -> list[Finding]:
    return [Finding(file, line, column, code, Severity(severity), message, source, subject, path)
            for file, line, column, code, severity, message, source, subject, path in plain]


def _unpack(compact: Compact) -> Result:
    count, subjects, findings, unreadable, waived = compact
    return Result(_findings(findings), _findings(unreadable), _findings(waived), count, subjects)


def show_progress(requested: bool | None, stream: TextIO) -> bool:
    """A progress bar only on a terminal, never in CI logs."""
    if requested is not None:
        return requested
    return stream.isatty() and not os.environ.get("CI")


def check_cases(paths: list[Path], options: CheckOptions, *, jobs: int = 1,
                progress: bool | None = None, errors: TextIO | None = None) -> Result:
    """Check the case files under `paths`; finding none is exit 2 (UsageError). A progress bar
    on `errors` (stderr) only on a terminal and never in CI, unless `progress` says otherwise;
    standard input is read in this process."""
    load_catalogue(options.rules_file)
    files, skipped = case_files(paths)
    if not files and not any(f.severity is Severity.ERROR for f in skipped):
        raise UsageError(f"geen casusbestanden (.yaml, .yml) gevonden in "
                         f"{', '.join(map(str, paths))}")
    if any(str(file) == STDIN for file in files):
        jobs = 1
    errors = errors or sys.stderr
    if not show_progress(progress, errors):
        result = check_files(files, options, jobs=jobs)
    else:
        import click

        with click.progressbar(length=len(files), label="casussen", file=errors) as bar:
            result = check_files(files, options, jobs=jobs, on_done=lambda: bar.update(1))
    for finding in skipped:  # an unreadable folder is exit 2, a skipped FIFO a waarschuwing
        (result.unreadable if finding.severity is Severity.ERROR else result.findings).append(
            finding)
    return result
