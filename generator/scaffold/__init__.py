"""`regiekit init`: a region's own repository, ready to validate, build and run in CI.

The files come from `files/` (stored under names without a leading dot, so package data picks
them up) with a few values filled in: the region's id and name (as YAML double-quoted text, so
any name is valid YAML), today's date, and regiekit's version. The schemas are copied from the
package, so the `# yaml-language-server: $schema=schemas/...` line resolves offline. Nothing is
overwritten: if any file exists, nothing is written.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

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


def region_id_for(folder: Path) -> str:
    """A region id from a folder name: lower case, runs of other characters as one `-`."""
    name = folder.resolve().name.lower()
    return re.sub(r"[^a-z0-9]+", "-", name).strip("-") or "regio"


def _values(region_id: str, name: str, today: date) -> dict[str, str]:
    from generator import __version__

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
        "versie": __version__,
    }


def create(folder: Path, *, region_id: str | None = None, name: str | None = None,
           today: date | None = None) -> list[Path]:
    """Write the repository into `folder` (created if needed); returns the files written."""
    from generator.schema_files import SCHEMAS, schema_text

    region_id = region_id or region_id_for(folder)
    if not _ID.fullmatch(region_id):
        raise UsageError(f"'{region_id}' kan geen regio-id zijn: gebruik kleine letters, cijfers "
                         "en koppeltekens (--id)")
    name = name or region_id.replace("-", " ").capitalize()
    values = _values(region_id, name, today or date.today())
    contents = {target: (FILES / source).read_text(encoding="utf-8").format(**values)
                for target, source in LAYOUT.items()}
    contents |= {f"{SCHEMA_FOLDER}/{file}": schema_text(kind) for kind, file in SCHEMAS.items()}
    existing = sorted(target for target in contents if (folder / target).exists())
    if existing:
        raise UsageError(f"{folder} bevat al {', '.join(existing)}; regiekit init overschrijft "
                         "niets (kies een lege of nieuwe map)")
    written = []
    for target, text in contents.items():
        path = folder / target
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
