"""Benchmark `regiekit build` per document against a bare docxtpl load+render+save.

Both sides render the same templates with the same contexts in the same run. The bare side is
what any docxtpl script does (DocxTemplate(path), render(context), save(path)); the build side
is the whole `regiekit build`: loading and validating the YAML, building the contexts, rendering,
fixing properties and zip timestamps, and writing atomically. Prints both per-document times and
their ratio; exits 1 when the ratio exceeds the budget (1.3).

    python bench/bench_build.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from docxtpl import DocxTemplate  # noqa: E402

from generator.documents.build import (  # noqa: E402
    BuildOptions,
    find_template,
    plan_comparison,
    plan_region,
    run_build,
)
from generator.documents.environment import environment  # noqa: E402
from generator.regions import load_region, region_files  # noqa: E402

BUDGET = 1.3


def planned_documents(out: Path) -> list:
    regions = [load_region(path.parent, REPO / "regions")
               for path in region_files(REPO / "regions")]
    documents = [d for region in regions for d in plan_region(region, out)]
    return documents + [plan_comparison(regions, out)]


def bare(documents: list, out: Path) -> float:
    """docxtpl alone: load, render, save, for every document."""
    start = time.perf_counter()
    for number, document in enumerate(documents):
        template = DocxTemplate(str(find_template(document.template, document.override_dir)))
        template.render(document.context, jinja_env=environment())
        template.save(str(out / f"{number}.docx"))
    return time.perf_counter() - start


def full_build(out: Path) -> float:
    options = BuildOptions(out=out, regions_root=REPO / "regions")
    start = time.perf_counter()
    code = run_build(options, stream=io.StringIO(), errors=io.StringIO())
    elapsed = time.perf_counter() - start
    if code != 0:
        raise SystemExit(f"regiekit build mislukte (exitcode {code})")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    with tempfile.TemporaryDirectory() as work:
        documents = planned_documents(Path(work) / "plan")
        count = len(documents)
        bare(documents, Path(work))  # warm-up: imports, caches, first compile
        full_build(Path(work) / "warm")
        bare_times, build_times = [], []
        for round_number in range(rounds):
            bare_times.append(bare(documents, Path(work)))
            build_times.append(full_build(Path(work) / f"round-{round_number}"))
    bare_per_doc = min(bare_times) / count * 1000
    build_per_doc = min(build_times) / count * 1000
    ratio = build_per_doc / bare_per_doc
    print(f"{count} documenten, beste van {rounds} rondes")
    print(f"docxtpl kaal (laden+vullen+opslaan): {bare_per_doc:6.1f} ms per document")
    print(f"regiekit build (alles):              {build_per_doc:6.1f} ms per document")
    print(f"verhouding: {ratio:.2f} (grens {BUDGET})")
    return 0 if ratio <= BUDGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
