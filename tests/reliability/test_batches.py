"""`check` over many cases: a region that cannot be used stops only its own cases (reported
unable to run, exit 2), the others are checked; a case is named by its id only when that id is
valid; a 10,000-step ladder validates, checks and plans."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from reliability_support import REPO, copy_regions, long_ladder, read, run, write

CASES = REPO / "examples" / "cases"
RULES = ["--rules", str(REPO / "rules" / "regels.yaml")]


@pytest.fixture
def batch(tmp_path: Path) -> tuple[Path, Path]:
    """Regions with a broken ZOU (a ladder that loops), and cases of Apeldoorn and ZOU."""
    regions = copy_regions(tmp_path, "apeldoorn", "zou")
    zou = read(regions / "zou" / "regio.yaml")
    long_ladder(zou, 1_000, back_to=1)
    write(regions / "zou" / "regio.yaml", zou)
    cases = tmp_path / "casussen"
    cases.mkdir()
    for case in ("apeldoorn-complexe-casus.yaml", "apeldoorn-sprong-fout.yaml",
                 "zou-gedwongen-jeugd.yaml", "zou-echtpaar-huisarts.yaml"):
        shutil.copy(CASES / case, cases / case)
    return regions, cases


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_broken_region_stops_only_its_own_cases(batch: tuple[Path, Path], jobs: str) -> None:
    regions, cases = batch
    result = run("check", "--regions", str(regions), *RULES, "--jobs", jobs, "--format", "json",
                 str(cases))
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    unable = {Path(f["bestand"]).name: f for f in report["onleesbaar"]}
    assert set(unable) == {"zou-gedwongen-jeugd.yaml", "zou-echtpaar-huisarts.yaml"}
    assert all(f["code"] == "REGIO-ONGELDIG" and "LADDER-CYCLUS" in f["melding"]
               for f in unable.values())
    checked = {Path(f["bestand"]).name for f in report["bevindingen"]}
    assert "apeldoorn-sprong-fout.yaml" in checked  # the other region's cases were checked
    assert report["samenvatting"]["bestanden"] == 4


def test_a_case_is_named_by_its_file_unless_its_id_is_valid(tmp_path: Path) -> None:
    case = read(CASES / "apeldoorn-sprong-fout.yaml")
    case["casus"] = "J. Jansen"
    path = write(tmp_path / "casus.yaml", case)
    result = run("check", "--regions", str(REPO / "regions"), *RULES, "--format", "json",
                 str(path))
    subjects = {f["onderwerp"] for f in json.loads(result.stdout)["bevindingen"]}
    assert subjects == {str(path)}
    valid = run("check", "--regions", str(REPO / "regions"), *RULES, "--format", "json",
                str(CASES / "apeldoorn-sprong-fout.yaml"))
    assert {f["onderwerp"] for f in json.loads(valid.stdout)["bevindingen"]} == {
        "apeldoorn-sprong-fout"}


def test_a_ten_thousand_step_ladder_checks_and_plans(tmp_path: Path) -> None:
    regions = copy_regions(tmp_path, "apeldoorn")
    region = read(regions / "apeldoorn" / "regio.yaml")
    long_ladder(region, 10_000)
    write(regions / "apeldoorn" / "regio.yaml", region)
    data = read(CASES / "apeldoorn-complexe-casus.yaml")
    data["escalaties"][-1]["uitkomst"] = "geen-resultaat"  # step 4 found nothing: 5 is next
    case = write(tmp_path / "casus.yaml", data)
    checked = run("check", "--regions", str(regions), *RULES, "--format", "json", str(case))
    assert checked.exit_code in (0, 1), checked.output
    report = json.loads(checked.stdout)
    assert report["onleesbaar"] == [] and report["samenvatting"]["bestanden"] == 1
    planned = run("next", "--regions", str(regions), *RULES, "--format", "json", str(case))
    assert planned.exit_code == 0, planned.output
    routes = json.loads(planned.stdout)["routes"]
    assert [step["nummer"] for route in routes for step in route["volgende"]] == [5]


def test_own_words_against_twenty_thousand_problem_areas(tmp_path: Path) -> None:
    """A case's own words are compared with the region's problem areas through an index, not
    each with each (difflib over all areas took 98 s for these 3,334 words)."""
    from reliability_support import _typo

    regions = copy_regions(tmp_path, "middelburg")
    region = read(regions / "middelburg" / "regio.yaml")
    meant = [f"gebied-{n:05d}-{'abcdefghij'[n % 10]}" for n in range(20_000)]
    region["probleemgebieden"] += [{"id": area, "naam": f"Gebied {n}", "omschrijving": "Een."}
                                   for n, area in enumerate(meant)]
    write(regions / "middelburg" / "regio.yaml", region)
    case = read(CASES / "middelburg-casusregisseur.yaml")
    typos = [_typo(area, n) for n, area in enumerate(meant[::10])]
    typos = [typo for typo in typos if typo not in meant]  # a swap of two equal digits is none
    case["probleemgebieden"] = typos + [f"eigen-woord-{n}" for n in range(2_000)]
    path = write(tmp_path / "casus.yaml", case)
    result = run("check", "--regions", str(regions), *RULES, "--format", "json", str(path))
    findings = json.loads(result.stdout)["bevindingen"]
    assert [f["code"] for f in findings] == ["CASUS-VERWIJZING"] * len(typos)
    assert findings[0]["melding"].endswith("bijna gelijk aan Gebied 0 (gebied-00000-a); "
                                           "bedoelde u 'gebied-00000-a'?")
