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

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

TOC_LEVELS = {"heading 1": 1, "heading 2": 2}
"""Which headings the table of contents lists (Word's built-in style names, lower case)."""
ENTRY_STYLES = {1: "toc 1", 2: "toc 2"}
SOURCE_STYLE = "bron"
BOOKMARK_PREFIX = "_Toc"
"""Word hides bookmarks whose names start with an underscore; `_Toc` marks them as its own."""

Element = Any
"""An lxml element of the document (python-docx's oxml classes)."""


def finish(document: Any) -> None:
    """Fill the table of contents and keep source lines with their content (in place)."""
    body = document.element.body
    styles = _style_names(document)
    keep_sources_with_content(body, styles)
    fill_table_of_contents(body, styles)
    for table in body.iter(qn("w:tbl")):
        share_repeated_columns(table)


def _style_names(document: Any) -> dict[str, str]:
    """Style id -> built-in (lower-case) name, for the paragraph styles of the document."""
    names = {}
    for style in document.styles.element.findall(qn("w:style")):
        name = style.find(qn("w:name"))
        if name is not None:
            names[style.get(qn("w:styleId"))] = name.get(qn("w:val"), "").lower()
    return names


def _style_of(paragraph: Element, styles: dict[str, str]) -> str:
    properties = paragraph.pPr
    style = properties.pStyle if properties is not None else None
    return styles.get(style.val, "") if style is not None else ""


def _style_id(styles: dict[str, str], name: str) -> str:
    return next((style_id for style_id, known in styles.items() if known == name), "")


# --- source lines -----------------------------------------------------------------------------

def keep_sources_with_content(body: Element, styles: dict[str, str]) -> None:
    for paragraph in body.iterchildren(qn("w:p")):
        if _style_of(paragraph, styles) == SOURCE_STYLE:
            _keep_before_with_next(paragraph)


def _keep_before_with_next(source: Element) -> None:
    """Keep-with-next on the empty paragraphs before `source` and the content before those."""
    previous = source.getprevious()
    while previous is not None:
        if previous.tag == qn("w:tbl"):
            rows = previous.findall(qn("w:tr"))
            if rows:
                for paragraph in rows[-1].iter(qn("w:p")):
                    _keep_with_next(paragraph)
            return
        if previous.tag != qn("w:p"):
            return
        _keep_with_next(previous)
        if _text(previous).strip():
            return
        previous = previous.getprevious()


def _keep_with_next(paragraph: Element) -> None:
    paragraph.get_or_add_pPr().keepNext_val = True


def _text(paragraph: Element) -> str:
    return "".join(text.text or "" for text in paragraph.iter(qn("w:t")))


# --- column loops -----------------------------------------------------------------------------

def share_repeated_columns(table: Element) -> None:
    """When a row's cells are wider together than the table's grid (a column loop), give every
    column after the first an equal share of what the first leaves."""
    grid = table.find(qn("w:tblGrid"))
    rows = table.findall(qn("w:tr"))
    if grid is None or not rows:
        return
    columns = grid.findall(qn("w:gridCol"))
    total = sum(int(column.get(qn("w:w"), "0")) for column in columns)
    cells = rows[0].findall(qn("w:tc"))
    widths = [_cell_width(cell) for cell in cells]
    if len(cells) < 2 or sum(widths) <= total + len(cells) or len(columns) != len(cells):
        return
    share = (total - widths[0]) // (len(cells) - 1)
    for column, width in zip(columns, [widths[0]] + [share] * (len(cells) - 1), strict=True):
        column.set(qn("w:w"), str(width))
    for row in rows:
        for cell in row.findall(qn("w:tc"))[1:]:
            width = cell.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
            if width is not None:
                width.set(qn("w:w"), str(share))


def _cell_width(cell: Element) -> int:
    width = cell.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
    return int(width.get(qn("w:w"), "0")) if width is not None else 0


# --- table of contents ------------------------------------------------------------------------

def fill_table_of_contents(body: Element, styles: dict[str, str]) -> None:
    placeholder = _toc_placeholder(body)
    if placeholder is None:
        return
    headings = list(_headings(body, styles))
    if not headings:
        return
    entries = [_entry(level, text, _bookmark(heading, number), styles)
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
            return paragraph if paragraph.tag == qn("w:p") else None
    return None


def _headings(body: Element, styles: dict[str, str]) -> Iterator[tuple[Element, int, str]]:
    for paragraph in body.iter(qn("w:p")):
        level = TOC_LEVELS.get(_style_of(paragraph, styles))
        text = " ".join(_text(paragraph).split())
        if level and text:
            yield paragraph, level, text


def _bookmark(heading: Element, number: int) -> str:
    """Put a bookmark around the heading's text; its name."""
    name = f"{BOOKMARK_PREFIX}{number:09d}"
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(number))
    properties = heading.pPr
    if properties is not None:
        properties.addnext(start)
    else:
        heading.insert(0, start)
    heading.append(end)
    return name


def _entry(level: int, text: str, anchor: str, styles: dict[str, str]) -> Element:
    """One entry: the heading's text, linked to its bookmark, in style "toc <level>"."""
    paragraph = OxmlElement("w:p")
    style_id = _style_id(styles, ENTRY_STYLES[level])
    if style_id:
        paragraph.get_or_add_pPr().style = style_id
    else:
        paragraph.get_or_add_pPr()
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), anchor)
    link.set(qn("w:history"), "1")
    run = OxmlElement("w:r")
    content = OxmlElement("w:t")
    content.set(qn("xml:space"), "preserve")
    content.text = text
    run.append(content)
    link.append(run)
    paragraph.append(link)
    return paragraph
