"""Byte-identical output: fixed document properties and a zip without clocks or platform marks.

python-docx stamps the current time on every zip member and docxtpl keeps whatever core
properties the template had; both would make two builds of the same YAML differ. The fixed
values come from the agreement itself (its adoption date), never from the clock; an agreement
without any date gives a document without a creation date rather than an invented one.
"""

from __future__ import annotations

import io
import struct
import zipfile
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from generator.documents.words import clean_text

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
"""The earliest time a zip entry can carry; used for every member."""

LANGUAGE = "nl-NL"


@dataclass(frozen=True)
class DocumentProperties:
    """What File > Properties shows; identical inputs give identical properties."""

    title: str
    subject: str
    author: str
    created: datetime | None = None
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
    core.language = LANGUAGE
    core.category = ""
    core.content_status = ""
    core.identifier = ""
    core.version = ""
    core.revision = 1
    _remove(core, "cp:lastPrinted")  # never printed
    if properties.created is None:
        _remove(core, "dcterms:created", "dcterms:modified")
    else:
        core.created = core.modified = properties.created


def _remove(core: Any, *tags: str) -> None:
    from docx.oxml.ns import qn

    element = core._element
    for tag in tags:
        for found in element.findall(qn(tag)):
            element.remove(found)


def freeze_zip(data: bytes) -> bytes:
    """The same archive with every member dated ZIP_EPOCH and platform-neutral attributes.

    The dates sit at fixed offsets in each local header and central-directory record, so they are
    overwritten in place instead of compressing everything a second time (that cost a fifth of
    the build). An archive laid out in any other way is rewritten member by member instead.
    """
    try:
        return _stamp_in_place(data)
    except (ValueError, struct.error, zipfile.BadZipFile):
        return _rewrite(data)


_LOCAL, _CENTRAL = b"PK\x03\x04", b"PK\x01\x02"
_DOS_TIME, _DOS_DATE = 0, (0 << 9) | (1 << 5) | 1  # 1980-01-01 00:00:00


def _stamp_in_place(data: bytes) -> bytes:
    buffer = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = archive.infolist()
        offset = archive.start_dir  # type: ignore[attr-defined]
    for member in members:
        local = member.header_offset
        if buffer[local:local + 4] != _LOCAL:
            raise ValueError("unexpected local header")
        struct.pack_into("<HH", buffer, local + 10, _DOS_TIME, _DOS_DATE)
    for _ in members:
        if buffer[offset:offset + 4] != _CENTRAL:
            raise ValueError("unexpected central directory")
        version_needed = struct.unpack_from("<H", buffer, offset + 6)[0]
        struct.pack_into("<H", buffer, offset + 4, version_needed)  # made by: MS-DOS
        struct.pack_into("<HH", buffer, offset + 12, _DOS_TIME, _DOS_DATE)
        struct.pack_into("<I", buffer, offset + 38, 0)  # external attributes
        name, extra, comment = struct.unpack_from("<HHH", buffer, offset + 28)
        offset += 46 + name + extra + comment
    return bytes(buffer)


def _rewrite(data: bytes) -> bytes:
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
