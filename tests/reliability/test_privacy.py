"""No output of any command, in any format, repeats a value written in a case: a name and a
citizen service number are planted in every field of a case in turn (most of them then invalid,
free texts valid), and every format of validate, check, test, next and build --case is searched
for them."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from reliability_support import REPO, run, write

from generator.loader import load_yaml

NAME, BSN = "Jansen", "123456782"
PLANTED = f"Jan {NAME} {BSN}"
"""Spaces make it an invalid id anywhere an id is expected; in a free text it is valid."""
CASES: dict[str, tuple[tuple[str, ...], ...]] = {
    "apeldoorn-complexe-casus": ((),),
    "zou-meldcode-onveilig": (("meldcode",),),
    "empact-mdo": (("betrokkenen",), ("overleggen",), ("regie",), ("levensdoelen",),
                   ("uitgewerkte_protocollen",), ("beoordelingen",)),
}
"""Each example case with the parts of it planted in: all of the first; of the others what the
first does not have (a meldcode trajectory with its skip and report reasons; the MDO with its
requester, chair, consent and reason of absence, disciplines, the casemanager's hand-back, life
goals, the rode knop, BelRAI scores)."""
OPTIONS = ["--regions", str(REPO / "regions"), "--rules", str(REPO / "rules" / "regels.yaml")]
FORMATS = ["text", "json", "github", "junit", "sarif"]


def _leaves(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The path of every scalar in `data`, and of every mapping (to plant a key in)."""
    if isinstance(data, dict):
        yield path + ("<sleutel>",)
        for key, value in data.items():
            yield from _leaves(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _leaves(value, path + (index,))
    else:
        yield path


def _planted(data: dict[str, Any], path: tuple[Any, ...]) -> dict[str, Any]:
    variant = copy.deepcopy(data)
    holder = variant
    for part in path[:-1]:
        holder = holder[part]
    if path[-1] == "<sleutel>":
        holder[PLANTED] = PLANTED
    else:
        holder[path[-1]] = PLANTED
    return variant


def _case_data(name: str) -> dict[str, Any]:
    data = load_yaml(REPO / "examples" / "cases" / f"{name}.yaml").data
    data["omschrijving"] = f"Gezin {PLANTED}, moeder belt elke dag."  # a valid free text
    data["verwachte_bevindingen"] = []
    return data


@pytest.fixture(scope="module", params=list(CASES))
def variants(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One case file per field, with PLANTED in that field (or as a key in that table)."""
    folder = tmp_path_factory.mktemp("casussen")
    data, parts = _case_data(request.param), CASES[request.param]
    for number, path in enumerate(_leaves(data)):
        if path[:1] == ("verwachte_bevindingen",) or \
                not any(path[:len(part)] == part for part in parts):
            continue
        write(folder / f"variant-{number:03d}.yaml", _planted(data, path))
    write(folder / "vrije-tekst.yaml", data)
    for number, expectation in enumerate([{"regel": PLANTED}, {"regel": "LADDER-VOLGORDE",
                                                               "pad": PLANTED}]):
        write(folder / f"verwachting-{number}.yaml",
              {**data, "verwachte_bevindingen": [expectation]})
    return folder


def _assert_clean(text: str, what: str) -> None:
    assert NAME not in text and BSN not in text, f"{what}: {text[:2000]}"


def test_every_field_is_planted(variants: Path) -> None:
    assert len(list(variants.glob("variant-*.yaml"))) > 40


@pytest.mark.parametrize("output_format", FORMATS)
def test_validate_never_repeats_a_case_value(variants: Path, output_format: str) -> None:
    result = run("validate", "--format", output_format, str(variants))
    assert result.exit_code == 1
    _assert_clean(result.stdout + result.stderr, f"validate --format {output_format}")


@pytest.mark.parametrize("output_format", FORMATS)
def test_check_never_repeats_a_case_value(variants: Path, output_format: str) -> None:
    result = run("check", *OPTIONS, "--format", output_format, str(variants))
    assert result.exit_code in (1, 2)
    _assert_clean(result.stdout + result.stderr, f"check --format {output_format}")


def test_test_never_repeats_a_case_value(variants: Path) -> None:
    result = run("test", *OPTIONS, str(variants))
    assert result.exit_code == 1
    _assert_clean(result.stdout + result.stderr, "test")


@pytest.mark.parametrize("output_format", ["text", "json"])
def test_next_never_repeats_a_case_value(variants: Path, output_format: str) -> None:
    for case in sorted(variants.glob("*.yaml")):
        result = run("next", *OPTIONS, "--format", output_format, str(case))
        _assert_clean(result.stdout + result.stderr, f"next {case.name}")


def test_build_case_never_repeats_a_case_value(variants: Path, tmp_path: Path) -> None:
    """Every variant the schema refuses (fast), and the valid one with planted free text."""
    for case in sorted(variants.glob("*.yaml")):
        if case.name != "vrije-tekst.yaml" and not _invalid(case):
            continue  # a valid variant renders the same documents as vrije-tekst.yaml
        result = run("build", "--regions", str(REPO / "regions"), "--case", str(case),
                     "--out", str(tmp_path / case.stem))
        _assert_clean(result.stdout + result.stderr, f"build --case {case.name}")


def _invalid(case: Path) -> bool:
    return run("validate", str(case)).exit_code != 0


@pytest.mark.parametrize(("tag", "shown"), [(f"!{NAME}{BSN}", "een eigen tag (!...)"),
                                            (f"!!{NAME.lower()}{BSN}", "een eigen tag (!...)"),
                                            (f"!!python/object:{NAME}{BSN}",
                                             "tag !!python/object ")])
def test_a_tag_written_in_a_case_is_named_by_its_kind_only(tmp_path: Path, tag: str,
                                                           shown: str) -> None:
    text = (REPO / "examples" / "cases" / "apeldoorn-complexe-casus.yaml").read_text(
        encoding="utf-8").replace("\nkader: ", f"\nkader: {tag} ", 1)
    case = tmp_path / "casus.yaml"
    case.write_text(text, encoding="utf-8")
    commands = [["validate", str(case)], ["check", *OPTIONS, "--format", "json", str(case)],
                ["test", *OPTIONS, str(case)], ["next", *OPTIONS, str(case)],
                ["build", "--regions", str(REPO / "regions"), "--case", str(case),
                 "--out", str(tmp_path / "out")]]
    for command in commands:
        result = run(*command)
        assert result.exit_code in (1, 2), command
        assert shown in result.stdout + result.stderr, command
        _assert_clean(result.stdout + result.stderr, command[0])
