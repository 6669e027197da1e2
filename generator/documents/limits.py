"""Limits on what one render of a template may cost: a region's own template is code from a
repository, and `regiekit validate` runs it in a pre-commit hook.

Per document (all its parts: body, headers, footers, properties) a `Budget` holds:

* MAX_ITERATIONS loop iterations in total (every `{% for %}`, nested or not);
* MAX_OUTPUT characters of rendered XML;
* MAX_VALUE characters (or items) in any one value an expression, filter or call produces,
  and MAX_ARGUMENT for a number that sizes a value (`'a' * n`, `center(n)`, `{:>n}`);
* MAX_SECONDS of wall-clock time, checked at every loop iteration, call, filter and output
  chunk, so no render runs longer, and no thread or process is ever killed.

Exceeding one raises TemplateLimit with a Dutch message naming the limit; the caller adds the
template's name. The Jinja side (which expressions are guarded) is in environment.py; this module
holds the arithmetic and imports nothing from Jinja, so `validate` can check a template's size
without importing it.
"""

from __future__ import annotations

import re
import time
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.documents.words import thousands
from generator.errors import RegiekitError

MAX_ITERATIONS = 2_000_000
"""Loop iterations per document; the werkinstructie of a 10,000-step ladder needs ~200,000."""
MAX_OUTPUT = 200_000_000
"""Characters of document XML per document (the largest shipped document is ~0.5 million)."""
MAX_VALUE = 20_000_000
"""Characters or items in one value a template computes."""
MAX_ARGUMENT = 100_000
"""Largest number that sizes a value (a repeat count, a width, an indent, a power)."""
MAX_SECONDS = 60.0
"""Wall-clock seconds per document."""
MAX_TEMPLATE_BYTES = 50_000_000
"""Uncompressed size of a template's parts (a zip bomb stops here, before it is read)."""

_TICKS_PER_CLOCK = 256
"""Budget ticks between two looks at the clock (a look costs ~50 ns; a tick ~20 ns)."""


class TemplateLimit(RegiekitError):
    """A render exceeded one of the limits; the message names it (not the template)."""


def message(template: Path, limit: TemplateLimit) -> str:
    """The Dutch message for a template that exceeded a limit."""
    return f"sjabloon {template} overschrijdt een grens: {limit} (zie README, Reliability)"


@dataclass
class Budget:
    """What one document's render has used so far."""

    deadline: float
    iterations: int = 0
    output: int = 0
    ticks: int = field(default=0, repr=False)

    def tick(self) -> None:
        self.ticks += 1
        if self.ticks % _TICKS_PER_CLOCK == 0 and time.monotonic() > self.deadline:
            raise TemplateLimit(f"vullen duurt langer dan {MAX_SECONDS:.0f} seconden")

    def iterate(self) -> None:
        self.iterations += 1
        if self.iterations > MAX_ITERATIONS:
            raise TemplateLimit(f"meer dan {thousands(MAX_ITERATIONS)} herhalingen in lussen "
                                "(for/range)")
        self.tick()

    def emit(self, size: int) -> None:
        self.output += size
        if self.output > MAX_OUTPUT:
            raise TemplateLimit(f"uitvoer groter dan {thousands(MAX_OUTPUT)} tekens")
        self.tick()


_CURRENT: ContextVar[Budget | None] = ContextVar("regiekit_template_budget", default=None)


@contextmanager
def limits() -> Iterator[Budget]:
    """One document's budget, for every render inside the block (nested blocks share it)."""
    current = _CURRENT.get()
    if current is not None:
        yield current
        return
    budget = Budget(time.monotonic() + MAX_SECONDS)
    token = _CURRENT.set(budget)
    try:
        yield budget
    finally:
        _CURRENT.reset(token)


def current() -> Budget:
    """The budget of the render in progress; outside one, a fresh budget for this value only."""
    return _CURRENT.get() or Budget(time.monotonic() + MAX_SECONDS)


def counted(items: Iterable[Any]) -> Iterator[Any]:
    """`items`, charging one iteration per item to the current budget."""
    budget = current()
    for item in items:
        budget.iterate()
        yield item


def joined(chunks: Iterable[str]) -> str:
    """A whole render: its output chunks produced and joined, under the budget of the document
    being rendered (or one of its own), each chunk charged to it."""
    with limits() as budget:
        parts = []
        for chunk in chunks:
            budget.emit(len(chunk))
            parts.append(chunk)
        return "".join(parts)


def checked_value(value: Any) -> Any:
    """`value` if it is within MAX_VALUE; the clock is looked at too."""
    current().tick()
    if _size(value) > MAX_VALUE:
        raise TemplateLimit(f"een waarde van meer dan {thousands(MAX_VALUE)} {_ITEMS}")
    return value


def checked_arguments(args: Iterable[Any]) -> None:
    """Numbers that could size a value must stay below MAX_ARGUMENT."""
    for arg in args:
        if type(arg) is int and abs(arg) > MAX_ARGUMENT:
            raise TemplateLimit(f"getal {arg} groter dan {thousands(MAX_ARGUMENT)} als maat of "
                                "aantal")


_FORMAT_SPEC = re.compile(r"%[-+ #0]*([0-9*]*)(?:\.([0-9*]+))?|\{[^{}]*?:[^{}0-9]*([0-9]+)"
                          r"(?:\.([0-9]+))?")


def checked_format(text: str, args: Iterable[Any] = ()) -> None:
    """A format string (`'%10s'`, `'{:>10}'`) may not size its output above MAX_ARGUMENT."""
    widths = [int(number) for match in _FORMAT_SPEC.finditer(text)
              for number in match.groups() if number and number.isdigit()]
    checked_arguments(widths)
    if "*" in text:
        checked_arguments(args)


def checked_product(left: Any, right: Any) -> None:
    """`left * right` stays within MAX_VALUE; `left ** right` within MAX_ARGUMENT bits."""
    for sequence, count in ((left, right), (right, left)):
        if _size(sequence) and type(count) is int and _size(sequence) * count > MAX_VALUE:
            raise TemplateLimit(f"een herhaling van meer dan {thousands(MAX_VALUE)} {_ITEMS}")


def checked_power(left: Any, right: Any) -> None:
    if type(left) is int and type(right) is int and abs(left) > 1 and \
            right * left.bit_length() > MAX_ARGUMENT:
        raise TemplateLimit(f"een macht van meer dan {thousands(MAX_ARGUMENT)} bits")


_ITEMS = "tekens of elementen"


def _size(value: Any) -> int:
    return len(value) if isinstance(value, str | bytes | list | tuple | dict | set) else 0


def check_archive(template: Path) -> None:
    """Refuse a template whose parts unpack to more than MAX_TEMPLATE_BYTES, before reading it.

    Only the central directory is read: a zip bomb is recognised without being unpacked.
    Errors opening the archive are left to the reader, which reports them in its own words.
    """
    try:
        with zipfile.ZipFile(template) as archive:
            total = sum(member.file_size for member in archive.infolist())
    except (OSError, zipfile.BadZipFile, ValueError):
        return
    if total > MAX_TEMPLATE_BYTES:
        raise TemplateLimit(f"uitgepakt {thousands(total)} bytes, "
                            f"meer dan {thousands(MAX_TEMPLATE_BYTES)}")
