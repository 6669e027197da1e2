"""Shared paths for the case-check tests: the repository's regions, rules and examples."""

from __future__ import annotations

from pathlib import Path

from generator.casecheck import CheckOptions

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples" / "cases"
OPTIONS = CheckOptions(regions_root=REPO / "regions", rules_file=REPO / "rules" / "regels.yaml")
