"""The core of `regiekit capaciteit`: care desks against demand and budget, and deployments.

Per region (`regions/<id>/zorgloketten.yaml`, default: every region that has one): the agreement
is validated first (its findings are reported and the region is not analysed when it has errors);
then every desk is analysed and every rule of rules/capaciteit.yaml runs on it; with `--inzet`,
each deployment file is read against the region and its rules run. The runner stamps each Breach
with the rule's id, severity and source (the agreement element's own `bron` where there is one).

Exit codes as `check`: 0 nothing wrong, 1 findings of severity fout (with --strict also
waarschuwing), 2 the tool could not run (unreadable file, unknown region, bad usage).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from generator.capacity.analysis import DeskAnalysis
from generator.capacity.checks import get_check
from generator.capacity.checks.base import Breach
from generator.capacity.deployments import read_deployments
from generator.errors import RegiekitError, UsageError, YamlLoadError
from generator.findings import Finding, Result, Severity
from generator.loader import load_yaml
from generator.model.capacity import (
    DeploymentFile,
    Municipality,
    attach_rows,
    build_municipality,
)
from generator.model.catalogue import CatalogueRule, build_catalogue
from generator.regions import (
    CAPACITY_FILE,
    DEFAULT_REGIONS_DIR,
    RegionInvalid,
    region_file,
    region_files,
)

DEFAULT_RULES = Path("rules/capaciteit.yaml")


@dataclass
class CapacityArgs:
    """What `regiekit capaciteit` was asked to do."""

    regions: list[str] = field(default_factory=list)
    deployments: list[Path] = field(default_factory=list)
    regions_root: Path = DEFAULT_REGIONS_DIR
    rules_file: Path = DEFAULT_RULES


class CatalogueInvalid(RegiekitError):
    """rules/capaciteit.yaml cannot be used."""


RuleCheck = tuple[CatalogueRule, Callable[..., Iterable[Breach]], str]


@lru_cache(maxsize=4)
def load_rules(rules_file: Path) -> tuple[RuleCheck, ...]:
    """The catalogue's rules, each with its registered check and subject kind."""
    from generator.validation.problems import to_finding
    from generator.validation.schema import schema_problems

    if not rules_file.is_file():
        raise UsageError(f"regelcatalogus {rules_file} niet gevonden (gebruik --rules)")
    document = load_yaml(rules_file)
    errors = sorted(to_finding(document, p)
                    for p in schema_problems(document.data, "regels.schema.json"))
    if errors:
        raise CatalogueInvalid(f"regelcatalogus ongeldig: {errors[0].location()} "
                               f"{errors[0].message}; draai 'regiekit validate rules/'")
    checks = []
    for rule in build_catalogue(document).rules:
        module = get_check(rule.kind)
        checks.append((rule, module.check, module.SUBJECT))
    return tuple(checks)


@dataclass
class Analysed:
    """One region as the run saw it: its model and the analyses of its desks."""

    municipality: Municipality
    desks: list[DeskAnalysis]


def check_regions(args: CapacityArgs) -> tuple[Result, list[Analysed]]:
    """Every finding of the run, and the regions that could be analysed."""
    rules = load_rules(args.rules_file)
    files = _files(args)
    if args.deployments and len(files) != 1:
        raise UsageError("--inzet hoort bij één regio: noem de regio waarvan de inzet is")
    result, analysed = Result(), []
    for file in files:
        region = check_region(file, rules, result)
        if region is None:
            continue
        analysed.append(region)
        for path in args.deployments:
            check_deployments(path, region.municipality, rules, result)
    return result, analysed


def _files(args: CapacityArgs) -> list[Path]:
    if args.regions:
        return [region_file(name, args.regions_root, CAPACITY_FILE) for name in args.regions]
    files = region_files(args.regions_root, CAPACITY_FILE)
    if not files:
        raise UsageError(f"geen regio met {CAPACITY_FILE} gevonden onder {args.regions_root}/")
    return files


def check_region(file: Path, rules: tuple[RuleCheck, ...], result: Result) -> Analysed | None:
    """Validate, analyse and check one region; None when it could not be analysed."""
    result.files_checked += 1
    try:
        municipality = load_municipality(file, result)
    except YamlLoadError as error:
        result.unreadable.append(Finding(error.file, error.line, error.column, error.code,
                                         Severity.ERROR, error.message))
        return None
    if municipality is None:
        return None
    desks = [DeskAnalysis(municipality, desk) for desk in municipality.desks]
    for analysis in desks:
        subject = f"{municipality.id}/{analysis.desk.district.id}"
        result.subjects.append(subject)
        for rule, check, kind in rules:
            if kind == "zorgloket":
                result.extend(_stamp(rule, breach, subject) for breach in check(analysis))
    return Analysed(municipality, desks)


def load_municipality(file: Path, result: Result) -> Municipality | None:
    """The validated model with its CSV demand; None (findings recorded) when it is invalid."""
    from generator.validation import validate_document
    from generator.validation.demand import read_demand_table

    document = load_yaml(file)
    findings = validate_document(document, kind="zorgloketten")
    result.extend(findings)
    if any(finding.severity is Severity.ERROR for finding in findings):
        return None
    municipality = build_municipality(document)
    rows = []
    for declared in municipality.demand_files:
        table, problems = read_demand_table(document, municipality, declared)
        if table is None or problems:
            raise RegiekitError(f"{declared.file} veranderde tijdens het lezen")
        rows.append(table)
    attach_rows(municipality, tuple(rows))
    return municipality


def load_capacity_region(file: Path) -> Municipality:
    """A valid municipality for the documents; raises RegionInvalid (with the errors) when its
    agreement has errors, YamlLoadError when it cannot be read."""
    result = Result()
    municipality = load_municipality(file, result)
    if municipality is None:
        raise RegionInvalid(file, sorted(f for f in result.findings
                                         if f.severity is Severity.ERROR))
    return municipality


def check_deployments(path: Path, municipality: Municipality, rules: tuple[RuleCheck, ...],
                      result: Result) -> None:
    """Read one deployment file against `municipality` and run the deployment rules on it."""
    result.files_checked += 1
    result.subjects.append(str(path))
    if not path.is_file():
        raise UsageError(f"inzetbestand {path} bestaat niet")
    try:
        read = read_deployments(path, municipality)
    except YamlLoadError as error:
        result.unreadable.append(Finding(error.file, error.line, error.column, error.code,
                                         Severity.ERROR, error.message))
        return
    result.extend(read.findings)
    if read.model is None:
        return
    model: DeploymentFile = read.model  # rows with an unknown id are left out of the rules
    for rule, check, kind in rules:
        if kind == "inzet":
            result.extend(_stamp(rule, breach, str(path)) for breach in check(model, municipality))


def _stamp(rule: CatalogueRule, breach: Breach, subject: str) -> Finding:
    position = breach.document.position(breach.path)
    source = breach.source.describe() if breach.source else rule.source.describe()
    return Finding(breach.document.file, position.line, position.column, rule.id,
                   Severity(rule.severity), breach.message, source, subject)
