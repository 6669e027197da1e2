"""The one Jinja environment every document is rendered with, and the render call itself.

Sandboxed (a template cannot reach Python internals), StrictUndefined (a misspelt variable is an
error, never an empty spot) and autoescape on. docxtpl renders the document XML as Jinja text, so
with autoescape a value is XML-escaped exactly once, when it is inserted: `&`, `<`, `>` and
`{{ ... }}` in a YAML text end up as literal characters in the document. Text written in the
template itself is already XML and is never escaped again. Values must therefore reach the
template as plain `str`, never pre-escaped.
"""

from __future__ import annotations

import io
import zipfile
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from generator.documents.figures import Picture
from generator.documents.finishing import finish
from generator.documents.reproducible import DocumentProperties, apply_properties, freeze_zip
from generator.documents.words import clean_text
from generator.errors import RegiekitError


class TemplateRenderError(RegiekitError):
    """A template could not be read or rendered; the message names the template."""


@cache
def environment() -> SandboxedEnvironment:
    """The shared environment: sandboxed, strict about undefined names, escaping every value."""
    return SandboxedEnvironment(undefined=StrictUndefined, autoescape=True,
                                keep_trailing_newline=True)


def render_docx(template: Path, context: dict[str, Any], properties: DocumentProperties) -> bytes:
    """Render a docxtpl template with `context`; the .docx bytes, reproducible to the byte."""
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError

    try:
        document = DocxTemplate(str(template))
        document.render(with_pictures(context, document), jinja_env=environment())
        finish(document.docx)
        apply_properties(document.docx.core_properties, properties)
        buffer = io.BytesIO()
        document.save(buffer)
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
