"""Cases as they happen in practice (issue 8): every party, the plan, who decided, what a meeting
breached, silence in the agreement, and findings a case worker understands.

Each test is written against a case as a new user would write it from the seeds' own text, and
failed before the case format and the checks could say it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from case_support import OPTIONS, REPO, region_copy, run

from generator.casecheck import CheckOptions, check_file
from generator.findings import Finding, Severity

ZOU_MOTHER = """\
casus: zou-moeder
regio: zou
kader: vrijwillig
doelgroep: jeugd
start: 2024-01-08
peildatum: 2024-03-01
huishouden:
  - id: moeder
    rol: moeder
  - id: kind-1
    rol: kind
    leeftijd: 9
probleemgebieden: [gedrag, ontwikkeling, werk]
betrokkenen:
  - id: lt-1
    rol: lokaal-team-professional
  - id: psychiater
    rol: behandelaar
  - id: huisarts
    extern: huisarts
  - id: rsd
    extern: sociale-dienst
  - id: school
    extern: onderwijs
  - id: vrijwilliger
    extern: informeel-netwerk
regie:
  - rol: procesregisseur
    betrokkene: lt-1
    van: 2024-01-08
    instemming_gezin: true
plannen:
  - id: plan-1
    opgesteld: 2024-01-15
    opgesteld_door:
      betrokkene: lt-1
    met: [moeder, lt-1]
    doelen:
      - Moeder vindt werk.
      - Rust thuis voor het oudste kind.
    evaluaties: [2024-02-26]
"""

EXAMPLE = (REPO / "examples" / "cases" / "apeldoorn-complexe-casus.yaml").read_text(
    encoding="utf-8")
FORM_2 = "    formulier: casusformat-2\n"
STEP_4 = EXAMPLE[:EXAMPLE.index(FORM_2) + len(FORM_2)]
APELDOORN_TABLE = STEP_4 + """\
    overlegvoorwaarden:
      - voorwaarde: inhoudsdeskundigen
        nageleefd: ja
      - voorwaarde: mandaat
        nageleefd: ja
      - voorwaarde: ouders-en-jeugdige
        nageleefd: niet-van-toepassing
        reden: Moeder is opgenomen.
      - voorwaarde: geen-financien
        nageleefd: nee
    uitkomst: oplossing
    afgerond: 2024-04-16
"""
BREACH_LINE = STEP_4.count("\n") + 10
"""The line of `nageleefd: nee`."""


def _case(tmp_path: Path, text: str, name: str = "casus.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _check(tmp_path: Path, text: str, options: CheckOptions = OPTIONS) -> list[Finding]:
    result = check_file(_case(tmp_path, text), options)
    return sorted(result.unreadable + result.findings)


def _codes(findings: list[Finding]) -> list[str]:
    return [finding.code for finding in findings]


# --- 1. every party ---------------------------------------------------------------------------

def test_school_sociale_dienst_and_a_neighbour_are_parties_without_a_region_role(
        tmp_path: Path) -> None:
    assert _check(tmp_path, ZOU_MOTHER) == []


def test_an_external_party_is_no_candidate_for_a_region_role(tmp_path: Path) -> None:
    text = ZOU_MOTHER.replace("    betrokkene: lt-1\n    van:", "    betrokkene: school\n    van:")
    [finding] = _check(tmp_path, text)
    assert finding.code == "REGISSEUR-KADER"
    assert finding.message.endswith("nu: school (zonder rol in de afspraken)")


def test_a_party_is_either_a_role_or_an_external_party(tmp_path: Path) -> None:
    text = ZOU_MOTHER.replace("    extern: onderwijs\n",
                              "    extern: onderwijs\n    rol: behandelaar\n")
    [finding] = _check(tmp_path, text)
    assert (finding.code, finding.line) == ("SCHEMA-GEEN-VORM", 23)
    assert "betrokkenen[4] noemt rol en extern" in finding.message


def test_the_parents_together_may_coordinate_themselves(tmp_path: Path) -> None:
    text = (ZOU_MOTHER
            .replace("  - id: kind-1\n", "  - id: vader\n    rol: vader\n  - id: kind-1\n")
            .replace("betrokkenen:\n", "betrokkenen:\n  - id: ouders\n    rol: ouders\n"
                                       "    huishoudleden: [moeder, vader]\n")
            .replace("    betrokkene: lt-1\n    van: 2024-01-08\n",
                     "    betrokkene: ouders\n    van: 2024-01-08\n    anders_afgesproken: true\n")
            .replace("      betrokkene: lt-1\n    met: [moeder, lt-1]",
                     "      betrokkene: ouders\n    met: [moeder, vader, lt-1]"))
    assert _check(tmp_path, text) == []


# --- 2. the plan ----------------------------------------------------------------------------

def test_a_case_with_a_regisseur_has_a_plan(tmp_path: Path) -> None:
    text = ZOU_MOTHER[:ZOU_MOTHER.index("plannen:")]
    [finding] = _check(tmp_path, text)
    assert finding.code == "PLAN-GEZAMENLIJK" and finding.line == 28  # regie[0]
    assert "geen plan" in finding.message


def test_the_plan_is_made_with_the_household(tmp_path: Path) -> None:
    text = ZOU_MOTHER.replace("met: [moeder, lt-1]", "met: [lt-1, psychiater]")
    [finding] = _check(tmp_path, text)
    assert (finding.code, finding.line) == ("PLAN-GEZAMENLIJK", 37)
    assert "samen met het gezin" in finding.message


def test_one_household_one_plan(tmp_path: Path) -> None:
    text = ZOU_MOTHER + ("  - id: plan-2\n    opgesteld: 2024-02-01\n    met: [moeder]\n"
                         "    doelen: [Nog een plan.]\n")
    [finding] = _check(tmp_path, text)
    assert finding.code == "PLAN-GEZAMENLIJK" and "meer dan één plan" in finding.message


def test_the_plan_is_evaluated_on_the_regions_cadence(tmp_path: Path) -> None:
    options = region_copy(tmp_path, "zou", "\nplan:\n", "\nplan:\n  evaluatie_elke_dagen: 30\n")
    [finding] = _check(tmp_path, ZOU_MOTHER, options)
    assert finding.code == "PLAN-GEZAMENLIJK"
    assert "uiterlijk 2024-02-14" in finding.message  # 30 days after 2024-01-15


# --- 3. decisions ---------------------------------------------------------------------------

MIDDELBURG = """\
casus: middelburg-besluit
regio: middelburg
kader: vrijwillig
doelgroep: jeugd
start: 2024-05-06
peildatum: 2024-06-28
huishouden:
  - id: moeder
    rol: moeder
