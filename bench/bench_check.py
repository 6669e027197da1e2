"""Benchmark `regiekit check` against bare libyaml parsing of the same files.

Generates synthetic cases (variants of the worked examples) into a temporary folder (never
committed), then reports in one run:

* two baselines over every file, both libyaml (`yaml.CSafeLoader`):
  - compose: `yaml.compose(text)`, parsing to nodes only (the baseline the targets name);
  - load: `yaml.load(text)`, parsing into Python data, which any script reading the cases does;
* `check` in this process through the core (`generator.casecheck.check_files`), jobs 1 and 2
  (jobs 2 includes starting the worker processes);
* the four ratios check/baseline, and which targets are met against which baseline;
* peak memory (ru_maxrss of a fresh subprocess, one job) checking a tenth of the cases and all.

Each time is the best of `--repeat` rounds (baselines and checks alike, interleaved).
Targets: check/compose <= 1.3 with one process, < 1.0 with --jobs 2; exits 1 if missed.
Usage: python bench/bench_check.py [--cases 10000] [--repeat 2] [--no-memory]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.casecheck import CheckOptions, check_files, iter_case_files  # noqa: E402

OPTIONS = CheckOptions(regions_root=REPO / "regions", rules_file=REPO / "rules" / "regels.yaml")
TEMPLATES = sorted((REPO / "examples" / "cases").glob("*.yaml"))
TARGET_JOBS1 = 1.3
TARGET_JOBS2 = 1.0


def generate(folder: Path, count: int) -> None:
    """`count` cases, cycling through the examples with a unique case id each."""
    texts = [path.read_text(encoding="utf-8") for path in TEMPLATES]
    for number in range(count):
        text = texts[number % len(texts)]
        first, rest = text.split("\ncasus: ", 1)
        case_id, rest = rest.split("\n", 1)
        sub = folder / f"{number // 1000:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"casus-{number:05d}.yaml").write_text(
            f"{first}\ncasus: {case_id}-{number}\n{rest}", encoding="utf-8")


def compose_all(folder: Path) -> None:
    for path in iter_case_files([folder]):
        yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def load_all(folder: Path) -> None:
    for path in iter_case_files([folder]):
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def check(folder: Path, jobs: int) -> int:
    return check_files(iter_case_files([folder]), OPTIONS, jobs=jobs).files_checked


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def peak_memory_mb(folder: Path) -> float:
    """Peak resident memory of a fresh process checking `folder` (one job)."""
    code = (
        "import resource, sys\n"
        f"sys.path.insert(0, {str(REPO)!r})\n"
        "from pathlib import Path\n"
        "from generator.casecheck import CheckOptions, check_files, iter_case_files\n"
        f"options = CheckOptions(Path({str(OPTIONS.regions_root)!r}), "
        f"Path({str(OPTIONS.rules_file)!r}))\n"
        f"check_files(iter_case_files([Path({str(folder)!r})]), options)\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    output = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                            text=True).stdout
    return int(output.split()[-1]) / 1024


def measure(folder: Path, repeat: int) -> dict[str, float]:
    """Best time of `repeat` interleaved rounds of each measure, in seconds."""
    actions: dict[str, Callable[[], object]] = {
        "compose_s": lambda: compose_all(folder),
        "load_s": lambda: load_all(folder),
        "check_jobs1_s": lambda: check(folder, 1),
        "check_jobs2_s": lambda: check(folder, 2),
    }
    best = {name: float("inf") for name in actions}
    for _ in range(repeat):
        for name, action in actions.items():
            best[name] = min(best[name], timed(action))
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--no-memory", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="regiekit-bench-") as tmp:
        folder = Path(tmp) / "cases"
        folder.mkdir()
        generate(folder, args.cases)
        checked = check(folder, 1)  # warm the file cache, imports, catalogue and regions once
        best = measure(folder, args.repeat)
        figures: dict[str, float | int] = {"casussen": checked}
        figures.update({name: round(seconds, 2) for name, seconds in best.items()})
        figures.update({name.removesuffix("_s") + "_ms_per_case": round(seconds / checked * 1000, 3)
                        for name, seconds in best.items()})
        for jobs in (1, 2):
            for baseline in ("compose", "load"):
                figures[f"ratio_jobs{jobs}_{baseline}"] = round(
                    best[f"check_jobs{jobs}_s"] / best[f"{baseline}_s"], 2)
        if not args.no_memory:
            small = Path(tmp) / "small"
            small.mkdir()
            generate(small, args.cases // 10)
            figures["peak_mb_tiende"] = round(peak_memory_mb(small), 1)
            figures["peak_mb_alle"] = round(peak_memory_mb(folder), 1)
    print(json.dumps(figures, indent=2))
    met = {}
    for baseline in ("compose", "load"):
        one, two = figures[f"ratio_jobs1_{baseline}"], figures[f"ratio_jobs2_{baseline}"]
        met[baseline] = (one <= TARGET_JOBS1, two < TARGET_JOBS2)
        print(f"tegen {baseline}: 1 proces {one} (doel <= {TARGET_JOBS1}: "
              f"{'gehaald' if met[baseline][0] else 'NIET gehaald'}), --jobs 2 {two} "
              f"(doel < {TARGET_JOBS2}: {'gehaald' if met[baseline][1] else 'NIET gehaald'})")
    ok = all(met["compose"])
    print("doelen (tegen compose, zoals het issue ze noemt) "
          + ("gehaald" if ok else "NIET gehaald"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
