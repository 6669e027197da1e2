"""The one Jinja environment every document is rendered with, and the render call itself.

Sandboxed (a template cannot reach Python internals), StrictUndefined (a misspelt variable is an
error, never an empty spot) and autoescape on. docxtpl renders the document XML as Jinja text, so
with autoescape a value is XML-escaped exactly once, when it is inserted: `&`, `<`, `>` and
`{{ ... }}` in a YAML text end up as literal characters in the document. Text written in the
template itself is already XML and is never escaped again. Values must therefore reach the
template as plain `str`, never pre-escaped.
"""

from __future__ import annotations

import functools
import io
import zipfile
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined, Template, nodes
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment
from jinja2.visitor import NodeTransformer

from generator.documents import limits
from generator.documents.figures import Picture
from generator.documents.finishing import finish
from generator.documents.reproducible import DocumentProperties, apply_properties, freeze_zip
from generator.documents.words import clean_text
from generator.errors import RegiekitError


class TemplateRenderError(RegiekitError):
    """A template could not be read or rendered; the message names the template."""


LOOP_FILTER = "_regiekit_lus"
"""Put around the iterable of every `{% for %}` by the parser: counts each iteration."""
VALUE_FILTER = "_regiekit_waarde"
"""Put around every `~` concatenation by the parser: checks the size of the result."""
SIZING_FILTERS = frozenset({"center", "indent", "wordwrap", "truncate", "batch", "slice"})
"""Filters whose number arguments size their result."""
COMPILED = 32
"""Compiled templates kept (a document has a few parts; a build uses a few templates)."""


class LimitedEnvironment(SandboxedEnvironment):
    """The sandbox, plus the limits of generator.documents.limits on every render.

    The sandbox stops attribute escapes; this stops loops and values that would run or grow
    without end: every `{% for %}` is counted (the parser wraps its iterable), every output
    chunk and block (`concat`), every call, filter, `*`, `**`, `+`, `%` and `~` is checked.
    """

    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.filters = {name: _guarded_filter(name, function)
                        for name, function in self.filters.items()}
        self.filters[LOOP_FILTER] = limits.counted
        self.filters[VALUE_FILTER] = limits.checked_value
        self.globals.pop("lipsum", None)  # generates text of any size; no template needs it
        self._compiled: dict[str, Template] = {}

    def from_string(self, source: str | nodes.Template,  # type: ignore[override]
                    globals: dict[str, Any] | None = None,
                    template_class: type[Template] | None = None) -> Template:
        """A template compiled once per source text: docxtpl compiles every part of a document
        again for each document, and a case with many requests renders one template many
        times (compiling was a third of each render). The most recent COMPILED are kept."""
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        compiled = self._compiled.pop(source, None) or super().from_string(source)
        self._compiled[source] = compiled
        while len(self._compiled) > COMPILED:
            del self._compiled[next(iter(self._compiled))]
        return compiled

    def concat(self, chunks: Iterable[str]) -> str:  # type: ignore[override]
        """Every render and every block or macro body is joined here: charged as output."""
        return limits.joined(chunks)

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        return _Guard().visit(tree)  # type: ignore[no-any-return]

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            limits.checked_product(left, right)
        elif operator == "**":
            limits.checked_power(left, right)
        elif operator == "%" and isinstance(left, str):
            limits.checked_format(left, right if isinstance(right, tuple) else (right,))
        return limits.checked_value(super().call_binop(context, operator, left, right))

    def call(__self, __context: Context, __obj: Any,  # noqa: N805 - as in the sandbox
             *args: Any, **kwargs: Any) -> Any:
        if isinstance(getattr(__obj, "__self__", None), str | bytes | list | tuple | dict):
            limits.checked_arguments([*args, *kwargs.values()])
        return limits.checked_value(super().call(__context, __obj, *args, **kwargs))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        formatter = super().wrap_str_format(value)
        if formatter is None:
            return None
        text = value.__self__

        def checked_formatter(*args: Any, **kwargs: Any) -> str:
            limits.checked_format(text, [*args, *kwargs.values()])
            return formatter(*args, **kwargs)

        return checked_formatter


