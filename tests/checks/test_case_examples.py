"""Every example case states its findings (rule id + line); they must match exactly, and every
rule of the catalogue must fail in some broken example and stay silent in the good ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from case_support import EXAMPLES, OPTIONS

from generator.casecheck import check_file, load_catalogue
from generator.casetests import expected_findings, run_case_test

CASES = sorted(EXAMPLES.glob("*.yaml"))


@pytest.mark.parametrize("path", CASES, ids=[path.stem for path in CASES])
def test_example_has_exactly_its_expected_findings(path: Path) -> None:
    outcome = run_case_test(path, OPTIONS)
    assert outcome is not None, f"{path.name} states no verwachte_bevindingen"
    assert outcome.actual == outcome.expected, outcome.explain()


def test_good_examples_are_silent() -> None:
    good = [path for path in CASES if "fout" not in path.stem]
    assert len(good) >= 7
    for path in good:
        assert expected_findings(path) == (), path.name


def test_every_rule_fails_in_a_broken_example() -> None:
    fired = {code for path in CASES for code, _ in expected_findings(path) or ()}
    rules = {rule.id for rule in load_catalogue(OPTIONS.rules_file)}
    assert rules <= fired, f"no failing example for {sorted(rules - fired)}"


def test_a_waiver_is_counted_not_dropped() -> None:
    result = check_file(EXAMPLES / "terneuzen-hulst-afwijking.yaml", OPTIONS)
    assert result.findings == []
    assert [finding.code for finding in result.waived] == ["OVERLEG-FREQUENTIE"]
    assert result.exit_code() == 0
