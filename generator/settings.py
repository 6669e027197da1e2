"""What a command works on, from its options, the configuration and the layout, in that order.

Each function takes the command-line value (None when not given) and the Config, and falls back
to a default that depends on where regiekit runs: in a region's own repository (a `regio.yaml`
in the current folder) the regions folder is `.`, else `regions/`. A folder or file that is
named (on the command line or in the configuration) and does not exist stops the command with
exit code 2 and names the path; so does a run that finds nothing to work on.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TextIO

from generator.codes import Code, check_disabled
from generator.config import Config
from generator.errors import UsageError
from generator.regions import (
    DEFAULT_REGIONS_DIR,
    default_regions_root,
    region_files,
    require_regions_root,
    single_region,
)
from generator.shared_protocols import LOCAL_PROTOCOLS

PACKAGED_RULES = Path(__file__).resolve().parent / "rules" / "regels.yaml"
"""The rule catalogue shipped inside the package (`rules/regels.yaml` of the source tree)."""
LOCAL_RULES = Path("rules") / "regels.yaml"
"""A repository's own rule catalogue, used instead of the shipped one when it exists."""
PACKAGED_CAPACITY_RULES = PACKAGED_RULES.with_name("capaciteit.yaml")
LOCAL_CAPACITY_RULES = LOCAL_RULES.with_name("capaciteit.yaml")
CASES_FOLDER = Path("casussen")
"""Where a region repository made by `regiekit init` keeps its example cases."""


def regions_root(option: Path | None, config: Config) -> Path:
    """The regions folder: --regions, else `regions` in the configuration, else by layout."""
    return require_regions_root(option or config.regions or default_regions_root())


def rules_file(option: Path | None, config: Config) -> Path:
    """The rule catalogue: --rules, `rules` in the configuration, ./rules/regels.yaml, or the
    one shipped with regiekit."""
    path = option or config.rules or (LOCAL_RULES if LOCAL_RULES.is_file() else PACKAGED_RULES)
    if not path.is_file():
        raise UsageError(f"regelcatalogus {path} bestaat niet; geef de juiste met --rules of "
                         "zet 'rules' in regiekit.toml")
    return path


def capacity_rules_file(option: Path | None) -> Path:
    """The capacity rule catalogue: --rules, ./rules/capaciteit.yaml, or the shipped one."""
    path = option or (LOCAL_CAPACITY_RULES if LOCAL_CAPACITY_RULES.is_file()
                      else PACKAGED_CAPACITY_RULES)
    if not path.is_file():
        raise UsageError(f"regelcatalogus {path} bestaat niet; geef de juiste met --rules")
    return path


def cases_folder(config: Config) -> Path | None:
    """The folder with case files: `cases` in the configuration, else ./casussen if present."""
    if config.cases is not None:
        if not config.cases.is_dir():
            raise UsageError(f"map met casussen {config.cases} ({config.source()}) bestaat niet")
        return config.cases
    return CASES_FOLDER if CASES_FOLDER.is_dir() else None


def case_paths(paths: tuple[Path, ...], config: Config, command: str) -> list[Path]:
    """The case files or folders to work on: as given, else the cases folder."""
    if paths:
        return list(paths)
    folder = cases_folder(config)
    if folder is None:
        raise UsageError(f"geen casussen opgegeven en geen map {CASES_FOLDER}/; noem bestanden "
                         f"of mappen (regiekit {command} PAD ...) of zet 'cases' in "
                         "regiekit.toml")
    return [folder]


def output_format(option: str | None, config: Config, formats: tuple[str, ...]) -> str:
    """--format, else `format` in the configuration, else `github` under GitHub Actions, else
    `text`."""
    if option:
        return option
    if config.format:
        if config.format not in formats:
            raise UsageError(f"{config.source()}: format '{config.format}' bestaat niet "
                             f"(kies uit: {', '.join(formats)})")
        return config.format
    if os.environ.get("GITHUB_ACTIONS") == "true" and "github" in formats:
        return "github"
    return "text"


def use_color(option: bool | None, stream: TextIO) -> bool:
    """--color/--no-color, else none when NO_COLOR is set (no-color.org), else on a terminal."""
    if option is not None:
        return option
    if os.environ.get("NO_COLOR"):
        return False
    return stream.isatty()


def strict(option: bool, config: Config) -> bool:
    return option or bool(config.strict)


def disabled(config: Config, disable: tuple[str, ...], enable: tuple[str, ...],
             codes: dict[str, Code]) -> tuple[str, ...]:
    """The codes switched off: the configuration's and --disable's, less --enable's."""
    check_disabled(config.disable, codes, config.source())
    check_disabled(disable, codes, "--disable")
    return tuple(sorted((set(config.disable) | set(disable)) - set(enable)))


def validate_defaults(regions: Path | None, config: Config) -> list[Path]:
    """What `validate` checks without paths: the region(s), the rule catalogue or rules/, the
    shared protocols in protocols/, and the cases folder; nothing of these is exit 2."""
    found: list[Path] = []
    if regions or config.regions or single_region(Path(".")) or DEFAULT_REGIONS_DIR.is_dir():
        root = regions_root(regions, config)
        found += region_files(root) if single_region(root) else [root]
    if config.rules is not None:
        found.append(rules_file(None, config))
    elif LOCAL_RULES.parent.is_dir():
        found.append(LOCAL_RULES.parent)
    if LOCAL_PROTOCOLS.is_dir():
        found.append(LOCAL_PROTOCOLS)
    cases = cases_folder(config)
    if cases is not None and not any(cases.is_relative_to(path) for path in found):
        found.append(cases)
    if not found:
        raise UsageError(f"niets te controleren in {Path.cwd()}: geen regio.yaml en geen map "
                         "regions/, rules/ of casussen/; noem de bestanden of mappen")
    return found
