"""Every example case states its findings (rule id + line); they must match exactly, and every
rule of the catalogue must fail in some broken example and stay silent in the good ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from case_support import EXAMPLES, OPTIONS

from generator.casecheck import check_case, check_file, load_catalogue
from generator.casetests import expected_findings, run_case_test
from generator.loader import load_yaml

CASES = sorted(EXAMPLES.glob("*.yaml"))


@pytest.mark.parametrize("path", CASES, ids=[path.stem for path in CASES])
def test_example_has_exactly_its_expected_findings(path: Path) -> None:
    outcome = run_case_test(path, OPTIONS)
    assert outcome is not None, f"{path.name} states no verwachte_bevindingen"
    assert outcome.passed, outcome.explain()


def test_good_examples_are_silent() -> None:
    good = [path for path in CASES if not path.stem.endswith(("-fout", "-waarschuwing"))]
    assert len(good) >= 9
    for path in good:
        assert expected_findings(path) == (), path.name


def test_warning_examples_only_warn() -> None:
    """A situation the agreement does not cover is a waarschuwing, never a fout: exit 0."""
    warning = [path for path in CASES if path.stem.endswith("-waarschuwing")]
    assert warning
    for path in warning:
        result = check_file(path, OPTIONS)
        assert result.findings and result.exit_code() == 0, path.name
        assert result.exit_code(strict=True) == 1

UNSET_IN_SHIPPED_REGIONS = {"BEOORDELING-DREMPEL"}
"""Rules that read a region parameter no shipped region sets (no BelRAI Screener threshold is
published, so empact leaves it empty): their failing cases are in test_empact.py, against a copy
of the region that sets one."""


def test_every_rule_fails_in_a_broken_example() -> None:
    fired = {expected.code for path in CASES for expected in expected_findings(path) or ()}
    rules = {rule.id for rule in load_catalogue(OPTIONS.rules_file)}
    assert rules - UNSET_IN_SHIPPED_REGIONS <= fired, \
        f"no failing example for {sorted(rules - UNSET_IN_SHIPPED_REGIONS - fired)}"
    assert not UNSET_IN_SHIPPED_REGIONS & fired


def test_a_waiver_is_counted_not_dropped() -> None:
    result = check_file(EXAMPLES / "terneuzen-hulst-afwijking.yaml", OPTIONS)
    assert result.findings == []
    assert [finding.code for finding in result.waived] == ["OVERLEG-FREQUENTIE"]
    assert result.exit_code() == 0


@pytest.mark.parametrize("path", CASES, ids=[path.stem for path in CASES])
def test_every_source_is_a_document_of_the_cases_region(path: Path) -> None:
    """A finding cites its region's own documents (or a shared protocol the region refers
    to), never the rule catalogue's generic source."""
    checked = check_case(load_yaml(path), OPTIONS)
    assert checked.case is not None, path.name
    region = checked.case.region
    titles = {*([region.document.title] if region.document else []),
              *(source.title for source in region.sources),
              *(source.title for protocol in region.protocols if protocol.shared
                for source in protocol.shared.sources)}
    cited = [finding.source or "" for finding in checked.result.all_findings()]
    assert [source for source in cited if not source.startswith(tuple(titles))] == []
