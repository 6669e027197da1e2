"""Build the shipped docxtpl templates: `python generator/templates/make_templates.py`.

The .docx files next to this script are its output and are committed; a test rebuilds them and
compares, so the script and the files never drift apart. They are ordinary Word documents with
real styles (Title, Heading 1-3, List Bullet, a "Bron" style, Table Grid tables): a region can open
one in Word, change logo, fonts and colours, and save it as regions/<id>/templates/<same name>.

Template tags (docxtpl): `{{ x }}` inserts a value; `{%p ... %}` on its own paragraph, `{%tr ... %}`
in the first cell of its own table row, control paragraphs and rows that disappear when rendered.
All wording decisions live in generator/documents/context.py; these templates only lay out.
"""

from __future__ import annotations

import io
import sys
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

HERE = Path(__file__).resolve().parent
FONT = "Arial"
ACCENT = RGBColor(0x1F, 0x3A, 0x5F)
ACCENT_HEX = "1F3A5F"
LIGHT_HEX = "E8EEF5"
GREY = RGBColor(0x59, 0x59, 0x59)
BOX = "☐"
Element = Any
"""An lxml element of the document being built."""
LANGUAGE = "nl-NL"
"""The language of every document: Word's spelling check and screen readers use it."""
BOX_FONT = "MS Gothic"
"""The font Word itself uses for checkbox content controls (others fall back to a font with ☐)."""
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>regiekit</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
    "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    "<HyperlinksChanged>false</HyperlinksChanged></Properties>")
"""The extended properties: regiekit made the file (python-docx's default names a Mac Word)."""


