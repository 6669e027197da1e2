"""How fast `regiekit validate` starts, compared with importing its two parsing libraries.

Runs, interleaved in the same session, N times each:
  regiekit validate regions rules          (all shipped regions and the rule catalogue)
  python -c "import yaml, jsonschema"      (the floor the issue names)
and prints, for wall-clock time and for CPU time (user + system of the child, which a loaded
machine does not inflate), both medians, the ratio of the medians and the spread of the ratios
of the rounds. Exits 1 if the wall-clock ratio exceeds --max-ratio (2.0), 2 if validate itself
fails. Run from the repository root: python bench/bench_validate.py

Both commands run with the bytecode cache allowed (PYTHONDONTWRITEBYTECODE removed from their
environment; the first, uncounted, run writes it), as an installed regiekit has it: pip compiles
a package's modules when it installs it.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ENVIRONMENT = {key: value for key, value in os.environ.items()
               if key != "PYTHONDONTWRITEBYTECODE"}


def timed(command: list[str]) -> tuple[float, float, int]:
    """Wall-clock seconds, CPU seconds and exit code of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    completed = subprocess.run(command, cwd=REPO, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, check=False, env=ENVIRONMENT)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return wall, cpu, completed.returncode


def validate_command() -> list[str]:
    script = Path(sys.executable).with_name("regiekit")
    found = str(script) if script.exists() else shutil.which("regiekit")
    program = [found] if found else [sys.executable, "-m", "generator"]
    return [*program, "validate", "regions", "rules"]


def summary(label: str, validate: list[float], floor: list[float]) -> float:
    """Print medians, their ratio and the spread of the rounds' ratios; return the ratio."""
    ratio = statistics.median(validate) / statistics.median(floor)
    rounds = sorted(v / f for v, f in zip(validate, floor, strict=True))
    print(f"{label:10s} validate {statistics.median(validate) * 1000:6.1f} ms "
          f"(spreiding {min(validate) * 1000:.0f}-{max(validate) * 1000:.0f}), "
          f"vloer {statistics.median(floor) * 1000:6.1f} ms "
          f"(spreiding {min(floor) * 1000:.0f}-{max(floor) * 1000:.0f}); "
          f"verhouding {ratio:.2f} (per ronde {rounds[0]:.2f}-{rounds[-1]:.2f})")
    return ratio


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--repetitions", type=int, default=15)
    parser.add_argument("--max-ratio", type=float, default=2.0)
    options = parser.parse_args()
    validate_run = validate_command()
    floor_run = [sys.executable, "-c", "import yaml, jsonschema"]
    for command in (validate_run, floor_run):  # warm the file and bytecode caches; not counted
        timed(command)
    walls: tuple[list[float], list[float]] = ([], [])
    cpus: tuple[list[float], list[float]] = ([], [])
    for _ in range(options.repetitions):
        for index, command in enumerate((validate_run, floor_run)):
            wall, cpu, code = timed(command)
            if code != 0 and index == 0:
                print(f"regiekit validate gaf exitcode {code}", file=sys.stderr)
                return 2
            walls[index].append(wall)
            cpus[index].append(cpu)
    print(f"regiekit validate regions rules tegen python -c \"import yaml, jsonschema\", "
          f"mediaan van {options.repetitions}")
    ratio = summary("wandklok", *walls)
    summary("CPU", *cpus)
    print(f"grens {options.max_ratio} (wandklok)")
    return 0 if ratio <= options.max_ratio else 1


if __name__ == "__main__":
    sys.exit(main())
