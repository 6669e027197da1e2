"""The shared meldcode: valid, built once, referred to by every Dutch region and copied by none."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.loader import load_yaml
from generator.model.protocol import ActionKind, Answer
from generator.model.region import build_region
from generator.scaffold import create
from generator.shared_protocols import PACKAGED_PROTOCOLS, library
from generator.validation import validate_files

ROOT = Path(__file__).resolve().parents[2]
REGION_FILES = sorted((ROOT / "regions").glob("*/regio.yaml"))


@pytest.fixture(scope="module")
def scaffolded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The regio.yaml that `regiekit init` writes."""
    folder = tmp_path_factory.mktemp("regio-x")
    create(folder)
    return folder / "regio.yaml"


def test_the_shipped_meldcode_is_valid_and_ships_with_the_package() -> None:
    result = validate_files(sorted((ROOT / "protocols").glob("*.yaml")))
    assert not result.all_findings(), [f.message for f in result.all_findings()]
    assert (PACKAGED_PROTOCOLS / "meldcode.yaml").resolve() == \
        (ROOT / "protocols" / "meldcode.yaml").resolve()


def test_the_meldcode_model_reads_steps_questions_and_profiles() -> None:
    meldcode = library(ROOT / "protocols").get("meldcode")
    assert meldcode is not None
    assert [step.number for step in meldcode.steps] == [1, 2, 3, 4, 5]
    assert [item.id for item in meldcode.step(2).records] == ["met-wie", "wat", "wanneer"]
    assert meldcode.step(2).veilig_thuis_counts and meldcode.step(3).skip is not None
    q2 = meldcode.framework.question(2)
    assert q2.yes.action.kind == ActionKind.REPORT and q2.yes.with_veilig_thuis
    assert q2.yes.next is meldcode.framework.question(3)
    assert q2.branch(Answer.NO).action is None
    assert meldcode.framework.question(5).no.action.new_report
    knmg, jgz = meldcode.profile("knmg"), meldcode.profile("jgz")
    assert {knmg.step_of(n) for n in range(1, 6)} == {5}
    assert [jgz.step_of(n) for n in range(1, 6)] == [4, 4, 5, 5, 5]
    assert [duty.step_number for duty in knmg.duties] == [2] and knmg.protocol is meldcode
    assert meldcode.source.describe().startswith("Wet verplichte meldcode")


def test_every_path_through_the_afwegingskader_ends_in_an_action() -> None:
    framework = library(ROOT / "protocols").get("meldcode").framework
    endings = []

    def walk(number: int, seen: tuple[tuple[int, str], ...]) -> None:
        question = framework.question(number)
        for answer in Answer.ALL:
            branch = question.branch(answer)
            if branch.next is None:
                endings.append((seen + ((number, answer),), branch.action.kind))
            else:
                walk(branch.next.number, seen + ((number, answer),))

    walk(framework.start_number, ())
    # 1 nee; and after 2 ja or 2 nee: 3 nee, 4 nee, 5 ja, 5 nee
    assert len(endings) == 9
    assert endings[-1] == (((1, "nee"),), ActionKind.CLOSE)
    assert all(kind in (ActionKind.CLOSE, ActionKind.REPORT) for _, kind in endings)


@pytest.mark.parametrize("shipped", [*REGION_FILES, None],
                         ids=lambda p: p.parent.name if p else "init")
def test_no_region_copies_the_meldcode(shipped: Path | None, scaffolded: Path) -> None:
    """Every Dutch region, and the one `init` writes, refers to the shared meldcode; none
    describes it as its own."""
    path = shipped or scaffolded
    document = load_yaml(path)
    codes = {f.code for f in validate_files([path]).all_findings()}
    assert not codes & {"PROTOCOL-KOPIE", "PROTOCOL-ONTBREEKT"}
    region = build_region(document)
    own = [p for p in region.protocols if p.shared is None]
    assert not [p for p in own if "meldcode" in p.name.casefold() or p.id == "meldcode"]
    shared = {p.shared.id for p in region.protocols if p.shared is not None}
    assert ("meldcode" in shared) == (region.country == "NL")


def test_a_region_that_copies_the_meldcode_is_told_to_refer_to_it(tmp_path: Path,
                                                                   scaffolded: Path) -> None:
    text = scaffolded.read_text(encoding="utf-8").replace(
        "    gedeeld: meldcode\n    profielen:\n      - basismodel\n",
        "    naam: Meldcode huiselijk geweld en kindermishandeling\n"
        "    omschrijving: De vijf stappen van de meldcode.\n")
    copy = tmp_path / "regio.yaml"
    copy.write_text(text, encoding="utf-8")
    findings = validate_files([copy]).all_findings()
    expected = [("PROTOCOL-KOPIE", _line(text, "- id: meldcode"))]
    assert [(f.code, f.line) for f in findings] == expected
    assert "gedeeld: meldcode" in findings[0].message


def test_a_shared_protocol_named_by_a_region_gives_its_name_and_profiles() -> None:
    region = build_region(load_yaml(ROOT / "regions" / "zou" / "regio.yaml"))
    (meldcode,) = region.protocols
    assert meldcode.name == "Meldcode huiselijk geweld en kindermishandeling"
    assert [profile.id for profile in meldcode.profiles] == ["basismodel", "knmg"]
    apeldoorn = build_region(load_yaml(ROOT / "regions" / "apeldoorn" / "regio.yaml"))
    assert [p.id for p in apeldoorn.protocols[0].profiles] == ["basismodel", "knmg", "jgz",
                                                             "onderwijs"]
    assert apeldoorn.protocols[0].cited.document.title.startswith("Wet verplichte meldcode")


def _line(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1) if needle in line)
