"""The one YAML loader of regiekit.

Parses with libyaml's C parser when present (`yaml.compose`, so every node keeps its line and
column) and builds plain Python data itself, deliberately:

* only JSON-like values: plain scalars follow the YAML 1.2 core schema, so `ja`, `nee`, `yes`,
  `no`, `on`, `off`, `9:30` and `2024-01-01` stay text (dates are checked by the schemas as real
  calendar dates);
* mapping keys are always the text as written;
* a duplicate key is reported with its line (the first value is kept);
* tags other than the standard ones (`!!python/object`, ...) are refused, never executed;
* alias expansion is bounded, so a "billion laughs" document is refused in milliseconds.

The node tree is kept, so any finding can name the line of a path (a tuple of keys and list
indexes).
"""

from __future__ import annotations

import gc
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.errors import FileSystemError, YamlLoadError
from generator.filesystem import read_regular, reason

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml missing; same behaviour, slower
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

JsonPath = tuple[str | int, ...]

MAX_NODES = 200_000
"""Largest number of nodes a document may expand to; real agreements stay far below."""

MAX_DEPTH = 100
"""Deepest nesting of lists and tables; libyaml's composer crashes the process on deep nesting."""

_TAG = "tag:yaml.org,2002:"
_NULLS = {"", "~", "null", "Null", "NULL"}
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_SPECIAL_START = frozenset("0123456789+-.~nNtTfF")
_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")


@dataclass(frozen=True)
class Position:
    """A 1-based line and column."""

    line: int
    column: int


@dataclass(frozen=True)
class DuplicateKey:
    """A key written twice in one mapping; the first value is the one kept."""

    key: str
    position: Position
    first: Position


@dataclass
class YamlDocument:
    """A parsed YAML file: its data, and its node tree to tell where any value or key stands."""

    file: str
    data: Any
    root: Node | None = None
    duplicate_keys: list[DuplicateKey] = field(default_factory=list)
    _keys: dict[int, dict[str, tuple[Node, Node]]] = field(
        default_factory=dict, repr=False, compare=False)

    def position(self, path: JsonPath, *, key: bool = False) -> Position:
        """Where `path` stands (its key if `key`), else its nearest ancestor, else 1:1.

        Positions are looked up in the node tree only when a finding needs one, so loading a
        file costs no bookkeeping per value; a large mapping is indexed on its first lookup, so
        many findings in one mapping stay linear.
        """
        node, key_node = self.root, None
        for part in path:
            step = self._child(node, part) if node is not None else None
            if step is None:
                return _position(node) if node is not None else Position(1, 1)
            key_node, node = step
        target = key_node if key and key_node is not None else node
        return _position(target) if target is not None else Position(1, 1)

    def _child(self, node: Node, part: str | int) -> tuple[Node | None, Node] | None:
        """The (key node, value node) one step below `node`; the first of duplicate keys wins."""
        if isinstance(node, MappingNode):
            if len(node.value) <= _SCAN:
                return next(((k, v) for k, v in node.value if k.value == part), None)
            index = self._keys.get(id(node))
            if index is None:
                index = self._keys[id(node)] = _key_index(node)
            return index.get(part) if isinstance(part, str) else None
        if isinstance(node, SequenceNode) and isinstance(part, int) and \
                0 <= part < len(node.value):
            return None, node.value[part]
        return None


_SCAN = 16
"""Mappings up to this size are searched; larger ones indexed."""


def _key_index(node: MappingNode) -> dict[str, tuple[Node, Node]]:
    """Key text -> (key node, value node), the first of duplicate keys kept."""
    index: dict[str, tuple[Node, Node]] = {}
    for key_node, value_node in node.value:
        if type(key_node) is ScalarNode:
            index.setdefault(key_node.value, (key_node, value_node))
    return index


STDIN = "-"
"""The path that stands for standard input, as in most command-line tools."""
STDIN_NAME = "<stdin>"
"""How findings name standard input."""


