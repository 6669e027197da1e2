"""Byte-identical output: fixed document properties and a zip without clocks or platform marks.

python-docx stamps the current time on every zip member and docxtpl keeps whatever core
properties the template had; both would make two builds of the same YAML differ. The fixed
values come from the agreement itself (its adoption date), never from the clock.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from generator.documents.words import clean_text

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
"""The earliest time a zip entry can carry; used for every member."""

FALLBACK_DATE = datetime(2000, 1, 1)
"""Creation date of documents whose agreement has no adoption date."""


@dataclass(frozen=True)
class DocumentProperties:
    """What File > Properties shows; identical inputs give identical properties."""

    title: str
    subject: str
    author: str
    created: datetime = FALLBACK_DATE
    keywords: str = "regiekit"
    comments: str = "Gegenereerd met regiekit; wijzig de YAML, niet dit document."


def apply_properties(core: Any, properties: DocumentProperties) -> None:
    """Overwrite every core property python-docx writes (a docx.opc.coreprops.CoreProperties)."""
    core.title = clean_text(properties.title)
    core.subject = clean_text(properties.subject)
    core.author = clean_text(properties.author)
    core.last_modified_by = clean_text(properties.author)
    core.keywords = properties.keywords
    core.comments = properties.comments
    core.language = "nl-NL"
    core.category = ""
    core.content_status = ""
    core.identifier = ""
    core.version = ""
    core.revision = 1
    core.created = properties.created
    core.modified = properties.created
    core.last_printed = properties.created


def freeze_zip(data: bytes) -> bytes:
    """The same archive with every member dated ZIP_EPOCH and platform-neutral attributes."""
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            target.writestr(info, source.read(member))
    return output.getvalue()
