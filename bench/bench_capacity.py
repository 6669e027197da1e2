"""How long `regiekit capaciteit` takes on a large municipality, compared with validating it.

Generates (fixed seed) a municipality of 10 wijken, 7 days x 4 dagdelen and 6 functions, with
care demand of 6 kinds per wijk and a declared basisdienstenpatroon that covers it, in a
temporary folder, and measures in one session, interleaved, N times each:

  regiekit validate <region>     the baseline: load, schema and semantic checks
  regiekit capaciteit <region>   the whole run: the same validation, 10 desks analysed, every
                                 rule, and the minimal pattern solved to proven optimality
                                 for each desk

as wall-clock time of a fresh process (the way a user or CI runs them) and as the CPU time that
process used (steadier on a shared machine), and, in this process, the solve time alone: the 10
minimal patterns, without loading or importing. Prints medians and the ratios capaciteit /
validate; exits 1 if the wall-clock ratio exceeds --max-ratio (3.0), 2 if a command fails.
Run from the repository root: python bench/bench_capacity.py
"""

from __future__ import annotations

import argparse
import json
import math
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
WIJKEN = ("noord", "oost", "zuid", "west", "centrum", "haven", "park", "dorp", "veld", "molen")
PARTS = (("ochtend", "07:00", "12:00", 5), ("middag", "12:00", "17:00", 5),
         ("avond", "17:00", "23:00", 6), ("nacht", "23:00", "07:00", 8))
WEEKDAYS = ["ma", "di", "wo", "do", "vr"]
SOURCE = {"document": "seed", "sectie": "Zorgloket in de wijk"}
FUNCTIONS = [  # id, qualifications, authorities, rate
    ("wijkverpleegkundige", ["wijkverpleging"], ["indiceren"], 74.00),
    ("verpleegkundige", ["verpleging"], [], 63.50),
    ("verpleegkundige-pg", ["verpleging", "psychogeriatrie"], [], 66.25),
    ("verzorgende-ig", ["verzorging"], [], 51.75),
    ("gvp", ["verzorging", "psychogeriatrie"], [], 55.25),
    ("helpende", ["hulp"], [], 42.00),
]
CARE = [  # id, qualification, authority, the function that usually gives it, hours per week
    ("begeleiding", "hulp", None, "helpende", (40, 30, 20, 0)),
    ("persoonlijke-verzorging", "verzorging", None, "verzorgende-ig", (160, 40, 80, 20)),
    ("verpleging", "verpleging", None, "verpleegkundige", (50, 20, 30, 14)),
    ("psychogeriatrische-zorg", "psychogeriatrie", None, "gvp", (30, 35, 21, 7)),
    ("indicatiestelling", "wijkverpleging", "indiceren", "wijkverpleegkundige", (15, 10, 0, 0)),
]


def municipality(seed: int = 4) -> dict[str, Any]:
    """The generated agreement as data (written as JSON, which is YAML)."""
    rng = random.Random(seed)
    return {
        "id": "benchstad", "naam": "Benchstad", "document": {"titel": "Benchmark"},
        "bronnen": [{"id": "seed", "titel": "Zorgloket in de wijk"}],
        "dagdelen": [{"id": p, "naam": p.capitalize(), "begin": b, "eind": e}
                     for p, b, e, _ in PARTS],
        "kwalificaties": [
            {"id": "hulp", "naam": "Hulp (niveau 2)", "bron": SOURCE},
            {"id": "verzorging", "naam": "Verzorging", "omvat": ["hulp"], "bron": SOURCE},
            {"id": "verpleging", "naam": "Verpleging", "omvat": ["verzorging"], "bron": SOURCE},
            {"id": "wijkverpleging", "naam": "Wijkverpleging", "omvat": ["verpleging"],
             "bron": SOURCE},
            {"id": "psychogeriatrie", "naam": "Psychogeriatrie", "specifiek": True,
             "bron": SOURCE}],
        "bevoegdheden": [{"id": "indiceren", "naam": "Indiceren", "bron": SOURCE}],
        "functies": [{"id": f, "naam": f, "kwalificaties": q, "bevoegdheden": a,
                      "uurtarief": rate, "bron": SOURCE} for f, q, a, rate in FUNCTIONS],
        "zorgsoorten": [{"id": c, "naam": c, "kwalificatie": q, "bron": SOURCE,
                         **({"bevoegdheid": a} if a else {})} for c, q, a, _, _ in CARE],
        "organisaties": [{"id": f"zorg-{w}", "naam": f"Zorg {w}", "soort": "zorgaanbieder",
                          "verantwoordelijk_voor": [w]} for w in WIJKEN],
        "wijken": [_wijk(w, rng) for w in WIJKEN],
    }


