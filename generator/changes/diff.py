"""The semantic difference of two versions of a model, as Dutch lines a coordinator can mail.

Generic over the model: both trees are walked by the fields each class declares
(`mapping.fields_of`) and every difference is worded from those declarations (the class's NOUN,
the field's label, unit and phrase), so a new YAML key needs no code here.

* An element of a list (a role, a step, a form field) is matched with its counterpart by its
  IDENTITY (its id, a step's number); one without a counterpart is `toegevoegd` or `verwijderd`.
* A matched element whose name changed `heet nu` its new name.
* A value that changed: `reactietermijn 4 → 5 werkdagen`; booleans read ja/nee, dates are Dutch,
  texts are quoted, a long text is given only in its new wording; numbers have a decimal comma
  and amounts in euro read `€ 1.800.000`, `€ 52,50`; a table of figures (hours per dagdeel) is
  compared key by key (`uren per week nacht 14 → 21 uur`).
* A list of values or references: `deelnemers: nu ook X`, `mag niet meer gestart worden door Y`.
* Each change names the element it is in (`Stap 2 (Digitale zorgtafel)`) and carries that
  element's source (`bron`), or else the nearest enclosing element's.

An element that is the only one of its list in both versions (a region's one ladder) is left out
of the names of what it contains: `Stap 2 (...)`, not `Escalatieroute X, stap 2 (...)`.
Order within a list is not a change; neither is an element's id (it is what matches them).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum
from typing import Any

from generator.documents.words import capitalize, dutch_date, plural, thousands
from generator.model.mapping import EURO, FieldSpec, Kind, Node, fields_of
from generator.model.region import Source

LONG_TEXT = 80
"""A text longer than this is shown only in its new wording, not as `old → new`."""

_NAMES = ("name", "title", "term", "label", "text")
"""Attributes that name an element, by preference; only `name` is shown without quotes."""


class ChangeKind(Enum):
    """What happened; the values are the Dutch words of the json output."""

    ADDED = "toegevoegd"
    REMOVED = "verwijderd"
    RENAMED = "hernoemd"
    CHANGED = "gewijzigd"
    GAINED = "nu ook"
    LOST = "niet meer"


_OF_ELEMENT = (ChangeKind.ADDED, ChangeKind.REMOVED, ChangeKind.RENAMED)


@dataclass(frozen=True)
class Change:
    """One difference, worded for a Dutch reader.

    `subject` is the element the change is about (`stap 2 (Digitale zorgtafel)`; empty for a
    field of the region itself), `text` the change (`reactietermijn 4 → 5 werkdagen`,
    `toegevoegd`); `old` and `new` are the values as shown, `source` the element's source.
    """

    kind: ChangeKind
    subject: str
    text: str
    field: str = ""
    old: str | None = None
    new: str | None = None
    source: str | None = None

    @property
    def line(self) -> str:
        """`Stap 2 (Digitale zorgtafel): reactietermijn 4 → 5 werkdagen`, `Rol X toegevoegd`."""
        if not self.subject:
            return capitalize(self.text)
        separator = " " if self.kind in _OF_ELEMENT else ": "
        return capitalize(f"{self.subject}{separator}{self.text}")

    @property
    def line_with_source(self) -> str:
        return f"{self.line} (bron: {self.source})" if self.source else self.line


def diff(old: Node, new: Node, *, leave_out: tuple[type[Node], ...] = ()) -> list[Change]:
    """Every difference between two versions of the same kind of element, in document order;
    none inside elements of the classes in `leave_out`."""
    differ = _Differ(leave_out)
    differ.renamed(old, new, _Place())
    differ.node(old, new, _Place())
    return differ.changes


# --- naming ----------------------------------------------------------------------------------

def naming(element: Node) -> str:
    """How an element is named in a line: `Wijkcoach`, `2 (Digitale zorgtafel)`, `‘Cliënt’`."""
    cls = type(element)
    identity = getattr(element, cls.IDENTITY)
    if isinstance(identity, Node):
        return naming(identity)
    attribute = _name_attribute(cls)
    name = getattr(element, attribute) if attribute else None
    if not name and not _declared(cls, cls.IDENTITY):  # an identity derived from its fields
        return str(identity)
    if not name:  # no name declared (an assignment): its id read as words, or its value
        return str(identity).replace("-", " ") if cls.IDENTITY == "id" else \
            shown(identity) or str(identity)
    written = name if attribute == "name" else _quoted(name)
    if isinstance(identity, int) and not isinstance(identity, bool):
        return f"{identity} ({written})"
    return written


def title(element: Node) -> str:
    """`rol Wijkcoach`, `stap 2 (Digitale zorgtafel)`: the element's noun and name (only the
    name when it starts with the noun: `Regio Zuid Oost Utrecht`)."""
    noun, name = type(element).NOUN, naming(element)
    return name if name.lower().startswith(noun.lower()) else f"{noun} {name}"


def shown(value: Any, unit: tuple[str, str] | None = None) -> str | None:
    """A value as a Dutch reader sees it; None for no value at all."""
    if value is None or value == "" or value == ():
        return None
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, date):
        return dutch_date(value)
    if isinstance(value, (int, float)):
        return _number(value, unit)
    if isinstance(value, Node):
        return naming(value)
    return _quoted(str(value))


def _number(value: float, unit: tuple[str, str] | None) -> str:
    """`4 werkdagen`, `10,5 uur`, `€ 1.800.000`, `€ 52,50`, `0,25`."""
    if unit == EURO:
        cents = int((Decimal(str(value)) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
        euros, rest = divmod(abs(cents), 100)
        sign = "-" if cents < 0 else ""
        return f"€ {sign}{thousands(euros)}" + (f",{rest:02d}" if rest else "")
    if isinstance(value, int):
        return plural(value, *unit) if unit else str(value)
    written = f"{value:f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{written} {unit[0] if value == 1 else unit[1]}" if unit else written


def _quoted(text: str) -> str:
    return f"‘{' '.join(text.split())}’"


def _declared(cls: type[Node], attribute: str) -> bool:
    return any(spec.attribute == attribute for spec in fields_of(cls))


def _name_attribute(cls: type[Node]) -> str | None:
    declared = {spec.attribute for spec in fields_of(cls) if spec.kind is Kind.VALUE}
    return next((attribute for attribute in _NAMES if attribute in declared), None)


def _identity(value: Any) -> Any:
    """What matches a value or an element with its counterpart: an element's IDENTITY (an
    element identified by another, by that one's)."""
    if not isinstance(value, Node):
        return value
    return _identity(getattr(value, type(value).IDENTITY))