class Builder:
    """A python-docx document with the house style and helpers for docxtpl tags."""

    def __init__(self, *, landscape: bool = False) -> None:
        self.doc = Document()
        self._page(landscape)
        self._styles()
        self._dutch()

    # --- page and styles -------------------------------------------------------------------

    def _page(self, landscape: bool) -> None:
        section = self.doc.sections[0]
        width, height = Mm(210), Mm(297)
        if landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            width, height = height, width
        section.page_width, section.page_height = width, height
        for side in ("left_margin", "right_margin"):
            setattr(section, side, Cm(2.2))
        section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.2)

    def _styles(self) -> None:
        styles = self.doc.styles
        normal = styles["Normal"]
        _font(normal, size=10)
        normal.paragraph_format.space_after = Pt(6)
        normal.paragraph_format.line_spacing = 1.15
        for name, size, color in (("Title", 26, ACCENT), ("Subtitle", 15, GREY),
                                  ("Heading 1", 16, ACCENT), ("Heading 2", 13, ACCENT),
                                  ("Heading 3", 11, ACCENT)):
            style = styles[name]
            _font(style, size=size, color=color, bold=name.startswith("Heading") or None)
            style.paragraph_format.keep_with_next = True
        styles["Heading 1"].paragraph_format.space_before = Pt(18)
        styles["Heading 2"].paragraph_format.space_before = Pt(12)
        styles["Heading 3"].paragraph_format.space_before = Pt(10)
        _no_border(styles["Title"])
        for name in ("List Bullet", "List Number"):
            _font(styles[name], size=10)
            styles[name].paragraph_format.space_after = Pt(3)
        source = styles.add_style("Bron", WD_STYLE_TYPE.PARAGRAPH)
        source.base_style = normal
        _font(source, size=8, color=GREY, italic=True)
        source.paragraph_format.space_before = Pt(2)
        source.paragraph_format.space_after = Pt(10)
        label = styles.add_style("Tussenkop", WD_STYLE_TYPE.PARAGRAPH)
        label.base_style = normal
        _font(label, size=10, bold=True, color=ACCENT)
        label.paragraph_format.space_before = Pt(8)
        label.paragraph_format.space_after = Pt(3)
        label.paragraph_format.keep_with_next = True
        numbered = styles.add_style("Genummerd", WD_STYLE_TYPE.PARAGRAPH)
        numbered.base_style = normal
        numbered.paragraph_format.left_indent = Cm(0.8)
        numbered.paragraph_format.first_line_indent = Cm(-0.8)
        numbered.paragraph_format.tab_stops.add_tab_stop(Cm(0.8))
        numbered.paragraph_format.space_after = Pt(3)
        small = styles.add_style("Klein", WD_STYLE_TYPE.PARAGRAPH)
        small.base_style = normal
        _font(small, size=8, color=GREY)
        small.paragraph_format.space_after = Pt(0)
        table_text = styles.add_style("Tabeltekst", WD_STYLE_TYPE.PARAGRAPH)
        table_text.base_style = normal
        _font(table_text, size=9)
        table_text.paragraph_format.space_after = Pt(0)
        table_text.paragraph_format.line_spacing = 1.0
        picture = styles.add_style("Afbeelding", WD_STYLE_TYPE.PARAGRAPH)
        picture.base_style = normal
        picture.paragraph_format.space_before = Pt(4)
        picture.paragraph_format.space_after = Pt(10)
        picture.paragraph_format.line_spacing = 1.0
        picture.paragraph_format.keep_together = True
        self._toc_styles()

    def _toc_styles(self) -> None:
        """Word's built-in "toc 1" and "toc 2" (ids TOC1, TOC2), which a TOC field fills."""
        width = Cm(21.0 - 2 * 2.2)
        for level in (1, 2):
            style = self.doc.styles.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH)
            style.element.set(qn("w:styleId"), f"TOC{level}")
            style.base_style = self.doc.styles["Normal"]
            style.paragraph_format.left_indent = Cm(0.6 * (level - 1))
            style.paragraph_format.space_after = Pt(2 if level == 2 else 3)
            style.paragraph_format.space_before = Pt(6 if level == 1 else 0)
            style.paragraph_format.tab_stops.add_tab_stop(width, alignment=2, leader=1)
            _font(style, size=10, bold=level == 1 or None)
        self.doc.styles["TOC Heading"].paragraph_format.space_before = Pt(0)

    def _dutch(self) -> None:
        """Dutch as the language of every style (docDefaults) and of the theme fonts."""
        defaults = self.doc.styles.element.find(qn("w:docDefaults"))
        language = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
        _set_language(language)
        _set_language(self.doc.settings.element.find(qn("w:themeFontLang")))

    def update_fields_on_open(self) -> None:
        """Word asks to update fields (the table of contents, page numbers) when it opens."""
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        self.doc.settings.element.append(update)

    # --- header, footer, title page --------------------------------------------------------

    def header_footer(self, header: str, footer: str) -> None:
        section = self.doc.sections[0]
        head = section.header.paragraphs[0]
        head.style = self.doc.styles["Klein"]
        head.add_run(header)
        _bottom_border(head)
        foot = section.footer.paragraphs[0]
        foot.style = self.doc.styles["Klein"]
        foot.add_run(footer + "\tpagina ")
        _field(foot, "PAGE")
        foot.add_run(" van ")
        _field(foot, "NUMPAGES")
        width = section.page_width - section.left_margin - section.right_margin  # type: ignore[operator]
        foot.paragraph_format.tab_stops.add_tab_stop(width, alignment=2)

    def title_page(self, kind: str, title: str, subtitle: str, rows: str | None) -> None:
        for _ in range(4):
            self.doc.add_paragraph()
        self.para(kind, "Tussenkop")
        self.doc.add_paragraph(title, style="Title")
        self.doc.add_paragraph(subtitle, style="Subtitle")
        self.doc.add_paragraph()
        if rows:
            self.kv_table(rows)
        self.doc.add_paragraph()
        self.para("Dit document is gemaakt uit de vastgelegde regionale afspraken. Een wijziging "
                  "hoort in die afspraken; daarna wordt het document opnieuw gemaakt. Wat in dit "
                  "document zelf wordt veranderd, gaat dan verloren.", "Klein")

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def table_of_contents(self, title: str) -> None:
        """A TOC field over Heading 1-2 with links, in a Table of Contents block; the build fills
        in its entries (generator.documents.finishing), Word updates it when it opens."""
        block = _element("w:sdt", _element(
            "w:sdtPr", _element("w:docPartObj", _element(
                "w:docPartGallery", val="Table of Contents"), _element("w:docPartUnique"))))
        content = _element("w:sdtContent")
        block.append(content)
        heading = self.doc.add_paragraph(title, style="TOC Heading")
        field = self.doc.add_paragraph()
        for run in (_field_char("begin"), _instruction(' TOC \\o "1-2" \\h \\z \\u '),
                    _field_char("separate"), _field_char("end")):
            field._p.append(run)
        heading._p.addprevious(block)
        content.append(heading._p)
        content.append(field._p)

    # --- paragraphs ------------------------------------------------------------------------

    def tag(self, code: str) -> None:
        """A docxtpl control paragraph, e.g. `for r in roles` -> `{%p for r in roles %}`."""
        self.doc.add_paragraph(f"{{%p {code} %}}")

    def para(self, text: str, style: str | None = None) -> Paragraph:
        return self.doc.add_paragraph(text, style=style)

    def lead_in(self, text: str) -> None:
        """A paragraph that introduces what follows and stays on its page."""
        self.para(text).paragraph_format.keep_with_next = True

    def heading(self, text: str, level: int) -> None:
        self.doc.add_heading(text, level)

    def labelled(self, label: str, text: str) -> None:
        paragraph = self.doc.add_paragraph()
        paragraph.add_run(label).bold = True
        paragraph.add_run(text)

    def bullets(self, items: str, item: str = "x") -> None:
        self.tag(f"for {item} in {items}")
        self.para(f"{{{{ {item} }}}}", "List Bullet")
        self.tag("endfor")

    def numbered(self, items: str, item: str = "x") -> None:
        self.tag(f"for {item} in {items}")
        self.para(f"{{{{ loop.index }}}}.\t{{{{ {item} }}}}", "Genummerd")
        self.tag("endfor")

    def picture(self, expression: str) -> None:
        """A diagram (a Picture in the context) on its own paragraph, if there is one."""
        self.when(expression, lambda: self.para(f"{{{{ {expression} }}}}", "Afbeelding"))

    def source(self, expression: str) -> None:
        self.tag(f"if {expression}")
        self.para(f"{{{{ {expression} }}}}", "Bron")
        self.tag("endif")

    def when(self, condition: str, body: Callable[[], object]) -> None:
        self.tag(f"if {condition}")
        body()
        self.tag("endif")

    def loop(self, header: str, body: Callable[[], object]) -> None:
        self.tag(f"for {header}")
        body()
        self.tag("endfor")

    # --- tables ----------------------------------------------------------------------------

    def kv_table(self, rows: str, widths: tuple[float, float] = (5.0, 11.6)) -> Table:
        """Two columns, label (shaded) and value, one row per item of `rows`."""
        table = self._table(3, 2, widths)
        _loop_row(table.rows[0], f"for k in {rows}")
        label, value = table.rows[1].cells
        _cell_text(label, "{{ k.name }}", bold=True)
        _shade(label, LIGHT_HEX)
        _cell_text(value, "{{ k.value }}")
        _keep_row_together(table.rows[1])
        _keep_row_with_next(table.rows[1])
        _loop_row(table.rows[2], "endfor")
        # The table belongs with what follows it in its item (a step's "Wat volgt").
        self.doc.add_paragraph(style="Klein").paragraph_format.keep_with_next = True
        return table

    def fill_in_table(self, rows: str) -> None:
        """The header a coordinator fills in (case, by whom, date), as text content controls."""
        table = self.kv_table(rows)
        _cell_controls(table.rows[1].cells[1], [("", [text_control("{{ k.name }}",
                                                                   "{{ k.value }}")])])

    def list_table(self, rows: str, item: str, columns: Sequence[tuple[str, str, float]],
                   *, min_height: float | None = None, together: bool = False) -> Table:
        """A header row, then one row per item; columns are (header, expression, width cm).
        `together`: a short table that stays on one page where it fits."""
        table = self._table(4, len(columns), tuple(width for _, _, width in columns))
        for cell, (header, _, _) in zip(table.rows[0].cells, columns, strict=True):
            _cell_text(cell, header, bold=True, color=RGBColor(0xFF, 0xFF, 0xFF))
            _shade(cell, ACCENT_HEX)
        _repeat_header(table.rows[0])
        _loop_row(table.rows[1], f"for {item} in {rows}")
        for cell, (_, expression, _) in zip(table.rows[2].cells, columns, strict=True):
            _cell_text(cell, expression)
        if min_height:
            table.rows[2].height = Cm(min_height)
        _keep_row_together(table.rows[2])
        if together:
            for row in (table.rows[0], table.rows[2]):
                _keep_row_with_next(row)
        _loop_row(table.rows[3], "endfor")
        self.doc.add_paragraph(style="Klein")
        return table

    def sparse_table(self, rows: str, item: str, columns: Sequence[tuple[str, str, float]],
                     optional: tuple[str, str, float]) -> None:
        """`list_table` with a last column (`optional`: header, the item's attribute, width)
        only when a row fills it; otherwise the column before it takes its width. A column
        no row fills ("Omschrijving" of a region that describes no organisation) reads as
        something missing."""
        header, attribute, width = optional
        self.tag(f"if {rows}|map(attribute='{attribute}')|select|list")
        self.list_table(rows, item, [*columns, (header, f"{{{{ {item}.{attribute} }}}}", width)])
        self.tag("else")
        *first, (last, expression, last_width) = columns
        self.list_table(rows, item, [*first, (last, expression, last_width + width)])
        self.tag("endif")

    def matrix_table(self, name: str, label_width: float, total_width: float) -> None:
        """Row labels, then a column per item of `<name>.columns` (docxtpl column loops); the
        build gives the repeated columns equal widths (generator.documents.finishing)."""
        table = self._table(4, 4, (label_width, 0.2, total_width - label_width - 0.4, 0.2))
        header, body = table.rows[0].cells, table.rows[2].cells
        for cells, label, item, source in ((header, f"{name}.corner", "c", f"{name}.columns"),
                                           (body, "r.heading", "v", "r.cells")):
            _cell_text(cells[0], f"{{{{ {label} }}}}", bold=True)
            _cell_text(cells[1], f"{{%tc for {item} in {source} %}}")
            _cell_text(cells[2], f"{{{{ {item} }}}}")
            _cell_text(cells[3], "{%tc endfor %}")
        for cell in header:
            _shade(cell, ACCENT_HEX)
            for run in cell.paragraphs[0].runs:
                run.bold, run.font.color.rgb = True, RGBColor(0xFF, 0xFF, 0xFF)
        _shade(body[0], LIGHT_HEX)
        _repeat_header(table.rows[0])
        _loop_row(table.rows[1], f"for r in {name}.rows")
        _keep_row_together(table.rows[2])
        for row in (table.rows[0], table.rows[2]):
            _keep_row_with_next(row)
        _loop_row(table.rows[3], "endfor")
        self.doc.add_paragraph(style="Klein")

    def _table(self, rows: int, columns: int, widths: tuple[float, ...]) -> Table:
        table = self.doc.add_table(rows=rows, cols=columns)
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        _cell_margins(table)
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = Cm(width)
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Cm(width)
        return table

    def save(self, name: str, *, title: str) -> Path:
        core = self.doc.core_properties
        core.title, core.author, core.last_modified_by = title, "regiekit", "regiekit"
        core.revision, core.comments, core.keywords = 1, "Sjabloon van regiekit", "regiekit"
        core.language = LANGUAGE
        for dated in (qn("dcterms:created"), qn("dcterms:modified")):
            for element in core._element.findall(dated):  # a template has no date of its own
                core._element.remove(element)
        buffer = io.BytesIO()
        self.doc.save(buffer)
        from generator.documents.reproducible import freeze_zip

        path = HERE / name
        path.write_bytes(freeze_zip(_package_in_dutch(buffer.getvalue())))
        return path


