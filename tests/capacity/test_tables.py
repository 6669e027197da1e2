"""CSV exports read as documents with lines and columns."""

from __future__ import annotations

import pytest

from generator.errors import YamlLoadError
from generator.model.capacity import DemandRow, Deployment
from generator.model.tables import parse_table


def test_semicolons_decimal_commas_and_positions() -> None:
    text = "wijk;zorgsoort;dagdeel;dag;uren\n\nnoord;pv;ochtend;week;12,5\nnoord;pv;avond;za;3\n"
    table = parse_table(text, "vraag.csv", DemandRow)
    assert table.problems == []
    assert table.document.data == {"zorgvraag": [
        {"wijk": "noord", "zorgsoort": "pv", "dagdeel": "ochtend", "dag": "week", "uren": 12.5},
        {"wijk": "noord", "zorgsoort": "pv", "dagdeel": "avond", "dag": "za", "uren": 3}]}
    position = table.document.position(("zorgvraag", 1, "uren"))
    assert (position.line, position.column) == (4, 19)


def test_commas_with_a_quoted_decimal_comma() -> None:
    table = parse_table('wijk,zorgsoort,dagdeel,dag,uren\nzuid,pv,nacht,week,"7,5"\n',
                        "v.csv", DemandRow)
    assert table.document.data["zorgvraag"][0]["uren"] == 7.5
    assert table.document.position(("zorgvraag", 0, "uren")).column == 20  # the opening quote


def test_text_columns_stay_text() -> None:
    """A client id of digits stays the text it is (a number column would lose its zeros)."""
    table = parse_table("client,datum,uren\n004217,2025-03-03,1\n", "inzet.csv", Deployment)
    assert table.document.data["inzet"][0] == {"client": "004217", "datum": "2025-03-03",
                                               "uren": 1}


def test_header_problems_name_the_column_and_where() -> None:
    table = parse_table("wijk;naam;uren;uren\nnoord;x;1;2;3\n", "v.csv", DemandRow,
                        required=("wijk", "zorgsoort", "uren"))
    found = [(p.line, p.column, p.code) for p in table.problems]
    assert found == [(1, 6, "CSV-ONBEKENDE-KOLOM"), (1, 16, "CSV-DUBBELE-KOLOM"),
                     (1, 1, "CSV-KOLOM-ONTBREEKT"), (2, 13, "CSV-TE-VEEL-VELDEN")]
    assert "zorgsoort" in table.problems[2].message


def test_an_empty_file_is_unreadable() -> None:
    with pytest.raises(YamlLoadError) as error:
        parse_table("\n\n", "leeg.csv", DemandRow)
    assert error.value.code == "CSV-LEEG"
