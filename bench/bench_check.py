"""Benchmark `regiekit check` against bare libyaml parsing of the same files.

Generates synthetic cases (variants of the worked examples) into a temporary folder (never
committed), then reports in one run:

* bare parsing: `yaml.compose(text, Loader=yaml.CSafeLoader)` of every file;
* `check` in this process through the core (`generator.casecheck.check_files`), jobs 1 and 2
  (jobs 2 includes starting the worker processes);
* peak memory (ru_maxrss of a fresh subprocess) checking 1,000 and 10,000 cases.

Targets: check/parse <= 1.3 with one process, < 1.0 with --jobs 2; exits 1 if missed.
Usage: python bench/bench_check.py [--cases 10000] [--no-memory]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.casecheck import CheckOptions, check_files, iter_case_files  # noqa: E402

OPTIONS = CheckOptions(regions_root=REPO / "regions", rules_file=REPO / "rules" / "regels.yaml")
TEMPLATES = sorted((REPO / "examples" / "cases").glob("*.yaml"))


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


def bare_parse(folder: Path) -> float:
    start = time.perf_counter()
    for path in iter_case_files([folder]):
        yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return time.perf_counter() - start


def check(folder: Path, jobs: int) -> tuple[float, int]:
    start = time.perf_counter()
    result = check_files(iter_case_files([folder]), OPTIONS, jobs=jobs)
    return time.perf_counter() - start, result.files_checked


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--no-memory", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="regiekit-bench-") as tmp:
        folder = Path(tmp) / "cases"
        folder.mkdir()
        generate(folder, args.cases)
        check(folder, 1)  # warm the file cache and imports once
        parse = bare_parse(folder)
        one, checked = check(folder, 1)
        two, _ = check(folder, 2)
        figures: dict[str, float | int] = {
            "casussen": checked, "parse_s": round(parse, 2), "check_jobs1_s": round(one, 2),
            "check_jobs2_s": round(two, 2), "ratio_jobs1": round(one / parse, 2),
            "ratio_jobs2": round(two / parse, 2),
        }
        if not args.no_memory:
            small = Path(tmp) / "small"
            small.mkdir()
            generate(small, args.cases // 10)
            figures["peak_mb_tiende"] = round(peak_memory_mb(small), 1)
            figures["peak_mb_alle"] = round(peak_memory_mb(folder), 1)
    print(json.dumps(figures, indent=2))
    ok = figures["ratio_jobs1"] <= 1.3 and figures["ratio_jobs2"] < 1.0
    print("doelen gehaald" if ok else "doelen NIET gehaald (<= 1.3 met 1 proces, < 1.0 met 2)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