# --- low-level python-docx helpers ------------------------------------------------------------

def _font(style: object, *, size: float, color: RGBColor | None = None,
          bold: bool | None = None, italic: bool | None = None) -> None:
    font = style.font  # type: ignore[attr-defined]
    font.name, font.size = FONT, Pt(size)
    if color is not None:
        font.color.rgb = color
    if bold is not None:
        font.bold = bold
    if italic is not None:
        font.italic = italic
    fonts = style.element.rPr.rFonts  # type: ignore[attr-defined]
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    fonts.set(qn("w:eastAsia"), FONT)
    fonts.set(qn("w:cs"), FONT)


def _no_border(style: object) -> None:
    ppr = style.element.get_or_add_pPr()  # type: ignore[attr-defined]
    for border in ppr.findall(qn("w:pBdr")):
        ppr.remove(border)


def _bottom_border(paragraph: Paragraph) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "4"),
                       ("w:color", ACCENT_HEX)):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.append(borders)


def _set_language(element: Element) -> None:
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        element.set(qn(attribute), LANGUAGE)


def _package_in_dutch(data: bytes) -> bytes:
    """The saved package with regiekit's extended properties and the language of the part
    python-docx does not model (stylesWithEffects.xml, for Word 2010) set to Dutch."""
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            content = source.read(member)
            if member.filename == "docProps/app.xml":
                content = APP_XML.encode()
            elif member.filename == "word/stylesWithEffects.xml":
                content = content.replace(b'w:val="en-US" w:eastAsia="en-US" w:bidi="ar-SA"',
                                          b'w:val="nl-NL" w:eastAsia="nl-NL" w:bidi="nl-NL"')
            target.writestr(member, content)
    return output.getvalue()


