"""Finding and loading region agreements: `regions/<id>/regio.yaml` (coordination) and
`regions/<id>/zorgloketten.yaml` (care desks and capacity, seed 004); a folder holds either or
both.

`load_region` returns the model of a region (generator.model.region.Region) only when its
agreement is valid, so documents and case checks can trust what they read; an invalid region
raises RegionInvalid with its findings.
"""

from __future__ import annotations

from pathlib import Path

from generator.errors import RegiekitError, UsageError
from generator.findings import Finding, Severity
from generator.loader import load_yaml
from generator.model.region import Region, build_region

REGION_FILE = "regio.yaml"
DEFAULT_REGIONS_DIR = Path("regions")


class RegionInvalid(RegiekitError):
    """A region's agreement has errors; run `regiekit validate` to see them all."""

    def __init__(self, region_file: Path, findings: list[Finding]) -> None:
        self.findings = findings
        first = findings[0]
        super().__init__(
            f"regio-afspraken in {region_file} zijn ongeldig ({len(findings)} fout(en), "
            f"eerste: {first.location()} {first.code} {first.message}); "
            "draai 'regiekit validate' voor het volledige overzicht")


def region_files(root: Path = DEFAULT_REGIONS_DIR, name: str = REGION_FILE) -> list[Path]:
    """Every `regio.yaml` (or other agreement file `name`) one level below `root`, sorted by
    folder name."""
    return sorted(root.glob(f"*/{name}"))


def region_file(region: str, root: Path = DEFAULT_REGIONS_DIR, name: str = REGION_FILE) -> Path:
    """The agreement file `name` for a region given as id, folder or file path."""
    for candidate in (Path(region), Path(region) / name, root / region / name):
        if candidate.is_file():
            return candidate
    known = ", ".join(path.parent.name for path in region_files(root, name)) or "geen"
    raise UsageError(f"regio '{region}' met {name} niet gevonden onder {root}/ (bekend: {known})")


def load_region(region: str | Path, root: Path = DEFAULT_REGIONS_DIR) -> Region:
    """Load and validate one region; raises RegionInvalid or YamlLoadError."""
    from generator.validation import validate_document

    path = region_file(str(region), root)
    document = load_yaml(path)
    errors = [f for f in validate_document(document) if f.severity is Severity.ERROR]
    if errors:
        raise RegionInvalid(path, sorted(errors))
    return build_region(document)