def _source(element: Node) -> Source | None:
    for spec in fields_of(type(element)):
        if spec.type is Source and spec.kind is Kind.NODE:
            found: Source | None = getattr(element, spec.attribute)
            return found
    return None


# --- walking ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Part:
    text: str
    element: bool = False
    only_one: bool = False


@dataclass(frozen=True)
class _Place:
    """Where the walk is: the names of the enclosing elements and the nearest source."""

    parts: tuple[_Part, ...] = ()
    source: Source | None = None

    def into(self, text: str, *, element: bool = True, only_one: bool = False) -> _Place:
        return replace(self, parts=(*self.parts, _Part(text, element, only_one)))

    def sourced(self, element: Node) -> _Place:
        own = _source(element)
        return replace(self, source=own) if own is not None else self

    @property
    def subject(self) -> str:
        """The names of the enclosing elements; one that is the only one of its list is left
        out when another element inside it is named."""
        shown, inner_element = [], False
        for part in reversed(self.parts):
            if not (part.only_one and inner_element):
                shown.append(part.text)
            inner_element = inner_element or part.element
        return ", ".join(reversed(shown))

    def change(self, kind: ChangeKind, text: str, **values: Any) -> Change:
        source = self.source.describe() if self.source is not None else None
        return Change(kind, self.subject, text, source=source, **values)


