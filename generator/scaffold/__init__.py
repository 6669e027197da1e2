"""`regiekit init`: a region's own repository, ready to validate, build and run in CI.

The files come from `files/` (stored under names without a leading dot, so package data picks
them up) with a few values filled in: the region's id and name (as YAML double-quoted text, so
any name is valid YAML), today's date, and where CI installs regiekit from. The schemas are
copied from the package, so the `# yaml-language-server: $schema=schemas/...` line resolves
offline. Nothing is overwritten: if any file exists, nothing is written.

regiekit is not published on a package index, so `regiekit==<version>` would install nothing.
The CI workflow installs the pip requirement in the repository variable `REGIEKIT_PAKKET`, else
the one `init` wrote in: `--pakket`, or where this regiekit was installed from when pip recorded
a source that another machine can reach (a git repository at its commit, an archive's web
address; `package_source`). With neither, the workflow stops at its first step and says which
variable to set.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, fields
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from generator.errors import UsageError

FILES = Path(__file__).resolve().parent / "files"

LAYOUT = {
    "regio.yaml": "regio.yaml",
    "casussen/voorbeeld.yaml": "casussen/voorbeeld.yaml",
    "regiekit.toml": "regiekit.toml",
    "README.md": "README.md",
    ".gitignore": "gitignore",
    ".pre-commit-config.yaml": "pre-commit-config.yaml",
    ".github/workflows/regiekit.yml": "workflow.yml",
}
"""Path in the new repository -> its template in files/."""

SCHEMA_FOLDER = "schemas"
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
PACKAGE_VARIABLE = "REGIEKIT_PAKKET"
"""The repository variable (GitHub: Settings > Secrets and variables > Actions > Variables) that
names where CI installs regiekit from; it wins over what `init` wrote."""
_REMOTE = ("https://", "http://", "ssh://", "git@")


@dataclass(frozen=True)
class DirectUrl:
    """pip's record of where a package was installed from (PEP 610 `direct_url.json`)."""

    url: str
    vcs_info: dict[str, Any] | None = None
    archive_info: dict[str, Any] | None = None
    dir_info: dict[str, Any] | None = None

    @classmethod
    def parse(cls, recorded: Any) -> DirectUrl | None:
        """The record from its decoded JSON; None when it is not one."""
        if not isinstance(recorded, dict):
            return None
        known = {field.name for field in fields(cls)}
        try:
            record = cls(**{name: value for name, value in recorded.items() if name in known})
        except TypeError:
            return None
        return record if isinstance(record.url, str) else None


def package_source(recorded: Any) -> str | None:
    """A pip requirement that installs this same regiekit on another machine, from pip's record
    of where it came from (the decoded `direct_url.json`): a git repository pinned to its
    commit, or an archive's address. None for a local folder or file (an editable checkout) or
    when pip recorded nothing: no source that CI could reach is known."""
    record = DirectUrl.parse(recorded)
    if record is None or not record.url.startswith(_REMOTE):
        return None
    vcs = record.vcs_info
    if vcs is not None:
        commit = vcs.get("commit_id")
        if vcs.get("vcs") != "git" or not isinstance(commit, str):
            return None
        return f"regiekit @ git+{record.url}@{commit}"
    return f"regiekit @ {record.url}" if record.archive_info is not None else None


def installed_source() -> str | None:
    """`package_source` of the installed regiekit."""
    from importlib import metadata

    try:
        recorded = metadata.distribution("regiekit").read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return None
    try:
        return package_source(json.loads(recorded)) if recorded else None
    except ValueError:
        return None


def _package_values(package: str | None) -> dict[str, str]:
    """What the workflow and the README say about installing regiekit."""
    if package is not None and (not package.strip() or any(c in package for c in "\n\r\"'`$")):
        raise UsageError("--pakket moet één pip-vereiste zijn zonder aanhalingstekens, $ of "
                         "regeleinden, bijvoorbeeld 'regiekit @ git+https://git.example.org/"
                         "regiekit.git@v0.1.0'")
    fallback = f" || '{package}'" if package else ""
    expression = f"${{{{ vars.{PACKAGE_VARIABLE}{fallback} }}}}"
    return {
        "pakket_expressie": json.dumps(expression, ensure_ascii=False),
        "pakket_variabele": PACKAGE_VARIABLE,
        "pakket_installeren": _install_text(package),
    }


