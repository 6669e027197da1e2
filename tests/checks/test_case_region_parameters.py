"""Rules read their parameters from the region: editing regio.yaml changes the verdict."""

from __future__ import annotations

from pathlib import Path

from case_support import EXAMPLES, OPTIONS, region_copy

from generator.casecheck import CheckOptions, check_file


def _codes(path: Path, options: CheckOptions) -> list[tuple[str, int]]:
    return sorted((f.code, f.line) for f in check_file(path, options).findings)


def test_reply_term_of_five_days_accepts_the_late_reply(tmp_path: Path) -> None:
    case = EXAMPLES / "apeldoorn-complexe-casus-fout.yaml"
    before = _codes(case, OPTIONS)
    options = region_copy(tmp_path, "apeldoorn", "reactietermijn_werkdagen: 4",
                           "reactietermijn_werkdagen: 5")
    after = _codes(case, options)
    assert [c for c in before if c[0] == "REACTIETERMIJN"] == [("REACTIETERMIJN", 99)]
    assert [c for c in after if c[0] == "REACTIETERMIJN"] == []


def test_reply_term_of_three_days_makes_the_good_case_late(tmp_path: Path) -> None:
    case = EXAMPLES / "apeldoorn-complexe-casus.yaml"
    options = region_copy(tmp_path, "apeldoorn", "reactietermijn_werkdagen: 4",
                           "reactietermijn_werkdagen: 3")
    assert _codes(case, OPTIONS) == []
    assert _codes(case, options) == [("REACTIETERMIJN", 100)]  # the reply on day 4


def test_allowing_the_gi_to_start_step_4_changes_the_verdict(tmp_path: Path) -> None:
    case = EXAMPLES / "apeldoorn-complexe-casus-fout.yaml"
    old = ("        initiatiefnemers:\n          - gemeentelijke-toegang\n"
           "        uitvoerder: gemeentelijke-toegang\n"
           "        deelnemers:\n          - zorgaanbieder")
    new = ("        initiatiefnemers:\n          - gemeentelijke-toegang\n          - gi\n"
           "        uitvoerder: gemeentelijke-toegang\n"
           "        deelnemers:\n          - zorgaanbieder")
    options = region_copy(tmp_path, "apeldoorn", old, new)
    assert ("LADDER-INITIATIEF", 106) in _codes(case, OPTIONS)
    assert ("LADDER-INITIATIEF", 106) not in _codes(case, options)


def test_meeting_interval_of_21_days_accepts_the_gap(tmp_path: Path) -> None:
    case = EXAMPLES / "terneuzen-hulst-gezinscoach-fout.yaml"
    options = region_copy(tmp_path, "terneuzen-hulst", "dagen: 14", "dagen: 21")
    assert ("OVERLEG-FREQUENTIE", 36) in _codes(case, OPTIONS)
    assert ("OVERLEG-FREQUENTIE", 36) not in _codes(case, options)


def test_a_step_requiring_all_initiators(tmp_path: Path) -> None:
    # ZOU: procesregisseur and behandelaar both escalate, each to their own manager.
    options = region_copy(tmp_path, "zou", "        alle_initiatiefnemers: true\n", "")
    case = tmp_path / "zou-geen-overeenstemming.yaml"
    case.write_text(
        "casus: zou-geen-overeenstemming\nregio: zou\nkader: vrijwillig\ndoelgroep: volwassenen\n"
        "peildatum: 2024-02-15\nhuishouden:\n  - id: client\n    rol: client\n"
        "betrokkenen:\n  - id: lt-1\n    rol: lokaal-team-professional\n"
        "  - id: beh-1\n    rol: behandelaar\n"
        "regie:\n  - rol: procesregisseur\n    betrokkene: lt-1\n    van: 2024-01-01\n"
        "plannen:\n  - opgesteld: 2024-01-08\n    met: [client, lt-1]\n    doelen: [Werk.]\n"
        "escalaties:\n  - ladder: geen-overeenstemming\n    stap: 1\n    datum: 2024-02-01\n"
        "    gestart_door:\n      betrokkene: lt-1\n", encoding="utf-8")
    assert _codes(case, OPTIONS) == [("ESCALATIE-ROUTE", 27)]  # gestart_door of step 1
    assert _codes(case, options) == []
