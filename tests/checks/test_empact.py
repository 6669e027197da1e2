"""The empact rules (seed 003): each with a variation of the good example case that passes and
one that fails; the region's parameters (the MDO's requirements, the BelRAI Screener threshold)
decide the verdict, and nothing the case wrote is ever printed."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from case_support import EXAMPLES, OPTIONS, region_copy

from generator.casecheck import CheckOptions, check_case
from generator.findings import Finding
from generator.loader import load_yaml, parse_yaml

Case = dict[str, Any]
GOOD: Case = load_yaml(EXAMPLES / "empact-mdo.yaml").data


def found(case: Case, options: CheckOptions = OPTIONS) -> list[Finding]:
    text = yaml.safe_dump(case, allow_unicode=True, sort_keys=False)
    result = check_case(parse_yaml(text, "casus.yaml"), options).result
    assert not result.unreadable
    return result.all_findings()


def findings(case: Case, options: CheckOptions = OPTIONS) -> list[tuple[str, tuple[Any, ...]]]:
    """(rule, path) of every finding `check` gives the case."""
    return sorted((finding.code, finding.path) for finding in found(case, options))


def changed(change: Callable[[Case], object]) -> Case:
    case = copy.deepcopy(GOOD)
    change(case)
    return case


def _mdo(case: Case) -> dict[str, Any]:
    return case["overleggen"][0]  # type: ignore[no-any-return]


def _regie(case: Case) -> dict[str, Any]:
    return case["regie"][0]  # type: ignore[no-any-return]


def _without_person(case: Case) -> None:
    _mdo(case)["deelnemers"].remove("client")


def _chaired_by_the_huisarts(case: Case) -> None:
    _mdo(case)["voorzitter"] = {"betrokkene": "huisarts"}


RULES: list[tuple[str, Callable[[Case], object], Callable[[Case], object], tuple[Any, ...]]] = [
    ("OVERLEG-AANVRAGER", lambda c: None,
     lambda c: _mdo(c).update(aangevraagd_door={"betrokkene": "zc-1"}),
     ("overleggen", 0, "aangevraagd_door")),
    ("OVERLEG-AANVRAGER", lambda c: None, lambda c: _mdo(c).pop("aangevraagd_door"),
     ("overleggen", 0, "datum")),
    ("OVERLEG-VOORZITTER", lambda c: None, _chaired_by_the_huisarts,
     ("overleggen", 0, "voorzitter")),
    ("OVERLEG-VOORZITTER", lambda c: None, lambda c: _mdo(c).pop("voorzitter"),
     ("overleggen", 0, "datum")),
    ("OVERLEG-DISCIPLINES", lambda c: _mdo(c)["deelnemers"].remove("gezinszorg-1"),
     lambda c: _mdo(c).update(deelnemers=["client", "zc-1", "kine-1"]),
     ("overleggen", 0, "deelnemers")),
    ("OVERLEG-TOESTEMMING", lambda c: _mdo(c).update(toestemming=_mdo(c)["datum"]),
     lambda c: _mdo(c).pop("toestemming"), ("overleggen", 0, "datum")),
    ("OVERLEG-AANWEZIGHEID",
     lambda c: (_without_person(c), _mdo(c).update(reden_afwezig="opgenomen")),
     _without_person, ("overleggen", 0, "deelnemers")),
    ("LEVENSDOELEN", lambda c: c["levensdoelen"].update(vastgelegd=_mdo(c)["datum"]),
     lambda c: c.pop("levensdoelen"), ("overleggen", 0, "datum")),
    ("TIJDELIJKE-ROL", lambda c: (_regie(c).pop("terug_op"), _regie(c).update(tot="2024-06-28")),
     lambda c: _regie(c).pop("terug_aan"), ("regie", 0, "van")),
    ("TIJDELIJKE-ROL", lambda c: _regie(c).update(terug_aan="client"),
     lambda c: _regie(c).update(terug_aan="gezinszorg-1"), ("regie", 0, "terug_aan")),
    ("PROTOCOL-UITGEWERKT", lambda c: c["uitgewerkte_protocollen"].append(
        {"protocol": "rode-knop", "datum": "2024-04-02", "gedeeld_met": ["gezinszorg-1"]}),
     lambda c: c.pop("uitgewerkte_protocollen"), ("betrokkenen", 3, "rol")),
]


def test_the_good_example_has_no_findings() -> None:
    assert findings(GOOD) == []


@pytest.mark.parametrize(("rule", "passing", "failing", "path"), RULES,
                         ids=[f"{rule}-{n}" for n, (rule, *_) in enumerate(RULES)])
def test_each_rule_passes_and_fails(rule: str, passing: Callable[[Case], object],
                                    failing: Callable[[Case], object],
                                    path: tuple[Any, ...]) -> None:
    assert findings(changed(passing)) == []
    assert findings(changed(failing)) == [(rule, path)]


def test_the_mdo_requirements_are_the_regions(tmp_path: Path) -> None:
    """Two disciplines at the table: a fout under empact's three, none when the region asks two;
    and none at all for a meeting without requirements."""
    two = changed(lambda c: _mdo(c).update(deelnemers=["client", "zc-1", "kine-1"]))
    assert [code for code, _ in findings(two)] == ["OVERLEG-DISCIPLINES"]
    assert findings(two, region_copy(tmp_path / "twee", "empact", "disciplines: 3",
                                     "disciplines: 2")) == []
    no_requirements = region_copy(tmp_path / "geen", "empact", "persoon_aanwezig: true",
                                  "persoon_aanwezig: false")
    absent = changed(_without_person)
    assert [code for code, _ in findings(absent)] == ["OVERLEG-AANWEZIGHEID"]
    assert findings(absent, no_requirements) == []


SCREENER_HIGH = [{"hulpmiddel": "belrai-screener", "datum": "2024-03-06", "score": 4.5}]


def test_no_belrai_threshold_is_published_so_none_is_checked(tmp_path: Path) -> None:
    """empact leaves the threshold empty: a high screener score without a full BelRAI passes.
    With a region threshold of 4 it is a fout until a full BelRAI follows on or after it; a
    score below the threshold, or a full BelRAI before the screener, changes nothing."""
    case = changed(lambda c: c.update(beoordelingen=SCREENER_HIGH))
    assert findings(case) == []
    options = region_copy(tmp_path, "empact", "      vervolg: belrai\n",
                          "      waarde: 4\n      vervolg: belrai\n")
    assert findings(case, options) == [("BEOORDELING-DREMPEL", ("beoordelingen", 0, "datum"))]
    (finding,) = found(case, options)
    assert "drempel 4 van de regio" in finding.message and "4,5" not in finding.message
    before = changed(lambda c: c.update(beoordelingen=[
        {"hulpmiddel": "belrai", "datum": "2024-03-01"}, *SCREENER_HIGH]))
    assert [code for code, _ in findings(before, options)] == ["BEOORDELING-DREMPEL"]
    after = changed(lambda c: c.update(beoordelingen=[
        *SCREENER_HIGH, {"hulpmiddel": "belrai", "datum": "2024-03-20"}]))
    assert findings(after, options) == []
    low = changed(lambda c: c.update(beoordelingen=[{**SCREENER_HIGH[0], "score": 3.5}]))
    assert findings(low, options) == []


def test_messages_never_repeat_what_the_case_wrote() -> None:
    """Disciplines, the reason of absence and scores are written in the case: never printed."""
    case = changed(lambda c: (
        _mdo(c).update(deelnemers=["zb-1", "kine-1"], reden_afwezig=" ",
                       voorzitter={"betrokkene": "kine-1"}),
        c["betrokkenen"][3].update(discipline="fysiotherapie-jansen"),
        c["levensdoelen"].update(vastgelegd="2024-04-01")))
    messages = " ".join(finding.message for finding in found(case))
    assert {code for code, _ in findings(case)} == {
        "OVERLEG-DISCIPLINES", "OVERLEG-AANWEZIGHEID", "OVERLEG-VOORZITTER", "LEVENSDOELEN"}
    assert "jansen" not in messages and "kine-1" not in messages