def _element(tag: str, *children: Element, val: str | None = None) -> Element:
    element = OxmlElement(tag)
    if val is not None:
        element.set(qn("w:val"), val)
    for child in children:
        element.append(child)
    return element


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A simple field (PAGE, NUMPAGES) showing "1" until Word or LibreOffice computes it."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _field_char(kind: str) -> Element:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    return _element("w:r", char)


def _instruction(code: str) -> Element:
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = code
    return _element("w:r", text)


def _box_font() -> Element:
    fonts = OxmlElement("w:rFonts")
    for attribute in ("w:ascii", "w:eastAsia", "w:hAnsi", "w:cs"):
        fonts.set(qn(attribute), BOX_FONT)
    return _element("w:rPr", fonts)


def _w14(tag: str, **attributes: str) -> Element:
    from lxml import etree

    element = etree.Element(f"{{{W14}}}{tag}", nsmap={"w14": W14})
    for name, value in attributes.items():
        element.set(f"{{{W14}}}{name}", value)
    return element


def _text_run(text: str, properties: Element | None = None) -> Element:
    run = OxmlElement("w:r")
    if properties is not None:
        run.append(properties)
    element = OxmlElement("w:t")
    element.set(qn("xml:space"), "preserve")
    element.text = text
    run.append(element)
    return run


def _content_control(alias: str, kind: Element, run: Element,
                     properties: Element | None = None) -> Element:
    """A run-level content control (w:sdt) a coordinator fills in on screen."""
    settings = _element("w:sdtPr")
    if properties is not None:
        settings.append(properties)
    settings.append(_element("w:alias", val=alias))
    settings.append(kind)
    return _element("w:sdt", settings, _element("w:sdtContent", run))


def checkbox(alias: str) -> Element:
    """A Word 2010 checkbox content control, unticked (☐, ticked ☒)."""
    kind = _w14("checkbox")
    kind.append(_w14("checked", val="0"))
    kind.append(_w14("checkedState", val="2612", font=BOX_FONT))
    kind.append(_w14("uncheckedState", val="2610", font=BOX_FONT))
    return _content_control(alias, kind, _text_run(BOX, _box_font()), _box_font())


def text_control(alias: str, text: str) -> Element:
    """A plain-text content control holding `text` (a docxtpl expression), several lines."""
    kind = OxmlElement("w:text")
    kind.set(qn("w:multiLine"), "1")
    return _content_control(alias, kind, _text_run(text))


def date_control(alias: str, text: str) -> Element:
    """A date picker content control (Dutch, day month year) showing `text` until filled."""
    kind = _element("w:date", _element("w:dateFormat", val="d MMMM yyyy"),
                    _element("w:lid", val=LANGUAGE),
                    _element("w:storeMappedDataAs", val="dateTime"),
                    _element("w:calendar", val="gregorian"))
    return _content_control(alias, kind, _text_run(text))


def _cell_text(cell: _Cell, text: str, *, bold: bool = False,
               color: RGBColor | None = None) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.style = cell.part.document.styles["Tabeltekst"]  # type: ignore[attr-defined]
    run = paragraph.add_run(text)
    run.bold = bold or None
    if color is not None:
        run.font.color.rgb = color


def _cell_margins(table: Table) -> None:
    """Some air around the text in every cell (twentieths of a point)."""
    margins = OxmlElement("w:tblCellMar")
    for side, size in (("top", 45), ("left", 90), ("bottom", 45), ("right", 90)):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(size))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    # Word rejects a table whose properties are out of schema order: tblCellMar before tblLook.
    table._tbl.tblPr.insert_element_before(margins, "w:tblLook", "w:tblCaption",
                                           "w:tblDescription", "w:tblPrChange")


