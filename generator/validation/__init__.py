"""`regiekit validate`: schema and semantic checks of agreements, rule sets and cases.

The core behind the CLI: `validate_paths` collects files and validates each into a Result (the
CLI reports it); `validate_document` is what `load_region` uses for one already loaded file. Nothing
here imports the document generator, so the pre-commit hook starts fast.
"""

from __future__ import annotations

from pathlib import Path

from generator.errors import YamlLoadError
from generator.filesystem import skipped_finding
from generator.findings import Finding, Result, Severity
from generator.loader import (
    STDIN,
    STDIN_NAME,
    DuplicateKey,
    YamlDocument,
    gc_paused,
    load_yaml,
)
from generator.validation.files import SCHEMAS, collect, document_kind
from generator.validation.problems import Problem, to_finding
from generator.validation.registry import CHECKS, checks_for
from generator.validation.schema import property_names, schema_problems

__all__ = ["validate_document", "validate_files", "validate_paths"]


CASE = "casus"
PRIVATE_KINDS = (CASE, "inzet")
"""Documents about people (a household's case, a client's deployments): their messages never
repeat a value or unknown key written in them unless asked (`--toon-waarden`)."""


def validate_paths(paths: list[Path], *, show_values: bool = False,
                   regions_root: Path | None = None) -> Result:
    """Validate the files named or found below `paths`; no file at all is exit 2 (UsageError).

    `show_values` (`--toon-waarden`) lets messages about case files repeat the wrong value;
    `regions_root` is where a case's region is looked for (None: by the layout).
    """
    files, skipped = collect(paths)
    result = validate_files(files, show_values=show_values, regions_root=regions_root)
    for item in skipped:
        (result.unreadable if item.error else result.findings).append(skipped_finding(item))
    return result


def validate_files(files: list[Path], *, show_values: bool = False,
                   regions_root: Path | None = None) -> Result:
    """Load and validate every file; an unreadable one is recorded and the batch goes on."""
    result = Result()
    by_kind: dict[str, list[YamlDocument]] = {}
    for file in files:
        result.files_checked += 1
        result.subjects.append(str(file) if str(file) != STDIN else STDIN_NAME)
        try:
            document = load_yaml(file)
        except YamlLoadError as error:
            result.unreadable.append(Finding(error.file, error.line, error.column, error.code,
                                             Severity.ERROR, error.message))
            continue
        result.extend(validate_document(document, show_values=show_values))
        kind = document_kind(document.file, document.data)
        by_kind.setdefault(kind or "", []).append(document)
    result.extend(_run_checks(by_kind, regions_root))
    return result


def validate_document(document: YamlDocument, *, kind: str | None = None,
                      precheck: bool = False, show_values: bool = False) -> list[Finding]:
    """See _validate_document; the garbage collector paused meanwhile (a 10,000-step ladder
    validated in half the time)."""
    with gc_paused():
        return _validate_document(document, kind=kind, precheck=precheck,
                                  show_values=show_values)


def _validate_document(document: YamlDocument, *, kind: str | None, precheck: bool,
                       show_values: bool) -> list[Finding]:
    """Duplicate keys, schema and semantic findings for one loaded file.

    `kind` ("regio", "regels", "casus") is detected from the file unless the caller knows it.
    `precheck` lets a compiled schema validator pass valid files quickly (see schema_problems);
    worth it when validating many files of one kind. Messages about a case file never repeat a
    value or unknown key written in it, unless `show_values`: a case holds data about a family
    (and so does a file of deployments, about clients).
    """
    kind = kind or document_kind(document.file, document.data)
    show_values = show_values or kind not in PRIVATE_KINDS
    known = None if show_values or kind is None else property_names(SCHEMAS[kind])
    findings = [_duplicate_key(document, duplicate, known)
                for duplicate in document.duplicate_keys]
    if kind is None:
        findings.append(to_finding(document, Problem(
            (), "BESTAND-ONBEKEND-SOORT",
            "onbekend soort bestand: verwacht regio.yaml, zorgloketten.yaml, een regelbestand in "
            "rules/, een gedeeld protocol in protocols/, een casus (met sleutel 'casus') of een "
            "inzetbestand (met sleutel 'inzet'); het is niet gecontroleerd")))
        return findings
    structure = [to_finding(document, p) for p in schema_problems(
        document.data, SCHEMAS[kind], precheck=precheck, show_values=show_values)]
    findings.extend(structure)
    for module in checks_for(kind):
        if structure and getattr(module, "NEEDS_VALID_SCHEMA", False):
            continue  # it reads the model, which is only built from schema-valid data
        options = getattr(module, "OPTIONS", {})
        findings.extend(to_finding(document, p) for p in module.check(document, **options))
    return findings


def _duplicate_key(document: YamlDocument, duplicate: DuplicateKey,
                   known: frozenset[str] | None) -> Finding:
    """A key written twice; named only if values may be shown or it is a key of the schema."""
    position = duplicate.position
    key = f"sleutel '{duplicate.key}'" if known is None or duplicate.key in known else "sleutel"
    return Finding(document.file, position.line, position.column, "YAML-DUBBELE-SLEUTEL",
                   Severity.ERROR, f"{key} staat twee keer in dezelfde tabel "
                                   f"(eerst op regel {duplicate.first.line}); alleen de eerste "
                                   "waarde telt")


def _run_checks(by_kind: dict[str, list[YamlDocument]],
                regions_root: Path | None = None) -> list[Finding]:
    """Checks that compare the documents of one run, such as unique region ids, or a case's
    region with the regions folder."""
    findings: list[Finding] = []
    for module in CHECKS.values():
        check_run = getattr(module, "check_run", None)
        if check_run is None:
            continue
        documents = [d for kind in getattr(module, "KINDS", ()) for d in by_kind.get(kind, [])]
        extra = {"regions_root": regions_root} if getattr(module, "NEEDS_REGIONS_ROOT", False) \
            else {}
        findings.extend(to_finding(document, problem)
                        for document, problem in check_run(documents, **extra))
    return findings
