"""Finding and loading region agreements: `regio.yaml` (coordination) and `zorgloketten.yaml`
(care desks and capacity, seed 004); a region's folder holds either or both.

Two layouts, for every command: a regions folder with one folder per region
(`regions/<id>/regio.yaml`, the default), or a region's own repository with `regio.yaml` in the
folder itself (then `.` is the regions folder: `default_regions_root` picks it when the current
folder holds a `regio.yaml`).

`load_region` returns the model of a region (generator.model.region.Region) only when its
agreement is valid, so documents and case checks can trust what they read; an invalid region
raises RegionInvalid with its findings.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.documents.words import plural
from generator.errors import RegiekitError, UsageError, YamlLoadError
from generator.findings import Finding, Severity
from generator.loader import load_yaml
from generator.model.mapping import yaml_key
from generator.model.region import Region, build_region

REGION_FILE = "regio.yaml"
CAPACITY_FILE = "zorgloketten.yaml"
AGREEMENT_FILES = (REGION_FILE, CAPACITY_FILE)
"""The files that make a folder a region's: coordination, and care desks (seed 004)."""
DEFAULT_REGIONS_DIR = Path("regions")
VALID_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
"""A region id as the schemas allow it (with at most MAX_ID characters): the only text of a case
file a message may repeat."""
MAX_ID = 64


def valid_id(value: object) -> bool:
    return isinstance(value, str) and len(value) <= MAX_ID and VALID_ID.fullmatch(value) is not None


class RegionInvalid(RegiekitError):
    """A region's agreement has errors; run `regiekit validate` to see them all."""

    def __init__(self, region_file: Path, findings: list[Finding]) -> None:
        self.findings = findings
        first, count = findings[0], plural(len(findings), "fout", "fouten")
        super().__init__(
            f"regio-afspraken in {region_file} zijn ongeldig ({count}, "
            f"eerste: {first.location()} {first.code} {first.message}); "
            "draai 'regiekit validate' voor het volledige overzicht")


def default_regions_root(folder: Path | None = None) -> Path:
    """`.` in a region's own repository (its agreement file in the folder), else `regions`."""
    here = folder or Path.cwd()
    own = any((here / name).is_file() for name in AGREEMENT_FILES)
    return Path(".") if own else DEFAULT_REGIONS_DIR


def single_region(root: Path, name: str = REGION_FILE) -> bool:
    """True when `root` is itself one region's folder (its file `name` directly inside)."""
    return (root / name).is_file()


def region_files(root: Path = DEFAULT_REGIONS_DIR, name: str = REGION_FILE) -> list[Path]:
    """The region's `regio.yaml` (or other agreement file `name`) in `root`, or every one a
    level below, sorted by folder name."""
    if single_region(root, name):
        return [root / name]
    return sorted(root.glob(f"*/{name}"))


def find_region_file(region_id: str, root: Path = DEFAULT_REGIONS_DIR,
                     name: str = REGION_FILE) -> Path | None:
    """The agreement file `name` of the region with id `region_id` under `root`, in either
    layout."""
    nested = root / region_id / name
    if nested.is_file():
        return nested
    if single_region(root, name) and _stated_id(root / name) == region_id:
        return root / name
    return None


def _stated_id(path: Path) -> str | None:
    """The id an agreement file states, read without validating the rest."""
    try:
        data = load_yaml(path).data
    except YamlLoadError:
        return None
    value = data.get(yaml_key(Region, "id")) if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


def known_region_ids(root: Path = DEFAULT_REGIONS_DIR, name: str = REGION_FILE) -> list[str]:
    """The ids of the regions under `root`: as each agreement file states it, else its folder."""
    return [_stated_id(path) or path.parent.name for path in region_files(root, name)]


def unknown_region(region_id: str, regions_root: Path) -> str:
    """`onbekende regio 'x' (niet gevonden onder regions/); bekende regio's: a, b`. Only for a
    valid id: a case file's text is never repeated otherwise."""
    known = known_region_ids(regions_root) if regions_root.is_dir() else []
    return (f"onbekende regio '{region_id}' (niet gevonden onder {regions_root}/); "
            f"bekende regio's: {', '.join(known) or 'geen'}")


def locate_region_file(region: str, root: Path = DEFAULT_REGIONS_DIR,
                       name: str = REGION_FILE) -> Path | None:
    """The agreement file `name` for a region given as id, folder or file path, or None."""
    for candidate in (Path(region), Path(region) / name):
        if candidate.is_file():
            return candidate
    return find_region_file(region, root, name)


def region_file(region: str, root: Path = DEFAULT_REGIONS_DIR, name: str = REGION_FILE) -> Path:
    """The agreement file `name` for a region given as id, folder or file path; UsageError,
    naming the regions there are, when there is none."""
    found = locate_region_file(region, root, name)
    if found is not None:
        return found
    known = ", ".join(known_region_ids(root, name))
    raise UsageError(f"regio '{region}' met {name} niet gevonden onder {root}/ "
                     f"(bekend: {known or 'geen'})")


def require_regions_root(root: Path) -> Path:
    """`root` if it is a folder; else the tool cannot run (exit 2), and says which path."""
    if not root.is_dir():
        what = "bestaat niet" if not root.exists() else "is geen map"
        raise UsageError(f"map met regio's {root} {what}; geef de juiste map met --regions of "
                         "zet 'regions' in regiekit.toml")
    return root


def load_region(region: str | Path, root: Path = DEFAULT_REGIONS_DIR) -> Region:
    """Load and validate one region; raises RegionInvalid or YamlLoadError."""
    from generator.validation import validate_document

    path = region_file(str(region), root)
    document = load_yaml(path)
    errors = [f for f in validate_document(document) if f.severity is Severity.ERROR]
    if errors:
        raise RegionInvalid(path, sorted(errors))
    return build_region(document)
