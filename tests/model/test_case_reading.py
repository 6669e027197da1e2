"""What the case checks read from the case model beyond its fields: the header and expectations
of a file not yet known to be valid, actors whose own ids do not resolve, steps a ladder lacks,
and the reference date of a case that states none."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from generator.loader import parse_yaml
from generator.model.case import Case, build_case, read_expectations, read_header
from generator.regions import load_region

ROOT = Path(__file__).resolve().parents[2]
HEAD = "casus: c\nregio: apeldoorn\nkader: gedwongen\ndoelgroep: jeugd\n" \
       "huishouden:\n  - {id: j, rol: jeugdige}\n"


def _case(text: str) -> Case:
    region = load_region("apeldoorn", ROOT / "regions")
    return build_case(parse_yaml(HEAD + text, "casus.yaml"), region)


def test_header_and_expectations_of_a_file_that_does_not_fit_the_format() -> None:
    document = parse_yaml("casus: c\nregio: zou\nkader: Marina\nverwachte_bevindingen:\n"
                          "  - {regel: SCHEMA-WAARDE, regel_nummer: 3}\n", "casus.yaml")
    header = read_header(document)
    assert (header.id, header.region_id) == ("c", "zou")
    assert header.at("region_id") == ("regio",)
    assert [(e.rule_id, e.line) for e in read_expectations(document) or ()] == [
        ("SCHEMA-WAARDE", 3)]
    assert read_expectations(parse_yaml("casus: c\n", "casus.yaml")) is None
    assert read_expectations(parse_yaml("- casus\n", "lijst.yaml")) is None


def test_an_actor_naming_an_unknown_role_does_not_act_in_its_members_role() -> None:
    case = _case("betrokkenen:\n  - {id: a, rol: gi, organisatie: karakter}\n"
                 "escalaties:\n"
                 "  - {ladder: escalatieladder, stap: 1, datum: 2024-01-02,\n"
                 "     gestart_door: {betrokkene: a, rol: onbekend, organisatie: niemand}}\n"
                 "  - {ladder: escalatieladder, stap: 1, datum: 2024-01-03,\n"
                 "     gestart_door: {betrokkene: a}}\n")
    unknown, known = (event.started_by for event in case.escalations)
    assert unknown.acting_role is None and unknown.acting_organisation is None
    assert known.acting_role is not None and known.acting_role.id == "gi"
    assert known.acting_organisation is not None and known.acting_organisation.id == "karakter"


def test_a_step_the_ladder_does_not_have_is_not_an_unresolved_reference() -> None:
    case = _case("escalaties:\n"
                 "  - {ladder: escalatieladder, stap: 9, datum: 2024-01-02,\n"
                 "     gestart_door: {rol: gi}}\n"
                 "  - {ladder: escalatieladder, stap: 1, datum: 2024-01-03,\n"
                 "     gestart_door: {rol: gi}}\n")
    assert case.unresolved == []
    assert case.unknown_steps == [case.escalations[0]]
    assert case.escalations[0].at("number") == ("escalaties", 0, "stap")


def test_reference_date_without_peildatum_is_the_latest_date_in_the_case() -> None:
    case = _case("start: 2024-01-01\nregie:\n"
                 "  - {rol: gi, betrokkene: a, van: 2024-01-05, tot: 2024-06-30}\n"
                 "betrokkenen:\n  - {id: a, rol: gi}\n")
    assert case.expected_findings is None
    assert case.reference_date == date(2024, 6, 30)


def test_a_section_finds_its_fields_by_id() -> None:
    region = load_region("apeldoorn", ROOT / "regions")
    section = region.forms[0].sections[0]
    first = section.fields[0]
    assert section.field(first.id) is first
    assert section.field("bestaat-niet") is None