class _Differ:
    def __init__(self, leave_out: tuple[type[Node], ...]) -> None:
        self.changes: list[Change] = []
        self._leave_out = leave_out
        self._kinds: dict[Kind, Callable[[FieldSpec, Any, Any, _Place], None]] = {
            Kind.VALUE: self.value, Kind.VALUES: self.items, Kind.REF: self.value,
            Kind.REFS: self.items, Kind.NODE: self.child, Kind.NODES: self.elements}

    def node(self, old: Node, new: Node, place: _Place) -> None:
        """Every declared field of two matched elements, but their identity and name."""
        cls = type(new)
        if cls in self._leave_out:
            return
        place = place.sourced(new)
        skipped = (cls.IDENTITY, _name_attribute(cls))
        for spec in fields_of(cls):
            if spec.attribute not in skipped:
                self._kinds[spec.kind](spec, getattr(old, spec.attribute),
                                       getattr(new, spec.attribute), place)

    def renamed(self, old: Node, new: Node, place: _Place) -> None:
        if naming(old) != naming(new):
            place = place.sourced(new).into(title(old))
            self.changes.append(place.change(ChangeKind.RENAMED, f"heet nu {naming(new)}",
                                             old=naming(old), new=naming(new)))

    def value(self, spec: FieldSpec, old: Any, new: Any, place: _Place) -> None:
        if isinstance(old, Mapping) or isinstance(new, Mapping):
            self.table(spec, old or {}, new or {}, place)
            return
        if _identity(old) == _identity(new):
            return
        before, after = shown(old, spec.unit), shown(new, spec.unit)
        self.changes.append(place.change(ChangeKind.CHANGED, _changed(spec, old, new),
                                         field=spec.label, old=before, new=after))

    def table(self, spec: FieldSpec, old: Mapping[str, Any], new: Mapping[str, Any],
              place: _Place) -> None:
        """A table of values (hours per dagdeel, per day): each key as a value of its own,
        labelled with the table's label and the key (`uren per week nacht`)."""
        for key in dict.fromkeys([*new, *old]):
            self.value(replace(spec, label=f"{spec.label} {key}"), old.get(key), new.get(key),
                       place)

    def items(self, spec: FieldSpec, old: tuple[Any, ...], new: tuple[Any, ...],
              place: _Place) -> None:
        phrase = spec.phrase or f"{spec.label}: {{}}"
        for kind, item in _gained_and_lost(old, new):
            written = shown(item, spec.unit)
            side = {"new": written} if kind is ChangeKind.GAINED else {"old": written}
            self.changes.append(place.change(kind, f"{phrase.format(kind.value)} {written}",
                                             field=spec.label, **side))

    def child(self, spec: FieldSpec, old: Node | None, new: Node | None, place: _Place) -> None:
        if old is None and new is None:
            return
        inner = place.into(spec.label, element=False)
        if old is not None and new is not None:
            self.node(old, new, inner)
        elif new is not None:
            self.changes.append(inner.sourced(new).change(ChangeKind.ADDED, "toegevoegd"))
        elif old is not None:
            self.changes.append(inner.sourced(old).change(ChangeKind.REMOVED, "verwijderd"))

    def elements(self, spec: FieldSpec, old: tuple[Node, ...], new: tuple[Node, ...],
                 place: _Place) -> None:
        old_by_key = dict(_keyed(old))
        new_keys = {key for key, _ in _keyed(new)}
        for key, element in _keyed(old):
            if key not in new_keys:
                self._whole(ChangeKind.REMOVED, element, place)
        only_one = len(old) == 1 and len(new) == 1
        for key, element in _keyed(new):
            before = old_by_key.get(key)
            if before is None:
                self._whole(ChangeKind.ADDED, element, place)
                continue
            self.renamed(before, element, place)
            self.node(before, element, place.into(title(element), only_one=only_one))

    def _whole(self, kind: ChangeKind, element: Node, place: _Place) -> None:
        inner = place.sourced(element).into(title(element))
        self.changes.append(inner.change(kind, kind.value))


def _changed(spec: FieldSpec, old: Any, new: Any) -> str:
    """`reactietermijn 4 → 5 werkdagen`, `omschrijving gewijzigd in ‘...’`."""
    before, after = shown(old, spec.unit), shown(new, spec.unit)
    if _long(old) or _long(new):
        return f"{spec.label} vervallen" if after is None else f"{spec.label} gewijzigd in {after}"
    if spec.unit and spec.unit != EURO and _is_number(old) and _is_number(new):
        before = _number(old, None)
    return f"{spec.label} {before or '(geen)'} → {after or '(geen)'}"


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _long(value: Any) -> bool:
    return isinstance(value, str) and len(" ".join(value.split())) > LONG_TEXT


def _keyed(elements: Iterable[Node]) -> Iterator[tuple[tuple[Any, int], Node]]:
    """Each element with its identity and how often that identity came before (duplicates)."""
    seen: Counter[Any] = Counter()
    for element in elements:
        identity = _identity(element)
        yield (identity, seen[identity]), element
        seen[identity] += 1


def _gained_and_lost(old: tuple[Any, ...],
                     new: tuple[Any, ...]) -> Iterator[tuple[ChangeKind, Any]]:
    """Items (values, or objects matched by identity) in `new` only, then in `old` only."""
    old_keys = Counter(_identity(item) for item in old)
    new_keys = Counter(_identity(item) for item in new)
    for kind, items, other in ((ChangeKind.GAINED, new, old_keys),
                               (ChangeKind.LOST, old, new_keys)):
        seen: Counter[Any] = Counter()
        for item in items:
            identity = _identity(item)
            seen[identity] += 1
            if seen[identity] > other[identity]:
                yield kind, item
