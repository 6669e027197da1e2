"""Files of actual deployments (`inzet`), as YAML or as a CSV export, read against a municipality.

A deployment names a client by a pseudonymous id only. Like a case, a deployment file holds data
about people, so no message ever repeats a value from it that is not a valid id, a date or a name
from the agreement: a structural problem names the column and the line, never the value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.findings import Finding, Severity
from generator.loader import JsonPath, Position, YamlDocument, load_yaml
from generator.model.capacity import Deployment, DeploymentFile, Municipality, build_deployments
from generator.model.tables import read_table
from generator.validation.problems import describe_path
from generator.validation.schema import required_columns, schema_problems

SCHEMA = "inzet.schema.json"
CSV_SUFFIX = ".csv"
CLIENT_HINT = ("is geen pseudoniem (verwacht 1 tot 4 hoofdletters en 3 tot 10 cijfers, zoals "
               "C-004217); de waarde wordt niet getoond")


@dataclass
class DeploymentsRead:
    """A deployment file as read: the model when its structure is sound, else the findings."""

    document: YamlDocument
    model: DeploymentFile | None = None
    findings: list[Finding] = field(default_factory=list)


def read_deployments(path: Path, municipality: Municipality) -> DeploymentsRead:
    """Read and resolve a deployment file; raises YamlLoadError when it cannot be read at all."""
    if path.suffix.lower() == CSV_SUFFIX:
        table = read_table(path, Deployment, required=required_columns(SCHEMA))
        read = DeploymentsRead(table.document, findings=[
            _finding(table.document, Position(p.line, p.column), p.code, p.message)
            for p in table.problems])
    else:
        read = DeploymentsRead(load_yaml(path))
    document = read.document
    read.findings += [_finding(document, duplicate.position, "YAML-DUBBELE-SLEUTEL",
                               f"sleutel '{duplicate.key}' staat twee keer in dezelfde tabel")
                      for duplicate in document.duplicate_keys]
    read.findings += [_finding(document, document.position(problem.path), problem.code,
                               _structure_message(problem.path))
                      for problem in schema_problems(document.data, SCHEMA)]
    if read.findings:
        return read
    read.model = build_deployments(document, municipality)
    read.findings += [
        _finding(document, document.position(reference.path), "INZET-VERWIJZING",
                 f"{describe_path(reference.path)}: deze {reference.noun} bestaat niet in "
                 f"{municipality.yaml.file} (de waarde wordt niet getoond)")
        for reference in read.model.unresolved]
    return read


def _structure_message(path: JsonPath) -> str:
    column = path[-1] if path and isinstance(path[-1], str) else None
    if column == "client":
        return f"{describe_path(path)}: cliënt-id {CLIENT_HINT}"
    where = describe_path(path)
    return (f"{where} voldoet niet aan het inzetformaat (schemas/{SCHEMA}); 'regiekit validate' "
            "op een YAML-inzetbestand geeft details, de waarde wordt hier niet getoond")


def _finding(document: YamlDocument, position: Position, code: str, message: str) -> Finding:
    return Finding(document.file, position.line, position.column, code, Severity.ERROR, message)