def _install_text(package: str | None) -> str:
    """The README's paragraph on installing regiekit (Dutch)."""
    variable = f"`{PACKAGE_VARIABLE}`"
    if package:
        return (f"regiekit komt uit `{package}` (zo is deze repository opgezet). Installeer het "
                "zo:\n\n```sh\npython3 -m venv .venv && .venv/bin/pip install "
                f"\"{package}\" pre-commit\n```\n\nDe CI-workflow installeert dezelfde "
                f"bron; een andere zet u in de GitHub-variabele {variable} (Settings > Secrets "
                "and variables > Actions > Variables).")
    return ("regiekit wordt niet via een openbare pakketbron zoals PyPI verspreid, dus "
            "`pip install regiekit` installeert het niet. Vraag de beheerder waar uw "
            "organisatie regiekit bewaart (een git-repository, een wheel-bestand of een eigen "
            "pakketbron) en installeer het "
            "daarvandaan, bijvoorbeeld:\n\n```sh\npython3 -m venv .venv && .venv/bin/pip "
            "install \"regiekit @ git+https://git.example.org/regiekit.git@v0.1.0\" "
            "pre-commit\n```\n\nZet dezelfde bron in de GitHub-variabele "
            f"{variable} (Settings > Secrets and variables > Actions > Variables); zonder die "
            "variabele stopt de CI-workflow bij zijn eerste stap met een melding die zegt wat er "
            "ontbreekt. `regiekit init --pakket ...` schrijft de bron meteen in de workflow.")


def region_id_for(folder: Path) -> str:
    """A region id from a folder name: lower case, runs of other characters as one `-`."""
    name = folder.resolve().name.lower()
    return re.sub(r"[^a-z0-9]+", "-", name).strip("-") or "regio"


def _values(region_id: str, name: str, today: date) -> dict[str, str]:
    def quoted(text: str) -> str:
        return json.dumps(text, ensure_ascii=False)

    return {
        "id": region_id, "naam": quoted(name), "naam_tekst": " ".join(name.split()),
        "titel": quoted(f"Werkafspraken coördinatie van zorg {name}"),
        "eigenaar": quoted(f"Gemeente {name}, team toegang"),
        "vastgesteld_door": quoted(f"Stuurgroep zorg en veiligheid {name}"),
        "gemeente": quoted(f"Gemeente {name}"), "wijkteam": quoted(f"Wijkteam {name}"),
        "vandaag": today.isoformat(),
        "over_een_jaar": (today + timedelta(days=365)).isoformat(),
    }


def create(folder: Path, *, region_id: str | None = None, name: str | None = None,
           today: date | None = None, package: str | None = None) -> list[Path]:
    """Write the repository into `folder` (created if needed), all files or none; returns the
    files written.

    `package`: the pip requirement CI installs regiekit from (default: `installed_source()`).
    """
    from generator.filesystem import write_all
    from generator.schema_files import SCHEMAS, schema_text

    region_id = region_id or region_id_for(folder)
    if not _ID.fullmatch(region_id):
        raise UsageError(f"'{region_id}' kan geen regio-id zijn: gebruik kleine letters, cijfers "
                         "en koppeltekens (--id)")
    name = name or region_id.replace("-", " ").capitalize()
    values = _values(region_id, name, today or date.today()) | _package_values(
        package if package is not None else installed_source())
    contents = {target: (FILES / source).read_text(encoding="utf-8").format(**values)
                for target, source in LAYOUT.items()}
    contents |= {f"{SCHEMA_FOLDER}/{file}": schema_text(kind) for kind, file in SCHEMAS.items()}
    existing = sorted(target for target in contents if (folder / target).exists())
    if existing:
        raise UsageError(f"{folder} bevat al {', '.join(existing)}; regiekit init overschrijft "
                         "niets (kies een lege of nieuwe map)")
    return write_all(folder, {folder / target: text for target, text in contents.items()})
