"""Cases written from the seeds' own text, as a new user would (issue 8), with what `regiekit
check` and `regiekit next` must say about them, word for word.

Each `tests/data/seed-cases/<name>.yaml` opens with the seed text it follows; beside it,
`<name>.check` holds the exact output of `regiekit check` on it (run from the repository, so the
file is named by its relative path) and, where present, `<name>.next` that of `regiekit next`. A
new case is a new pair of files. Nothing written in a case (its free text, its goals) may appear
in either output.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from case_support import OPTIONS, REPO, run

from generator.casecheck import check_case
from generator.loader import load_yaml
from generator.model.case import Case

SEED_CASES = REPO / "tests" / "data" / "seed-cases"
CASES = sorted(SEED_CASES.glob("*.yaml"))


def _relative(path: Path) -> str:
    return str(path.relative_to(REPO))


def _model(path: Path) -> Case:
    case = check_case(load_yaml(path), OPTIONS).case
    assert case is not None, path.name
    return case


def _free_text(case: Case) -> list[str]:
    """The case's own words: its description, its plans' goals, its waivers' reasons."""
    return [text for text in (case.description, *(goal for plan in case.plans
                                                   for goal in plan.goals),
                              *(waiver.reason for waiver in case.waivers)) if text]


@pytest.fixture
def at_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


@pytest.mark.usefixtures("at_repo")
@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
def test_check_says_exactly_this(case: Path) -> None:
    expected = case.with_suffix(".check").read_text(encoding="utf-8")
    result = run("check", "--no-color", "--format", "text", _relative(case))
    assert result.output == expected
    assert result.exit_code == (1 if "[fout]" in expected else 0)
    assert case.stem.endswith("-fout") == ("[fout]" in expected), "name broken cases -fout"


@pytest.mark.usefixtures("at_repo")
@pytest.mark.parametrize("case", [case for case in CASES if case.with_suffix(".next").exists()],
                         ids=lambda case: case.stem)
def test_next_says_exactly_this(case: Path) -> None:
    result = run("next", _relative(case))
    assert result.exit_code == 0, result.output
    assert result.output == case.with_suffix(".next").read_text(encoding="utf-8")


@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
def test_no_free_text_of_the_case_is_printed(case: Path) -> None:
    written = _free_text(_model(case))
    assert written or case.stem.endswith("-fout"), "a good case states its goals"
    outputs = [case.with_suffix(suffix) for suffix in (".check", ".next")]
    shown = "".join(path.read_text(encoding="utf-8") for path in outputs if path.exists())
    assert [text for text in written if text in shown] == []


def test_every_party_kind_and_region_is_written_down() -> None:
    """The set covers every region with case rules and external parties of several kinds."""
    models = [_model(case) for case in CASES]
    regions = {model.region.id for model in models}
    assert regions == {"zou", "schouwen-duiveland", "middelburg", "terneuzen-hulst",
                       "apeldoorn", "empact"}
    kinds = {party.external for model in models for party in model.members}
    assert {"huisarts", "onderwijs", "kinderopvang", "informeel-netwerk"} <= kinds