def load_yaml(path: Path | str) -> YamlDocument:
    """Read and parse one file (`-`: standard input); raises YamlLoadError if it is not readable
    YAML."""
    name = STDIN_NAME if str(path) == STDIN else str(path)
    raw = read_input(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise YamlLoadError(name, line, 1, "BESTAND-GEEN-UTF8",
                            "bestand is geen UTF-8-tekst; sla het op als UTF-8") from None
    return parse_yaml(text, name)


def read_input(path: Path | str) -> bytes:
    """The bytes of a regular file (`-`: standard input); YamlLoadError, worded in Dutch, when it
    cannot be read. A FIFO, device or folder is refused unread, never waited on."""
    name = STDIN_NAME if str(path) == STDIN else str(path)
    try:
        return sys.stdin.buffer.read() if name == STDIN_NAME else read_regular(path)
    except OSError as error:
        raise YamlLoadError(name, 1, 1, "BESTAND-ONLEESBAAR",
                            f"bestand kan niet gelezen worden ({reason(error)})") from None
    except FileSystemError as error:
        raise YamlLoadError(name, 1, 1, "BESTAND-ONLEESBAAR",
                            f"bestand kan niet gelezen worden ({error.reason})") from None


def parse_yaml(text: str, name: str = "<tekst>") -> YamlDocument:
    """Parse YAML text into a YamlDocument; raises YamlLoadError on anything unreadable.

    The cyclic garbage collector is paused meanwhile: parsing makes only new, acyclic objects
    (nodes, then plain data), and the collector's passes over them made a large file five to
    six times slower to read (a 20,000-role region: 12 s instead of 2 s).
    """
    with gc_paused():
        return _parse(text, name)


@contextmanager
def gc_paused() -> Iterator[None]:
    """The cyclic garbage collector paused for the block (and resumed if it was running).

    For work that makes many objects and little garbage (parsing, validating one document): the
    collector's passes over them cost a large file more time than the work itself.
    """
    running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if running:
            gc.enable()


def _parse(text: str, name: str) -> YamlDocument:
    try:
        _check_depth(text, name)
        root = yaml.compose(text, Loader=_ComposeLoader)
    except yaml.MarkedYAMLError as error:
        raise _syntax_error(name, error) from None
    except yaml.reader.ReaderError as error:
        raise _reader_error(name, text, error) from None
    except yaml.YAMLError:
        raise YamlLoadError(name, 1, 1, "YAML-SYNTAX", f"ongeldige YAML: {_UNKNOWN_PROBLEM}") \
            from None
    document = YamlDocument(name, None, root)
    if root is not None:
        if "*" in text:  # without an alias the text itself bounds size and depth
            _check_size(root, name)
        document.data = _Builder(document).build(root)
    return document


_QUOTE = "zet de tekst tussen aanhalingstekens"
_DIRECTIVE = ("een regel die met % begint is een YAML-instructie; begint uw tekst met %, "
              f"{_QUOTE}")
_SYNTAX_PROBLEMS = {
    "could not find expected ':'": "dubbele punt ':' verwacht na de sleutel",
    "mapping values are not allowed in this context":
        f"hier mag geen 'sleutel: waarde' staan (inspringing? staat er ': ' in een tekst, "
        f"{_QUOTE})",
    "mapping keys are not allowed in this context": f"een '?' mag hier niet staan; {_QUOTE}",
    "block sequence entries are not allowed in this context":
        f"hier mag geen lijstitem '- ' beginnen (inspringing? {_QUOTE})",
    "found character that cannot start any token":
        f"met dit teken mag een waarde niet beginnen (tab, @, ` of %); {_QUOTE}",
    "found a tab character that violates indentation": "tab in de inspringing; gebruik spaties",
    "found a tab character where an indentation space is expected":
        "tab in de inspringing van een tekstblok; gebruik spaties",
    "found an indentation indicator equal to 0":
        "de inspringing na | of > mag geen 0 zijn",
    "did not find expected key": "sleutel verwacht (inspringing klopt niet)",
    "did not find expected '-' indicator": "lijstitem '-' verwacht (inspringing klopt niet)",
    "did not find expected node content": "waarde verwacht",
    "did not find expected ',' or ']'": "komma of ']' verwacht (lijst niet gesloten?)",
    "did not find expected ',' or '}'": "komma of '}' verwacht (tabel tussen { } niet gesloten?)",
    "did not find expected comment or line break": "na deze waarde mag niets meer op de regel",
    "did not find expected <document start>":
        "tekst na het einde van het document ('...'); haal die regel weg",
    "found unexpected end of stream":
        "bestand houdt onverwacht op (aanhalingsteken niet gesloten?)",
    "found unexpected document indicator":
        "'---' of '...' binnen een tekst tussen aanhalingstekens (aanhalingsteken niet gesloten?)",
    "found unknown escape character": "onbekende escape-code na '\\' (gebruik 'enkele' quotes)",
    "did not find expected hexdecimal number":
        "na \\x, \\u of \\U hoort een hexadecimaal getal (gebruik 'enkele' quotes)",
    "found invalid Unicode character escape code":
        "escape-code voor een teken dat niet bestaat (gebruik 'enkele' quotes)",
    "found undefined alias": "verwijzing (*alias) naar een anker dat niet bestaat",
    "second occurrence": "anker (&naam) komt twee keer voor",
    "but found another document":
        "meer dan één YAML-document in het bestand (een regel '---' in het midden?)",
    "did not find expected alphabetic or numeric character":
        f"na & of * hoort een naam; begint uw tekst met & of *, {_QUOTE}",
    "found undefined tag handle":
        f"onbekende tag (!...); begint uw tekst met !, {_QUOTE}",
    "did not find the expected '>'": "tag !<...> is niet gesloten met '>'",
    "did not find expected tag URI": "tag !<> zonder naam",
    "did not find URI escaped octet": "tag met een ongeldige %-code",
    "could not find expected directive name": _DIRECTIVE,
    "found unexpected non-alphabetical character": _DIRECTIVE,
    "found unknown directive name": _DIRECTIVE,
    "did not find expected whitespace": _DIRECTIVE,
    "did not find expected version number": _DIRECTIVE,
    "did not find expected digit or '.' character": _DIRECTIVE,
    "found extremely long version number": _DIRECTIVE,
    "found incompatible YAML document": "onbekende YAML-versie in de %YAML-regel; haal die weg",
    "found duplicate %YAML directive": "de %YAML-regel staat twee keer in het bestand",
    "found duplicate %TAG directive": "dezelfde %TAG-regel staat twee keer in het bestand",
}
"""libyaml's problem texts (PyYAML's C binding passes them on in English) -> Dutch; every entry
is triggered by a test (tests/validation/test_yaml_messages.py)."""

_UNKNOWN_PROBLEM = "controleer inspringing, dubbele punten en aanhalingstekens op deze regel"


def _syntax_error(name: str, error: yaml.MarkedYAMLError) -> YamlLoadError:
    mark = error.problem_mark or error.context_mark
    problem = (error.problem or "").strip()
    message = f"ongeldige YAML: {_SYNTAX_PROBLEMS.get(problem, _UNKNOWN_PROBLEM)}"
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    started = error.context_mark
    if started is not None and mark is not None and started.line < mark.line:
        # An unclosed bracket, quote or block is noticed lines later; say where it opened.
        first = (error.context or "").startswith("found duplicate anchor")
        message += (f" (eerste keer op regel {started.line + 1})" if first
                    else f" (dit onderdeel begint op regel {started.line + 1})")
    return YamlLoadError(name, line, column, "YAML-SYNTAX", message)


def _reader_error(name: str, text: str, error: yaml.reader.ReaderError) -> YamlLoadError:
    """A character YAML does not allow (a control character pasted from Word or a mail);
    libyaml gives its position as a byte offset in the UTF-8 text."""
    before = text.encode("utf-8")[: error.position].decode("utf-8", errors="replace")
    line, column = before.count("\n") + 1, len(before.rsplit("\n", 1)[-1]) + 1
    character = error.character if isinstance(error.character, int) else 0
    return YamlLoadError(name, line, column, "YAML-SYNTAX",
                         f"ongeldige YAML: stuurteken U+{character:04X} in de tekst; haal het "
                         "weg (vaak meegekopieerd uit Word of een e-mail)")


_BLOCK_PREFIX = re.compile(r"^[ \t?:-]*", re.MULTILINE)


def _check_depth(text: str, name: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH before composing, which recurses in C.

    A block collection can only start after a line's leading run of spaces and `-`, `?`, `:`
    indicators, and every two levels move it at least one column; each flow level needs a bracket.
    So the cheap bound below is never lower than the real depth, and only a file that exceeds it
    is parsed once more as events to measure exactly.
    """
    prefix = max((len(match) for match in _BLOCK_PREFIX.findall(text)), default=0)
    if text.count("[") + text.count("{") + 2 * prefix + 2 <= MAX_DEPTH:
        return
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                raise YamlLoadError(name, mark.line + 1, mark.column + 1, "YAML-DIEPTE",
                                    f"lijsten en tabellen zijn dieper dan {MAX_DEPTH} niveaus "
                                    "genest; dat kan regiekit niet lezen")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _position(node: Node) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


def _children(node: Node) -> Iterator[Node]:
    if isinstance(node, SequenceNode):
        yield from node.value
    elif isinstance(node, MappingNode):
        for key, value in node.value:
            yield key
            yield value


def _check_size(root: Node, name: str) -> None:
    """Refuse documents whose aliases expand beyond MAX_NODES or MAX_DEPTH, or refer to themselves.

    Sizes and heights are remembered per node, so a chain of aliases is measured without
    following it again (and without deep recursion: an anchor is measured before its aliases).
    """
    measured: dict[int, tuple[int, int]] = {}
    busy: set[int] = set()

    def measure(node: Node) -> tuple[int, int]:
        known = measured.get(id(node))
        if known is not None:
            return known
        if id(node) in busy:
            raise YamlLoadError(name, *_at(node), "YAML-ALIAS",
                                "een alias verwijst naar zichzelf; dat kan regiekit niet lezen")
        busy.add(id(node))
        parts = [measure(child) for child in _children(node)]
        busy.discard(id(node))
        total = 1 + sum(size for size, _ in parts)
        height = 1 + max((height for _, height in parts), default=0)
        if total > MAX_NODES:
            raise YamlLoadError(name, *_at(node), "YAML-ALIAS",
                                f"document groeit via aliassen tot meer dan {MAX_NODES} waarden")
        if height > MAX_DEPTH:
            raise YamlLoadError(name, *_at(node), "YAML-ALIAS",
                                f"document wordt via aliassen dieper dan {MAX_DEPTH} niveaus")
        measured[id(node)] = (total, height)
        return total, height

    measure(root)


def _at(node: Node) -> tuple[int, int]:
    position = _position(node)
    return position.line, position.column


class _ComposeLoader(_Loader):  # type: ignore[misc, valid-type]
    """Composes without YAML 1.1 type guessing: plain scalars are resolved later, by _Builder.

    The parser asks `resolve` for the tag of every untagged node; answering "plain" or "text"
    here is both cheaper than the YAML 1.1 resolver and the only way to tell `!!str 12` (text)
    from `12` (a number) afterwards.
    """

    def resolve(self, kind: type, value: str, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            return _PLAIN if implicit[0] else _TAG + "str"
        return _TAG + ("seq" if kind is SequenceNode else "map")


_PLAIN = "tag:regiekit,2026:plain"


class _Builder:
    """Turns a composed node tree into plain data, noting duplicate keys on the way."""

    def __init__(self, document: YamlDocument) -> None:
        self.document = document

    def build(self, node: Node) -> Any:
        kind = type(node)
        if kind is ScalarNode:
            if node.tag == _PLAIN:
                return _plain_scalar(node.value)
            return node.value if node.tag == _TAG + "str" else self._tagged_scalar(node)
        if kind is MappingNode:
            return self._mapping(node)
        self._require_tag(node, _TAG + "seq")
        return [self.build(item) for item in node.value]

    def _mapping(self, node: MappingNode) -> dict[str, Any]:
        self._require_tag(node, _TAG + "map")
        result: dict[str, Any] = {}
        build = self.build
        firsts: dict[str, tuple[Node, Node]] | None = None
        for key_node, value_node in node.value:
            if type(key_node) is not ScalarNode:
                raise YamlLoadError(self.document.file, *_at(key_node), "YAML-SLEUTEL",
                                    "een sleutel moet een eenvoudige tekst zijn")
            key = key_node.value
            if key in result:
                firsts = firsts or _key_index(node)  # once per mapping: linear in duplicates
                self.document.duplicate_keys.append(
                    DuplicateKey(key, _position(key_node), _position(firsts[key][0])))
                continue
            result[key] = build(value_node)
        return result

    def _require_tag(self, node: Node, expected: str) -> None:
        if node.tag != expected:
            raise self._refused_tag(node)

    def _refused_tag(self, node: Node) -> YamlLoadError:
        return YamlLoadError(self.document.file, *_at(node), "YAML-TAG",
                             f"{_tag_shown(node.tag)} wordt geweigerd: "
                             "regiekit leest alleen gewone tekst, getallen, lijsten en tabellen")

    def _tagged_scalar(self, node: ScalarNode) -> Any:
        """An explicitly tagged scalar such as `!!int 12`; only the standard tags are allowed."""
        tag = node.tag
        converted = _plain_scalar(node.value)
        expected = {_TAG + "int": int, _TAG + "float": float, _TAG + "bool": bool}.get(tag)
        if tag == _TAG + "null" and converted is None:
            return None
        if expected is not None and type(converted) is expected:
            return converted
        if expected is float and type(converted) is int:
            return float(converted)
        raise self._refused_tag(node)


_KNOWN_TAG = re.compile(r"(python/(object/apply|object/new|object|name|module|tuple|list|dict|"
                        r"str|unicode|bytes|int|long|float|complex|bool|none)|str|int|float|"
                        r"bool|null|seq|map|set|omap|pairs|binary|timestamp|merge|value)(?=:|$)")
"""The standard YAML tags and PyYAML's Python tags (`!!python/object/apply`): named in a
message, up to the first `:` (what follows names a module or object, as written)."""


def _tag_shown(tag: str) -> str:
    """A refused tag as a message may show it: a standard or Python tag by its kind, any other
    only as "een eigen tag" (a tag is written in the file; a case's text is never repeated)."""
    if tag.startswith(_TAG) and (known := _KNOWN_TAG.match(tag, len(_TAG))):
        return f"tag !!{known.group(0)}"
    return "een eigen tag (!...)"


def _plain_scalar(value: str) -> Any:
    """YAML 1.2 core schema: null, true/false, integers and decimals; everything else is text."""
    if value and value[0] not in _SPECIAL_START:
        return value  # most values are words: no null, boolean or number starts like this
    if value in _NULLS:
        return None
    if value in _BOOLS:
        return _BOOLS[value]
    if _INT.fullmatch(value):
        return int(value)
    if _FLOAT.fullmatch(value):
        return float(value)
    return value
