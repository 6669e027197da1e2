"""The meldcode rules: each with a case that passes and one that fails, a case for every path
through the afwegingskader (generated from the shared data's question graph), and a change in the
shared data that changes the verdict without a code change."""

from __future__ import annotations

import copy
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from case_support import OPTIONS, REPO

from generator.casecheck import check_case
from generator.loader import parse_yaml
from generator.model.protocol import ActionKind, Answer, Framework
from generator.shared_protocols import library

MELDCODE = library(REPO / "protocols").get("meldcode")
STEP_DATES = ["2024-02-05", "2024-02-07", "2024-02-12", "2024-02-14", "2024-02-16"]
Trajectory = dict[str, Any]


REGION_OF = {"basismodel": "zou", "knmg": "zou", "jgz": "middelburg", "onderwijs": "middelburg"}
"""A region that chose the profile (ZOU: basismodel and KNMG; the Zeeland regions: jgz too)."""


def case_with(trajectory: Trajectory) -> dict[str, Any]:
    return {"casus": "meldcode-test", "regio": REGION_OF[trajectory["profiel"]],
            "kader": "vrijwillig", "doelgroep": "jeugd",
            "huishouden": [{"id": "moeder", "rol": "moeder"}, {"id": "kind", "rol": "kind"}],
            "betrokkenen": [{"id": "huisarts", "extern": "huisarts"}],
            "meldcode": [trajectory]}


def findings(trajectory: Trajectory) -> list[tuple[str, tuple[str | int, ...]]]:
    """(rule, path) of every finding `check` gives the case with this one trajectory."""
    text = yaml.safe_dump(case_with(trajectory), allow_unicode=True, sort_keys=False)
    result = check_case(parse_yaml(text, "casus.yaml"), OPTIONS).result
    assert not result.unreadable
    return sorted((finding.code, finding.path) for finding in result.all_findings())


def steps(*numbers: int) -> list[dict[str, Any]]:
    """Step records, each with everything its shared step asks to record."""
    return [{"stap": n, "datum": STEP_DATES[n - 1],
             "vastgelegd": [item.id for item in MELDCODE.step(n).records]} for n in numbers]


def correct(profile: str = "basismodel") -> Trajectory:
    """1 ja, 2 nee, 3 ja, 4 ja (help, evaluated), 5 ja (closed with arrangements)."""
    return {
        "protocol": "meldcode", "profiel": profile, "door": {"betrokkene": "huisarts"},
        "stappen": steps(1, 2, 3, 4, 5),
        "veilig_thuis": [{"datum": STEP_DATES[1], "stap": 2}],
        "antwoorden": [{"afweging": n, "antwoord": a, "datum": d} for n, a, d in (
            (1, "ja", "2024-02-16"), (2, "nee", "2024-02-16"), (3, "ja", "2024-02-16"),
            (4, "ja", "2024-02-19"), (5, "ja", "2024-04-22"))],
        "hulp": [{"start": "2024-02-19", "evaluatie": "2024-04-22"}],
        "afsluiting": {"datum": "2024-04-22", "vastgelegd": ["besluit", "afspraken-veiligheid"]},
    }


def changed(change: Callable[[Trajectory], None], profile: str = "basismodel") -> Trajectory:
    trajectory = copy.deepcopy(correct(profile))
    change(trajectory)
    return trajectory


def test_a_complete_trajectory_has_no_findings() -> None:
    for profile in ("basismodel", "knmg", "jgz", "onderwijs"):
        assert findings(correct(profile)) == [], profile


def _answer(trajectory: Trajectory, number: int) -> dict[str, Any]:
    return next(a for a in trajectory["antwoorden"] if a["afweging"] == number)


# --- every rule: a variation that passes and one that fails -----------------------------------

def _vt_instead_of_step_2(t: Trajectory) -> None:
    del t["stappen"][1]


def _step_2_after_step_3(t: Trajectory) -> None:
    del t["stappen"][1]
    t["veilig_thuis"] = [{"datum": "2024-02-13"}]


def _skip_3_for_safety(t: Trajectory) -> None:
    t["stappen"][2] = {"stap": 3, "datum": STEP_DATES[2],
                       "overgeslagen": {"grond": "veiligheid", "reden": "gevaar"}}


def _skip_3_without_reason(t: Trajectory) -> None:
    t["stappen"][2] = {"stap": 3, "datum": STEP_DATES[2], "overgeslagen": {"grond": "veiligheid"}}


