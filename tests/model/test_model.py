"""The typed model: every shipped region and example case builds, and every reference resolves
to the object its id names, with the path of every node pointing at its place in the file."""

from __future__ import annotations

import re
import string
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.loader import JsonPath, load_yaml, parse_yaml
from generator.model.case import build_case
from generator.model.mapping import Kind, Node, fields_of, walk
from generator.model.region import REFERABLE, Region, build_region
from generator.regions import load_region
from generator.validation import validate_document

ROOT = Path(__file__).resolve().parents[2]
REGION_FILES = sorted((ROOT / "regions").glob("*/regio.yaml"))
CASE_FILES = sorted((ROOT / "examples" / "cases").glob("*.yaml"))


def raw_at(data: Any, path: JsonPath) -> Any:
    for part in path:
        data = data[part]
    return data


def identity(obj: Node) -> Any:
    return getattr(obj, type(obj).IDENTITY)


def assert_references_resolve(root: Node, data: Any) -> int:
    """Every reference holds the object whose id is written at its path; returns how many."""
    checked = 0
    for current in walk(root):
        raw_node = raw_at(data, current.path)
        assert isinstance(raw_node, dict)
        for spec in fields_of(type(current)):
            raw = raw_node.get(spec.key)
            value = getattr(current, spec.attribute)
            if spec.kind is Kind.REF and raw is not None and current.resolves(spec.attribute):
                assert isinstance(value, spec.targets), (current.path, spec.key)
                assert identity(value) == raw
                checked += 1
            elif spec.kind is Kind.REFS and raw is not None:
                assert all(isinstance(item, spec.targets) for item in value)
                if current.resolves(spec.attribute):
                    assert [identity(item) for item in value] == raw, (current.path, spec.key)
                checked += len(value)
    return checked


@pytest.mark.parametrize("path", REGION_FILES, ids=lambda p: p.parent.name)
def test_every_shipped_region_builds_with_every_reference_resolved(path: Path) -> None:
    document = load_yaml(path)
    region = build_region(document)
    assert region.id == path.parent.name
    assert assert_references_resolve(region, document.data) > 10
    for ladder in region.ladders:
        for step in ladder.steps:
            assert step.ladder is ladder
            assert [s.number for s in step.following] == list(
                step.follow_up.step_numbers if step.follow_up else ())


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: p.stem)
def test_every_example_case_builds_against_its_region(path: Path) -> None:
    document = load_yaml(path)
    region = load_region(document.data["regio"], ROOT / "regions")
    case = build_case(document, region)
    assert case.id == document.data["casus"]
    assert case.region is region
    assert_references_resolve(case, document.data)
    expected = {item["regel"] for item in document.data.get("verwachte_bevindingen") or ()}
    assert bool(case.unresolved) == ("CASUS-VERWIJZING" in expected)


def test_node_paths_point_at_their_keys_in_the_file() -> None:
    document = load_yaml(ROOT / "regions" / "apeldoorn" / "regio.yaml")
    region = build_region(document)
    step = region.ladders[0].steps[1]
    assert step.at("reply_term_days") == ("ladders", 0, "stappen", 1, "reactietermijn_werkdagen")
    position = document.position(step.at("reply_term_days"))
    line = (ROOT / "regions" / "apeldoorn" / "regio.yaml").read_text().splitlines()[
        position.line - 1]
    assert line.strip() == "reactietermijn_werkdagen: 4"


def test_an_unknown_id_in_a_case_is_reported_and_left_out() -> None:
    region = load_region("apeldoorn", ROOT / "regions")
    document = parse_yaml(
        "casus: c\nregio: apeldoorn\nsignalen: []\nbetrokkenen:\n"
        "  - {id: a, rol: gi}\n  - {id: b, rol: onbekend, organisatie: karakter}\n"
        "escalaties:\n  - ladder: escalatieladder\n    stap: 2\n    datum: 2024-01-02\n"
        "    gestart_door: {betrokkene: x}\n    aangeschreven: [karakter, niemand, pactum]\n",
        "casus.yaml")
    case = build_case(document, region)
    assert [(u.path, u.noun) for u in case.unresolved] == [
        (("betrokkenen", 1, "rol"), "rol"),
        (("escalaties", 0, "aangeschreven", 1), "organisatie"),
        (("escalaties", 0, "gestart_door", "betrokkene"), "betrokkene")]
    event = case.escalations[0]
    assert [o.id for o in event.addressed] == ["karakter", "pactum"]
    assert event.at_item("addressed", 1) == ("escalaties", 0, "aangeschreven", 2)
    assert not event.started_by.resolves("member") and event.started_by.member is None
    assert case.members[1].role is None and case.members[1].organisation.id == "karakter"


