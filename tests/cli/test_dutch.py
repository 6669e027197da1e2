"""click's own texts are Dutch (through the gettext catalogue), and so are regiekit's counts."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import click
import pytest
from cli_support import REPO, run

from generator.cli import main
from generator.i18n import CATALOGUE, dutch, read_po

ENGLISH = re.compile(r"\b(Usage|Options|Commands|Show|Error|Try|Missing|Invalid|is not|does not|"
                     r"default|required|passed|failed)\b")


def _click_messages() -> set[tuple[str, ...]]:
    """Every text click passes to `_()` or `ngettext()`, read from its source."""
    found: set[tuple[str, ...]] = set()
    for path in Path(click.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                    and node.func.id in ("_", "ngettext"):
                texts = tuple(a.value for a in node.args[:2 if node.func.id == "ngettext" else 1]
                              if isinstance(a, ast.Constant) and isinstance(a.value, str))
                if texts:
                    found.add(texts)
    return found


def test_every_click_text_has_a_dutch_translation() -> None:
    translation = dutch()
    missing = [texts for texts in _click_messages()
               if (texts[0] not in translation.singular if len(texts) == 1
                   else texts not in translation.plural)]
    assert missing == []
    assert "required" in translation.singular  # passed to _() through a variable


def test_catalogue_entries_keep_their_placeholders() -> None:
    for entry in read_po(CATALOGUE):
        for key, text in entry.items():
            if key.startswith("msgstr") and entry.get("msgid"):
                source = entry["msgid_plural"] if key == "msgstr[1]" else entry["msgid"]
                assert set(re.findall(r"\{\w+", text)) <= set(re.findall(r"\{\w+", source)), key
                assert set(re.findall(r"%\(\w+\)s", text)) == set(
                    re.findall(r"%\(\w+\)s", source))


@pytest.mark.parametrize("command", [[], *([name] for name in main.commands)])
def test_help_is_dutch(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert result.output.startswith("Gebruik: regiekit ")
    assert "Opties:" in result.output and "Toon deze hulp en stop." in result.output
    assert not ENGLISH.search(result.output), ENGLISH.search(result.output)


@pytest.mark.parametrize(("args", "dutch_text"), [
    (["check", "--jobs", "-1"], "'-1' ligt niet in het bereik x>=0."),
    (["check", "--jobs", "veel"], "'veel' is geen geldig getal."),
    (["validate", "--frmat", "json"], "Onbekende optie '--frmat'. Bedoelde u '--format'?"),
    (["build", "--case"], "Optie '--case' vraagt een waarde."),
    (["next", "a.yaml", "b.yaml"], "Onverwacht extra argument (b.yaml)"),
])
def test_usage_errors_are_dutch(args: list[str], dutch_text: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert dutch_text in result.output.replace("-1 ligt", "'-1' ligt")
    assert not ENGLISH.search(result.output)


def test_version_is_dutch() -> None:
    assert re.fullmatch(r"regiekit, versie \d+\.\d+\.\d+\n", run("--version").output)


def test_counts_use_singular_and_plural(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    one = run("check", "--disable", "REGISSEUR-EEN",
              "examples/cases/zou-alleenstaande-moeder-fout.yaml").output
    assert one.rstrip().endswith("1 fout, 0 waarschuwingen in 1 bestand; uitgezet: "
                                 "REGISSEUR-EEN")
    many = run("check", "examples/cases").output
    assert re.search(r"\d+ fouten, \d+ waarschuwingen, 1 bewuste afwijking in \d+ bestanden", many)


def test_no_message_counts_with_a_parenthesised_plural() -> None:
    """`1 fout(en)`, `1 maand(en)`: a count says `1 fout`, `2 fouten` (documents.words.plural)."""
    found = []
    for path in (REPO / "generator").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
                      and node.body and isinstance(node.body[0], ast.Expr)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and id(node) not in docstrings \
                    and re.search(r"[a-z]\((en|s|men)\)", node.value):
                found.append(f"{path.relative_to(REPO)}:{node.lineno}: {node.value}")
    assert found == []
