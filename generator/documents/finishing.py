"""Layout that depends on the rendered text: the table of contents and keeping source lines.

Runs on every rendered document, after docxtpl and before saving, on the python-docx document:

* **Table of contents.** The template holds an empty TOC field (`TOC \\o "1-2" \\h`). Each
  Heading 1 and Heading 2 gets a bookmark, and the field's result is filled with one entry per
  heading that links to it, so the built file shows its contents (and a PDF has working links)
  before anyone updates a field. Page numbers are left to the reader's program: Word updates
  the field when it opens the document (the template asks it to); LibreOffice keeps the entries
  as built and fills in page numbers with Extra > Bijwerken > Alles bijwerken. A number written
  here would be a guess, and a wrong page number is worse than none.
* **Source lines stay with what they cite.** A "Bron: ..." paragraph keeps with the content
  before it (the paragraphs and the last table row before it get "keep with next"), so no page
  holds only a source line.
* **Columns repeated by a loop share the width.** A docxtpl column loop (`{%tc for %}`, the
  comparison's column per region) repeats a cell with the width of the template's one cell;
  those columns get equal shares of the table's width after the first column.

Headings are found by style name ("heading 1"), not by style id, so a region's template saved
by a Dutch Word ("Kop1") works the same. The result depends only on the document: reproducible.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
TOC_LEVELS = {"heading 1": 1, "heading 2": 2}
"""Which headings the table of contents lists (Word's built-in style names, lower case)."""
ENTRY_STYLES = {1: "toc 1", 2: "toc 2"}
SOURCE_STYLE = "bron"
BOOKMARK_PREFIX = "_Toc"
"""Word hides bookmarks whose names start with an underscore; `_Toc` marks them as its own."""

Element = Any
"""An lxml element of the document."""


def qn(tag: str) -> str:
    """`w:p` -> `{namespace}p`."""
    return f"{{{W}}}{tag[2:]}"


_NAME, _VAL, _STYLE_ID = qn("w:name"), qn("w:val"), qn("w:styleId")
_P, _T, _TBL, _TR, _TC = qn("w:p"), qn("w:t"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_PPR, _TCPR, _TCW, _W = qn("w:pPr"), qn("w:tcPr"), qn("w:tcW"), qn("w:w")


def finish(document: Any) -> None:
    """Fill the table of contents, keep source lines with their content and share the width of
    repeated columns (in place, on a python-docx document)."""
    body = document.element.body
    styles = _style_ids(document.part.styles.element)
    keep_sources_with_content(body, styles)
    fill_table_of_contents(body, styles)
    for table in body.iter(_TBL):
        share_repeated_columns(table)


_NAMED_STYLES = etree.XPath("w:style[contains($names, concat('|', w:name/@w:val, '|'))]",
                            namespaces=NS)
_WANTED = (SOURCE_STYLE, *TOC_LEVELS, *ENTRY_STYLES.values())
_SPELLINGS = "|" + "|".join(spelling for name in _WANTED
                            for spelling in (name, name.capitalize(), name.title())) + "|"
"""The names as Word writes them: built-in styles in lower case ("heading 1"), others as
typed ("Bron", "Heading 1")."""


def _style_ids(styles: Element) -> dict[str, str]:
    """Built-in (lower-case) name -> style id, for the styles this module looks for."""
    found: dict[str, str] = {}
    for style in _NAMED_STYLES(styles, names=_SPELLINGS):
        found.setdefault(style.find(_NAME).get(_VAL).lower(), style.get(_STYLE_ID))
    return found


_TOP_WITH_STYLE = etree.XPath("./w:p[w:pPr/w:pStyle/@w:val=$style]", namespaces=NS)
_WITH_EITHER_STYLE = etree.XPath(".//w:p[w:pPr/w:pStyle[@w:val=$first or @w:val=$second]]",
                                 namespaces=NS)


# --- source lines -----------------------------------------------------------------------------

def keep_sources_with_content(body: Element, styles: dict[str, str]) -> None:
    style = styles.get(SOURCE_STYLE)
    for source in _TOP_WITH_STYLE(body, style=style) if style else ():
        _keep_before_with_next(source)


def _keep_before_with_next(source: Element) -> None:
    """Keep-with-next on the empty paragraphs before `source` and the content before those."""
    previous = source.getprevious()
    while previous is not None:
        if previous.tag == _TBL:
            rows = previous.findall(_TR)
            if rows:
                for paragraph in rows[-1].iter(_P):
                    _keep_with_next(paragraph)
            return
        if previous.tag != _P:
            return
        _keep_with_next(previous)
        if _text(previous).strip():
            return
        previous = previous.getprevious()


def _keep_with_next(paragraph: Element) -> None:
    """Add <w:keepNext/> in its place in the paragraph properties (right after the style)."""
    properties = paragraph.find(_PPR)
    if properties is None:
        properties = etree.SubElement(paragraph, _PPR)
        paragraph.insert(0, properties)
    if properties.find(qn("w:keepNext")) is not None:
        return
    keep = etree.Element(qn("w:keepNext"))
    style = properties.find(qn("w:pStyle"))
    properties.insert(1 if style is not None else 0, keep)


def _text(paragraph: Element) -> str:
    return "".join(text.text or "" for text in paragraph.iter(_T))


# --- column loops -----------------------------------------------------------------------------

def share_repeated_columns(table: Element) -> None:
    """When a row's cells are wider together than the table's grid (a column loop), give every
    column after the first an equal share of what the first leaves."""
    grid = table.find(qn("w:tblGrid"))
    rows = table.findall(_TR)
    if grid is None or not rows:
        return
    columns = grid.findall(qn("w:gridCol"))
    total = sum(int(column.get(_W, "0")) for column in columns)
    cells = rows[0].findall(_TC)
    widths = [_cell_width(cell) for cell in cells]
    if len(cells) < 2 or sum(widths) <= total + len(cells) or len(columns) != len(cells):
        return
    share = (total - widths[0]) // (len(cells) - 1)
    for column, width in zip(columns, [widths[0]] + [share] * (len(cells) - 1), strict=True):
        column.set(_W, str(width))
    for row in rows:
        for cell in row.findall(_TC)[1:]:
            width = cell.find(f"{_TCPR}/{_TCW}")
            if width is not None:
                width.set(_W, str(share))


def _cell_width(cell: Element) -> int:
    width = cell.find(f"{_TCPR}/{_TCW}")
    return int(width.get(_W, "0")) if width is not None else 0


# --- table of contents ------------------------------------------------------------------------

def fill_table_of_contents(body: Element, styles: dict[str, str]) -> None:
    placeholder = _toc_placeholder(body)
    if placeholder is None:
        return
    headings = list(_headings(body, styles))
    if not headings:
        return
    entries = [_entry(styles.get(ENTRY_STYLES[level]), text, _bookmark(heading, number))
               for number, (heading, level, text) in enumerate(headings, start=1)]
    runs = list(placeholder.iterchildren(qn("w:r")))
    start, end = runs[:-1], runs[-1]  # begin, instruction, separate | end
    for run in reversed(start):
        entries[0].insert(1, run)
    entries[-1].append(end)
    for entry in entries:
        placeholder.addprevious(entry)
    placeholder.getparent().remove(placeholder)


def _toc_placeholder(body: Element) -> Element | None:
    """The paragraph holding the (still empty) TOC field, or None."""
    for instruction in body.iter(qn("w:instrText")):
        if (instruction.text or "").strip().startswith("TOC"):
            paragraph = instruction.getparent().getparent()
            return paragraph if paragraph.tag == _P else None
    return None


def _headings(body: Element, styles: dict[str, str]) -> Iterator[tuple[Element, int, str]]:
    levels = {styles[name]: level for name, level in TOC_LEVELS.items() if name in styles}
    if not levels:
        return
    first, *rest = levels
    for paragraph in _WITH_EITHER_STYLE(body, first=first, second=rest[0] if rest else first):
        level = levels[paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}").get(qn("w:val"))]
        text = " ".join(_text(paragraph).split())
        if text:
            yield paragraph, level, text


def _bookmark(heading: Element, number: int) -> str:
    """Put a bookmark around the heading's text; its name."""
    name = f"{BOOKMARK_PREFIX}{number:09d}"
    start = etree.Element(qn("w:bookmarkStart"))
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end = etree.Element(qn("w:bookmarkEnd"))
    end.set(qn("w:id"), str(number))
    properties = heading.find(_PPR)
    if properties is not None:
        properties.addnext(start)
    else:
        heading.insert(0, start)
    heading.append(end)
    return name


def _entry(style_id: str | None, text: str, anchor: str) -> Element:
    """One entry: the heading's text, linked to its bookmark, in style "toc <level>"."""
    paragraph = etree.Element(_P)
    properties = etree.SubElement(paragraph, _PPR)
    if style_id:
        etree.SubElement(properties, qn("w:pStyle")).set(qn("w:val"), style_id)
    link = etree.SubElement(paragraph, qn("w:hyperlink"))
    link.set(qn("w:anchor"), anchor)
    link.set(qn("w:history"), "1")
    content = etree.SubElement(etree.SubElement(link, qn("w:r")), _T)
    content.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    content.text = text
    return paragraph
