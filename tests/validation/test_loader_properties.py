"""Property-based tests for the one YAML loader."""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.errors import YamlLoadError
from generator.loader import parse_yaml

YAML_ALPHABET = st.sampled_from(list(string.printable) + ["ï", "€", "\t", "&", "*", "!", "|", ">"])


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=YAML_ALPHABET, max_size=200))
def test_any_text_loads_or_raises_yaml_load_error(text: str) -> None:
    try:
        parse_yaml(text)
    except YamlLoadError as error:
        assert error.line >= 1 and error.column >= 1 and error.message


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["- ", "a: ", "[", "]", "{", "}", "&x ", "*x", ", ", "\n", "  ",
                                 "? ", ": ", "!!str ", "'", '"', "#", "b"]), max_size=60))
def test_yaml_looking_fragments_load_or_raise_yaml_load_error(parts: list[str]) -> None:
    try:
        parse_yaml("".join(parts))
    except YamlLoadError:
        pass


YAML11_SURPRISES = ["ja", "nee", "yes", "no", "Yes", "NO", "on", "off", "On", "OFF", "y", "n",
                    "9:30", "12:00:00", "1:30", "2024-01-01", "0o17", "0x1F", "1_000", ".inf",
                    "<<", "="]


@given(st.sampled_from(YAML11_SURPRISES), st.sampled_from(["waarde: {}", "- {}", "[{}]"]))
def test_scalars_that_look_special_stay_text(word: str, shape: str) -> None:
    data = parse_yaml(shape.format(word)).data
    value = data["waarde"] if isinstance(data, dict) else data[0]
    assert value == word and isinstance(value, str)


@given(st.integers(min_value=1, max_value=23), st.integers(min_value=0, max_value=59))
def test_clock_times_stay_text(hour: int, minute: int) -> None:
    assert parse_yaml(f"tijd: {hour}:{minute:02d}").data == {"tijd": f"{hour}:{minute:02d}"}


@given(st.booleans(), st.integers(min_value=-10**6, max_value=10**6))
def test_core_schema_values_keep_their_type(flag: bool, number: int) -> None:
    data = parse_yaml(f"vlag: {str(flag).lower()}\ngetal: {number}\nleeg: null").data
    assert data == {"vlag": flag, "getal": number, "leeg": None}


@given(st.dictionaries(st.from_regex(r"[a-z]{1,8}", fullmatch=True), st.integers(), min_size=1,
                       max_size=8))
def test_every_key_has_its_line(mapping: dict[str, int]) -> None:
    text = "".join(f"{key}: {value}\n" for key, value in mapping.items())
    document = parse_yaml(text)
    for line, key in enumerate(mapping, start=1):
        assert document.position((key,), key=True).line == line
