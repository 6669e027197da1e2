"""`regiekit validate` at scale and against hostile input: many broken references, very long
ladders, long cycles, huge step numbers, values typed into a case in the wrong place."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest
from reliability_support import REGIONS, _typo, broken_references, long_ladder, read, run, write

from generator.hints import SMALL, Hints
from generator.loader import parse_yaml
from generator.validation import validate_document, validate_files


def _region(tmp_path: Path) -> dict:
    return read(REGIONS / "apeldoorn" / "regio.yaml")


def _validate(tmp_path: Path, data: dict) -> list:
    path = write(tmp_path / "regions" / "apeldoorn" / "regio.yaml", data)
    result = validate_files([path])
    assert not result.unreadable
    return sorted(result.findings)


def _one_edit(a: str, b: str) -> bool:
    """a and b differ by one letter added, dropped, changed, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    deletions = {a[:i] + a[i + 1:] for i in range(len(a))} | {a}
    return bool(deletions & ({b[:i] + b[i + 1:] for i in range(len(b))} | {b}))


def test_hints_agree_with_difflib_on_typos_in_a_large_set() -> None:
    candidates = [f"rol-{n:05d}-{'abcdefghij'[n % 10]}" for n in range(2_000)]
    hints = Hints(candidates)
    sample = [_typo(candidates[n], n) for n in range(0, 2_000, 67)]
    assert [hints.closest(word) for word in sample] == [
        difflib.get_close_matches(word, candidates, n=1)[0] for word in sample]


def test_hints_in_a_small_set_are_difflibs_own() -> None:
    words = ["gemeentelijk-toegang", "zorgaanbeider", "regiodirecteuren", "gi", "xyz"]
    candidates = ["gemeentelijke-toegang", "zorgaanbieder", "regiodirecteur", "gi-jeugd", "mee"]
    assert len(candidates) <= SMALL
    hints = Hints(candidates)
    assert [hints.closest(word) for word in words] == [
        (difflib.get_close_matches(word, candidates, n=1) or [None])[0] for word in words]


def test_twenty_thousand_broken_references_get_a_finding_and_a_hint_each(tmp_path: Path) -> None:
    data = _region(tmp_path)
    broken_references(data, 20_000)
    findings = [f for f in _validate(tmp_path, data) if f.code == "VERWIJZING-ONBEKEND"]
    assert len(findings) == 20_000
    hinted = [re.fullmatch(r".*: rol '([^']*)' bestaat niet in rollen; bedoelde u '([^']*)'\?",
                           f.message) for f in findings]
    assert all(match and _one_edit(match.group(1), match.group(2)) for match in hinted)


def test_a_message_lists_at_most_ten_known_ids(tmp_path: Path) -> None:
    data = _region(tmp_path)
    broken_references(data, 200)
    data["ladders"][0]["stappen"][0]["deelnemers"] = ["volkomen-anders"]
    message = next(f.message for f in _validate(tmp_path, data)
                   if f.code == "VERWIJZING-ONBEKEND")
    assert message.endswith(f"({len(data['rollen'])} in totaal))")
    assert message.count(",") == 10


def test_a_ladder_of_ten_thousand_steps_validates(tmp_path: Path) -> None:
    data = _region(tmp_path)
    long_ladder(data, 10_000)
    assert [f.code for f in _validate(tmp_path, data)] == []


def test_a_cycle_through_ten_thousand_steps_is_one_short_finding(tmp_path: Path) -> None:
    data = _region(tmp_path)
    long_ladder(data, 10_000, back_to=1)
    findings = _validate(tmp_path, data)
    assert [f.code for f in findings] == ["LADDER-CYCLUS"]
    assert "loopt rond: 1 → 2 → 3 → 4 → ... (9994 stappen) ... → 9999 → 10000 → 1" \
        in findings[0].message


def test_a_huge_step_number_gives_a_short_message(tmp_path: Path) -> None:
    data = _region(tmp_path)
    data["ladders"][0]["stappen"][-1]["nummer"] = 10 ** 9
    messages = [f.message for f in _validate(tmp_path, data) if f.code == "LADDER-NUMMERING"]
    assert messages and all(len(message) < 300 for message in messages)
    assert "de stappen 4 t/m 999999999 ontbreken" in messages[0]