def _skip_2(t: Trajectory) -> None:
    t["stappen"][1] = {"stap": 2, "datum": STEP_DATES[1],
                       "overgeslagen": {"grond": "veiligheid", "reden": "gevaar"}}


def _unsafe(t: Trajectory, *, report: bool = True, together: bool = True) -> None:
    _answer(t, 2)["antwoord"] = "ja"
    for number in (3, 4, 5):
        _answer(t, number)["samen_met_veilig_thuis"] = together
    if report:
        t["meldingen"] = [{"datum": "2024-02-16", "client_geinformeerd": True}]


def _not_together(t: Trajectory) -> None:
    _unsafe(t, together=False)


def _no_report(t: Trajectory) -> None:
    _unsafe(t, report=False)


def _help_fails(t: Trajectory, report: str | None = "2024-04-23") -> None:
    _answer(t, 5)["antwoord"] = "nee"
    del t["afsluiting"]
    if report:
        t["meldingen"] = [{"datum": report, "client_geinformeerd": True}]


def _report_before_q5(t: Trajectory) -> None:
    _help_fails(t, report="2024-02-10")


def _client_not_told(t: Trajectory, reason: str = "") -> None:
    _help_fails(t)
    t["meldingen"][0]["client_geinformeerd"] = False
    if reason:
        t["meldingen"][0]["reden"] = reason


def _no_help(t: Trajectory) -> None:
    t["hulp"] = [{"start": "2024-02-18", "evaluatie": "2024-04-22"}]


def _no_suspicion(t: Trajectory, closed: bool = True) -> None:
    t["antwoorden"] = [{"afweging": 1, "antwoord": "nee", "datum": "2024-02-16"}]
    t["hulp"] = []
    t["afsluiting"] = {"datum": "2024-02-16", "vastgelegd": ["besluit"]} if closed else None
    if not closed:
        del t["afsluiting"]


def _answered_in_step_4(t: Trajectory, *numbers: int) -> None:
    for number in numbers:
        _answer(t, number)["datum"] = STEP_DATES[3]


def _knmg_reason_instead_of_advice(t: Trajectory) -> None:
    t["veilig_thuis"] = []
    t["redenen"] = [{"plicht": "advies-veilig-thuis", "reden": "al bekend bij Veilig Thuis"}]


RULES: list[tuple[str, str, Callable[[Trajectory], None], Callable[[Trajectory], None],
                  tuple[str | int, ...]]] = [
    ("MELDCODE-VASTGELEGD", "basismodel", lambda t: None,
     lambda t: t["stappen"][1]["vastgelegd"].remove("wanneer"), ("stappen", 1, "vastgelegd")),
    ("MELDCODE-VOLGORDE", "basismodel", _vt_instead_of_step_2, _step_2_after_step_3,
     ("stappen", 1, "datum")),
    ("MELDCODE-OVERSLAAN", "basismodel", _skip_3_for_safety, _skip_3_without_reason,
     ("stappen", 2, "overgeslagen", "grond")),
    ("MELDCODE-OVERSLAAN", "basismodel", _skip_3_for_safety, _skip_2,
     ("stappen", 1, "overgeslagen")),
    ("MELDCODE-AFWEGING-STAP", "jgz", lambda t: _answered_in_step_4(t, 1, 2),
     lambda t: _answered_in_step_4(t, 1, 2, 3), ("antwoorden", 2, "datum")),
    ("MELDCODE-AFWEGING-PAD", "basismodel", lambda t: None,
     lambda t: _answer(t, 1).update(antwoord="nee"), ("antwoorden", 1, "afweging")),
    ("MELDCODE-SAMEN-VEILIG-THUIS", "basismodel", _unsafe, _not_together,
     ("antwoorden", 2, "antwoord")),
    ("MELDCODE-MELDEN", "basismodel", _unsafe, _no_report, ("antwoorden", 1, "antwoord")),
    ("MELDCODE-MELDEN", "basismodel", _help_fails, _report_before_q5,
     ("antwoorden", 4, "antwoord")),
    ("MELDCODE-MELDING-CLIENT", "basismodel", lambda t: _client_not_told(t, "gevaar"),
     _client_not_told, ("meldingen", 0, "datum")),
    ("MELDCODE-HULP", "basismodel", lambda t: None, _no_help, ("antwoorden", 3, "antwoord")),
    ("MELDCODE-HULP-EVALUATIE", "basismodel", lambda t: None,
     lambda t: t["hulp"][0].pop("evaluatie"), ("hulp", 0, "start")),
    ("MELDCODE-AFSLUITEN", "basismodel", _no_suspicion,
     lambda t: _no_suspicion(t, closed=False), ("antwoorden", 0, "antwoord")),
    ("MELDCODE-AFSLUITEN", "basismodel", lambda t: None,
     lambda t: t["afsluiting"]["vastgelegd"].remove("afspraken-veiligheid"),
     ("afsluiting", "vastgelegd")),
    ("MELDCODE-AFSLUITEN", "basismodel", lambda t: None,
     lambda t: t["antwoorden"].pop(), ("afsluiting", "datum")),
    ("MELDCODE-PLICHT", "knmg", _knmg_reason_instead_of_advice,
     lambda t: t.update(veilig_thuis=[]), ("stappen", 1, "stap")),
    ("MELDCODE-TRAJECT", "basismodel", lambda t: None,
     lambda t: t["stappen"][0]["vastgelegd"].append("roddels"), ("stappen", 0, "vastgelegd", 1)),
]


