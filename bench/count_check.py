"""Instructions per case of `check`, counted by valgrind (callgrind), for one or more checkouts.

A count of instructions does not depend on what else the machine is doing, so two versions of
regiekit can be compared on a busy machine where wall-clock figures vary by a third from run to
run. Each checkout runs in its own `.venv`; the cases are generated once (as bench_check.py does)
and every checkout checks the same files. What is counted: a process that imports
`generator.casecheck` and checks the first N cases in one process, minus the same process with
N = 0 (so imports are left out; loading the regions, once per process, is in).

Usage: python bench/count_check.py [--cases 3000] [CHECKOUT ...]   (default: this checkout)
Needs valgrind; one run of 3,000 cases takes a few minutes.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_check import REPO, generate

RUN = """
import sys
from pathlib import Path
repo, folder, count = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
sys.path.insert(0, str(repo))
from generator.casecheck import CheckOptions, check_files, iter_case_files
options = CheckOptions(regions_root=repo / "regions", rules_file=repo / "rules" / "regels.yaml")
check_files(list(iter_case_files([folder]))[:count], options)
"""


def instructions(checkout: Path, folder: Path, count: int) -> int:
    """Instructions of one process that checks the first `count` cases in `folder`."""
    python = checkout / ".venv" / "bin" / "python"
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", str(python), "-c", RUN,
         str(checkout), str(folder), str(count)],
        cwd=checkout, capture_output=True, text=True, check=True)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise SystemExit(f"no instruction count from valgrind for {checkout}:\n{done.stderr}")
    return int(found.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=3000)
    parser.add_argument("checkouts", nargs="*", type=Path, default=[REPO])
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        print("count_check: valgrind is not installed", file=sys.stderr)
        return 2
    figures = {}
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        generate(folder, args.cases)
        for checkout in args.checkouts:
            checkout = checkout.resolve()
            cost = instructions(checkout, folder, args.cases) - instructions(checkout, folder, 0)
            figures[str(checkout)] = round(cost / args.cases / 1e6, 3)
    print(json.dumps({"cases": args.cases, "million_instructions_per_case": figures}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