class _Guard(NodeTransformer):
    """Wraps every loop's iterable in LOOP_FILTER and every `~` in VALUE_FILTER."""

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)
        node.iter = _filtered(node.iter, LOOP_FILTER)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)
        return _filtered(node, VALUE_FILTER)


def _filtered(node: nodes.Node, name: str) -> nodes.Filter:
    return nodes.Filter(node, name, [], [], None, None, lineno=node.lineno)


def _guarded_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter whose result size is checked, and whose size arguments are when it has them."""
    value_index = 1 if getattr(function, "jinja_pass_arg", None) is not None else 0

    @functools.wraps(function)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        if name in SIZING_FILTERS:
            limits.checked_arguments([*args[value_index + 1:], *kwargs.values()])
        elif name == "format" and isinstance(args[value_index], str):
            limits.checked_format(args[value_index], args[value_index + 1:])
        return limits.checked_value(function(*args, **kwargs))

    return guarded


@cache
def environment() -> LimitedEnvironment:
    """The shared environment: sandboxed, limited, strict about undefined names, escaping every
    value."""
    return LimitedEnvironment(undefined=StrictUndefined, autoescape=True,
                              keep_trailing_newline=True)


def render_docx(template: Path, context: dict[str, Any], properties: DocumentProperties) -> bytes:
    """Render a docxtpl template with `context`; the .docx bytes, reproducible to the byte."""
    from jinja2 import TemplateError

    from generator.documents.template import Template

    try:
        limits.check_archive(template)
        document = Template(str(template))
        with limits.limits():
            document.render(with_pictures(context, document), jinja_env=environment())
        finish(document.docx)
        apply_properties(document.docx.core_properties, properties)
        buffer = io.BytesIO()
        document.save(buffer)
    except limits.TemplateLimit as error:
        raise TemplateRenderError(limits.message(template, error)) from None
    except MemoryError:
        raise TemplateRenderError(f"sjabloon {template} kan niet gevuld worden: het document "
                                  "past niet in het geheugen") from None
    except TemplateError as error:
        raise TemplateRenderError(f"sjabloon {template}: {error.message or error} "
                                  "(draai 'regiekit validate' voor de alinea)") from None
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise TemplateRenderError(
            f"sjabloon {template} kan niet verwerkt worden ({error})") from None
    except Exception as error:  # a region's own template may misuse any value
        raise TemplateRenderError(f"sjabloon {template} kan niet gevuld worden "
                                  f"({type(error).__name__}: {error})") from None
    return freeze_zip(buffer.getvalue())


class InlinePicture:
    """A Picture bound to the document being rendered; Jinja inserts its `__html__`."""

    def __init__(self, picture: Picture, document: Any) -> None:
        self.picture, self.document = picture, document

    def __html__(self) -> str:
        from docx.shared import Cm

        part = self.document.current_rendering_part
        inline = part.new_pic_inline(io.BytesIO(self.picture.png),
                                     width=Cm(self.picture.width_cm))
        alt = clean_text(self.picture.alt)
        inline.docPr.set("name", "Schema")
        inline.docPr.set("descr", alt)
        for properties in inline.xpath(".//pic:cNvPr"):
            properties.set("descr", alt)
        # Close the run the tag stands in, add a run with the drawing, reopen a text run.
        return (f"</w:t></w:r><w:r><w:drawing>{inline.xml}</w:drawing></w:r>"
                '<w:r><w:t xml:space="preserve">')

    __str__ = __html__


def with_pictures(value: Any, document: Any) -> Any:
    """The context with every Picture bound to `document` (a docxtpl DocxTemplate)."""
    if isinstance(value, Picture):
        return InlinePicture(value, document)
    if isinstance(value, dict):
        return {key: with_pictures(item, document) for key, item in value.items()}
    if isinstance(value, list):
        return [with_pictures(item, document) for item in value]
    return value