@pytest.mark.parametrize(("rule", "profile", "passing", "failing", "path"), RULES,
                         ids=[f"{rule}-{n}" for n, (rule, *_) in enumerate(RULES)])
def test_each_rule_passes_and_fails(rule: str, profile: str, passing: Callable[[Trajectory], None],
                                    failing: Callable[[Trajectory], None],
                                    path: tuple[str | int, ...]) -> None:
    assert findings(changed(passing, profile)) == []
    found = findings(changed(failing, profile))
    assert (rule, ("meldcode", 0, *path)) in found, found
    assert {code for code, _ in found} <= {rule, "MELDCODE-PLICHT"} | (
        {"MELDCODE-AFWEGING-PAD"} if rule == "MELDCODE-AFSLUITEN" else set())


def test_a_step_3_skipped_on_an_unknown_ground_says_which_grounds_count() -> None:
    found = findings(changed(lambda t: t["stappen"].__setitem__(2, {
        "stap": 3, "datum": STEP_DATES[2], "overgeslagen": {"grond": "tijd", "reden": "druk"}})))
    assert found == [("MELDCODE-OVERSLAAN", ("meldcode", 0, "stappen", 2, "overgeslagen",
                                              "grond"))]


def test_a_consultation_in_another_step_does_not_count_as_step_2() -> None:
    """Veilig Thuis consulted (undated step: it counts as step 2) instead of step 2 passes;
    consulted in step 4 it does not, and steps 3 and 4 come before a step 2 never taken."""
    undated = changed(lambda t: (t["stappen"].pop(1), t.update(veilig_thuis=[
        {"datum": STEP_DATES[1]}])))
    assert findings(undated) == []
    in_step_4 = changed(lambda t: (t["stappen"].pop(1), t.update(veilig_thuis=[
        {"datum": STEP_DATES[3], "stap": 4}])))
    assert findings(in_step_4) == [("MELDCODE-VOLGORDE", ("meldcode", 0, "stappen", n, "datum"))
                                   for n in (1, 2, 3)]


def test_the_knmg_duty_waits_until_step_2_is_over() -> None:
    only_two = changed(lambda t: t.update(stappen=steps(1, 2), veilig_thuis=[], antwoorden=[],
                                          hulp=[], afsluiting=None), "knmg")
    del only_two["afsluiting"]
    assert findings(only_two) == []


def test_messages_never_repeat_what_the_case_wrote() -> None:
    secret = "Vader dreigt met geweld tegen Sanne"
    trajectory = changed(lambda t: _client_not_told(t, ""))
    trajectory["stappen"][2] = {"stap": 3, "datum": STEP_DATES[2],
                                "overgeslagen": {"grond": "veiligheid", "reden": " "}}
    trajectory["redenen"] = [{"plicht": "geheim-plan", "reden": secret}]
    text = yaml.safe_dump(case_with(trajectory), allow_unicode=True, sort_keys=False)
    result = check_case(parse_yaml(text, "casus.yaml"), OPTIONS).result
    messages = " ".join(f.message for f in result.all_findings())
    assert "geheim-plan" not in messages and "Sanne" not in messages and "dreigt" not in messages
    assert {f.code for f in result.all_findings()} >= {"MELDCODE-OVERSLAAN",
                                                       "MELDCODE-MELDING-CLIENT",
                                                       "MELDCODE-TRAJECT"}


# --- every path through the afwegingskader ----------------------------------------------------

Path_ = tuple[tuple[int, str], ...]