betrokkenen:
  - id: coordinator
    rol: coordinator
  - id: jgz-1
    rol: ketenpartner
    organisatie: jgz
overleggen:
  - id: overleg-1
    overleg: casusoverleg
    datum: 2024-05-13
    deelnemers: [coordinator, jgz-1]
regie:
  - rol: casusregisseur
    betrokkene: jgz-1
    van: 2024-05-13
    besloten_door:
      betrokkene: coordinator
    besloten_op: 2024-05-13
    besloten_in: overleg-1
"""


def test_the_coordinator_decides_in_the_casusoverleg(tmp_path: Path) -> None:
    assert _check(tmp_path, MIDDELBURG) == []


def test_a_decision_by_someone_else_is_a_fout(tmp_path: Path) -> None:
    text = MIDDELBURG.replace("    besloten_door:\n      betrokkene: coordinator\n",
                              "    besloten_door:\n      betrokkene: jgz-1\n")
    [finding] = _check(tmp_path, text)
    assert (finding.code, finding.severity) == ("TOEWIJZING-BESLUIT", Severity.ERROR)
    assert finding.message == ("wie casusregisseur wordt, hoort besloten te worden door "
                               "coördinator CJG; nu: professional van een ketenpartner, "
                               "Jeugdgezondheidszorg (JGZ)")
    assert finding.source.endswith("CJG-pilots Zeeland, §11 Werkwijze functie ‘coördineren en "
                                   "regisseren van zorg’ – §11 Maatwerk")


def test_a_decision_without_the_joint_meeting_names_the_condition(tmp_path: Path) -> None:
    text = MIDDELBURG.replace("    besloten_in: overleg-1\n", "").replace(
        "    datum: 2024-05-13\n    deelnemers", "    datum: 2024-05-20\n    deelnemers")
    [finding] = _check(tmp_path, text)
    assert finding.code == "TOEWIJZING-BESLUIT"
    assert "in overleg met de ketenpartners" in finding.message.lower()
    assert "nu: geen casusoverleg op of vóór 2024-05-13" in finding.message


def test_who_decided_must_be_recorded_where_the_region_says_who_decides(tmp_path: Path) -> None:
    text = MIDDELBURG.replace("    besloten_door:\n      betrokkene: coordinator\n", "")
    [finding] = _check(tmp_path, text)
    assert finding.code == "TOEWIJZING-BESLUIT" and "niet vastgelegd" in finding.message


def test_the_joint_meeting_whose_outcome_decides_the_regisseur(tmp_path: Path) -> None:
    text = ZOU_MOTHER.replace("regie:\n", "overleggen:\n  - id: plan-overleg\n"
                              "    datum: 2024-01-08\n    deelnemers: [moeder, lt-1]\n"
                              "regie:\n").replace(
        "    instemming_gezin: true\n",
        "    instemming_gezin: true\n    besloten_in: plan-overleg\n    besloten_op: 2024-01-08\n")
    assert _check(tmp_path, text) == []


# --- 4. meetings as they went -----------------------------------------------------------------

def test_a_breached_meeting_condition_is_a_fout_with_its_text(tmp_path: Path) -> None:
    [finding] = _check(tmp_path, APELDOORN_TABLE)
    assert (finding.code, finding.severity, finding.line) == (
        "ZORGTAFEL-VOORWAARDEN", Severity.ERROR, BREACH_LINE)
    assert "financiën worden aan de fysieke zorgtafel niet besproken" in finding.message.lower()
    assert "geen-financien" not in finding.message


def test_the_fixed_pool_holds_for_every_meeting_of_the_region(tmp_path: Path) -> None:
    text = APELDOORN_TABLE.replace("        nageleefd: nee\n", "        nageleefd: ja\n")
    assert _check(tmp_path, text) == []  # vaste-pool is not recorded in the case


def test_a_condition_not_recorded_is_named_by_its_text(tmp_path: Path) -> None:
    text = APELDOORN_TABLE.replace("      - voorwaarde: mandaat\n        nageleefd: ja\n", "") \
        .replace("        nageleefd: nee\n", "        nageleefd: ja\n")
    [finding] = _check(tmp_path, text)
    assert finding.code == "ZORGTAFEL-VOORWAARDEN"
    assert "deelnemers hebben mandaat en kunnen beslissingen nemen" in finding.message.lower()


# --- 5. silence is not a fout ----------------------------------------------------------------

def test_a_situation_the_agreement_does_not_cover_is_a_warning(tmp_path: Path) -> None:
    text = ZOU_MOTHER.replace("kader: vrijwillig\ndoelgroep: jeugd",
                              "kader: gedwongen\ndoelgroep: volwassenen")
    [finding] = _check(tmp_path, text)
    assert (finding.code, finding.severity) == ("TOEWIJZING-NIET-GEREGELD", Severity.WARNING)
    assert finding.message == (
        "de afspraken regelen niet wie procesregisseur is bij gedwongen kader, volwassenen "
        "(wel bij: vrijwillig kader; gedwongen kader jeugd)")
    assert check_file(_case(tmp_path, text), OPTIONS).exit_code() == 0


# --- 6. messages a case worker understands ----------------------------------------------------

def test_regisseur_kader_says_what_it_should_be_the_kader_and_what_it_is(tmp_path: Path) -> None:
    text = ZOU_MOTHER.replace("    betrokkene: lt-1\n    van:",
                              "    betrokkene: psychiater\n    van:")
    [finding] = _check(tmp_path, text)
    assert finding.code == "REGISSEUR-KADER"
    assert finding.message == (
        "procesregisseur hoort professional van het lokale team te zijn (kader: vrijwillig "
        "kader; tenzij expliciet anders afgesproken, en dat staat niet in de casus); "
        "nu: behandelaar/begeleider")
    assert "_" not in finding.message  # no YAML key


def test_an_unknown_region_is_named_with_the_known_ones(tmp_path: Path) -> None:
    case = _case(tmp_path, ZOU_MOTHER.replace("regio: zou", "regio: zuid-oost-utrecht"))
    [finding] = check_file(case, OPTIONS).findings
    assert finding.code == "CASUS-REGIO"
    assert "onbekende regio 'zuid-oost-utrecht'" in finding.message
    assert "bekende regio's: apeldoorn, empact, middelburg, schouwen-duiveland, " \
           "terneuzen-hulst, zou" in finding.message


def test_validate_reports_a_case_of_an_unknown_region(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    case = _case(tmp_path, ZOU_MOTHER.replace("regio: zou", "regio: zuid-oost-utrecht"))
    result = run("validate", str(case))
    assert result.exit_code == 1, result.output
    assert f"{case}:2:8: [fout] CASUS-REGIO" in result.output


def test_check_shows_the_key_and_line_of_a_malformed_case(tmp_path: Path) -> None:
    text = ZOU_MOTHER.replace("  - id: moeder\n    rol: moeder\n",
                              "  - id: moeder\n    rol: moeder\n    naam: Marina\n")
    [finding] = _check(tmp_path, text)
    assert finding.line == 10
    assert "huishouden[0]" in finding.message
    assert "Marina" not in finding.message and "validate" not in finding.message


def test_an_unknown_reference_cites_the_regions_document_and_lists_known_roles(
        tmp_path: Path) -> None:
    text = ZOU_MOTHER.replace("rol: behandelaar", "rol: therapeut")
    [finding] = _check(tmp_path, text)
    assert finding.code == "CASUS-VERWIJZING"
    assert "professional van het lokale team (lokaal-team-professional)" in finding.message
    assert finding.source == "1 gezin, 1 plan, 1 regisseur door coördinatie van zorg"
    assert "therapeut" not in finding.message


def test_a_deadline_names_the_holidays_it_skipped(tmp_path: Path) -> None:
    # 5 May 2026 is a Tuesday and no lustrum year: the Algemene termijnenwet still counts it.
    step_3 = EXAMPLE.index("  - ladder: escalatieladder\n    stap: 3\n")
    text = (EXAMPLE[:step_3].replace("peildatum: 2024-04-16", "peildatum: 2026-05-13")
            .replace("    datum: 2024-03-07\n", "    datum: 2026-05-04\n")
            .replace("        datum: 2024-03-11\n", "        datum: 2026-05-12\n")
            .replace("    uitkomst: geen-resultaat\n    afgerond: 2024-03-13\n",
                     "    uitkomst: lopend\n"))
    late = [f for f in _check(tmp_path, text) if f.code == "REACTIETERMIJN"]
    assert [f.message for f in late] == [
        "reactie van Karakter op 2026-05-12 hoort uiterlijk 2026-05-11 te zijn (4 werkdagen na "
        "2026-05-04; niet meegeteld: Bevrijdingsdag 5 mei, elk jaar vrij volgens de Algemene "
        "termijnenwet); nu: 1 werkdag te laat"]


ZOU_STUCK = ZOU_MOTHER.replace("peildatum: 2024-03-01", "peildatum: 2024-02-27") + """\
knelpunten:
  - ladder: geen-lokale-oplossing
    datum: 2024-02-19
