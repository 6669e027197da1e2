"""Benchmark `regiekit build` per document against a bare docxtpl load+render+save.

Both sides render the same templates with the same contexts in the same run. The bare side is
what any docxtpl script does (DocxTemplate(path), render(context), save(path)), with the same
diagrams inserted as docxtpl InlineImages; the build side is the whole `regiekit build`: loading
and validating the YAML, building the contexts, rendering, inserting the diagrams with their alt
text, fixing properties and zip timestamps, and writing atomically. Prints both per-document
times and their ratio, in wall-clock time and in CPU time (this process plus the git processes
the build runs for the version history); exits 1 when either ratio exceeds the budget (1.3).

On a shared machine the wall-clock ratio moves with the load (the build runs longer than the bare
side, so it is less likely to find a quiet stretch for its whole length); CPU time counts only
the work done, so its ratio is the steadier figure. Each side's best round is taken.

Drawing the diagrams (matplotlib) is measured on its own and left out of both sides: each round
draws every diagram from scratch (timed), then the build and the bare side use those PNGs. A
build draws each distinct diagram once per process; a cold build pays the drawing plus
matplotlib's import once, both printed below.

    python bench/bench_build.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from docx.shared import Cm  # noqa: E402
from docxtpl import DocxTemplate, InlineImage  # noqa: E402

from generator.documents.build import (  # noqa: E402
    BuildOptions,
    agreement_files,
    find_template,
    plan_capacity,
    plan_comparison,
    plan_region,
    region_names,
    run_build,
)
from generator.documents.environment import environment  # noqa: E402
from generator.documents.figures import Picture, render_png  # noqa: E402
from generator.regions import load_region  # noqa: E402

BUDGET = 1.3


def planned_documents(out: Path) -> list:
    """Every document `regiekit build` writes, planned as build_region plans them: each region's
    coordination documents, each care desk's onderbouwing, the comparison."""
    from generator.capacity.run import load_capacity_region

    options = BuildOptions(out=out, regions_root=REPO / "regions")
    regions, documents = [], []
    for name in region_names(options):
        coordination, desks = agreement_files(name, options.regions_root)
        if coordination:
            regions.append(load_region(coordination, options.regions_root))
            documents += plan_region(regions[-1], out)
        if desks:
            documents += plan_capacity(load_capacity_region(desks), out)
    return documents + [plan_comparison(regions, out)]


def pictures(value: object) -> list[Picture]:
    """Every Picture in a context."""
    if isinstance(value, Picture):
        return [value]
    if isinstance(value, dict):
        return [p for item in value.values() for p in pictures(item)]
    if isinstance(value, list):
        return [p for item in value for p in pictures(item)]
    return []


def with_inline_images(value: object, template: DocxTemplate) -> object:
    """The context as a plain docxtpl script would pass it: InlineImages of the same PNGs."""
    if isinstance(value, Picture):
        return InlineImage(template, io.BytesIO(value.png), width=Cm(value.width_cm))
    if isinstance(value, dict):
        return {key: with_inline_images(item, template) for key, item in value.items()}
    if isinstance(value, list):
        return [with_inline_images(item, template) for item in value]
    return value


def draw_all(drawings: list) -> float:
    """Draw every distinct diagram from scratch; the time it takes."""
    render_png.cache_clear()
    start = time.perf_counter()
    for drawing in drawings:
        render_png(drawing)
    return time.perf_counter() - start


def matplotlib_import_seconds() -> float:
    """What a cold build pays once to import matplotlib's Agg backend (a fresh interpreter)."""
    code = ("import time; t = time.perf_counter(); "
            "import matplotlib.backends.backend_agg, matplotlib.figure; "
            "print(time.perf_counter() - t)")
    result = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                            text=True)
    return float(result.stdout)


def cpu_seconds() -> float:
    """CPU time of this process and of the child processes it waited for (git)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def bare(documents: list, out: Path) -> tuple[float, float]:
    """docxtpl alone: load, render, save, for every document; wall-clock and CPU seconds."""
    start, cpu = time.perf_counter(), cpu_seconds()
    for number, document in enumerate(documents):
        template = DocxTemplate(str(find_template(document.template, document.override_dir)))
        template.render(with_inline_images(document.context, template),
                        jinja_env=environment())
        template.save(str(out / f"{number}.docx"))
    return time.perf_counter() - start, cpu_seconds() - cpu


def full_build(out: Path) -> tuple[float, float]:
    """The whole `regiekit build` in this process; wall-clock and CPU seconds."""
    options = BuildOptions(out=out, regions_root=REPO / "regions")
    start, cpu = time.perf_counter(), cpu_seconds()
    code = run_build(options, stream=io.StringIO(), errors=io.StringIO())
    elapsed = time.perf_counter() - start, cpu_seconds() - cpu
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
        drawings = list(dict.fromkeys(p.drawing for d in documents for p in pictures(d.context)))
        shown = sum(len(pictures(d.context)) for d in documents)
        importing = matplotlib_import_seconds()
        draw_all(drawings)  # warm-up: imports, caches, first compile
        bare(documents, Path(work))
        full_build(Path(work) / "warm")
        draw_times, bare_times, build_times = [], [], []
        for round_number in range(rounds):
            draw_times.append(draw_all(drawings))
            bare_times.append(bare(documents, Path(work)))
            build_times.append(full_build(Path(work) / f"round-{round_number}"))
    ratios = {}
    for label, index in (("wandkloktijd", 0), ("CPU-tijd", 1)):
        bare_ms = min(t[index] for t in bare_times) / count * 1000
        build_ms = min(t[index] for t in build_times) / count * 1000
        ratios[label] = build_ms / bare_ms
        print(f"{label}: docxtpl kaal (laden+vullen+opslaan) {bare_ms:6.1f} ms per document, "
              f"regiekit build (alles) {build_ms:6.1f} ms; verhouding {ratios[label]:.2f} "
              f"(grens {BUDGET})")
    draw_ms = min(draw_times) * 1000
    build_per_doc = min(t[0] for t in build_times) / count * 1000
    print(f"{count} documenten met {shown} schema's ({len(drawings)} verschillende), "
          f"beste van {rounds} rondes")
    print(f"schema's tekenen (apart): {draw_ms:.0f} ms voor {len(drawings)} schema's, "
          f"{draw_ms / max(len(drawings), 1):.0f} ms per schema; matplotlib importeren "
          f"{importing * 1000:.0f} ms, eenmaal per build")
    print(f"koude build, per document: {build_per_doc + draw_ms / count:.1f} ms plus import")
    return 0 if max(ratios.values()) <= BUDGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