def _wijk(wijk: str, rng: random.Random) -> dict[str, Any]:
    demand, pattern = [], []
    for care, _, _, function, weekly in CARE:
        scale = rng.uniform(0.7, 1.3)
        hours = {p: round(h * scale) for (p, *_), h in zip(PARTS, weekly, strict=True) if h}
        entry: dict[str, Any] = {"zorgsoort": care, "uren_per_week": hours, "bron": SOURCE}
        if care == "indicatiestelling":
            entry["per_dag"] = {day: {p: 0 for p in hours} for day in ("za", "zo")}
        demand.append(entry)
        for part, _, _, length in PARTS:
            if not hours.get(part):
                continue
            days = WEEKDAYS if care == "indicatiestelling" else [*WEEKDAYS, "za", "zo"]
            per_day = hours[part] / len(days)
            pattern.append({"dagen": days, "dagdeel": part, "functie": function,
                            "aantal": math.ceil(per_day / length), "aanbieder": f"zorg-{wijk}"})
    return {"id": wijk, "naam": wijk.capitalize(), "zorgloket": {
        "naam": f"Zorgloket {wijk.capitalize()}", "aanbieders": [f"zorg-{wijk}"],
        "bron": SOURCE, "zorgvraag": demand, "basisdienstenpatroon": pattern,
        "budget": {"jaar": 2025, "bedrag": 9_000_000, "bron": SOURCE,
                   "flexreserve": {"percentage": 5, "bron": SOURCE}}}}


def regiekit() -> list[str]:
    script = Path(sys.executable).with_name("regiekit")
    found = str(script) if script.exists() else shutil.which("regiekit")
    return [found] if found else [sys.executable, "-m", "generator"]


def timed(command: list[str]) -> tuple[float, float, int]:
    """Wall-clock and CPU seconds (user + system) of one run of `command`, and its exit code."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    completed = subprocess.run(command, cwd=REPO, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, completed.returncode


def solve_time(region: Path) -> tuple[float, int, int]:
    """Seconds to solve the 10 minimal patterns in this process (loading and imports excluded),
    with the number of desks and of shift lines in the minimal patterns."""
    import highspy  # noqa: F401  (imported before timing)

    from generator.capacity.analysis import DeskAnalysis
    from generator.capacity.run import load_municipality
    from generator.findings import Result

    loaded = load_municipality(region / "zorgloketten.yaml", Result())
    assert loaded is not None, "the generated municipality does not validate"
    desks = [DeskAnalysis(loaded, desk) for desk in loaded.desks]
    for analysis in desks:  # demand and requirements are not the solver's work
        analysis.demand, analysis.requirements  # noqa: B018
    started = time.perf_counter()
    lines = sum(len(analysis.minimal.lines) for analysis in desks)
    return time.perf_counter() - started, len(desks), lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--repetitions", type=int, default=9)
    parser.add_argument("--max-ratio", type=float, default=3.0)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        region = Path(folder) / "regions" / "benchstad"
        region.mkdir(parents=True)
        (region / "zorgloketten.yaml").write_text(json.dumps(municipality(), indent=1),
                                                  encoding="utf-8")
        commands = {"regiekit validate": [*regiekit(), "validate", str(region)],
                    "regiekit capaciteit": [*regiekit(), "capaciteit", str(region)]}
        for name, command in commands.items():  # warm the file cache; not counted
            code = timed(command)[2]
            if code != 0:
                print(f"{name} gaf exitcode {code}", file=sys.stderr)
                return 2
        walls: dict[str, list[float]] = {name: [] for name in commands}
        cpus: dict[str, list[float]] = {name: [] for name in commands}
        solves: list[float] = []
        for _ in range(options.repetitions):
            for name, command in commands.items():
                wall, cpu, _ = timed(command)
                walls[name].append(wall)
                cpus[name].append(cpu)
            seconds, desks, lines = solve_time(region)
            solves.append(seconds)
    wall = {name: statistics.median(values) for name, values in walls.items()}
    cpu = {name: statistics.median(values) for name, values in cpus.items()}
    for name in commands:
        print(f"{name:28s} {wall[name] * 1000:7.1f} ms, cpu {cpu[name] * 1000:7.1f} ms "
              f"(mediaan van {options.repetitions})")
    print(f"{'oplossen, ' + str(desks) + ' zorgloketten':28s} "
          f"{statistics.median(solves) * 1000:7.1f} ms (mediaan; {lines} diensten in de "
          "minimale patronen)")
    ratio = wall["regiekit capaciteit"] / wall["regiekit validate"]
    cpu_ratio = cpu["regiekit capaciteit"] / cpu["regiekit validate"]
    print(f"{'verhouding':28s} {ratio:7.2f} (grens {options.max_ratio}); cpu {cpu_ratio:.2f}")
    return 0 if ratio <= options.max_ratio else 1


if __name__ == "__main__":
    sys.exit(main())