escalaties:
  - ladder: geen-lokale-oplossing
    stap: 1
    datum: 2024-02-20
    gestart_door:
      betrokkene: lt-1
    uitkomst: lopend
"""
"""A youth case escalated because there is no local solution: for youth the regional
doorbraakteam comes in at the same time (ZOU's route 2), within the region's escalation term."""


def test_the_doorbraakteam_is_not_due_before_the_regions_term_has_passed(tmp_path: Path) -> None:
    assert _codes(_check(tmp_path, ZOU_STUCK)) == []


def test_the_doorbraakteam_alongside_escalating_is_overdue_after_the_term(tmp_path: Path) -> None:
    text = ZOU_STUCK.replace("peildatum: 2024-02-27", "peildatum: 2024-03-01")
    [finding] = _check(tmp_path, text)
    assert finding.code == "ESCALATIE-ROUTE"
    assert finding.message == (
        "bij stap 1 (Opschalen) hoort tegelijk stap 2 (Regionaal doorbraakteam inschakelen) "
        "gestart te zijn, uiterlijk 2024-02-27 (5 werkdagen); nu: niet gestart")


def test_the_doorbraakteam_after_escalating_failed_is_not_at_the_same_time(
        tmp_path: Path) -> None:
    """The source: "schaal op & schakel bij jeugd het regionaal doorbraakteam in", not one after
    the other."""
    text = ZOU_STUCK.replace("    uitkomst: lopend\n", "    uitkomst: geen-resultaat\n"
                             "    afgerond: 2024-02-23\n") + """\
  - ladder: geen-lokale-oplossing
    stap: 2
    datum: 2024-02-26
    gestart_door:
      betrokkene: lt-1
    uitkomst: lopend
"""
    [finding] = _check(tmp_path, text)
    assert (finding.code, finding.message) == ("ESCALATIE-ROUTE", (
        "stap 2 (Regionaal doorbraakteam inschakelen) hoort tegelijk met stap 1 (Opschalen) "
        "gestart te worden, niet erna; nu: gestart op 2024-02-26, nadat stap 1 (Opschalen) op "
        "2024-02-23 was afgerond"))
    together = text.replace("    datum: 2024-02-26\n", "    datum: 2024-02-20\n")
    assert _codes(_check(tmp_path, together)) == []


def test_next_says_who_must_act_now_and_by_when(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = run("next", str(_case(tmp_path, ZOU_STUCK)))
    assert result.exit_code == 0, result.output
    assert ("nu aan zet: procesregisseur of behandelaar/begeleider: stap 2 (Regionaal "
            "doorbraakteam inschakelen) tegelijk met stap 1 (Opschalen) starten, uiterlijk "
            "2024-02-27") in result.output
    document = json.loads(run("next", "--format", "json", str(_case(tmp_path, ZOU_STUCK)))
                          .output)
    [route] = document["routes"]
    assert route["aan_zet"] == {"wie": ["procesregisseur", "behandelaar/begeleider"],
                                "wat": "stap 2 (Regionaal doorbraakteam inschakelen) tegelijk "
                                       "met stap 1 (Opschalen) starten",
                                "uiterlijk": "2024-02-27", "ieder": False, "verstreken": False}
