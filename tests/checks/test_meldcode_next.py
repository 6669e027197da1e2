"""`regiekit next` tells which meldcode step or question is due, by the shared protocol's names."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml
from case_support import EXAMPLES, OPTIONS, run
from test_meldcode import STEP_DATES, Trajectory, case_with, correct, steps

from generator.nextstep import plan_next


def due(tmp_path: Path, trajectory: Trajectory) -> tuple[str, str | None]:
    path = tmp_path / "casus.yaml"
    path.write_text(yaml.safe_dump(case_with(trajectory), allow_unicode=True), encoding="utf-8")
    (item,) = plan_next(path, OPTIONS).meldcode
    return item.aan_de_beurt, item.uiterlijk


def begun(profile: str, *numbers: int) -> Trajectory:
    trajectory = copy.deepcopy(correct(profile))
    trajectory.update(stappen=steps(*numbers), veilig_thuis=[], antwoorden=[], hulp=[])
    del trajectory["afsluiting"]
    return trajectory


def test_the_next_step_with_the_profiles_duty(tmp_path: Path) -> None:
    assert due(tmp_path, begun("knmg", 1)) == (
        "aan de beurt: stap 2 (Collegiale consultatie, zo nodig Veilig Thuis raadplegen); In "
        "stap 2 vraagt de arts advies aan Veilig Thuis, of legt vast waarom niet.", None)


def test_a_question_is_due_in_the_step_the_profile_places_it(tmp_path: Path) -> None:
    """After step 4: JGZ answers question 1 now, the basismodel first takes step 5."""
    jgz, basis = begun("jgz", 1, 2, 3, 4), begun("basismodel", 1, 2, 3, 4)
    assert due(tmp_path, jgz)[0].startswith("aan de beurt: afweging 1 in stap 4: Is er, na de")
    assert due(tmp_path, basis)[0] == "aan de beurt: stap 5 (Beslissen)"


def test_after_help_question_5_is_due_by_the_evaluation_date(tmp_path: Path) -> None:
    trajectory = copy.deepcopy(correct())
    trajectory["antwoorden"].pop()
    del trajectory["afsluiting"]
    text, by = due(tmp_path, trajectory)
    assert text.startswith("aan de beurt: afweging 5 in stap 5: Leidt de hulp") and \
        by == "2024-04-22"


def test_what_an_answer_asked_for_comes_first(tmp_path: Path) -> None:
    trajectory = copy.deepcopy(correct())
    trajectory["antwoorden"][1]["antwoord"] = "ja"  # acute onveiligheid, not yet reported
    del trajectory["antwoorden"][2:], trajectory["afsluiting"]
    assert due(tmp_path, trajectory) == (
        "aan de beurt: Melden bij Veilig Thuis (na afweging 2 ja)", None)


def test_a_closed_trajectory_and_the_text_output(tmp_path: Path) -> None:
    assert due(tmp_path, correct()) == ("afgesloten op 2024-04-22", None)
    path = tmp_path / "casus.yaml"
    result = run("next", "--regions", str(OPTIONS.regions_root), "--rules",
                 str(OPTIONS.rules_file), str(path))
    assert result.exit_code == 0
    assert "- meldcodetraject 1 (profiel Basismodel): stap 5 gezet; afgesloten op 2024-04-22" \
        in result.output
    assert STEP_DATES[0] not in result.output  # only what next plans, not the case's history


EXAMPLE_LINES = {
    "zou-meldcode-huisarts": ["- meldcodetraject 1 (profiel Artsen (KNMG)): stap 5 gezet; "
                              "afgesloten op 2024-04-22"],
    "zou-meldcode-huisarts-fout": ["- meldcodetraject 1 (profiel Artsen (KNMG)): stap 5 gezet; "
                                   "aan de beurt: (Opnieuw) melden bij Veilig Thuis (na afweging "
                                   "5 nee)"],
    "zou-meldcode-onveilig": ["- meldcodetraject 1 (profiel Basismodel): stap 5 gezet; het "
                              "afwegingskader is doorlopen; niets meer aan de beurt"],
    "zou-meldcode-tweede-traject-fout": [
        "- meldcodetraject 1 (profiel Artsen (KNMG)): stap 5 gezet; aan de beurt: Afsluiten en "
        "vastleggen (na afweging 1 nee)",
        "- meldcodetraject 2 (profiel Basismodel): stap 5 gezet; aan de beurt: Hulp bieden of "
        "organiseren (na afweging 4 ja)"],
}


@pytest.mark.parametrize("name", sorted(EXAMPLE_LINES))
def test_next_on_the_example_trajectories(name: str) -> None:
    """`regiekit next` on the example cases: per trajectory one line, in the case's order."""
    result = run("next", "--regions", str(OPTIONS.regions_root), "--rules",
                 str(OPTIONS.rules_file), str(EXAMPLES / f"{name}.yaml"))
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("- meldcode")]
    assert lines == EXAMPLE_LINES[name]