def _shade(cell: _Cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _repeat_header(row: object) -> None:
    trpr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    header = OxmlElement("w:tblHeader")
    trpr.append(header)


def _keep_row_together(row: object) -> None:
    """A row never breaks across pages (Word: "Rij mag over pagina's worden afgebroken" off)."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # type: ignore[attr-defined]


def _cell_controls(cell: _Cell, alternatives: list[tuple[str, list[Element]]]) -> None:
    """Replace the cell's text by content controls; with several alternatives, each under its
    docxtpl condition (`if v.boxes`, `elif v.date`, `else`), closed by `endif`."""
    template = cell.paragraphs[0]
    style = template.style
    for condition, parts in alternatives:
        if condition:
            cell.add_paragraph(f"{{%p {condition} %}}", style)
        paragraph = cell.add_paragraph(style=style)
        for part in parts:
            paragraph._p.append(part if not isinstance(part, str) else _text_run(part))
    if len(alternatives) > 1:
        cell.add_paragraph("{%p endif %}", style)
    template._p.getparent().remove(template._p)


def _keep_row_with_next(row: object) -> None:
    """Every row of the table keeps with the next one: a short table is never split."""
    for cell in row.cells:  # type: ignore[attr-defined]
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.keep_with_next = True


def _loop_row(row: object, code: str) -> None:
    _cell_text(row.cells[0], f"{{%tr {code} %}}")  # type: ignore[attr-defined]


# --- the templates ---------------------------------------------------------------------------

def werkinstructie() -> Builder:
    b = Builder()
    b.header_footer("{{ region.name }} · {{ doc.title }}", "{{ doc.footer }}")
    b.title_page("{{ doc.kind }}", "{{ doc.title }}", "{{ region.name }}", "doc.rows")
    b.update_fields_on_open()
    b.page_break()
    b.table_of_contents("Inhoud")
    b.page_break()
    b.when("changes", lambda: (b.heading("Wijzigingen", 1), b.para("{{ changes.introduction }}"),
                               b.bullets("changes.lines")))

    def chapter(key: str, title: str, body: Callable[[], None]) -> None:
        def content() -> None:
            b.heading(f"{{{{ chapter.{key} }}}}. {title}", 1)
            body()
        b.when(key, content)

    def introduction() -> None:
        b.when("introduction.occasion", lambda: (b.heading("Aanleiding", 2),
                                                 b.para("{{ introduction.occasion }}")))
        b.heading("Doel", 2)
        b.para("{{ introduction.purpose }}")
        b.when("introduction.scope or introduction.applies_to", lambda: (
            b.heading("Reikwijdte", 2), b.para("{{ introduction.scope }}"),
            b.para("{{ introduction.applies_to }}")))
        b.when("introduction.principles", lambda: (
            b.heading("Uitgangspunten", 2), b.bullets("introduction.principles")))
        b.source("introduction.source")

    def item(name: str, extra: Callable[[], None] | None = None, level: int = 2,
             picture: bool = False, lead: Callable[[], None] | None = None) -> None:
        b.heading(f"{{{{ {name}.heading }}}}", level)
        if picture:
            b.picture(f"{name}.diagram")
        b.when(f"{name}.description", lambda: b.para(f"{{{{ {name}.description }}}}"))
        if lead:
            lead()
        b.when(f"{name}.rows", lambda: b.kv_table(f"{name}.rows"))
        if extra:
            extra()
        b.source(f"{name}.source")

    def conditions(name: str) -> None:
        """The conditions of `name` (`{intro, items}`) as a lead-in and a list."""
        b.when(f"{name}.conditions.texts", lambda: (
            b.para(f"{{{{ {name}.conditions.intro }}}}", "Tussenkop"),
            b.bullets(f"{name}.conditions.texts")))

    def definitions() -> None:
        def body() -> None:
            b.when("d.indicators", lambda: (b.para("{{ d.indicators_intro }}"),
                                            b.bullets("d.indicators")))
        b.loop("d in definitions", lambda: item("d", body))

    def roles() -> None:
        def body() -> None:
            b.when("r.tasks", lambda: (b.para("Taken", "Tussenkop"), b.bullets("r.tasks")))
            b.when("r.organisations", lambda: (
                b.para("Deze rol kan worden vervuld door", "Tussenkop"),
                b.bullets("r.organisations")))
        b.loop("r in roles", lambda: item("r", body))

    def meetings() -> None:
        def body() -> None:
            b.when("o.purpose", lambda: b.labelled("Doel: ", "{{ o.purpose }}"))
        b.loop("o in meetings", lambda: item("o", body))

    def assignments() -> None:
        def body() -> None:
            b.when("t.selection_criteria", lambda: (
                b.para("De keuze is gebaseerd op", "Tussenkop"),
                b.bullets("t.selection_criteria")))
        b.loop("p in assignment_diagrams", lambda: b.picture("p"))
        b.loop("t in assignments", lambda: item("t", body, lead=lambda: conditions("t")))

    def ladders() -> None:
        def steps() -> None:
            b.when("l.triggers", lambda: (b.para("Wanneer zet je deze route in?", "Tussenkop"),
                                          b.bullets("l.triggers")))
            b.when("l.overview", lambda: (
                b.para("Overzicht van de stappen", "Tussenkop"),
                b.list_table("l.steps", "s", [
                    ("Stap", "{{ s.number }}", 1.3), ("Wat", "{{ s.name }}", 4.9),
                    ("Wie mag starten", "{{ s.starters }}", 4.6),
                    ("Reactietermijn", "{{ s.reply_term }}", 3.0),
                    ("Formulier", "{{ s.form_name }}", 2.8)], together=True)))

            def step() -> None:
                b.heading("{{ s.heading }}", 3)
                b.lead_in("{{ s.description }}")  # a step stays in one piece where it fits
                b.when("s.rows", lambda: b.kv_table("s.rows"))
                conditions("s")
                b.when("s.meeting_conditions", lambda: (
                    b.para("Randvoorwaarden voor het overleg", "Tussenkop"),
                    b.numbered("s.meeting_conditions")))
                b.labelled("Wat volgt: ", "{{ s.follow_up }}")
                b.source("s.source")
            b.loop("s in l.steps", step)
        b.loop("l in escalation", lambda: item("l", steps, picture=True,
                                               lead=lambda: conditions("l")))

    def tools() -> None:
        b.loop("h in tools", lambda: item("h"))

    def shared() -> None:
        """The meldcode (or another shared protocol): steps, afwegingskader, norms, profiles."""
        def protocol() -> None:
            b.when("m.heading", lambda: b.para("{{ m.heading }}", "Tussenkop"))
            b.para("{{ m.description }}")
            b.loop("line in m.applies", lambda: b.para("{{ line }}"))
            b.heading("De stappen", 2)
            b.list_table("m.steps", "s", [
                ("Stap", "{{ s.number }}", 1.3), ("Wat", "{{ s.name }}: {{ s.description }}", 9.0),
                ("Vastleggen in het dossier", "{{ s.records }}", 6.3)])
            b.source("m.steps_source")
            b.heading("{{ m.framework_heading }}", 2)
            b.picture("m.diagram")
            b.list_table("m.questions", "q", [
                ("Afweging", "{{ q.number }}", 1.9), ("Vraag", "{{ q.text }}", 6.3),
                ("Bij ja", "{{ q.yes }}", 4.2), ("Bij nee", "{{ q.no }}", 4.2)])
            b.source("m.framework_source")
            b.when("m.norms", lambda: (b.heading("Normen", 2), b.bullets("m.norms"),
                                       b.source("m.norms_source")))
            b.heading("Profielen per beroepsgroep", 2)

            def profile() -> None:
                b.heading("{{ p.heading }}", 3)
                b.para("{{ p.description }}")
                b.kv_table("p.rows")
                b.when("p.duties", lambda: (b.para("Extra plichten", "Tussenkop"),
                                            b.bullets("p.duties")))
                b.source("p.source")
            b.loop("p in m.profiles", profile)
        b.loop("m in shared.protocols", protocol)

    def examples() -> None:
        def example() -> None:
            b.heading("{{ x.heading }}", 2)
            b.loop("paragraph in x.paragraphs", lambda: b.para("{{ paragraph }}"))
            b.when("x.shows", lambda: (b.para("Wat dit voorbeeld laat zien", "Tussenkop"),
                                       b.bullets("x.shows")))
            b.source("x.source")
        b.loop("x in examples", example)

    def commitments() -> None:
        b.para("{{ commitments.introduction }}")
        b.numbered("commitments.points")
        b.source("commitments.source")

    def frameworks() -> None:
        b.when("frameworks.fits", lambda: (
            b.heading("Passend binnen kaders", 2),
            b.sparse_table("frameworks.fits", "k", [
                ("Kader", "{{ k.framework }}", 4.0), ("Past de werkwijze?", "{{ k.fits }}", 3.4)],
                ("Toelichting", "note", 9.2))))
        b.when("frameworks.evaluations", lambda: (
            b.heading("Evaluatie", 2),
            b.sparse_table("frameworks.evaluations", "e", [
                ("Wat wordt geëvalueerd", "{{ e.subject }}", 9.2),
                ("Uiterlijk", "{{ e.date }}", 3.4)], ("Toelichting", "note", 4.0))))

    chapter("introduction", "Aanleiding, doel en reikwijdte", introduction)
    chapter("definitions", "Begrippen", definitions)
    chapter("functions", "Functies", lambda: b.loop("f in functions", lambda: item("f")))
    chapter("roles", "Rollen en taken", roles)
    chapter("meetings", "Casusoverleg", meetings)
    chapter("assignments", "Wie wordt regisseur of casemanager", assignments)
    chapter("escalation", "Escalatie", ladders)
    chapter("tools", "Hulpmiddelen en protocollen", tools)
    b.when("shared", lambda: (b.heading("{{ chapter.shared }}. {{ shared.title }}", 1),
                              shared()))
    chapter("commitments", "Wat we van de betrokken partijen vragen", commitments)
    chapter("examples", "Voorbeelden uit de praktijk", examples)
    chapter("frameworks", "Kaders en evaluatie", frameworks)

    def appendix(key: str, title: str, body: Callable[[], None]) -> None:
        def content() -> None:
            b.page_break()
            b.heading(f"Bijlage {{{{ appendix.{key} }}}}. {title}", 1)
            body()
        b.when(key, content)

    def organisations() -> None:
        def group() -> None:
            b.heading("{{ g.heading }}", 2)
            b.sparse_table("g.organisations", "o", [("Naam", "{{ o.name }}", 6.0)],
                           ("Omschrijving", "description", 10.6))
        b.loop("g in organisations", group)

    def forms() -> None:
        def form() -> None:
            b.heading("{{ f.heading }}", 2)
            b.when("f.description", lambda: b.para("{{ f.description }}"))
            b.loop("section in f.sections", lambda: (b.para("{{ section.heading }}", "Tussenkop"),
                                                     b.bullets("section.fields", "field")))
            b.para("Dit formulier is er ook als apart document dat op het scherm of op papier "
                   "kan worden ingevuld.", "Klein")
            b.source("f.source")
        b.loop("f in forms", form)

    def sources() -> None:
        b.sparse_table("sources", "s", [("Document", "{{ s.title }}", 8.0),
                                        ("Datum", "{{ s.date }}", 3.0)],
                       ("Uitgever en vindplaats", "details", 5.6))

    appendix("organisations", "Organisaties", organisations)
    appendix("forms", "Formulieren", forms)
    appendix("sources", "Bronnen", sources)
    return b


def short_document() -> Builder:
    """Header, footer and the title block of the one- or two-page documents."""
    b = Builder()
    b.header_footer("{{ region.name }} · {{ doc.title }}", "{{ doc.footer }}")
    b.para("{{ doc.kind }}", "Tussenkop")
    b.doc.add_paragraph("{{ doc.title }}", style="Title")
    b.doc.add_paragraph("{{ region.name }}", style="Subtitle")
    return b


def checklist() -> Builder:
    b = short_document()
    b.when("introduction", lambda: b.para("{{ introduction }}"))
    b.picture("diagram")
    b.fill_in_table("fill_in")

    def section() -> None:
        b.heading("{{ section.heading }}", 2)
        b.when("section.note", lambda: b.para("{{ section.note }}", "Klein"))
        table = b.list_table("section.points", "p", [
            ("✓", BOX, 0.9), ("Controlepunt", "{{ p.text }}", 10.2),
            ("Toelichting", "{{ p.note }}", 5.5)])
        _cell_controls(table.rows[2].cells[0], [("", [checkbox("Afgevinkt")])])
    b.loop("section in sections", section)
    b.source("source")
    return b


def formulier() -> Builder:
    b = short_document()
    b.when("description", lambda: b.para("{{ description }}"))
    b.fill_in_table("fill_in")

    def section() -> None:
        b.heading("{{ section.heading }}", 2)
        table = b.list_table("section.fields", "v", [
            ("Vraag", "{{ v.question }}", 6.6), ("Antwoord", "{{ v.answer }}", 10.0)],
            min_height=1.6)
        _cell_controls(table.rows[2].cells[1], [
            ("if v.boxes", [checkbox("Ja"), " ja      ", checkbox("Nee"), " nee"]),
            ("elif v.date", [date_control("{{ v.question }}", "{{ v.answer }}")]),
            ("else", [text_control("{{ v.question }}", "{{ v.answer }}")])])
        label_cell = table.rows[2].cells[0]
        _shade(label_cell, LIGHT_HEX)
        hint = label_cell.add_paragraph("{{ v.hint }}")
        hint.style = b.doc.styles["Klein"]
    b.loop("section in sections", section)
    b.para("{{ footnote }}", "Klein")
    b.source("source")
    return b


def verzoek() -> Builder:
    b = short_document()
    b.kv_table("header")
    b.heading("Bericht", 2)
    b.loop("paragraph in message", lambda: b.para("{{ paragraph }}"))
    b.when("deadline", lambda: (b.heading("Reactietermijn", 2), b.para("{{ deadline }}")))
    b.when("sections", lambda: b.heading("{{ attachment_heading }}", 2))

    def section() -> None:
        b.para("{{ section.heading }}", "Tussenkop")
        b.list_table("section.fields", "v", [("Vraag", "{{ v.question }}", 6.6),
                                             ("Antwoord", "{{ v.answer }}", 10.0)])
    b.loop("section in sections", section)
    b.source("source")
    return b


def casusoverzicht() -> Builder:
    b = short_document()
    b.kv_table("summary")
    b.heading("Tijdlijn", 2)
    b.picture("timeline_chart")
    b.when("timeline", lambda: b.list_table("timeline", "e", [
        ("Datum", "{{ e.date }}", 3.2), ("Wat", "{{ e.what }}", 5.2),
        ("Wie", "{{ e.who }}", 4.1), ("Toelichting", "{{ e.note }}", 4.1)]))
    b.when("deadlines", lambda: (b.heading("Reactietermijnen", 2), b.list_table(
        "deadlines", "d", [("Stap", "{{ d.step }}", 3.2), ("Verzonden", "{{ d.sent }}", 2.8),
                           ("Termijn", "{{ d.length }}", 2.0), ("Uiterlijk", "{{ d.due }}", 2.8),
                           ("Niet meegeteld", "{{ d.skipped }}", 3.2),
                           ("Reacties", "{{ d.replies }}", 2.6)])))
    b.heading("Bevindingen", 2)
    b.when("findings.verdict", lambda: b.para("{{ findings.verdict }}"))
    b.when("findings.rows", lambda: b.list_table("findings.rows", "f", [
        ("Regel", "{{ f.rule }}", 3.4), ("Ernst", "{{ f.severity }}", 2.6),
        ("Bevinding", "{{ f.message }}", 6.2), ("Bron", "{{ f.source }}", 4.4)]))
    b.when("findings.waived", lambda: (
        b.para("Bewust afgeweken", "Tussenkop"),
        b.list_table("findings.waived", "f", [
            ("Regel", "{{ f.rule }}", 3.4), ("Bevinding", "{{ f.message }}", 6.6),
            ("Besloten door", "{{ f.decided_by }}", 3.0), ("Bron", "{{ f.source }}", 3.6)])))
    b.heading("Wat volgt", 2)
    b.when("next.note", lambda: b.para("{{ next.note }}"))

    def route() -> None:
        b.para("{{ r.text }}", "Tussenkop")
        b.when("r.steps", lambda: b.list_table("r.steps", "n", [
            ("Volgende stap", "{{ n.step }}", 3.6), ("Wie mag starten", "{{ n.starters }}", 3.4),
            ("Wie kiest", "{{ n.chooser }}", 2.8), ("Wanneer", "{{ n.from }}", 3.2),
            ("Formulier", "{{ n.form }}", 3.6)]))
    b.loop("r in next.routes", route)
    b.when("next.meetings", lambda: b.bullets("next.meetings"))
    b.para("{{ privacy }}", "Klein")
    return b


def vergelijking() -> Builder:
    b = Builder(landscape=True)
    b.header_footer("{{ doc.title }}", "{{ doc.footer }}")
    b.para("{{ doc.kind }}", "Tussenkop")
    b.doc.add_paragraph("{{ doc.title }}", style="Title")
    b.doc.add_paragraph("{{ doc.subtitle }}", style="Subtitle")
    b.para("{{ introduction }}")
    width = 29.7 - 2 * 2.2
    b.heading("Functies per soort", 1)
    b.lead_in("Elke rij is een soort functie; per regio staat welke functie van die soort ze "
              "heeft en wie die uitvoert. — betekent dat de regio deze soort functie niet apart "
              "heeft belegd.")
    b.matrix_table("functions", 5.0, width)
    b.heading("Afspraken in één oogopslag", 1)
    b.lead_in("✓ betekent dat de regio deze afspraak heeft gemaakt, — dat ze die niet heeft.")
    b.matrix_table("features", 7.0, width)
    b.when("conditional", lambda: (
        b.heading("Organisaties onder voorwaarden", 1),
        b.lead_in("Deze organisaties mogen de rol alleen vervullen als aan de voorwaarde is "
                  "voldaan."),
        b.list_table("conditional", "o", [
            ("Organisatie", "{{ o.organisation }}", 4.5), ("Voorwaarde", "{{ o.condition }}", 10.0),
            ("Regio (rol)", "{{ o.regions }}", 10.8)])))

    def aspect() -> None:
        b.heading("{{ a.heading }}", 1)
        b.when("a.note", lambda: b.lead_in("{{ a.note }}"))
        b.list_table("a.rows", "r", [("Regio", "{{ r.name }}", 5.2),
                                     ("Invulling", "{{ r.value }}", 20.0)], together=True)
    b.loop("a in aspects", aspect)
    return b


def onderbouwing() -> Builder:
    """Per care desk (seed 004): the substantiation of capacity and budget for the municipality."""
    b = Builder()
    b.header_footer("{{ region.name }} · {{ doc.title }}", "{{ doc.footer }}")
    b.title_page("{{ doc.kind }}", "{{ doc.title }}", "{{ region.name }}", "doc.rows")
    b.when("note", lambda: b.para("{{ note }}", "Klein"))
    b.page_break()
    b.heading("Samenvatting", 1)
    b.loop("line in summary", lambda: b.para("{{ line }}"))
    b.heading("1. Zorgvraagoverzicht", 1)
    b.para("De zorgvraag per zorgsoort en dagdeel, met de kwalificatie die de zorg vraagt.")
    b.list_table("demand", "d", [
        ("Zorgsoort", "{{ d.care }}", 3.4), ("Vereist", "{{ d.needs }}", 3.6),
        ("Dagdeel", "{{ d.part }}", 2.0), ("Uur per week", "{{ d.week }}", 2.0),
        ("Uur per dag", "{{ d.days }}", 5.6)])
    b.para("Zorgvraag en ingeroosterde uren per dag en dagdeel", "Tussenkop")
    b.picture("demand_chart")
    b.heading("2. Functiemix", 1)
    b.list_table("functions", "f", [
        ("Functie", "{{ f.name }}", 3.3), ("Niveau", "{{ f.level }}", 1.6),
        ("Kwalificaties", "{{ f.qualifications }}", 3.6),
        ("Bevoegdheden", "{{ f.authorities }}", 2.7), ("Uurtarief", "{{ f.rate }}", 1.8),
        ("Mag geven", "{{ f.cares }}", 3.4)])
    b.heading("3. Basisdienstenpatroon", 1)
    b.para("Het aantal medewerkers per dienst en dag, zoals vastgelegd voor dit zorgloket.")
    week_grid(b, "pattern")
    b.para("Bemensing per aanbieder", "Tussenkop")
    b.list_table("providers", "p", [
        ("Aanbieder", "{{ p.name }}", 4.6), ("Functies (uur per week)", "{{ p.staff }}", 9.6),
        ("Totaal", "{{ p.total }}", 2.4)])
    b.heading("4. Kosten en budget", 1)
    b.kv_table("costs", widths=(7.0, 9.6))
    b.picture("cost_chart")
    b.heading("5. Tekorten en overschrijdingen", 1)
    b.tag("if issues")
    b.bullets("issues")
    b.tag("else")
    b.para("Geen: het basisdienstenpatroon dekt de zorgvraag in elk dagdeel met personeel dat "
           "die zorg mag geven, en past met de flexreserve binnen het budget.")
    b.tag("endif")
    b.heading("6. Minimaal basisdienstenpatroon", 1)
    b.para("Het goedkoopste patroon van hele diensten dat de zorgvraag dekt met de juiste "
           "kwalificaties, naast het basisdienstenpatroon.")
    week_grid(b, "minimal")
    b.para("Verschil per functie", "Tussenkop")
    b.list_table("comparison", "c", [
        ("Functie", "{{ c.function }}", 3.6), ("Patroon (uur per week)", "{{ c.declared }}", 3.2),
        ("Minimaal (uur per week)", "{{ c.minimal }}", 3.2),
        ("Verschil (uur)", "{{ c.difference }}", 2.6), ("Kosten per jaar", "{{ c.cost }}", 4.0)],
        together=True)
    b.heading("7. Voor de onderhandeling met de gemeente", 1)
    b.loop("line in negotiation", lambda: b.para("{{ line }}"))
    b.heading("Werkwijze", 2)
    b.loop("line in method", lambda: b.para("{{ line }}", "Klein"))
    b.loop("line in sources", lambda: b.para("{{ line }}", "Bron"))
    return b


def week_grid(b: Builder, rows: str) -> None:
    """A row per shift time and function, a column per weekday with the number of staff."""
    days = ("ma", "di", "wo", "do", "vr", "za", "zo")
    b.list_table(rows, "r", [("Dienst", "{{ r.time }}", 3.5), ("Functie", "{{ r.function }}", 3.3)]
                 + [(day, f"{{{{ r.days[{index}] }}}}", 1.4) for index, day in enumerate(days)])


TEMPLATES: dict[str, tuple[Callable[[], Builder], str]] = {
    "werkinstructie.docx": (werkinstructie, "Werkinstructie"),
    "checklist.docx": (checklist, "Checklist"),
    "formulier.docx": (formulier, "Formulier"),
    "verzoek.docx": (verzoek, "Verzoek"),
    "vergelijking.docx": (vergelijking, "Vergelijking van regio's"),
    "casusoverzicht.docx": (casusoverzicht, "Casusoverzicht"),
    "onderbouwing-capaciteit.docx": (onderbouwing, "Onderbouwing capaciteit"),
}


def build_all() -> list[Path]:
    return [make().save(name, title=title) for name, (make, title) in TEMPLATES.items()]


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent.parent))
    from generator.documents.templates_check import record_verified

    written = build_all()
    for path in written:
        print(path)
    # validate skips re-parsing templates whose bytes are recorded here as verified.
    problems = record_verified(written, HERE / "geverifieerd.json")
    if problems:
        sys.exit("sjablonen afgekeurd:\n" + "\n".join(problems))
