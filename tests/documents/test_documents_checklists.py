"""Checklists follow the ladder's own logic: a box only for what every valid route passes, derived
from the allowed jumps; no checklist of one box."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from documents_support import REPO, SHIPPED, docx_text

from generator.documents.checklists import OUTCOME, Checklist, checklists
from generator.model.region import Ladder, Region, Step
from generator.regions import load_region

REGIONS = REPO / "regions"


def routes(ladder: Ladder, target: Step) -> Iterator[list[int]]:
    """Every route of allowed jumps from step 1 to `target` (the step numbers in order)."""
    def walk(step: Step, path: list[int]) -> Iterator[list[int]]:
        if step is target:
            yield path
        for following in step.following:
            if following.number not in path:
                yield from walk(following, path + [following.number])
    assert ladder.first is not None
    yield from walk(ladder.first, [ladder.first.number])


def boxes(checklist: Checklist) -> list[str]:
    return [point["text"] for section in checklist.context["sections"]
            for point in section["points"]]


def meeting_checklists(region: Region) -> Iterator[tuple[Checklist, Step]]:
    by_name = {c.name: c for c in checklists(region)}
    for ladder in region.ladders:
        for step in ladder.steps:
            name = next((n for n, c in by_name.items() if n.startswith("voor-")
                         and f"stap {step.number} " in c.context["introduction"]
                         and ladder.name.lower() in c.context["introduction"]), None)
            if name:
                yield by_name[name], step


def test_apeldoorn_dominators_come_from_the_jumps() -> None:
    ladder = load_region("apeldoorn", REGIONS).ladders[0]
    assert ladder.dominators == {1: {1}, 2: {1, 2}, 3: {1, 2, 3}, 4: {1, 2, 4}}
    assert [ladder.optional(step) for step in ladder.steps] == [False, False, True, False]


@pytest.mark.parametrize("region", SHIPPED)
def test_every_route_into_a_meeting_can_tick_every_box(region: str) -> None:
    """The defect: "stap 3 heeft geen resultaat opgeleverd" before the fysieke zorgtafel, while
    the gemeentelijke toegang may go from step 2 straight to step 4."""
    model = load_region(region, REGIONS)
    for checklist, step in meeting_checklists(model):
        all_routes = list(routes(step.ladder, step))
        assert len(all_routes) >= 1
        for text in boxes(checklist):
            for number in map(int, re.findall(r"^Stap (\d+) \(", text)):
                assert all(number in route for route in all_routes), (checklist.name, text)


def test_apeldoorn_fysieke_zorgtafel_names_the_optional_step_without_a_box() -> None:
    [(checklist, step)] = meeting_checklists(load_region("apeldoorn", REGIONS))
    texts = boxes(checklist)
    assert "Stap 1 (Hulp bij het vinden van een passende (residentiële) plek) heeft geen " \
           "resultaat opgeleverd" in texts
    assert "Stap 2 (Digitale zorgtafel) heeft geen resultaat opgeleverd" in texts
    assert not any(text.startswith("Stap 3") for text in texts)
    note = checklist.context["sections"][0]["note"]
    assert "Stap 3" in note and "gemeentelijke (lokale) toegang" in note


def test_the_boxes_follow_the_jumps_not_the_numbers(regions_copy: Path) -> None:
    """Reorder the jumps of a copy: 1 -> 2 or 3, 2 -> 4, 3 -> 4. Now only step 1 comes before
    the fysieke zorgtafel on every route; steps 2 and 3 are each a choice."""
    file = regions_copy / "apeldoorn" / "regio.yaml"
    text = file.read_text(encoding="utf-8")
    text = text.replace("          stappen:\n            - 2\n          toelichting: Bij geen "
                        "resultaat volgt trap 2.\n",
                        "          stappen:\n            - 2\n            - 3\n"
                        "          besluit_door: gemeentelijke-toegang\n")
    text = text.replace("          stappen:\n            - 3\n            - 4\n",
                        "          stappen:\n            - 4\n")
    file.write_text(text, encoding="utf-8")
    model = load_region("apeldoorn", regions_copy)
    ladder = model.ladders[0]
    assert ladder.dominators[4] == {1, 4}
    [(checklist, _)] = meeting_checklists(model)
    starts = [text for text in boxes(checklist) if text.startswith("Stap ")]
    assert starts == ["Stap 1 (Hulp bij het vinden van een passende (residentiële) plek) heeft "
                      "geen resultaat opgeleverd"]
    ladder_list = next(c for c in checklists(model) if c.name == ladder.id)
    notes = {s["heading"][:6]: s["note"] for s in ladder_list.context["sections"]}
    assert "niet altijd" in notes["Stap 2"] and "niet altijd" in notes["Stap 3"]
    assert "niet altijd" not in notes["Stap 4"]


def test_an_optional_step_says_who_chooses() -> None:
    model = load_region("apeldoorn", REGIONS)
    ladder_list = next(c for c in checklists(model) if c.name == "escalatieladder")
    third = ladder_list.context["sections"][2]
    assert third["heading"].startswith("Stap 3")
    assert third["note"] == ("Deze stap is niet altijd aan de orde: na stap 2 kiest de "
                             "gemeentelijke (lokale) toegang tussen stap 3 en stap 4.")


@pytest.mark.parametrize("region", SHIPPED)
def test_no_checklist_of_a_single_box(built: Path, region: str) -> None:
    for checklist in checklists(load_region(region, REGIONS)):
        assert len([t for t in boxes(checklist) if t != OUTCOME]) >= 2, checklist.name
    for path in (built / region).glob("checklist-*.docx"):
        assert docx_text(path).count("☐") >= 3, path.name  # 2 boxes and the outcome at least


def test_one_action_ladders_get_no_checklist_but_each_initiator_gets_a_box(built: Path) -> None:
    for region, ladder in (("empact", "rode-knop"), ("empact", "tijdelijke-casemanager"),
                           ("terneuzen-hulst", "coordinator-inschakelen")):
        assert not (built / region / f"checklist-{ladder}.docx").exists()
    zou = {c.name: c for c in checklists(load_region("zou", REGIONS))}
    assert boxes(zou["geen-overeenstemming"])[:2] == [
        "Procesregisseur heeft de stap zelf gezet", "Behandelaar/begeleider heeft de stap zelf "
                                                    "gezet"]
