"""How fast `regiekit validate` starts, compared with importing its two parsing libraries.

Runs, interleaved in the same session, N times each:
  regiekit validate regions rules          (all shipped regions and the rule catalogue)
  python -c "import yaml, jsonschema"      (the floor: the libraries validate cannot do without)
and prints both medians and their ratio. Exits 1 if the ratio exceeds --max-ratio (2.0), 2 if
validate itself fails. Run from the repository root: python bench/bench_validate.py
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def timed(command: list[str]) -> tuple[float, int]:
    started = time.perf_counter()
    completed = subprocess.run(command, cwd=REPO, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - started, completed.returncode


def validate_command() -> list[str]:
    script = Path(sys.executable).with_name("regiekit")
    found = str(script) if script.exists() else shutil.which("regiekit")
    program = [found] if found else [sys.executable, "-m", "generator"]
    return [*program, "validate", "regions", "rules"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--repetitions", type=int, default=15)
    parser.add_argument("--max-ratio", type=float, default=2.0)
    options = parser.parse_args()
    commands = {
        "regiekit validate regions rules": validate_command(),
        'python -c "import yaml, jsonschema"': [sys.executable, "-c", "import yaml, jsonschema"],
    }
    for command in commands.values():  # warm the file cache; not counted
        timed(command)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(options.repetitions):
        for name, command in commands.items():
            seconds, code = timed(command)
            if code != 0 and name.startswith("regiekit"):
                print(f"{name} gaf exitcode {code}", file=sys.stderr)
                return 2
            times[name].append(seconds)
    medians = {name: statistics.median(values) for name, values in times.items()}
    validate, floor = medians.values()
    for name, seconds in medians.items():
        print(f"{name:40s} {seconds * 1000:7.1f} ms (mediaan van {options.repetitions})")
    ratio = validate / floor
    print(f"{'verhouding':40s} {ratio:7.2f} (grens {options.max_ratio})")
    return 0 if ratio <= options.max_ratio else 1


if __name__ == "__main__":
    sys.exit(main())
