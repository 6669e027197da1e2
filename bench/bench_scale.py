"""Benchmark regiekit at scale: broken references, long ladders, cases with many events.

Each measure is a ratio against a baseline in the same run, on the same generated files
(written to a temporary folder, never committed):

* hints: `validate` of a region with N broken references among N roles (N = 1,000 ... 20,000),
  against `yaml.compose` of the same file; near-linear hints keep the ratio flat as N grows
  (difflib over every id made it grow with N: the old cost per reference is estimated from a
  sample and printed beside it);
* ladder: `validate` of a region whose ladder has 1,000 and 10,000 steps, against `yaml.compose`;
* case: `build --case` of a case with 1,000, 10,000 and 100,000 escalations (one in 100 a request
  by mail, so 10, 100 and 1,000 request documents), peak memory of a fresh process against the
  peak of a fresh process that only reads and validates the same case; and 1,000 escalations
  all by mail (1,000 documents) against 1,000 with 10 documents: documents are written as they
  are rendered, so their number must not raise the peak.

Usage: python bench/bench_scale.py [--quick] (quick: the smaller sizes only)
Exits 1 when a ratio grows more than 2x from the smallest to the largest size, or when
`validate` takes more than 10x `yaml.compose` of the same file at any size (the bounds the
README states).
"""

from __future__ import annotations

import argparse
import difflib
import gc
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
sys.path.insert(0, str(REPO / "tests" / "reliability"))

from reliability_support import (  # noqa: E402
    REGIONS,
    broken_references,
    long_ladder,
    many_requests,
    read,
    write,
)

from generator.validation import validate_files  # noqa: E402

GROWTH = 2.0
"""Most a ratio may grow from the smallest to the largest size: near-linear, not quadratic."""
BOUND = 10.0
"""Most `validate` may take against `yaml.compose` of the same file, at any size."""


def best(action: Callable[[], object], rounds: int = 2) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def compose(path: Path) -> None:
    """The baseline: libyaml's compose, with the garbage collector paused as regiekit's loader
    pauses it (with it running, compose of a large file is five times slower)."""
    gc.disable()
    try:
        yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    finally:
        gc.enable()


def validated(path: Path) -> None:
    result = validate_files([path])
    assert not result.unreadable, result.unreadable


def region_ratio(path: Path) -> tuple[float, float, float]:
    baseline, measured = best(lambda: compose(path)), best(lambda: validated(path))
    return baseline, measured, measured / baseline


def hints(work: Path, sizes: list[int]) -> list[float]:
    print("hints: validate with N broken references among N roles, vs yaml.compose")
    ratios = []
    for size in sizes:
        data = read(REGIONS / "apeldoorn" / "regio.yaml")
        broken_references(data, size)
        path = write(work / f"hints-{size}" / "regions" / "apeldoorn" / "regio.yaml", data)
        baseline, measured, ratio = region_ratio(path)
        ratios.append(ratio)
        print(f"  N={size:6,}: compose {baseline:6.2f} s, validate {measured:6.2f} s, "
              f"ratio {ratio:5.2f}, {measured / size * 1000:5.2f} ms per reference; difflib "
              f"over all ids: ~{old_cost(data, size) * size:6.1f} s")
    return ratios


