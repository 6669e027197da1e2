"""Every code a finding can carry is declared once, with a Dutch title; `regiekit regels` lists
them all."""

from __future__ import annotations

import json
import re

import pytest
from cli_support import REPO, run

from generator.codes import TOOL_CODES, catalogue_codes

CODE = re.compile(r'"([A-Z][A-Z0-9]+(?:-[A-Z0-9]+)+)"')
NOT_CODES = {"UTF-8"}


def _codes_in_source() -> set[str]:
    found: set[str] = set()
    for path in (REPO / "generator").rglob("*.py"):
        if path.name == "codes.py" or "templates" in path.parts:
            continue
        found |= set(CODE.findall(path.read_text(encoding="utf-8")))
    return found - NOT_CODES


def test_every_code_in_the_source_is_declared() -> None:
    declared = {code.id for code in TOOL_CODES}
    rules = {code.id for code in catalogue_codes(REPO / "rules" / "regels.yaml")}
    assert _codes_in_source() - declared - rules == set()


def test_every_declared_tool_code_is_used() -> None:
    assert {code.id for code in TOOL_CODES} - _codes_in_source() == set()


def test_codes_are_unique_and_titled() -> None:
    ids = [code.id for code in TOOL_CODES]
    assert len(ids) == len(set(ids))
    assert all(code.title and code.source for code in TOOL_CODES)


@pytest.mark.parametrize("output_format", ["text", "json"])
def test_regels_lists_every_rule_and_code(output_format: str,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = run("regels", "--format", output_format)
    assert result.exit_code == 0
    expected = {code.id for code in TOOL_CODES} | {
        code.id for code in catalogue_codes(REPO / "rules" / "regels.yaml")}
    if output_format == "json":
        listed = json.loads(result.output)
        assert {entry["code"] for entry in listed} == expected
        [reply] = [e for e in listed if e["code"] == "REACTIETERMIJN"]
        assert reply == {"code": "REACTIETERMIJN", "titel": reply["titel"], "ernst": "fout",
                         "bron": reply["bron"], "opdracht": "check", "aan": True,
                         "uit_te_zetten": True}
        assert "Trap 2. Digitale zorgtafel" in reply["bron"]
    else:
        for code in expected:
            assert re.search(rf"^{re.escape(code)} ", result.output, re.MULTILINE), code
        assert result.output.endswith(f"{len(expected)} codes, waarvan 0 uit\n")
