"""Every libyaml message a coordinator can trigger comes out in Dutch, at the right line."""

from __future__ import annotations

import re

import pytest
import yaml

from generator.errors import YamlLoadError
from generator.loader import _SYNTAX_PROBLEMS, parse_yaml

TRIGGERS = {
    "could not find expected ':'": "naam: a\nrollen\nland: NL\n",
    "mapping values are not allowed in this context": "omschrijving: let op: dit breekt\n",
    "mapping keys are not allowed in this context": "naam: ? vraag\n",
    "block sequence entries are not allowed in this context": "rollen: - regisseur\n",
    "found character that cannot start any token": "naam: @gemeente\n",
    "found a tab character that violates indentation": "naam: a\n\tb\n",
    "found a tab character where an indentation space is expected": "tekst: |\n\tregel\n",
    "found an indentation indicator equal to 0": "tekst: |0\n  regel\n",
    "did not find expected key": "rollen:\n  id: a\n naam: b\n",
    "did not find expected '-' indicator": "- a\n- b\nc: d\n",
    "did not find expected node content": "lijst: [a, - b]\n",
    "did not find expected ',' or ']'": "lijst: [a, b\nnaam: c\n",
    "did not find expected ',' or '}'": "tabel: {a: 1\nnaam: c\n",
    "did not find expected comment or line break": "tekst: |x\n  regel\n",
    "did not find expected <document start>": "a: 1\n...\nb\n: c\n",
    "found unexpected end of stream": 'naam: "niet gesloten\n',
    "found unexpected document indicator": "naam: 'niet gesloten\n---\n'\n",
    "found unknown escape character": 'pad: "C:\\map"\n',
    "did not find expected hexdecimal number": 'tekst: "\\xZZ"\n',
    "found invalid Unicode character escape code": 'tekst: "\\UFFFFFFFF"\n',
    "found undefined alias": "naam: *onbekend\n",
    "second occurrence": "a: &x 1\nb: &x 2\n",
    "but found another document": "a: 1\n---\nb: 2\n",
    "did not find expected alphabetic or numeric character": "naam: & co\n",
    "found undefined tag handle": "naam: !x!y waarde\n",
    "did not find the expected '>'": "naam: !<abc waarde\n",
    "did not find expected tag URI": "naam: !<> waarde\n",
    "did not find URI escaped octet": "naam: !<%ZZ> waarde\n",
    "could not find expected directive name": "%\nnaam: a\n",
    "found unexpected non-alphabetical character": "%YAML1.1\n---\nnaam: a\n",
    "found unknown directive name": "%procent van de gezinnen\n---\nnaam: a\n",
    "did not find expected whitespace": "%TAG !x!foo\n---\nnaam: a\n",
    "did not find expected version number": "%YAML x.1\n---\nnaam: a\n",
    "did not find expected digit or '.' character": "%YAML 1\n---\nnaam: a\n",
    "found extremely long version number": "%YAML 1.1111111111111\n---\nnaam: a\n",
    "found incompatible YAML document": "%YAML 2.0\n---\nnaam: a\n",
    "found duplicate %YAML directive": "%YAML 1.1\n%YAML 1.1\n---\nnaam: a\n",
    "found duplicate %TAG directive": "%TAG !x! a\n%TAG !x! b\n---\nnaam: a\n",
}
ENGLISH = re.compile(r"\b(found|expected|allowed|mapping|while|scanning|parsing|character|"
                     r"stream|indicator)\b")


def test_every_translated_message_has_a_trigger() -> None:
    assert set(TRIGGERS) == set(_SYNTAX_PROBLEMS)


@pytest.mark.parametrize("problem", sorted(TRIGGERS))
def test_libyaml_message_is_dutch(problem: str) -> None:
    text = TRIGGERS[problem]
    with pytest.raises(yaml.MarkedYAMLError) as raw:
        yaml.compose(text, Loader=yaml.CSafeLoader)
    assert raw.value.problem == problem  # the trigger really produces this libyaml message
    with pytest.raises(YamlLoadError) as translated:
        parse_yaml(text, "regio.yaml")
    message = translated.value.message
    assert message == "ongeldige YAML: " + _SYNTAX_PROBLEMS[problem] or message.startswith(
        "ongeldige YAML: " + _SYNTAX_PROBLEMS[problem] + " (")
    assert not ENGLISH.search(message.replace("YAML", "")), message


def test_position_points_at_the_problem() -> None:
    with pytest.raises(YamlLoadError) as error:
        parse_yaml("naam: a\nomschrijving: let op: dit breekt\n", "regio.yaml")
    assert (error.value.line, error.value.column) == (2, 21)


def test_duplicate_anchor_names_the_first_occurrence() -> None:
    with pytest.raises(YamlLoadError) as error:
        parse_yaml("a: &x 1\nb: 2\nc: &x 3\n", "regio.yaml")
    assert error.value.line == 3 and "(eerste keer op regel 1)" in error.value.message


@pytest.mark.parametrize(("text", "line", "column", "code"), [
    ("naam: b\x07c\n", 1, 8, "0007"),
    ("naam: ëëë\nomschrijving: \x0b\n", 2, 15, "000B"),
])
def test_control_character_in_dutch_at_its_line(text: str, line: int, column: int,
                                                code: str) -> None:
    with pytest.raises(YamlLoadError) as error:
        parse_yaml(text, "regio.yaml")
    assert (error.value.line, error.value.column) == (line, column)
    assert error.value.message == (f"ongeldige YAML: stuurteken U+{code} in de tekst; haal het "
                                   "weg (vaak meegekopieerd uit Word of een e-mail)")