def paths(framework: Framework) -> Iterator[Path_]:
    """Every path from the first question to an end, as (question, answer) pairs."""
    def walk(number: int, seen: Path_) -> Iterator[Path_]:
        question = framework.question(number)
        assert question is not None
        for answer in Answer.ALL:
            branch, here = question.branch(answer), seen + ((number, answer),)
            if branch.next is None:
                yield here
            else:
                yield from walk(branch.next.number, here)
    yield from walk(framework.start_number, ())


def walking(path: Path_) -> Trajectory:
    """A trajectory that answers along `path` and records what each answer's action asks for:
    a report (after the answer, for a new one), help with an evaluation date, a closure."""
    framework = MELDCODE.framework
    trajectory: Trajectory = {"protocol": "meldcode", "profiel": "basismodel",
                              "stappen": steps(1, 2, 3, 4, 5), "antwoorden": [],
                              "meldingen": [], "hulp": []}
    together = False
    for day, (number, answer) in enumerate(path, start=17):
        date = f"2024-02-{day}"
        trajectory["antwoorden"].append({"afweging": number, "antwoord": answer, "datum": date,
                                         "samen_met_veilig_thuis": together})
        branch = framework.question(number).branch(answer)
        together = together or branch.with_veilig_thuis
        action = branch.action
        if action is None:
            continue
        if action.kind == ActionKind.REPORT:
            trajectory["meldingen"].append({"datum": date, "client_geinformeerd": True})
        elif action.kind == ActionKind.HELP:
            trajectory["hulp"].append({"start": date, "evaluatie": "2024-03-30"})
        else:
            trajectory["afsluiting"] = {"datum": date,
                                        "vastgelegd": [item.id for item in action.records]}
    return trajectory


RECORDS = {ActionKind.REPORT: ("meldingen", "MELDCODE-MELDEN"),
           ActionKind.HELP: ("hulp", "MELDCODE-HULP"),
           ActionKind.CLOSE: ("afsluiting", "MELDCODE-AFSLUITEN")}
PATHS = list(paths(MELDCODE.framework))


def test_the_afwegingskader_has_nine_paths() -> None:
    assert len(PATHS) == 9
    assert ((1, "nee"),) in PATHS
    assert ((1, "ja"), (2, "ja"), (3, "ja"), (4, "ja"), (5, "nee")) in PATHS


@pytest.mark.parametrize("path", PATHS, ids=[" ".join(f"{n}{a}" for n, a in p) for p in PATHS])
def test_each_path_passes_when_its_actions_are_recorded_and_fails_without(path: Path_) -> None:
    trajectory = walking(path)
    assert findings(trajectory) == []
    framework = MELDCODE.framework
    for kind, (key, rule) in RECORDS.items():
        asked = [index for index, (number, answer) in enumerate(path)
                 if (action := framework.question(number).branch(answer).action)
                 and action.kind == kind]
        if not asked:
            continue
        broken = copy.deepcopy(trajectory)
        broken.pop(key)
        expected = [(rule, ("meldcode", 0, "antwoorden", index, "antwoord")) for index in asked]
        assert [f for f in findings(broken) if f[0] == rule] == expected, (path, kind)


# --- the shared data decides, not the code ----------------------------------------------------

def test_moving_a_question_in_a_profile_changes_the_verdict(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Under KNMG every question belongs to step 5; answering question 1 in step 4 is a fout.
    Move questions 1 and 2 of the KNMG profile to step 4 in a copy of protocols/meldcode.yaml:
    the same case passes, and one that answers question 3 in step 4 still fails."""
    early = changed(lambda t: _answer(t, 1).update(datum=STEP_DATES[3]), "knmg")
    expected = [("MELDCODE-AFWEGING-STAP", ("meldcode", 0, "antwoorden", 0, "datum"))]
    assert findings(early) == expected
    shutil.copytree(REPO / "protocols", tmp_path / "protocols")
    shared = tmp_path / "protocols" / "meldcode.yaml"
    text = shared.read_text(encoding="utf-8")
    knmg = text.index("  - id: knmg\n")
    placement = "      - stap: 5\n        vragen: [1, 2, 3, 4, 5]\n"
    assert text[knmg:].count(placement) == 1
    shared.write_text(text[:knmg] + text[knmg:].replace(
        placement, "      - stap: 4\n        vragen: [1, 2]\n"
                   "      - stap: 5\n        vragen: [3, 4, 5]\n"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # ./protocols is the library regiekit reads
    assert findings(early) == []
    later = changed(lambda t: _answered_in_step_4(t, 1, 2, 3), "knmg")
    assert findings(later) == [("MELDCODE-AFWEGING-STAP",
                                ("meldcode", 0, "antwoorden", 2, "datum"))]
