"""How the YAML's Dutch keys map onto the model's English attributes, in one place.

A model class is an immutable dataclass whose fields say where their value comes from:

    @node
    class Step(Node):
        number: int = key("nummer", label="nummer")
        initiators: tuple[Role, ...] = ref("initiatiefnemers", label="wie mag starten")

`key` reads a value (text, number, date, a nested node or a list of them, by the annotation);
`ref` reads an id, or a list of ids, and resolves it to an object of a class the annotation
names once the whole document is built. Every node keeps its `path` in the document, so a reader can
point a finding at file:line:col (`node.at("initiators")` is the path of that key).

Building is two passes. The first turns the validated data into nodes and notes every reference;
the second resolves the references through a `Resolver` (the region's own ids, or for a case the
region's and the case's). A reference that does not resolve leaves None (or is left out of a
list) and is reported as an `Unresolved`, so a case with a typo can still be read and checked.
Nodes are built without calling `__init__` (one dict update per node): a case is read for every
check, and this keeps reading it as cheap as reading the raw data.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any, ClassVar, TypeVar

from generator.loader import JsonPath

T = TypeVar("T")
N = TypeVar("N", bound="Node")

_KEY = "regiekit.key"
_LABEL = "regiekit.label"
_REF = "regiekit.ref"
_NOUN = "regiekit.noun"
_ONLY_IF_DEFINED = "regiekit.only_if_defined"
_UNIT = "regiekit.unit"
_PHRASE = "regiekit.phrase"
_KEPT = "_kept."
_FAILED = "_failed"


EURO = ("euro", "euro")
"""The unit of an amount of money: shown as `€ 1.800.000`, or `€ 52,50` with cents."""
HOURS = ("uur", "uur")


def key(name: str, *, default: Any = dataclasses.MISSING, label: str = "",
        unit: tuple[str, str] | None = None, phrase: str = "") -> Any:
    """A field read from the YAML key `name`.

    How a Dutch reader sees it (`regiekit wijzigingen`): `label` names it; `unit` is the
    singular and plural of what a number counts (`("werkdag", "werkdagen")`); for a list,
    `phrase` is the sentence an item added or dropped completes, `{}` standing for `nu ook` or
    `niet meer` (default `<label>: {}`).
    """
    return field(default=default, metadata={
        _KEY: name, _LABEL: label or name.replace("_", " "), _UNIT: unit, _PHRASE: phrase})


def ref(name: str, *, label: str = "", noun: str = "", only_if_defined: bool = False,
        phrase: str = "") -> Any:
    """A field holding the id (or list of ids) at `name`, resolved to an object.

    The annotation says what it may name: `Role | None`, `tuple[Role | Organisation, ...]`.
    `noun` names what is referred to in a message (default: the first target's NOUN);
    `only_if_defined`: an id is only an error when at least one target object exists (a region
    without a vocabulary of signals does not make the signals a case names wrong).
    `label` and `phrase` as for `key`.
    """
    return field(default=dataclasses.MISSING, metadata={
        _KEY: name, _LABEL: label or name.replace("_", " "), _REF: True, _NOUN: noun,
        _ONLY_IF_DEFINED: only_if_defined, _UNIT: None, _PHRASE: phrase})


def node(cls: type[N]) -> type[N]:
    """Declare a model class: a dataclass compared by identity, built only by the Builder.

    Identity, not value: two roles with equal fields are still two roles, and references may
    form cycles (a role supported by a role that reports to it) that value equality would loop on.
    Nodes are immutable through Node.__setattr__ rather than `frozen=True`, and have no generated
    `__init__`: both would be generated code per class, and `validate` imports the model on every
    run (the pre-commit hook).
    """
    return dataclass(init=False, eq=False, repr=False)(cls)


@node
class Node:
    """A part of a document, with its `path` from the document's root."""

    NOUN: ClassVar[str] = "onderdeel"
    """What a Dutch reader calls this kind of thing (`rol`, `organisatie`)."""
    IDENTITY: ClassVar[str] = "id"
    """The attribute that identifies it among its siblings (for diffs)."""

    path: JsonPath = field(default=(), metadata={})

    def __setattr__(self, name: str, value: Any) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")

    def at(self, attribute: str, *more: str | int) -> JsonPath:
        """The path of one of this node's keys, optionally deeper (`at("replies", 2)`)."""
        return self.path + (yaml_key(type(self), attribute), *more)

    def at_item(self, attribute: str, position: int) -> JsonPath:
        """The path of the `position`-th object of a list of references, as written in the file
        (ids that named nothing are left out of the list, not out of the file)."""
        kept = self.__dict__.get(_KEPT + attribute)
        return self.at(attribute, kept[position] if kept else position)

    def resolves(self, attribute: str) -> bool:
        """False when the id written for this reference names nothing."""
        return attribute not in self.__dict__.get(_FAILED, ())

    def __repr__(self) -> str:
        identity = getattr(self, self.IDENTITY, None)
        return f"{type(self).__name__}({identity!r})" if identity is not None else \
            f"{type(self).__name__}(at {self.path})"


# --- what a class declares -------------------------------------------------------------------

class Kind(Enum):
    VALUE = "value"
    VALUES = "values"
    NODE = "node"
    NODES = "nodes"
    REF = "ref"
    REFS = "refs"


@dataclass(frozen=True)
class FieldSpec:
    """One declared field: attribute, YAML key, what it holds and how to read it."""

    attribute: str
    key: str
    label: str
    kind: Kind
    type: Any
    default: Any
    targets: tuple[type[Node], ...] = ()
    noun: str = ""
    only_if_defined: bool = False
    unit: tuple[str, str] | None = None
    phrase: str = ""

    @property
    def many(self) -> bool:
        return self.kind in (Kind.VALUES, Kind.NODES, Kind.REFS)



_FIELDS: dict[type[Node], tuple[FieldSpec, ...]] = {}


def fields_of(cls: type[Node]) -> tuple[FieldSpec, ...]:
    """The declared fields of a model class, in declaration order (computed once per class)."""
    known = _FIELDS.get(cls)
    if known is None:
        known = _FIELDS[cls] = _declared(cls)
    return known


def _declared(cls: type[Node]) -> tuple[FieldSpec, ...]:
    hints = typing.get_type_hints(cls)
    specs = []
    for declared in dataclasses.fields(cls):  # type: ignore[arg-type]
        if _KEY not in declared.metadata:
            continue
        specs.append(_spec(declared, hints[declared.name]))
    return tuple(specs)


def _spec(declared: dataclasses.Field[Any], hint: Any) -> FieldSpec:
    meta = declared.metadata
    inner, many = _unwrap(hint)
    if declared.default is not dataclasses.MISSING:
        default = declared.default
    else:
        default = () if many else None
    if _REF in meta:
        kind = Kind.REFS if many else Kind.REF
        targets = tuple(inner) if isinstance(inner, list) else (inner,)
        return FieldSpec(declared.name, meta[_KEY], meta[_LABEL], kind, inner, default,
                         targets, meta[_NOUN] or targets[0].NOUN, meta[_ONLY_IF_DEFINED],
                         phrase=meta[_PHRASE])
    is_node = isinstance(inner, type) and issubclass(inner, Node)
    kind = (Kind.NODES if many else Kind.NODE) if is_node else (
        Kind.VALUES if many else Kind.VALUE)
    return FieldSpec(declared.name, meta[_KEY], meta[_LABEL], kind, inner, default,
                     unit=meta[_UNIT], phrase=meta[_PHRASE])


def _unwrap(hint: Any) -> tuple[Any, bool]:
    """`tuple[Role, ...]` -> (Role, True); `Role | None` -> (Role, False); `str` -> (str, False)."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _unwrap(options[0]) if len(options) == 1 else (options, False)
    if origin is tuple:
        return _unwrap(typing.get_args(hint)[0])[0], True
    return hint, False


_YAML_KEYS: dict[tuple[type[Node], str], str] = {}


def yaml_key(cls: type[Node], attribute: str) -> str:
    """The YAML key of `attribute` in `cls`; StopIteration for an attribute not declared."""
    known = _YAML_KEYS.get((cls, attribute))
    if known is None:
        known = _YAML_KEYS[(cls, attribute)] = spec_of(cls, attribute).key
    return known


def spec_of(cls: type[Node], attribute: str) -> FieldSpec:
    return next(spec for spec in fields_of(cls) if spec.attribute == attribute)


# --- building --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Unresolved:
    """A reference whose id names nothing of its kind."""

    path: JsonPath
    noun: str
    targets: tuple[type[Node], ...]


# How `Builder.build` reads a field, most frequent first (the kinds of FieldSpec, with plain
# values and dates told apart: most values are kept as written).
_READ_AS_WRITTEN, _READ_REF, _READ_DATE, _READ_NODES, _READ_NODE, _READ_VALUES = range(6)


@dataclass(frozen=True)
class _Plan:
    """How `Builder.build` reads a class: every field's default, and the fields by YAML key."""

    defaults: dict[str, Any]
    by_key: dict[str, tuple[str, int, FieldSpec]]


_PLANS: dict[type[Node], _Plan] = {}


def _plan(cls: type[Node]) -> _Plan:
    plan = _PLANS.get(cls)
    if plan is None:
        specs = fields_of(cls)
        plan = _PLANS[cls] = _Plan({spec.attribute: spec.default for spec in specs},
                                   {spec.key: (spec.attribute, _how(spec), spec) for spec in specs})
    return plan


def _how(spec: FieldSpec) -> int:
    if spec.kind is Kind.VALUE:
        return _READ_DATE if spec.type is date else _READ_AS_WRITTEN
    others = {Kind.VALUES: _READ_VALUES, Kind.NODE: _READ_NODE, Kind.NODES: _READ_NODES}
    return others.get(spec.kind, _READ_REF)


class Resolver:
    """Finds the object an id names, among the objects of the given classes."""

    def __init__(self, *indexes: Mapping[type[Node], Mapping[str, Node]]) -> None:
        self._indexes = indexes
        self._where: dict[tuple[type[Node], ...], tuple[Mapping[str, Node], ...]] = {}

    def indexes_for(self, targets: tuple[type[Node], ...]) -> tuple[Mapping[str, Node], ...]:
        """The indexes to search for `targets`, in order: by target, then as given."""
        known = self._where.get(targets)
        if known is None:
            known = self._where[targets] = tuple(
                index[target] for target in targets for index in self._indexes if target in index)
        return known

    def defines_any(self, targets: tuple[type[Node], ...]) -> bool:
        return any(self.indexes_for(targets))


class Builder:
    """Builds a tree of nodes from validated data; references are resolved by `resolve`.

    A case is read for every check, so building walks the keys the data has (defaults for the
    rest), keeps plain values as they are and only computes paths for nodes and references.
    """

    def __init__(self, indexed: tuple[type[Node], ...]) -> None:
        self.indexed = indexed
        self.index: dict[type[Node], dict[str, Node]] = {cls: {} for cls in indexed}
        self._pending: list[tuple[Node, FieldSpec, Any]] = []

    def build(self, cls: type[N], data: Mapping[str, Any], path: JsonPath = ()) -> N:
        built = cls.__new__(cls)
        plan = _PLANS.get(cls) or _plan(cls)
        values = plan.defaults.copy()
        values["path"] = path
        by_key = plan.by_key
        for name, raw in data.items():
            known = by_key.get(name)
            if known is None or raw is None:
                continue
            attribute, how, spec = known
            if how == _READ_AS_WRITTEN:
                values[attribute] = raw
            elif how == _READ_REF:  # resolved once the whole document is built
                self._pending.append((built, spec, raw))
            elif how == _READ_DATE:
                values[attribute] = date.fromisoformat(raw)
            elif how == _READ_NODES:
                where, build, kind = path + (name,), self.build, spec.type
                values[attribute] = tuple([build(kind, item, where + (index,))
                                           for index, item in enumerate(raw)])
            elif how == _READ_NODE:
                values[attribute] = self.build(spec.type, raw, path + (name,))
            else:
                values[attribute] = tuple([_scalar(spec.type, item) for item in raw])
        object.__setattr__(built, "__dict__", values)  # frozen: no __init__, one dict per node
        index = self.index.get(cls)
        if index is not None:
            index.setdefault(values[cls.IDENTITY], built)
        return built

    def resolve(self, resolver: Resolver) -> list[Unresolved]:
        """Point every noted reference at its object; return those that name nothing."""
        unresolved: list[Unresolved] = []
        for owner, spec, value in self._pending:
            known = resolver.indexes_for(spec.targets)
            if spec.kind is Kind.REF:
                found = _first(known, value)
                if found is None:
                    _failed(owner, spec, resolver, unresolved, ())
                owner.__dict__[spec.attribute] = found
                continue
            objects, kept = [], []
            for index, identity in enumerate(value):
                found = _first(known, identity)
                if found is not None:
                    objects.append(found)
                    kept.append(index)
                else:
                    _failed(owner, spec, resolver, unresolved, (index,))
            owner.__dict__[spec.attribute] = tuple(objects)
            if len(kept) < len(value):
                owner.__dict__[_KEPT + spec.attribute] = tuple(kept)
        self._pending.clear()
        return unresolved


def _first(known: tuple[Mapping[str, Node], ...], identity: Any) -> Node | None:
    """The object `identity` names in the first index that has it."""
    if isinstance(identity, str):
        for objects in known:
            found = objects.get(identity)
            if found is not None:
                return found
    return None


def _failed(owner: Node, spec: FieldSpec, resolver: Resolver, unresolved: list[Unresolved],
            item: JsonPath) -> None:
    """Note that `spec` of `owner` names nothing (at `item` of its list, if a list); report it
    unless the reference only counts when something of its kind is defined."""
    owner.__dict__.setdefault(_FAILED, set()).add(spec.attribute)
    if not spec.only_if_defined or resolver.defines_any(spec.targets):
        unresolved.append(Unresolved(owner.path + (spec.key, *item), spec.noun, spec.targets))


def _scalar(kind: Any, raw: Any) -> Any:
    if kind is date:
        return date.fromisoformat(raw)
    return raw


# --- walking ---------------------------------------------------------------------------------

def walk(root: Node) -> Iterator[Node]:
    """Every node below and including `root` (depth first, in document order)."""
    stack = [root]
    while stack:
        current = stack.pop()
        yield current
        children: list[Node] = []
        for spec in fields_of(type(current)):
            value = getattr(current, spec.attribute)
            if spec.kind is Kind.NODE and value is not None:
                children.append(value)
            elif spec.kind is Kind.NODES and value:  # an optional list may be None
                children.extend(value)
        stack.extend(reversed(children))


def dates_in(root: Node) -> Iterator[date]:
    """Every date value held anywhere below `root`."""
    for current in walk(root):
        for spec in fields_of(type(current)):
            if spec.type is date:
                value = getattr(current, spec.attribute)
                if spec.kind is Kind.VALUE and value is not None:
                    yield value
                elif spec.kind is Kind.VALUES and value:
                    yield from value


def first(items: Iterator[T] | tuple[T, ...] | list[T], test: Callable[[T], bool]) -> T | None:
    return next((item for item in items if test(item)), None)