def old_cost(data: dict, size: int, sample: int = 20) -> float:
    """Seconds per reference of `difflib.get_close_matches` over every id, from a sample."""
    ids = sorted(role["id"] for role in data["rollen"])
    words = data["ladders"][0]["stappen"][0]["deelnemers"][:: max(size // sample, 1)][:sample]
    return best(lambda: [difflib.get_close_matches(w, ids, n=1) for w in words], 1) / len(words)


def ladders(work: Path, sizes: list[int]) -> list[float]:
    print("ladder: validate a ladder of N steps, vs yaml.compose")
    ratios = []
    for size in sizes:
        data = read(REGIONS / "apeldoorn" / "regio.yaml")
        long_ladder(data, size)
        path = write(work / f"ladder-{size}" / "regions" / "apeldoorn" / "regio.yaml", data)
        baseline, measured, ratio = region_ratio(path)
        ratios.append(ratio)
        print(f"  N={size:6,}: compose {baseline:6.2f} s, validate {measured:6.2f} s, "
              f"ratio {ratio:5.2f}")
    return ratios


_PEAK = """
import io, json, resource, sys, time
from pathlib import Path
sys.path.insert(0, {repo!r})
from generator.documents.build import BuildOptions, run_build
from generator.documents.case import read_case
case, regions, out, mode = Path({case!r}), Path({regions!r}), Path({out!r}), {mode!r}
start = time.perf_counter()
if mode == "build":
    code = run_build(BuildOptions(case=case, out=out, regions_root=regions),
                     stream=io.StringIO(), errors=io.StringIO())
    assert code == 0, code
else:
    read_case(case, regions)
# VmHWM, not ru_maxrss: Linux keeps ru_maxrss across execve, so a child would report the
# benchmark's own size whenever that is larger.
status = Path("/proc/self/status").read_text().splitlines()
peak = next((int(line.split()[1]) for line in status if line.startswith("VmHWM:")),
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
print(json.dumps([time.perf_counter() - start, peak / 1024]))
"""


def peak(case: Path, out: Path, mode: str) -> tuple[float, float]:
    """Seconds and peak MB of a fresh process that builds (or only reads) the case."""
    code = _PEAK.format(repo=str(REPO), case=str(case), regions=str(REGIONS), out=str(out),
                        mode=mode)
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout
    seconds, megabytes = json.loads(output.strip().splitlines()[-1])
    return seconds, megabytes


def cases(work: Path, sizes: list[int]) -> list[float]:
    print("case: build --case with N escalations (1 in 100 by mail), peak memory vs reading it")
    ratios = []
    for size in sizes:
        path = write(work / f"case-{size}.yaml", many_requests(size, mail_every=100))
        read_seconds, read_peak = peak(path, work / "out", "read")
        seconds, build_peak = peak(path, work / f"out-{size}", "build")
        ratios.append(build_peak / read_peak)
        print(f"  N={size:7,}: read {read_seconds:6.1f} s {read_peak:6.0f} MB, build "
              f"{seconds:6.1f} s {build_peak:6.0f} MB ({size // 100:,} requests), "
              f"peak ratio {build_peak / read_peak:4.2f}")
    all_mail = write(work / "case-all-mail.yaml", many_requests(1_000, mail_every=1))
    seconds, build_peak = peak(all_mail, work / "out-all-mail", "build")
    documents = len(list((work / "out-all-mail").rglob("*.docx")))
    print(f"  1,000 escalations all by mail: {documents:,} documents in {seconds:.1f} s "
          f"({seconds / documents * 1000:.0f} ms each), peak {build_peak:.0f} MB")
    return ratios


def growth(name: str, ratios: list[float], bound: float | None = None) -> bool:
    factor = ratios[-1] / ratios[0]
    print(f"{name}: ratio grows {factor:.2f}x from the smallest to the largest size "
          f"(limit {GROWTH}x)" + (f"; at most {max(ratios):.2f} (limit {bound})" if bound else ""))
    return factor <= GROWTH and (bound is None or max(ratios) <= bound)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    quick = parser.parse_args().quick
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        checks = [
            growth("hints", hints(work, [1_000, 4_000] if quick else
                                  [1_000, 2_000, 4_000, 20_000]), BOUND),
            growth("ladder", ladders(work, [1_000, 10_000]), BOUND),
            growth("case", cases(work, [1_000, 10_000] if quick else
                                 [1_000, 10_000, 100_000])),
        ]
    return 0 if all(checks) else 1


if __name__ == "__main__":
    raise SystemExit(main())