PLANTED = "Jan Jansen 123456782"
"""A name and a (test) citizen service number, typed where they do not belong."""


def _case(**changes: object) -> str:
    case = {"casus": "casus-1", "regio": "apeldoorn", "kader": "vrijwillig",
            "doelgroep": "jeugd", "huishouden": [{"id": "kind", "rol": "jeugdige"}]}
    case.update(changes)
    return "\n".join(f"{key}: {value!r}" if isinstance(value, str) else f"{key}: {value}"
                     for key, value in case.items())


@pytest.mark.parametrize("text", [
    _case(casus=PLANTED),
    _case(kader=PLANTED),
    _case(peildatum=PLANTED),
    _case(huishouden=f"[{{id: kind, rol: jeugdige, leeftijd: '{PLANTED}'}}]"),
    _case(probleemgebieden=f"['{PLANTED}', '{PLANTED}']"),
    _case(**{PLANTED.replace(" ", "_"): 1}),
    _case() + f"\nkader: '{PLANTED}'",
    _case() + f"\n{PLANTED.replace(' ', '_')}: 1\n{PLANTED.replace(' ', '_')}: 2",
])
def test_schema_messages_about_a_case_never_repeat_its_values(text: str) -> None:
    document = parse_yaml(text, "casussen/casus.yaml")
    findings = validate_document(document)
    assert findings
    for finding in findings:
        assert "Jan" not in finding.message and "123456782" not in finding.message, \
            finding.message


def test_toon_waarden_shows_the_wrong_value_on_request(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "casus.yaml").write_text(_case(kader=PLANTED), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    hidden, shown = run("validate", "casus.yaml"), run("validate", "--toon-waarden", "casus.yaml")
    assert hidden.exit_code == shown.exit_code == 1
    assert PLANTED not in hidden.stdout
    assert "de waarde van kader is niet toegestaan" in hidden.stdout
    assert f"'{PLANTED}' is niet toegestaan in kader" in shown.stdout


def test_a_very_long_region_text_is_a_warning_naming_the_field(tmp_path: Path) -> None:
    data = _region(tmp_path)
    data["ladders"][0]["omschrijving"] = "lang " * 4_000
    findings = [f for f in _validate(tmp_path, data) if f.code == "TEKST-TE-LANG"]
    assert [(f.severity.value, f.message) for f in findings] == [(
        "waarschuwing", "de tekst in ladders[0].omschrijving is 20.000 tekens lang, meer dan "
        "10.000: een document met zo'n alinea opent traag of niet in Word en LibreOffice; kort "
        "de tekst in of verwijs naar een bijlage")]


def test_a_megabyte_in_a_case_is_a_warning_in_validate_and_build(tmp_path: Path,
                                                                   monkeypatch) -> None:
    from reliability_support import REPO, copy_regions

    case = read(REPO / "examples" / "cases" / "apeldoorn-complexe-casus.yaml")
    case["formulieren"][0]["velden"]["om-wie-gaat-het"]["clientkenmerken"] = \
        f"{PLANTED} " * 50_000
    write(tmp_path / "casus.yaml", case)
    copy_regions(tmp_path, "apeldoorn")
    monkeypatch.chdir(tmp_path)
    validated = run("validate", "casus.yaml")
    built = run("build", "--case", "casus.yaml", "--out", "out")
    field = "formulieren[0].velden.om-wie-gaat-het.clientkenmerken"
    assert validated.exit_code == 0 and built.exit_code == 0
    assert f"[waarschuwing] TEKST-TE-LANG de tekst in {field} is 1.050.000 tekens lang" \
        in validated.stdout
    assert f"[waarschuwing] TEKST-TE-LANG de tekst in {field} is 1.050.000 tekens lang" \
        in built.stderr
    assert "Jan" not in validated.stdout + built.stdout + built.stderr
