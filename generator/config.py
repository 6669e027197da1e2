"""Project configuration: `regiekit.toml`, or `[tool.regiekit]` in a `pyproject.toml`.

Looked up from the current folder upwards; the first folder with either file wins (a
`regiekit.toml` before a `pyproject.toml` that has a `[tool.regiekit]` table). Paths in it are
relative to the folder of that file. Command-line options override every setting.

    regions = "regions"          # folder with <id>/regio.yaml, or a folder with one regio.yaml
    cases = "casussen"           # case files: default for check, test and validate
    rules = "rules/regels.yaml"  # rule catalogue (default: the one shipped with regiekit)
    out = "documenten"           # where build writes
    strict = true                # warnings also give exit code 1 (validate, check)
    format = "github"            # output format of validate, check and test
    disable = ["HULPMIDDEL-ACTUEEL"]  # rules switched off; named in every summary
    extra-holidays = ["2025-05-30"]  # extra days off for the working-day arithmetic

A mistake in the file (bad TOML, an unknown key, a wrong type, an unknown rule) stops every
command with exit code 2 and names the file.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from generator.errors import UsageError

CONFIG_FILE = "regiekit.toml"
PYPROJECT = "pyproject.toml"


@dataclass(frozen=True)
class Config:
    """Settings from the configuration file; None where the file says nothing."""

    file: Path | None = None
    regions: Path | None = None
    cases: Path | None = None
    rules: Path | None = None
    out: Path | None = None
    strict: bool | None = None
    format: str | None = None
    disable: tuple[str, ...] = ()
    extra_holidays: tuple[date, ...] = field(default=())

    def source(self) -> str:
        """How a message names where a setting came from."""
        return str(self.file) if self.file else "standaardinstelling"


_PATHS = ("regions", "cases", "rules", "out")
_KEYS = (*_PATHS, "strict", "format", "disable", "extra-holidays")


def find_config(start: Path) -> Path | None:
    """The configuration file that applies in `start`: the nearest one upwards."""
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            return candidate
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def _has_tool_table(pyproject: Path) -> bool:
    """Cheap test before parsing: only a pyproject that mentions the table counts."""
    try:
        return "[tool.regiekit]" in pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False


def load_config(start: Path | None = None) -> Config:
    """The configuration for the current folder (or `start`); an empty Config if there is none."""
    found = find_config((start or Path.cwd()).absolute())
    if found is None:
        return Config()
    path = _relative(found)
    table = _read_table(path)
    return _config(path, table)


def _read_table(path: Path) -> dict[str, Any]:
    import tomllib

    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise UsageError(f"{path}: kan niet gelezen worden ({error.strerror})") from None
    except UnicodeDecodeError:
        raise UsageError(f"{path}: is geen UTF-8-tekst") from None
    except tomllib.TOMLDecodeError as error:
        raise UsageError(f"{path}:{_toml_position(str(error))}: ongeldige TOML; controleer "
                         "aanhalingstekens, '=' en [tabellen] op die regel") from None
    if path.name != PYPROJECT:
        return document
    tool = document.get("tool", {}).get("regiekit", {})
    if not isinstance(tool, dict):
        raise UsageError(f"{path}: [tool.regiekit] moet een tabel zijn")
    return tool


def _toml_position(message: str) -> str:
    """`3:5` from tomllib's "... (at line 3, column 5)", or `1` if it names no position."""
    import re

    match = re.search(r"line (\d+), column (\d+)", message)
    return f"{match[1]}:{match[2]}" if match else "1"


def _config(path: Path, table: dict[str, Any]) -> Config:
    unknown = [name for name in table if name not in _KEYS]
    if unknown:
        hint = difflib.get_close_matches(unknown[0], _KEYS, n=1)
        suggestion = f"; bedoelde u '{hint[0]}'?" if hint else f" (bekend: {', '.join(_KEYS)})"
        raise UsageError(f"{path}: onbekende instelling '{unknown[0]}'{suggestion}")
    values: dict[str, Any] = {}
    for name in _PATHS:
        if name in table:
            values[name] = _relative(path.parent / _text(path, name, table[name]))
    if "strict" in table:
        if not isinstance(table["strict"], bool):
            raise UsageError(f"{path}: 'strict' moet true of false zijn")
        values["strict"] = table["strict"]
    if "format" in table:
        values["format"] = _text(path, "format", table["format"])
    values["disable"] = tuple(_texts(path, "disable", table.get("disable", [])))
    values["extra_holidays"] = tuple(_dates(path, table.get("extra-holidays", [])))
    return Config(file=path, **values)


def _relative(path: Path) -> Path:
    """A path as messages show it: relative to the current folder (`casussen`, `../regions`)."""
    import os

    return Path(os.path.relpath(path))


def _text(path: Path, name: str, value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise UsageError(f"{path}: '{name}' moet een tekst zijn")
    return value


def _texts(path: Path, name: str, value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise UsageError(f"{path}: '{name}' moet een lijst van teksten zijn, "
                         f"bijvoorbeeld {name} = [\"HULPMIDDEL-ACTUEEL\"]")
    return value


def _dates(path: Path, value: Any) -> list[date]:
    """TOML dates (`2025-05-30`) or texts in that form."""
    if not isinstance(value, list):
        raise UsageError(f"{path}: 'extra-holidays' moet een lijst van datums zijn")
    days = []
    for item in value:
        if isinstance(item, date):
            days.append(item)
            continue
        try:
            days.append(date.fromisoformat(str(item)))
        except ValueError:
            raise UsageError(f"{path}: 'extra-holidays' bevat '{item}', geen datum "
                             "(schrijf jjjj-mm-dd)") from None
    return days
