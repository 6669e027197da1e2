"""Helpers for the reliability tests: run the CLI, make large or hostile regions and cases."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner, Result

from generator.cli import main

REPO = Path(__file__).resolve().parents[2]
REGIONS = REPO / "regions"


def run(*args: str) -> Result:
    """`regiekit ARGS` through click, stdout and stderr kept apart, exceptions not caught."""
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def copy_regions(target: Path, *names: str) -> Path:
    """A writable copy of some shipped regions (all without names) under `target/regions`."""
    root = target / "regions"
    for folder in sorted(REGIONS.iterdir()):
        if folder.is_dir() and (not names or folder.name in names):
            shutil.copytree(folder, root / folder.name)
    return root


def read(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


class _NoAliases(yaml.SafeDumper):
    """Writes shared values out in full: the loader bounds what aliases may expand to."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def write(path: Path, data: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.dump(data, Dumper=_NoAliases, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return path


def long_ladder(region: dict[str, Any], steps: int, *, back_to: int | None = None) -> None:
    """Replace the first ladder of `region` by a chain 1 -> 2 -> ... -> `steps`; with `back_to`
    the last step leads back to that step (a cycle as long as the chain)."""
    ladder = region["ladders"][0]
    template = ladder["stappen"][0]
    chain = []
    for number in range(1, steps + 1):
        step = {"nummer": number, "naam": f"Stap {number}", "omschrijving": "Een stap.",
                "initiatiefnemers": template["initiatiefnemers"][:1], "bron": template["bron"],
                "werkwijze": "afstemming"}
        following = number + 1 if number < steps else back_to
        if following is not None:
            step["vervolg"] = {"stappen": [following]}
        chain.append(step)
    ladder["stappen"] = chain


def override_template(regions: Path, region: str, template: str, old: bytes, new: bytes) -> Path:
    """A region's own copy of a shipped template, with `old` replaced by `new` in its body."""
    target = regions / region / "templates" / template
    target.parent.mkdir(parents=True, exist_ok=True)
    source = REPO / "generator" / "templates" / template
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as copy:
        for member in original.infolist():
            data = original.read(member)
            if member.filename == "word/document.xml":
                assert old in data
                data = data.replace(old, new, 1)
            copy.writestr(member, data)
    return target


def broken_references(region: dict[str, Any], count: int) -> list[str]:
    """Add `count` roles to `region` and let its first step name each one with a typo (a letter
    doubled, dropped or swapped in turn); returns the roles it meant, in order."""
    source = region["rollen"][0]["bron"]
    meant = [f"rol-{number:05d}-{'abcdefghij'[number % 10]}" for number in range(count)]
    region["rollen"] += [{"id": role, "naam": f"Rol {number}", "bron": source}
                         for number, role in enumerate(meant)]
    region["ladders"][0]["stappen"][0]["deelnemers"] = [_typo(role, n)
                                                        for n, role in enumerate(meant)]
    return meant


def _typo(word: str, number: int) -> str:
    kind = number % 3
    if kind == 0:
        return word + word[-1]  # a letter doubled at the end
    if kind == 1:
        return word[:4] + word[5:]  # a letter dropped
    return word[:8] + word[9] + word[8] + word[10:]  # two letters swapped


def many_requests(count: int, *, mail_every: int = 1) -> dict[str, Any]:
    """The Apeldoorn example case with `count` escalations on one day each (working days from
    2024-01-01 on), every `mail_every`-th one a request by mail (step 2, the digitale
    zorgtafel), the others step 1; no two escalations are alike."""
    import datetime as dt

    case = read(REPO / "examples" / "cases" / "apeldoorn-complexe-casus.yaml")
    template = case["escalaties"][1]
    day, events = dt.date(2024, 1, 1), []
    for number in range(count):
        mail = number % mail_every == 0
        event = {key: template[key] for key in ("ladder", "gestart_door")}
        event |= {"stap": 2 if mail else 1,
                  "datum": (day + dt.timedelta(days=number)).isoformat()}
        if mail:
            event |= {key: template[key] for key in ("formulier", "aangeschreven")}
        events.append(event)
    case["escalaties"] = events
    case["peildatum"] = events[-1]["datum"]
    case.pop("verwachte_bevindingen", None)
    return case
