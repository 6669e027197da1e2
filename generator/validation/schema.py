"""JSON Schema validation with findings in Dutch, each at the line of the offending value or key.

The canonical schemas live in the repository's `schemas/` folder, which editors read through the
`# yaml-language-server: $schema=` line of every region file. `generator/schemas` is a symlink to
that folder, so `package-data` (`schemas/*.json` in pyproject.toml) copies the same files into a
wheel; in a checkout or an editable install the symlink resolves to the canonical files. One set
of schemas, no copy to keep in sync.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.documents.words import plural
from generator.errors import RegiekitError
from generator.hints import Hints
from generator.loader import JsonPath
from generator.validation import quickcheck
from generator.validation.problems import Problem, describe_path

if TYPE_CHECKING:  # imported when a document is not valid (see schema_problems)
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"

_TYPES = {
    "string": "tekst", "integer": "een geheel getal", "number": "een getal",
    "boolean": "true of false", "array": "een lijst", "object": "een tabel (sleutel: waarde)",
    "null": "leeg",
}


def schema_path(name: str) -> Path:
    """Where the schema `name` (e.g. `regio.schema.json`) is, installed or in a checkout."""
    return SCHEMA_DIR / name


@cache
def schema_of(name: str) -> dict[str, Any] | None:
    """The schema file `name` as data, read once per run; None if it does not exist."""
    path = schema_path(name)
    try:
        schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:
        raise RegiekitError(f"schema {path} kan niet gelezen worden ({error})") from None
    return schema


@cache
def validator_for(name: str) -> Draft202012Validator | None:
    """The compiled validator for a schema file, once per run; None if the schema does not exist."""
    from jsonschema import Draft202012Validator

    schema = schema_of(name)
    if schema is None:
        return None
    inlined = _inline_definitions(schema, schema.get("$defs", {}), frozenset())
    return Draft202012Validator(inlined, format_checker=Draft202012Validator.FORMAT_CHECKER)


_DEFS = "#/$defs/"
_MERGEABLE = {
    "title", "description", "default", "examples", "$comment", "deprecated",
    "minItems", "maxItems", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum",
    "exclusiveMaximum", "uniqueItems", "format", "pattern", "type", "enum", "const",
}
"""Keywords that mean the same beside a definition as inside it (no interplay with others)."""


def _inline_definitions(node: Any, definitions: dict[str, Any], active: frozenset[str]) -> Any:
    """Replace `{"$ref": "#/$defs/x", ...}` by the definition itself where that means the same.

    Resolving a $ref through `referencing` on every use costs more than half of a validate run;
    inlining once per process makes validation about twice as fast. A reference that cannot be
    merged safely (recursive, or beside keywords that interact) stays as it is: the $defs stay.
    """
    if isinstance(node, list):
        return [_inline_definitions(item, definitions, active) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    name = ref[len(_DEFS):] if isinstance(ref, str) and ref.startswith(_DEFS) else None
    siblings = {key: value for key, value in node.items() if key != "$ref"}
    if name in definitions and name not in active and set(siblings) <= _MERGEABLE:
        target = _inline_definitions(definitions[name], definitions, active | {name})
        if isinstance(target, dict) and not (set(siblings) & set(target) - _ANNOTATIONS):
            # The definition's own annotations win: its description explains its pattern.
            return {**_inline_definitions(siblings, definitions, active), **target}
    return {key: _inline_definitions(value, definitions, active) for key, value in node.items()}


@cache
def _compiled(name: str) -> Callable[[Any], Any]:
    import fastjsonschema

    schema = json.loads(schema_path(name).read_text(encoding="utf-8"))
    # Inlined definitions compile to straight-line code: a $ref becomes a function call that
    # formats its error prefix with `locals()` on every call, even for valid data (~40% of the
    # time); only pass/fail is used, so exceptions carry no details (an anyOf branch that does
    # not match raises one). Dates must be real calendar dates, as jsonschema's format checker
    # demands. Defaults are not filled in: validating never changes the document.
    inlined = _inline_definitions(schema, schema.get("$defs", {}), frozenset())
    options: dict[str, Any] = {"formats": {"date": quickcheck.is_calendar_date},
                               "use_default": False}
    try:
        compiled = fastjsonschema.compile(inlined, detailed_exceptions=False, **options)
    except KeyError:  # fastjsonschema 2.22 cannot leave out the details for some keywords
        compiled = fastjsonschema.compile(inlined, **options)
    return compiled  # type: ignore[no-any-return]


def prepare(name: str, *, precheck: bool = False) -> None:
    """Build the validators for schema `name` now rather than on first use (e.g. before worker
    processes are forked, so that they inherit them)."""
    if validator_for(name) is not None and precheck:
        _compiled(name)


def _passes_compiled(name: str, data: Any) -> bool:
    import fastjsonschema

    try:
        _compiled(name)(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


_ANNOTATIONS = {"title", "description", "default", "examples", "$comment", "deprecated"}


def schema_problems(data: Any, name: str, *, precheck: bool = False,
                    show_values: bool = True) -> Iterator[Problem]:
    """Every schema violation of `data` against schema `name`, translated; none if no schema.

    With `precheck`, a compiled validator (fastjsonschema, ~15x faster) decides first and only
    documents it rejects go through jsonschema for the Dutch findings. Compiling costs ~50 ms, so
    it pays off for many documents of one kind (`regiekit check`), not for one `validate` run.
    Without `show_values` no message repeats a value or an unknown key from the document (a
    case file: names and numbers typed in the wrong place must not reach a report).
    Otherwise a quick check (generator.validation.quickcheck) passes a valid document without
    importing jsonschema, which is only needed for a document that is not, or that the quick
    check cannot decide.
    """
    schema = schema_of(name)
    if schema is None:
        return
    if precheck and _passes_compiled(name, data):
        return
    if not precheck and _surely_valid(data, schema):
        return
    validator = validator_for(name)
    assert validator is not None  # the schema exists
    known = property_names(name) if not show_values else None
    for error in validator.iter_errors(data):
        yield from translate(error, _Voice(show_values, known))


def _surely_valid(data: Any, schema: dict[str, Any]) -> bool:
    try:
        return quickcheck.is_valid(data, schema)
    except quickcheck.Unsure:
        return False


@dataclass(frozen=True)
class _Voice:
    """How a message may speak of the document: with its values, or only of where they are.

    `known_keys`: the property names of the schema, which may be named even when values may
    not (they are the schema's words, not the writer's).
    """

    show_values: bool = True
    known_keys: frozenset[str] | None = None

    def where(self, path: JsonPath) -> str:
        """The path, its keys masked where they may be a value (see describe_path)."""
        return describe_path(path, private=not self.show_values)

    def key(self, key: Any) -> str:
        shown = self.show_values or (self.known_keys is not None and key in self.known_keys)
        return f" '{key}'" if shown else ""


_SHOW = _Voice()


def translate(error: ValidationError, voice: _Voice = _SHOW) -> Iterator[Problem]:
    """One jsonschema error as Dutch problems; oneOf/anyOf become their best-matching branch."""
    if error.validator in ("oneOf", "anyOf") and error.context:
        # best_match descends into the branches itself; it returns the error unchanged when no
        # branch is clearly closest.
        from jsonschema.exceptions import best_match

        best = best_match([error])
        if best is not None and best is not error:
            yield from translate(best, voice)
            return
    translator = _TRANSLATORS.get(str(error.validator), _other)
    yield from translator(error, tuple(error.absolute_path), voice)


@cache
def property_names(name: str) -> frozenset[str]:
    """Every property name schema `name` declares anywhere."""
    path = schema_path(name)
    schema = json.loads(path.read_text(encoding="utf-8"))
    return frozenset(_property_names(schema))


def _property_names(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        properties = node.get("properties")
        if isinstance(properties, dict):
            yield from properties
        for value in node.values():
            yield from _property_names(value)
    elif isinstance(node, list):
        for value in node:
            yield from _property_names(value)


def _value(value: Any) -> str:
    return f"'{value}'" if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _about(error: ValidationError, path: JsonPath, voice: _Voice, shown: str,
           hidden: str) -> str:
    """`shown` with {value} and {path} filled in; without values `hidden`, with {path} only."""
    if voice.show_values:
        return shown.format(value=_value(error.instance), path=voice.where(path))
    return hidden.format(path=voice.where(path))


def _kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "een getal"
    return {str: "tekst", list: "een lijst", dict: "een tabel", type(None): "leeg"}.get(
        type(value), type(value).__name__)


def _required(error: ValidationError, path: JsonPath, voice: _Voice) -> Iterator[Problem]:
    # jsonschema reports one error per missing key and names it only in its English message.
    missing = [key for key in error.validator_value if key not in error.instance]
    key = _quoted_name(error.message) or (missing[0] if missing else "?")
    yield Problem(path, "SCHEMA-VERPLICHT",
                  f"verplichte sleutel '{key}' ontbreekt in {voice.where(path)}")


def _quoted_name(message: str) -> str | None:
    if message.startswith("'") and message.endswith("' is a required property"):
        return message[1:-len("' is a required property")]
    return None


@cache
def _key_hints(allowed: tuple[str, ...]) -> Hints:
    return Hints(allowed)


def _additional(error: ValidationError, path: JsonPath, voice: _Voice) -> Iterator[Problem]:
    allowed = tuple(sorted(error.schema.get("properties", {})))
    for key in error.instance:
        if key in allowed:
            continue
        hint = _key_hints(allowed).closest(str(key))
        suggestion = f"; bedoelde u '{hint}'?" if hint else f"; toegestaan: {', '.join(allowed)}"
        yield Problem(path + (key,), "SCHEMA-ONBEKENDE-SLEUTEL",
                      f"onbekende sleutel{voice.key(key)} in {voice.where(path)}{suggestion}",
                      key=True)


def _type(error: ValidationError, path: JsonPath, voice: _Voice) -> Iterator[Problem]:
    expected = error.validator_value
    types = [str(t) for t in (expected if isinstance(expected, list) else [expected])]
    names = [_TYPES.get(t, t) for t in types]
    shown = f" ({_value(error.instance)})" if voice.show_values else ""
    message = (f"{voice.where(path)} moet {' of '.join(names)} zijn, "
               f"niet {_kind_of(error.instance)}{shown}")
    if "boolean" in types:
        message += "; schrijf true of false (ja/nee/yes/no/on/off blijven tekst)"
    yield Problem(path, "SCHEMA-TYPE", message)


def _enum(error: ValidationError, path: JsonPath, voice: _Voice) -> Iterator[Problem]:
    options = error.validator_value if error.validator == "enum" else [error.validator_value]
    choices = ", ".join(_value(option) for option in options)
    yield Problem(path, "SCHEMA-WAARDE",
                  _about(error, path, voice, "{value} is niet toegestaan in {path}",
                         "de waarde van {path} is niet toegestaan") + f"; kies uit: {choices}")


def _minimum(error: ValidationError, path: JsonPath, voice: _Voice) -> Iterator[Problem]:
    words = {"minimum": "minstens", "exclusiveMinimum": "groter dan",
             "maximum": "hoogstens", "exclusiveMaximum": "kleiner dan"}
    code = "SCHEMA-MINIMUM" if "inimum" in str(error.validator) else "SCHEMA-MAXIMUM"
    now = f" (nu {_value(error.instance)})" if voice.show_values else ""
    yield Problem(path, code, f"{voice.where(path)} moet {words[str(error.validator)]} "
                              f"{error.validator_value} zijn{now}")


def _pattern(error: ValidationError, path: JsonPath, voice: _Voice) -> Iterator[Problem]:
    explanation = error.schema.get("description") or f"patroon {error.validator_value}"
    yield Problem(path, "SCHEMA-PATROON",
                  _about(error, path, voice, "{value} is geen geldige waarde voor {path}",
                         "de waarde van {path} is ongeldig") + f": {explanation}")


def _format(error: ValidationError, path: JsonPath, voice: _Voice) -> Iterator[Problem]:
    if error.validator_value == "date":
        yield Problem(path, "SCHEMA-DATUM",
                      _about(error, path, voice, "{value} in {path}", "de waarde van {path}")
                      + " is geen bestaande datum (schrijf JJJJ-MM-DD, bijvoorbeeld 2024-03-01)")
        return
    yield Problem(path, "SCHEMA-FORMAAT",
                  _about(error, path, voice, "{value} in {path}", "de waarde van {path}")
                  + f" heeft niet het formaat {error.validator_value}")


def _length(error: ValidationError, path: JsonPath, voice: _Voice) -> Iterator[Problem]:
    size = error.validator_value
    if error.validator == "minLength" and size == 1:
        yield Problem(path, "SCHEMA-LEEG", f"{voice.where(path)} mag niet leeg zijn")
        return
    counted = (plural(size, "teken", "tekens") if "Length" in str(error.validator)
               else plural(size, "element", "elementen"))
    bound = "minstens" if str(error.validator).startswith("min") else "hoogstens"
    code = "SCHEMA-TE-KORT" if bound == "minstens" else "SCHEMA-TE-LANG"
    why = error.schema.get("description") if error.validator == "maxLength" else None
    yield Problem(path, code, f"{voice.where(path)} moet {bound} {counted} bevatten"
                              + (f": {why}" if why else ""))


def _unique(error: ValidationError, path: JsonPath, voice: _Voice) -> Iterator[Problem]:
    """Each repeated item once, in linear time (items are compared by their JSON text)."""
    seen: set[str] = set()
    for index, item in enumerate(error.instance):
        text = json.dumps(item, sort_keys=True, ensure_ascii=False)
        if text not in seen:
            seen.add(text)
            continue
        what = _value(item) if voice.show_values else "een waarde"
        yield Problem(path + (index,), "SCHEMA-DUBBEL",
                      f"{what} staat twee keer in {voice.where(path)}")


def _other(error: ValidationError, path: JsonPath, voice: _Voice) -> Iterator[Problem]:
    yield Problem(path, "SCHEMA-ONGELDIG",
                  f"{voice.where(path)} voldoet niet aan het schema (regel '{error.validator}')")


def _no_branch(error: ValidationError, path: JsonPath, voice: _Voice) -> Iterator[Problem]:
    keys = _required_keys(error.validator_value)
    if keys:  # every branch asks for a key: say which
        yield Problem(path, "SCHEMA-GEEN-VORM",
                      f"{describe_path(path)} mist {_or(keys)}: noem er minstens één")
        return
    yield Problem(path, "SCHEMA-GEEN-VORM",
                  f"{voice.where(path)} past bij geen van de toegestane vormen")


def _excluded(error: ValidationError, path: JsonPath, voice: _Voice) -> Iterator[Problem]:
    keys = _required_keys([error.validator_value])
    if keys:  # `not: {required: [a, b]}`: a and b exclude each other
        yield Problem(path, "SCHEMA-GEEN-VORM",
                      f"{describe_path(path)} noemt {' en '.join(keys)}: kies er één")
        return
    yield from _other(error, path, voice)


def _required_keys(branches: Any) -> list[str]:
    """The keys of branches that each only require keys (`[{required: [a]}, {required: [b]}]`),
    or [] when a branch asks for more."""
    keys: list[str] = []
    for branch in branches if isinstance(branches, list) else ():
        if not isinstance(branch, dict) or set(branch) != {"required"}:
            return []
        keys.extend(branch["required"])
    return keys


def _or(keys: list[str]) -> str:
    return f"{', '.join(keys[:-1])} of {keys[-1]}" if len(keys) > 1 else "".join(keys)


_TRANSLATORS: dict[str, Callable[[ValidationError, JsonPath, _Voice], Iterator[Problem]]] = {
    "required": _required,
    "additionalProperties": _additional,
    "type": _type,
    "enum": _enum,
    "const": _enum,
    "minimum": _minimum,
    "exclusiveMinimum": _minimum,
    "maximum": _minimum,
    "exclusiveMaximum": _minimum,
    "pattern": _pattern,
    "format": _format,
    "minLength": _length,
    "maxLength": _length,
    "minItems": _length,
    "maxItems": _length,
    "uniqueItems": _unique,
    "oneOf": _no_branch,
    "anyOf": _no_branch,
    "not": _excluded,
}


def required_columns(name: str) -> tuple[str, ...]:
    """The keys each item of a table schema's one list must have (its CSV's required columns)."""
    schema = schema_of(name)
    if schema is None:
        return ()
    (listed,) = schema["properties"].values()
    items = _inline_definitions(listed["items"], schema.get("$defs", {}), frozenset())
    return tuple(items.get("required", ()))