# --- property: renaming ids consistently keeps the document valid and every reference resolved

def _renamed(data: Any, region: Region, new_ids: dict[str, str]) -> Any:
    """A copy of `data` with every id and every reference to it renamed per `new_ids`."""
    places: set[JsonPath] = set()
    for current in walk(region):
        for spec in fields_of(type(current)):
            if spec.kind in (Kind.REF, Kind.REFS) and set(spec.targets) <= set(REFERABLE):
                places.add(current.path + (spec.key,))  # not what names a shared protocol
            if spec.key == "id" and type(current).IDENTITY == "id":
                places.add(current.path + ("id",))

    def rename(value: Any, path: JsonPath) -> Any:
        if isinstance(value, dict):
            return {k: rename(v, path + (k,)) for k, v in value.items()}
        if isinstance(value, list):
            if path in places:
                return [new_ids.get(v, v) for v in value]
            return [rename(v, path + (i,)) for i, v in enumerate(value)]
        return new_ids.get(value, value) if path in places and isinstance(value, str) else value

    return rename(data, ())


_ID = st.text(string.ascii_lowercase, min_size=2, max_size=8)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(REGION_FILES), st.data())
def test_consistently_renamed_ids_still_resolve(path: Path, data: st.DataObject) -> None:
    document = load_yaml(path)
    region = build_region(document)
    ids = sorted({current.id for current in walk(region)
                  if type(current).IDENTITY == "id" and isinstance(getattr(current, "id", None),
                                                                   str)} - {region.id})
    chosen = data.draw(st.lists(st.sampled_from(ids), unique=True, min_size=1, max_size=8))
    fresh = data.draw(st.lists(_ID, unique=True, min_size=len(chosen), max_size=len(chosen)))
    new_ids = {old: f"nieuw-{new}" for old, new in zip(chosen, fresh, strict=True)}
    renamed = _renamed(document.data, region, new_ids)
    copy = parse_yaml("{}", str(path))
    copy.data = renamed
    assert not [f for f in validate_document(copy, kind="regio") if f.severity == "fout"
                and not re.match("REGIO-ID", f.code)]
    rebuilt = build_region(copy)
    assert assert_references_resolve(rebuilt, renamed) > 10


def test_field_kinds_are_the_ones_the_schema_allows() -> None:
    import json

    from generator.model.region import Field, FieldKind

    schema = json.loads((ROOT / "schemas" / "regio.schema.json").read_text(encoding="utf-8"))
    assert list(FieldKind.ALL) == schema["$defs"]["veld"]["properties"]["soort"]["enum"]
    region = load_region("apeldoorn", ROOT / "regions")
    fields = [f for form in region.forms for s in form.sections for f in s.fields]
    assert fields and all(isinstance(f, Field) and f.kind in FieldKind.ALL for f in fields)


def test_the_region_of_a_case_is_read_before_the_case_is_built() -> None:
    from generator.model.case import region_id_of

    assert region_id_of(load_yaml(CASE_FILES[0])) == load_yaml(CASE_FILES[0]).data["regio"]
    assert region_id_of(parse_yaml("casus: c\nregio: zou\n", "c.yaml")) == "zou"
    assert region_id_of(parse_yaml("casus: c\n", "c.yaml")) is None
    assert region_id_of(parse_yaml("casus: c\nregio: [zou]\n", "c.yaml")) is None
    assert region_id_of(parse_yaml("- regio\n", "c.yaml")) is None


def test_a_step_taken_together_with_another_is_part_of_its_route() -> None:
    """`tegelijk_met`: the step is taken alongside its partner, not after it failed."""
    folder = ROOT / "tests" / "data" / "validate" / "valid" / "together-with"
    ladder = build_region(load_yaml(folder / "regio.yaml")).ladders[0]
    fourth, fifth = ladder.step(4), ladder.step(5)
    assert fourth is not None and fifth is not None
    assert fifth.together_with is fourth and fourth.companions == (fifth,)
    assert fifth not in fourth.following and fifth in fourth.successors
    assert ladder.preceding(fifth) == (fourth,)
    assert ladder.dominators[5] == {1, 2, 4, 5}
    assert not ladder.optional(fifth)
