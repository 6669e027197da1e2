"""The comparison lines regions up by kind of function, as matrices with ✓/—, and says
everything once."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import docx
from documents_support import REPO, SHIPPED, docx_text, region_data
from docx.table import Table

from generator.documents.comparison import FEATURES
from generator.model.region import FunctionKind
from generator.regions import load_region


def tables(built: Path) -> list[Table]:
    return docx.Document(str(built / "vergelijking.docx")).tables


def grid(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def names() -> list[str]:
    return [region_data(region)["naam"] for region in SHIPPED]


def test_functions_are_lined_up_by_kind(built: Path) -> None:
    """ZOU's "Coördinatie van zorg" stands beside zorgcoördinatie elsewhere."""
    rows = grid(tables(built)[0])
    assert rows[0] == ["Soort functie", *names()]
    kinds = {function["soort"] for region in SHIPPED
             for function in region_data(region).get("functies", [])}
    assert [row[0] for row in rows[1:]] == [FunctionKind.LABELS[kind] for kind in
                                            FunctionKind.ALL if kind in kinds]
    by_kind = {row[0]: dict(zip(names(), row[1:], strict=True)) for row in rows[1:]}
    coordination = by_kind["Zorgcoördinatie"]
    assert coordination["Regio Zuid Oost Utrecht (ZOU)"] == \
        "Coördinatie van zorg: procesregisseur"
    assert coordination["Middelburg (CJG-pilot)"] == "casusregisseur"
    assert by_kind["Zorgregie"]["Regio Zuid Oost Utrecht (ZOU)"] == "—"
    assert "niet apart beschreven" not in docx_text(built / "vergelijking.docx")


def test_agreements_at_a_glance_are_ticks(built: Path) -> None:
    rows = grid(tables(built)[1])
    assert rows[0] == ["Afspraak", *names()]
    assert [row[0] for row in rows[1:]] == [label for label, _ in FEATURES]
    assert {cell for row in rows[1:] for cell in row[1:]} == {"✓", "—"}
    ticks = {row[0]: dict(zip(SHIPPED, row[1:], strict=True)) for row in rows[1:]}
    term = ticks["Reactietermijn in werkdagen"]
    assert [region for region, tick in term.items() if tick == "✓"] == ["apeldoorn"]
    temporary = ticks["Rol die alleen tijdelijk wordt ingezet"]
    assert [region for region, tick in temporary.items() if tick == "✓"] == ["empact"]
    for region in SHIPPED:  # every tick is what the model says, never a region's name
        model = load_region(region, REPO / "regions")
        assert [ticks[label][region] == "✓" for label, _ in FEATURES] == \
            [test(model) for _, test in FEATURES]


def test_a_condition_is_stated_once(built: Path) -> None:
    """"MEE (alleen: Alleen als ...)" stood in the comparison twelve times."""
    text = docx_text(built / "vergelijking.docx")
    for region in ("schouwen-duiveland", "middelburg", "terneuzen-hulst"):
        for role in region_data(region)["rollen"]:
            for eligible in role.get("geschikte_organisaties", []):
                for condition in eligible.get("voorwaarden", []):
                    assert text.count(condition["tekst"]) == 1
    assert "onder voorwaarden ook MEE en Indigo" in text


def test_no_table_repeats_another(built: Path) -> None:
    """The overview used to repeat every later table."""
    seen: Counter[str] = Counter()
    for table in tables(built):
        seen.update({cell for row in grid(table)[1:] for cell in row[1:]
                     if len(cell.split()) >= 5})
    assert [cell for cell, count in seen.items() if count > 1] == []
